//! What a mention may hold, after `edges.rs` and before the document's passes (`verdict.rs`), each rule a named
//! function run in this order (issue 28: what the tagger made of books and English news):
//! 1. [`vessels`]: a ship (« USS Thomas Hudner », « HMS Victory ») is one mention, an organisation, never a
//!    person, and a person's name after « le porte-avions », « the destroyer » is the ship's;
//! 2. [`titles`]: a title (« Master », « Doctor », « Miss », « Majesty », « Grand Master ») is no person and no
//!    part of one; a name right after one is a person (« Inspector Lestrade »);
//! 3. [`lower_case`]: a person's name holds no lower-case word but a particle (« Holmes coldly » is
//!    « Holmes »; « van », « de », « bin » stay) and no possessive « 's »;
//! 4. [`coordinated`]: « Mario Lucero and Isabel Ruiz » are two people, not one name;
//! 5. [`possessive`]: a plural's possessive is no boundary (« International Women's Day », « Transport
//!    Workers' Federation »); an event so made is no entity;
//! 6. [`abbreviations`]: « U.S. », « D.C. » keep their last full stop;
//! 7. [`not_entities`]: a demonym (« Afghan »), a holiday (« Christmas ») or an abbreviation of a thing (« DNA »,
//!    « CEO ») alone is no mention, and a person whose last word is a street's or a site's (« Baker Street ») is
//!    a place.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

mod lists;
mod names;
mod titles;

use super::tag::features::Sequence;
use super::text::token::{CAP, INNER_CAP, NL, PUNCT, UPPER};
use super::verdict::Found;

pub use names::{abbreviations, coordinated, lower_case, not_entities, possessive};
pub use titles::{title_at, titles, vessels};

/// Runs every rule of this module, in order.
pub fn mend(seq: &Sequence, found: &mut Vec<Found>) {
    vessels(seq, found);
    titles(seq, found);
    found.retain(|f| f.a < f.e);
    lower_case(seq, found);
    coordinated(seq, found);
    possessive(seq, found);
    abbreviations(seq, found);
    not_entities(seq, found);
    found.retain(|f| f.a < f.e);
    found.sort_by_key(|f| (f.a, f.e));
    // a rule may make two mentions meet: the first keeps its words
    let mut end = 0;
    found.retain(|f| {
        let keep = f.a >= end;
        if keep {
            end = f.e;
        }
        keep
    });
}

pub(super) fn is_punct(seq: &Sequence, i: usize) -> bool {
    seq.toks.get(i).is_some_and(|t| t.flags & PUNCT != 0)
}

/// A word that may be part of a name: capitalised, in capitals, « al-Deif », or a number (« Louis XIV »,
/// « Apollo 11 »).
pub(super) fn namey(seq: &Sequence, i: usize) -> bool {
    seq.toks
        .get(i)
        .is_some_and(|t| t.flags & PUNCT == 0 && t.flags & (CAP | UPPER | INNER_CAP) != 0)
}

/// A lower-case word.
pub(super) fn lower(seq: &Sequence, i: usize) -> bool {
    seq.toks
        .get(i)
        .is_some_and(|t| t.flags & (PUNCT | CAP | UPPER | INNER_CAP) == 0)
        && seq.word(i).chars().next().is_some_and(char::is_lowercase)
}

pub(super) fn list_flags(seq: &Sequence, i: usize) -> u32 {
    seq.info(i).map_or(0, |w| (w.lex & 0xffff_ffff) as u32)
}

pub(super) fn exact_flags(seq: &Sequence, i: usize) -> u32 {
    seq.info(i).map_or(0, |w| (w.lex >> 32) as u32)
}

/// Token `i` starts a new line.
pub(super) fn breaks(seq: &Sequence, i: usize) -> bool {
    seq.toks.get(i).is_some_and(|t| t.flags & NL != 0)
}

/// Token `i` touches the one before it (no space between).
pub(super) fn glued(seq: &Sequence, i: usize) -> bool {
    match (
        i.checked_sub(1).and_then(|j| seq.toks.get(j)),
        seq.toks.get(i),
    ) {
        (Some(p), Some(t)) => p.end == t.start,
        _ => false,
    }
}

/// `w` is among `sorted` (sorted in byte order: every list of `lists.rs` is, see its test).
pub(super) fn among(sorted: &[&str], w: &str) -> bool {
    sorted.binary_search(&w).is_ok()
}

/// A capitalised word (ASCII capital first) among `sorted`: most words are passed over on their first byte.
pub(super) fn capitalised_among(sorted: &[&str], w: &str) -> bool {
    w.as_bytes().first().is_some_and(u8::is_ascii_uppercase) && among(sorted, w)
}

#[cfg(test)]
pub(super) mod tests {
    use crate::Label;
    use crate::tag::features::Sequence;
    use crate::verdict::Found;

    pub(in crate::mend) fn m(a: usize, e: usize, label: Label) -> Found {
        Found {
            a,
            e,
            label,
            p: 0.8,
        }
    }

    pub(in crate::mend) fn spans(seq: &Sequence, found: &[Found]) -> Vec<(String, Label)> {
        found
            .iter()
            .map(|f| {
                let s = seq.toks[f.a].start as usize;
                let e = seq.toks[f.e - 1].end as usize;
                (seq.text[s..e].to_string(), f.label)
            })
            .collect()
    }
}
