//! Text search that reads like less's, with vim's smart case: a query in lower case without
//! accents matches regardless of case and accents (« raissi » finds « Raïssi »); a query with a
//! capital or an accent matches exactly as typed.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::ops::Range;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A text folded to lower case without accents, with a map back to the original's offsets.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `(folded offset, original offset)` wherever the distance between the two changes.
    map: Vec<(usize, usize)>,
}

/// Appends the folded form of `c` (no accents, lower case) to `out`.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// Folds a short string (a query, an entity name) with no offset map.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

impl Folded {
    /// Folds `original`, keeping the map back to its offsets.
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut map = vec![(0, 0)];
        let mut i = 0;
        while let Some(rest) = original.get(i..).filter(|r| !r.is_empty()) {
            let before = text.len();
            let (f0, o0) = map.last().copied().unwrap_or((0, 0));
            // Record a point wherever the two texts stop advancing in step.
            if before - f0 != i - o0 {
                map.push((before, i));
            }
            // A run of ASCII (most of a French text) folds byte for byte, in step: at once.
            let ascii = rest
                .bytes()
                .position(|b| !b.is_ascii())
                .unwrap_or(rest.len());
            if let Some(run) = rest.get(..ascii).filter(|r| !r.is_empty()) {
                text.push_str(run);
                if let Some(added) = text.get_mut(before..) {
                    added.make_ascii_lowercase();
                }
                i += ascii;
                continue;
            }
            let Some(c) = rest.chars().next() else {
                break;
            };
            fold_char(c, &mut text);
            i += c.len_utf8();
        }
        map.push((text.len(), original.len()));
        Folded { text, map }
    }

    /// The original offset for folded offset `f`.
    fn to_original(&self, f: usize, original: &str) -> usize {
        let i = self
            .map
            .partition_point(|&(fo, _)| fo <= f)
            .saturating_sub(1);
        let Some(&(fo, oo)) = self.map.get(i) else {
            return f.min(original.len());
        };
        let limit = self.map.get(i + 1).map_or(original.len(), |&(_, o)| o);
        let mut o = (oo + (f - fo)).min(limit).min(original.len());
        while !original.is_char_boundary(o) {
            o += 1;
        }
        o
    }
}

/// True when the query asks for an exact match: it has a capital or an accent.
pub fn is_exact(query: &str) -> bool {
    query
        .chars()
        .any(|c| c.is_uppercase() || (!c.is_ascii() && fold_str(&c.to_string()) != c.to_string()))
}

/// Every match of `query` in `original`, overlapping ones included, in order. `folded` is
/// `Folded::new(original)` (kept by the caller, so typing a query does not fold the article
/// again for each key).
pub fn find_all(original: &str, folded: &Folded, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    if is_exact(query) {
        return overlapping(original, query);
    }
    let needle = fold_str(query);
    overlapping(&folded.text, &needle)
        .into_iter()
        .map(|r| folded.to_original(r.start, original)..folded.to_original(r.end, original))
        .filter(|r| r.start < r.end)
        .collect()
}

fn overlapping(hay: &str, needle: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    // memchr's SIMD searcher: the corpus search scans every article on each key.
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut from = 0;
    while let Some(rel) = hay.as_bytes().get(from..).and_then(|h| finder.find(h)) {
        let start = from + rel;
        out.push(start..start + needle.len());
        let step = hay
            .get(start..)
            .and_then(|h| h.chars().next())
            .map_or(1, char::len_utf8);
        from = start + step;
        if from >= hay.len() {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fold one character at a time, as it was before ASCII runs were taken at once.
    fn reference(original: &str) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut map = vec![(0, 0)];
        for (i, c) in original.char_indices() {
            let before = text.len();
            fold_char(c, &mut text);
            let (f0, o0) = map.last().copied().unwrap();
            if before - f0 != i - o0 {
                map.push((before, i));
            }
        }
        map.push((text.len(), original.len()));
        (text, map)
    }

    #[test]
    fn ascii_runs_fold_as_characters_one_by_one_do() {
        for t in [
            "",
            "abc",
            "Élodie Mansouri, ministre de l’Intérieur",
            "ŒUVRE ﬁn ß İstanbul Ǆ ａｂｃ à la ligne\n\nÉTÉ",
            "éèà",
            "x\u{301}y Ångström",
        ] {
            let f = Folded::new(t);
            assert_eq!((f.text.clone(), f.map.clone()), reference(t), "{t:?}");
        }
    }

    fn texts<'a>(t: &'a str, q: &str) -> Vec<&'a str> {
        find_all(t, &Folded::new(t), q)
            .into_iter()
            .map(|r| &t[r])
            .collect()
    }

    #[test]
    fn lower_case_query_ignores_case_and_accents() {
        let t = "Raïssi, RAISSI et raissi; Téhéran";
        assert_eq!(texts(t, "raissi"), ["Raïssi", "RAISSI", "raissi"]);
        assert_eq!(texts(t, "teheran"), ["Téhéran"]);
    }

    #[test]
    fn capital_or_accent_makes_it_exact() {
        let t = "Raïssi, RAISSI et raissi";
        assert_eq!(texts(t, "Raïssi"), ["Raïssi"]);
        assert_eq!(texts(t, "raïssi"), Vec::<&str>::new());
        assert_eq!(texts(t, "RAISSI"), ["RAISSI"]);
    }

    #[test]
    fn overlapping_matches_are_all_found() {
        assert_eq!(
            find_all("aaaa", &Folded::new("aaaa"), "aa"),
            [0..2, 1..3, 2..4]
        );
    }

    #[test]
    fn offsets_map_back_through_accents_before_the_match() {
        let t = "éèêë à Gaza";
        assert_eq!(texts(t, "gaza"), ["Gaza"]);
        let t = "ÉCOLE école";
        assert_eq!(texts(t, "ecole"), ["ÉCOLE", "école"]);
    }

    #[test]
    fn empty_query_finds_nothing() {
        assert!(texts("abc", "").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn matches_are_char_ranges_of_the_text(t in "\\PC{0,80}", q in "[a-zé]{1,3}") {
            let f = Folded::new(&t);
            for r in find_all(&t, &f, &q) {
                proptest::prop_assert!(r.start < r.end && r.end <= t.len());
                proptest::prop_assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
            }
        }
    }
}
