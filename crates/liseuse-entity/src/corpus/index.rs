//! The corpus index: entities with readable ids, the mentions of each document, the occurrences of each entity.

use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex};

use super::occurrences::Occurrences;
use super::packed::{FlatMentions, Packed};
use super::places::Places;
use crate::{DocEntities, Label};

/// The id of a corpus entity: its index in [`EntityIndex::entities`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityId(pub u32);

/// A mention in the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte offsets as `u32`: a library holds millions of mentions, and articles are capped
    /// far below 4 GB (`liseuse_library::MAX_FILE_BYTES`).
    pub start: u32,
    /// End of the mention, exclusive (see `start`).
    pub end: u32,
    /// The label, the confidence and the entity's id (see [`Label::tag`]): 12 bytes a mention, not 16.
    tagged: u32,
}

impl Mention {
    /// A mention of `entity` at `start..end`, with its label and confidence (0–100).
    pub fn new(start: u32, end: u32, label: Label, confidence: u8, entity: EntityId) -> Mention {
        Mention {
            start,
            end,
            tagged: label.tag(confidence, entity.0),
        }
    }

    /// What the mention names: a person, an organisation, a place or a date.
    pub fn label(&self) -> Label {
        Label::untag(self.tagged).0
    }

    /// How sure the engine is of this mention, 0–100 (see [`crate::Span::confidence`]).
    pub fn confidence(&self) -> u8 {
        Label::untag(self.tagged).1
    }

    /// The corpus entity it is a mention of.
    pub fn entity(&self) -> EntityId {
        EntityId(Label::untag(self.tagged).2)
    }

    /// Its bytes in the article's text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Its label, confidence level and entity as one number (see [`Label::tag`]).
    pub(super) fn tagged(&self) -> u32 {
        self.tagged
    }

    /// A mention from its offsets and [`Mention::tagged`].
    pub(super) fn from_tagged(start: u32, end: u32, tagged: u32) -> Mention {
        Mention { start, end, tagged }
    }
}

pub use super::entity::{Entity, EntityBuild, PackedText, Pieces};

/// What an index's entities can be given as: packed already, or as built (packed then, into
/// one array).
pub trait IntoEntities {
    /// The entities, packed, in one shared array.
    fn into_entities(self) -> Arc<[Entity]>;
}

impl IntoEntities for Arc<[Entity]> {
    fn into_entities(self) -> Arc<[Entity]> {
        self
    }
}

impl IntoEntities for Vec<Entity> {
    fn into_entities(self) -> Arc<[Entity]> {
        self.into()
    }
}

impl IntoEntities for Vec<EntityBuild> {
    fn into_entities(self) -> Arc<[Entity]> {
        self.into_iter().map(Entity::from).collect()
    }
}

/// What an index keeps of its mentions, made from them alone (the entities' number aside):
/// the last merge makes it on a thread of its own while the entities are packed.
pub(super) struct Placed {
    mentions: Packed,
    doc_starts: Vec<u32>,
    occurrences: Places,
}

impl Placed {
    /// The mentions of `flat`, and the occurrences of `n` entities placed from them.
    pub(super) fn of(flat: FlatMentions, n: usize) -> Placed {
        let FlatMentions {
            packed: mut mentions,
            mut doc_starts,
            per_entity,
            ..
        } = flat;
        mentions.shrink_to_fit();
        doc_starts.shrink_to_fit();
        if doc_starts.len() == 1 {
            doc_starts.clear();
        }
        // Counted, then encoded straight from the mentions (two walks over them): never the
        // 4-byte-a-place array beside the encoding (at 100,000 articles, 54 MB).
        let occurrences = Places::build(
            (0..n).map(|e| per_entity.get(e).copied().unwrap_or(0)),
            |put| {
                // Mentions are in document then text order: their places are the occurrences' order.
                let mut g = 0u32;
                for d in 0..mentions.docs() {
                    for m in mentions.doc(d) {
                        let e = m.entity().0 as usize;
                        if e < n {
                            put(e, g);
                        }
                        g = g.saturating_add(1);
                    }
                }
            },
        );
        drop(per_entity);
        Placed {
            mentions,
            doc_starts,
            occurrences,
        }
    }
}

