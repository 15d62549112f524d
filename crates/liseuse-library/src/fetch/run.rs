//! A run: feeds updated, or pages fetched, on threads of their own, reporting as they go
//! through a [`Sink`]. The caller never waits: [`update_feeds`] and [`fetch_pages`] return at
//! once with a [`FetchHandle`] to cancel or join. A feed is fetched, its new items' pages
//! queued behind it, and once the last of them is stored the feed's record (validators, seen
//! items, last result) is saved in `feeds.json`. A failure is one event for that feed or page
//! and touches nothing else.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{SystemTime, UNIX_EPOCH};

use url::Url;

use super::address::{host_key, key, parse_web};
use super::articles::{Library, Put};
use super::client::{Client, Want};
use super::error::Failure;
use super::event::{FetchEvent, Sink, Summary, safe};
use super::feed::{self, Item};
use super::feeds::{Feed, FeedStore, LastFetch, merge_seen};
use super::page::{self, Origin};
use super::queue::Queue;

mod pages;
mod updating;

/// What a run needs: the client (shared by every run of a process, so its politeness holds
/// across them) and the data directory (the library and `feeds.json`).
#[derive(Clone)]
pub struct Context {
    /// The one client of the process.
    pub client: Arc<Client>,
    /// The data directory: the library and `feeds.json` are in it.
    pub data_dir: PathBuf,
}

/// A run in the background.
pub struct FetchHandle {
    cancel: Arc<AtomicBool>,
    thread: Option<JoinHandle<Summary>>,
}

impl FetchHandle {
    /// Asks the run to stop: queued work is dropped, requests under way end at their next
    /// read. Returns at once.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether the run is over.
    pub fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Waits for the end of the run.
    pub fn join(mut self) -> Summary {
        self.thread
            .take()
            .and_then(|t| t.join().ok())
            .unwrap_or_default()
    }
}

/// The folder of pages fetched by address rather than from a feed.
pub const PAGES_FOLDER: &str = "pages";

enum Task {
    Feed(Feed),
    Page(PageJob),
}

struct PageJob {
    link: Result<Url, Failure>,
    item: Option<Item>,
    run: Option<Arc<FeedRun>>,
}

/// A feed being updated: what its pages need, and what is saved once they are done.
struct FeedRun {
    /// Its address in `feeds.json` (before a move).
    url: String,
    moved: Option<String>,
    name: String,
    folder: String,
    etag: Option<String>,
    last_modified: Option<String>,
    total: usize,
    /// Hashed keys of the feed's items now.
    current: Vec<String>,
    pending: AtomicUsize,
    new: AtomicUsize,
    /// Items to try again at the next update (their page failed for now, with no text of
    /// their own in the feed).
    retry: Mutex<HashSet<String>>,
}

#[derive(Default)]
struct Tally {
    done: usize,
    of: usize,
    summary: Summary,
}

struct Shared {
    client: Arc<Client>,
    library: Library,
    feeds: Mutex<FeedStore>,
    queue: Queue<Task>,
    cancel: Arc<AtomicBool>,
    sink: Sink,
    tally: Mutex<Tally>,
}

/// Updates the subscribed feeds (those whose address or name is in `only`, or all when it is
/// empty). Errors at once when the library or `feeds.json` cannot be used.
pub fn update_feeds(ctx: &Context, only: &[String], sink: Sink) -> Result<FetchHandle, String> {
    let store = FeedStore::open(&ctx.data_dir);
    if let Some(why) = store.read_only() {
        return Err(why.to_string());
    }
    let wanted = |f: &Feed| {
        only.is_empty()
            || only.iter().any(|o| {
                o == &f.url
                    || parse_web(o).is_ok_and(|u| u.as_str() == f.url)
                    || o.eq_ignore_ascii_case(f.title.trim())
            })
    };
    let now = now_secs();
    let mut tasks = Vec::new();
    let mut notes = Vec::new();
    for f in store.feeds().iter().filter(|f| wanted(f)) {
        if let Some(when) = &f.gone {
            notes.push((
                f.name().to_string(),
                format!("gone since {when}: not fetched"),
            ));
        } else if let Some(t) = f.not_before.filter(|t| *t > now) {
            notes.push((
                f.name().to_string(),
                format!("not fetched: the server asked to wait {} s more", t - now),
            ));
        } else {
            tasks.push((host_of(&f.url), Task::Feed(f.clone())));
        }
    }
    let shared = shared(ctx, store, sink)?;
    for (what, note) in notes {
        (shared.sink)(FetchEvent::Note {
            what: safe(&what),
            note,
        });
    }
    Ok(start(shared, tasks, |s, n| s.feeds = n))
}

