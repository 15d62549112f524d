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

use super::Label;
use super::tag::features::Sequence;
use super::text::lexicon::{DEMONYM, GIVEN_NAME, LOC_SUFFIX, NOT_NAME, NOT_ORG, PARTICLE, TITLE};
use super::text::token::{CAP, INNER_CAP, NL, PUNCT, UPPER};
use super::verdict::Found;

/// Titles English capitalises before a name, none of it (French writes its own in lower case, so that a
/// capitalised one there is a name's: « Capitaine Flam »). Royals are left alone (« Prince Rogers Nelson »).
pub const ENGLISH_TITLES: &[&str] = &[
    // sorted (byte order), searched by halves
    "Administrator",
    "Admiral",
    "Ambassador",
    "Attorney",
    "Captain",
    "Chancellor",
    "Colonel",
    "Commissioner",
    "Congressman",
    "Congresswoman",
    "Constable",
    "Dame",
    "Deputy",
    "Detective",
    "Director",
    "Doctor",
    "Dr",
    "Excellency",
    "Father",
    "General",
    "Gov",
    "Governor",
    "Highness",
    "Holiness",
    "Inspector",
    "Judge",
    "Justice",
    "Lady",
    "Lieutenant",
    "Lord",
    "Madam",
    "Majesty",
    "Major",
    "Master",
    "Mayor",
    "Minister",
    "Miss",
    "Mister",
    "Mr",
    "Mrs",
    "Ms",
    "Mx",
    "Officer",
    "President",
    "Prime",
    "Prof",
    "Professor",
    "Rep",
    "Representative",
    "Rev",
    "Reverend",
    "Secretary",
    "Sen",
    "Senator",
    "Sergeant",
    "Sheriff",
    "Sir",
    "Spokesman",
    "Spokeswoman",
    "Superintendent",
    "Vice",
];

/// Words that make a title of a title (« Grand Master », « Chief Inspector »): no name by themselves either.
const TITLE_ADJECTIVES: &[&str] = &[
    "Acting",
    "Assistant",
    "Chief",
    "Deputy",
    "Former",
    "Grand",
    "Her",
    "High",
    "His",
    "Lord",
    "Our",
    "Supreme",
    "Their",
    "Your",
];

/// What English and French put before a ship's name: « USS Thomas Hudner », « HMS Victory ».
const SHIP_PREFIXES: &[&str] = &[
    "HMAS", "HMC", "HMCS", "HMNZS", "HMS", "INS", "RMS", "USNS", "USS",
];

/// Lower-case heads (five bytes or more) that name a ship after them: « le porte-avions Charles de Gaulle », « the destroyer Kidd ».
const SHIP_HEADS: &[&str] = &[
    "battleship",
    "carrier",
    "chalutier",
    "corvette",
    "croiseur",
    "cruiser",
    "cuirassé",
    "destroyer",
    "freighter",
    "frigate",
    "frégate",
    "liner",
    "navire",
    "paquebot",
    "porte-avions",
    "porte-hélicoptères",
    "pétrolier",
    "sous-marin",
    "steamer",
    "steamship",
    "submarine",
    "tanker",
    "warship",
    "yacht",
];

/// Holidays, which are days, not places or people.
const HOLIDAYS: &[&str] = &[
    "Christmas",
    "Diwali",
    "Easter",
    "Halloween",
    "Hanukkah",
    "Lent",
    "Michaelmas",
    "Passover",
    "Pentecôte",
    "Ramadan",
    "Thanksgiving",
    "Toussaint",
    "Whitsun",
    "Whitsuntide",
];

/// English plurals whose possessive is part of a name (« International Women's Day », « Children's Hospital »).
const PLURAL_POSSESSIVES: &[&str] = &["Children", "Men", "People", "Peoples", "Women"];

/// Words that make an event of a name (« … Women's Day »): an event is no entity of ours.
const EVENT_WORDS: &[&str] = &["Day", "Month", "Week", "Year"];

/// Runs every rule of this file, in order.
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

fn is_punct(seq: &Sequence, i: usize) -> bool {
    seq.toks.get(i).is_some_and(|t| t.flags & PUNCT != 0)
}

/// A word that may be part of a name: capitalised, in capitals, « al-Deif », or a number (« Louis XIV »,
/// « Apollo 11 »).
fn namey(seq: &Sequence, i: usize) -> bool {
    seq.toks
        .get(i)
        .is_some_and(|t| t.flags & PUNCT == 0 && t.flags & (CAP | UPPER | INNER_CAP) != 0)
}

/// A lower-case word.
fn lower(seq: &Sequence, i: usize) -> bool {
    seq.toks
        .get(i)
        .is_some_and(|t| t.flags & (PUNCT | CAP | UPPER | INNER_CAP) == 0)
        && seq.word(i).chars().next().is_some_and(char::is_lowercase)
}

fn list_flags(seq: &Sequence, i: usize) -> u32 {
    seq.info(i).map_or(0, |w| (w.lex & 0xffff_ffff) as u32)
}

fn exact_flags(seq: &Sequence, i: usize) -> u32 {
    seq.info(i).map_or(0, |w| (w.lex >> 32) as u32)
}

/// Token `i` starts a new line.
fn breaks(seq: &Sequence, i: usize) -> bool {
    seq.toks.get(i).is_some_and(|t| t.flags & NL != 0)
}

/// Token `i` touches the one before it (no space between).
fn glued(seq: &Sequence, i: usize) -> bool {
    match (
        i.checked_sub(1).and_then(|j| seq.toks.get(j)),
        seq.toks.get(i),
    ) {
        (Some(p), Some(t)) => p.end == t.start,
        _ => false,
    }
}

/// `w` is among `sorted` (sorted in byte order: every list of this file is, see the tests).
fn among(sorted: &[&str], w: &str) -> bool {
    sorted.binary_search(&w).is_ok()
}

/// A capitalised word (ASCII capital first) among `sorted`: most words are passed over on their first byte.
fn capitalised_among(sorted: &[&str], w: &str) -> bool {
    w.as_bytes().first().is_some_and(u8::is_ascii_uppercase) && among(sorted, w)
}

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
    use crate::verdict::tests::at;

    #[test]
    fn the_lists_are_sorted_for_their_search() {
        for list in [
            ENGLISH_TITLES,
            TITLE_ADJECTIVES,
            SHIP_PREFIXES,
            SHIP_HEADS,
            HOLIDAYS,
            PLURAL_POSSESSIVES,
            EVENT_WORDS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    fn m(a: usize, e: usize, label: Label) -> Found {
        Found {
            a,
            e,
            label,
            p: 0.8,
        }
    }

    fn spans(seq: &Sequence, found: &[Found]) -> Vec<(String, Label)> {
        found
            .iter()
            .map(|f| {
                let s = seq.toks[f.a].start as usize;
                let e = seq.toks[f.e - 1].end as usize;
                (seq.text[s..e].to_string(), f.label)
            })
            .collect()
    }

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
