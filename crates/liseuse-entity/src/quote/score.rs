//! Scoring of quotations against a hand-annotated gold, as `shared/eval/quotes/score_quotes.py` does (same
//! definitions, checked against it on the same predictions): a prediction matches a gold quotation when their
//! overlap is at least half of each (or of an `alt` span of the gold), one to one, greedily by overlap, required
//! rows first; a prediction left over that matches an optional row is dropped; any other is a false positive.
//! The speaker is right when its folded name is one of the gold's names, or ends with one of its surnames.
//! Offsets are characters, as the gold's.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::QuoteKind;

/// A gold row (`*.gold.json`).
#[derive(Clone, Debug, Deserialize)]
pub struct GoldRow {
    /// The document's file name.
    pub doc: String,
    /// Character offset of the quotation.
    pub start: usize,
    /// Character offset just past it.
    pub end: usize,
    /// Its text.
    #[serde(default)]
    pub text: String,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The speaker's canonical name (none on some optional rows).
    #[serde(default)]
    pub speaker: Option<String>,
    /// Every name a system may give for the speaker.
    #[serde(default)]
    pub speaker_names: Vec<String>,
    /// The tails a longer predicted name may end with.
    #[serde(default)]
    pub speaker_surnames: Vec<String>,
    /// Neither right nor wrong.
    #[serde(default)]
    pub optional: bool,
    /// Other spans accepted for the row, in characters.
    #[serde(default)]
    pub alt: Vec<[usize; 2]>,
}

/// A prediction, in characters.
#[derive(Clone, Debug)]
pub struct PredRow {
    /// The document's file name.
    pub doc: String,
    /// Character offset of the quotation.
    pub start: usize,
    /// Character offset just past it.
    pub end: usize,
    /// The speaker's name, if any.
    pub speaker: Option<String>,
    /// Direct or indirect.
    pub kind: QuoteKind,
}

/// The figures of one kind (or all).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Required gold rows (matched and missed).
    pub gold: usize,
    /// Predictions counted (matched and false).
    pub pred: usize,
    /// Matched.
    pub tp: usize,
    /// False quotations.
    pub fp: usize,
    /// Missed quotations.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Detection precision.
    pub precision: f64,
    /// Detection recall.
    pub recall: f64,
    /// Detection F1.
    pub f1: f64,
    /// Matched with the right speaker.
    pub speaker_ok: usize,
    /// Of the matched, the share with the right speaker.
    pub speaker_accuracy: f64,
    /// Precision when a hit needs the right speaker too.
    pub e2e_precision: f64,
    /// Recall when a hit needs the right speaker too.
    pub e2e_recall: f64,
    /// F1 when a hit needs the right speaker too.
    pub e2e_f1: f64,
}

/// What matching gave: (prediction, gold row, speaker right), false positives (prediction, its kind), misses.
#[derive(Clone, Debug, Default)]
pub struct Matching {
    /// (prediction, gold row, speaker right).
    pub matches: Vec<(usize, usize, bool)>,
    /// False quotations: (prediction, its kind).
    pub fp: Vec<(usize, QuoteKind)>,
    /// Missed gold rows.
    pub fn_: Vec<usize>,
    /// Predictions that matched an optional row only (neither right nor wrong).
    pub dropped_on_optional: usize,
}

/// Case-, accent- and punctuation-folded form of a name, without one leading article.
pub fn fold(s: &str) -> String {
    let mut t = String::with_capacity(s.len());
    for c in s.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        for l in c.to_lowercase() {
            let l = match l {
                '’' | '‘' | '`' => '\'',
                '-' | '‐' | '‑' | '‒' | '–' | '—' | '_' => ' ',
                c if c.is_alphanumeric() || c == '\'' || c == ' ' => c,
                _ => ' ',
            };
            t.push(l);
        }
    }
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut rest = t.as_str();
    for a in [
        "le ", "la ", "les ", "un ", "une ", "des ", "du ", "de ", "the ", "a ", "an ", "l'",
    ] {
        if let Some(r) = rest.strip_prefix(a) {
            rest = r;
            break;
        }
    }
    rest.trim().to_string()
}

