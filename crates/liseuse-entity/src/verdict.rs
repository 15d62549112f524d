//! What one document decides over the tagger's mentions, a named pass each, run in this order:
//! 0. [`within_lines`]: a mention never runs across a line break (then `edges.rs` trims each mention);
//! 1. [`one_label_per_name`]: a name keeps one label through the article, the one its mentions give with the
//!    most confidence (« Hamas » tagged ORG where the article calls it a movement, LOC where nothing said);
//! 2. [`surnames`]: a surname alone, or written again, is the person named in full elsewhere in the article
//!    (« Khamenei » after « Ali Khamenei »), even where the tagger saw nothing;
//! 3. [`propagate`]: a capitalised word the article names with confidence is a mention wherever it stands
//!    again inside a sentence;
//! 4. [`english_article`]: « The » opens no name (« the National Weather Service »), where French keeps its
//!    article in a few (« Le Monde »), which the model learnt from French.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::Label;
use super::tag::features::{DOC_LOWER, DOC_MID_CAP, Sequence, is_trigger};
use super::text::fold::FxMap;
use super::text::lexicon::TITLE;
use super::text::token::{CAP, NL, PUNCT, SENT, UPPER};

/// A mention between the passes: tokens `[a, e)`, label, probability of being right (0–1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    pub a: usize,
    pub e: usize,
    pub label: Label,
    pub p: f32,
}

/// How much more confidence the winning label needs than a mention's own to relabel it.
const VOTE_MARGIN: f32 = 1.5;
/// The probability a mention needs to make its surname or its word a mention elsewhere.
const SURE: f32 = 0.7;

/// A key for the words of tokens `[a, e)`, folded: « Hamas » and « HAMAS » share it.
fn name_key(seq: &Sequence, a: usize, e: usize) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for i in a..e {
        if let Some(w) = seq.info(i) {
            h = (h ^ w.fold).wrapping_mul(0x0100_0000_01b3).rotate_left(17);
        }
    }
    h
}

fn label_index(l: Label) -> usize {
    match l {
        Label::Per => 0,
        Label::Org => 1,
        Label::Loc => 2,
        Label::Date => 3,
    }
}

/// Pass 0: a mention ends at a line break (a title, a speaker, a list item stand on their own lines): one the
/// tagger ran across lines is cut there, each part keeping its label and probability.
pub fn within_lines(seq: &Sequence, found: &mut Vec<Found>) {
    let crosses =
        |f: &Found| (f.a + 1..f.e).any(|j| seq.toks.get(j).is_some_and(|t| t.flags & NL != 0));
    if !found.iter().any(crosses) {
        return;
    }
    let mut out = Vec::with_capacity(found.len() + 2);
    for f in found.iter() {
        let mut a = f.a;
        for j in f.a + 1..f.e {
            if seq.toks.get(j).is_some_and(|t| t.flags & NL != 0) {
                out.push(Found { a, e: j, ..*f });
                a = j;
            }
        }
        out.push(Found { a, ..*f });
    }
    *found = out;
}

/// Pass 1: each name takes the label its mentions weigh most for.
pub fn one_label_per_name(seq: &Sequence, found: &mut [Found]) {
    let mut votes: FxMap<u64, [f32; 4]> = FxMap::default();
    let keys: Vec<u64> = found.iter().map(|f| name_key(seq, f.a, f.e)).collect();
    for (f, k) in found.iter().zip(&keys) {
        if let Some(v) = votes.entry(*k).or_default().get_mut(label_index(f.label)) {
            *v += f.p;
        }
    }
    for (f, k) in found.iter_mut().zip(&keys) {
        let Some(v) = votes.get(k) else { continue };
        let own = v.get(label_index(f.label)).copied().unwrap_or(0.0);
        let (best, &w) = v
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .unwrap_or((0, &0.0));
        if w > own * VOTE_MARGIN
            && let Some(&l) = [Label::Per, Label::Org, Label::Loc].get(best)
        {
            f.label = l;
            f.p = f.p.min(w / (w + own));
        }
    }
}

