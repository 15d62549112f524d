//! Rules 3 to 7 of `mend`: what a name may hold (lower-case words, « and », possessives, full stops) and
//! what is no mention at all (demonyms, holidays, abbreviations of things).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::lists::{EVENT_WORDS, HOLIDAYS, PLURAL_POSSESSIVES};
use super::{breaks, capitalised_among, exact_flags, glued, is_punct, list_flags, lower, namey};
use crate::Label;
use crate::tag::features::Sequence;
use crate::text::lexicon::{DEMONYM, GIVEN_NAME, LOC_SUFFIX, NOT_NAME, NOT_ORG, PARTICLE};
use crate::text::token::UPPER;
use crate::verdict::Found;

/// A word that may sit inside a person's name in lower case: « van », « de », « bin », « d' ».
fn particle(seq: &Sequence, i: usize) -> bool {
    list_flags(seq, i) & PARTICLE != 0
}

/// Rule 3: a person's name is cut at a lower-case word that is no particle and at a possessive « 's »; each
/// piece with a capitalised word is a mention.
pub fn lower_case(seq: &Sequence, found: &mut Vec<Found>) {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.iter() {
        if f.label != Label::Per {
            out.push(*f);
            continue;
        }
        let mut start = f.a;
        let mut i = f.a;
        let mut cut = false;
        while i < f.e {
            let possessive =
                matches!(seq.word(i), "'" | "’") && seq.word(i + 1) == "s" && glued(seq, i + 1);
            let stray = lower(seq, i)
                && !particle(seq, i)
                && !(seq.word(i) == "s" && i > f.a && matches!(seq.word(i - 1), "'" | "’"));
            if possessive || stray {
                piece(seq, &mut out, *f, start, i);
                cut = true;
                i += if possessive { 2 } else { 1 };
                start = i;
                continue;
            }
            i += 1;
        }
        if cut {
            piece(seq, &mut out, *f, start, f.e);
        } else {
            out.push(*f);
        }
    }
    *found = out;
}

/// Tokens `[a, e)` of mention `f` as a mention of their own, trimmed of punctuation and of particles at the
/// end, when a capitalised word is left.
fn piece(seq: &Sequence, out: &mut Vec<Found>, f: Found, mut a: usize, mut e: usize) {
    while a < e && is_punct(seq, a) {
        a += 1;
    }
    while e > a
        && (is_punct(seq, e - 1) && seq.word(e - 1) != "."
            || particle(seq, e - 1) && lower(seq, e - 1))
    {
        e -= 1;
    }
    if (a..e).any(|i| namey(seq, i)) {
        out.push(Found { a, e, ..f });
    }
}

/// Rule 4: « Mario Lucero and Isabel Ruiz » are two people: a mention cut at « and » (« et ») where each side
/// has two words or more and opens with a given name.
pub fn coordinated(seq: &Sequence, found: &mut Vec<Found>) {
    let mut out = Vec::with_capacity(found.len());
    for f in found.iter() {
        if !matches!(f.label, Label::Per | Label::Org) {
            out.push(*f);
            continue;
        }
        let and = (f.a + 1..f.e).find(|&i| matches!(seq.word(i), "and" | "et"));
        let person = |a: usize, e: usize| {
            let words = (a..e).filter(|&i| !is_punct(seq, i)).count();
            words >= 2 && namey(seq, a) && exact_flags(seq, a) & GIVEN_NAME != 0
        };
        match and {
            Some(k) if person(f.a, k) && person(k + 1, f.e) => {
                out.push(Found {
                    e: k,
                    label: Label::Per,
                    ..*f
                });
                out.push(Found {
                    a: k + 1,
                    label: Label::Per,
                    ..*f
                });
            }
            _ => out.push(*f),
        }
    }
    *found = out;
}

/// Rule 5: a plural's possessive inside a name: the mention runs on over it and the capitalised words after;
/// an event so named (« … Women's Day ») is no mention.
pub fn possessive(seq: &Sequence, found: &mut Vec<Found>) {
    let n = seq.toks.len();
    let mut joined = false;
    for k in 0..found.len() {
        let Some(f) = found.get(k).copied() else {
            continue;
        };
        if f.label == Label::Per || f.e <= f.a {
            continue;
        }
        let last = f.e - 1;
        let w = seq.word(last);
        let apostrophe = |i: usize| matches!(seq.word(i), "'" | "’") && glued(seq, i);
        // « Women's Day » or « Workers' Federation »
        let after = if capitalised_among(PLURAL_POSSESSIVES, w)
            && apostrophe(f.e)
            && seq.word(f.e + 1) == "s"
            && glued(seq, f.e + 1)
        {
            f.e + 2
        } else if w.ends_with('s')
            && namey(seq, last)
            && apostrophe(f.e)
            && seq.word(f.e + 1) != "s"
        {
            f.e + 1
        } else {
            continue;
        };
        if !namey(seq, after) || breaks(seq, after) {
            continue;
        }
        let mut e = after;
        while e < n && !breaks(seq, e) && namey(seq, e) {
            e += 1;
        }
        // the words after may be a mention of their own: it joins this one
        let e = found
            .iter()
            .filter(|g| g.a >= after && g.a < e)
            .map(|g| g.e)
            .fold(e, usize::max);
        let event = (after..e).any(|i| {
            capitalised_among(EVENT_WORDS, seq.word(i)) || list_flags(seq, i) & NOT_NAME != 0
        });
        if let Some(g) = found.get_mut(k) {
            if event {
                g.e = g.a;
            } else {
                g.e = e;
            }
        }
        for g in found.iter_mut().skip(k + 1) {
            if g.a >= after && g.a < e {
                g.e = g.a; // taken into the joined mention, or part of the event
            }
        }
        joined = true;
    }
    if joined {
        found.retain(|f| f.a < f.e);
    }
}

