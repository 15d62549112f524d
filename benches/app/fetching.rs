//! Key to frame while the news is fetched: the whole runtime (loop, loader, watcher, fetcher)
//! on `TestBackend`, opened on an empty library with 50 feeds of 20 items subscribed on a server
//! on 127.0.0.1, so that the feeds are fetched at start, every page stored, read and analysed
//! while keys come. A key is sent as the terminal's input thread sends it, and timed until the
//! frame after it is drawn: what waits before it in the loop's queue counts. The same keys with
//! nothing fetched are the baseline. Keys come 20 ms apart, as a fast typist's.

use crate::server::{Server, news_corpus};
use criterion::Criterion;
use liseuse::app::Event;
use liseuse::keys::keymap::{Key, KeyCode};
use liseuse::runtime::{self, Options, Runtime};
use liseuse_library::Discovery;
use liseuse_library::fetch::{Feed, FeedStore};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

struct Session {
    rt: Runtime<TestBackend>,
    _home: tempfile::TempDir,
}

/// A session on an empty library, subscribed to `feeds` (none: nothing is fetched).
fn session(feeds: &[String]) -> Session {
    let home = tempfile::tempdir().expect("home");
    let data = home.path().join("data");
    std::fs::create_dir_all(&data).expect("data");
    let config = home.path().join("config.toml");
    std::fs::write(&config, "").expect("config");
    if !feeds.is_empty() {
        FeedStore::open(&data)
            .save(|list| {
                for (i, url) in feeds.iter().enumerate() {
                    list.push(Feed {
                        url: url.clone(),
                        title: format!("Journal {i}"),
                        folder: format!("journal-{i}"),
                        ..Feed::default()
                    });
                }
                (true, ())
            })
            .expect("feeds");
    }
    let opts = Options {
        config: Some(config),
        data_dir: Some(data),
        cache_dir: Some(home.path().join("cache")),
        no_color: true,
        browser: Some("true".into()),
        ..Options::default()
    };
    let found = Discovery {
        entries: liseuse_library::seeds(),
        skipped: Vec::new(),
    };
    let terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let rt = runtime::boot(&opts, found, None, terminal).expect("boot");
    Session { rt, _home: home }
}

impl Session {
    fn fetching(&self) -> bool {
        self.rt.app().fetching.feeds.is_some()
    }

    /// One key, until the frame after it is drawn.
    fn key(&mut self, k: KeyCode) -> Duration {
        let start = Instant::now();
        self.rt
            .sender()
            .send(Event::Key(Key::plain(k)))
            .expect("the loop listens");
        // Everything queued before the key is taken first, then the key (the loop never
        // gathers past a key).
        self.rt.step(Some(Duration::from_secs(5))).expect("step");
        self.rt.draw().expect("draw");
        start.elapsed()
    }

    /// Lets the background work go on, as between two keys.
    fn idle(&mut self, d: Duration) {
        let until = Instant::now() + d;
        while Instant::now() < until {
            self.rt.step(Some(Duration::from_millis(5))).expect("step");
        }
        self.rt.draw().expect("draw");
    }
}

pub fn keys_while_fetching(c: &mut Criterion) {
    let server = Server::start();
    let feeds = news_corpus(&server, 50, 20);
    let keys = [KeyCode::Char('j'), KeyCode::Char('k')];
    let mut g = c.benchmark_group("key_while_fetching");
    g.sample_size(30).measurement_time(Duration::from_secs(20));
    for (name, subscribed) in [("idle", &[][..]), ("50_feeds_x_20", &feeds[..])] {
        let mut s = session(subscribed);
        let mut n = 0usize;
        g.bench_function(format!("j_k_reader_{name}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    if !subscribed.is_empty() && !s.fetching() {
                        // The run is over: a new session, fetching from the start again.
                        s = session(subscribed);
                    }
                    total += s.key(keys[n % 2]);
                    n += 1;
                    s.idle(Duration::from_millis(20));
                }
                total
            })
        });
    }
    g.finish();
}
