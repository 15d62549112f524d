//! `positions.json`: where the reader was in each article, and the last article open. Same rules
//! as the bookmarks: atomic writes under a lock, re-read before writing so that two processes only
//! overwrite the entries each of them changed, and a damaged or newer file is never overwritten.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::bookmarks::unsaved;
use super::error::StoreError;
use super::file::{
    AtomicWrite, LOCK_TIMEOUT, Loaded, Lock, RealFs, SCHEMA, load, remove_stale_temps, to_bytes,
};

/// File name of the reading positions in the data directory.
pub const POSITIONS_FILE: &str = "positions.json";
/// File name of the lock that serialises saves of [`POSITIONS_FILE`].
pub const POSITIONS_LOCK: &str = "positions.lock";

/// Where the reader was in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Byte offset (in the decoded text) of the top visible line.
    pub offset: usize,
    /// Byte offset of the cursor's line, when it was not the top line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<usize>,
    /// [`crate::bookmark::content_hash`] of the text the offset belongs to.
    pub content_hash: String,
    /// Fields this version does not know: kept and written back as they were.
    #[serde(flatten)]
    pub extra: crate::bookmark::Extra,
}

#[derive(Default, Serialize, Deserialize)]
struct PositionFile {
    schema: u64,
    #[serde(default)]
    last_article: Option<String>,
    #[serde(default)]
    positions: BTreeMap<String, Position>,
    /// Articles opened at least once (read), by path like the positions: never unread again,
    /// so two processes' sets are merged by union.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    read: BTreeSet<String>,
    /// Top-level fields this version doesn't know: written back as they were.
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

/// Reading positions of one data directory. Changes stay in memory until [`save`](Self::save).
pub struct PositionStore {
    file: PathBuf,
    lock: PathBuf,
    fs: Arc<dyn AtomicWrite>,
    data: PositionFile,
    /// Articles whose position changed since the last save.
    changed: BTreeSet<String>,
    /// Articles read since the last save.
    read_changed: BTreeSet<String>,
    last_changed: bool,
    read_only: Option<String>,
    lock_wait: Duration,
}

impl PositionStore {
    /// Opens the positions of `dir`. Never fails; see [`crate::store::BookmarkStore::open`].
    pub fn open(dir: &Path) -> PositionStore {
        Self::open_with(dir, Arc::new(RealFs))
    }

    /// [`open`](Self::open), writing through `fs`.
    pub fn open_with(dir: &Path, fs: Arc<dyn AtomicWrite>) -> PositionStore {
        if let Ok(Some(_lock)) = Lock::try_acquire(&dir.join(POSITIONS_LOCK)) {
            remove_stale_temps(&dir.join(POSITIONS_FILE), true);
        }
        let (data, read_only) = match load::<PositionFile>(&dir.join(POSITIONS_FILE)) {
            Loaded::Missing => (PositionFile::default(), None),
            Loaded::Found(f) => (f, None),
            Loaded::Refused { reason, salvaged } => (salvaged.unwrap_or_default(), Some(reason)),
        };
        PositionStore {
            file: dir.join(POSITIONS_FILE),
            lock: dir.join(POSITIONS_LOCK),
            fs,
            data,
            changed: BTreeSet::new(),
            read_changed: BTreeSet::new(),
            last_changed: false,
            read_only,
            lock_wait: LOCK_TIMEOUT,
        }
    }

    /// See [`crate::store::BookmarkStore::set_lock_wait`].
    pub fn set_lock_wait(&mut self, wait: Duration) {
        self.lock_wait = wait;
    }

