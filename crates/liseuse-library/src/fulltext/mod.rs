//! The full-text index of `F`: every article's words, case and accents folded as the search
//! folds them ([`liseuse_document::search::fold_str`]), in a tantivy index in the cache folder
//! (`fulltext-v{FORMAT}/`), built in the background as articles are read and updated as files
//! are added, changed or removed. It keeps which articles hold which words and how often
//! (BM25), not where: a query's articles come from the index, ranked; where in each the query
//! is (a phrase, a word's part, an exact case) is found in the article's text when its hits are
//! shown ([`crate::search`]). Without positions the index of 100,000 articles is a tenth of the
//! size (see the README's Performance section).
//!
//! One liseuse at a time writes the index (tantivy's lock); another one searches it as it is.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

mod cold;
mod fold;
mod folder;
mod schema;
mod search;

use fold::FoldTokenizer;
pub use fold::query_words;
use rustc_hash::FxHashMap;
use schema::{FOLD, Fields, schema};
pub use search::{Candidate, Candidates};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};
use tantivy::indexer::UserOperation;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// Bumped whenever what is indexed or how it is folded changes (2: each article's path, so that
/// a search can show an article the folder's walk has not listed yet).
pub const FORMAT: u32 = 2;
/// The day of an article with no date.
pub const UNDATED: i64 = i64::MIN;
/// Memory the writer fills before it writes a segment: tantivy's least, since liseuse indexes
/// beside everything else it does.
const WRITER_BYTES: usize = 15_000_000;
/// Most threads a query's segments are searched on.
const SEARCH_THREADS: usize = 4;
/// Operations handed to the writer together: one at a time, each woke its indexing thread (a
/// cold start of 100,000 articles made hundreds of thousands of such wake-ups).
const BATCH: usize = 64;

/// The folder of the index in the cache folder.
pub fn dir_name() -> String {
    format!("fulltext-v{FORMAT}")
}

/// An article's id in the index: its path's hash.
pub fn id_of(path: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(path.as_bytes())
}

/// Operations queued for the writer (see [`BATCH`]).
#[derive(Default)]
struct Pending {
    ops: Vec<UserOperation<TantivyDocument>>,
    /// The ids the queued operations add.
    added: Vec<u64>,
}

/// The full-text index.
pub struct FullText {
    reader: IndexReader,
    writer: Option<Mutex<IndexWriter>>,
    fields: Fields,
    /// Each indexed article's text hash, by id: what need not be indexed again.
    known: RwLock<FxHashMap<u64, u64>>,
    /// Changes not committed yet.
    uncommitted: Mutex<usize>,
    /// Operations not handed to the writer yet, in their order, and the ids they add.
    pending: Mutex<Pending>,
    /// Articles searchable (as of the last commit).
    searchable: std::sync::atomic::AtomicUsize,
    path: Option<PathBuf>,
    /// A first indexing: its segments merged once, at its end ([`cold`]).
    cold: cold::Cold,
}

impl std::fmt::Debug for FullText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FullText")
            .field("path", &self.path)
            .field("writes", &self.writer.is_some())
            .finish()
    }
}

