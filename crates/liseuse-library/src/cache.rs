//! The entity cache: each article's extracted entities, keyed by the hash of its text and the
//! engine's version, so a second start on an unchanged library has its entities at once and
//! re-extracts only what changed; and the last merged corpus index with the article hashes it
//! was merged from, so an unchanged library is not even merged again. It is only a cache:
//! missing, corrupt, partial or from another engine version, it is ignored and rebuilt, never an
//! error; deleting it loses nothing. Saves are atomic (temporary file + rename), so two instances
//! sharing it never corrupt it.
//!
//! The file is compact binary (postcard) behind a header with a checksum of the payload: a JSON
//! cache of a large library was larger than the library and took seconds to parse; this one is
//! read at disk speed, and a torn or damaged file is told from a good one before it is decoded.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use liseuse_entity::{DocEntities, EntityIndex};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::HashMap;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use xxhash_rust::xxh3::Xxh3;

/// Bumped whenever extraction or grouping changes what `analyse` returns.
pub const ENGINE_VERSION: u32 = 7;

/// The environment variable that names the cache directory.
pub const CACHE_DIR_ENV: &str = "LISEUSE_CACHE_DIR";

/// Marks our files, and the layout of what follows (bumped with the format, not the engine).
const MAGIC: &[u8; 8] = b"liseuse4";
/// Magic, engine version (u32 LE), payload checksum (u64 LE).
const HEADER: usize = 8 + 4 + 8;
/// Far beyond any real library's cache; a larger file is not ours to load into memory.
const MAX_CACHE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

fn file_name() -> String {
    format!("entities-v{ENGINE_VERSION}.bin")
}

/// The merged corpus index and, in article order, the hashes of the articles it was merged
/// from (empty for an article that could not be read).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SavedIndex {
    /// The hashes of the articles it was merged from, in article order.
    pub hashes: Vec<String>,
    /// The index as merged, before the user's corrections.
    pub index: EntityIndex,
}

/// What a cache file holds.
#[derive(Debug, Default)]
pub struct Cached {
    /// Each article's entities, by the hash of its text.
    pub docs: HashMap<String, DocEntities>,
    /// The index merged last, if it was saved.
    pub index: Option<SavedIndex>,
}

#[derive(Deserialize)]
struct Payload {
    docs: Vec<(String, DocEntities)>,
    index: Option<SavedIndex>,
}

/// The same payload written from what the loader holds, without copying it.
#[derive(Serialize)]
struct PayloadRef<'a> {
    #[serde(serialize_with = "docs_seq")]
    docs: &'a [(&'a str, Arc<DocEntities>)],
    index: Option<SavedIndexRef<'a>>,
}

#[derive(Serialize)]
struct SavedIndexRef<'a> {
    hashes: &'a [String],
    index: &'a EntityIndex,
}

