//! What a fetching run tells its caller, as it goes. Every text in an event is one line already
//! made safe for a terminal (`sanitize::one_line`): a title or an error from a server never
//! reaches the screen raw, whoever shows it.

use std::path::PathBuf;
use std::sync::Arc;

/// One thing a run reports.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchEvent {
    /// `done` of `of` feeds (or pages, for a run of pages) are finished; `new` articles were
    /// stored so far. Sent at the start (`done` 0) and after each.
    Progress {
        /// Feeds (or pages) finished.
        done: usize,
        /// Feeds (or pages) in the run.
        of: usize,
        /// Articles stored so far.
        new: usize,
    },
    /// An article was kept in the library.
    Stored {
        /// The article's file.
        path: PathBuf,
        /// The address asked for (an item's link, for an item of a feed; one safe line).
        url: String,
        /// Its title (one safe line).
        title: String,
        /// The feed's name, for an item of a feed.
        feed: Option<String>,
        /// The text is the feed's own (the page could not be had or held no article).
        from_feed: bool,
    },
    /// An address asked for directly was in the library already.
    Already {
        /// The article's file.
        path: PathBuf,
        /// The address asked for (one safe line).
        url: String,
    },
    /// A feed or a page that could not be had: `what` names it, `why` says why.
    Failed {
        /// The feed or the page (one safe line).
        what: String,
        /// Why (one safe line).
        why: String,
    },
    /// Something said about a feed that is no failure: moved and updated, gone, capped,
    /// not modified, waiting as the server asked.
    Note {
        /// The feed or the page (one safe line).
        what: String,
        /// What is said of it (one safe line).
        note: String,
    },
    /// A feed is done: its new articles and whether it was reached.
    FeedDone {
        /// The feed's name (one safe line).
        name: String,
        /// Articles it brought.
        new: usize,
        /// Whether it was reached.
        ok: bool,
    },
    /// The run is over (the last event).
    Finished(Summary),
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Feeds asked for.
    pub feeds: usize,
    /// Feeds that could not be reached.
    pub feeds_failed: usize,
    /// Pages asked for directly (`liseuse fetch`).
    pub pages: usize,
    /// Pages that failed.
    pub pages_failed: usize,
    /// Articles stored.
    pub new: usize,
    /// The run was cancelled before its end.
    pub cancelled: bool,
}

/// Where a run sends its events: a closure called from the run's threads (send them on to a
/// channel, or print them). It must not block for long.
pub type Sink = Arc<dyn Fn(FetchEvent) + Send + Sync>;

/// A [`Sink`] that forwards every event to `tx` (a receiver gone is no error).
pub fn channel_sink(tx: std::sync::mpsc::Sender<FetchEvent>) -> Sink {
    let tx = std::sync::Mutex::new(tx);
    Arc::new(move |e| {
        if let Ok(tx) = tx.lock() {
            let _ = tx.send(e);
        }
    })
}

pub(crate) fn safe(s: &str) -> String {
    liseuse_document::sanitize::one_line(s)
}
