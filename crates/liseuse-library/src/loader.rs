//! Background work: every article is checked against the cache (its file's size and
//! modification time: an unchanged one is not read at all), or read, analysed and added to the
//! cache and to the full-text index, off the drawing thread and on every core; the corpus index
//! is merged on a thread of its own a few times a second while indexing goes on. Texts are not
//! kept: what the list, the sidebar, `w` and `T` need of an article goes to the app
//! ([`LibraryEvent::Described`]), and an article's text is read when it is opened
//! ([`Loader::open`], on a thread of its own so that it never waits behind indexing) or
//! searched ([`crate::search_all`]). Entities stay in memory only until they are in the cache;
//! a merge reads them back from it.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::IndexUpdate;
use crate::cache::{self, ArticleCache, ArticleMeta, Body, SavedIndex, Stamp};
use crate::event::{LibraryEvent, Reporter};
use crate::fulltext::{self, FullText};
use crate::library::{self, Entry, Origin};
use crate::quotes::{self, LibraryQuotes, Quotations};
use crate::search_all::{Articles, Searcher};
use liseuse_entity::{self as entity, DocEntities, EntityIndex};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

enum Job {
    /// Check (or read again) the article at this index.
    Read(usize, Arc<Entry>),
    /// The article left the library: its names leave the counts.
    Forget(usize),
    /// Indexing is done: write what is left, the merged index, compact.
    SaveCache,
    /// The corrections changed: send the last index corrected anew.
    Recorrect,
}

/// The handle the event loop gives work to.
pub struct Loader {
    jobs: Sender<Job>,
    opens: Sender<(usize, Entry)>,
    shared: Arc<Shared>,
    searcher: Searcher,
}

/// Every article's entities so far, and whether the index is behind them.
#[derive(Default)]
struct Corpus {
    /// Each article's entities while they are not in the cache (none once they are, or for an
    /// article the cache knew).
    per_doc: Vec<Option<Arc<DocEntities>>>,
    /// Each article's quotations (kept, packed), `None` until known: an article the cache
    /// knew gets them when its body is read for a merge.
    quotes: Vec<Option<Quotations>>,
    /// Each article's content hash (empty for one not read): the cache's keys.
    hashes: Vec<String>,
    done: Vec<bool>,
    analysed: usize,
    dirty: bool,
    /// Articles asked for and not yet stored: at zero, the index is merged at once.
    pending: usize,
    /// A merge was skipped because the cached index will do once every article is in.
    deferred: bool,
    /// A folder walk is still listing articles: none pending does not mean all are in.
    walking: bool,
    /// Something the cache does not hold yet: an article extracted or gone, an index merged.
    /// An unchanged library's start writes nothing.
    fresh: bool,
    /// The index merged last, with the hashes it was merged from.
    last: Option<(Vec<String>, Arc<EntityIndex>)>,
    /// The quotations of the articles of the index merged last.
    last_quotes: Vec<Quotations>,
    /// What to save of it, when it is of every article.
    to_save: Option<SavedIndex>,
}

pub(crate) struct Shared {
    events: Reporter,
    cache_dir: Option<PathBuf>,
    /// The articles' cache, opened by whichever thread needs it first.
    cache: Mutex<Option<ArticleCache>>,
    /// The merged index the cache held.
    saved: Mutex<Option<SavedIndex>>,
    /// The counts of the saved index, as announced at the start (shared, not copied, when the
    /// library turns out to be the one saved).
    saved_counts: Mutex<Option<Arc<EntityIndex>>>,
    fulltext: OnceLock<Arc<FullText>>,
    /// What the search may show, by full-text id.
    articles: Articles,
    /// Each article's entry, for what must read its text again (corrections that split).
    entries: Mutex<Vec<Option<Arc<Entry>>>>,
    corpus: Mutex<Corpus>,
    changed: Condvar,
    corrections: Mutex<correct::Corrections>,
    /// Texts read to index articles (not to show them).
    reads: AtomicUsize,
    /// Times the index loop took a snapshot of the corpus to merge it or to look at it.
    looks: AtomicUsize,
    /// The text hashes whose bodies the cache could not give back (`damaged.rs`).
    damaged: Mutex<Vec<String>>,
}