/// Entities of a corpus and the mentions of each document.
///
/// Flat (compressed rows): every document's mentions one after the other, packed (about four
/// bytes a mention: [`Packed`]), and how many come before each document; every entity's
/// occurrences in one array likewise. A `Vec` per document and per entity cost a header and an
/// allocation each (and the spare room of growing them): at 100,000 articles, millions of them.
#[derive(Clone, Debug, Default)]
pub struct EntityIndex {
    /// Shared: the saved index's counts shown on a warm start and the index rebuilt from it
    /// hold the same entities, not a copy each.
    entities: Arc<[Entity]>,
    /// Every document's mentions, in document then text order, packed.
    mentions: Packed,
    /// How many mentions come before document `d` (`d + 1`: up to its end); one more than
    /// there are documents (none when there are none).
    doc_starts: Vec<u32>,
    /// Every entity's occurrences, entity by entity, each in corpus order: its place in
    /// `mentions` (encoded, a byte or two each; [`Occurrences`] reads it as a document and an
    /// index in it).
    occurrences: Places,
    /// The document unpacked last: drawing and `n` ask for the open one's again and again.
    unpacked: Unpacked,
}

/// The document unpacked last, and its mentions (a copy of an index starts without it).
#[derive(Debug, Default)]
struct Unpacked(Mutex<Option<(usize, Arc<[Mention]>)>>);

impl Clone for Unpacked {
    fn clone(&self) -> Self {
        Unpacked::default()
    }
}