/// Pass 2: a person's surname (the last word of a name in full) is that person wherever it stands alone.
pub fn surnames(seq: &Sequence, found: &mut Vec<Found>) {
    let mut sur: FxMap<u64, f32> = FxMap::default();
    for f in found.iter() {
        let words = (f.a..f.e)
            .filter(|&i| seq.info(i).is_some_and(|w| w.flags & PUNCT == 0))
            .count();
        if f.label == Label::Per && words >= 2 && f.p >= SURE {
            let p = sur.entry(name_key(seq, f.e - 1, f.e)).or_insert(0.0);
            *p = p.max(f.p);
        }
    }
    if sur.is_empty() {
        return;
    }
    for f in found.iter_mut() {
        if f.e == f.a + 1
            && f.label != Label::Per
            && let Some(&p) = sur.get(&name_key(seq, f.a, f.e))
        {
            f.label = Label::Per;
            f.p = f.p.max(p * 0.9);
        }
    }
    add_missing(seq, found, |k| sur.get(&k).map(|&p| (Label::Per, p * 0.9)));
}

/// Pass 3: a one-word name tagged with confidence is a mention where it stands again inside a sentence.
pub fn propagate(seq: &Sequence, found: &mut Vec<Found>) {
    let mut sure: FxMap<u64, (Label, f32)> = FxMap::default();
    for f in found.iter() {
        if f.e == f.a + 1 && f.p >= SURE && f.label != Label::Date {
            let e = sure
                .entry(name_key(seq, f.a, f.e))
                .or_insert((f.label, 0.0));
            if f.p > e.1 {
                *e = (f.label, f.p);
            }
        }
    }
    if sure.is_empty() {
        return;
    }
    add_missing(seq, found, |k| sure.get(&k).map(|&(l, p)| (l, p * 0.8)));
}

/// Pass 4: a mention that starts with the English article starts after it.
pub fn english_article(seq: &Sequence, found: &mut [Found]) {
    for f in found.iter_mut() {
        if f.e > f.a + 1 && matches!(seq.word(f.a), "The" | "the") {
            f.a += 1;
        }
    }
}

/// Adds a mention for each capitalised word outside every mention whose key `known` knows, when the word
/// stands inside a sentence (or is capitalised inside one elsewhere in the document) and is never written
/// in lower case.
fn add_missing(
    seq: &Sequence,
    found: &mut Vec<Found>,
    known: impl Fn(u64) -> Option<(Label, f32)>,
) {
    let mut covered = vec![false; seq.toks.len()];
    for f in found.iter() {
        for c in covered.iter_mut().take(f.e).skip(f.a) {
            *c = true;
        }
    }
    let mut added = Vec::new();
    // the capitalised tokens only, in order: a lower-case one is never added
    for (i, t) in seq
        .caps
        .iter()
        .filter_map(|&i| Some((i as usize, seq.toks.get(i as usize)?)))
    {
        if t.flags & (CAP | UPPER) == 0 || covered.get(i).copied().unwrap_or(true) {
            continue;
        }
        let Some(w) = seq.info(i) else { continue };
        let beside = |j: Option<usize>| {
            j.and_then(|j| seq.toks.get(j))
                .is_some_and(|n| n.flags & (CAP | UPPER) != 0 && n.flags & PUNCT == 0)
        };
        // after a title the word is a name's, not a sentence's first (« M. KERAVEC : », « Mme Rossignol »)
        let titled = after_title(seq, i);
        if !is_trigger(t, w.lex)
            || w.doc & DOC_LOWER != 0
            || (!titled && t.flags & SENT != 0 && w.doc & DOC_MID_CAP == 0)
            || (!titled && beside(i.checked_sub(1)))
            || beside(Some(i + 1))
        {
            continue;
        }
        if let Some((label, p)) = known(name_key(seq, i, i + 1)) {
            added.push(Found {
                a: i,
                e: i + 1,
                label,
                p,
            });
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|f| (f.a, f.e));
    }
}

