//! The articles' cache: the log's records by path (what a warm start checks each file's stamp
//! against), the bodies by the hash of their text (a file touched or moved but not changed is
//! not analysed again), and the records not yet written. Records are added as articles are
//! analysed and written a batch at a time ([`ArticleCache::flush`]); the log is compacted when
//! it holds more records that no article uses than ones it does.
//!
//! One liseuse at a time writes a cache folder: the first takes its lock, any other reads the
//! cache and writes nothing.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::ENGINE_VERSION;
use super::bodies::{BodyReader, Spot};
use super::log::{self, BodyAt, Log};
use super::path_key::PathKey;
use super::pending::Pending;
use super::record::{self, ArticleMeta, Body, Head, Stamp};
use super::text_hash::TextHash;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The layout of the log's records (bumped whenever [`Head`] or [`Body`] change; 2: frame
/// bodies compressed; 3: bodies densely encoded and compressed with zstd, heads with LZ4).
pub const FORMAT: u32 = 3;

/// Where a body is: its frame's body in the log (its number in [`ArticleCache`]'s `frames`:
/// 4 bytes where the frame's place took 24, in each record of both maps), and its bytes in
/// there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Located {
    Written(u32, (u32, u32)),
    /// Not written yet: its number in `pending`.
    Pending(usize),
}

#[derive(Debug)]
struct Known {
    stamp: Stamp,
    hash: TextHash,
    /// Taken by the first [`ArticleCache::lookup`] (the app keeps it from then on). Boxed:
    /// in place it made every record of the map 200 bytes larger for good, taken or not (at
    /// 100,000 articles, 28 MB).
    meta: Option<Box<ArticleMeta>>,
    body: Located,
}

/// A record's head with its path and text hash as the maps key them, made on the thread that
/// decoded it: the `String`s it drops are freed there, and reused by that thread's next frame
/// (freed by the thread filling the maps, they stayed in the decoding thread's memory, which
/// it does not look at again once idle).
struct Keyed {
    path: PathKey,
    hash: TextHash,
    stamp: Stamp,
    meta: ArticleMeta,
    body: (u32, u32),
}

impl From<Head> for Keyed {
    fn from(h: Head) -> Keyed {
        Keyed {
            path: PathKey::of(&h.path),
            hash: TextHash::of(&h.hash),
            stamp: h.stamp,
            meta: h.meta,
            body: h.body,
        }
    }
}

/// What the cache knows of an unchanged article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The hash of the text entities are found in.
    pub hash: String,
    /// What is kept of it.
    pub meta: ArticleMeta,
}

/// The articles' cache of one cache folder.
#[derive(Debug, Default)]
pub struct ArticleCache {
    path: Option<PathBuf>,
    log: Option<Log>,
    _lock: Option<crate::store::file::Lock>,
    reader: Option<File>,
    // Fx, not SipHash: 100,000 paths and hashes go in at each warm start, on its path to the
    // final counts (a fifth of the opening's instructions went to hashing them). Keys are the
    // user's own file names and the hashes of their texts, not a network's. A path by its
    // hash ([`PathKey`]): the map does not hold the paths themselves.
    known: FxHashMap<PathKey, Known>,
    by_hash: FxHashMap<TextHash, Located>,
    /// Where each frame of the log is, by the number [`Located::Written`] gives it (at
    /// 100,000 articles, 200 frames: the two maps were 7 MB larger with the place in them).
    frames: Vec<BodyAt>,
    pending: Pending,
    /// Records in the log, and how many of them an article still uses.
    records: usize,
    /// Records were written as frames filled ([`ArticleCache::add`], [`ArticleCache::write`])
    /// since [`ArticleCache::take_written`].
    written: bool,
    /// The frame body [`ArticleCache::body`] read last, decompressed: a library whose files
    /// were touched but not changed (restored from a backup, copied) asks for its articles'
    /// bodies one after the other, most of them in the frame read just before, and
    /// decompressing 500 articles' bodies for each cost more than analysing it again.
    last_frame: Option<(BodyAt, Arc<[u8]>)>,
    /// Frame bodies [`ArticleCache::body`] read from the log.
    frames_read: usize,
}

