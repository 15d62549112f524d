//! The corpus entities and the documents' mentions, taken one document at a time in corpus
//! order once the union-find is complete: what [`super::merge::build`] and the streamed merge
//! ([`super::streamed`]) share, so that both assemble alike.
//!
//! While documents come, an entity is a 24-byte record and its variants are links in one
//! array, each naming its text by number ([`Strings`]: each text once for the corpus): at
//! 100,000 articles an `EntityBuild` each (96 bytes, a `String` per variant, a `Vec` of variants
//! and one of counts) took about 150 MB at the merge's peak, beside the index shown. The
//! entities are packed at the end, each straight from them. The documents come as pass 1 kept
//! them ([`KeptDoc`]).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Mutex};

use super::index::{Entity, EntityId, EntityIndex, Mention, Placed};
use super::kept::{KeptDoc, Strings};
use super::merge::slug;
use super::packed::FlatMentions;
pub(super) use super::roots::Roots;
use crate::Label;
use crate::group::display_name;

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

/// A variant of an entity: its text's number in [`Strings`], how many times it is written, the
/// entity's next variant.
struct Variant {
    text: u32,
    count: u32,
    next: u32,
}

/// `n` as stored: no corpus holds 4 billion of anything (articles are capped far below 4 GB).
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

pub(super) struct Assembler {
    entities: Vec<Building>,
    /// Every entity's variants, each entity's chained in the order they were met.
    variants: Vec<Variant>,
    /// The variants' texts.
    strings: Strings,
    /// The documents' mentions packed, here or, handed over in batches, by a thread of its own.
    flat: FlatMentions,
    packer: Option<SyncSender<Batch>>,
    /// The documents assembled so far, and the mentions of those not yet packed.
    docs: u32,
    batch: Batch,
    /// The corpus entity of each of the document's entities met so far (`NONE`: not yet).
    local: Vec<u32>,
}

/// Documents assembled, their mentions not yet packed: every one's mentions one after the
/// other, and how many each has.
#[derive(Default)]
pub(super) struct Batch {
    mentions: Vec<Mention>,
    lens: Vec<u32>,
}

/// Documents handed to the packing thread at a time.
const BATCH: usize = 64;

impl Batch {
    /// Its documents' mentions packed into `flat`, after those there.
    pub(super) fn pack_into(self, flat: &mut FlatMentions) {
        let mut mentions = self.mentions.into_iter();
        for len in self.lens {
            mentions
                .by_ref()
                .take(len as usize)
                .for_each(|m| flat.push(m));
            flat.end_doc();
        }
    }
}

impl Assembler {
    /// Room for `docs` documents, `mentions` mentions and `entities` entities (grown by
    /// doubling, their array held up to twice what it needed, and thrice while it grew); the
    /// documents' variants numbered in `strings`.
    pub(super) fn with_room(
        docs: usize,
        mentions: usize,
        entities: usize,
        strings: Strings,
    ) -> Assembler {
        Assembler {
            entities: Vec::with_capacity(entities),
            variants: Vec::new(),
            strings,
            flat: FlatMentions::with_capacity(docs, mentions),
            packer: None,
            docs: 0,
            batch: Batch::default(),
            local: Vec::new(),
        }
    }

    /// The mentions of the documents from now on packed by the thread `packer` sends to (the
    /// last merge's: packing them is a third of assembling, and the other core is free).
    pub(super) fn pack_by(&mut self, packer: SyncSender<Batch>) {
        self.packer = Some(packer);
    }

    /// The packing thread given what is left and let go (it ends once it has packed it);
    /// what it packed is then [`Assembler::packed`].
    pub(super) fn stop_packing(&mut self) {
        self.hand_over(true);
        self.packer = None;
    }

    /// The mentions the packing thread packed.
    pub(super) fn packed(&mut self, flat: FlatMentions) {
        self.flat = flat;
    }

    /// The documents assembled handed to the packing thread by batches (`all`: whatever is
    /// left), or packed here when there is none.
    fn hand_over(&mut self, all: bool) {
        match &self.packer {
            Some(tx) => {
                if self.batch.lens.len() >= BATCH || all && !self.batch.lens.is_empty() {
                    let batch = std::mem::take(&mut self.batch);
                    if let Err(e) = tx.send(batch) {
                        // The thread is gone (it panicked: its join says so); packed here.
                        e.0.pack_into(&mut self.flat);
                    }
                }
            }
            None => std::mem::take(&mut self.batch).pack_into(&mut self.flat),
        }
    }

