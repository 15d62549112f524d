//! Fetching from the web for the session: one HTTP client for the process (so its politeness,
//! two requests per server and eight in all, holds across runs), runs started from a thread of
//! their own (opening the library and `feeds.json` is disk work the loop must not wait for),
//! their events sent to the loop as `Event::Fetch`, every run cancelled when the session ends.

use crate::app::Event;
use crate::event::FetchRun;
use liseuse_library::fetch::{
    self, Client, Context, FeedStore, FetchEvent, FetchHandle, Limits, Sink, Summary,
};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

pub struct Fetcher {
    /// The data directory (the library and `feeds.json`), or why there is none.
    data_dir: Result<PathBuf, String>,
    limits: Limits,
    shared: Arc<Shared>,
    events: Sender<Event>,
}

#[derive(Default)]
struct Shared {
    /// Made at the first run, on its thread.
    client: OnceLock<Result<Arc<Client>, String>>,
    runs: Mutex<Vec<FetchHandle>>,
    ended: AtomicBool,
}

impl Shared {
    fn client(&self, limits: &Limits) -> Result<Arc<Client>, String> {
        self.client
            .get_or_init(|| Client::new(limits.clone()).map(Arc::new))
            .clone()
    }

    fn keep(&self, handle: FetchHandle) {
        // Under the lock: a `stop` meanwhile either sees this run or is seen here.
        let mut runs = self.runs.lock().unwrap_or_else(PoisonError::into_inner);
        if self.ended.load(Ordering::SeqCst) {
            handle.cancel();
        }
        runs.retain(|r| !r.is_finished());
        runs.push(handle);
    }
}

impl Fetcher {
    pub fn new(
        data_dir: Result<PathBuf, String>,
        limits: Limits,
        events: Sender<Event>,
    ) -> Fetcher {
        Fetcher {
            data_dir,
            limits,
            shared: Arc::default(),
            events,
        }
    }

    /// The subscribed feeds' new articles. At start (`at_start`), nothing at all is done
    /// without a subscription: not even the library is made.
    pub fn feeds(&self, at_start: bool) {
        self.start(FetchRun::Feeds, move |ctx, sink| {
            if at_start && FeedStore::open(&ctx.data_dir).feeds().is_empty() {
                return Ok(None);
            }
            fetch::update_feeds(ctx, &[], sink).map(Some)
        });
    }

    /// Pages by address into the library (`urls` are http or https, normalised).
    pub fn pages(&self, run: u32, urls: Vec<String>) {
        self.start(FetchRun::Pages(run), move |ctx, sink| {
            let urls = urls
                .iter()
                .filter_map(|u| fetch::address::parse_web(u).ok())
                .collect();
            fetch::fetch_pages(ctx, urls, sink).map(Some)
        });
    }

    fn start(
        &self,
        run: FetchRun,
        go: impl FnOnce(&Context, Sink) -> Result<Option<FetchHandle>, String> + Send + 'static,
    ) {
        let shared = Arc::clone(&self.shared);
        let tx = self.events.clone();
        let data_dir = self.data_dir.clone();
        let limits = self.limits.clone();
        std::thread::spawn(move || {
            let sink: Sink = Arc::new(move |ev| {
                let _ = tx.send(Event::Fetch(run, ev));
            });
            let started = data_dir.and_then(|data_dir| {
                let client = shared.client(&limits)?;
                go(&Context { client, data_dir }, Arc::clone(&sink))
            });
            match started {
                Ok(Some(handle)) => shared.keep(handle),
                Ok(None) => sink(FetchEvent::Finished(Summary::default())),
                Err(why) => {
                    sink(FetchEvent::Failed {
                        what: String::from("fetching"),
                        why: liseuse_document::sanitize::one_line(&why),
                    });
                    sink(FetchEvent::Finished(Summary::default()));
                }
            }
        });
    }

    /// The session ends: every run stops at its next read (files being written are written
    /// whole, or not at all).
    pub fn stop(&self) {
        self.shared.ended.store(true, Ordering::SeqCst);
        let runs = self
            .shared
            .runs
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        for r in runs.iter() {
            r.cancel();
        }
    }
}