/// The most articles one frame holds: a frame's body is read (and decompressed) whole to take
/// one article's entities, so its size is what a merge or a warm start holds at once (a cold
/// start of 10,000 articles wrote one frame of 25 MB in its two seconds).
const FRAME_ARTICLES: usize = 500;

fn file_name() -> String {
    format!("articles-v{ENGINE_VERSION}.log")
}

impl ArticleCache {
    /// The cache in `dir` (none: nothing kept). Reads every record's head; takes the folder's
    /// lock to write, or only reads when another liseuse holds it.
    pub fn open(dir: Option<&Path>) -> ArticleCache {
        let Some(dir) = dir else {
            return ArticleCache::default();
        };
        let path = dir.join(file_name());
        let (frames, good) = log::scan(&path, ENGINE_VERSION, FORMAT);
        let lock = crate::store::ensure_folder(dir)
            .ok()
            .and_then(|_| crate::store::file::Lock::try_acquire(&dir.join("cache.lock")).ok())
            .flatten();
        let log = lock
            .as_ref()
            .and_then(|_| Log::append_to(&path, good, ENGINE_VERSION, FORMAT).ok());
        if log.is_some() {
            super::remove_stale_temps(dir);
            remove_old_files(dir);
        }
        let mut cache = ArticleCache {
            reader: crate::readfile::open_regular(&path).ok(),
            path: Some(path),
            log,
            _lock: lock,
            ..ArticleCache::default()
        };
        // The frames' heads are decoded side by side (most of a warm start's opening, which
        // every article's check waits for), then put in the maps in log order: a later record
        // of a path replaces an earlier one.
        let decoded: Vec<(BodyAt, Vec<Keyed>)> = frames
            .par_iter()
            .filter_map(|f| {
                let heads = record::decode_heads(&f.head)?;
                Some((f.body, heads.into_iter().map(Keyed::from).collect()))
            })
            .collect();
        let heads = decoded.iter().map(|(_, h)| h.len()).sum();
        cache.known.reserve(heads);
        cache.by_hash.reserve(heads);
        for (body, heads) in decoded {
            let frame = cache.frame_number(body);
            for h in heads {
                let at = Located::Written(frame, h.body);
                cache.know_written(h, at, true);
            }
        }
        cache
    }

    /// The number `frames` gives the frame whose body is at `at`, a new frame's last.
    fn frame_number(&mut self, at: BodyAt) -> u32 {
        self.frames.push(at);
        u32::try_from(self.frames.len() - 1).unwrap_or(u32::MAX)
    }

    /// Where the frame numbered `n` has its body.
    fn frame_at(&self, n: u32) -> Option<BodyAt> {
        self.frames.get(n as usize).copied()
    }

    /// A record of the log, as the latest of its path and its text's hash; `keep_meta`: its
    /// head's meta kept until a lookup takes it.
    fn know_written(&mut self, h: Keyed, at: Located, keep_meta: bool) {
        self.records += 1;
        let meta = keep_meta.then(|| Box::new(h.meta));
        self.by_hash.insert(h.hash.clone(), at);
        self.known.insert(
            h.path,
            Known {
                stamp: h.stamp,
                hash: h.hash,
                meta,
                body: at,
            },
        );
    }

    /// Whether this liseuse writes the cache (it has a folder and its lock).
    pub fn writes(&self) -> bool {
        self.log.is_some()
    }

    /// What is kept of the article at `path` when its file's stamp is the one recorded.
    pub fn lookup(&mut self, path: &str, stamp: Stamp) -> Option<Hit> {
        let k = self.known.get_mut(&PathKey::of(path))?;
        if k.stamp != stamp {
            return None;
        }
        let hash = k.hash.text();
        let body = k.body;
        let meta = match (k.meta.take(), body) {
            (Some(m), _) => *m,
            (None, Located::Pending(n)) => self.pending.get(n)?.0.meta.clone(),
            // Asked twice (the file was read again after a change that left it as it was):
            // its head is read again.
            (None, Located::Written(..)) => self.head_of(path)?.meta,
        };
        Some(Hit { hash, meta })
    }

