//! The saved index's entities: written as a sequence, read back into one shared array, each
//! entity's strings packed as they are read.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use liseuse_entity::{Entity, EntityId, Label, PackedText};
use serde::de::{DeserializeSeed, Error, SeqAccess, Visitor};
use serde::{Deserializer, Serialize, Serializer};
use std::fmt::Formatter;
use std::sync::Arc;

/// Room reserved at most before reading (a damaged length is not trusted for more): an
/// entity takes a few bytes at least in the file.
const MAX_ROOM: usize = (super::MAX_BYTES / 4) as usize / size_of::<Entity>();

/// The fields of an entity as written (`EntityBuild`'s, in its order).
const FIELDS: &[&str] = &[
    "id",
    "key",
    "label",
    "name",
    "variants",
    "mentions",
    "documents",
    "confidence",
];

pub fn serialize<S: Serializer>(e: &Arc<[Entity]>, s: S) -> Result<S::Ok, S::Error> {
    e.as_ref().serialize(s)
}

/// One entity, its strings read in place in the file's bytes and packed as they come into
/// `text` (reused from one entity to the next), then copied once into a block of their
/// exact size: no `String` made and dropped for each (at 100,000 articles, 527,091
/// entities: two thirds of the saved index's reading went to allocating and freeing them),
/// nor a `Vec` of the variants, nor a packed string grown and shrunk.
struct One<'t>(&'t mut PackedText);

impl<'de> DeserializeSeed<'de> for One<'_> {
    type Value = Entity;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Entity, D::Error> {
        d.deserialize_struct("EntityBuild", FIELDS, self)
    }
}

/// The next field, which must be there.
fn field<'de, T: serde::Deserialize<'de>, A: SeqAccess<'de>>(
    seq: &mut A,
    at: usize,
) -> Result<T, A::Error> {
    seq.next_element()?
        .ok_or_else(|| A::Error::invalid_length(at, &"an entity's eight fields"))
}

impl<'de> Visitor<'de> for One<'_> {
    type Value = Entity;
    fn expecting(&self, f: &mut Formatter) -> std::fmt::Result {
        f.write_str("an entity")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entity, A::Error> {
        let text = self.0;
        text.clear();
        let id: EntityId = field(&mut seq, 0)?;
        text.push(field::<&'de str, _>(&mut seq, 1)?);
        let label: Label = field(&mut seq, 2)?;
        text.push(field::<&'de str, _>(&mut seq, 3)?);
        seq.next_element_seed(Variants(&mut *text))?
            .ok_or_else(|| A::Error::invalid_length(4, &"an entity's eight fields"))?;
        let mentions: usize = field(&mut seq, 5)?;
        let documents: usize = field(&mut seq, 6)?;
        let confidence: u8 = field(&mut seq, 7)?;
        Ok(Entity::packed(
            id, label, text, mentions, documents, confidence,
        ))
    }
}

/// An entity's variants, each packed after its key and name as it is read.
struct Variants<'t>(&'t mut PackedText);

impl<'de> DeserializeSeed<'de> for Variants<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Variants<'_> {
    type Value = ();
    fn expecting(&self, f: &mut Formatter) -> std::fmt::Result {
        f.write_str("an entity's variants")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(v) = seq.next_element::<&'de str>()? {
            self.0.push(v);
        }
        Ok(())
    }
}

/// Read at their exact size, as the maps are (see `exact`): serde reserves at most 1 MB
/// and grows by doubling, and at 100,000 articles the 527,091 entities (17 MB) were
/// copied four times on the way.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<[Entity]>, D::Error> {
    struct Exact;
    impl<'de> Visitor<'de> for Exact {
        type Value = Vec<Entity>;
        fn expecting(&self, f: &mut Formatter) -> std::fmt::Result {
            f.write_str("a sequence of entities")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Entity>, A::Error> {
            let mut v = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_ROOM));
            let mut text = PackedText::default();
            while let Some(e) = seq.next_element_seed(One(&mut text))? {
                v.push(e);
            }
            Ok(v)
        }
    }
    d.deserialize_seq(Exact).map(Arc::from)
}
