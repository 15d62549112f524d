//! News fetched while liseuse runs: the feeds (at start, and with `R`) and pages asked for by
//! address (`liseuse URL`, `a` in the links), in the background. The runtime runs them
//! (`runtime/fetch.rs`) and never makes a key wait; here their reports change the state: the
//! progress on the status bar, each article stored joining the list in its place (before the
//! watcher's news of the same file), the article asked for opened once stored, and each
//! failure one line, the rest going on.

use super::{App, Effect};
use crate::event::FetchRun;
use liseuse_document::plural::counted;
use liseuse_library::fetch::{FetchEvent, Summary, address};
use liseuse_library::{Entry, Origin, is_article_name};
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

/// How far a run is: feeds (or pages) done of those asked for, articles stored.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub of: usize,
    pub new: usize,
}

#[derive(Debug, Default, Clone)]
pub struct Fetching {
    /// The feeds' run, while it goes.
    pub feeds: Option<Progress>,
    /// `R` asked for the feeds' run going: its end is said even when nothing came.
    asked: bool,
    /// Runs of pages going, by number.
    pub pages: BTreeMap<u32, Progress>,
    next_run: u32,
    /// Addresses asked for whose article is opened once stored (normalised).
    pub awaited: Vec<String>,
    /// Articles stored and listed: the watcher's report of the same files is old news.
    pub(super) fresh: HashSet<PathBuf>,
    /// The library's folder, when the list follows it: a feed's new article joins the list.
    pub library: Option<PathBuf>,
    /// Why the terminal cannot be asked to copy (OSC 52); `None` when it can.
    pub no_copy: Option<String>,
}

impl Fetching {
    /// What the status bar says of the runs going: `fetching 12/40 feeds · 37 new`.
    pub fn label(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(p) = self.feeds.filter(|p| p.of > 0) {
            parts.push(format!(
                "fetching {}/{} feeds · {} new",
                p.done, p.of, p.new
            ));
        }
        let (done, of) = self
            .pages
            .values()
            .fold((0, 0), |(d, o), p| (d + p.done, o + p.of));
        if of > 0 {
            parts.push(format!("fetching {done}/{of} pages"));
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

impl App {
    /// `R` (`asked`), or the start: the feeds' new articles, in the background.
    pub fn fetch_feeds(&mut self, asked: bool, fx: &mut Vec<Effect>) {
        if let Some(p) = self.fetching.feeds {
            self.status.say(format!(
                "the feeds are being fetched already ({}/{})",
                p.done, p.of
            ));
            return;
        }
        self.fetching.feeds = Some(Progress::default());
        self.fetching.asked = asked;
        fx.push(Effect::FetchFeeds { asked });
    }

    /// Fetches the pages at `urls` into the library, the first opened once stored (at once
    /// when the library has it already). Addresses that are not http or https are refused,
    /// each in one line.
    pub fn fetch_pages(&mut self, urls: &[String], fx: &mut Vec<Effect>) {
        let mut wanted = Vec::new();
        for url in urls {
            match address::parse_web(url) {
                Ok(u) => wanted.push(u.to_string()),
                Err(e) => self.status.tell(format!("{url}: {e}")),
            }
        }
        let Some(first) = wanted.first() else {
            return;
        };
        if !self.fetching.awaited.contains(first) {
            self.fetching.awaited.push(first.clone());
        }
        let run = self.fetching.next_run;
        self.fetching.next_run = run.wrapping_add(1);
        self.fetching.pages.insert(
            run,
            Progress {
                of: wanted.len(),
                ..Progress::default()
            },
        );
        fx.push(Effect::FetchPages { run, urls: wanted });
    }

    pub(super) fn on_fetch(&mut self, run: FetchRun, ev: FetchEvent, fx: &mut Vec<Effect>) {
        match ev {
            FetchEvent::Progress { done, of, new } => {
                let p = Progress { done, of, new };
                match run {
                    FetchRun::Feeds => self.fetching.feeds = Some(p),
                    FetchRun::Pages(n) => {
                        self.fetching.pages.insert(n, p);
                    }
                }
            }
            FetchEvent::Stored { path, url, .. } => self.on_stored(run, path, &url, fx),
            FetchEvent::Already { path, url } => self.on_stored(run, path, &url, fx),
            FetchEvent::Failed { what, why } => {
                let line = format!("{what}: {why}");
                if self.fetching.awaited.contains(&what) {
                    self.fetching.awaited.retain(|u| *u != what);
                    self.status.say(line);
                } else {
                    self.status.tell(line);
                }
            }
            FetchEvent::Note { what, note } => self.status.tell(format!("{what}: {note}")),
            FetchEvent::FeedDone { .. } => {}
            FetchEvent::Finished(summary) => self.on_fetch_finished(run, &summary),
        }
    }

    /// An article stored (or found in the library already): in the list when it was asked
    /// for or the list follows the library, and opened when it was awaited.
    fn on_stored(&mut self, run: FetchRun, path: PathBuf, url: &str, fx: &mut Vec<Effect>) {
        let awaited = self.fetching.awaited.iter().any(|u| u == url);
        let follows = self
            .fetching
            .library
            .as_ref()
            .is_some_and(|l| path.starts_with(l));
        if !(awaited || follows || matches!(run, FetchRun::Pages(_))) {
            return;
        }
        let Some(i) = self.add_fetched(path, fx) else {
            return;
        };
        if awaited {
            self.fetching.awaited.retain(|u| u != url);
            self.list.selected = i;
            let read = (self.library.articles.get(i))
                .is_some_and(|a| a.doc.is_some() || a.error.is_some());
            if read {
                self.open_article(i, None, fx);
            } else {
                // Opened once read, as a page asked for: no "reading…" line over what the
                // fetch had to say.
                self.reading.pending = Some((i, None));
                self.ask_texts([i], fx);
            }
            self.scroll_list();
        }
    }

    /// The article at `path`, listed in its place if it was not (and read in the background).
    fn add_fetched(&mut self, path: PathBuf, fx: &mut Vec<Effect>) -> Option<usize> {
        if let Some(i) = self.library.find(&path) {
            return Some(i);
        }
        if !is_article_name(&path) {
            return None;
        }
        let entry = Entry {
            path: path.to_string_lossy().into_owned(),
            name: liseuse_library::file_name(&path),
            origin: Origin::File(path.clone()),
        };
        let entry = std::sync::Arc::new(entry);
        let i = self.library.push(entry.clone());
        self.fetching.fresh.insert(path);
        self.relist(vec![i], Vec::new());
        fx.push(Effect::Load(vec![(i, entry)]));
        Some(i)
    }

    fn on_fetch_finished(&mut self, run: FetchRun, summary: &Summary) {
        match run {
            FetchRun::Pages(n) => {
                self.fetching.pages.remove(&n);
            }
            FetchRun::Feeds => {
                self.fetching.feeds = None;
                let asked = std::mem::take(&mut self.fetching.asked);
                if summary.cancelled {
                    return;
                }
                if summary.feeds == 0 {
                    if asked {
                        self.status
                            .say("no feeds yet: `liseuse feed add URL` subscribes to one");
                    }
                    return;
                }
                if asked || summary.new > 0 || summary.feeds_failed > 0 {
                    let mut line = format!(
                        "feeds fetched: {}",
                        counted(summary.new, "new article", "new articles")
                    );
                    if summary.feeds_failed > 0 {
                        line.push_str(&format!(
                            " · {} of {} not reached",
                            summary.feeds_failed, summary.feeds
                        ));
                    }
                    self.status.tell(line);
                }
            }
        }
    }
}
