//! Rules 1 and 2 of `mend`: ships, and titles.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::lists::{ENGLISH_TITLES, SHIP_HEADS, SHIP_PREFIXES, TITLE_ADJECTIVES};
use super::{among, breaks, capitalised_among, glued, is_punct, list_flags, lower, namey};
use crate::Label;
use crate::tag::features::Sequence;
use crate::text::lexicon::TITLE;
use crate::text::token::UPPER;
use crate::verdict::Found;

/// An English title as written (« Mr », « Majesty »).
pub fn is_title(w: &str) -> bool {
    capitalised_among(ENGLISH_TITLES, w)
}

/// Token `i` is an English title: the lexicon's title flag first (one bit, computed once per word), then the
/// list.
pub fn title_at(seq: &Sequence, i: usize) -> bool {
    list_flags(seq, i) & TITLE != 0 && is_title(seq.word(i))
}

/// Rule 1: a ship is one mention, an organisation.
pub fn vessels(seq: &Sequence, found: &mut Vec<Found>) {
    let n = seq.toks.len();
    let mut ships: Vec<Found> = Vec::new();
    for (i, t) in seq.toks.iter().enumerate() {
        // every prefix is two to five capitals: most tokens are passed over on their flags and length
        let maybe = t.flags & UPPER != 0 && (2..=5).contains(&(t.end - t.start));
        if !maybe || !among(SHIP_PREFIXES, seq.word(i)) || !namey(seq, i + 1) || breaks(seq, i + 1)
        {
            continue;
        }
        let mut e = i + 1;
        while e < n
            && !breaks(seq, e)
            && (namey(seq, e) || seq.word(e).bytes().all(|b| b.is_ascii_digit()))
        {
            e += 1;
        }
        let p = found
            .iter()
            .filter(|f| f.a < e && i < f.e)
            .map(|f| f.p)
            .fold(0.5f32, f32::max);
        ships.push(Found {
            a: i,
            e,
            label: Label::Org,
            p,
        });
    }
    if !ships.is_empty() {
        found.retain(|f| !ships.iter().any(|s| f.a < s.e && s.a < f.e));
        found.extend(ships);
        found.sort_by_key(|f| (f.a, f.e));
    }
    for f in found.iter_mut() {
        let head = f.a.checked_sub(1).map(|j| seq.word(j));
        if f.label == Label::Per && head.is_some_and(|h| h.len() >= 5 && among(SHIP_HEADS, h)) {
            f.label = Label::Org;
        }
    }
}

/// The title words opening tokens `[a, e)`: « Mr », « Mr . », « Grand Master ».
fn title_run(seq: &Sequence, a: usize, e: usize) -> usize {
    let mut i = a;
    let mut titled = false;
    while i < e {
        let w = seq.word(i);
        if title_at(seq, i) {
            titled = true;
            i += 1;
            // « Mr. », « Dr. »
            if i < e && seq.word(i) == "." && glued(seq, i) {
                i += 1;
            }
        } else if capitalised_among(TITLE_ADJECTIVES, w) && i + 1 < e {
            i += 1;
        } else {
            break;
        }
    }
    if titled { i } else { a }
}

/// Rule 2: titles are no person and no part of a name; a name right after one is a person.
pub fn titles(seq: &Sequence, found: &mut [Found]) {
    for f in found.iter_mut() {
        let words_end = f.e;
        let t = title_run(seq, f.a, words_end);
        if t >= f.e || (t > f.a && (t..f.e).all(|i| is_punct(seq, i))) {
            // nothing but titles: « Doctor », « Majesty », « Grand Master »
            f.e = f.a;
            continue;
        }
        if t > f.a {
            // « Master Holmes »: the name is the person's; an organisation keeps its title (« General Motors »)
            if f.label == Label::Per {
                f.a = t;
            }
            continue;
        }
        // a French title a line opens with (« Guide suprême »): a title and what qualifies it, no name
        if (f.a..f.e).all(|i| is_punct(seq, i) || lower(seq, i) || list_flags(seq, i) & TITLE != 0)
            && list_flags(seq, f.a) & TITLE != 0
            && namey(seq, f.a)
            && f.e > f.a + 1
        {
            f.e = f.a;
            continue;
        }
        // « Inspector Lestrade », « Mr. Holmes »: the name after a title is a person's
        if f.label != Label::Per && f.e <= f.a + 2 && after_english_title(seq, f.a) {
            f.label = Label::Per;
        }
    }
}

/// Token `i` follows an English title in its line (« Mr. », « Inspector »).
fn after_english_title(seq: &Sequence, i: usize) -> bool {
    if breaks(seq, i) {
        return false;
    }
    let Some(mut j) = i.checked_sub(1) else {
        return false;
    };
    if seq.word(j) == "." {
        if breaks(seq, j) {
            return false;
        }
        let Some(k) = j.checked_sub(1) else {
            return false;
        };
        j = k;
    }
    title_at(seq, j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mend::tests::{m, spans};
    use crate::verdict::tests::at;

    #[test]
    fn a_ship_is_one_organisation_never_a_person() {
        let text =
            "l’équipage de l’USS Thomas Hadner a tiré, puis le porte-avions Charles de Gaulle.";
        let seq = Sequence::new(text);
        let uss = at(&seq, "USS", 0);
        let ch = at(&seq, "Charles", 0);
        let mut found = vec![
            m(uss, uss + 1, Label::Org),
            m(uss + 1, uss + 3, Label::Per),
            m(ch, ch + 3, Label::Per),
        ];
        vessels(&seq, &mut found);
        assert_eq!(
            spans(&seq, &found),
            [
                ("USS Thomas Hadner".into(), Label::Org),
                ("Charles de Gaulle".into(), Label::Org)
            ]
        );
    }

    #[test]
    fn a_title_is_no_person_nor_part_of_one() {
        let text = "Master Holmes said to the Doctor that his Majesty and the Grand Master knew. Then Inspector Lestrade came.";
        let seq = Sequence::new(text);
        let w = |s: &str| at(&seq, s, 0);
        let mut found = vec![
            m(w("Master"), w("Master") + 2, Label::Per),
            m(w("Doctor"), w("Doctor") + 1, Label::Per),
            m(w("Majesty"), w("Majesty") + 1, Label::Per),
            m(w("Grand"), w("Grand") + 2, Label::Org),
            m(w("Lestrade"), w("Lestrade") + 1, Label::Loc),
        ];
        titles(&seq, &mut found);
        found.retain(|f| f.a < f.e);
        assert_eq!(
            spans(&seq, &found),
            [
                ("Holmes".into(), Label::Per),
                ("Lestrade".into(), Label::Per)
            ]
        );
    }

    #[test]
    fn a_title_a_line_opens_with_is_no_organisation() {
        let text = "Il a salué le Guide suprême ce jeudi.";
        let seq = Sequence::new(text);
        let g = at(&seq, "Guide", 0);
        let mut found = vec![m(g, g + 2, Label::Org)];
        titles(&seq, &mut found);
        assert!(found.iter().all(|f| f.a == f.e));
    }
}
