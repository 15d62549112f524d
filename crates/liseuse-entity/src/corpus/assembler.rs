//! The corpus entities and the documents' mentions, taken one document at a time in corpus
//! order once the union-find is complete: what [`super::merge::build`] and the streamed merge
//! ([`super::streamed`]) share, so that both assemble alike.
//!
//! While documents come, an entity is a 24-byte record and its variants are links in one
//! array, their text in one string: at 100,000 articles an `EntityBuild` each (96 bytes, a
//! `String` per variant, a `Vec` of variants and one of counts) took about 150 MB at the merge's
//! peak, beside the index shown. The entities are packed at the end, each straight from them.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::collections::HashMap;
use std::sync::Arc;

use super::index::{Entity, EntityId, EntityIndex, Mention};
use super::merge::slug;
use super::packed::FlatMentions;
use crate::group::display_name;
use crate::union_find::UnionFind;
use crate::{DocEntities, Label};

/// No variant: the end of a chain.
const NONE: u32 = u32::MAX;

/// An entity being assembled.
struct Building {
    label: Label,
    confidence: u8,
    mentions: u32,
    documents: u32,
    /// The last document it was seen in (its `documents` count).
    last_doc: u32,
    /// Its first and last variant in [`Assembler::variants`] (`NONE`: none yet).
    first: u32,
    last: u32,
}

/// A variant of an entity: its text in [`Assembler::text`], how many times it is written, the
/// entity's next variant.
struct Variant {
    at: u32,
    len: u32,
    count: u32,
    next: u32,
}

/// `n` as stored: no corpus holds 4 billion of anything (articles are capped far below 4 GB).
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

pub(super) struct Assembler {
    id_of_root: HashMap<usize, u32>,
    entities: Vec<Building>,
    /// Every entity's variants, each entity's chained in the order they were met.
    variants: Vec<Variant>,
    /// The variants' text, one after the other.
    text: String,
    flat: FlatMentions,
}

impl Assembler {
    /// Room for `docs` documents and `mentions` mentions.
    pub(super) fn new(docs: usize, mentions: usize) -> Assembler {
        Assembler::with_room(docs, mentions, 0)
    }

    /// Room for `entities` entities too (grown by doubling, their array held up to twice what
    /// it needed, and thrice while it grew).
    pub(super) fn with_room(docs: usize, mentions: usize, entities: usize) -> Assembler {
        Assembler {
            id_of_root: HashMap::with_capacity(entities),
            entities: Vec::with_capacity(entities),
            variants: Vec::new(),
            text: String::new(),
            flat: FlatMentions::with_capacity(docs, mentions),
        }
    }