fn docs_seq<S: Serializer>(docs: &&[(&str, Arc<DocEntities>)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(docs.iter().map(|(h, d)| (h, &**d)))
}

/// `--cache-dir`, else `LISEUSE_CACHE_DIR`, else the platform's cache directory.
pub fn cache_dir(cli: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = cli {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(CACHE_DIR_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "liseuse").map(|d| d.cache_dir().to_path_buf())
}

/// What the cache holds for this engine version; empty when there is none or it is unusable.
/// Temp files that killed writers left in `dir` are removed first (it runs once, at start).
pub fn load(dir: &Path) -> Cached {
    remove_stale_temps(dir);
    let path = dir.join(file_name());
    let Ok((bytes, false)) = crate::readfile::read_regular(&path, MAX_CACHE_BYTES) else {
        return Cached::default();
    };
    decode(&bytes).unwrap_or_default()
}

fn decode(bytes: &[u8]) -> Option<Cached> {
    let (magic, rest) = bytes.split_first_chunk::<8>()?;
    let (engine, rest) = rest.split_first_chunk::<4>()?;
    let (sum, payload) = rest.split_first_chunk::<8>()?;
    if magic != MAGIC
        || u32::from_le_bytes(*engine) != ENGINE_VERSION
        || u64::from_le_bytes(*sum) != xxhash_rust::xxh3::xxh3_64(payload)
    {
        return None;
    }
    let p: Payload = postcard::from_bytes(payload).ok()?;
    Some(Cached {
        docs: p.docs.into_iter().collect(),
        index: p.index,
    })
}

/// A writer that hashes what passes through it, so the checksum costs no second pass.
struct Hashing<W> {
    inner: W,
    hash: Xxh3,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(buf.get(..n).unwrap_or_default());
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes the cache atomically: every article's entities by hash, and the merged index with
/// the hashes it came from. Errors are for the caller to ignore or report; the previous cache
/// stays whole either way.
pub fn save(
    dir: &Path,
    docs: &[(&str, Arc<DocEntities>)],
    index: Option<(&[String], &EntityIndex)>,
) -> std::io::Result<()> {
    crate::store::ensure_folder(dir)?;
    let prefix = crate::store::temp::prefix(&file_name());
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(crate::store::temp::SUFFIX)
        .tempfile_in(dir)?;
    let file = tmp.as_file_mut();
    file.write_all(&[0u8; HEADER])?;
    // Streamed: a large library's cache is never held in memory as one buffer.
    let mut out = Hashing {
        inner: std::io::BufWriter::new(&mut *file),
        hash: Xxh3::new(),
    };
    let payload = PayloadRef {
        docs,
        index: index.map(|(hashes, index)| SavedIndexRef { hashes, index }),
    };
    postcard::to_io(&payload, &mut out).map_err(std::io::Error::other)?;
    out.flush()?;
    let sum = out.hash.digest();
    drop(out);
    file.seek(SeekFrom::Start(0))?;
    file.write_all(MAGIC)?;
    file.write_all(&ENGINE_VERSION.to_le_bytes())?;
    file.write_all(&sum.to_le_bytes())?;
    file.sync_all()?;
    tmp.persist(dir.join(file_name())).map_err(|e| e.error)?;
    Ok(())
}

/// Why the cache cannot be kept in `dir`, in words for the startup, when its path names a file
/// rather than a folder. (Anything else that stops a save only costs time at the next start.)
pub fn dir_problem(dir: &Path) -> Option<String> {
    let m = std::fs::metadata(dir).ok()?;
    (!m.is_dir()).then(|| {
        format!(
            "the cache directory {} is a file, not a folder: names are found again at every start",
            dir.display()
        )
    })
}

/// Removes what killed writers left: our temp files of every engine version (`.entities-v2.bin.
/// {pid}.XXXXXX.tmp`), and those of liseuse before pids were in the names (`.tmpXXXXXX`,
/// tempfile's default), only when old and starting as our files start (a header, or the zeroes
/// written before it), since another program may use that name too.
fn remove_stale_temps(dir: &Path) {
    for v in 1..=ENGINE_VERSION {
        crate::store::temp::remove_stale(dir, &format!("entities-v{v}.bin"), false);
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(random) = name.to_str().and_then(|n| n.strip_prefix(".tmp")) else {
            continue;
        };
        let old = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= crate::store::temp::STALE_AFTER);
        if random.len() == 6 && old && starts_like_ours(&entry.path()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn starts_like_ours(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; HEADER];
    let Ok(file) = crate::readfile::open_regular(path) else {
        return false;
    };
    let mut got = 0;
    let mut reader = file.take(HEADER as u64);
    while let Ok(n) = reader.read(head.get_mut(got..).unwrap_or_default()) {
        if n == 0 {
            break;
        }
        got += n;
    }
    let head = head.get(..got).unwrap_or_default();
    head.starts_with(b"liseuse") || (!head.is_empty() && head.iter().all(|&b| b == 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Docs = Vec<(&'static str, Arc<DocEntities>)>;

    fn sample() -> (Docs, Vec<String>, EntityIndex) {
        let a = Arc::new(liseuse_entity::analyse(
            "Le président Emmanuel Macron à Paris.",
        ));
        let b = Arc::new(liseuse_entity::analyse(
            "Macron a parlé à Lyon le 3 mai 2024.",
        ));
        let index = EntityIndex::build(&[a.clone(), b.clone()]);
        (
            vec![("abc", a), ("def", b)],
            vec!["abc".to_string(), "def".to_string()],
            index,
        )
    }

    #[test]
    fn round_trip_with_the_index() {
        let dir = tempfile::tempdir().unwrap();
        let got = load(dir.path());
        assert!(got.docs.is_empty() && got.index.is_none(), "no cache yet");
        let (docs, hashes, index) = sample();
        save(dir.path(), &docs, Some((&hashes, &index))).unwrap();
        let got = load(dir.path());
        assert_eq!(got.docs.len(), 2);
        assert_eq!(got.docs.get("abc"), Some(&*docs[0].1));
        let saved = got.index.unwrap();
        assert_eq!(saved.hashes, hashes);
        assert_eq!(saved.index.entities(), index.entities());
        assert_eq!(saved.index.doc_mentions(1), index.doc_mentions(1));
    }

    #[test]
    fn damaged_partial_or_other_engine_caches_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let (docs, hashes, index) = sample();
        save(dir.path(), &docs, Some((&hashes, &index))).unwrap();
        let path = dir.path().join(file_name());
        let good = std::fs::read(&path).unwrap();

        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x40;
        std::fs::write(&path, &flipped).unwrap();
        assert!(load(dir.path()).docs.is_empty(), "a changed byte is caught");

        std::fs::write(&path, &good[..good.len() / 2]).unwrap();
        assert!(load(dir.path()).docs.is_empty(), "a torn file is ignored");

        let mut other = good.clone();
        other[8..12].copy_from_slice(&(ENGINE_VERSION + 1).to_le_bytes());
        std::fs::write(&path, &other).unwrap();
        assert!(
            load(dir.path()).docs.is_empty(),
            "another engine's cache is ignored"
        );

        std::fs::write(&path, b"{\"engine\": 1, \"docs\": {}}").unwrap();
        assert!(load(dir.path()).docs.is_empty(), "an old JSON cache too");

        std::fs::write(&path, &good).unwrap();
        assert_eq!(
            load(dir.path()).docs.len(),
            2,
            "and the good one still loads"
        );
    }
}
