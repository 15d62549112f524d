//! The merged corpus index as the cache keeps it: its entities (the sidebar's counts, read at
//! once on a warm start), the hashes of the articles it was merged from, and for each article
//! which corpus entity each of its own entities became. Mentions are not written twice: they
//! are in the articles' bodies, and [`rebuild`] puts them back under their corpus entities
//! without merging anything. Written atomically (temporary file, rename) behind a header with
//! a checksum; anything unusable is ignored. On a warm start only what the counts need is
//! decoded at once (the hashes, the entities); the maps are decoded by [`rebuild`].
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::ENGINE_VERSION;
use liseuse_entity::{DocEntities, Entity, EntityId, EntityIndex, FlatMentions, LocalIds, Mention};
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// Marks our files and their layout (bumped with the format, not the engine): 7 since the
/// articles' maps are one array.
const MAGIC: &[u8; 8] = b"liseuse7";
/// Far beyond any real library's; a larger file is not ours to load.
const MAX_BYTES: u64 = 1 << 30;

/// Where in the cache folder it is.
pub fn file_name() -> String {
    format!("index-v{ENGINE_VERSION}.bin")
}

/// A merged index as saved: enough to show its counts at once, and to rebuild it whole from
/// the articles' entities.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SavedIndex {
    /// The hashes of the articles it was merged from, in article order (empty for one that
    /// could not be read).
    pub hashes: Vec<String>,
    /// Its entities, before the user's corrections: shared by the counts shown at once and
    /// the index rebuilt (not a copy each).
    #[serde(with = "shared")]
    pub entities: Arc<[Entity]>,
    /// Every article's map one after the other: the corpus entity of each of its own entities
    /// (`u32::MAX` for one with no mention). Read back at its exact size (see [`exact`]).
    #[serde(deserialize_with = "exact::deserialize")]
    maps: Vec<u32>,
    /// Where article `d`'s map starts in `maps` (`d + 1`: where it ends).
    map_starts: Vec<u32>,
    /// How many mentions the index holds: room for them all at once when it is rebuilt.
    mentions: u64,
    /// As [`load`] reads it: the fields after the entities (`maps`, `map_starts`, `mentions`)
    /// as written, decoded by [`rebuild`] (at 100,000 articles, 5 million numbers the counts
    /// shown at once do not need: they were decoded before them).
    #[serde(skip)]
    unread: Option<Box<[u8]>>,
}

/// What the counts need of a saved index: the fields written first.
#[derive(Deserialize)]
struct Front {
    hashes: Vec<String>,
    #[serde(with = "shared")]
    entities: Arc<[Entity]>,
}

/// The rest, for the rebuild.
#[derive(Deserialize)]
struct Back {
    #[serde(deserialize_with = "exact::deserialize")]
    maps: Vec<u32>,
    map_starts: Vec<u32>,
    mentions: u64,
}

/// The entities written as a sequence, read back into one shared array.
mod shared {
    use liseuse_entity::{Entity, EntityId, Label};
    use serde::de::{SeqAccess, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::sync::Arc;

    /// Room reserved at most before reading (a damaged length is not trusted for more): an
    /// entity takes a few bytes at least in the file.
    const MAX_ROOM: usize = (super::MAX_BYTES / 4) as usize / size_of::<Entity>();

    /// An entity as written (`EntityBuild`'s fields, in its order), its strings read in place
    /// in the file's bytes: packed into an [`Entity`] without a `String` made and dropped for
    /// each (at 100,000 articles, 527,091 entities: two thirds of the saved index's reading,
    /// before the warm start's counts, went to allocating and freeing them).
    #[derive(Deserialize)]
    struct Saved<'a> {
        id: EntityId,
        key: &'a str,
        label: Label,
        name: &'a str,
        #[serde(borrow)]
        variants: Vec<&'a str>,
        mentions: usize,
        documents: usize,
        confidence: u8,
    }

    pub fn serialize<S: Serializer>(e: &Arc<[Entity]>, s: S) -> Result<S::Ok, S::Error> {
        e.as_ref().serialize(s)
    }

