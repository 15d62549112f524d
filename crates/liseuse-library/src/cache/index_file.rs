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
use xxhash_rust::xxh3::Xxh3;

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

/// The rest, for the rebuild (which reads it in place: see [`Maps`]).
#[cfg(test)]
#[derive(Deserialize)]
struct Back {
    #[serde(deserialize_with = "exact::deserialize")]
    maps: Vec<u32>,
    map_starts: Vec<u32>,
    mentions: u64,
}

/// The entities written as a sequence, read back into one shared array.
#[path = "index_file_entities.rs"]
mod shared;

#[path = "index_file_maps.rs"]
mod maps;
use maps::{Maps, exact};

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
    #[cfg(test)]
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
    let SavedIndex {
        hashes,
        entities,
        maps,
        map_starts,
        mentions,
        unread,
    } = saved;
    // Compared with the library's before: only their number counts now (at 100,000 articles,
    // 7 MB that would stay through the rebuild).
    let n = hashes.len();
    drop(hashes);
    let mut maps = match unread {
        Some(bytes) => Maps::written(bytes)?,
        None => Maps::in_memory(maps, map_starts, mentions),
    };
    if maps.articles() != n {
        return None;
    }
    // Only a hint: a wrong count (a file made by hand) is not trusted for more room than
    // its articles' entities could plausibly use; beyond it the array grows as it must.
    let room = usize::try_from(maps.mentions)
        .unwrap_or(0)
        .min(maps.entries().saturating_mul(64).saturating_add(1024));
    let mut flat = FlatMentions::with_capacity(n, room);
    for doc in docs.into_iter().take(n) {
        let doc = doc?;
        let doc = doc.borrow();
        let map = maps.next()?;
        if map.len() != doc.entities.len() {
            return None;
        }
        for m in sorted(doc) {
            let id = *map.get(m.local() as usize)?;
            if id as usize >= entities.len() {
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
    if flat.docs() != n {
        return None;
    }
    // The maps (at 100,000 articles, 14 MB as written) go before the occurrences are placed
    // (54 MB).
    drop(maps);
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
    // Encoded twice, hashed then written, never whole in memory: at 100,000 articles its
    // 33 MB came beside the index just merged, a cold start's peak (issue 27).
    let hashing = std::io::BufWriter::with_capacity(1 << 16, Hashing(Xxh3::new()));
    let hashing = postcard::to_io(saved, hashing).map_err(std::io::Error::other)?;
    let hash = hashing.into_inner().map_err(|e| e.into_error())?.0.digest();
    let mut tmp = tempfile::Builder::new()
        .prefix(&crate::store::temp::prefix(&file_name()))
        .suffix(crate::store::temp::SUFFIX)
        .tempfile_in(dir)?;
    let mut file = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
    file.write_all(MAGIC)?;
    file.write_all(&ENGINE_VERSION.to_le_bytes())?;
    file.write_all(&hash.to_le_bytes())?;
    let mut file = postcard::to_io(saved, file).map_err(std::io::Error::other)?;
    file.flush()?;
    drop(file);
    tmp.as_file().sync_all()?;
    tmp.persist(dir.join(file_name())).map_err(|e| e.error)?;
    Ok(())
}

/// What is written to it goes into the hash only.
struct Hashing(Xxh3);

impl Write for Hashing {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
#[path = "index_file_tests.rs"]
mod tests;
