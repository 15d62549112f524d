//! `bookmarks.json`: the bookmarks, saved change by change so that several liseuse processes can
//! work on them at once without losing any, and so that a damaged or newer file is never
//! overwritten.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::file::{
    AtomicWrite, LOCK_TIMEOUT, Loaded, Lock, RealFs, SCHEMA, load, parse, remove_stale_temps,
    to_bytes,
};
use crate::bookmark::Bookmark;

/// File name of the bookmarks in the data directory.
pub const BOOKMARKS_FILE: &str = "bookmarks.json";
/// File name of the lock that serialises changes to [`BOOKMARKS_FILE`].
pub const BOOKMARKS_LOCK: &str = "bookmarks.lock";

#[derive(Serialize, Deserialize)]
struct BookmarkFile {
    schema: u64,
    #[serde(default)]
    bookmarks: Vec<Bookmark>,
    /// Top-level fields this version doesn't know: written back as they were.
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

/// One change, replayed on whatever is on disk when it is saved.
#[derive(Debug, Clone)]
enum Op {
    /// Adds, or replaces the bookmark with the same id (so undoing a delete re-adds it as it was).
    Add(Box<Bookmark>),
    Delete(String),
    SetNote(String, String),
}

/// Whether two bookmarks keep the same passage: the same place in the same text of the same
/// article (two processes bookmarking one paragraph make two such, under different ids).
fn same_passage(a: &Bookmark, b: &Bookmark) -> bool {
    a.anchor.start == b.anchor.start
        && a.anchor.end == b.anchor.end
        && a.anchor.content_hash == b.anchor.content_hash
        && a.anchor.path == b.anchor.path
}

/// Applies `op`; returns the bookmark a delete removed. A bookmark added for a passage that
/// another one keeps already (saved by another liseuse meanwhile) is not added a second time:
/// its id becomes an alias of the one kept (`aliases`), so that a note or a delete made on it
/// later goes there (issue 24.10).
fn apply(
    list: &mut Vec<Bookmark>,
    op: &Op,
    aliases: &mut HashMap<String, String>,
) -> Option<Bookmark> {
    let resolve = |aliases: &HashMap<String, String>, id: &str| -> String {
        aliases.get(id).cloned().unwrap_or_else(|| id.to_owned())
    };
    match op {
        Op::Add(b) => {
            if let Some(x) = list.iter_mut().find(|x| x.id == b.id) {
                *x = (**b).clone();
            } else if let Some(x) = list.iter_mut().find(|x| same_passage(x, b)) {
                if x.note.is_empty() {
                    x.note.clone_from(&b.note);
                }
                aliases.insert(b.id.clone(), x.id.clone());
            } else {
                list.push((**b).clone());
            }
            None
        }
        Op::Delete(id) => {
            let id = resolve(aliases, id);
            let i = list.iter().position(|x| x.id == id)?;
            Some(list.remove(i))
        }
        Op::SetNote(id, note) => {
            let id = resolve(aliases, id);
            if let Some(x) = list.iter_mut().find(|x| x.id == id) {
                x.note.clone_from(note);
            }
            None
        }
    }
}

/// Reads the bytes of a `bookmarks.json` as [`BookmarkStore::open`] does; the error is the
/// one-line reason the store would give for going read-only. (For fuzzing and tests.)
pub fn parse_bookmarks(bytes: &[u8]) -> Result<Vec<Bookmark>, String> {
    match parse::<BookmarkFile>(bytes, BOOKMARKS_FILE) {
        Loaded::Missing => Ok(Vec::new()),
        Loaded::Found(f) => Ok(f.bookmarks),
        Loaded::Refused { reason, .. } => Err(reason),
    }
}

/// The bookmarks of one data directory.
///
/// Every change is saved at once: lock `bookmarks.lock`, re-read `bookmarks.json`, replay the
/// change on it, write it atomically, unlock. A change that can't be saved is kept in memory and
/// retried at the next change or [`flush`](Self::flush); [`unsaved`](Self::unsaved) counts them.
pub struct BookmarkStore {
    file: PathBuf,
    lock: PathBuf,
    fs: Arc<dyn AtomicWrite>,
    bookmarks: Vec<Bookmark>,
    pending: Vec<Op>,
    read_only: Option<String>,
    lock_wait: Duration,
    /// Ids of bookmarks this process added for a passage another one already kept, and the id
    /// of that one (see [`apply`]).
    aliases: HashMap<String, String>,
    /// The last save found the list changed by others (see [`Self::take_changed`]).
    changed: bool,
}

impl BookmarkStore {
    /// Opens the bookmarks of `dir`. Never fails: a missing file is an empty list; a damaged,
    /// unreadable or newer file makes the store read-only (see [`read_only`](Self::read_only)).
    pub fn open(dir: &Path) -> BookmarkStore {
        Self::open_with(dir, Arc::new(RealFs))
    }