    /// The variants of an entity, in the order they were met, with their counts.
    fn chain(&self, e: &Building) -> impl Iterator<Item = (&str, u32)> + '_ {
        let mut at = e.first;
        std::iter::from_fn(move || {
            let v = self.variants.get(at as usize)?;
            at = v.next;
            let end = v.at.checked_add(v.len)?;
            Some((self.text.get(v.at as usize..end as usize)?, v.count))
        })
    }

    /// Counts `c` more of variant `v` of entity `id`, a new one at the end of its chain.
    fn add_variant(&mut self, id: usize, v: &str, c: u32) {
        let Some(e) = self.entities.get(id) else {
            return;
        };
        let mut at = e.first;
        let mut last = NONE;
        while let Some(x) = self.variants.get_mut(at as usize) {
            let same = usize::try_from(x.at).ok().and_then(|a| {
                let end = a.checked_add(x.len as usize)?;
                Some(self.text.get(a..end)? == v)
            });
            if same == Some(true) {
                x.count = x.count.saturating_add(c);
                return;
            }
            last = at;
            at = x.next;
        }
        let new = small(self.variants.len());
        self.variants.push(Variant {
            at: small(self.text.len()),
            len: small(v.len()),
            count: c,
            next: NONE,
        });
        self.text.push_str(v);
        match self.variants.get_mut(last as usize) {
            Some(x) => x.next = new,
            None => {
                if let Some(e) = self.entities.get_mut(id) {
                    e.first = new;
                }
            }
        }
        if let Some(e) = self.entities.get_mut(id) {
            e.last = new;
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
        let d = small(self.flat.docs());
        // the document's entities whose variants were taken: two of them may be one corpus entity
        let mut local_seen = vec![false; doc.entities.len()];
        let mut sorted = doc.mentions.clone();
        sorted.sort_by_key(|m| (m.start, m.end));
        for m in &sorted {
            let Some(le) = doc.entities.get(m.local() as usize) else {
                continue;
            };
            let root = uf.find(base + m.local() as usize);
            let entities = &mut self.entities;
            let id = *self.id_of_root.entry(root).or_insert_with(|| {
                entities.push(Building {
                    label: le.label,
                    confidence: 0,
                    mentions: 0,
                    documents: 0,
                    last_doc: NONE,
                    first: NONE,
                    last: NONE,
                });
                small(entities.len() - 1)
            });
            if let Some(slot) = ids
                .as_deref_mut()
                .and_then(|ids| ids.get_mut(m.local() as usize))
            {
                *slot = id;
            }
            let Some(ent) = self.entities.get_mut(id as usize) else {
                continue;
            };
            ent.mentions = ent.mentions.saturating_add(1);
            ent.confidence = ent.confidence.max(m.confidence());
            if ent.last_doc != d {
                ent.last_doc = d;
                ent.documents = ent.documents.saturating_add(1);
            }
            if let Some(taken) = local_seen.get_mut(m.local() as usize)
                && !*taken
            {
                *taken = true;
                for (v, c) in le.variants().zip(le.counts()) {
                    self.add_variant(id as usize, v, c);
                }
            }
            self.flat.push(Mention::new(
                m.start,
                m.end,
                m.label(),
                m.confidence(),
                EntityId(id),
            ));
        }
        self.flat.end_doc();
    }

    /// Names and keys given; the index.
    pub(super) fn finish(mut self) -> EntityIndex {
        drop(std::mem::take(&mut self.id_of_root));
        let name = |a: &Assembler, e: &Building| {
            let (variants, counts): (Vec<&str>, Vec<u32>) = a.chain(e).unzip();
            display_name(e.label, &variants, &counts)
        };
        // The keys first, made unique; the names again as each entity is packed (kept, they
        // would be half a million more strings at once).
        let mut keys: Vec<String> = self
            .entities
            .iter()
            .map(|e| slug(e.label, &name(&self, e)))
            .collect();
        unique_keys(&mut keys);
        let entities: Arc<[Entity]> = self
            .entities
            .iter()
            .zip(keys)
            .enumerate()
            .map(|(i, (e, key))| {
                Entity::new(
                    EntityId(small(i)),
                    &key,
                    e.label,
                    &name(&self, e),
                    self.chain(e).map(|(v, _)| v),
                    e.mentions as usize,
                    e.documents as usize,
                    e.confidence,
                )
            })
            .collect();
        let Assembler {
            id_of_root,
            entities: building,
            variants,
            text,
            flat,
        } = self;
        drop((id_of_root, building, variants, text));
        // The occurrences follow from the mentions, counted then placed (no list grown by doubling).
        EntityIndex::from_flat(entities, flat)
    }
}

/// Each slug made unique, in entity order: the first entity of a slug keeps it, the second
/// gets `-2`, the third `-3`… Found by sorting the entities' numbers by slug, not by counting
/// slugs in a map (at 100,000 articles a map of half a million slugs took 50 MB, at the
/// merge's end).
fn unique_keys(keys: &mut [String]) {
    let key = |i: u32| keys.get(i as usize).map_or("", String::as_str);
    let mut order: Vec<u32> = (0..small(keys.len())).collect();
    // The same slugs in entity order: their number decides.
    order.sort_unstable_by(|&a, &b| key(a).cmp(key(b)).then(a.cmp(&b)));
    let mut suffix: Vec<(u32, u32)> = Vec::new();
    for same in order.chunk_by(|&a, &b| key(a) == key(b)) {
        suffix.extend(same.iter().zip(1u32..).skip(1).map(|(&e, n)| (e, n)));
    }
    drop(order);
    for (e, n) in suffix {
        if let Some(k) = keys.get_mut(e as usize) {
            *k = format!("{k}-{n}");
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
        let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        unique_keys(&mut keys);
        // A slug is counted as itself only (`per-a-2` as written is another slug).
        assert_eq!(
            keys,
            [
                "per-a", "org-b", "per-a-2", "per-a-3", "org-b-2", "per-a-2", "loc-c"
            ]
        );
    }
}