/// Whether a predicted speaker name is the gold row's speaker.
pub fn speaker_ok(name: Option<&str>, gold: &GoldRow) -> bool {
    let f = fold(name.unwrap_or(""));
    if f.is_empty() {
        return false;
    }
    if gold.speaker_names.iter().any(|n| fold(n) == f) {
        return true;
    }
    gold.speaker_surnames.iter().any(|s| {
        let fs = fold(s);
        !fs.is_empty() && (f == fs || f.ends_with(&format!(" {fs}")))
    })
}

fn spans(g: &GoldRow) -> impl Iterator<Item = (usize, usize)> + '_ {
    std::iter::once((g.start, g.end)).chain(g.alt.iter().map(|a| (a[0], a[1])))
}

/// (overlap, overlap / union) of the best gold span the prediction matches.
fn overlap_ok(ps: usize, pe: usize, g: &GoldRow) -> Option<(usize, f64)> {
    let mut best: Option<(usize, f64)> = None;
    for (gs, ge) in spans(g) {
        let ov = pe.min(ge) as i64 - ps.max(gs) as i64;
        if ov <= 0 {
            continue;
        }
        let ov = ov as usize;
        if 2 * ov >= ge - gs && 2 * ov >= pe.saturating_sub(ps) {
            let union = pe.max(ge) - ps.min(gs);
            let key = (ov, ov as f64 / union as f64);
            if best.is_none_or(|b| key.0 > b.0 || (key.0 == b.0 && key.1 > b.1)) {
                best = Some(key);
            }
        }
    }
    best
}