    /// [`open`](Self::open), writing through `fs` (tests inject failures this way).
    pub fn open_with(dir: &Path, fs: Arc<dyn AtomicWrite>) -> BookmarkStore {
        let mut store = BookmarkStore {
            file: dir.join(BOOKMARKS_FILE),
            lock: dir.join(BOOKMARKS_LOCK),
            fs,
            bookmarks: Vec::new(),
            pending: Vec::new(),
            read_only: None,
            lock_wait: LOCK_TIMEOUT,
            aliases: HashMap::new(),
            changed: false,
        };
        // What killed processes left, if nobody is saving right now (else the next save).
        if let Ok(Some(_lock)) = Lock::try_acquire(&store.lock) {
            remove_stale_temps(&store.file, true);
        }
        store.reload();
        store
    }

    /// How long a save waits for another process to release the lock before it gives up with
    /// [`StoreError::is_lock_busy`] (the change stays pending). Ten seconds unless set; the
    /// background [`crate::store::Saver`] waits briefly and retries instead.
    pub fn set_lock_wait(&mut self, wait: Duration) {
        self.lock_wait = wait;
    }

    /// All bookmarks, in the order they were added.
    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.bookmarks
    }

    /// The bookmark with this id, if there is one (or the one kept for the same passage, when
    /// this id was added after it, see [`apply`]).
    pub fn get(&self, id: &str) -> Option<&Bookmark> {
        let id = self.aliases.get(id).map_or(id, String::as_str);
        self.bookmarks.iter().find(|b| b.id == id)
    }

    /// The bookmarks of one article (by the path it was opened with), in text order.
    pub fn for_article(&self, path: &str) -> Vec<&Bookmark> {
        let mut v: Vec<&Bookmark> = self
            .bookmarks
            .iter()
            .filter(|b| b.anchor.path == path)
            .collect();
        v.sort_by_key(|b| (b.anchor.start, b.anchor.end));
        v
    }

    /// Why changes can't be saved this session, if they can't.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// How many changes are only in memory.
    pub fn unsaved(&self) -> usize {
        self.pending.len()
    }

    /// Whether a save since the last call found the list other than this process had it
    /// (another liseuse changed the file): compared in place, without a copy of the list.
    pub fn take_changed(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }

    /// Re-reads the file (picking up other processes' changes), keeping pending changes on top.
    pub fn reload(&mut self) {
        match load::<BookmarkFile>(&self.file) {
            Loaded::Missing => self.replace_from_disk(Vec::new()),
            Loaded::Found(f) => self.replace_from_disk(f.bookmarks),
            Loaded::Refused { reason, salvaged } => {
                if self.read_only.is_none() && self.pending.is_empty() {
                    self.bookmarks = salvaged.map(|f| f.bookmarks).unwrap_or_default();
                }
                self.read_only = Some(reason);
            }
        }
    }

    fn replace_from_disk(&mut self, mut list: Vec<Bookmark>) {
        for op in &self.pending {
            apply(&mut list, op, &mut self.aliases);
        }
        self.bookmarks = list;
    }

    /// Adds `bookmark` (or replaces the one with the same id, e.g. to undo a delete).
    pub fn add(&mut self, bookmark: Bookmark) -> Result<(), StoreError> {
        self.change(Op::Add(Box::new(bookmark)), true).map(|_| ())
    }