/// Rule 6: « U.S. », « D.C. »: a mention of letters and full stops keeps its last full stop.
pub fn abbreviations(seq: &Sequence, found: &mut [Found]) {
    for f in found.iter_mut() {
        if f.e < f.a + 3 {
            continue;
        }
        let last = f.e - 1;
        let letter = |i: usize| {
            let w = seq.word(i);
            (1..=2).contains(&w.chars().count()) && w.chars().all(char::is_uppercase)
        };
        if letter(last)
            && seq.word(last - 1) == "."
            && glued(seq, last)
            && seq.word(f.e) == "."
            && glued(seq, f.e)
        {
            f.e += 1;
        }
    }
}

/// Rule 7: a demonym, a holiday or an abbreviation of a thing alone is no mention; a person named like a street
/// is the street.
pub fn not_entities(seq: &Sequence, found: &mut [Found]) {
    for f in found.iter_mut() {
        if f.e <= f.a {
            continue;
        }
        let one = f.e == f.a + 1;
        let w = seq.word(f.a);
        let abbreviation = list_flags(seq, f.a) & NOT_ORG != 0
            && seq.toks.get(f.a).is_some_and(|t| t.flags & UPPER != 0);
        if one
            && (capitalised_among(HOLIDAYS, w)
                || list_flags(seq, f.a) & DEMONYM != 0
                || abbreviation)
        {
            f.e = f.a;
            continue;
        }
        let last = f.e - 1;
        if f.label == Label::Per
            && f.e > f.a + 1
            && namey(seq, last)
            && list_flags(seq, last) & LOC_SUFFIX != 0
        {
            f.label = Label::Loc;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mend::tests::{m, spans};
    use crate::verdict::tests::at;

    #[test]
    fn a_person_holds_no_lower_case_word_but_a_particle() {
        let text =
            "Holmes coldly said that Vincent van Gogh and Holmes's friend met Mohammed bin Salman.";
        let seq = Sequence::new(text);
        let h = at(&seq, "Holmes", 0);
        let v = at(&seq, "Vincent", 0);
        let h2 = at(&seq, "Holmes", 1);
        let mo = at(&seq, "Mohammed", 0);
        let mut found = vec![
            m(h, h + 2, Label::Per),
            m(v, v + 3, Label::Per),
            m(h2, h2 + 4, Label::Per),
            m(mo, mo + 3, Label::Per),
        ];
        lower_case(&seq, &mut found);
        assert_eq!(
            spans(&seq, &found),
            [
                ("Holmes".into(), Label::Per),
                ("Vincent van Gogh".into(), Label::Per),
                ("Holmes".into(), Label::Per),
                ("Mohammed bin Salman".into(), Label::Per)
            ]
        );
    }

    #[test]
    fn two_people_joined_by_and_are_two_mentions() {
        let text = "It was founded by Mario Lucero and Isabel Ruiz, unlike Marks and Spencer.";
        let seq = Sequence::new(text);
        let mario = at(&seq, "Mario", 0);
        let marks = at(&seq, "Marks", 0);
        let mut found = vec![
            m(mario, mario + 5, Label::Org),
            m(marks, marks + 3, Label::Org),
        ];
        coordinated(&seq, &mut found);
        assert_eq!(
            spans(&seq, &found),
            [
                ("Mario Lucero".into(), Label::Per),
                ("Isabel Ruiz".into(), Label::Per),
                ("Marks and Spencer".into(), Label::Org)
            ]
        );
    }

    #[test]
    fn a_plural_possessive_is_no_boundary() {
        let text =
            "The European Transport Workers' Federation marched on International Women's Day.";
        let seq = Sequence::new(text);
        let eu = at(&seq, "European", 0);
        let fed = at(&seq, "Federation", 0);
        let int = at(&seq, "International", 0);
        let mut found = vec![
            m(eu, eu + 3, Label::Org),
            m(fed, fed + 1, Label::Org),
            m(int, int + 2, Label::Org),
        ];
        possessive(&seq, &mut found);
        // the federation is one name; the day is an event, no entity
        assert_eq!(
            spans(&seq, &found),
            [("European Transport Workers' Federation".into(), Label::Org)]
        );
    }

    #[test]
    fn an_abbreviation_keeps_its_last_full_stop() {
        let text = "They crossed the U.S. border to Washington D.C. yesterday.";
        let seq = Sequence::new(text);
        let u = at(&seq, "U", 0);
        let d = at(&seq, "D", 0);
        let mut found = vec![m(u, u + 3, Label::Loc), m(d - 1, d + 3, Label::Loc)];
        abbreviations(&seq, &mut found);
        assert_eq!(
            spans(&seq, &found),
            [
                ("U.S.".into(), Label::Loc),
                ("Washington D.C.".into(), Label::Loc)
            ]
        );
    }

    #[test]
    fn demonyms_and_holidays_are_no_mentions_and_a_street_is_a_place() {
        let text =
            "The Afghan team came at Christmas to 221B Baker Street in London for DNA tests.";
        let seq = Sequence::new(text);
        let af = at(&seq, "Afghan", 0);
        let ch = at(&seq, "Christmas", 0);
        let b = at(&seq, "Baker", 0);
        let mut found = vec![
            m(af, af + 1, Label::Per),
            m(ch, ch + 1, Label::Loc),
            m(b, b + 2, Label::Per),
        ];
        not_entities(&seq, &mut found);
        found.retain(|f| f.a < f.e);
        assert_eq!(spans(&seq, &found), [("Baker Street".into(), Label::Loc)]);
    }
}