/// How often, at most, the corpus index is rebuilt while articles keep coming in.
const INDEX_EVERY: Duration = Duration::from_millis(300);
/// How long the index loop rests after a merge, in times what the merge took (while articles
/// keep coming in).
const REST_PER_MERGE: u32 = 9;
/// How often what was analysed is written to the cache and the full-text index: what a quit
/// loses at most.
const WRITE_EVERY: Duration = Duration::from_secs(2);

impl Shared {
    fn fulltext(&self) -> &Arc<FullText> {
        self.fulltext
            .get_or_init(|| Arc::new(FullText::open(self.cache_dir.as_deref())))
    }

    fn with_cache<R>(&self, f: impl FnOnce(&mut ArticleCache) -> R) -> Option<R> {
        let mut c = self.cache.lock().ok()?;
        let cache = c.get_or_insert_with(|| ArticleCache::open(self.cache_dir.as_deref()));
        Some(f(cache))
    }
}

/// One article asked for is in (checked, or analysed): the index loop is woken when it was
/// the last one asked for. How many are still to come (being analysed or waiting).
fn stored(shared: &Shared) -> usize {
    let Ok(mut c) = shared.corpus.lock() else {
        return 0;
    };
    c.pending = c.pending.saturating_sub(1);
    if c.pending == 0 {
        shared.changed.notify_one();
    }
    c.pending
}