    /// Read at their exact size, as the maps are (see `exact`): serde reserves at most 1 MB
    /// and grows by doubling, and at 100,000 articles the 527,091 entities (17 MB) were
    /// copied four times on the way.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<[Entity]>, D::Error> {
        struct Exact;
        impl<'de> Visitor<'de> for Exact {
            type Value = Vec<Entity>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence of entities")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Entity>, A::Error> {
                let mut v = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_ROOM));
                while let Some(e) = seq.next_element::<Saved<'de>>()? {
                    v.push(Entity::new(
                        e.id,
                        e.key,
                        e.label,
                        e.name,
                        e.variants,
                        e.mentions,
                        e.documents,
                        e.confidence,
                    ));
                }
                Ok(v)
            }
        }
        d.deserialize_seq(Exact).map(Arc::from)
    }
}

/// The maps read back into an array of their exact size. serde reserves at most 1 MB for a
/// sequence and grows it by doubling: at 100,000 articles (4,989,521 entries, 20 MB) that held
/// 33.5 MB through the rebuild, and copied 16.8 MB into a new array on the way.
mod exact {
    use serde::Deserializer;
    use serde::de::{SeqAccess, Visitor};

    /// Room reserved at most before reading (its pages are touched only as they are filled): a
    /// damaged length is not trusted for more; a real one beyond it grows as it must.
    const MAX_ROOM: usize = (super::MAX_BYTES / 8) as usize;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
        struct Exact;
        impl<'de> Visitor<'de> for Exact {
            type Value = Vec<u32>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence of u32")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u32>, A::Error> {
                let mut v = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_ROOM));
                while let Some(x) = seq.next_element()? {
                    v.push(x);
                }
                Ok(v)
            }
        }
        d.deserialize_seq(Exact)
    }
}

/// A document's mentions in the order the merge took them (by start, then end).
fn sorted(doc: &DocEntities) -> Vec<liseuse_entity::DocMention> {
    let mut m = doc.mentions.clone();
    m.sort_by_key(|m| (m.start, m.end));
    m
}

impl SavedIndex {
    /// What to save of `index`, merged from `docs` whose hashes are `hashes`.
    pub fn of<D: Borrow<DocEntities>>(
        index: &EntityIndex,
        docs: &[D],
        hashes: Vec<String>,
    ) -> SavedIndex {
        let mut maps = Vec::new();
        let mut map_starts = Vec::with_capacity(docs.len() + 1);
        map_starts.push(0);
        for (d, doc) in docs.iter().enumerate() {
            let doc = doc.borrow();
            let start = maps.len();
            maps.resize(start + doc.entities.len(), u32::MAX);
            let map = maps.get_mut(start..).unwrap_or_default();
            for (local, merged) in sorted(doc).iter().zip(index.doc_mentions(d).iter()) {
                if let Some(slot) = map.get_mut(local.local() as usize) {
                    *slot = merged.entity().0;
                }
            }
            map_starts.push(u32::try_from(maps.len()).unwrap_or(u32::MAX));
        }
        SavedIndex {
            hashes,
            entities: index.shared_entities(),
            maps,
            map_starts,
            mentions: index.mention_count() as u64,
            unread: None,
        }
    }

    /// What to save of `index`, from the corpus entity of each article's entities as the
    /// streamed merge gives them (the same as [`SavedIndex::of`], without the articles).
    pub fn with_ids(index: &EntityIndex, ids: LocalIds, hashes: Vec<String>) -> SavedIndex {
        SavedIndex {
            hashes,
            entities: index.shared_entities(),
            maps: ids.ids,
            map_starts: ids.starts,
            mentions: index.mention_count() as u64,
            unread: None,
        }
    }

    /// The same with its maps decoded (`None` if what [`load`] left for later cannot be read).
    fn with_maps(mut self) -> Option<SavedIndex> {
        if let Some(bytes) = self.unread.take() {
            let back: Back = postcard::from_bytes(&bytes).ok()?;
            // Dropped before the rebuild makes room for the mentions.
            drop(bytes);
            self.maps = back.maps;
            self.map_starts = back.map_starts;
            self.mentions = back.mentions;
        }
        Some(self)
    }

