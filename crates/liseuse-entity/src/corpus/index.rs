//! The corpus index: entities with readable ids, the mentions of each document, the occurrences of each entity.

use serde::{Deserialize, Serialize};

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
}

/// A corpus entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Its id: its index in [`EntityIndex::entities`].
    pub id: EntityId,
    /// Readable, unique slug: « per-ali-khamenei ».
    pub key: String,
    /// What it is: a person, an organisation, a place or a date.
    pub label: Label,
    /// The name shown for it: its most frequent full form.
    pub name: String,
    /// Every way it is written across the corpus, the name included.
    pub variants: Vec<String>,
    /// How many mentions it has in the corpus.
    pub mentions: usize,
    /// In how many documents it is mentioned.
    pub documents: usize,
    /// The confidence of its surest mention, 0–100: the sidebar leaves out an entity under its threshold
    /// (by default [`crate::DEFAULT_MIN_CONFIDENCE`]).
    pub confidence: u8,
}

impl Entity {
    /// Whether a list of entities shows it at this threshold (the setting `min_confidence`, by
    /// default [`crate::DEFAULT_MIN_CONFIDENCE`]; 0 shows all): it has a mention, and the engine is at
    /// least that sure of one of them. The one rule for every list: the sidebar, who appears
    /// with whom, a profile, `liseuse entities`. Its mentions stay highlighted either way.
    pub fn shown(&self, min_confidence: u8) -> bool {
        self.mentions > 0 && self.confidence >= min_confidence
    }
}

/// Entities of a corpus and the mentions of each document.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct EntityIndex {
    entities: Vec<Entity>,
    docs: Vec<Vec<Mention>>,
    occurrences: Vec<Vec<(u32, u32)>>,
}

impl EntityIndex {
    /// Merges the documents' entities (documents in corpus order).
    pub fn build<D: std::borrow::Borrow<DocEntities>>(docs: &[D]) -> EntityIndex {
        super::merge::build(docs)
    }
    /// An index from its parts, for what corrects one (`liseuse_library::corrections`): occurrences
    /// must list each mention of `docs` under its entity, in document then text order.
    pub fn from_parts(
        entities: Vec<Entity>,
        docs: Vec<Vec<Mention>>,
        occurrences: Vec<Vec<(u32, u32)>>,
    ) -> Self {
        EntityIndex {
            entities,
            docs,
            occurrences,
        }
    }
    /// Every entity of the corpus, indexed by [`EntityId`].
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }
    /// The entity of this id, if the index holds it.
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(id.0 as usize)
    }
    /// The mentions of document `doc`, sorted by start.
    pub fn doc_mentions(&self, doc: usize) -> &[Mention] {
        self.docs.get(doc).map_or(&[], |v| v.as_slice())
    }
    /// Where an entity is mentioned: (document, index into its mentions), in corpus order.
    pub fn occurrences(&self, id: EntityId) -> &[(u32, u32)] {
        self.occurrences
            .get(id.0 as usize)
            .map_or(&[], |v| v.as_slice())
    }
    /// Number of documents.
    pub fn doc_count(&self) -> usize {
        self.docs.len()
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
}
