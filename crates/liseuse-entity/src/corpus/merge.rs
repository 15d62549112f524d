//! Documents' entities → corpus entities: merged by shared keys (union-find), people also by surname and
//! compatible first names (bucketed by the surname's consonant skeleton), a surname alone joined to the one
//! person of the corpus who bears it. Keys with `?:` (a surname alone, a weekday in an undated article) stay
//! within their document. Near-linear in the number of entities.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::borrow::Borrow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::assembler::{Assembler, Roots};
use super::index::EntityIndex;
use super::kept::{Kept, KeptDoc, Strings};
use crate::group::names::{given_ok, last_word, same_surname, skeleton};
use crate::text::fold::fold;
use crate::union_find::UnionFind;
use crate::{DocEntities, Label};

/// A readable slug: « per-ali-khamenei ».
pub fn slug(label: Label, name: &str) -> String {
    let mut out = label.as_str().to_ascii_lowercase();
    out.push('-');
    let mut dash = true;
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
            dash = false;
        } else if !dash {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Generic over how the documents are held (`DocEntities` or `Arc<DocEntities>`), so a caller
/// can build from a snapshot without copying every document.
pub fn build<D: Borrow<DocEntities>>(docs: &[D]) -> EntityIndex {
    let mut offsets = Vec::with_capacity(docs.len());
    let mut total = 0usize;
    for d in docs.iter().map(Borrow::borrow) {
        offsets.push(total);
        total += d.entities.len();
    }
    let node = |d: usize, l: usize| offsets.get(d).copied().unwrap_or(0) + l;
    let mut uf = UnionFind::new(total);
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    // People by surname bucket: (node, surname, given name) when named in full, (node, surname) when not.
    let mut buckets: HashMap<String, Vec<(usize, &str, &str)>> = HashMap::new();
    let mut lone: Vec<(usize, &str, Option<&str>)> = Vec::new();
    for (d, doc) in docs.iter().map(Borrow::borrow).enumerate() {
        for (l, e) in doc.entities.iter().enumerate() {
            let n = node(d, l);
            for k in e.keys() {
                if k.contains("?:") {
                    continue;
                }
                let first = *by_key.entry(k).or_insert(n);
                uf.union(first, n);
            }
            if e.label == Label::Per
                && let Some(s) = e.surname()
            {
                match e.given() {
                    Some(g) => buckets
                        .entry(skeleton(last_word(s)))
                        .or_default()
                        .push((n, s, g)),
                    None => lone.push((n, s, e.keys().find(|k| k.starts_with("per?:")))),
                }
            }
        }
    }
    // people named in full: same surname (spelling aside) and compatible first names. A common surname fills
    // its bucket with many mentions of the same few people: those named exactly alike are joined at once, and
    // only the distinct names are compared.
    let mut distinct_of: HashMap<&str, Vec<(usize, &str, &str)>> = HashMap::new();
    for (bucket, list) in &buckets {
        let mut distinct: Vec<(usize, &str, &str)> = Vec::new();
        let mut first_of: HashMap<(&str, &str), usize> = HashMap::new();
        for &(n, sur, given) in list {
            match first_of.entry((sur, given)) {
                Entry::Occupied(e) => {
                    uf.union(*e.get(), n);
                }
                Entry::Vacant(e) => {
                    e.insert(n);
                    distinct.push((n, sur, given));
                }
            }
        }
        for (x, &(a, sa, ga)) in distinct.iter().enumerate() {
            for &(b, sb, gb) in distinct.iter().skip(x + 1) {
                if same_surname(sa, sb) && given_ok(ga, gb) {
                    uf.union(a, b);
                }
            }
        }
        distinct_of.insert(bucket.as_str(), distinct);
    }
    // a surname alone: the one person of the corpus who bears it, else one entity per surname
    for &(n, s, local_key) in &lone {
        let with_space = format!(" {s}");
        let mut roots: Vec<usize> = distinct_of
            .get(skeleton(last_word(s)).as_str())
            .map(|v| {
                v.iter()
                    .filter(|&&(_, x, _)| same_surname(x, s) || x.ends_with(&with_space))
                    .map(|&(m, _, _)| m)
                    .collect()
            })
            .unwrap_or_default();
        roots.iter_mut().for_each(|r| *r = uf.find(*r));
        roots.sort_unstable();
        roots.dedup();
        if let [one] = roots.as_slice() {
            uf.union(*one, n);
        } else if let Some(k) = local_key {
            let f = *by_key.entry(k).or_insert(n);
            uf.union(f, n);
        }
    }
    match Roots::new(uf) {
        Some(mut roots) => assemble(docs, &mut roots, &offsets),
        None => EntityIndex::default(),
    }
}

/// Ids in corpus order of first mention; each document's mentions; each entity's occurrences.
fn assemble<D: Borrow<DocEntities>>(
    docs: &[D],
    roots: &mut Roots,
    offsets: &[usize],
) -> EntityIndex {
    let total: usize = docs.iter().map(|d| d.borrow().mentions.len()).sum();
    // Kept as the streamed merge keeps them: one way to assemble.
    let (mut kept, mut strings) = (Kept::default(), Strings::default());
    for doc in docs {
        kept.keep(doc.borrow(), &mut strings);
    }
    let mut out = Assembler::with_room(docs.len(), total, 0, strings);
    let (mut reader, mut doc) = (kept.reader(), KeptDoc::default());
    for d in 0..docs.len() {
        if reader.next_doc(&mut doc).is_none() {
            break;
        }
        out.doc(&doc, offsets.get(d).copied().unwrap_or(0), roots, None);
    }
    out.finish(false)
}
