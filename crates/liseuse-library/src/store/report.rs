//! What the event loop asks of the [`super::Saver`] and what it hears back: plain values, so
//! the loop turns them into its own events and the store knows nothing of the app.

use std::sync::Arc;

use crate::bookmark::{Bookmark, BookmarkSet};

/// A change for the saver to make and keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreCommand {
    /// Adds a bookmark, or replaces the one with the same id (undoing a delete re-adds it).
    AddBookmark(Bookmark),
    /// Deletes the bookmark with this id.
    DeleteBookmark(String),
    /// Sets the note of a bookmark.
    SetNote {
        /// The bookmark's id.
        id: String,
        /// Its new note.
        note: String,
    },
    /// Where the reader is in an article (`top`, `cursor`: byte offsets of the top line and
    /// the cursor's line in the text whose hash is `hash`); that article becomes the last one
    /// open.
    SavePosition {
        /// The article's path.
        path: String,
        /// Byte offset of the top line.
        top: usize,
        /// Byte offset of the cursor's line.
        cursor: usize,
        /// The hash of the text the offsets belong to.
        hash: String,
    },
    /// The article at this path was opened: it is read (kept with the positions).
    MarkRead(String),
}

/// Which file an outcome is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// `bookmarks.json`.
    Bookmarks,
    /// `positions.json`.
    Positions,
}

/// What happened, one report per event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A bookmark was added, in memory at once; a `Saved` follows once it is on disk.
    Added(String),
    /// A bookmark was deleted (here it is, for undo).
    Deleted(Box<Bookmark>),
    /// A note was set on the bookmark with this id.
    NoteSet(String),
    /// A delete or a note for a bookmark that is not there (deleted by another liseuse).
    NotFound(String),
    /// The file is read-only this session (damaged, unreadable, newer, a link to nothing):
    /// the change was refused, or pending changes will never be written. The reason is one line.
    Refused {
        /// The file.
        kept: Kept,
        /// Why, in one line.
        reason: String,
    },
    /// Everything pending for that file is on disk.
    Saved(Kept),
    /// Everything pending is on disk after a wait or a failure that was reported.
    Recovered(Kept),
    /// Another process holds the file's lock: the changes wait in memory, retried shortly.
    Waiting(Kept),
    /// The save failed (full disk, no permission…): the changes wait in memory and the save is
    /// retried, sooner when another change comes. The reason is one line.
    Failed {
        /// The file.
        kept: Kept,
        /// Why, in one line.
        reason: String,
    },
}

/// What is only in memory. Readable at any time through [`super::Saver::pending`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pending {
    /// Bookmark changes not on disk yet.
    pub bookmarks: usize,
    /// Reading positions not on disk yet (one per article, and the last article open).
    pub positions: usize,
    /// The saver waits for another process to release a lock.
    pub waiting: bool,
    /// Why the last save failed, while changes wait (one line).
    pub error: Option<String>,
}

impl Pending {
    /// Whether nothing waits.
    pub fn is_empty(&self) -> bool {
        self.bookmarks == 0 && self.positions == 0
    }

    /// One line for the status bar while bookmark changes wait, `None` when none do.
    pub fn describe(&self) -> Option<String> {
        if self.bookmarks == 0 {
            return None;
        }
        let n = self.bookmarks;
        let changes = liseuse_document::plural::counted(n, "bookmark change", "bookmark changes");
        Some(match (&self.error, self.waiting) {
            (_, true) => {
                format!("not saved yet: waiting for another liseuse ({changes} kept in memory)")
            }
            (Some(why), false) => {
                format!("not saved yet ({changes} kept in memory, retrying): {why}")
            }
            (None, false) => format!("saving {changes}…"),
        })
    }
}

/// One report to the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreReport {
    /// What happened.
    pub outcome: Outcome,
    /// The bookmarks as they are now (the file, with this process's pending changes on top),
    /// when they may have changed: after a command, and after a save that re-read the file.
    /// Built and indexed on the saver's thread, so that the loop only takes it in.
    pub bookmarks: Option<Arc<BookmarkSet>>,
    /// How many bookmark commands the saver has taken in so far (they are in `bookmarks`):
    /// the loop knows which of its changes the list holds.
    pub applied: u64,
    /// Why bookmark changes are not saved this session, if they are not.
    pub read_only: Option<String>,
    /// What is only in memory after this event.
    pub pending: Pending,
}

impl StoreReport {
    /// What the status bar should say about it, if anything.
    pub fn message(&self) -> Option<String> {
        match &self.outcome {
            Outcome::Added(_) => Some(String::from("bookmarked")),
            Outcome::Deleted(_) => Some(String::from("bookmark deleted (u undoes)")),
            Outcome::NoteSet(_) | Outcome::Saved(_) => None,
            Outcome::NotFound(_) => Some(String::from(
                "that bookmark is gone (deleted by another liseuse?)",
            )),
            Outcome::Refused {
                kept: Kept::Bookmarks,
                reason,
            } => Some(format!("not saved: {reason}")),
            Outcome::Refused {
                kept: Kept::Positions,
                reason,
            } => Some(format!("reading positions not saved: {reason}")),
            Outcome::Recovered(Kept::Bookmarks) => Some(String::from("bookmarks saved")),
            Outcome::Recovered(Kept::Positions) => None,
            Outcome::Waiting(Kept::Bookmarks)
            | Outcome::Failed {
                kept: Kept::Bookmarks,
                ..
            } => self.pending.describe(),
            Outcome::Waiting(Kept::Positions) => None,
            Outcome::Failed {
                kept: Kept::Positions,
                reason,
            } => Some(format!(
                "reading positions not saved yet (retrying): {reason}"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pending_says_why_bookmarks_wait() {
        let mut p = Pending::default();
        assert!(p.is_empty() && p.describe().is_none());
        p.positions = 2;
        assert!(
            !p.is_empty() && p.describe().is_none(),
            "positions are not worth a line"
        );
        p.bookmarks = 1;
        p.waiting = true;
        let line = p.describe().unwrap_or_default();
        assert!(
            line.contains("not saved yet: waiting for another liseuse"),
            "{line}"
        );
        assert!(line.contains("1 bookmark change kept"), "{line}");
        p.waiting = false;
        p.bookmarks = 3;
        p.error = Some(String::from("could not write b.json: the disk is full"));
        let line = p.describe().unwrap_or_default();
        assert!(
            line.contains("3 bookmark changes") && line.contains("disk is full"),
            "{line}"
        );
    }
}
