//! The cache folder: what liseuse keeps so that a second start on the same library is instant.
//! Everything in it can be deleted at any time; missing, damaged, partial or from another
//! version, it is ignored and rebuilt, never an error.
//!
//! - `articles-v{ENGINE}.log` ([`store`], [`log`], [`record`]): per article, its path and its
//!   file's size and modification time, the hash of its text, what the list, the sidebar, `w`
//!   and `T` need of it (title, dates, paragraphs), and its entities; appended a batch at a
//!   time as articles are analysed, so that a quit loses at most the last seconds and an
//!   interrupted first indexing resumes; compacted when mostly superseded.
//! - `index-v{ENGINE}.bin` ([`index_file`]): the last merged corpus index (its entities, and
//!   which corpus entity each article's entities became), so an unchanged library is not
//!   merged again and its counts show at once.
//! - `fulltext-v{N}/`: the full-text index of `F` ([`crate::fulltext`]).
//! - `cache.lock`: held by the one liseuse that writes the folder.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::path::{Path, PathBuf};

pub mod bodies;
pub mod frame;
pub mod index_file;
pub mod log;
pub(crate) mod pack;
pub(crate) mod path_key;
pub mod pending;
pub mod record;
pub mod store;
pub(crate) mod text_hash;

pub use frame::Packed;
pub use index_file::SavedIndex;
pub use pending::{Ready, Sealed};
pub use record::{ArticleMeta, Body, Stamp};
pub use store::{ArticleCache, Hit};

/// Bumped whenever extraction or grouping changes what `analyse` returns, or what a body holds
/// (8: the quotations, which an older body lacks; 9: the quotation stage reads cues more generally, so
/// cached quotations are recomputed).
pub const ENGINE_VERSION: u32 = 9;

/// The environment variable that names the cache directory.
pub const CACHE_DIR_ENV: &str = "LISEUSE_CACHE_DIR";

/// The header our files start with: magic, engine version, a checksum (what an abandoned
/// temporary file of ours begins with).
const HEADER: usize = 8 + 4 + 8;

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
pub(crate) fn remove_stale_temps(dir: &Path) {
    for v in 1..=ENGINE_VERSION {
        for name in [
            format!("entities-v{v}.bin"),
            format!("articles-v{v}.log"),
            format!("index-v{v}.bin"),
        ] {
            crate::store::temp::remove_stale(dir, &name, false);
        }
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
