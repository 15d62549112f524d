//! The corpus stage: documents' entities merged by shared keys (union-find), people also by surname and
//! compatible first names (bucketed by the surname's consonant skeleton), a surname alone joined to the one
//! person of the corpus who bears it. Near-linear in the number of entities.

use std::borrow::Borrow;
use std::collections::HashMap;

use super::Label;
use super::gazetteer::fold;
use super::group::{
    DocEntities, Entity, EntityId, EntityIndex, Mention, fullest, given_ok, surname_bucket,
};
use super::resolve::same_surname;

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // the earlier node stays the root: ids follow corpus order
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi] = lo;
        }
    }
}

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
    let mut uf = UnionFind((0..total).collect());
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    // People by surname bucket: (node, surname, given name) when named in full, (node,
    // surname) when not. Only what the comparisons below need, not a row per entity.
    let mut buckets: HashMap<String, Vec<(usize, &str, &str)>> = HashMap::new();
    let mut lone: Vec<(usize, &str)> = Vec::new();
    let node = |d: usize, l: usize| offsets[d] + l;
    for (d, doc) in docs.iter().map(Borrow::borrow).enumerate() {
        for (l, e) in doc.entities.iter().enumerate() {
            let n = node(d, l);
            for k in e.keys() {
                if k.starts_with("per?:") {
                    continue;
                }
                let first = *by_key.entry(k).or_insert(n);
                uf.union(first, n);
            }
            if e.label == Label::Per
                && let Some(s) = e.surname()
            {
                let last = s.rsplit(' ').next().unwrap_or(s);
                match e.given() {
                    Some(g) => buckets
                        .entry(surname_bucket(last))
                        .or_default()
                        .push((n, s, g)),
                    None => lone.push((n, s)),
                }
            }
        }
    }
    // people named in full: same surname (spelling aside) and compatible first names. A common
    // surname fills its bucket with thousands of mentions of the same few people: those named
    // exactly alike are joined at once, and only the distinct names are compared pairwise.
    for list in buckets.values() {
        let mut distinct: Vec<(usize, &str, &str)> = Vec::new();
        let mut first_of: HashMap<(&str, &str), usize> = HashMap::new();
        for &(n, sur, given) in list {
            match first_of.entry((sur, given)) {
                std::collections::hash_map::Entry::Occupied(e) => uf.union(*e.get(), n),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(n);
                    distinct.push((n, sur, given));
                }
            }
        }
        for (x, &(a, sa, ga)) in distinct.iter().enumerate() {
            for &(b, sb, gb) in &distinct[x + 1..] {
                if same_surname(sa, sb) && given_ok(ga, gb) {
                    uf.union(a, b);
                }
            }
        }
    }
    // a surname alone: the one person of the corpus who bears it, else one entity per surname
    for &(n, s) in &lone {
        let last = s.rsplit(' ').next().unwrap_or(s);
        let with_space = format!(" {s}");
        let mut roots: Vec<usize> = buckets
            .get(&surname_bucket(last))
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
        } else if let Some(first) = docs_key(docs, &offsets, n) {
            let f = *by_key.entry(first).or_insert(n);
            uf.union(f, n);
        }
    }
    // ids in corpus order of first mention
    let mut id_of_root: HashMap<usize, u32> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut doc_seen: Vec<usize> = Vec::new();
    let mut out_docs: Vec<Vec<Mention>> = Vec::with_capacity(docs.len());
    let mut occ: Vec<Vec<(u32, u32)>> = Vec::new();
    for (d, doc) in docs.iter().map(Borrow::borrow).enumerate() {
        let mut ms: Vec<Mention> = Vec::with_capacity(doc.mentions.len());
        let mut sorted = doc.mentions.clone();
        sorted.sort_by_key(|m| (m.start, m.end));
        for m in &sorted {
            let Some(le) = doc.entities.get(m.local() as usize) else {
                continue;
            };
            let root = uf.find(node(d, m.local() as usize));
            let id = *id_of_root.entry(root).or_insert_with(|| {
                entities.push(Entity {
                    id: EntityId(entities.len() as u32),
                    key: String::new(),
                    label: le.label,
                    name: String::new(),
                    variants: Vec::new(),
                    mentions: 0,
                    documents: 0,
                });
                doc_seen.push(usize::MAX);
                occ.push(Vec::new());
                (entities.len() - 1) as u32
            });
            let ent = &mut entities[id as usize];
            ent.mentions += 1;
            if doc_seen[id as usize] != d {
                doc_seen[id as usize] = d;
                ent.documents += 1;
                for v in le.variants() {
                    if !ent.variants.iter().any(|x| x == v) {
                        ent.variants.push(v.to_string());
                    }
                }
            }
            occ[id as usize].push((d as u32, ms.len() as u32));
            ms.push(Mention::new(m.start, m.end, m.label(), EntityId(id)));
        }
        out_docs.push(ms);
    }
    let mut taken: HashMap<String, u32> = HashMap::new();
    for e in &mut entities {
        e.name = fullest(&e.variants);
        let base = slug(e.label, &e.name);
        let n = taken.entry(base.clone()).or_insert(0);
        *n += 1;
        e.key = if *n == 1 { base } else { format!("{base}-{n}") };
    }
    // Grown by doubling: up to half of each list is spare room, kept as long as the index.
    occ.iter_mut().for_each(Vec::shrink_to_fit);
    EntityIndex::from_parts(entities, out_docs, occ)
}

fn docs_key<'a, D: Borrow<DocEntities>>(
    docs: &'a [D],
    offsets: &[usize],
    n: usize,
) -> Option<&'a str> {
    let d = offsets.partition_point(|&o| o <= n).checked_sub(1)?;
    let e = docs.get(d)?.borrow().entities.get(n - offsets[d])?;
    e.keys().find(|k| k.starts_with("per?:"))
}
