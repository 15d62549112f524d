//! The entity cache: each article's extracted entities, keyed by the hash of its text and the
//! engine's version, so a second start on an unchanged library has its entities at once and
//! re-extracts only what changed. It is only a cache: missing, corrupt, partial or from another
//! engine version, it is ignored and rebuilt, never an error; deleting it loses nothing. Saves are
//! atomic (temporary file + rename), so two instances sharing it never corrupt it.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::entity::DocEntities;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Bumped whenever extraction or grouping changes what `analyse` returns.
pub const ENGINE_VERSION: u32 = 1;

/// The environment variable that names the cache directory.
pub const CACHE_DIR_ENV: &str = "LISEUSE_CACHE_DIR";

fn file_name() -> String {
    format!("entities-v{ENGINE_VERSION}.json")
}

#[derive(Deserialize)]
struct CacheFile {
    engine: u32,
    docs: HashMap<String, DocEntities>,
}

#[derive(Serialize)]
struct CacheRef<'a> {
    engine: u32,
    docs: &'a HashMap<String, DocEntities>,
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
pub fn load(dir: &Path) -> HashMap<String, DocEntities> {
    let Ok(bytes) = std::fs::read(dir.join(file_name())) else {
        return HashMap::new();
    };
    match serde_json::from_slice::<CacheFile>(&bytes) {
        Ok(c) if c.engine == ENGINE_VERSION => c.docs,
        _ => HashMap::new(),
    }
}

/// Writes the cache atomically. Errors are for the caller to ignore or report; the previous
/// cache stays whole either way.
pub fn save(dir: &Path, docs: &HashMap<String, DocEntities>) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let file = CacheRef {
        engine: ENGINE_VERSION,
        docs,
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    // Streamed: a large library's cache is never held in memory as one string.
    let mut out = std::io::BufWriter::new(tmp.as_file_mut());
    serde_json::to_writer(&mut out, &file).map_err(std::io::Error::other)?;
    out.flush()?;
    drop(out);
    tmp.as_file().sync_all()?;
    tmp.persist(dir.join(file_name())).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corruption_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load(dir.path()).is_empty(), "no cache yet");
        let mut docs = HashMap::new();
        docs.insert(
            "abc".to_string(),
            crate::entity::analyse("Le président Emmanuel Macron à Paris."),
        );
        save(dir.path(), &docs).unwrap();
        assert_eq!(load(dir.path()), docs);
        std::fs::write(
            dir.path().join(file_name()),
            b"{\"engine\": 1, \"docs\": {\"abc\": [",
        )
        .unwrap();
        assert!(load(dir.path()).is_empty(), "a partial file is ignored");
        std::fs::write(
            dir.path().join(file_name()),
            format!("{{\"engine\": {}, \"docs\": {{}}}}", ENGINE_VERSION + 1),
        )
        .unwrap();
        assert!(
            load(dir.path()).is_empty(),
            "another engine's cache is ignored"
        );
    }
}