    fn head_of(&self, path: &str) -> Option<Head> {
        let Located::Written(n, _) = self.known.get(&PathKey::of(path))?.body else {
            return None;
        };
        let at = self.frame_at(n)?;
        // The head is in the frame before its body: scan again (rare).
        let (frames, _) = log::scan(self.path.as_deref()?, ENGINE_VERSION, FORMAT);
        let frame = frames.into_iter().find(|f| f.body == at)?;
        record::decode_heads(&frame.head)?
            .into_iter()
            .find(|h| h.path == path)
    }

    /// The body kept for a text of this hash, if any.
    pub fn body(&mut self, hash: &str) -> Option<Body> {
        match *self.by_hash.get(&TextHash::of(hash))? {
            Located::Pending(n) => self.pending.get(n)?.1.body(),
            Located::Written(n, within) => {
                let at = self.frame_at(n)?;
                record::decode_body(&self.frame_body(at)?, within)
            }
        }
    }

    /// A frame's body decompressed: the one read last again, or read now.
    fn frame_body(&mut self, at: BodyAt) -> Option<Arc<[u8]>> {
        if let Some((last, bytes)) = &self.last_frame
            && *last == at
        {
            return Some(bytes.clone());
        }
        let packed = log::read_body(self.reader.as_ref()?, at)?;
        let bytes: Arc<[u8]> = record::unpack(&packed)?.into();
        self.frames_read += 1;
        self.last_frame = Some((at, bytes.clone()));
        Some(bytes)
    }

    /// How many frame bodies [`ArticleCache::body`] read from the log.
    pub fn frames_read(&self) -> usize {
        self.frames_read
    }

    /// The bodies for these hashes, in their order (`None` where there is none or it cannot be
    /// read): each frame is read once, however many of its articles are asked for.
    pub fn bodies(&self, hashes: &[String]) -> Vec<Option<Body>> {
        self.reader_for(hashes).bodies().collect()
    }

    /// Where the bodies for these hashes are, to be read without the cache (and whoever
    /// shares it behind a lock) waiting: merging a large library reads them for seconds.
    pub fn reader_for(&self, hashes: &[String]) -> BodyReader {
        let spots = hashes
            .iter()
            .map(|h| match self.by_hash.get(&TextHash::of(h)) {
                None => Spot::Missing,
                Some(Located::Pending(n)) => self
                    .pending
                    .get(*n)
                    .map_or(Spot::Missing, |(_, b)| Spot::Pending(b.clone())),
                Some(Located::Written(n, within)) => self
                    .frame_at(*n)
                    .map_or(Spot::Missing, |at| Spot::Written(at, *within)),
            })
            .collect();
        BodyReader {
            file: self.reader.as_ref().and_then(|f| f.try_clone().ok()),
            spots,
        }
    }

    /// Forgets every record of the texts of these hashes, whose bodies could not be read back
    /// (a damaged log): their articles are looked up in vain from now on, so analysed again,
    /// and their new records written after the old ones (which compaction leaves behind). One
    /// walk of the records for all of them: a damaged frame holds hundreds of articles.
    pub fn forget_texts<'h>(&mut self, hashes: impl IntoIterator<Item = &'h String>) {
        let keys: std::collections::HashSet<TextHash> =
            hashes.into_iter().map(|h| TextHash::of(h)).collect();
        for k in &keys {
            self.by_hash.remove(k);
        }
        self.known.retain(|_, k| !keys.contains(&k.hash));
    }

    /// Makes the log durable (once indexing is done).
    pub fn sync(&self) {
        if let Some(log) = &self.log {
            let _ = log.sync();
        }
    }

    /// Records in the log (superseded ones included).
    pub fn records(&self) -> usize {
        self.records
    }

    /// The log's size on disk.
    pub fn bytes(&self) -> u64 {
        self.log.as_ref().map_or(0, Log::len)
    }
}

/// Caches of earlier formats and engines are of no use to this one: removed, by the liseuse
/// that holds the folder's lock, so that a large library's old cache does not stay on disk.
fn remove_old_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let keep = [file_name(), super::index_file::file_name()];
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = (name.starts_with("entities-v") && name.ends_with(".bin"))
            || (name.starts_with("articles-v") && name.ends_with(".log"))
            || (name.starts_with("index-v") && name.ends_with(".bin"));
        if ours && !keep.contains(&name) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[path = "compact.rs"]
mod compact;
#[path = "writing.rs"]
mod writing;

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
