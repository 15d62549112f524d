//! The search across every article (`F`), beside the event loop: the full-text index gives the
//! articles holding the query's words, best first (newest first when dated); each of them is
//! then read and the query found in its text as a search of the article finds it (a phrase, a
//! word's part, smart case), giving the hits and a line of context around each. The first
//! answer comes as soon as a screenful of articles is checked; the rest follow as they are,
//! up to [`MAX_HITS`]. Queries typed faster than they are answered are skipped for the newest,
//! and a search overtaken by a newer one stops. While the index is still being built, the
//! answer says how many articles it holds so far. An article the index finds that the folder's
//! walk has not listed yet (a warm start of a large library, `F` typed at once) is read from the
//! path the index kept, when that path is under one of the library's folders: the hit says so,
//! and the app lists the article then.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::event::{LibraryEvent, Reporter};
use crate::fulltext::FullText;
use crate::library::{self, Entry};
use liseuse_document::search::{Folded, find_all};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// Most hits kept: enough to read, bounded for huge libraries.
pub const MAX_HITS: usize = 2000;
/// Most articles asked of the index.
const MAX_ARTICLES: usize = 2000;
/// Articles checked before the first answer goes out: a screenful and more.
const FIRST: usize = 24;
/// How often, at most, a longer search says how far it got.
const EVERY: Duration = Duration::from_millis(150);
/// Bytes of context kept on each side of a hit.
const CONTEXT: usize = 300;
/// How long after the start, with no query asked, the index is made ready for the first.
const PREPARE_AFTER: Duration = Duration::from_millis(150);

/// The articles the search may show: by index id, their index in the library and where to
/// read them. The loader keeps it as articles come and go.
// Shared with the loader's own list of articles (one copy of each entry, not three), by an
// Fx hash: a warm start puts 100,000 in, on its way to the final counts.
pub type Articles = Arc<RwLock<FxHashMap<u64, (usize, Arc<Entry>)>>>;

/// The article a hit is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A listed article: its index in the library.
    Listed(usize),
    /// One under the library's folders that the walk has not listed yet: its path.
    Ahead(Arc<Path>),
}

/// One hit: its article, its bytes in the article's text, and the text around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The article.
    pub article: Found,
    /// The hit's bytes in the article's text.
    pub range: Range<usize>,
    /// The article's title.
    pub title: Arc<str>,
    /// Text around the hit.
    pub context: Arc<str>,
    /// The hit's bytes in `context`.
    pub at: Range<usize>,
}

/// What a search found so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answer {
    /// The query's number: only the newest is shown.
    pub generation: u64,
    /// The hits, grouped by article, articles in rank order.
    pub hits: Vec<Hit>,
    /// More hits than kept.
    pub truncated: bool,
    /// Articles whose text was checked so far.
    pub searched: usize,
    /// Articles the index says hold the query's words.
    pub articles: usize,
    /// Articles in the index when the query was asked.
    pub indexed: usize,
    /// Every article was checked: no answer to this query follows.
    pub done: bool,
    /// The query holds no word to look up.
    pub no_word: bool,
}

struct Request {
    generation: u64,
    query: String,
    /// The library's folders (and files): where an article not listed yet may be.
    roots: Arc<[PathBuf]>,
}

/// The handle queries are sent to.
#[derive(Debug)]
pub struct Searcher {
    jobs: Sender<Request>,
    latest: Arc<AtomicU64>,
}

impl Searcher {
    /// Starts the search thread over the full-text index `index` gives (opened at once, on
    /// that thread) and `articles`, answering on `events`.
    pub fn spawn(
        index: Box<dyn Fn() -> Arc<FullText> + Send>,
        articles: Articles,
        events: Reporter,
    ) -> Searcher {
        let (jobs, rx) = mpsc::channel::<Request>();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = latest.clone();
        std::thread::Builder::new()
            .name("search-all".into())
            .spawn(move || serve(&rx, &newest, &index, &articles, &events))
            .ok();
        Searcher { jobs, latest }
    }

    /// Asks for the hits of `query` in the library opened from `roots`; answers come as
    /// [`LibraryEvent::Hits`].
    pub fn search(&self, generation: u64, query: String, roots: Arc<[PathBuf]>) {
        self.latest.fetch_max(generation, Ordering::SeqCst);
        let _ = self.jobs.send(Request {
            generation,
            query,
            roots,
        });
    }
}