fn greedy(
    preds: &[(usize, (usize, usize))],
    golds: &[(usize, &GoldRow)],
    taken: &BTreeSet<usize>,
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for &(i, (ps, pe)) in preds {
        if taken.contains(&i) {
            continue;
        }
        for &(j, g) in golds {
            if let Some(k) = overlap_ok(ps, pe, g) {
                pairs.push((k, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| {
        b.0.0
            .cmp(&a.0.0)
            .then(b.0.1.total_cmp(&a.0.1))
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    let (mut got_p, mut got_g) = (BTreeSet::new(), BTreeSet::new());
    let mut out = Vec::new();
    for (_, i, j) in pairs {
        if got_p.contains(&i) || got_g.contains(&j) {
            continue;
        }
        got_p.insert(i);
        got_g.insert(j);
        out.push((i, j));
    }
    out
}

/// Matches predictions to the gold of the `annotated` documents (predictions elsewhere are ignored).
pub fn score(gold: &[GoldRow], annotated: &BTreeSet<String>, pred: &[PredRow]) -> Matching {
    let mut res = Matching::default();
    let mut by_doc_g: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut by_doc_p: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (j, g) in gold.iter().enumerate() {
        by_doc_g.entry(&g.doc).or_default().push(j);
    }
    for (i, p) in pred.iter().enumerate() {
        if annotated.contains(&p.doc) {
            by_doc_p.entry(&p.doc).or_default().push(i);
        }
    }
    for doc in annotated {
        let pis = by_doc_p.get(doc.as_str()).cloned().unwrap_or_default();
        let preds: Vec<(usize, (usize, usize))> = pis
            .iter()
            .filter_map(|&i| pred.get(i).map(|p| (i, (p.start, p.end))))
            .collect();
        let rows = by_doc_g.get(doc.as_str()).cloned().unwrap_or_default();
        let req: Vec<(usize, &GoldRow)> = rows
            .iter()
            .filter_map(|&j| gold.get(j).map(|g| (j, g)))
            .filter(|(_, g)| !g.optional)
            .collect();
        let opt: Vec<(usize, &GoldRow)> = rows
            .iter()
            .filter_map(|&j| gold.get(j).map(|g| (j, g)))
            .filter(|(_, g)| g.optional)
            .collect();
        let m1 = greedy(&preds, &req, &BTreeSet::new());
        let mut taken: BTreeSet<usize> = m1.iter().map(|&(i, _)| i).collect();
        let m2 = greedy(&preds, &opt, &taken);
        taken.extend(m2.iter().map(|&(i, _)| i));
        res.dropped_on_optional += m2.len();
        let matched: BTreeSet<usize> = m1.iter().map(|&(_, j)| j).collect();
        for (i, j) in m1 {
            let ok = match (pred.get(i), gold.get(j)) {
                (Some(p), Some(g)) => speaker_ok(p.speaker.as_deref(), g),
                _ => false,
            };
            res.matches.push((i, j, ok));
        }
        res.fn_
            .extend(req.iter().map(|&(j, _)| j).filter(|j| !matched.contains(j)));
        for &i in &pis {
            if !taken.contains(&i)
                && let Some(p) = pred.get(i)
            {
                res.fp.push((i, p.kind));
            }
        }
    }
    res
}

/// The figures of one kind (`None`: all).
pub fn figures(res: &Matching, gold: &[GoldRow], kind: Option<QuoteKind>) -> Figures {
    let keep = |k: QuoteKind| kind.is_none_or(|x| x == k);
    let tp: Vec<bool> = res
        .matches
        .iter()
        .filter(|(_, j, _)| gold.get(*j).is_some_and(|g| keep(g.kind)))
        .map(|&(_, _, ok)| ok)
        .collect();
    let f = res.fp.iter().filter(|(_, k)| keep(*k)).count();
    let n = res
        .fn_
        .iter()
        .filter(|j| gold.get(**j).is_some_and(|g| keep(g.kind)))
        .count();
    let t = tp.len();
    let ok = tp.iter().filter(|&&o| o).count();
    let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let f1 = |p: f64, r: f64| {
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    };
    let (p, r) = (div(t, t + f), div(t, t + n));
    let (ep, er) = (div(ok, t + f), div(ok, t + n));
    Figures {
        gold: t + n,
        pred: t + f,
        tp: t,
        fp: f,
        fn_: n,
        precision: p,
        recall: r,
        f1: f1(p, r),
        speaker_ok: ok,
        speaker_accuracy: div(ok, t),
        e2e_precision: ep,
        e2e_recall: er,
        e2e_f1: f1(ep, er),
    }
}

/// The table score_quotes.py prints for these figures.
pub fn table(rows: &[(&str, Figures)]) -> String {
    let mut out = format!(
        "{:9} {:>5} {:>5} {:>4} {:>4} {:>4}   {:>5} {:>5} {:>5}   {:>15}   {:>5} {:>5} {:>5}\n",
        "kind", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1", "speaker acc", "e2e P", "R", "F1"
    );
    for (k, r) in rows {
        out.push_str(&format!(
            "{:9} {:5} {:5} {:4} {:4} {:4}   {:.3} {:.3} {:.3}   {:.3} ({:3}/{:3})   {:.3} {:.3} {:.3}\n",
            k,
            r.gold,
            r.pred,
            r.tp,
            r.fp,
            r.fn_,
            r.precision,
            r.recall,
            r.f1,
            r.speaker_accuracy,
            r.speaker_ok,
            r.tp,
            r.e2e_precision,
            r.e2e_recall,
            r.e2e_f1
        ));
    }
    out
}

/// The predictions of one document's quotations, in characters.
pub fn predictions(doc: &str, text: &str, quotes: &[super::Quote]) -> Vec<PredRow> {
    quotes
        .iter()
        .map(|q| PredRow {
            doc: doc.to_string(),
            start: char_offset(text, q.start as usize),
            end: char_offset(text, q.end as usize),
            speaker: q.speaker.as_ref().map(|s| s.name.clone()),
            kind: q.kind,
        })
        .collect()
}

/// A byte offset of `text` as a character offset.
pub fn char_offset(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text.get(..b).map_or(0, |s| s.chars().count())
}

#[cfg(test)]
#[path = "score_tests.rs"]
mod tests;
