//! Documents' entities → corpus entities: merged by shared keys (union-find), people also by surname and
//! compatible first names (bucketed by the surname's consonant skeleton), a surname alone joined to the one
//! person of the corpus who bears it. Keys with `?:` (a surname alone, a weekday in an undated article) stay
//! within their document. Near-linear in the number of entities.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::borrow::Borrow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::index::{EntityBuild, EntityId, EntityIndex, Mention};
use super::packed::FlatMentions;
use crate::group::display_name;
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
    assemble(docs, &mut uf, &offsets)
}

/// Ids in corpus order of first mention; each document's mentions; each entity's occurrences.
fn assemble<D: Borrow<DocEntities>>(
    docs: &[D],
    uf: &mut UnionFind,
    offsets: &[usize],
) -> EntityIndex {
    let total: usize = docs.iter().map(|d| d.borrow().mentions.len()).sum();
    let mut out = Assembler::new(docs.len(), total);
    for (d, doc) in docs.iter().map(Borrow::borrow).enumerate() {
        out.doc(doc, offsets.get(d).copied().unwrap_or(0), uf, None);
    }
    out.finish()
}

/// The corpus entities and the documents' mentions, taken one document at a time in corpus
/// order once the union-find is complete: what [`build`] and the streamed merge
/// (`super::streamed`) share, so that both assemble alike.
pub(super) struct Assembler {
    id_of_root: HashMap<usize, u32>,
    entities: Vec<EntityBuild>,
    /// The last document each entity was seen in (its `documents` count).
    doc_seen: Vec<usize>,
    /// How many times each variant of each entity is written, in the order of its variants.
    counts: Vec<Vec<u32>>,
    flat: FlatMentions,
}

impl Assembler {
    /// Room for `docs` documents and `mentions` mentions.
    pub(super) fn new(docs: usize, mentions: usize) -> Assembler {
        Assembler::with_room(docs, mentions, 0)
    }

    /// Room for `entities` entities too (their array is the merge's largest: grown by
    /// doubling, it held up to twice what it needed, and thrice while it grew).
    pub(super) fn with_room(docs: usize, mentions: usize, entities: usize) -> Assembler {
        Assembler {
            id_of_root: HashMap::with_capacity(entities),
            entities: Vec::with_capacity(entities),
            doc_seen: Vec::with_capacity(entities),
            counts: Vec::with_capacity(entities),
            flat: FlatMentions::with_capacity(docs, mentions),
        }
    }

    /// The next document, whose entities are the union-find's nodes from `base`. `ids`, when
    /// given (as long as the document's entities), gets the corpus entity of each entity
    /// mentioned.
    pub(super) fn doc(
        &mut self,
        doc: &DocEntities,
        base: usize,
        uf: &mut UnionFind,
        mut ids: Option<&mut [u32]>,
    ) {
        let d = self.flat.docs();
        let Assembler {
            id_of_root,
            entities,
            doc_seen,
            counts,
            flat,
        } = self;
        // the document's entities whose variants were taken: two of them may be one corpus entity
        let mut local_seen = vec![false; doc.entities.len()];
        let mut sorted = doc.mentions.clone();
        sorted.sort_by_key(|m| (m.start, m.end));
        for m in &sorted {
            let Some(le) = doc.entities.get(m.local() as usize) else {
                continue;
            };
            let root = uf.find(base + m.local() as usize);
            let id = *id_of_root.entry(root).or_insert_with(|| {
                entities.push(EntityBuild {
                    id: EntityId(entities.len() as u32),
                    key: String::new(),
                    label: le.label,
                    name: String::new(),
                    variants: Vec::new(),
                    mentions: 0,
                    documents: 0,
                    confidence: 0,
                });
                doc_seen.push(usize::MAX);
                counts.push(Vec::new());
                (entities.len() - 1) as u32
            });
            if let Some(slot) = ids
                .as_deref_mut()
                .and_then(|ids| ids.get_mut(m.local() as usize))
            {
                *slot = id;
            }
            let Some(ent) = entities.get_mut(id as usize) else {
                continue;
            };
            ent.mentions += 1;
            ent.confidence = ent.confidence.max(m.confidence());
            if let Some(seen) = doc_seen.get_mut(id as usize)
                && *seen != d
            {
                *seen = d;
                ent.documents += 1;
            }
            if let Some(taken) = local_seen.get_mut(m.local() as usize)
                && !*taken
                && let Some(cs) = counts.get_mut(id as usize)
            {
                *taken = true;
                for (v, c) in le.variants().zip(le.counts()) {
                    match ent.variants.iter().position(|x| x == v) {
                        Some(i) => {
                            if let Some(n) = cs.get_mut(i) {
                                *n += c;
                            }
                        }
                        None => {
                            ent.variants.push(v.to_string());
                            cs.push(c);
                        }
                    }
                }
            }
            flat.push(Mention::new(
                m.start,
                m.end,
                m.label(),
                m.confidence(),
                EntityId(id),
            ));
        }
        flat.end_doc();
    }

    /// Names and keys given; the index.
    pub(super) fn finish(self) -> EntityIndex {
        let Assembler {
            id_of_root,
            mut entities,
            doc_seen,
            counts,
            flat,
        } = self;
        drop((id_of_root, doc_seen));
        for (e, cs) in entities.iter_mut().zip(&counts) {
            e.name = display_name(e.label, &e.variants, cs);
            e.key = slug(e.label, &e.name);
        }
        drop(counts);
        unique_keys(&mut entities);
        // The occurrences follow from the mentions, counted then placed (no list grown by doubling).
        EntityIndex::from_flat(entities, flat)
    }
}

/// Each slug made unique, in entity order: the first entity of a slug keeps it, the second
/// gets `-2`, the third `-3`… Found by sorting the entities' numbers by slug, not by counting
/// slugs in a map (at 100,000 articles a map of half a million slugs took 50 MB, at the
/// merge's peak).
fn unique_keys(entities: &mut [EntityBuild]) {
    let key = |i: u32| entities.get(i as usize).map_or("", |e| e.key.as_str());
    let mut order: Vec<u32> = (0..entities.len() as u32).collect();
    // The same slugs in entity order: their number decides.
    order.sort_unstable_by(|&a, &b| key(a).cmp(key(b)).then(a.cmp(&b)));
    let mut suffix: Vec<(u32, u32)> = Vec::new();
    for same in order.chunk_by(|&a, &b| key(a) == key(b)) {
        suffix.extend(same.iter().zip(1u32..).skip(1).map(|(&e, n)| (e, n)));
    }
    drop(order);
    for (e, n) in suffix {
        if let Some(e) = entities.get_mut(e as usize) {
            e.key = format!("{}-{n}", e.key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_taken_again_gets_the_number_of_its_turn_in_entity_order() {
        let keys = [
            "per-a", "org-b", "per-a", "per-a", "org-b", "per-a-2", "loc-c",
        ];
        let mut entities: Vec<EntityBuild> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| EntityBuild {
                id: EntityId(i as u32),
                key: k.to_string(),
                label: Label::Per,
                name: String::new(),
                variants: Vec::new(),
                mentions: 1,
                documents: 1,
                confidence: 90,
            })
            .collect();
        unique_keys(&mut entities);
        let got: Vec<&str> = entities.iter().map(|e| e.key.as_str()).collect();
        // A slug is counted as itself only (`per-a-2` as written is another slug).
        assert_eq!(
            got,
            [
                "per-a", "org-b", "per-a-2", "per-a-3", "org-b-2", "per-a-2", "loc-c"
            ]
        );
    }
}
