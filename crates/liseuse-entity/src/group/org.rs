//! Organisations of one document: merge keys, acronyms tied to the long name whose initials they are, in either
//! order (« CGT » and « Confédération générale du travail »), a bracketed other name (« Mouvement de la
//! Résistance islamique (Hamas) »), shorter forms (« Clark Institute », « Assemblée », « Apple » after « Apple
//! Inc. »). Candidates come from indexes by initials, first word and word.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::Groups;
use super::few::Few;
use xxhash_rust::xxh3::xxh3_64;

use crate::text::fold::{FxMap, fold_into};
use crate::{Label, Span};

const SKIP: &[&str] = &[
    "de", "du", "des", "d", "la", "le", "les", "l", "of", "the", "and", "et", "&", "for", "pour",
];
const FORMS: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "llc",
    "plc",
    "sa",
    "computer",
    "company",
];
/// Past this many groups sharing a word, a shorter form is not looked for among them.
const MAX_SHARED: usize = 64;

/// Organisation groups by what a later mention may match; each holds the group's keys of two words or more.
/// Words and initials are held by their 64-bit hash: a document's handful of names needs no string of its own.
/// Most words and initials are one group's: held in place ([`Few`]), not a vector allocated for each.
#[derive(Default)]
pub(crate) struct Index {
    initials: FxMap<u64, Few<usize>>,
    first: FxMap<u64, Few<usize>>,
    word: FxMap<u64, Few<usize>>,
    /// The multi-word keys, by group, cut in words (hashed).
    long: FxMap<usize, Few<Vec<u64>>>,
    /// Initials written for their hash or their key, a buffer for the document.
    buf: String,
}

fn hash(w: &str) -> u64 {
    xxh3_64(w.as_bytes())
}

/// Merge key of an organisation name: folded, without article, « al- » or legal form.
pub fn org_key(s: &str) -> String {
    let mut f = String::with_capacity(s.len());
    fold_into(s, &mut f);
    let mut w: Vec<&str> = Vec::with_capacity(8);
    w.extend(
        f.split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
            .map(|w| w.trim_matches('.'))
            .filter(|w| !w.is_empty()),
    );
    let mut words = w.as_slice();
    if words.len() > 1 && matches!(words.first(), Some(&("le" | "la" | "les" | "l" | "the"))) {
        words = words.get(1..).unwrap_or_default();
    }
    while let [head @ .., last] = words
        && !head.is_empty()
        && FORMS.contains(last)
    {
        words = head;
    }
    let mut out = String::with_capacity(f.len());
    for (i, x) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(match *x {
            "and" | "et" => "&",
            _ => x.strip_prefix("al-").unwrap_or(x),
        });
    }
    out
}

/// Initials of an organisation's key: « musee des beaux-arts de montreal » → « mbam ».
#[cfg(test)]
fn initials(key: &str) -> String {
    let mut s = String::new();
    push_initials(key, &mut s);
    s
}

/// Appends the initials of an organisation's key to `out` (into a buffer: no string allocated for them).
fn push_initials(key: &str, out: &mut String) {
    for w in key.split(' ').filter(|w| !SKIP.contains(w)) {
        for p in w.split('-') {
            if let Some(c) = p.chars().next() {
                out.push(c);
            }
        }
    }
}

/// `short` appears in `long` in order (« clark institute » in « sterling & francine clark art institute »).
fn subsequence<T: PartialEq>(short: &[T], long: &[T]) -> bool {
    let mut it = long.iter();
    short.len() < long.len() && short.iter().all(|w| it.any(|l| l == w))
}

impl Index {
    fn add(&mut self, key: &str, g: usize) {
        let words: Vec<u64> = key.split(' ').map(hash).collect();
        if words.len() < 2 {
            return;
        }
        let push = |m: &mut FxMap<u64, Few<usize>>, k: u64| {
            let v = m.entry(k).or_default();
            if !v.contains(&g) {
                v.push(g);
            }
        };
        self.buf.clear();
        push_initials(key, &mut self.buf);
        if self.buf.chars().count() >= 2 {
            push(&mut self.initials, hash(&self.buf));
        }
        if let Some(&f) = words.first() {
            push(&mut self.first, f);
        }
        for &w in &words {
            push(&mut self.word, w);
        }
        self.long.entry(g).or_default().push(words);
    }
}

