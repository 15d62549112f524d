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

/// What a run needs: the client (shared by every run of a process, so its politeness holds
/// across them) and the data directory (the library and `feeds.json`).
#[derive(Clone)]
pub struct Context {
    pub client: Arc<Client>,
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

    fn run_feed(&self, feed: Feed) {
        let fetched = parse_web(&feed.url).and_then(|url| {
            let validators = (feed.etag.as_deref(), feed.last_modified.as_deref());
            self.client.get(&url, Want::Feed, validators, &self.cancel)
        });
        let reply = match fetched {
            Ok(r) => r,
            Err(Failure::Cancelled) => return,
            Err(e) => return self.feed_failed(&feed, &e),
        };
        let moved = reply.moved.as_ref().map(Url::to_string);
        if let Some(to) = &moved {
            self.emit(FetchEvent::Note {
                what: safe(feed.name()),
                note: safe(&format!(
                    "moved permanently to {to}: the subscription follows it"
                )),
            });
        }
        let parsed = if reply.status == 304 {
            None
        } else {
            let max = self.client.limits().max_items;
            match feed::parse(&reply.body, &reply.url, max) {
                Ok(p) => Some(p),
                Err(e) => return self.feed_failed(&feed, &e),
            }
        };
        let mut run = FeedRun {
            url: feed.url.clone(),
            moved,
            name: feed.name().to_string(),
            folder: feed.folder.clone(),
            etag: reply.etag.clone(),
            last_modified: reply.last_modified.clone(),
            total: feed.items,
            current: Vec::new(),
            pending: AtomicUsize::new(0),
            new: AtomicUsize::new(0),
            retry: Mutex::new(HashSet::new()),
        };
        let Some(parsed) = parsed else {
            return self.feed_done(&Arc::new(run), "not modified");
        };
        if feed.title.trim().is_empty()
            && let Some(t) = &parsed.title
        {
            run.name = t.clone();
        }
        let max = self.client.limits().max_items;
        if parsed.total > max {
            self.emit(FetchEvent::Note {
                what: safe(&run.name),
                note: format!("holds {} items: the first {max} are read", parsed.total),
            });
        }
        run.total = parsed.total;
        run.current = parsed.items.iter().map(|i| key(&i.key, 0)).collect();
        let seen: HashSet<&str> = feed.seen.iter().map(String::as_str).collect();
        let fresh: Vec<Item> = parsed
            .items
            .into_iter()
            .filter(|i| !seen.contains(key(&i.key, 0).as_str()))
            .collect();
        run.pending = AtomicUsize::new(fresh.len());
        let run = Arc::new(run);
        if fresh.is_empty() {
            return self.feed_done(&run, "0 new");
        }
        for item in fresh {
            let host = item.link.as_ref().map(host_key).unwrap_or_default();
            let job = PageJob {
                link: item.link.clone(),
                item: Some(item),
                run: Some(Arc::clone(&run)),
            };
            self.queue.push(host, Task::Page(job));
        }
    }

    fn run_page(&self, job: PageJob) {
        let folder = job
            .run
            .as_ref()
            .map_or(PAGES_FOLDER, |r| r.folder.as_str())
            .to_string();
        let origin = Origin {
            feed: job.run.as_ref().map(|r| (r.url.as_str(), r.name.as_str())),
            item: job.item.as_ref(),
        };
        let stored = self.fetch_page(&job, origin, &folder);
        if let Some(run) = &job.run {
            if stored {
                run.new.fetch_add(1, Ordering::Relaxed);
            }
            if run.pending.fetch_sub(1, Ordering::AcqRel) == 1 && !self.cancelled() {
                let n = run.new.load(Ordering::Relaxed);
                self.feed_done(run, &format!("{n} new"));
            }
        } else {
            self.tally().done += 1;
            self.progress();
        }
    }

    /// Fetches and keeps one page (or the item's own text); true when an article was stored.
    fn fetch_page(&self, job: &PageJob, origin: Origin<'_>, folder: &str) -> bool {
        let direct = job.item.is_none();
        if let Ok(url) = &job.link
            && let Some((path, _)) = self.library.find(url.as_str())
        {
            if direct {
                self.emit(FetchEvent::Already {
                    path,
                    url: safe(url.as_str()),
                });
            }
            return false;
        }
        let fetched = job.link.clone().and_then(|url| {
            let reply = self
                .client
                .get(&url, Want::Page, (None, None), &self.cancel)?;
            let read = page::read(&reply)?;
            Ok((url, reply, read))
        });
        let content = job.item.as_ref().and_then(|i| i.content.as_deref());
        let what = match &job.link {
            Ok(u) => u.to_string(),
            Err(_) => job
                .item
                .as_ref()
                .and_then(|i| i.title.clone())
                .unwrap_or_else(|| String::from("an item")),
        };
        let article = match (fetched, job.item.as_ref(), content) {
            (Ok((url, reply, read)), item, content)
                if read.article || content.is_none() || item.is_none() =>
            {
                page::page_article(reply, &read, &url, origin, folder)
            }
            (Ok(_), Some(item), Some(text)) => {
                page::feed_article(item, text, "the page held no article", origin, folder)
            }
            (Err(Failure::Cancelled), ..) => return false,
            (Err(e), Some(item), Some(text)) => {
                self.emit(FetchEvent::Failed {
                    what: safe(&what),
                    why: safe(&format!("{e}; the feed's text is kept instead")),
                });
                let why = format!("the page could not be fetched: {e}");
                page::feed_article(item, text, &why, origin, folder)
            }
            (Err(e), item, _) => {
                self.page_failed(job, item, &what, &e.to_string(), e.is_transient());
                return false;
            }
            (Ok(_), ..) => return false,
        };
        let title = article.meta.title.clone();
        let from_feed = article.meta.from_feed.is_some();
        match self.library.put(article) {
            Ok(Put::Stored(path)) => {
                self.tally().summary.new += 1;
                self.emit(FetchEvent::Stored {
                    path,
                    title: safe(&title),
                    feed: origin.feed.map(|f| safe(f.1)),
                    from_feed,
                });
                true
            }
            Ok(Put::Already(path)) => {
                if direct {
                    self.emit(FetchEvent::Already {
                        path,
                        url: safe(&what),
                    });
                }
                false
            }
            Err(why) => {
                self.page_failed(job, job.item.as_ref(), &what, &why, true);
                false
            }
        }
    }