    /// Counts `c` more of variant `v` (its text's number) of entity `id`, a new one at the end
    /// of its chain.
    fn add_variant(&mut self, id: usize, v: u32, c: u32) {
        let Some(e) = self.entities.get(id) else {
            return;
        };
        let mut at = e.first;
        let mut last = NONE;
        while let Some(x) = self.variants.get_mut(at as usize) {
            if x.text == v {
                x.count = x.count.saturating_add(c);
                return;
            }
            last = at;
            at = x.next;
        }
        let new = small(self.variants.len());
        self.variants.push(Variant {
            text: v,
            count: c,
            next: NONE,
        });
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

    /// The next document, whose entities are the nodes from `base` of `roots`. `ids`, when
    /// given (as long as the document's entities), gets the corpus entity of each entity
    /// mentioned.
    pub(super) fn doc(
        &mut self,
        doc: &KeptDoc,
        base: usize,
        roots: &mut Roots,
        mut ids: Option<&mut [u32]>,
    ) {
        let d = self.docs;
        // Each of the document's entities is looked up once, at its first mention (its variants
        // taken then: two of them may be one corpus entity), not at every mention.
        let mut local = std::mem::take(&mut self.local);
        local.clear();
        local.resize(doc.labels.len(), NONE);
        let mut count = 0u32;
        // Kept by start (see `kept`).
        for m in &doc.mentions {
            let l = m.local as usize;
            let id = match local.get(l) {
                Some(&id) if id != NONE => id,
                Some(_) => {
                    let Some(&label) = doc.labels.get(l) else {
                        continue;
                    };
                    let id = self.entity_of(base + l, label, roots);
                    if let Some(slot) = local.get_mut(l) {
                        *slot = id;
                    }
                    if let Some(slot) = ids.as_deref_mut().and_then(|ids| ids.get_mut(l)) {
                        *slot = id;
                    }
                    for &(v, c) in doc.variants_of(l) {
                        self.add_variant(id as usize, v, c);
                    }
                    id
                }
                None => continue,
            };
            let Some(ent) = self.entities.get_mut(id as usize) else {
                continue;
            };
            ent.mentions = ent.mentions.saturating_add(1);
            ent.confidence = ent.confidence.max(m.confidence);
            if ent.last_doc != d {
                ent.last_doc = d;
                ent.documents = ent.documents.saturating_add(1);
            }
            self.batch.mentions.push(Mention::new(
                m.start,
                m.end,
                m.label,
                m.confidence,
                EntityId(id),
            ));
            count += 1;
        }
        self.batch.lens.push(count);
        self.docs = self.docs.saturating_add(1);
        self.hand_over(false);
        self.local = local;
    }

    /// The corpus entity of node `n` (an entity labelled `label`), made at its set's first mention.
    fn entity_of(&mut self, n: usize, label: Label, roots: &mut Roots) -> u32 {
        match roots.get(n) {
            Ok(id) => id,
            Err(root) => {
                let id = small(self.entities.len());
                self.entities.push(Building {
                    label,
                    confidence: 0,
                    mentions: 0,
                    documents: 0,
                    last_doc: NONE,
                    first: NONE,
                    last: NONE,
                });
                roots.set(root, id);
                id
            }
        }
    }

    /// Names and keys given; the index. `parallel`: the occurrences are placed from the
    /// mentions on a thread of their own while the entities are named and packed (the last
    /// merge of a first indexing, once the analysis is over: the other core is free then, and
    /// the thread reading the documents ahead is done).
    pub(super) fn finish(mut self, parallel: bool) -> EntityIndex {
        self.stop_packing();
        drop(std::mem::take(&mut self.local));
        let n = self.entities.len();
        let flat = std::mem::take(&mut self.flat);
        if !parallel {
            return EntityIndex::from_flat(self.pack(), flat);
        }
        // Taken by the thread; left here if it cannot be started (then placed here, after).
        let flat = Mutex::new(Some(flat));
        let take = || flat.lock().ok().and_then(|mut f| f.take());
        std::thread::scope(|s| {
            let placing = std::thread::Builder::new()
                .name("merge-places".into())
                .spawn_scoped(s, || take().map(|f| Placed::of(f, n)));
            // Each entity packed is the same whichever thread places the occurrences.
            let entities = self.pack();
            let placed = match placing {
                Ok(h) => h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                Err(_) => None,
            };
            let placed = placed.unwrap_or_else(|| Placed::of(take().unwrap_or_default(), n));
            EntityIndex::from_placed(entities, placed)
        })
    }

    /// The entities named, their keys made unique, packed; what assembled them given back.
    fn pack(self) -> Arc<[Entity]> {
        let Assembler {
            entities,
            variants,
            strings,
            ..
        } = self;
        let table = strings.into_table();
        let (table, variants) = (&table, &variants);
        // The variants of an entity, in the order they were met, with their counts.
        let chain = |e: &Building| {
            let mut at = e.first;
            std::iter::from_fn(move || {
                let v = variants.get(at as usize)?;
                at = v.next;
                Some((table.get(v.text as usize).map_or("", |s| &**s), v.count))
            })
        };
        let chain = &chain;
        let name = |e: &Building| {
            let (variants, counts): (Vec<&str>, Vec<u32>) = chain(e).unzip();
            display_name(e.label, &variants, &counts)
        };
        let name = &name;
        // The keys first, made unique; the names again as each entity is packed (kept, they
        // would be half a million more strings at once).
        let mut keys: Vec<String> = entities.iter().map(|e| slug(e.label, &name(e))).collect();
        unique_keys(&mut keys);
        entities
            .iter()
            .zip(keys)
            .enumerate()
            .map(|(i, (e, key))| {
                Entity::new(
                    EntityId(small(i)),
                    &key,
                    e.label,
                    &name(e),
                    chain(e).map(|(v, _)| v),
                    e.mentions as usize,
                    e.documents as usize,
                    e.confidence,
                )
            })
            .collect()
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