/// Mention `i` stands in brackets right after an organisation's name: « … islamique (Hamas) ».
pub(super) fn bracketed(text: &str, spans: &[Span], i: usize) -> bool {
    let (Some(prev), Some(s)) = (i.checked_sub(1).and_then(|p| spans.get(p)), spans.get(i)) else {
        return false;
    };
    prev.label == Label::Org
        && text.get(prev.end..s.start).is_some_and(|b| b.trim() == "(")
        && text
            .get(s.end..)
            .is_some_and(|a| a.trim_start().starts_with(')'))
}

/// The group of organisation mention `i` of `spans`; `assigned` holds the groups of the mentions before it.
pub(super) fn group(
    gs: &mut Groups,
    text: &str,
    spans: &[Span],
    assigned: &[usize],
    i: usize,
) -> usize {
    let Some(s) = spans.get(i) else {
        return gs.keyed_or_new(Label::Org, super::Key::from("org:"));
    };
    let key = org_key(text.get(s.start..s.end).unwrap_or(""));
    let k = super::prefixed("org:", &key);
    let existing = gs.keyed(&k);
    // « Mouvement de la Résistance islamique (Hamas) »: the bracketed name joins the one before
    if bracketed(text, spans, i)
        && let Some(&pg) = assigned.get(i - 1)
        && pg != usize::MAX
    {
        let p = gs.root(pg);
        return match existing {
            Some(g) => gs.merge(g, p),
            None => {
                gs.add_key(p, k);
                gs.orgs.add(&key, p);
                p
            }
        };
    }
    if let Some(g) = existing {
        return g;
    }
    let words: Vec<&str> = key.split(' ').collect();
    let mut found: Option<usize> = None;
    let mut consider = |gs: &mut Groups, g: usize| {
        let g = gs.root(g);
        if gs.get(g).is_some_and(|x| x.label == Label::Org) && found.is_none_or(|f| g < f) {
            found = Some(g);
        }
    };
    if words.len() == 1 {
        if key.chars().count() >= 2 {
            // an acronym of a long name, or the first word of one (« Apple » of « Apple Inc. »)
            let h = hash(&key);
            let lists: Vec<usize> = [gs.orgs.initials.get(&h), gs.orgs.first.get(&h)]
                .into_iter()
                .flatten()
                .flat_map(|v| v.iter())
                .copied()
                .collect();
            for g in lists {
                consider(gs, g);
            }
        }
    } else {
        // a long name whose initials an acronym met before is
        // « org:INITIALS » written into the index's buffer, not formatted into a new string
        let mut buf = std::mem::take(&mut gs.orgs.buf);
        buf.clear();
        buf.push_str("org:");
        push_initials(&key, &mut buf);
        if buf.get(4..).is_some_and(|ini| ini.chars().count() >= 2)
            && let Some(g) = gs.keyed(&buf)
        {
            consider(gs, g);
        }
        gs.orgs.buf = buf;
        // a shorter form of a longer name
        let words: Vec<u64> = words.iter().map(|w| hash(w)).collect();
        let shared: Vec<usize> = words
            .first()
            .and_then(|w| gs.orgs.word.get(w))
            .map(|v| v.iter().take(MAX_SHARED).copied().collect())
            .unwrap_or_default();
        for g in shared {
            let fits = gs
                .orgs
                .long
                .get(&g)
                .is_some_and(|keys| keys.iter().any(|gw| subsequence(&words, gw)));
            if fits {
                consider(gs, g);
            }
        }
    }
    let g = match found {
        Some(g) => {
            gs.add_key(g, k);
            g
        }
        None => gs.keyed_or_new(Label::Org, k),
    };
    gs.orgs.add(&key, g);
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_initials() {
        assert_eq!(org_key("Apple Inc."), "apple");
        assert_eq!(org_key("The Walt Disney Company"), "walt disney");
        assert_eq!(
            initials(&org_key("Musée des beaux-arts de Montréal")),
            "mbam"
        );
        assert_eq!(
            initials(&org_key("Confédération générale du travail")),
            "cgt"
        );
        assert!(subsequence(
            &["clark", "institute"],
            &["sterling", "&", "francine", "clark", "art", "institute"]
        ));
        assert_eq!(org_key("L’Oréal S.A."), "oreal s.a");
        assert_eq!(org_key("Procter and Gamble"), "procter & gamble");
        assert_eq!(org_key("Inc."), "inc");
    }
}