fn serve(
    rx: &Receiver<Request>,
    latest: &AtomicU64,
    index: &dyn Fn() -> Arc<FullText>,
    articles: &Articles,
    events: &Reporter,
) {
    // Opened at once, beside the start's first frames, not when the first query comes or
    // after them (at 100,000 articles, 70-120 ms: most of an `F` typed at the first frame's
    // wait); a warm start's checking of the articles, which needs it too, no longer opens it
    // on a worker of its own while the other waits. Idle once the start has drawn its first
    // frames, its words are read (10-70 ms at a first query's).
    index();
    let mut first = match rx.recv_timeout(PREPARE_AFTER) {
        Ok(req) => Some(req),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            index().warm();
            None
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => return,
    };
    while let Some(mut req) = first.take().or_else(|| rx.recv().ok()) {
        let index = index();
        // Only the newest query waiting is worth answering.
        while let Ok(newer) = rx.try_recv() {
            req = newer;
        }
        let stale = || latest.load(Ordering::SeqCst) != req.generation;
        let send = |a: Answer| events.send(LibraryEvent::Hits(Box::new(a))).is_ok();
        if !search(&req, &index, articles, &stale, &send) {
            return;
        }
    }
}

/// The first answer to `query` a search sends (what a person sees first), with the answers
/// after it left aside: for benchmarks and tests.
pub fn first_answer(
    index: &FullText,
    articles: &Articles,
    query: &str,
    roots: &[PathBuf],
) -> Option<Answer> {
    let req = Request {
        generation: 1,
        query: query.to_string(),
        roots: roots.into(),
    };
    let first = std::cell::RefCell::new(None);
    let stop = std::cell::Cell::new(false);
    search(&req, index, articles, &|| stop.get(), &|a| {
        first.borrow_mut().get_or_insert(a);
        stop.set(true);
        true
    });
    first.into_inner()
}

/// Runs one query, sending answers as it goes; false once no one listens.
fn search(
    req: &Request,
    index: &FullText,
    articles: &Articles,
    stale: &dyn Fn() -> bool,
    send: &dyn Fn(Answer) -> bool,
) -> bool {
    let indexed = index.len();
    let mut answer = Answer {
        generation: req.generation,
        indexed,
        ..Answer::default()
    };
    let Some(found) = index.candidates(&req.query, MAX_ARTICLES) else {
        answer.done = true;
        answer.no_word = true;
        return send(answer);
    };
    answer.articles = found.total;
    let mut last = Instant::now();
    let mut said = false;
    for c in &found.best {
        if stale() {
            return true;
        }
        let known = articles.read().ok().and_then(|a| a.get(&c.id).cloned());
        let target = match known {
            Some((article, entry)) => Some((Found::Listed(article), entry)),
            None => ahead(index, c.id, &req.roots),
        };
        answer.searched += 1;
        if let Some((article, entry)) = target {
            for hit in hits_in(&article, &entry, &req.query) {
                if answer.hits.len() >= MAX_HITS {
                    answer.truncated = true;
                    break;
                }
                answer.hits.push(hit);
            }
        }
        if answer.truncated {
            break;
        }
        let first = !said && answer.searched >= FIRST;
        if first || (said && last.elapsed() >= EVERY) {
            said = true;
            last = Instant::now();
            if !send(answer.clone()) {
                return false;
            }
        }
    }
    if found.total > found.best.len() && !answer.hits.is_empty() {
        answer.truncated = true;
    }
    answer.done = true;
    stale() || send(answer)
}

/// An article the index holds that is not listed: where the index says it was read from, if
/// that is an article's file under one of `roots` (the index also keeps the articles of other
/// folders opened before, until the next save: those are not this library's).
fn ahead(index: &FullText, id: u64, roots: &[PathBuf]) -> Option<(Found, Arc<Entry>)> {
    let path = PathBuf::from(index.path_of(id)?);
    let inside = |root: &PathBuf| {
        path.strip_prefix(root)
            .is_ok_and(|rest| rest.components().all(|c| matches!(c, Component::Normal(_))))
    };
    if !library::is_article_name(&path) || !roots.iter().any(inside) {
        return None;
    }
    let entry = Entry {
        path: path.to_string_lossy().into_owned(),
        name: library::file_name(&path),
        origin: library::Origin::File(path.clone()),
    };
    Some((Found::Ahead(path.into()), Arc::new(entry)))
}

/// The query's hits in one article, read now.
fn hits_in(article: &Found, entry: &Entry, query: &str) -> Vec<Hit> {
    let Ok(doc) = library::load(entry) else {
        return Vec::new();
    };
    let folded = Folded::new(&doc.text);
    let title: Arc<str> = Arc::from(doc.title.as_str());
    find_all(&doc.text, &folded, query)
        .into_iter()
        .map(|range| {
            let from = floor(&doc.text, range.start.saturating_sub(CONTEXT));
            let to = ceil(&doc.text, range.end.saturating_add(CONTEXT));
            let context: Arc<str> = Arc::from(doc.text.get(from..to).unwrap_or(""));
            Hit {
                article: article.clone(),
                at: range.start - from..range.end - from,
                range,
                title: title.clone(),
                context,
            }
        })
        .collect()
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
#[path = "search_all_tests.rs"]
mod tests;