impl EntityIndex {
    /// Merges the documents' entities (documents in corpus order).
    pub fn build<D: std::borrow::Borrow<DocEntities>>(docs: &[D]) -> EntityIndex {
        super::merge::build(docs)
    }
    /// An index from its parts, for what corrects one (`liseuse_library::corrections`) and for
    /// tests: occurrences must list each mention of `docs` under its entity, in document then
    /// text order (they are checked to be what the mentions give: the index computes its own).
    pub fn from_parts(
        entities: impl IntoEntities,
        docs: Vec<Vec<Mention>>,
        occurrences: Vec<Vec<(u32, u32)>>,
    ) -> Self {
        let mut flat = FlatMentions::with_docs(docs.len());
        for d in docs {
            d.into_iter().for_each(|m| flat.push(m));
            flat.end_doc();
        }
        let index = EntityIndex::from_flat(entities, flat);
        debug_assert!(
            occurrences
                .iter()
                .enumerate()
                .all(|(e, o)| index.occurrences(EntityId(e as u32)) == *o.as_slice()),
            "occurrences are what the mentions give"
        );
        index
    }
    /// An index from its entities and every document's mentions; each entity's occurrences
    /// follow from them (a mention of an entity the index does not hold is in no list).
    pub fn from_flat(entities: impl IntoEntities, flat: FlatMentions) -> Self {
        let entities = entities.into_entities();
        let placed = Placed::of(flat, entities.len());
        EntityIndex::from_placed(entities, placed)
    }
    /// The index of `entities` and what [`Placed::of`] made of their mentions.
    pub(super) fn from_placed(entities: Arc<[Entity]>, placed: Placed) -> Self {
        let Placed {
            mentions,
            doc_starts,
            occurrences,
        } = placed;
        EntityIndex {
            entities,
            mentions,
            doc_starts,
            occurrences,
            unpacked: Unpacked::default(),
        }
    }
    /// The index of `entities` over `docs` documents with no mention yet: the counts, at once
    /// (a warm start's saved index, before its mentions are put back).
    pub fn counts_only(entities: Arc<[Entity]>, docs: usize) -> Self {
        let n = entities.len();
        EntityIndex {
            entities,
            mentions: Packed::empty_docs(docs),
            doc_starts: if docs == 0 {
                Vec::new()
            } else {
                vec![0; docs + 1]
            },
            occurrences: Places::build(vec![0; n], |_| {}),
            unpacked: Unpacked::default(),
        }
    }
    /// Every entity of the corpus, indexed by [`EntityId`].
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }
    /// The entities, shared (not copied).
    pub fn shared_entities(&self) -> Arc<[Entity]> {
        self.entities.clone()
    }
    /// The entity of this id, if the index holds it.
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(id.0 as usize)
    }
    /// The mentions of document `doc`, sorted by start: unpacked (the last document asked for
    /// is kept unpacked, so asking again costs a lock and a count).
    pub fn doc_mentions(&self, doc: usize) -> Arc<[Mention]> {
        if let Ok(mut last) = self.unpacked.0.lock() {
            if let Some((d, m)) = last.as_ref()
                && *d == doc
            {
                return m.clone();
            }
            let m: Arc<[Mention]> = self.mentions.doc(doc).into();
            *last = Some((doc, m.clone()));
            return m;
        }
        self.mentions.doc(doc).into()
    }
    /// Where an entity is mentioned: (document, index into its mentions), in corpus order.
    pub fn occurrences(&self, id: EntityId) -> Occurrences<'_> {
        Occurrences::new(&self.occurrences, id.0 as usize, &self.doc_starts)
    }
    /// Number of mentions, in every document.
    pub fn mention_count(&self) -> usize {
        self.doc_starts.last().copied().unwrap_or(0) as usize
    }
    /// Number of documents.
    pub fn doc_count(&self) -> usize {
        self.doc_starts.len().saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_keeps_its_label_and_entity_in_twelve_bytes() {
        for label in Label::ALL {
            for id in [0, 1, 4321, (1 << 25) - 1] {
                let m = Mention::new(3, 9, label, 100, EntityId(id));
                assert_eq!(
                    (m.label(), m.confidence(), m.entity(), m.range()),
                    (label, 100, EntityId(id), 3..9)
                );
            }
        }
        assert_eq!(std::mem::size_of::<Mention>(), 12);
        assert_eq!(std::mem::size_of::<crate::DocMention>(), 12);
    }

    #[test]
    fn mentions_and_occurrences_read_back_from_the_packed_index_whatever_is_asked_first() {
        let m = |s: u32, e: u32| Mention::new(s, s + 4, Label::Per, 90, EntityId(e));
        let docs = vec![vec![m(0, 0), m(10, 1), m(20, 0)], vec![], vec![m(3, 1)]];
        let entities: Vec<EntityBuild> = (0..2)
            .map(|i| EntityBuild {
                id: EntityId(i),
                key: format!("per-{i}"),
                label: Label::Per,
                name: format!("P{i}"),
                variants: vec![format!("P{i}")],
                mentions: 2,
                documents: 2,
                confidence: 90,
            })
            .collect();
        let occ = vec![vec![(0, 0), (0, 2)], vec![(0, 1), (2, 0)]];
        let index = EntityIndex::from_parts(entities, docs.clone(), occ.clone());
        for d in [2, 0, 0, 1, 2] {
            assert_eq!(&*index.doc_mentions(d), docs[d].as_slice(), "doc {d}");
        }
        assert!(index.doc_mentions(3).is_empty());
        for (e, want) in occ.iter().enumerate() {
            assert_eq!(index.occurrences(EntityId(e as u32)).to_vec(), *want);
        }
        assert_eq!((index.mention_count(), index.doc_count()), (4, 3));
        // A copy has its own unpacked document, and the same mentions.
        let copy = index.clone();
        assert_eq!(&*copy.doc_mentions(0), docs[0].as_slice());
    }
}