    /// Deletes a bookmark and returns it (for undo); `Ok(None)` if there was none with that id.
    pub fn delete(&mut self, id: &str) -> Result<Option<Bookmark>, StoreError> {
        self.change(Op::Delete(id.to_owned()), true)
    }

    /// Sets a bookmark's note; `Ok(false)` if there is no bookmark with that id.
    pub fn set_note(&mut self, id: &str, note: &str) -> Result<bool, StoreError> {
        let found = self.get(id).is_some();
        self.change(Op::SetNote(id.to_owned(), note.to_owned()), true)?;
        Ok(found)
    }

    /// [`add`](Self::add) in memory only, touching no file: the change is pending until
    /// [`flush`](Self::flush). Refused only when the store is read-only.
    pub fn add_later(&mut self, bookmark: Bookmark) -> Result<(), StoreError> {
        self.change(Op::Add(Box::new(bookmark)), false).map(|_| ())
    }

    /// [`delete`](Self::delete) in memory only (see [`add_later`](Self::add_later)).
    pub fn delete_later(&mut self, id: &str) -> Result<Option<Bookmark>, StoreError> {
        self.change(Op::Delete(id.to_owned()), false)
    }

    /// [`set_note`](Self::set_note) in memory only (see [`add_later`](Self::add_later)).
    pub fn set_note_later(&mut self, id: &str, note: &str) -> Result<bool, StoreError> {
        let found = self.get(id).is_some();
        self.change(Op::SetNote(id.to_owned(), note.to_owned()), false)?;
        Ok(found)
    }

    /// Saves pending changes, if any.
    pub fn flush(&mut self) -> Result<(), StoreError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        if let Some(reason) = &self.read_only {
            return Err(StoreError::ReadOnly(reason.clone()));
        }
        self.save()
    }

    fn change(&mut self, op: Op, save: bool) -> Result<Option<Bookmark>, StoreError> {
        if let Some(reason) = &self.read_only {
            return Err(StoreError::ReadOnly(reason.clone()));
        }
        let removed = apply(&mut self.bookmarks, &op, &mut self.aliases);
        self.pending.push(op);
        if !save {
            return Ok(removed);
        }
        match self.save() {
            Ok(()) => Ok(removed),
            Err(StoreError::Unsaved {
                path,
                action,
                source,
                pending,
                ..
            }) => Err(StoreError::Unsaved {
                path,
                action,
                source,
                pending,
                removed: removed.map(Box::new),
            }),
            Err(e) => Err(e),
        }
    }

    /// Lock, re-read, replay pending changes on what is on disk, write, unlock.
    fn save(&mut self) -> Result<(), StoreError> {
        let _lock = match Lock::acquire(&self.lock, self.lock_wait) {
            Ok(l) => l,
            Err(e) => return Err(unsaved(&self.file, "lock", e, self.pending.len())),
        };
        remove_stale_temps(&self.file, true);
        let (mut list, rest) = match load::<BookmarkFile>(&self.file) {
            Loaded::Missing => (Vec::new(), serde_json::Map::new()),
            Loaded::Found(f) => (f.bookmarks, f.rest),
            Loaded::Refused { reason, .. } => {
                // Someone else damaged or upgraded it since: stop writing it at all.
                self.read_only = Some(reason.clone());
                return Err(StoreError::ReadOnly(reason));
            }
        };
        for op in &self.pending {
            apply(&mut list, op, &mut self.aliases);
        }
        let file = BookmarkFile {
            schema: SCHEMA,
            bookmarks: list,
            rest,
        };
        let written = to_bytes(&file).and_then(|bytes| self.fs.write_atomic(&self.file, &bytes));
        self.changed |= file.bookmarks != self.bookmarks;
        self.bookmarks = file.bookmarks;
        match written {
            Ok(()) => {
                self.pending.clear();
                Ok(())
            }
            Err(e) => Err(unsaved(&self.file, "write", e, self.pending.len())),
        }
    }
}

pub(crate) fn unsaved(
    path: &Path,
    action: &'static str,
    source: std::io::Error,
    pending: usize,
) -> StoreError {
    StoreError::Unsaved {
        path: path.to_path_buf(),
        action,
        source,
        pending,
        removed: None,
    }
}