/// Fetches `urls` into the library's `pages` folder.
pub fn fetch_pages(ctx: &Context, urls: Vec<Url>, sink: Sink) -> Result<FetchHandle, String> {
    let shared = shared(ctx, FeedStore::open(&ctx.data_dir), sink)?;
    let tasks = urls
        .into_iter()
        .map(|u| {
            let job = PageJob {
                link: Ok(u.clone()),
                item: None,
                run: None,
            };
            (host_key(&u), Task::Page(job))
        })
        .collect();
    Ok(start(shared, tasks, |s, n| s.pages = n))
}

fn shared(ctx: &Context, store: FeedStore, sink: Sink) -> Result<Arc<Shared>, String> {
    let library = Library::open(&ctx.data_dir).map_err(|e| {
        format!(
            "could not open the library in {}: {}",
            ctx.data_dir.display(),
            crate::store::describe_io(&e)
        )
    })?;
    Ok(Arc::new(Shared {
        client: Arc::clone(&ctx.client),
        library,
        feeds: Mutex::new(store),
        queue: Queue::new(),
        cancel: Arc::new(AtomicBool::new(false)),
        sink,
        tally: Mutex::new(Tally::default()),
    }))
}

fn start(
    shared: Arc<Shared>,
    tasks: Vec<(String, Task)>,
    count: fn(&mut Summary, usize),
) -> FetchHandle {
    {
        let mut t = shared.tally();
        t.of = tasks.len();
        count(&mut t.summary, tasks.len());
    }
    shared.progress();
    for (host, task) in tasks {
        shared.queue.push(host, task);
    }
    let cancel = Arc::clone(&shared.cancel);
    let thread = std::thread::spawn(move || {
        let workers: Vec<_> = (0..shared.client.limits().in_all.max(1))
            .map(|_| {
                let s = Arc::clone(&shared);
                std::thread::spawn(move || s.work())
            })
            .collect();
        for w in workers {
            let _ = w.join();
        }
        if let Err(why) = shared.library.sync() {
            shared.emit(FetchEvent::Failed {
                what: String::from("library"),
                why: safe(&why),
            });
        }
        let mut summary = shared.tally().summary.clone();
        summary.cancelled = shared.cancel.load(Ordering::Relaxed);
        (shared.sink)(FetchEvent::Finished(summary.clone()));
        summary
    });
    FetchHandle {
        cancel,
        thread: Some(thread),
    }
}

impl Shared {
    fn tally(&self) -> std::sync::MutexGuard<'_, Tally> {
        self.tally.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn emit(&self, e: FetchEvent) {
        (self.sink)(e);
    }

    fn progress(&self) {
        let (done, of, new) = {
            let t = self.tally();
            (t.done, t.of, t.summary.new)
        };
        self.emit(FetchEvent::Progress { done, of, new });
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    fn work(&self) {
        while let Some(task) = self.queue.next(self.client.slots(), &self.cancel) {
            match task {
                Task::Feed(f) => self.run_feed(f),
                Task::Page(p) => self.run_page(p),
            }
            self.queue.done();
        }
    }
}

fn host_of(url: &str) -> String {
    parse_web(url).map(|u| host_key(&u)).unwrap_or_default()
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
