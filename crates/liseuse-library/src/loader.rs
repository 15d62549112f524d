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
use crate::quotes::{self, ArticleQuote, LibraryQuotes};
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
    Read(usize, Entry),
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
    /// Each article's quotations (kept, they are small), `None` until known: an article the
    /// cache knew gets them when its body is read for a merge.
    quotes: Vec<Option<Arc<[ArticleQuote]>>>,
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
    /// The index merged last, with the hashes it was merged from.
    last: Option<(Vec<String>, Arc<EntityIndex>)>,
    /// The quotations of the articles of the index merged last.
    last_quotes: Vec<Arc<[ArticleQuote]>>,
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
    fulltext: OnceLock<Arc<FullText>>,
    /// What the search may show, by full-text id.
    articles: Articles,
    /// Each article's entry, for what must read its text again (corrections that split).
    entries: Mutex<Vec<Option<Entry>>>,
    corpus: Mutex<Corpus>,
    changed: Condvar,
    corrections: Mutex<correct::Corrections>,
    /// Texts read to index articles (not to show them).
    reads: AtomicUsize,
}

/// How often, at most, the corpus index is rebuilt while articles keep coming in.
const INDEX_EVERY: Duration = Duration::from_millis(300);
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
            fulltext: OnceLock::new(),
            articles: Articles::default(),
            entries: Mutex::new(Vec::new()),
            corpus: Mutex::new(Corpus::default()),
            changed: Condvar::new(),
            corrections: Mutex::new(correct::Corrections::default()),
            reads: AtomicUsize::new(0),
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
                    index_article(&workers, index, &entry);
                    if let Ok(mut c) = workers.corpus.lock() {
                        c.pending = c.pending.saturating_sub(1);
                        workers.changed.notify_one();
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
    pub fn read(&self, index: usize, entry: Entry) {
        // Known to the search at once: on a warm start `F` answers from the full-text index
        // before the pool has come to this article (at 100,000 articles, seconds later).
        if let Ok(mut a) = self.shared.articles.write() {
            a.insert(fulltext::id_of(&entry.path), (index, entry.clone()));
        }
        if let Ok(mut c) = self.shared.corpus.lock() {
            c.pending += 1;
        }
        let _ = self.jobs.send(Job::Read(index, entry));
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

    /// Searches every article for `query`; answers come as `LibraryEvent::Hits`.
    pub fn search(&self, generation: u64, query: String) {
        self.searcher.search(generation, query);
    }
}

/// Reads an article to show it; false once no one listens.
fn open_article(shared: &Shared, index: usize, entry: &Entry) -> bool {
    let result = library::load_with(entry, |doc| {
        let doc = Arc::new(doc);
        let _ = shared.events.send(LibraryEvent::Preview { index, doc });
    })
    .map(Arc::new);
    let modified = modified_of(entry);
    let loaded = LibraryEvent::Loaded {
        index,
        result,
        modified,
    };
    shared.events.send(loaded).is_ok()
}

/// A file's stamp; for an embedded article, its length and a hash of its bytes (it changes
/// only with the program).
fn stamp_of(entry: &Entry) -> Option<Stamp> {
    match &entry.origin {
        Origin::File(p) => Stamp::of(p),
        Origin::Embedded(b) => Some(Stamp {
            size: b.len() as u64,
            modified: i128::from(xxhash_rust::xxh3::xxh3_64(b)),
        }),
    }
}

/// When a file was last modified (seconds since 1970): none for an embedded article.
fn modified_of(entry: &Entry) -> Option<i64> {
    match &entry.origin {
        Origin::File(p) => Stamp::of(p)?.seconds(),
        Origin::Embedded(_) => None,
    }
}

/// The full-text index's short form of a text hash.
fn hash64(hash: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(hash.as_bytes())
}

fn day_of(meta: &ArticleMeta) -> Option<i64> {
    crate::timeline::day_number(meta.date.as_deref(), meta.near_date.as_deref())
}

fn index_article(shared: &Shared, index: usize, entry: &Entry) {
    let id = fulltext::id_of(&entry.path);
    if let Ok(mut a) = shared.articles.write() {
        a.insert(id, (index, entry.clone()));
    }
    if let Ok(mut e) = shared.entries.lock() {
        if e.len() <= index {
            e.resize(index + 1, None);
        }
        if let Some(slot) = e.get_mut(index) {
            *slot = Some(entry.clone());
        }
    }
    let stamp = stamp_of(entry);
    let hit = stamp.and_then(|s| shared.with_cache(|c| c.lookup(&entry.path, s)).flatten());
    let ft = shared.fulltext();
    if let Some(hit) = hit {
        // The full-text index may have missed it (an interrupted first start): its text is
        // read for that alone.
        let h = hash64(&hit.hash);
        if ft.writes() && !ft.has(id, h) && hit.meta.error.is_none() {
            shared.reads.fetch_add(1, Ordering::SeqCst);
            if let Ok(doc) = library::load(entry) {
                ft.put(id, h, day_of(&hit.meta), &doc.title, &doc.text);
            }
        }
        let hash = hit.hash.clone();
        describe(shared, index, hit.meta, hash.clone());
        // Its quotations come with its entities when a merge reads its body.
        store(shared, index, None, None, hash);
        return;
    }
    shared.reads.fetch_add(1, Ordering::SeqCst);
    let doc = match library::load(entry) {
        Ok(doc) => doc,
        Err(e) => {
            let meta = ArticleMeta {
                title: entry.name.clone(),
                error: Some(e),
                ..ArticleMeta::default()
            };
            ft.remove(id);
            describe(shared, index, meta, String::new());
            store(
                shared,
                index,
                Some(Arc::default()),
                Some(Arc::default()),
                String::new(),
            );
            return;
        }
    };
    // Code is blanked for entities: a document's entities depend on it as well as its text.
    let entity_text = doc.entity_text();
    let hash = crate::bookmark::content_hash(&entity_text);
    // The same text under another name or time (a file touched, copied, moved).
    let known = shared.with_cache(|c| c.body(&hash)).flatten();
    let (entities, found) = match known {
        Some(b) => {
            let found = quotes::decode(&b.sections);
            (b.entities, found)
        }
        None => {
            mark_fresh(shared);
            // The quotation stage right after the entities, on the tokens they were found in.
            let (entities, tokens) =
                analyse_saying_progress(shared, index, &entity_text, &doc.meta);
            let found = quotes::find(&doc, &entity_text, &entities, tokens.as_deref());
            (entities, Some(found))
        }
    };
    let found: Arc<[ArticleQuote]> = found
        .unwrap_or_else(|| quotes::find(&doc, &entity_text, &entities, None))
        .into();
    let near = crate::timeline::near_date(
        entities.mentions.iter().map(|m| (m.label(), m.range())),
        &doc.text,
    );
    let mut meta = ArticleMeta::of_document(&doc, near);
    if matches!(entry.origin, Origin::File(_)) {
        meta.modified = stamp.and_then(|s| s.seconds());
    }
    ft.put(id, hash64(&hash), day_of(&meta), &doc.title, &doc.text);
    drop(doc);
    let entities = Arc::new(entities);
    if let Some(s) = stamp {
        // Once written, a merge reads its entities back from there (`write_out`).
        shared.with_cache(|c| {
            let body = Body {
                entities: (*entities).clone(),
                sections: vec![quotes::encode(&found)],
            };
            c.add(entry.path.clone(), s, hash.clone(), meta.clone(), body);
        });
    }
    describe(shared, index, meta, hash.clone());
    store(shared, index, Some(entities), Some(found), hash);
}

fn describe(shared: &Shared, index: usize, meta: ArticleMeta, hash: String) {
    let _ = shared.events.send(LibraryEvent::Described {
        index,
        meta: Box::new(meta),
        hash,
    });
}

fn forget(shared: &Shared, index: usize) {
    if let Ok(mut e) = shared.entries.lock()
        && let Some(slot) = e.get_mut(index)
        && let Some(entry) = slot.take()
    {
        let id = fulltext::id_of(&entry.path);
        if let Ok(mut a) = shared.articles.write() {
            a.remove(&id);
        }
        shared.fulltext().remove(id);
    }
    store(
        shared,
        index,
        Some(Arc::default()),
        Some(Arc::default()),
        String::new(),
    );
    mark_fresh(shared);
}

/// A long text's analysis takes seconds: how far it is goes to the status bar, a few times a
/// second. A text of one piece keeps its tokens for the quotation stage; a longer one's are not
/// kept (three bytes a byte of text), and that stage reads it again.
fn analyse_saying_progress(
    shared: &Shared,
    index: usize,
    text: &str,
    meta: &[std::ops::Range<usize>],
) -> (DocEntities, Option<Vec<entity::text::token::Token>>) {
    if text.len() <= entity::chunks::PIECE_BYTES {
        let (entities, tokens) = entity::analyse_meta_tokens(text, meta);
        return (entities, Some(tokens));
    }
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
    let _ = shared.events.send(LibraryEvent::Analysing {
        index,
        done: of,
        of,
    });
    (entities, None)
}

fn store(
    shared: &Shared,
    index: usize,
    entities: Option<Arc<DocEntities>>,
    found: Option<Arc<[ArticleQuote]>>,
    hash: String,
) {
    let Ok(mut c) = shared.corpus.lock() else {
        return;
    };
    if c.per_doc.len() <= index {
        c.per_doc.resize(index + 1, None);
        c.quotes.resize(index + 1, None);
        c.hashes.resize(index + 1, String::new());
        c.done.resize(index + 1, false);
    }
    let c = &mut *c;
    if let (Some(d), Some(q), Some(h), Some(done)) = (
        c.per_doc.get_mut(index),
        c.quotes.get_mut(index),
        c.hashes.get_mut(index),
        c.done.get_mut(index),
    ) {
        *d = entities;
        *q = found;
        *h = hash;
        if !*done {
            *done = true;
            c.analysed += 1;
        }
    }
    c.dirty = true;
    shared.changed.notify_one();
}

/// Every article's entities for a merge: from memory, else from the cache (`None` when one
/// cannot be had).
fn gather(
    shared: &Shared,
    hashes: &[String],
    docs: &[Option<Arc<DocEntities>>],
    found: &mut [Option<Arc<[ArticleQuote]>>],
) -> Option<Vec<Arc<DocEntities>>> {
    let missing: Vec<String> = hashes
        .iter()
        .zip(docs)
        .filter(|(h, d)| d.is_none() && !h.is_empty())
        .map(|(h, _)| h.clone())
        .collect();
    // Read outside the cache's lock: the workers checking articles do not wait for it.
    let mut read = shared.with_cache(|c| c.reader_for(&missing))?.bodies();
    hashes
        .iter()
        .zip(docs)
        .zip(found.iter_mut())
        .map(|((h, d), q)| match d {
            Some(d) => Some(d.clone()),
            None if h.is_empty() => Some(Arc::default()),
            None => read.next().flatten().map(|b| entities_of(b, q)),
        })
        .collect()
}

/// A body's entities; its quotations go to `found` when they were not known.
fn entities_of(body: Body, found: &mut Option<Arc<[ArticleQuote]>>) -> Arc<DocEntities> {
    if found.is_none() {
        *found = Some(quotes::decode(&body.sections).unwrap_or_default().into());
    }
    Arc::new(body.entities)
}

/// The saved index whole again, every article's entities read from the cache one frame at a
/// time as the index takes them (a large library's would not all fit beside it).
fn rebuild(
    shared: &Shared,
    saved: &SavedIndex,
    hashes: &[String],
    docs: &[Option<Arc<DocEntities>>],
    found: &mut [Option<Arc<[ArticleQuote]>>],
) -> Option<EntityIndex> {
    let missing: Vec<String> = hashes
        .iter()
        .zip(docs)
        .filter(|(h, d)| d.is_none() && !h.is_empty())
        .map(|(h, _)| h.clone())
        .collect();
    // Read outside the cache's lock, one frame at a time.
    let mut read = shared.with_cache(|c| c.reader_for(&missing))?.bodies();
    let all = hashes
        .iter()
        .zip(docs)
        .zip(found.iter_mut())
        .map(|((h, d), q)| match d {
            Some(d) => Some(d.clone()),
            None if h.is_empty() => Some(Arc::default()),
            None => read.next().flatten().map(|b| entities_of(b, q)),
        });
    cache::index_file::rebuild(saved, all)
}

/// Writes what was analysed since the last time to the cache and the full-text index, so that
/// a quit loses at most [`WRITE_EVERY`]; then the entities written need not stay in memory.
fn write_out(shared: &Shared) {
    let written = shared
        .with_cache(|c| {
            let any = c.pending() > 0 || c.take_written();
            c.flush();
            any && c.writes()
        })
        .unwrap_or(false);
    if let Some(ft) = shared.fulltext.get() {
        ft.commit();
    }
    if written && let Ok(mut c) = shared.corpus.lock() {
        // Entities of articles whose text was read are in the cache now.
        let Corpus {
            per_doc, hashes, ..
        } = &mut *c;
        for (d, h) in per_doc.iter_mut().zip(hashes.iter()) {
            if !h.is_empty() {
                *d = None;
            }
        }
    }
}

/// Rebuilds the corpus index whenever articles came in, at most every `INDEX_EVERY`; writes
/// what was analysed every `WRITE_EVERY`.
fn index_loop(shared: &Shared) {
    announce_saved_index(shared);
    let mut written = Instant::now();
    loop {
        let (docs, mut found, hashes, analysed, pending) = {
            let Ok(mut c) = shared.corpus.lock() else {
                return;
            };
            while !(c.dirty || c.deferred && c.pending == 0) {
                c = match shared.changed.wait_timeout(c, WRITE_EVERY) {
                    Ok((c, _)) => c,
                    Err(_) => return,
                };
                if written.elapsed() >= WRITE_EVERY {
                    drop(c);
                    write_out(shared);
                    written = Instant::now();
                    c = match shared.corpus.lock() {
                        Ok(c) => c,
                        Err(_) => return,
                    };
                }
            }
            c.dirty = false;
            c.deferred = false;
            // A snapshot (pointers only), so readers are not held up while the index is merged.
            (
                c.per_doc.clone(),
                c.quotes.clone(),
                c.hashes.clone(),
                c.analysed,
                c.pending,
            )
        };
        // The last article is in: what it brought is written (and searchable) at once.
        if written.elapsed() >= WRITE_EVERY || pending == 0 {
            write_out(shared);
            written = Instant::now();
        }
        let started = Instant::now();
        let index = match cached_index(shared, &hashes, pending) {
            Reuse::Saved(saved) => {
                // Every article is as saved: the counts are final now, before the mentions
                // are put back under their entities (a large library's take seconds).
                let counts = Arc::new(saved.counts_only());
                let confirmed =
                    IndexUpdate::new(correct::corrected(shared, &counts), analysed, docs.len());
                if shared
                    .events
                    .send(LibraryEvent::Indexed(Box::new(confirmed)))
                    .is_err()
                {
                    return;
                }
                match rebuild(shared, &saved, &hashes, &docs, &mut found) {
                    Some(i) => Arc::new(i),
                    None => merge(shared, &hashes, &docs, &mut found, pending),
                }
            }
            Reuse::Wait => {
                if let Ok(mut c) = shared.corpus.lock() {
                    c.deferred = true;
                }
                continue;
            }
            Reuse::No => merge(shared, &hashes, &docs, &mut found, pending),
        };
        let found = keep_quotes(shared, &hashes, found);
        let corrected = correct::corrected(shared, &index);
        let said = Arc::new(LibraryQuotes::build(&corrected, found.clone()));
        // The quotations by speaker grow with the corpus too: they count in the rest below.
        let took = started.elapsed();
        let update = IndexUpdate::new(corrected, analysed, docs.len()).with_quotes(said);
        if let Ok(mut c) = shared.corpus.lock() {
            c.last = Some((hashes, index));
            c.last_quotes = found;
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

/// A merge of every article's entities; when it is of every article asked for, what to save
/// of it is kept.
fn merge(
    shared: &Shared,
    hashes: &[String],
    docs: &[Option<Arc<DocEntities>>],
    found: &mut [Option<Arc<[ArticleQuote]>>],
    pending: usize,
) -> Arc<EntityIndex> {
    if pending == 0 {
        mark_fresh(shared);
    }
    let all = gather(shared, hashes, docs, found).unwrap_or_else(|| {
        // An entity record that cannot be read back: what there is, merged.
        docs.iter().map(|d| d.clone().unwrap_or_default()).collect()
    });
    let index = Arc::new(EntityIndex::build(&all));
    if pending == 0
        && let Ok(mut c) = shared.corpus.lock()
    {
        c.to_save = Some(SavedIndex::of(&index, &all, hashes.to_vec()));
    }
    index
}

/// The quotations a merge read from the cache are kept (an article's are read once), where
/// the article is still the one read; those of the merge's articles are what goes with its index.
fn keep_quotes(
    shared: &Shared,
    hashes: &[String],
    found: Vec<Option<Arc<[ArticleQuote]>>>,
) -> Vec<Arc<[ArticleQuote]>> {
    if let Ok(mut c) = shared.corpus.lock() {
        let Corpus {
            quotes,
            hashes: now,
            ..
        } = &mut *c;
        for ((slot, h), (q, was)) in quotes
            .iter_mut()
            .zip(now.iter())
            .zip(found.iter().zip(hashes))
        {
            if slot.is_none() && h == was {
                slot.clone_from(q);
            }
        }
    }
    found.into_iter().map(Option::unwrap_or_default).collect()
}

/// The index saved last time, shown at once (corpus counts on the first frames of a warm
/// start) while the articles are checked against it.
fn announce_saved_index(shared: &Shared) {
    let Some(dir) = shared.cache_dir.as_deref() else {
        return;
    };
    let Some(saved) = cache::index_file::load(dir) else {
        return;
    };
    let index = Arc::new(saved.counts_only());
    let update = IndexUpdate::provisional(correct::corrected(shared, &index), saved.hashes.clone());
    if let Ok(mut s) = shared.saved.lock() {
        *s = Some(saved);
    }
    let _ = shared.events.send(LibraryEvent::Indexed(Box::new(update)));
}

enum Reuse {
    /// The cached index is exactly this library's: no merge.
    Saved(SavedIndex),
    /// Every article so far is as cached: merging now would only be thrown away.
    Wait,
    No,
}

/// Whether the index saved in the cache can stand for a merge of articles with `hashes`.
fn cached_index(shared: &Shared, hashes: &[String], pending: usize) -> Reuse {
    let Ok(mut saved) = shared.saved.lock() else {
        return Reuse::No;
    };
    let Some(s) = saved.as_ref() else {
        return Reuse::No;
    };
    if pending == 0 && s.hashes == hashes {
        return saved.take().map_or(Reuse::No, Reuse::Saved);
    }
    // Not yet read articles have an empty hash: only those read must match.
    let so_far = hashes.len() <= s.hashes.len()
        && hashes
            .iter()
            .zip(&s.hashes)
            .all(|(h, x)| h.is_empty() || h == x);
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

/// Something the cache does not hold yet.
fn mark_fresh(shared: &Shared) {
    if let Ok(mut c) = shared.corpus.lock() {
        c.fresh = true;
    }
}

fn save(shared: &Shared) {
    write_out(shared);
    let to_save = {
        let Ok(mut c) = shared.corpus.lock() else {
            return;
        };
        if !std::mem::take(&mut c.fresh) {
            return;
        }
        // Only the index of the library as it is now.
        c.to_save.take().filter(|s| s.hashes == c.hashes)
    };
    let live: HashSet<String> = shared
        .entries
        .lock()
        .map(|e| e.iter().flatten().map(|e| e.path.clone()).collect())
        .unwrap_or_default();
    let writes = shared
        .with_cache(|c| {
            c.sync();
            c.compact_if_worth_it(&live);
            c.writes()
        })
        .unwrap_or(false);
    let ft = shared.fulltext();
    ft.retain(&live.iter().map(|p| fulltext::id_of(p)).collect());
    ft.commit();
    // A cache that cannot be written only costs time at the next start.
    if writes && let (Some(dir), Some(s)) = (&shared.cache_dir, to_save) {
        let _ = cache::index_file::save(dir, &s);
    }
}

mod correct;

#[cfg(test)]
mod tests;
