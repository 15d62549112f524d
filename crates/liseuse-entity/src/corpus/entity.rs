//! A corpus entity, kept in one allocation: its key, its name and its variants one after the
//! other in a single string. A library of 100,000 articles holds about half a million
//! entities: with a `String` for the key and the name and a `Vec<String>` of variants, each
//! cost a 96-byte record and five heap blocks (124 MB at 100,000 articles); this way, a
//! 32-byte record and one block (about half as much).
//!
//! What builds or edits entities (the merge, the corrections) works on an [`EntityBuild`],
//! with a `String` per field, and hands it over to be packed.

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use super::index::EntityId;
use crate::Label;

/// A corpus entity.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "EntityBuild")]
pub struct Entity {
    /// Its id: its index in [`super::index::EntityIndex::entities`].
    pub id: EntityId,
    /// What it is: a person, an organisation, a place or a date.
    pub label: Label,
    /// How many mentions it has in the corpus (`u32`: half a million entities).
    pub mentions: u32,
    /// In how many documents it is mentioned.
    pub documents: u32,
    /// The confidence of its surest mention, 0–100: the sidebar leaves out an entity under its threshold
    /// (by default [`crate::DEFAULT_MIN_CONFIDENCE`]).
    pub confidence: u8,
    /// The key, the name, then every variant, each after its length (see [`push_len`]).
    text: Box<str>,
}

/// A corpus entity as it is built or edited, a `String` a field; packed into an [`Entity`]
/// by `From`. Its fields, in this order, are also how an entity is saved (the cache's format).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityBuild {
    /// Its id: its index in [`super::index::EntityIndex::entities`].
    pub id: EntityId,
    /// Readable, unique slug: « per-ali-khamenei ».
    pub key: String,
    /// What it is.
    pub label: Label,
    /// The name shown for it: its most frequent full form.
    pub name: String,
    /// Every way it is written across the corpus, the name included.
    pub variants: Vec<String>,
    /// How many mentions it has in the corpus.
    pub mentions: usize,
    /// In how many documents it is mentioned.
    pub documents: usize,
    /// The confidence of its surest mention, 0–100.
    pub confidence: u8,
}

/// Appends `n` as ASCII (so that the text stays a `str`): six bits a byte, most significant
/// first, every byte but the last marked by its bit 6 (`0x40`).
fn push_len(out: &mut String, n: usize) {
    let mut shift = 0;
    while n.checked_shr(shift + 6).unwrap_or(0) != 0 {
        shift += 6;
    }
    while shift > 0 {
        out.push(char::from(0x40 | ((n >> shift) & 0x3f) as u8));
        shift -= 6;
    }
    out.push(char::from((n & 0x3f) as u8));
}

/// The piece of `text` at `*at` (a length then its bytes), moving `*at` past it.
fn next_piece<'a>(text: &'a str, at: &mut usize) -> Option<&'a str> {
    let bytes = text.as_bytes();
    let mut n = 0usize;
    loop {
        let b = *bytes.get(*at)?;
        *at += 1;
        n = n.checked_shl(6)? | usize::from(b & 0x3f);
        if b & 0x40 == 0 {
            break;
        }
    }
    let piece = text.get(*at..at.checked_add(n)?)?;
    *at += n;
    Some(piece)
}

/// An entity's strings packed as [`Entity`] keeps them, one piece at a time: what reads
/// entities from a file packs each one's strings here as they are read (reused from one entity
/// to the next), then [`Entity::packed`] takes them in a block of their exact size, with no
/// `Vec` of the variants, no growing and no shrinking on the way (at 100,000 articles, 527,091
/// entities: ≈ 200 M instructions of the saved index's loading went to that).
#[derive(Debug, Default)]
pub struct PackedText(String);

impl PackedText {
    /// Emptied for the next entity (its room kept).
    pub fn clear(&mut self) {
        self.0.clear();
    }
    /// Appends the next piece: the key, then the name, then each variant.
    pub fn push(&mut self, piece: &str) {
        push_len(&mut self.0, piece.len());
        self.0.push_str(piece);
    }
}

impl Entity {
    /// An entity whose key, name and variants were packed in `text`, in that order.
    pub fn packed(
        id: EntityId,
        label: Label,
        text: &PackedText,
        mentions: usize,
        documents: usize,
        confidence: u8,
    ) -> Entity {
        Entity::with_text(
            id,
            label,
            Box::from(text.0.as_str()),
            mentions,
            documents,
            confidence,
        )
    }

    /// The one place an entity is made from its packed strings (its counts saturated to `u32`).
    fn with_text(
        id: EntityId,
        label: Label,
        text: Box<str>,
        mentions: usize,
        documents: usize,
        confidence: u8,
    ) -> Entity {
        Entity {
            id,
            label,
            mentions: u32::try_from(mentions).unwrap_or(u32::MAX),
            documents: u32::try_from(documents).unwrap_or(u32::MAX),
            confidence,
            text,
        }
    }

