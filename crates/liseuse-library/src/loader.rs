//! Background work: articles are read and decoded, then their entities extracted, off the
//! drawing thread and on every core; the corpus index is merged on a thread of its own a few
//! times a second while indexing goes on. Everything reaches the event loop through its channel,
//! so the first frame never waits for the disk and keys never wait for the extractor. Entities
//! come from the cache when the article's text has not changed since they were extracted.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::IndexUpdate;
use crate::bookmark::content_hash;
use crate::cache;
use crate::event::{LibraryEvent, Reporter};
use crate::library::{self, Entry};
use liseuse_entity::{self as entity, DocEntities, EntityIndex};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

enum Job {
    /// Read (or read again) the article at this index.
    Read(usize, Entry),
    /// The article left the library: its names leave the counts.
    Forget(usize),
    /// Write what was extracted to the cache.
    SaveCache,
    /// The corrections changed: send the last index corrected anew.
    Recorrect,
}

/// The handle the event loop gives work to.
pub struct Loader {
    jobs: Sender<Job>,
    shared: Arc<Shared>,
}

/// Every article's entities so far, and whether the index is behind them.
#[derive(Default)]
struct Corpus {
    per_doc: Vec<Arc<DocEntities>>,
    /// Each article's content hash (empty for one not read): the cache's keys.
    hashes: Vec<String>,
    done: Vec<bool>,
    analysed: usize,
    dirty: bool,
    /// Articles asked for and not yet stored: at zero, the index is merged at once.
    pending: usize,
    /// A merge was skipped because the cached index will do once every article is in.
    deferred: bool,
    /// Something the cache does not hold yet: an article extracted or gone, an index merged.
    /// An unchanged library's start writes nothing.
    fresh: bool,
    /// The index merged last, with the hashes it was merged from: what the cache saves.
    last: Option<(Vec<String>, Arc<EntityIndex>)>,
}

struct Shared {
    events: Reporter,
    cache_dir: Option<PathBuf>,
    /// The cache as it was at start, loaded by whichever job needs it first; entries are taken
    /// out as articles use them, so it does not stay in memory beside the corpus.
    cached: Mutex<Option<cache::Cached>>,
    /// The merged index the cache held, with the hashes of the articles it was made from.
    saved: Mutex<Option<(Vec<String>, Arc<EntityIndex>)>>,
    corpus: Mutex<Corpus>,
    changed: Condvar,
    corrections: Mutex<correct::Corrections>,
}

/// How often, at most, the corpus index is rebuilt while articles keep coming in.
const INDEX_EVERY: Duration = Duration::from_millis(300);

impl Loader {
    /// Starts the loader's pool and its merging thread, reporting onto `events` (any event a [`LibraryEvent`] turns into), with the entity cache in `cache_dir` if any.
    pub fn spawn<E: From<LibraryEvent> + Send + 'static>(
        cache_dir: Option<PathBuf>,
        events: Sender<E>,
    ) -> Loader {
        let (jobs, rx) = mpsc::channel::<Job>();
        let shared = Arc::new(Shared {
            events: Reporter::new(events),
            cache_dir,
            cached: Mutex::new(None),
            saved: Mutex::new(None),
            corpus: Mutex::new(Corpus::default()),
            changed: Condvar::new(),
            corrections: Mutex::new(correct::Corrections::default()),
        });
        let workers = shared.clone();
        // A pool of the loader's own: its workers wait on the job channel for as long as
        // liseuse runs, and on rayon's global pool they left nothing for anyone else (the
        // search across articles waited on them for good).
        let pool = rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("loader-{i}"))
            .build();
        std::thread::spawn(move || {
            if std::env::var_os(crate::crash::PANIC_FOR_TEST).is_some_and(|v| v == "loader") {
                panic!("panic asked for by {}", crate::crash::PANIC_FOR_TEST);
            }
            let work = |job| match job {
                Job::Read(index, entry) => {
                    read(&workers, index, &entry);
                    if let Ok(mut c) = workers.corpus.lock() {
                        c.pending = c.pending.saturating_sub(1);
                        workers.changed.notify_one();
                    }
                }
                Job::Forget(index) => {
                    if let Ok(mut c) = workers.corrections.lock() {
                        c.keep_text(index, None);
                    }
                    store(&workers, index, DocEntities::default(), String::new());
                    mark_fresh(&workers);
                }
                Job::SaveCache => save(&workers),
                Job::Recorrect => correct::resend(&workers),
            };
            match pool {
                Ok(pool) => pool.install(|| rx.into_iter().par_bridge().for_each(work)),
                // No threads to be had: one at a time, here.
                Err(_) => rx.into_iter().for_each(work),
            }
        });
        let indexer = shared.clone();
        std::thread::spawn(move || index_loop(&indexer));
        Loader { jobs, shared }
    }

    /// Reads an article in the background; `LibraryEvent::Loaded` follows, and the article's entities
    /// arrive with a later `LibraryEvent::Indexed`.
    pub fn read(&self, index: usize, entry: Entry) {
        if let Ok(mut c) = self.shared.corpus.lock() {
            c.pending += 1;
        }
        let _ = self.jobs.send(Job::Read(index, entry));
    }

    /// Drops what is kept of article `index` (its file is gone): its entities leave the next index.
    pub fn forget(&self, index: usize) {
        let _ = self.jobs.send(Job::Forget(index));
    }

    /// The user's corrections, applied to every index sent from now on (and to the last one,
    /// sent again).
    pub fn set_corrections(&self, list: Vec<crate::corrections::Correction>) {
        if let Ok(mut c) = self.shared.corrections.lock() {
            c.list = list;
        }
        let _ = self.jobs.send(Job::Recorrect);
    }

    /// Saves the entities extracted so far to the cache (when indexing is done).
    pub fn save_cache(&self) {
        let _ = self.jobs.send(Job::SaveCache);
    }
}

