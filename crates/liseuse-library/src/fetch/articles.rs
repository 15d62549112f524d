//! The user's library: fetched articles in a folder of the data directory, one readable file
//! each (the page's own bytes, so the reader's HTML path reads it) in a folder per feed, and its
//! metadata beside, in `.meta/KEY.json` (KEY: the hash of its address, also at the end of the
//! article's file name). One address is one article: a second fetch of it finds the first.
//! Files are written atomically (temp file, fsync, rename) under the library's lock; a metadata
//! file that does not parse is never overwritten (the next key is taken). The folders are
//! synced once per feed ([`Library::sync`], before the feed's items are recorded as seen)
//! rather than after every rename: a crash before that loses renames of items that will be
//! fetched again, never an item marked seen.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::address::key;
use super::names;
use crate::store::{Lock, SCHEMA};

/// The library's folder, in the data directory.
pub const LIBRARY_DIR: &str = "library";
const META_DIR: &str = ".meta";
const LOCK_FILE: &str = ".lock";
/// A metadata file is small; a larger one is not ours.
const MAX_META_BYTES: u64 = 1024 * 1024;

/// Where fetched articles live: `DATA_DIR/library`.
pub fn library_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(LIBRARY_DIR)
}

/// Whether `dir` holds at least one article (hidden folders aside); stops at the first.
pub fn has_articles(dir: &Path) -> bool {
    walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .any(|e| e.file_type().is_file() && crate::is_article_name(e.path()))
}

/// The metadata of the article at `path` when it is a file of a library (`LIBRARY/FOLDER/NAME`,
/// its name ending with a key whose `LIBRARY/.meta/KEY.json` names it), creating nothing. Any
/// other file costs no read.
pub fn meta_beside(path: &Path) -> Option<ArticleMeta> {
    names::key_of(path.file_name()?.to_str()?)?;
    let root = path.parent()?.parent()?;
    if !root.join(META_DIR).is_dir() {
        return None;
    }
    let library = Library {
        root: root.to_path_buf(),
        unsynced: Arc::default(),
    };
    library.meta_of(path)
}

/// What is kept about a fetched article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// The metadata's schema version.
    pub schema: u64,
    /// The address asked for.
    pub requested: String,
    /// The address the page came from, after redirects.
    pub url: String,
    /// The article's file, relative to the library.
    #[serde(default)]
    pub file: String,
    /// The article's title, as shown (one safe line).
    #[serde(default)]
    pub title: String,
    /// When it was fetched (RFC 3339, UTC).
    pub fetched: String,
    /// The server's `Date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_date: Option<String>,
    /// The server's `ETag`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The server's `Last-Modified`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// The server's `Content-Type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// The feed it came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed: Option<FeedRef>,
    /// The feed's item it came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemRef>,
    /// Set when the text is the feed's own, not the page's: why (the page could not be
    /// fetched, or held no article).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_feed: Option<String>,
    /// Fields this version does not know: kept.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The feed an article came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FeedRef {
    /// The feed's address.
    pub url: String,
    /// The feed's title when the article was stored.
    #[serde(default)]
    pub title: String,
}

/// The item of a feed an article came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ItemRef {
    /// The key the item is known by (`guid:…`, `link:…`, `hash:…`).
    pub key: String,
    /// Its GUID, when the feed gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guid: Option<String>,
    /// Its title in the feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its author in the feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// When the feed says it was published (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// An article to keep.
#[derive(Debug, Clone)]
pub struct NewArticle {
    /// Its folder in the library (a safe name: [`names::folder`]).
    pub folder: String,
    /// The day it was published, if known (`YYYY-MM-DD…`): the file name starts with it.
    pub date: Option<String>,
    /// `html`, `txt`, `md`: what the reader takes it for.
    pub ext: &'static str,
    /// The article's bytes, as they are kept.
    pub bytes: Vec<u8>,
    /// What is kept about it.
    pub meta: ArticleMeta,
}

