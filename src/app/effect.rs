//! What `update` asks the runtime to do: everything that touches the disk, the terminal or
//! another thread. `update` pushes these onto a list it is given, so none is ever dropped.

use liseuse_library::Entry;
use liseuse_library::bookmark::Bookmark;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub enum Effect {
    Quit,
    /// Leave because of a signal: the process exits with 128 + its number.
    QuitBySignal(i32),
    /// Give the terminal back and stop the process until it is continued.
    Suspend,
    /// The terminal may show something else than the last frame: clear it and draw again.
    Redraw,
    AddBookmark(Bookmark),
    DeleteBookmark(String),
    SetNote(String, String),
    /// Check (again) these articles against the cache, or read and index them, in the
    /// background: `Event::Described` follows for each.
    Load(Vec<(usize, std::sync::Arc<Entry>)>),
    /// Read these articles' texts to show them (opened, or drawn in a list): `Event::Loaded`
    /// follows for each.
    Read(Vec<(usize, Entry)>),
    /// The walk has listed every article, each loaded: the loader may tell the library as
    /// saved from one that shrank.
    Walked,
    /// Every article's entities are known: keep them in the cache.
    SaveCache,
    /// A removed article's names leave the corpus index.
    Forget(usize),
    /// Remember where the reader is in an article: the top line's and the cursor line's
    /// byte offsets.
    SavePosition {
        path: String,
        top: usize,
        cursor: usize,
        hash: String,
    },
    /// Keep this correction to the entity engine (in the data dir).
    Correct(liseuse_library::corrections::Correction),
    /// Take back the newest correction.
    UndoCorrection,
    /// These corrections hold now: every index is shown with them.
    ApplyCorrections(Vec<liseuse_library::corrections::Correction>),
    /// The article at this path was opened: keep it as read.
    MarkRead(String),
    /// Fetch the subscribed feeds' new articles into the library, in the background; not
    /// `asked` (at start), nothing at all is done without a subscription.
    FetchFeeds {
        asked: bool,
    },
    /// Fetch these pages (http or https addresses, normalised) into the library; the run's
    /// events come back as `Event::Fetch(FetchRun::Pages(run), …)`.
    FetchPages {
        run: u32,
        urls: Vec<String>,
    },
    /// Open this http or https address in the web browser, detached from the terminal.
    Browse(String),
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// A snapshot of the bookmarks no longer needed: freed beside the loop (freeing 100,000
    /// bookmarks took the loop a second, issue 24.9).
    Release(Arc<liseuse_library::bookmark::BookmarkSet>),
    /// Search every article for `query`, off the event loop; `Event::Hits` with the same
    /// `generation` brings the results, as they come.
    SearchCorpus {
        generation: u64,
        query: String,
        /// The library's folders: an article the walk has not listed yet may be found there.
        roots: std::sync::Arc<[std::path::PathBuf]>,
    },
}

impl Effect {
    pub fn is_quit(&self) -> bool {
        matches!(self, Effect::Quit)
    }
}