fn read(shared: &Shared, index: usize, entry: &Entry) {
    let result = library::load_with(entry, |doc| {
        let doc = Arc::new(doc);
        let _ = shared.events.send(LibraryEvent::Preview { index, doc });
    })
    .map(Arc::new);
    let doc = result.as_ref().ok().cloned();
    if let Ok(mut c) = shared.corrections.lock() {
        c.keep_text(index, doc.clone());
    }
    let modified = match &entry.origin {
        library::Origin::File(p) => std::fs::metadata(p)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .and_then(|d| i64::try_from(d.as_secs()).ok()),
        library::Origin::Embedded(_) => None,
    };
    let loaded = LibraryEvent::Loaded {
        index,
        result,
        modified,
    };
    if shared.events.send(loaded).is_err() {
        return;
    }
    let Some(doc) = doc else {
        store(shared, index, DocEntities::default(), String::new());
        return;
    };
    // Code is blanked for entities: a document's entities depend on it as well as its text.
    let entity_text = doc.entity_text();
    let hash = content_hash(&entity_text);
    let cached = shared.cache_dir.as_deref().and_then(|dir| {
        let mut c = shared.cached.lock().ok()?;
        c.get_or_insert_with(|| cache::load(dir)).docs.remove(&hash)
    });
    let entities = cached.unwrap_or_else(|| {
        mark_fresh(shared);
        analyse_saying_progress(shared, index, &entity_text, &doc.meta)
    });
    store(shared, index, entities, hash);
}

/// A long text's analysis takes seconds: how far it is goes to the status bar, a few times a
/// second.
fn analyse_saying_progress(
    shared: &Shared,
    index: usize,
    text: &str,
    meta: &[std::ops::Range<usize>],
) -> DocEntities {
    let of = text.len() as u64;
    let mut last = Instant::now();
    let mut done = |bytes: usize| {
        if last.elapsed() >= Duration::from_millis(200) {
            last = Instant::now();
            let _ = shared.events.send(LibraryEvent::Analysing {
                index,
                done: bytes as u64,
                of,
            });
        }
    };
    let entities = entity::analyse_reporting(text, meta, &mut done);
    if of > entity::chunks::PIECE_BYTES as u64 {
        let _ = shared.events.send(LibraryEvent::Analysing {
            index,
            done: of,
            of,
        });
    }
    entities
}

fn store(shared: &Shared, index: usize, entities: DocEntities, hash: String) {
    let Ok(mut c) = shared.corpus.lock() else {
        return;
    };
    if c.per_doc.len() <= index {
        c.per_doc.resize(index + 1, Arc::default());
        c.hashes.resize(index + 1, String::new());
        c.done.resize(index + 1, false);
    }
    let c = &mut *c;
    if let (Some(d), Some(h), Some(done)) = (
        c.per_doc.get_mut(index),
        c.hashes.get_mut(index),
        c.done.get_mut(index),
    ) {
        *d = Arc::new(entities);
        *h = hash;
        if !*done {
            *done = true;
            c.analysed += 1;
        }
    }
    c.dirty = true;
    shared.changed.notify_one();
}

