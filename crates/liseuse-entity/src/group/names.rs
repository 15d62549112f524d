//! People's names: their folded words, surname and given name, the consonant skeleton that buckets spelling
//! variants (« Abdollahian », « Abdullahian »), and the tests that two names may be one person's. Everything
//! here is looked up through an index (surname, skeleton, given name); nothing compares every pair.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::text::fold::fold;

/// Words before a surname that belong to it: « Le Pen », « de Villepin », « al-Assad » is one word already.
pub const PARTICLES: &[&str] = &[
    "le", "de", "di", "da", "van", "von", "al", "el", "la", "del", "du", "des", "ben", "bin",
];

/// The folded words of a name, dots trimmed: « B. Obama » → `["b", "obama"]`.
pub fn words(s: &str) -> Vec<String> {
    fold(s)
        .split_whitespace()
        .map(|w| w.trim_matches('.').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A person's name cut in its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonName {
    /// Folded surname, with its particle (« le pen »).
    pub surname: String,
    /// Folded first word, when the name has two words or more.
    pub given: Option<String>,
    /// Given name and surname, the given name not an initial: « Marine Le Pen », not « B. Obama » nor « Le Pen ».
    pub full: bool,
    /// All its folded words.
    pub words: Vec<String>,
}

/// The parts of a person's name; `None` for an empty one.
pub fn person(s: &str) -> Option<PersonName> {
    let w = words(s);
    let n = w.len();
    let first = w.first()?;
    if PARTICLES.contains(&first.as_str()) {
        return Some(PersonName {
            surname: w.join(" "),
            given: None,
            full: false,
            words: w,
        });
    }
    let last = w.last()?;
    let surname = match w.get(n.wrapping_sub(2)) {
        Some(p) if n >= 3 && PARTICLES.contains(&p.as_str()) => format!("{p} {last}"),
        _ => last.clone(),
    };
    let given = (n >= 2).then(|| first.clone());
    let full = n >= 2 && first.chars().count() > 1;
    Some(PersonName {
        surname,
        given,
        full,
        words: w,
    })
}

/// A person's surname as written in `name`, with its particle, for a short label: « Le Pen » of « Jean-Marie Le
/// Pen », « De Santis » of itself, « Obama » of « Barack Obama » (the same cut as [`person`]'s, case kept).
pub fn surname_in(name: &str) -> &str {
    let words: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
        .collect();
    let particle = |w: &str| PARTICLES.contains(&fold(w).as_str());
    let start = match words.as_slice() {
        [(_, first), ..] if particle(first) => 0,
        [.., (p, before), _] if words.len() >= 3 && particle(before) => *p,
        [.., (p, _)] => *p,
        [] => 0,
    };
    name.get(start..).map_or(name, str::trim)
}

/// The last word of a surname: « pen » of « le pen ».
pub fn last_word(surname: &str) -> &str {
    surname.rsplit(' ').next().unwrap_or(surname)
}

fn skeleton_chars(folded: &str) -> impl Iterator<Item = char> + '_ {
    let mut last = '\0';
    folded.chars().enumerate().filter_map(move |(i, c)| {
        if i > 0 && matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h' | '-' | '\'') {
            return None;
        }
        let keep = c != last;
        last = c;
        keep.then_some(c)
    })
}

/// Consonant skeleton of a folded word: « abdollahian » and « abdullahian » give « bdlhn »… the first letter
/// kept, vowels, `h`, hyphens and doubled letters dropped.
pub fn skeleton(folded: &str) -> String {
    skeleton_chars(folded).collect()
}

/// Levenshtein distance, `None` once it is over `max` or for names over 48 letters.
fn distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    const CAP: usize = 48;
    let mut ab = ['\0'; CAP];
    let mut bb = ['\0'; CAP];
    let (mut la, mut lb) = (0, 0);
    for c in a.chars() {
        *ab.get_mut(la)? = c;
        la += 1;
    }
    for c in b.chars() {
        *bb.get_mut(lb)? = c;
        lb += 1;
    }
    let mut prev = [0usize; CAP + 1];
    let mut cur = [0usize; CAP + 1];
    for (j, p) in prev.iter_mut().enumerate().take(lb + 1) {
        *p = j;
    }
    for i in 1..=la {
        let ca = ab.get(i - 1).copied()?;
        *cur.get_mut(0)? = i;
        let mut row_min = i;
        for j in 1..=lb {
            let cb = bb.get(j - 1).copied()?;
            let sub = prev.get(j - 1)? + usize::from(ca != cb);
            let v = sub.min(prev.get(j)? + 1).min(cur.get(j - 1)? + 1);
            *cur.get_mut(j)? = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.get(lb).copied().filter(|&d| d <= max)
}

/// Two folded surnames are spellings of one name: equal, or long, with one skeleton and close.
pub fn same_surname(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    la >= 6
        && lb >= 6
        && la.abs_diff(lb) <= 2
        && skeleton_chars(a).eq(skeleton_chars(b))
        && distance_within(a, b, 2).is_some()
}

/// Two folded given names may be one person's: equal, an initial and a name it starts, or one name spelt two
/// ways.
pub fn given_ok(a: &str, b: &str) -> bool {
    a == b
        || (a.chars().count() == 1 || b.chars().count() == 1)
            && a.chars().next() == b.chars().next()
        || same_surname(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_variants() {
        assert!(same_surname("abdollahian", "abdullahian"));
        assert!(!same_surname("manet", "monet"));
        assert!(!same_surname("brown", "braun"));
        assert!(!same_surname("martin", "marin"));
        assert_eq!(skeleton("abdollahian"), skeleton("abdullahian"));
        assert!(!same_surname(&"a".repeat(60), &"a".repeat(59)));
    }

    #[test]
    fn parts_of_names() {
        let p = person("Marine Le Pen").unwrap();
        assert_eq!(
            (p.surname.as_str(), p.given.as_deref(), p.full),
            ("le pen", Some("marine"), true)
        );
        let p = person("B. Obama").unwrap();
        assert_eq!(
            (p.surname.as_str(), p.given.as_deref(), p.full),
            ("obama", Some("b"), false)
        );
        let p = person("De Santis").unwrap();
        assert_eq!((p.surname.as_str(), p.full), ("de santis", false));
        assert_eq!(person("  "), None);
        assert!(given_ok("b", "barack") && !given_ok("ali", "hossein"));
        assert_eq!(surname_in("Jean-Marie Le Pen"), "Le Pen");
        assert_eq!(surname_in("De Santis"), "De Santis");
        assert_eq!(surname_in("Barack Obama"), "Obama");
        assert_eq!(surname_in("Abdollahian"), "Abdollahian");
        assert_eq!(surname_in(" Le  Pen "), "Le  Pen");
        assert_eq!(surname_in(""), "");
    }
}