    /// Article `d`'s map, if the index has one.
    fn map(&self, d: usize) -> Option<&[u32]> {
        let (a, b) = (*self.map_starts.get(d)?, *self.map_starts.get(d + 1)?);
        self.maps.get(a as usize..b as usize)
    }

    /// The index with its entities and no mentions yet: the counts, at once (sharing its
    /// entities, not copying them).
    pub fn counts_only(&self) -> EntityIndex {
        EntityIndex::counts_only(self.entities.clone(), self.hashes.len())
    }
}

/// The index `saved` stands for, from its articles' entities in article order (`None` for one
/// whose entities cannot be had: then there is none, and the caller merges instead). Takes
/// `saved` whole: its entities become the index's, not a copy (at 100,000 articles, hundreds
/// of MB).
pub fn rebuild<D: Borrow<DocEntities>>(
    saved: SavedIndex,
    docs: impl IntoIterator<Item = Option<D>>,
) -> Option<EntityIndex> {
    let saved = saved.with_maps()?;
    let n = saved.hashes.len();
    // Only a hint: a wrong count (a file made by hand) is not trusted for more room than
    // its articles' entities could plausibly use; beyond it the array grows as it must.
    let room = usize::try_from(saved.mentions)
        .unwrap_or(0)
        .min(saved.maps.len().saturating_mul(64).saturating_add(1024));
    let mut flat = FlatMentions::with_capacity(n, room);
    for (d, doc) in docs.into_iter().take(n).enumerate() {
        let doc = doc?;
        let doc = doc.borrow();
        let map = saved.map(d)?;
        if map.len() != doc.entities.len() {
            return None;
        }
        for m in sorted(doc) {
            let id = *map.get(m.local() as usize)?;
            if id as usize >= saved.entities.len() {
                return None;
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
    if flat.docs() != n || saved.map_starts.len() != n + 1 {
        return None;
    }
    // The maps (at 100,000 articles, 41 MB) go before the occurrences are placed (54 MB).
    // (A partial move would drop them only at the end of the function.)
    let SavedIndex {
        entities,
        maps,
        map_starts,
        hashes,
        ..
    } = saved;
    drop((maps, map_starts, hashes));
    Some(EntityIndex::from_flat(entities, flat))
}

/// The saved index in `dir`, if there is a usable one.
pub fn load(dir: &Path) -> Option<SavedIndex> {
    let (bytes, false) = crate::readfile::read_regular(&dir.join(file_name()), MAX_BYTES).ok()?
    else {
        return None;
    };
    let (magic, rest) = bytes.split_first_chunk::<8>()?;
    let (engine, rest) = rest.split_first_chunk::<4>()?;
    let (sum, payload) = rest.split_first_chunk::<8>()?;
    if magic != MAGIC
        || u32::from_le_bytes(*engine) != ENGINE_VERSION
        || u64::from_le_bytes(*sum) != xxhash_rust::xxh3::xxh3_64(payload)
    {
        return None;
    }
    // The entities first; the rest kept as written until the rebuild (`with_maps`).
    let (front, rest): (Front, _) = postcard::take_from_bytes(payload).ok()?;
    Some(SavedIndex {
        hashes: front.hashes,
        entities: front.entities,
        maps: Vec::new(),
        map_starts: Vec::new(),
        mentions: 0,
        unread: Some(rest.into()),
    })
}

/// Writes `saved` atomically into `dir`.
pub fn save(dir: &Path, saved: &SavedIndex) -> std::io::Result<()> {
    crate::store::ensure_folder(dir)?;
    let payload = postcard::to_stdvec(saved).map_err(std::io::Error::other)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&crate::store::temp::prefix(&file_name()))
        .suffix(crate::store::temp::SUFFIX)
        .tempfile_in(dir)?;
    let file = tmp.as_file_mut();
    file.write_all(MAGIC)?;
    file.write_all(&ENGINE_VERSION.to_le_bytes())?;
    file.write_all(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes())?;
    file.write_all(&payload)?;
    file.sync_all()?;
    tmp.persist(dir.join(file_name())).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
#[path = "index_file_tests.rs"]
mod tests;