    /// Every article's position.
    pub fn all(&self) -> impl Iterator<Item = (&str, &Position)> {
        self.data.positions.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The position saved for the article at `path`, if any.
    pub fn get(&self, path: &str) -> Option<&Position> {
        self.data.positions.get(path)
    }

    /// Records the position in `path` (in memory; see [`save`](Self::save)).
    pub fn set(&mut self, path: &str, offset: usize, content_hash: &str) {
        self.set_place(path, offset, offset, content_hash);
    }

    /// Records the top line and the cursor line in `path` (in memory).
    pub fn set_place(&mut self, path: &str, top: usize, cursor: usize, content_hash: &str) {
        let cursor = (cursor != top).then_some(cursor);
        let same =
            |p: &Position| p.offset == top && p.cursor == cursor && p.content_hash == content_hash;
        match self.data.positions.get_mut(path) {
            Some(p) if same(p) => return,
            // Fields a newer liseuse keeps beside the position stay with it.
            Some(p) => {
                p.offset = top;
                p.cursor = cursor;
                content_hash.clone_into(&mut p.content_hash);
            }
            None => {
                let position = Position {
                    offset: top,
                    cursor,
                    content_hash: content_hash.to_owned(),
                    extra: crate::bookmark::Extra::new(),
                };
                self.data.positions.insert(path.to_owned(), position);
            }
        }
        self.changed.insert(path.to_owned());
    }

    /// The articles read (opened at least once), by path.
    pub fn read_articles(&self) -> impl Iterator<Item = &str> {
        self.data.read.iter().map(String::as_str)
    }

    /// Records the article at `path` as read (in memory; see [`save`](Self::save)).
    pub fn mark_read(&mut self, path: &str) {
        if self.data.read.insert(path.to_owned()) {
            self.read_changed.insert(path.to_owned());
        }
    }

    /// The article open last, if any.
    pub fn last_article(&self) -> Option<&str> {
        self.data.last_article.as_deref()
    }

    /// Records `path` as the article open last (in memory).
    pub fn set_last_article(&mut self, path: &str) {
        if self.data.last_article.as_deref() != Some(path) {
            self.data.last_article = Some(path.to_owned());
            self.last_changed = true;
        }
    }

    /// Why positions can't be saved this session, if they can't.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// How many changed entries are only in memory.
    pub fn unsaved(&self) -> usize {
        self.changed.len() + self.read_changed.len() + usize::from(self.last_changed)
    }

    /// Saves the changed entries: lock, re-read, put this process's changes over what is on disk,
    /// write atomically, unlock. On failure the changes stay in memory for the next save.
    pub fn save(&mut self) -> Result<(), StoreError> {
        if self.unsaved() == 0 {
            return Ok(());
        }
        if let Some(reason) = &self.read_only {
            return Err(StoreError::ReadOnly(reason.clone()));
        }
        let _lock = Lock::acquire(&self.lock, self.lock_wait)
            .map_err(|e| unsaved(&self.file, "lock", e, self.unsaved()))?;
        remove_stale_temps(&self.file, true);
        let mut disk = match load::<PositionFile>(&self.file) {
            Loaded::Missing => PositionFile::default(),
            Loaded::Found(f) => f,
            Loaded::Refused { reason, .. } => {
                self.read_only = Some(reason.clone());
                return Err(StoreError::ReadOnly(reason));
            }
        };
        disk.schema = SCHEMA;
        for path in &self.changed {
            let Some(p) = self.data.positions.get(path) else {
                continue;
            };
            match disk.positions.get_mut(path) {
                // What another process keeps beside it stays.
                Some(d) => {
                    d.offset = p.offset;
                    d.cursor = p.cursor;
                    d.content_hash.clone_from(&p.content_hash);
                    d.extra.add_missing(&p.extra);
                }
                None => {
                    disk.positions.insert(path.clone(), p.clone());
                }
            }
        }
        if self.last_changed {
            disk.last_article.clone_from(&self.data.last_article);
        }
        disk.read.extend(self.read_changed.iter().cloned());
        to_bytes(&disk)
            .and_then(|bytes| self.fs.write_atomic(&self.file, &bytes))
            .map_err(|e| unsaved(&self.file, "write", e, self.unsaved()))?;
        self.data = disk;
        self.changed.clear();
        self.read_changed.clear();
        self.last_changed = false;
        Ok(())
    }
}