/// Token `i` follows a title (« M. », « Mme », « Dr »), in the same line.
fn after_title(seq: &Sequence, i: usize) -> bool {
    let Some(mut j) = i.checked_sub(1) else {
        return false;
    };
    if seq.toks.get(i).is_some_and(|t| t.flags & NL != 0) {
        return false;
    }
    if seq.word(j) == "." {
        if seq.toks.get(j).is_some_and(|t| t.flags & NL != 0) {
            return false;
        }
        let Some(k) = j.checked_sub(1) else {
            return false;
        };
        j = k;
    }
    seq.toks.get(j).is_some_and(|t| t.flags & PUNCT == 0)
        && seq.info(j).is_some_and(|w| w.lex & u64::from(TITLE) != 0)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The index of the `nth` token written `w` (the tests of `edges.rs` too).
    pub(crate) fn at(seq: &Sequence, w: &str, nth: usize) -> usize {
        (0..seq.toks.len())
            .filter(|&i| seq.word(i) == w)
            .nth(nth)
            .unwrap()
    }

    #[test]
    fn a_mention_is_cut_at_a_line_break() {
        let seq = Sequence::new("Oriane Quesnel\nOriane Quesnel est née à Besançon.");
        let a = at(&seq, "Quesnel", 0);
        let mut found = vec![Found {
            a,
            e: a + 3,
            label: Label::Per,
            p: 0.8,
        }];
        within_lines(&seq, &mut found);
        let got: Vec<(usize, usize)> = found.iter().map(|f| (f.a, f.e)).collect();
        assert_eq!(got, [(a, a + 1), (a + 1, a + 3)]);
        assert!(found.iter().all(|f| f.label == Label::Per && f.p == 0.8));
    }

    #[test]
    fn a_surname_after_a_title_is_the_person_even_opening_a_line() {
        let text = "Je suis allée à Aurillac avec Bertrand Keravec.\nM. KERAVEC : Je confirme.\nPORTER : oui.";
        let seq = Sequence::new(text);
        let b = at(&seq, "Bertrand", 0);
        let mut found = vec![Found {
            a: b,
            e: b + 2,
            label: Label::Per,
            p: 0.95,
        }];
        surnames(&seq, &mut found);
        let k = at(&seq, "KERAVEC", 0);
        let got: Vec<(usize, usize, Label)> = found.iter().map(|f| (f.a, f.e, f.label)).collect();
        // « PORTER » opens its line with no title and no one of that name: nothing says it is a person
        assert_eq!(got, [(b, b + 2, Label::Per), (k, k + 1, Label::Per)]);
    }

    #[test]
    fn a_surname_joins_its_person_and_a_name_keeps_one_label() {
        let text =
            "Ali Khamenei a parlé au Hamas. Selon Khamenei, le Hamas gagne, et Khamenei sourit.";
        let seq = Sequence::new(text);
        let ali = at(&seq, "Ali", 0);
        let h0 = at(&seq, "Hamas", 0);
        let h1 = at(&seq, "Hamas", 1);
        let k1 = at(&seq, "Khamenei", 1);
        let mut found = vec![
            Found {
                a: ali,
                e: ali + 2,
                label: Label::Per,
                p: 0.95,
            },
            Found {
                a: h0,
                e: h0 + 1,
                label: Label::Org,
                p: 0.9,
            },
            Found {
                a: k1,
                e: k1 + 1,
                label: Label::Loc,
                p: 0.4,
            },
            Found {
                a: h1,
                e: h1 + 1,
                label: Label::Loc,
                p: 0.3,
            },
        ];
        found.sort_by_key(|f| f.a);
        one_label_per_name(&seq, &mut found);
        surnames(&seq, &mut found);
        let got: Vec<(&str, Label)> = found.iter().map(|f| (seq.word(f.a), f.label)).collect();
        assert_eq!(
            got,
            [
                ("Ali", Label::Per),
                ("Hamas", Label::Org),
                ("Khamenei", Label::Per),
                ("Hamas", Label::Org),
                ("Khamenei", Label::Per)
            ]
        );
    }
}
