//! The official scorer (`shared/eval/score.py`) in Rust: exact-span precision, recall and F1 per label, and
//! how well found mentions are grouped. Gold offsets are character offsets.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

/// One gold row.
#[derive(Clone, Debug, Deserialize)]
pub struct Gold {
    /// The document's name (its file name).
    pub doc: String,
    /// Character offset of the mention's start.
    pub start: usize,
    /// Character offset past the mention's end.
    pub end: usize,
    /// The mention's text.
    pub text: String,
    /// Its label: `PER`, `ORG`, `LOC` or `DATE`.
    pub label: String,
    /// The gold entity it belongs to (mentions of one entity share it).
    pub id: String,
    /// A mention that may be found or not without counting either way.
    #[serde(default)]
    pub optional: bool,
    /// Other spans (character offsets) accepted as this mention.
    #[serde(default)]
    pub alt: Vec<(usize, usize)>,
}

/// One prediction in character offsets.
#[derive(Clone, Debug)]
pub struct Pred {
    /// The document's name (its file name).
    pub doc: String,
    /// Character offset of the mention's start.
    pub start: usize,
    /// Character offset past the mention's end.
    pub end: usize,
    /// Its label: `PER`, `ORG`, `LOC` or `DATE`.
    pub label: String,
    /// The predicted entity it belongs to, if grouping is scored.
    pub entity: Option<String>,
}

/// The scores of one label (or of all): counts, then precision, recall and F1 rounded to three places.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Row {
    /// Found and right (true positives).
    pub tp: usize,
    /// Found and wrong (false positives).
    pub fp: usize,
    /// Missed (false negatives).
    pub fn_: usize,
    /// `tp / (tp + fp)`.
    pub precision: f64,
    /// `tp / (tp + fn)`.
    pub recall: f64,
    /// The harmonic mean of precision and recall.
    pub f1: f64,
}

/// What [`score`] measures: a [`Row`] per label, and how well found mentions are grouped.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Per label and "ALL".
    pub rows: BTreeMap<String, Row>,
    /// The share of gold entities with at least one mention found.
    pub entities_found: f64,
    /// The share of gold entities found twice or more whose found mentions all fall in one predicted entity.
    pub grouping_complete: f64,
    /// The share of predicted entities whose found mentions all belong to one gold entity.
    pub grouping_pure: f64,
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Byte offset to character offset in `text`.
pub fn char_offset(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text.get(..b).map_or(0, |t| t.chars().count())
}

