//! The only place that reads and writes user data: bookmarks, reading positions and the
//! corrections made to the entity engine, in the data directory.
//!
//! Rules, because losing a bookmark is the worst bug liseuse can have:
//! - files are replaced atomically (temp file, fsync, rename, fsync of the directory), so a crash
//!   leaves the old version or the new one;
//! - each save takes a lock, re-reads the file and applies this process's changes to what is on
//!   disk, so processes working at the same time lose nothing;
//! - a file that is damaged, unreadable or from a newer liseuse is never written: the store is
//!   read-only and says why;
//! - a change that can't be written (full disk, no permission) stays in memory and is retried;
//! - a data file that is a symbolic link is written where it points (a dangling one is
//!   read-only), and keeps its mode;
//! - saving can run beside the event loop ([`Saver`]), so a lock held by another liseuse never
//!   freezes the screen.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

mod bookmarks;
mod corrections;
mod error;
pub(crate) mod file;
mod link;
mod positions;
mod report;
mod saver;
pub(crate) mod temp;
mod view;

#[cfg(test)]
mod tests;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub use bookmarks::{BOOKMARKS_FILE, BOOKMARKS_LOCK, BookmarkStore, parse_bookmarks};
pub use corrections::{CORRECTIONS_FILE, CORRECTIONS_LOCK, Correction, CorrectionStore, Made};
pub use error::{StoreError, describe as describe_io};
pub use file::{AtomicWrite, RealFs, SCHEMA};
pub use positions::{POSITIONS_FILE, POSITIONS_LOCK, Position, PositionStore};
pub use report::{Kept, Outcome, Pending, StoreCommand, StoreReport};
pub use saver::{Closed, Saver, startup_notices};
pub use view::{VIEW_FILE, VIEW_LOCK, ViewStore};
// The same rules for the fetched library and the feed list (`crate::fetch`).
pub(crate) use file::{Loaded, Lock, load, remove_stale_temps, to_bytes};

/// The environment variable that chooses the data directory when `--data-dir` is not given.
pub const DATA_DIR_ENV: &str = "LISEUSE_DATA_DIR";

/// The data directory: `cli` (the `--data-dir` value), else `$LISEUSE_DATA_DIR`, else the
/// platform's data directory for liseuse (`~/.local/share/liseuse` on Linux). Created if missing.
pub fn data_dir(cli: Option<&Path>) -> Result<PathBuf, StoreError> {
    let dir = choose_data_dir(cli, std::env::var_os(DATA_DIR_ENV), || {
        directories::ProjectDirs::from("", "", "liseuse").map(|d| d.data_dir().to_path_buf())
    })?;
    ensure_folder(&dir).map_err(|source| match source.kind() {
        std::io::ErrorKind::AlreadyExists | std::io::ErrorKind::NotADirectory => {
            StoreError::NotAFolder(dir.clone())
        }
        _ => StoreError::CreateDir {
            path: dir.clone(),
            source,
        },
    })?;
    Ok(dir)
}

/// Creates `dir` (and its parents) unless it is there. A regular file (or anything but a
/// folder) in its place is `AlreadyExists`, said in plain words by the callers rather than as
/// "File exists (os error 17)".
pub fn ensure_folder(dir: &Path) -> std::io::Result<()> {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "is a file, not a folder",
        )),
        Err(_) => std::fs::create_dir_all(dir),
    }
}

/// The precedence of [`data_dir`], without touching the environment or the disk.
fn choose_data_dir(
    cli: Option<&Path>,
    env: Option<OsString>,
    platform: impl FnOnce() -> Option<PathBuf>,
) -> Result<PathBuf, StoreError> {
    if let Some(dir) = cli.filter(|d| !d.as_os_str().is_empty()) {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = env.filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    platform().ok_or(StoreError::NoDataDir)
}