    /// An entity from its parts: the key, the name and the variants packed into one string.
    #[allow(clippy::too_many_arguments)]
    pub fn new<'a>(
        id: EntityId,
        key: &'a str,
        label: Label,
        name: &'a str,
        variants: impl IntoIterator<Item = &'a str>,
        mentions: usize,
        documents: usize,
        confidence: u8,
    ) -> Entity {
        let variants = variants.into_iter();
        let mut text = String::with_capacity(key.len() + name.len() + 8 * variants.size_hint().0);
        for piece in [key, name].into_iter().chain(variants) {
            push_len(&mut text, piece.len());
            text.push_str(piece);
        }
        let text = text.into_boxed_str();
        Entity::with_text(id, label, text, mentions, documents, confidence)
    }
    /// Readable, unique slug: « per-ali-khamenei ».
    pub fn key(&self) -> &str {
        self.pieces().next().unwrap_or("")
    }
    /// The name shown for it: its most frequent full form.
    pub fn name(&self) -> &str {
        self.pieces().nth(1).unwrap_or("")
    }
    /// Every way it is written across the corpus, the name included.
    pub fn variants(&self) -> Pieces<'_> {
        let mut p = self.pieces();
        p.nth(1);
        p
    }
    /// Its key, name and variants, one after the other.
    fn pieces(&self) -> Pieces<'_> {
        Pieces {
            text: &self.text,
            at: 0,
        }
    }
    /// Whether a list of entities shows it at this threshold (the setting `min_confidence`, by
    /// default [`crate::DEFAULT_MIN_CONFIDENCE`]; 0 shows all): it has a mention, and the engine is at
    /// least that sure of one of them. The one rule for every list: the sidebar, who appears
    /// with whom, a profile, `liseuse entities`. Its mentions stay highlighted either way.
    pub fn shown(&self, min_confidence: u8) -> bool {
        self.mentions > 0 && self.confidence >= min_confidence
    }
    /// The entity as fields to edit (a copy).
    pub fn to_build(&self) -> EntityBuild {
        EntityBuild {
            id: self.id,
            key: self.key().to_string(),
            label: self.label,
            name: self.name().to_string(),
            variants: self.variants().map(str::to_string).collect(),
            mentions: self.mentions as usize,
            documents: self.documents as usize,
            confidence: self.confidence,
        }
    }
}

/// An entity's strings, one after the other (see [`Entity::variants`]).
#[derive(Clone, Debug)]
pub struct Pieces<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        next_piece(self.text, &mut self.at)
    }
}

impl From<EntityBuild> for Entity {
    fn from(b: EntityBuild) -> Entity {
        let mut text = PackedText::default();
        for piece in [&b.key, &b.name].into_iter().chain(&b.variants) {
            text.push(piece);
        }
        Entity::packed(b.id, b.label, &text, b.mentions, b.documents, b.confidence)
    }
}

impl std::fmt::Debug for Entity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Entity")
            .field("id", &self.id)
            .field("key", &self.key())
            .field("label", &self.label)
            .field("name", &self.name())
            .field("variants", &self.variants().collect::<Vec<_>>())
            .field("mentions", &self.mentions)
            .field("documents", &self.documents)
            .field("confidence", &self.confidence)
            .finish()
    }
}

/// Written as an [`EntityBuild`] is (the cache's format), without copying its strings.
impl Serialize for Entity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// The variants as a sequence of a known length.
        struct Variants<'a>(&'a Entity);
        impl Serialize for Variants<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let n = self.0.variants().count();
                s.collect_seq(ExactLen(self.0.variants(), n))
            }
        }
        let mut st = s.serialize_struct("EntityBuild", 8)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("key", self.key())?;
        st.serialize_field("label", &self.label)?;
        st.serialize_field("name", self.name())?;
        st.serialize_field("variants", &Variants(self))?;
        st.serialize_field("mentions", &(self.mentions as usize))?;
        st.serialize_field("documents", &(self.documents as usize))?;
        st.serialize_field("confidence", &self.confidence)?;
        st.end()
    }
}

/// An iterator that says how many items it has left (formats like postcard write it first).
struct ExactLen<I>(I, usize);

impl<I: Iterator> Iterator for ExactLen<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        let x = self.0.next()?;
        self.1 = self.1.saturating_sub(1);
        Some(x)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.1, Some(self.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(key: &str, name: &str, variants: &[&str]) -> EntityBuild {
        EntityBuild {
            id: EntityId(7),
            key: key.to_string(),
            label: Label::Per,
            name: name.to_string(),
            variants: variants.iter().map(|v| v.to_string()).collect(),
            mentions: 12,
            documents: 3,
            confidence: 88,
        }
    }

    #[test]
    fn an_entity_gives_back_its_strings_whatever_their_length_or_characters() {
        let long = "é".repeat(70_000);
        let cases = [
            build(
                "per-ali-khamenei",
                "Ali Khamenei",
                &["Ali Khamenei", "Khamenei"],
            ),
            build("", "", &[]),
            build(
                "k",
                "Nom\u{0}\n avec « tout »",
                &["", "x", &long, "A\u{40}@"],
            ),
            build(
                &"k".repeat(63),
                &"n".repeat(64),
                &[&"v".repeat(4095), &"w".repeat(4096)],
            ),
        ];
        for b in cases {
            let e = Entity::from(b.clone());
            assert_eq!(e.key(), b.key);
            assert_eq!(e.name(), b.name);
            assert_eq!(e.variants().collect::<Vec<_>>(), b.variants);
            assert_eq!(e.to_build(), b);
        }
        assert_eq!(std::mem::size_of::<Entity>(), 32);
    }

    #[test]
    fn an_entity_is_saved_as_its_fields_were() {
        let b = build("org-hamas", "Hamas", &["Hamas", "le Hamas"]);
        let e = Entity::from(b.clone());
        let bytes = serde_json::to_string(&e).unwrap();
        assert_eq!(bytes, serde_json::to_string(&b).unwrap());
        assert_eq!(serde_json::from_str::<Entity>(&bytes).unwrap(), e);
    }
}
