//! What every fetch test does the same way: limits short enough for a test, a context over a
//! temporary data dir, a fetch run to its end with its events collected, and the failures and
//! stored files among those events.

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use liseuse_library::fetch::{self, Client, Context, FetchEvent, Limits, Summary, channel_sink};

pub fn quick() -> Limits {
    Limits {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(3),
        max_body: 1 << 20,
        max_retry_wait: Duration::from_secs(3),
        ..Limits::default()
    }
}

pub fn context(dir: &Path, limits: Limits) -> Context {
    Context {
        client: Arc::new(Client::new(limits).unwrap()),
        data_dir: dir.to_path_buf(),
    }
}

fn collect(start: impl FnOnce(fetch::Sink) -> fetch::FetchHandle) -> (Vec<FetchEvent>, Summary) {
    let (tx, rx) = mpsc::channel();
    let summary = start(channel_sink(tx)).join();
    (rx.try_iter().collect(), summary)
}

pub fn update(ctx: &Context) -> (Vec<FetchEvent>, Summary) {
    collect(|sink| fetch::update_feeds(ctx, &[], sink).unwrap())
}

pub fn pages(ctx: &Context, urls: &[String]) -> (Vec<FetchEvent>, Summary) {
    let urls = urls
        .iter()
        .map(|u| fetch::address::parse_web(u).unwrap())
        .collect();
    collect(|sink| fetch::fetch_pages(ctx, urls, sink).unwrap())
}

pub fn failures(events: &[FetchEvent]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            FetchEvent::Failed { what, why } => Some(format!("{what}: {why}")),
            _ => None,
        })
        .collect()
}

pub fn stored(events: &[FetchEvent]) -> Vec<std::path::PathBuf> {
    events
        .iter()
        .filter_map(|e| match e {
            FetchEvent::Stored { path, .. } => Some(path.clone()),
            _ => None,
        })
        .collect()
}