    fn page_failed(&self, job: &PageJob, item: Option<&Item>, what: &str, why: &str, again: bool) {
        self.emit(FetchEvent::Failed {
            what: safe(what),
            why: safe(why),
        });
        match (&job.run, item) {
            (Some(run), Some(item)) if again => {
                run.retry
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(key(&item.key, 0));
            }
            (None, _) => self.tally().summary.pages_failed += 1,
            _ => {}
        }
    }

    fn feed_failed(&self, feed: &Feed, e: &Failure) {
        let at = crate::bookmark::rfc3339_utc(SystemTime::now());
        let mut why = e.to_string();
        match e {
            Failure::Gone => {
                why.push_str(": it will not be fetched again (`liseuse feed remove` drops it)")
            }
            Failure::Busy {
                retry_after: Some(d),
                ..
            } => why.push_str(&format!("; not fetched again before {} s", d.as_secs())),
            _ => {}
        }
        let saved = self.save_feed(&feed.url, |f| {
            f.last = Some(LastFetch {
                at: at.clone(),
                ok: false,
                result: e.to_string(),
                ..LastFetch::default()
            });
            match e {
                Failure::Gone => f.gone = Some(at.clone()),
                Failure::Busy {
                    retry_after: Some(d),
                    ..
                } => f.not_before = Some(now_secs() + d.as_secs()),
                _ => {}
            }
        });
        self.emit(FetchEvent::Failed {
            what: safe(feed.name()),
            why: safe(&why),
        });
        if let Err(why) = saved {
            self.emit(FetchEvent::Failed {
                what: String::from("feeds.json"),
                why: safe(&why),
            });
        }
        self.emit(FetchEvent::FeedDone {
            name: safe(feed.name()),
            new: 0,
            ok: false,
        });
        let mut t = self.tally();
        t.done += 1;
        t.summary.feeds_failed += 1;
        drop(t);
        self.progress();
    }

    fn feed_done(&self, run: &Arc<FeedRun>, result: &str) {
        let retry = run
            .retry
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let current: Vec<String> = run
            .current
            .iter()
            .filter(|k| !retry.contains(*k))
            .cloned()
            .collect();
        // The articles' renames durable before their items are recorded as seen (when they
        // cannot be, the items are not recorded: the next update finds them in the library).
        let durable = self.library.sync().map_err(|why| {
            self.emit(FetchEvent::Failed {
                what: String::from("library"),
                why: safe(&why),
            })
        });
        let max_seen = self.client.limits().max_seen;
        let at = crate::bookmark::rfc3339_utc(SystemTime::now());
        let new = run.new.load(Ordering::Relaxed);
        let saved = self.save_feed(&run.url, |f| {
            if durable.is_err() {
                return;
            }
            if let Some(to) = &run.moved {
                f.url = to.clone();
            }
            if run.etag.is_some() || run.last_modified.is_some() {
                f.etag = run.etag.clone();
                f.last_modified = run.last_modified.clone();
            }
            if f.title.trim().is_empty() {
                f.title = run.name.clone();
            }
            f.items = run.total;
            if !current.is_empty() {
                let old: Vec<String> = f
                    .seen
                    .iter()
                    .filter(|k| !retry.contains(*k))
                    .cloned()
                    .collect();
                f.seen = merge_seen(&current, &old, max_seen);
            }
            f.not_before = None;
            f.last = Some(LastFetch {
                at: at.clone(),
                ok: true,
                result: result.to_string(),
                new,
                ..LastFetch::default()
            });
        });
        if let Err(why) = saved {
            self.emit(FetchEvent::Failed {
                what: String::from("feeds.json"),
                why: safe(&why),
            });
        }
        self.emit(FetchEvent::FeedDone {
            name: safe(&run.name),
            new,
            ok: true,
        });
        self.tally().done += 1;
        self.progress();
    }

    /// Changes the feed at `url` in `feeds.json` (a move to an address another subscription
    /// has already is not followed).
    fn save_feed(&self, url: &str, change: impl FnOnce(&mut Feed)) -> Result<(), String> {
        let mut store = self.feeds.lock().unwrap_or_else(PoisonError::into_inner);
        store.save(|feeds| {
            let others: HashSet<String> = feeds
                .iter()
                .filter(|f| f.url != url)
                .map(|f| f.url.clone())
                .collect();
            match feeds.iter_mut().find(|f| f.url == url) {
                Some(f) => {
                    let before = f.url.clone();
                    change(f);
                    if others.contains(&f.url) {
                        f.url = before;
                    }
                    (true, ())
                }
                None => (false, ()),
            }
        })
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