/// Rebuilds the corpus index whenever articles came in, at most every `INDEX_EVERY`.
fn index_loop(shared: &Shared) {
    announce_saved_index(shared);
    loop {
        let (docs, hashes, analysed, pending) = {
            let Ok(mut c) = shared.corpus.lock() else {
                return;
            };
            while !(c.dirty || c.deferred && c.pending == 0) {
                c = match shared.changed.wait(c) {
                    Ok(c) => c,
                    Err(_) => return,
                };
            }
            c.dirty = false;
            c.deferred = false;
            // A snapshot (pointers only), so readers are not held up while the index is merged.
            (c.per_doc.clone(), c.hashes.clone(), c.analysed, c.pending)
        };
        let started = Instant::now();
        let index = match cached_index(shared, &hashes, pending) {
            Reuse::Saved(index) => index,
            Reuse::Wait => {
                if let Ok(mut c) = shared.corpus.lock() {
                    c.deferred = true;
                }
                continue;
            }
            Reuse::No => {
                if pending == 0 {
                    mark_fresh(shared);
                }
                Arc::new(EntityIndex::build(&docs))
            }
        };
        let took = started.elapsed();
        let update = IndexUpdate::new(correct::corrected(shared, &index), analysed, docs.len());
        if let Ok(mut c) = shared.corpus.lock() {
            c.last = Some((hashes, index));
        }
        if shared
            .events
            .send(LibraryEvent::Indexed(Box::new(update)))
            .is_err()
        {
            return;
        }
        // Merging grows with the corpus: rest four times as long as it took, so the merge
        // never takes more than a fifth of a core from extraction; but when the last article
        // is in, merge at once.
        let rest_until = Instant::now() + INDEX_EVERY.max(took * 4);
        let Ok(mut c) = shared.corpus.lock() else {
            return;
        };
        while Instant::now() < rest_until && !(c.pending == 0 && c.dirty) {
            let left = rest_until.saturating_duration_since(Instant::now());
            c = match shared.changed.wait_timeout(c, left) {
                Ok((c, _)) => c,
                Err(_) => return,
            };
        }
    }
}

/// The index saved last time, shown at once (corpus counts on the first frames of a warm
/// start) while the articles are read and checked against it.
fn announce_saved_index(shared: &Shared) {
    let Some(dir) = shared.cache_dir.as_deref() else {
        return;
    };
    let saved = {
        let Ok(mut c) = shared.cached.lock() else {
            return;
        };
        c.get_or_insert_with(|| cache::load(dir)).index.take()
    };
    let Some(saved) = saved else { return };
    let index = Arc::new(saved.index);
    let update = IndexUpdate::provisional(correct::corrected(shared, &index), saved.hashes.clone());
    if let Ok(mut s) = shared.saved.lock() {
        *s = Some((saved.hashes, index));
    }
    let _ = shared.events.send(LibraryEvent::Indexed(Box::new(update)));
}

enum Reuse {
    /// The cached index is exactly this library's: no merge.
    Saved(Arc<EntityIndex>),
    /// Every article so far is as cached: merging now would only be thrown away.
    Wait,
    No,
}

/// Whether the index saved in the cache can stand for a merge of articles with `hashes`.
fn cached_index(shared: &Shared, hashes: &[String], pending: usize) -> Reuse {
    let Ok(mut saved) = shared.saved.lock() else {
        return Reuse::No;
    };
    let Some((saved_hashes, index)) = saved.as_ref() else {
        return Reuse::No;
    };
    if pending == 0 && saved_hashes == hashes {
        let index = index.clone();
        *saved = None;
        return Reuse::Saved(index);
    }
    // Not yet read articles have an empty hash: only those read must match.
    let so_far = hashes.len() <= saved_hashes.len()
        && hashes
            .iter()
            .zip(saved_hashes)
            .all(|(h, s)| h.is_empty() || h == s);
    if !so_far {
        // The library is not the one saved: it never will be.
        *saved = None;
        return Reuse::No;
    }
    if pending == 0 {
        // Every article asked for is in, but the walk may still find more: merge what there
        // is, and keep the saved index in case the rest matches it too.
        return Reuse::No;
    }
    Reuse::Wait
}

/// Writes the entities of the library open now: the cache holds what the next start of the
/// same library needs, and does not grow with every folder ever opened. The merged index goes
/// with them when it is up to date.
fn mark_fresh(shared: &Shared) {
    if let Ok(mut c) = shared.corpus.lock() {
        c.fresh = true;
    }
}

fn save(shared: &Shared) {
    let Some(dir) = &shared.cache_dir else { return };
    let (hashes, docs, index) = {
        let Ok(mut c) = shared.corpus.lock() else {
            return;
        };
        if !std::mem::take(&mut c.fresh) {
            return;
        }
        let index = c.last.as_ref().filter(|(h, _)| *h == c.hashes).cloned();
        (c.hashes.clone(), c.per_doc.clone(), index)
    };
    let all: Vec<(&str, Arc<DocEntities>)> = hashes
        .iter()
        .zip(docs)
        .filter(|(h, _)| !h.is_empty())
        .map(|(h, d)| (h.as_str(), d))
        .collect();
    // A cache that cannot be written only costs time at the next start.
    let _ = cache::save(dir, &all, index.as_ref().map(|(h, i)| (h.as_slice(), &**i)));
    // What was left of the old cache belongs to articles no longer open.
    if let Ok(mut c) = shared.cached.lock() {
        *c = None;
    }
}

mod correct;

#[cfg(test)]
mod tests;
