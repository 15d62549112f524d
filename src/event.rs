//! Everything that can change the app's state, from wherever it comes: the terminal (keys,
//! mouse, pastes, resizes), the loader (articles read, the corpus index merged), the folder
//! walk and watcher, the stores, the corpus search and the fetches from the web. `term` and
//! `signals` import this module, never `app`; the loader and the watcher, in liseuse-library, send a
//! [`LibraryEvent`] of their own, which becomes an `Event` here (`From`): background work
//! knows nothing of the state it feeds.

pub use liseuse_library::IndexUpdate;
use liseuse_library::LibraryEvent;

use crate::keys::action::Action;
use crate::keys::keymap::Key;
use liseuse_document::Document;
use liseuse_library::bookmark::Bookmark;
use liseuse_library::fetch::FetchEvent;
use std::path::PathBuf;
use std::sync::Arc;

/// A mouse event, in terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mouse {
    Click { x: u16, y: u16 },
    Scroll { x: u16, y: u16, down: bool },
}

/// One hit of the search across every article.
pub use liseuse_library::search_all::Answer as CorpusAnswer;

/// Which background fetch an event is from: the feeds' (at start, `R`) or pages asked for by
/// address (the command line, a link).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchRun {
    Feeds,
    /// A run of pages, by the number the app gave it.
    Pages(u32),
}

/// A signal from outside, as the app must hear it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// TERM, INT, HUP, QUIT: save what is pending, leave, and exit with 128 + this number.
    End(i32),
    /// TSTP: give the terminal back and stop, as less does.
    Suspend,
    /// CONT: the terminal may show anything now.
    Continue,
}

#[derive(Debug)]
pub enum Event {
    Key(Key),
    Mouse(Mouse),
    Action(Action),
    Resize(u16, u16),
    /// Text pasted in the terminal, whole.
    Paste(String),
    /// Redraw the whole screen (Ctrl-L): the terminal may have been written over.
    Redraw,
    Signal(Signal),
    /// What is kept of an article, checked against the cache or read and indexed.
    Described {
        index: usize,
        meta: Box<liseuse_library::cache::ArticleMeta>,
        /// The hash of the text its entities are found in.
        hash: String,
    },
    /// An article's text, read to show it (or why it could not be).
    Loaded {
        index: usize,
        result: Result<Arc<Document>, String>,
        /// When the file was last modified (seconds since 1970), if it says.
        modified: Option<i64>,
    },
    /// The beginning of a long article, shown until `Loaded` brings the whole of it.
    Preview {
        index: usize,
        doc: Arc<Document>,
    },
    /// The corpus index merged again in the background.
    Indexed(Box<IndexUpdate>),
    /// Progress inside one long article's analysis: bytes done of its length.
    Analysing {
        index: usize,
        done: u64,
        of: u64,
    },
    /// More articles found by the folder walk (after the first frame).
    Discovered(liseuse_library::Discovery),
    /// The folder walk has found every article (after its last `Discovered`).
    Walked,
    /// Files under the watched folders changed: each path, and whether it is a regular file now.
    FilesChanged(Vec<(PathBuf, bool)>),
    /// Folders walked again by the watcher: each one and every article file under it now.
    Rescanned(Vec<(PathBuf, Vec<PathBuf>)>),
    /// Articles (by index) whose entities the cache could not give back (a damaged file): to
    /// be read and analysed again.
    CacheDamaged(Vec<usize>),
    /// The bookmark store's content after a change, whether it is read-only, and what to say.
    Bookmarks {
        list: Arc<liseuse_library::bookmark::BookmarkSet>,
        read_only: Option<String>,
        message: Option<String>,
    },
    /// A deletion the store could not save: the bookmark stays undoable.
    Deleted(Bookmark),
    /// The corrections as saved now (at start, or after one was made or undone), and what to
    /// say about it.
    Corrections {
        list: Vec<liseuse_library::corrections::Correction>,
        message: Option<String>,
    },
    /// What the saver did with a change, and what is still only in memory.
    Store(Box<liseuse_library::store::StoreReport>),
    /// What the search across every article found so far for a query.
    Hits(Box<CorpusAnswer>),
    /// What a background fetch reports (already safe to show).
    Fetch(FetchRun, FetchEvent),
    /// Something the runtime has to say about an effect (a browser that could not start).
    Said(String),
}

/// The loader's and the watcher's reports, as the app hears them: the same variants.
impl From<LibraryEvent> for Event {
    fn from(e: LibraryEvent) -> Event {
        match e {
            LibraryEvent::Loaded {
                index,
                result,
                modified,
            } => Event::Loaded {
                index,
                result,
                modified,
            },
            LibraryEvent::Preview { index, doc } => Event::Preview { index, doc },
            LibraryEvent::Described { index, meta, hash } => Event::Described { index, meta, hash },
            LibraryEvent::Hits(answer) => Event::Hits(answer),
            LibraryEvent::Indexed(update) => Event::Indexed(update),
            LibraryEvent::Analysing { index, done, of } => Event::Analysing { index, done, of },
            LibraryEvent::FilesChanged(changes) => Event::FilesChanged(changes),
            LibraryEvent::Rescanned(folders) => Event::Rescanned(folders),
            LibraryEvent::CacheDamaged(articles) => Event::CacheDamaged(articles),
        }
    }
}
