//! What a document teaches the tagger: its gold rows as byte spans with a label index (`learnable`), and the
//! tags of its tokens from them (`gold_tags`).

use std::collections::BTreeMap;

use liseuse_entity::score::Gold;
use liseuse_entity::tag::features::Sequence;
use liseuse_entity::tag::scheme::{self, LABELS};
use liseuse_entity::tag::train::UNKNOWN;

use crate::Doc;

/// What a document teaches: mentions as byte spans with a label index, and byte ranges whose tags no one knows.
pub struct Lesson {
    pub spans: Vec<(usize, usize, usize)>,
    pub unknown: Vec<(usize, usize)>,
}

fn label_index(l: &str) -> Option<usize> {
    LABELS.iter().position(|x| x.as_str() == l)
}

/// Byte offset of each character offset (and of the end).
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// The mentions the tagger should learn from a document's gold rows, as byte spans with a label index:
/// required PER/ORG/LOC rows; an optional span with two of our labels (WiNER gave it two types) under the
/// first of ORG, LOC, PER; nothing inside an event or a work (an optional PER+ORG+LOC triple), nor dates.
pub fn learnable(doc: &Doc) -> Lesson {
    let offs = byte_offsets(&doc.text);
    let b = |c: usize| offs.get(c).copied();
    if doc.ours {
        let mut spans = Vec::new();
        let mut unknown = Vec::new();
        for g in &doc.gold {
            let (Some(s), Some(e)) = (b(g.start), b(g.end)) else {
                continue;
            };
            match label_index(&g.label) {
                Some(l) if !g.optional => spans.push((s, e, l)),
                Some(_) => unknown.push((s, e)),
                None => {}
            }
        }
        spans.sort();
        spans.dedup_by(|b, a| b.0 < a.1);
        // an optional name inside a required one (GUM's « Helsinki » of « University of Helsinki ») leaves the
        // required one whole to learn
        unknown.retain(|&(s, e)| !spans.iter().any(|&(a, z, _)| a <= s && e <= z));
        return Lesson { spans, unknown };
    }
    let mut by_span: BTreeMap<(usize, usize), Vec<&Gold>> = BTreeMap::new();
    for g in &doc.gold {
        by_span.entry((g.start, g.end)).or_default().push(g);
    }
    let mut out = Vec::new();
    let mut unknown = Vec::new();
    let outer: Vec<(usize, usize)> = by_span
        .iter()
        .filter(|(_, rows)| {
            rows.iter().any(|g| !g.optional) || {
                let ls: Vec<&str> = rows.iter().map(|g| g.label.as_str()).collect();
                ["PER", "ORG", "LOC"].iter().all(|l| ls.contains(l))
            }
        })
        .map(|(&s, _)| s)
        .collect();
    for (&(s, e), rows) in &by_span {
        let labels: Vec<&str> = rows.iter().map(|g| g.label.as_str()).collect();
        let event = ["PER", "ORG", "LOC"].iter().all(|l| labels.contains(l));
        if event {
            // one word (« Twitter », « Facebook », « iPhone »): a website or a company is ORG by our convention,
            // a product is nothing; the model is told neither. Longer: an event or a work, not ours to label.
            let one_word = doc
                .text
                .get(b(s).unwrap_or(0)..b(e).unwrap_or(0))
                .is_some_and(|w| !w.contains(char::is_whitespace));
            if one_word && let (Some(bs), Some(be)) = (b(s), b(e)) {
                unknown.push((bs, be));
            }
            continue;
        }
        let required = rows
            .iter()
            .find(|g| !g.optional && label_index(&g.label).is_some());
        let label = match required {
            Some(g) => label_index(&g.label),
            None => {
                let nested = outer
                    .iter()
                    .any(|&(os, oe)| os <= s && e <= oe && (os, oe) != (s, e));
                if nested || rows.iter().any(|g| !g.optional) {
                    None
                } else {
                    ["ORG", "LOC", "PER"]
                        .iter()
                        .find(|l| labels.contains(l))
                        .and_then(|l| label_index(l))
                }
            }
        };
        if let (Some(l), Some(bs), Some(be)) = (label, b(s), b(e)) {
            out.push((bs, be, l));
        }
    }
    out.sort();
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    for m in out {
        if kept.last().is_none_or(|p| p.1 <= m.0) {
            kept.push(m);
        }
    }
    // WiNER's lines about Wikimedia projects name Wikipédia unannotated
    let mut at = 0;
    for line in doc.text.split_inclusive('\n') {
        if line.starts_with("Vous pouvez également consulter")
            || line.starts_with("Article sur Wikipédia")
        {
            unknown.push((at, at + line.len()));
        }
        at += line.len();
    }
    Lesson {
        spans: kept,
        unknown,
    }
}

/// Gold tags of a sequence from byte spans; spans that do not fall on token boundaries are left out.
pub fn gold_tags(seq: &Sequence, Lesson { spans, unknown }: &Lesson, lost: &mut usize) -> Vec<u8> {
    let mut ms = Vec::new();
    for &(s, e, l) in spans.iter() {
        let a = seq.toks.iter().position(|t| t.start as usize == s);
        let z = seq.toks.iter().position(|t| t.end as usize == e);
        match (a, z) {
            (Some(a), Some(z)) if z >= a => {
                if !(a..=z).all(|i| seq.scored[i]) {
                    *lost += 1;
                }
                ms.push((a, z + 1, l));
            }
            _ => *lost += 1,
        }
    }
    let mut tags = scheme::encode(seq.toks.len(), &ms);
    // what lies outside the scored tokens cannot be learned: the model never sees it
    for ((t, &s), tok) in tags.iter_mut().zip(&seq.scored).zip(&seq.toks) {
        if !s {
            *t = scheme::O;
        } else if unknown
            .iter()
            .any(|&(a, e)| (tok.start as usize) < e && a < tok.end as usize)
        {
            *t = UNKNOWN;
        }
    }
    tags
}