/// Scores as score.py does.
pub fn score(gold: &[Gold], pred: &[Pred], labels: &[&str]) -> Scores {
    let mut spans: HashMap<(&str, usize, usize, &str), usize> = HashMap::new();
    for (i, g) in gold.iter().enumerate() {
        for (s, e) in std::iter::once((g.start, g.end)).chain(g.alt.iter().copied()) {
            spans.insert((g.doc.as_str(), s, e, g.label.as_str()), i);
        }
    }
    let mut tp: HashMap<&str, usize> = HashMap::new();
    let mut fp: HashMap<&str, usize> = HashMap::new();
    let mut fnn: HashMap<&str, usize> = HashMap::new();
    let mut found: HashMap<usize, Option<&str>> = HashMap::new();
    let mut found_order: Vec<usize> = Vec::new();
    for p in pred {
        let Some(&label) = labels.iter().find(|l| **l == p.label) else {
            continue;
        };
        match spans.get(&(p.doc.as_str(), p.start, p.end, label)) {
            None => *fp.entry(label).or_default() += 1,
            Some(&i) if gold.get(i).is_some_and(|g| g.optional) => {}
            Some(&i) if found.contains_key(&i) => *fp.entry(label).or_default() += 1,
            Some(&i) => {
                found.insert(i, p.entity.as_deref());
                found_order.push(i);
                *tp.entry(label).or_default() += 1;
            }
        }
    }
    for (i, g) in gold.iter().enumerate() {
        if labels.contains(&g.label.as_str()) && !g.optional && !found.contains_key(&i) {
            *fnn.entry(
                labels
                    .iter()
                    .find(|l| **l == g.label)
                    .copied()
                    .unwrap_or(""),
            )
            .or_default() += 1;
        }
    }
    let mut out = Scores::default();
    let mk = |t: usize, f: usize, n: usize| {
        let p = if t + f > 0 {
            t as f64 / (t + f) as f64
        } else {
            0.0
        };
        let r = if t + n > 0 {
            t as f64 / (t + n) as f64
        } else {
            0.0
        };
        let f1 = if p + r > 0.0 {
            round3(2.0 * p * r / (p + r))
        } else {
            0.0
        };
        Row {
            tp: t,
            fp: f,
            fn_: n,
            precision: round3(p),
            recall: round3(r),
            f1,
        }
    };
    let get = |m: &HashMap<&str, usize>, l: &str| m.get(l).copied().unwrap_or(0);
    for l in labels {
        out.rows
            .insert(l.to_string(), mk(get(&tp, l), get(&fp, l), get(&fnn, l)));
    }
    let sum = |m: &HashMap<&str, usize>| labels.iter().map(|l| get(m, l)).sum::<usize>();
    out.rows
        .insert("ALL".into(), mk(sum(&tp), sum(&fp), sum(&fnn)));
    // grouping
    let mut by_gold: HashMap<&str, HashSet<Option<&str>>> = HashMap::new();
    let mut by_pred: HashMap<Option<&str>, HashSet<&str>> = HashMap::new();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for &i in &found_order {
        let (Some(&ent), Some(g)) = (found.get(&i), gold.get(i)) else {
            continue;
        };
        by_gold.entry(g.id.as_str()).or_default().insert(ent);
        by_pred.entry(ent).or_default().insert(g.id.as_str());
        *count.entry(g.id.as_str()).or_default() += 1;
    }
    let multi: Vec<&str> = by_gold
        .keys()
        .copied()
        .filter(|k| count.get(k).is_some_and(|&c| c >= 2))
        .collect();
    let complete = multi
        .iter()
        .filter(|k| {
            by_gold
                .get(*k)
                .is_some_and(|v| v.len() == 1 && !v.contains(&None))
        })
        .count();
    let pure = by_pred
        .iter()
        .filter(|(k, v)| k.is_some() && v.len() == 1)
        .count();
    let npred = by_pred.keys().filter(|k| k.is_some()).count();
    let ids: HashSet<&str> = gold
        .iter()
        .filter(|g| labels.contains(&g.label.as_str()) && !g.optional)
        .map(|g| g.id.as_str())
        .collect();
    let found_ids: HashSet<&str> = found
        .keys()
        .filter_map(|&i| gold.get(i).map(|g| g.id.as_str()))
        .collect();
    out.entities_found = if ids.is_empty() {
        0.0
    } else {
        round3(found_ids.len() as f64 / ids.len() as f64)
    };
    out.grouping_complete = if multi.is_empty() {
        0.0
    } else {
        round3(complete as f64 / multi.len() as f64)
    };
    out.grouping_pure = if npred == 0 {
        0.0
    } else {
        round3(pure as f64 / npred as f64)
    };
    out
}

/// The report as score.py prints it.
pub fn report(s: &Scores, labels: &[&str]) -> String {
    let mut out = String::new();
    for k in labels.iter().copied().chain(std::iter::once("ALL")) {
        let r = s.rows.get(k).copied().unwrap_or_default();
        out.push_str(&format!(
            "{k:5} P={:.3} R={:.3} F1={:.3}  (tp {}, fp {}, fn {})\n",
            r.precision, r.recall, r.f1, r.tp, r.fp, r.fn_
        ));
    }
    out.push_str(&format!(
        "entities found {:.3}  grouping complete {:.3}  pure {:.3}\n",
        s.entities_found, s.grouping_complete, s.grouping_pure
    ));
    out.push_str(&format!(
        "F1={:.3}\n",
        s.rows.get("ALL").map_or(0.0, |r| r.f1)
    ));
    out
}

/// Predictions (character offsets, entity slugs) of an index built over `docs` = (file name, text), in order.
pub fn predictions(docs: &[(String, String)], index: &super::EntityIndex) -> Vec<Pred> {
    let mut out = Vec::new();
    for (i, (name, text)) in docs.iter().enumerate() {
        for m in index.doc_mentions(i).iter() {
            out.push(Pred {
                doc: name.clone(),
                start: char_offset(text, m.range().start),
                end: char_offset(text, m.range().end),
                label: m.label().as_str().to_string(),
                entity: index.entity(m.entity()).map(|e| e.key().to_string()),
            });
        }
    }
    out
}

/// Gold rows whose document name starts with `prefix`.
pub fn subset(gold: &[Gold], prefix: &str) -> Vec<Gold> {
    gold.iter()
        .filter(|g| g.doc.starts_with(prefix))
        .cloned()
        .collect()
}