impl FullText {
    /// The index in `cache_dir` (in memory when there is none or it cannot be used).
    pub fn open(cache_dir: Option<&Path>) -> FullText {
        let (schema, fields) = schema();
        let on_disk = cache_dir.and_then(|d| {
            let dir = d.join(dir_name());
            std::fs::create_dir_all(&dir).ok()?;
            let mmap = tantivy::directory::MmapDirectory::open(&dir).ok()?;
            let index = Index::open_or_create(mmap, schema.clone())
                .or_else(|_| {
                    // Not ours or damaged: started anew.
                    let _ = std::fs::remove_dir_all(&dir);
                    std::fs::create_dir_all(&dir).ok();
                    let mmap = tantivy::directory::MmapDirectory::open(&dir)?;
                    Index::create(mmap, schema.clone(), Default::default())
                })
                .ok()?;
            Some((index, dir))
        });
        let (mut index, path) = match on_disk {
            Some((i, p)) => (i, Some(p)),
            None => (Index::create_in_ram(schema), None),
        };
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if path.is_some() && cores > 1 {
            // A query's segments are searched on every core (a lone word is looked for in
            // every word of each segment's dictionary): an `F` typed while a warm start checks
            // every article gets more than one thread's share of the processors. Without the
            // threads (or one core), one segment at a time on the caller's.
            let _ = index.set_multithread_executor(cores.min(SEARCH_THREADS));
        }
        index.tokenizers().register(
            FOLD,
            TextAnalyzer::builder(FoldTokenizer::default()).build(),
        );
        let writer = index
            .writer_with_options(
                tantivy::indexer::IndexWriterOptions::builder()
                    .num_worker_threads(1)
                    .num_merge_threads(1)
                    .memory_budget_per_thread(WRITER_BYTES)
                    .build(),
            )
            .ok()
            .map(Mutex::new);
        // The liseuse that writes the index is the one that tidies the folder.
        if let (Some(_), Some(d)) = (&writer, cache_dir) {
            folder::remove_old_formats(d);
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into();
        let reader = match reader {
            Ok(r) => r,
            Err(_) => {
                // Unreadable as it is: an empty one in memory rather than none.
                let ram = Index::create_in_ram(self::schema().0);
                ram.tokenizers().register(
                    FOLD,
                    TextAnalyzer::builder(FoldTokenizer::default()).build(),
                );
                return FullText::from_index(ram, fields, None);
            }
        };
        let ft = FullText {
            reader,
            writer,
            fields,
            known: RwLock::new(FxHashMap::default()),
            uncommitted: Mutex::new(0),
            pending: Mutex::default(),
            searchable: Default::default(),
            path,
            cold: cold::Cold::default(),
        };
        ft.read_known();
        if let Some(w) = &ft.writer
            && ft.is_empty()
            && let Ok(w) = w.lock()
        {
            ft.start_cold(&w);
        }
        ft
    }

    fn from_index(index: Index, fields: Fields, path: Option<PathBuf>) -> FullText {
        let writer = index
            .writer_with_num_threads(1, WRITER_BYTES)
            .ok()
            .map(Mutex::new);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into();
        let reader = match reader {
            Ok(r) => r,
            // An index in memory can always be read; should it not, searches find nothing.
            Err(_) => return FullText::open(None),
        };
        FullText {
            reader,
            writer,
            fields,
            known: RwLock::new(FxHashMap::default()),
            uncommitted: Mutex::new(0),
            pending: Mutex::default(),
            searchable: Default::default(),
            path,
            cold: cold::Cold::default(),
        }
    }

    /// Which articles the index holds, from its fast fields.
    fn read_known(&self) {
        let searcher = self.reader.searcher();
        let mut known = FxHashMap::default();
        for seg in searcher.segment_readers() {
            let (Ok(ids), Ok(hashes)) =
                (seg.fast_fields().u64("id"), seg.fast_fields().u64("hash"))
            else {
                continue;
            };
            let alive = seg.alive_bitset();
            for doc in 0..seg.max_doc() {
                if alive.is_some_and(|a| !a.is_alive(doc)) {
                    continue;
                }
                if let (Some(id), Some(h)) = (ids.first(doc), hashes.first(doc)) {
                    known.insert(id, h);
                }
            }
        }
        self.searchable
            .store(known.len(), std::sync::atomic::Ordering::SeqCst);
        if let Ok(mut k) = self.known.write() {
            *k = known;
        }
    }

    /// Whether this liseuse writes the index.
    pub fn writes(&self) -> bool {
        self.writer.is_some()
    }

    /// Whether the article `id` is indexed with the text of hash `hash`.
    pub fn has(&self, id: u64, hash: u64) -> bool {
        self.known.read().is_ok_and(|k| k.get(&id) == Some(&hash))
    }

    /// How many articles a search finds in (as of the last commit).
    pub fn len(&self) -> usize {
        self.searchable.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Whether no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Indexes the article read from `path` (replacing what was indexed for its id). Searchable
    /// after the next [`FullText::commit`].
    pub fn put(&self, id: u64, hash: u64, day: Option<i64>, path: &str, title: &str, text: &str) {
        if self.writer.is_none() {
            return;
        }
        let mut doc = TantivyDocument::default();
        doc.add_u64(self.fields.id, id);
        doc.add_u64(self.fields.hash, hash);
        doc.add_i64(self.fields.day, day.unwrap_or(UNDATED));
        doc.add_text(self.fields.path, path);
        doc.add_text(self.fields.body, title);
        doc.add_text(self.fields.body, text);
        // Under the lock of the pending operations: two puts of one article are queued in the
        // order they tell the index of it.
        let Ok(mut p) = self.pending.lock() else {
            return;
        };
        // An article the index never held has nothing to delete (a cold start's every one):
        // each deletion is looked up in every segment at the next commit.
        if self.known.read().map_or(true, |k| k.contains_key(&id)) {
            p.ops.push(UserOperation::Delete(Term::from_field_u64(
                self.fields.id,
                id,
            )));
        }
        p.ops.push(UserOperation::Add(doc));
        p.added.push(id);
        if let Ok(mut k) = self.known.write() {
            k.insert(id, hash);
        }
        if let Ok(mut n) = self.uncommitted.lock() {
            *n += 1;
        }
        if p.ops.len() >= BATCH {
            self.hand_over(&mut p);
        }
    }

    /// Hands the pending operations to the writer, in one batch (the lock of `pending` held, so
    /// that batches keep their order).
    fn hand_over(&self, p: &mut Pending) {
        let Some(w) = &self.writer else { return };
        if p.ops.is_empty() {
            return;
        }
        let ops = std::mem::take(&mut p.ops);
        let added = std::mem::take(&mut p.added);
        let ran = w.lock().ok().and_then(|w| w.run(ops).ok());
        if ran.is_none()
            && let Ok(mut k) = self.known.write()
        {
            // Not indexed after all: indexed again when next put.
            for id in added {
                k.remove(&id);
            }
        }
    }

    /// Takes an article out of the index.
    pub fn remove(&self, id: u64) {
        if self.writer.is_none() {
            return;
        }
        let Ok(mut p) = self.pending.lock() else {
            return;
        };
        p.ops.push(UserOperation::Delete(Term::from_field_u64(
            self.fields.id,
            id,
        )));
        if let Ok(mut k) = self.known.write() {
            k.remove(&id);
        }
        if let Ok(mut n) = self.uncommitted.lock() {
            *n += 1;
        }
        if p.ops.len() >= BATCH {
            self.hand_over(&mut p);
        }
    }

    /// Takes out every article but those of `live` (the library open now): the index holds what
    /// the next start of the same library needs, not every folder ever opened. Said once the
    /// library is indexed: a first indexing's segments are merged at the next commit.
    pub fn retain(&self, live: &std::collections::HashSet<u64>) {
        self.indexed_all();
        let gone: Vec<u64> = self
            .known
            .read()
            .map(|k| k.keys().filter(|id| !live.contains(id)).copied().collect())
            .unwrap_or_default();
        for id in gone {
            self.remove(id);
        }
    }

    /// Makes what was put or removed searchable and durable. Cheap when nothing changed.
    pub fn commit(&self) {
        let changed = self
            .uncommitted
            .lock()
            .map_or(0, |mut n| std::mem::take(&mut *n));
        // Nothing changed, but a first indexing may have just ended (its merge is due).
        if changed == 0 && !self.cold_ends() {
            return;
        }
        let Some(w) = &self.writer else { return };
        // What is pending goes first, its lock held until the writer's is taken.
        let Ok(mut p) = self.pending.lock() else {
            return;
        };
        self.hand_over(&mut p);
        let Ok(mut w) = w.lock() else { return };
        drop(p);
        let now = self.known.read().map_or(0, |k| k.len());
        if w.commit().is_ok() {
            let _ = self.reader.reload();
            self.searchable
                .store(now, std::sync::atomic::Ordering::SeqCst);
            self.end_cold(&mut w);
        }
    }
}

#[cfg(test)]
mod tests;