impl Loader {
    /// Starts the loader's pool and its merging thread, reporting onto `events` (any event a [`LibraryEvent`] turns into), with the entity cache in `cache_dir` if any.
    pub fn spawn<E: From<LibraryEvent> + Send + 'static>(
        cache_dir: Option<PathBuf>,
        events: Sender<E>,
    ) -> Loader {
        let (jobs, rx) = mpsc::channel::<Job>();
        let reporter = Reporter::new(events);
        let shared = Arc::new(Shared {
            events: reporter.clone(),
            cache_dir,
            cache: Mutex::new(None),
            saved: Mutex::new(None),
            saved_counts: Mutex::new(None),
            fulltext: OnceLock::new(),
            articles: Articles::default(),
            entries: Mutex::new(Vec::new()),
            corpus: Mutex::new(Corpus::default()),
            changed: Condvar::new(),
            corrections: Mutex::new(correct::Corrections::default()),
            reads: AtomicUsize::new(0),
            looks: AtomicUsize::new(0),
            damaged: Mutex::new(Vec::new()),
        });
        if shared.cache_dir.is_some() {
            // The articles' cache is opened at once, beside the walk and off the pool: its
            // frames' heads are decoded on every core then (on a worker of the pool, alone,
            // the other workers waiting on the cache's lock), and every article's check waits
            // for it. Started before any article is asked for, so it takes the lock first.
            let opener = shared.clone();
            std::thread::Builder::new()
                .name("cache-open".into())
                .spawn(move || opener.with_cache(|_| ()))
                .ok();
        }
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
                    if let Checked::Analyse(stamp) = check_article(&workers, index, &entry) {
                        analyse_article(&workers, index, &entry, stamp);
                    }
                    // No article left for this thread (those to come are the other threads'):
                    // its word caches are not kept through the merge that follows, the peak
                    // of a first indexing (issue 27).
                    if stored(&workers) < rayon::current_num_threads() {
                        entity::tag::cache::release();
                    }
                }
                Job::Forget(index) => forget(&workers, index),
                Job::SaveCache => save(&workers),
                Job::Recorrect => correct::resend(&workers),
            };
            match pool {
                Ok(pool) => pool.install(|| rx.into_iter().par_bridge().for_each(work)),
                // No threads to be had: one at a time, here.
                Err(_) => rx.into_iter().for_each(work),
            }
        });
        let (opens, opened) = mpsc::channel::<(usize, Entry)>();
        let opener = shared.clone();
        std::thread::Builder::new()
            .name("open".into())
            .spawn(move || {
                for (index, entry) in opened {
                    if !open_article(&opener, index, &entry) {
                        break;
                    }
                }
            })
            .ok();
        let indexer = shared.clone();
        std::thread::spawn(move || index_loop(&indexer));
        let for_search = shared.clone();
        let searcher = Searcher::spawn(
            Box::new(move || for_search.fulltext().clone()),
            shared.articles.clone(),
            reporter,
        );
        Loader {
            jobs,
            opens,
            shared,
            searcher,
        }
    }

    /// Checks an article against the cache, or reads and analyses it, in the background;
    /// `LibraryEvent::Described` follows, and its entities arrive with a later
    /// `LibraryEvent::Indexed`.
    pub fn read(&self, index: usize, entry: impl Into<Arc<Entry>>) {
        self.read_all([(index, entry)]);
    }

    /// [`Loader::read`] for each of a walk's batch: the shared maps locked once for all of it
    /// (once per article, the loop's hundred thousand locks at a warm start were taken while
    /// the checking workers wanted the same ones).
    pub fn read_all<E: Into<Arc<Entry>>>(&self, entries: impl IntoIterator<Item = (usize, E)>) {
        let entries: Vec<(usize, Arc<Entry>)> =
            entries.into_iter().map(|(i, e)| (i, e.into())).collect();
        // Known to the search at once: on a warm start `F` answers from the full-text index
        // before the pool has come to these articles (at 100,000 articles, seconds later).
        if let Ok(mut a) = self.shared.articles.write() {
            a.reserve(entries.len());
            for (index, entry) in &entries {
                a.insert(fulltext::id_of(&entry.path), (*index, entry.clone()));
            }
        }
        if let Ok(mut c) = self.shared.corpus.lock() {
            c.pending += entries.len();
        }
        for (index, entry) in entries {
            let _ = self.jobs.send(Job::Read(index, entry));
        }
    }

    /// A folder walk is listing the articles asked for: the cached index is not given up
    /// for a merge of part of them while the walk is ahead of the checking, until
    /// [`Loader::walked`] (the checking of a warm start's articles overtook the walk now and
    /// then, and the whole library was merged for nothing: seconds, and twice the memory).
    pub fn walking(&self) {
        if let Ok(mut c) = self.shared.corpus.lock() {
            c.walking = true;
        }
    }

    /// The walk has listed every article (each asked for with [`Loader::read`]).
    pub fn walked(&self) {
        if let Ok(mut c) = self.shared.corpus.lock() {
            c.walking = false;
            self.shared.changed.notify_one();
        }
    }

    /// Reads an article's text to show it (before anything being indexed):
    /// `LibraryEvent::Loaded` follows (a long one's `Preview` first).
    pub fn open(&self, index: usize, entry: Entry) {
        let _ = self.opens.send((index, entry));
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

    /// Writes what is left to the cache (when indexing is done): the last records, the merged
    /// index; compacts the cache when most of it is of no use.
    pub fn save_cache(&self) {
        let _ = self.jobs.send(Job::SaveCache);
    }

    /// How many article texts were read to index them (not to show them): a warm start on an
    /// unchanged library reads none (what its tests check).
    pub fn texts_read(&self) -> usize {
        self.shared.reads.load(Ordering::SeqCst)
    }

    /// How many times the corpus was looked at to merge it: a warm start's checking of each
    /// article does not look at every one (what its tests check).
    pub fn corpus_looks(&self) -> usize {
        self.shared.looks.load(Ordering::SeqCst)
    }

    /// Searches every article of the library opened from `roots` for `query`; answers come as
    /// `LibraryEvent::Hits`.
    pub fn search(&self, generation: u64, query: String, roots: Arc<[PathBuf]>) {
        self.searcher.search(generation, query, roots);
    }
}

mod article;
mod correct;
mod damaged;
mod merging;
mod pace;
mod saving;

use article::*;
use merging::*;
use saving::{mark_fresh, save};

#[cfg(test)]
mod tests;