/// Where an article went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Put {
    /// Stored as a new file: that one.
    Stored(PathBuf),
    /// Its address was in the library already: that file.
    Already(PathBuf),
}

/// The library of fetched articles.
#[derive(Debug, Clone)]
pub struct Library {
    root: PathBuf,
    /// Folders with renames not yet synced.
    unsynced: Arc<Mutex<HashSet<PathBuf>>>,
}

/// What a metadata file says.
enum Slot {
    Free,
    Article(Box<ArticleMeta>),
    Alias(String),
    /// Another address's, or not ours to touch.
    Other,
}

impl Library {
    /// The library of the data directory `data_dir`, created if missing.
    pub fn open(data_dir: &Path) -> io::Result<Library> {
        Library::at(library_dir(data_dir))
    }

    /// The library in `root`, created if missing.
    pub fn at(root: PathBuf) -> io::Result<Library> {
        std::fs::create_dir_all(root.join(META_DIR))?;
        Ok(Library {
            root,
            unsynced: Arc::default(),
        })
    }

    /// The library's folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn meta_path(&self, key: &str) -> PathBuf {
        self.root.join(META_DIR).join(format!("{key}.json"))
    }

    fn read_slot(&self, key: &str, address: &str) -> Slot {
        let bytes = match crate::readfile::read_regular(&self.meta_path(key), MAX_META_BYTES) {
            Ok((b, false)) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Slot::Free,
            _ => return Slot::Other,
        };
        let Ok(value) = serde_json::from_slice::<Value>(&bytes) else {
            return Slot::Other;
        };
        if let Some(target) = value.get("same_as").and_then(Value::as_str) {
            let of = value.get("requested").and_then(Value::as_str);
            return match of == Some(address) {
                true => Slot::Alias(target.to_string()),
                false => Slot::Other,
            };
        }
        match serde_json::from_value::<ArticleMeta>(value) {
            Ok(m) if m.url == address => Slot::Article(Box::new(m)),
            _ => Slot::Other,
        }
    }

    /// The key of `address`: the one its metadata is under, else the first free one.
    fn slot(&self, address: &str) -> (Option<String>, Slot) {
        let mut free = None;
        for attempt in 0..8 {
            let k = key(address, attempt);
            match self.read_slot(&k, address) {
                Slot::Free if free.is_none() => free = Some(k),
                Slot::Free | Slot::Other => {}
                found => return (Some(k), found),
            }
        }
        (free, Slot::Free)
    }

    /// The article fetched from `address` (asked for or arrived at), if its file is there.
    pub fn find(&self, address: &str) -> Option<(PathBuf, ArticleMeta)> {
        let meta = match self.slot(address).1 {
            Slot::Article(m) => *m,
            Slot::Alias(target) => match self.slot(&target).1 {
                Slot::Article(m) => *m,
                _ => return None,
            },
            _ => return None,
        };
        let path = self.path_of(&meta.file)?;
        path.is_file().then_some((path, meta))
    }

    /// `file` of a metadata file as a path inside the library (never outside it).
    fn path_of(&self, file: &str) -> Option<PathBuf> {
        let rel = Path::new(file);
        let plain = rel.components().all(|c| matches!(c, Component::Normal(_)));
        (plain && !file.is_empty()).then(|| self.root.join(rel))
    }

    /// The metadata of the article at `path` (a file of this library).
    pub fn meta_of(&self, path: &Path) -> Option<ArticleMeta> {
        let name = path.file_name()?.to_str()?;
        let k = names::key_of(name)?;
        let bytes = crate::readfile::read_regular(&self.meta_path(k), MAX_META_BYTES)
            .ok()?
            .0;
        let meta: ArticleMeta = serde_json::from_slice(&bytes).ok()?;
        let same = self
            .path_of(&meta.file)
            .is_some_and(|p| p == path || p.canonicalize().ok() == path.canonicalize().ok());
        same.then_some(meta)
    }

    /// Keeps `article`, unless its address (asked for or arrived at) is here already.
    pub fn put(&self, mut article: NewArticle) -> Result<Put, String> {
        let _lock = Lock::acquire(&self.root.join(LOCK_FILE), Duration::from_secs(10))
            .map_err(|e| self.failed("lock", &e))?;
        for address in [&article.meta.url, &article.meta.requested] {
            if let Some((path, _)) = self.find(address) {
                return Ok(Put::Already(path));
            }
        }
        let url = article.meta.url.clone();
        let k = match self.slot(&url) {
            (Some(k), _) => k,
            (None, _) => return Err(format!("no free name for {url} in the library")),
        };
        let folder = names::slug(&article.folder, names::MAX_SLUG, "articles");
        std::fs::create_dir_all(self.root.join(&folder)).map_err(|e| self.failed("create", &e))?;
        let mut name = names::file_name(
            article.date.as_deref(),
            &article.meta.title,
            &k,
            article.ext,
        );
        // A file there already is not ours to replace (a kill between two writes, or a file
        // put there by hand): a name beside it.
        let mut n = 2;
        while self.root.join(&folder).join(&name).exists() {
            name = format!(
                "{n}-{}",
                names::file_name(None, &article.meta.title, &k, article.ext)
            );
            n += 1;
        }
        article.meta.schema = SCHEMA;
        article.meta.file = format!("{folder}/{name}");
        // The metadata first: an article file never exists without it, so an interrupted
        // store leaves nothing the next fetch of this address would not find.
        self.write(&self.meta_path(&k), &article.meta)?;
        if article.meta.requested != url
            && let (Some(alias), Slot::Free) = self.slot(&article.meta.requested)
        {
            let alias_meta = serde_json::json!({
                "schema": SCHEMA,
                "requested": article.meta.requested,
                "same_as": url,
            });
            self.write(&self.meta_path(&alias), &alias_meta)?;
        }
        let path = self.root.join(&folder).join(&name);
        self.write_bytes(&path, &article.bytes)?;
        Ok(Put::Stored(path))
    }

    fn write<T: Serialize>(&self, path: &Path, value: &T) -> Result<(), String> {
        let bytes = crate::store::to_bytes(value).map_err(|e| self.failed("write", &e))?;
        self.write_bytes(path, &bytes)
    }

    /// A temp file beside `path`, written, synced, renamed over `path`; its folder is synced
    /// by [`Library::sync`].
    fn write_bytes(&self, path: &Path, bytes: &[u8]) -> Result<(), String> {
        let dir = path.parent().unwrap_or(&self.root);
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let write = || -> io::Result<()> {
            let mut tmp = tempfile::Builder::new()
                .prefix(&crate::store::temp::prefix(&name))
                .suffix(crate::store::temp::SUFFIX)
                .tempfile_in(dir)?;
            tmp.write_all(bytes)?;
            tmp.as_file().sync_all()?;
            tmp.persist(path).map_err(|e| e.error)?;
            Ok(())
        };
        write().map_err(|e| self.failed("write", &e))?;
        self.unsynced
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(dir.to_path_buf());
        Ok(())
    }

    /// Makes the renames done so far durable (each folder written to, synced once).
    pub fn sync(&self) -> Result<(), String> {
        let dirs: Vec<PathBuf> = self
            .unsynced
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .drain()
            .collect();
        for dir in dirs {
            std::fs::File::open(&dir)
                .and_then(|d| d.sync_all())
                .map_err(|e| self.failed("sync", &e))?;
        }
        Ok(())
    }

    fn failed(&self, what: &str, e: &io::Error) -> String {
        format!(
            "could not {what} in the library {}: {}",
            self.root.display(),
            crate::store::describe_io(e)
        )
    }
}

#[cfg(test)]
#[path = "articles_tests.rs"]
mod tests;
