//! Bookmarks in the app: the store's list as last reported, making one from the reader, and
//! the marks in the gutter. The store (I/O) is driven through `Effect`s; its state comes back
//! as `Event::Store` (`Event::Bookmarks` at start). The list overlay is `overlay/bookmarks.rs`.
//!
//! Nothing here costs the number of bookmarks for a key (issue 24.9): the store's list comes
//! as a [`BookmarkSet`] built and indexed beside the loop and shared (`Arc`), the changes made
//! since its last report are kept apart ([`BookmarkState::local`]) rather than copied into it,
//! and an article's bookmarks are found through the set's indexes.

use super::input::{Input, Purpose};
use super::overlay::Overlay;
use super::{App, Effect};
use liseuse_library::Library;
use liseuse_library::bookmark::{Anchor, Bookmark, BookmarkSet, content_hash, file_name_of};
use std::ops::Range;
use std::sync::Arc;

mod placing;
pub use placing::{BookmarkRow, resolve_article};
pub(in crate::app) use placing::{first_words, locate_in};

/// A change made here that the store's last report may not hold yet.
#[derive(Debug, Clone)]
pub enum Change {
    Add(Bookmark),
    Delete(String),
    Note(String, String),
}

/// The bookmarks as the store last reported them, and what was changed here since.
#[derive(Debug, Default)]
pub struct BookmarkState {
    /// The store's bookmarks, as its last report had them (built beside the loop, shared).
    pub saved: Arc<BookmarkSet>,
    /// Changes handed to the store that its last report does not hold yet, oldest first, each
    /// with its number among those sent.
    pub local: Vec<(u64, Change)>,
    /// Bookmark changes handed to the store so far.
    pub sent: u64,
    /// Of those, how many the store has taken in (as its reports say).
    pub applied: u64,
    /// Why bookmarks cannot be changed in this session, if they cannot.
    pub read_only: Option<String>,
    /// The last deleted bookmark, for `u` in the list.
    pub undo: Option<Bookmark>,
    /// Bookmark changes only in memory, as the saver says (« not saved yet: waiting for
    /// another liseuse… »), shown until they are on disk.
    pub unsaved: Option<String>,
    /// Bookmark changes the store has not written yet, as its last report says.
    pub pending: usize,
    /// The user asked to quit while changes waited: quit as soon as they are saved.
    pub quit_asked: bool,
}

impl BookmarkState {
    /// The bookmark `id` as the changes made here since the store's report leave it, from
    /// what that report has (`start`).
    fn fold(&self, id: &str, start: Option<&Bookmark>) -> Option<Bookmark> {
        let mut now = start.cloned();
        for (_, c) in &self.local {
            match c {
                Change::Delete(x) if x == id => now = None,
                Change::Note(x, note) if x == id => {
                    if let Some(b) = &mut now {
                        b.note.clone_from(note);
                    }
                }
                Change::Add(b) if b.id == id => now = Some(b.clone()),
                _ => {}
            }
        }
        now
    }

    /// Bookmarks added here that the store's last report does not hold, as they are now.
    fn added(&self) -> Vec<Bookmark> {
        let mut ids: Vec<&str> = Vec::new();
        for (_, c) in &self.local {
            if let Change::Add(b) = c
                && self.saved.get(&b.id).is_none()
                && !ids.contains(&b.id.as_str())
            {
                ids.push(&b.id);
            }
        }
        ids.into_iter()
            .filter_map(|id| self.fold(id, None))
            .collect()
    }

    /// The bookmark with this id, as it is now.
    pub fn get(&self, id: &str) -> Option<Bookmark> {
        self.fold(id, self.saved.get(id))
    }

    /// Every bookmark as it is now: what the list of all bookmarks (`B`) shows. The only walk
    /// of them all.
    pub fn all(&self) -> Vec<Bookmark> {
        let mut all: Vec<Bookmark> = match self.local.is_empty() {
            true => self.saved.all().to_vec(),
            false => self
                .saved
                .all()
                .iter()
                .filter_map(|b| self.fold(&b.id, Some(b)))
                .collect(),
        };
        all.extend(self.added());
        all
    }

    /// The bookmarks of article `i` (its text's hash `hash`): found through the set's
    /// indexes, whatever the number of bookmarks.
    pub fn of_article(&self, library: &Library, i: usize, hash: &str) -> Vec<Bookmark> {
        let Some(a) = library.articles.get(i) else {
            return Vec::new();
        };
        let (path, name) = (a.entry.path.as_str(), a.entry.name.as_str());
        let mut found: Vec<Bookmark> = self
            .saved
            .candidates(path, hash, name)
            .filter_map(|b| self.fold(&b.id, Some(b)))
            .collect();
        found.extend(self.added().into_iter().filter(|b| {
            b.anchor.path == path
                || b.anchor.content_hash == hash
                || file_name_of(&b.anchor.path) == name
        }));
        found.retain(|b| resolve_article(library, &b.anchor) == Some(i));
        found
    }
}

impl App {
    /// `b`: bookmark the selected lines, or the paragraph under the cursor. A passage already
    /// kept is not kept twice: its note opens instead.
    pub(super) fn bookmark_here(&mut self, fx: &mut Vec<Effect>) {
        if let Some(why) = &self.bookmarks.read_only {
            self.status.say(format!("bookmarks are read-only: {why}"));
            return;
        }
        let (Some(reader), Some(i)) = (&mut self.reading.reader, self.reading.open) else {
            return;
        };
        let range = match reader.selection {
            Some(_) => reader.selected_range(),
            None => reader.paragraph_range(reader.cursor),
        };
        reader.selection = None;
        let Some(range) = range.filter(|r| !r.is_empty()) else {
            self.status
                .say("move the cursor to a paragraph to bookmark it");
            return;
        };
        let doc = &reader.doc;
        let Some(article) = self.library.articles.get(i) else {
            return;
        };
        let path = &article.entry.path;
        let anchor = Anchor::new(path, &doc.text, range.start, range.end);
        let library = &self.library;
        let mine = self.bookmarks.of_article(library, i, &anchor.content_hash);
        let same = mine.iter().find(|b| {
            b.anchor.exact == anchor.exact
                && locate_in(library, Some(i), &b.anchor) == Some(range.clone())
        });
        if let Some(b) = same {
            self.status
                .say("already bookmarked: edit its note (Enter saves, Esc leaves it)");
            self.input = Some(Input::new(Purpose::Note(b.id.clone()), &b.note));
            return;
        }
        let bookmark = Bookmark::new(&doc.title, anchor);
        self.input = Some(Input::new(Purpose::Note(bookmark.id.clone()), ""));
        self.change_bookmarks(Effect::AddBookmark(bookmark), fx);
    }

    /// A change to the bookmarks: shown at once (kept apart until the store's report holds
    /// it), and handed to the store, whose report brings the list as saved (with other
    /// processes' changes) later.
    pub(super) fn change_bookmarks(&mut self, change: Effect, fx: &mut Vec<Effect>) {
        let local = match &change {
            Effect::AddBookmark(b) => Change::Add(b.clone()),
            Effect::DeleteBookmark(id) => {
                if let Some(b) = self.bookmarks.get(id) {
                    self.bookmarks.undo = Some(b);
                }
                Change::Delete(id.clone())
            }
            Effect::SetNote(id, note) => Change::Note(id.clone(), note.clone()),
            _ => return fx.push(change),
        };
        self.bookmarks.sent += 1;
        let n = self.bookmarks.sent;
        self.bookmarks.local.push((n, local));
        self.refresh_marks();
        self.refresh_bookmark_list();
        fx.push(change);
    }

    /// What the saver did: the list as it is now, what to say, what still waits.
    pub(super) fn on_store(
        &mut self,
        report: liseuse_library::store::StoreReport,
        fx: &mut Vec<Effect>,
    ) {
        use liseuse_library::store::Outcome;
        if let Outcome::Deleted(b) = &report.outcome {
            self.bookmarks.undo = Some((**b).clone());
        }
        let message = report.message();
        // A save under way is no worry; one waiting for a lock or retrying after a failure is.
        let stuck = report.pending.waiting || report.pending.error.is_some();
        self.bookmarks.unsaved = report.pending.describe().filter(|_| stuck);
        self.bookmarks.pending = report.pending.bookmarks;
        self.bookmarks.applied = report.applied;
        self.bookmarks.read_only = report.read_only;
        if let Some(set) = report.bookmarks {
            let old = std::mem::replace(&mut self.bookmarks.saved, set);
            fx.push(Effect::Release(old));
            let applied = report.applied;
            self.bookmarks.local.retain(|(n, _)| *n > applied);
            self.refresh_marks();
            self.refresh_bookmark_list();
        }
        // While a quit waits, what the saver says keeps the way to quit anyway in sight.
        let message = match self.bookmarks.quit_asked && !self.all_saved() {
            true => message.map(|_| self.quit_waits()),
            false => message,
        };
        if let Some(m) = message {
            self.status.say(m);
        }
        if self.bookmarks.quit_asked && self.all_saved() {
            // What waited is on disk: the quit asked for goes ahead.
            self.quit(fx);
        }
    }

    /// Every bookmark change made here is on disk: the store has taken them all in and has
    /// none left to write.
    pub fn all_saved(&self) -> bool {
        self.bookmarks.applied >= self.bookmarks.sent && self.bookmarks.pending == 0
    }

    /// The store's state (at start, or when there is no store): all of it.
    pub(super) fn on_bookmarks(&mut self, set: Arc<BookmarkSet>, read_only: Option<String>) {
        self.bookmarks.saved = set;
        self.bookmarks.local.clear();
        self.bookmarks.applied = self.bookmarks.sent;
        self.bookmarks.read_only = read_only;
        self.refresh_marks();
        self.refresh_bookmark_list();
    }

    /// The list of every bookmark, if open, as they are now.
    pub(super) fn refresh_bookmark_list(&mut self) {
        if let Some(Overlay::Bookmarks(l)) = &mut self.overlay {
            l.refresh(&self.bookmarks.all(), &self.library);
        }
    }

    /// Recomputes which passages of the open article are bookmarked.
    pub(super) fn refresh_marks(&mut self) {
        let Some(i) = self.reading.open else { return };
        let Some(reader) = &self.reading.reader else {
            return;
        };
        let library = &self.library;
        let hash = content_hash(&reader.doc.text);
        let marks: Vec<Range<usize>> = self
            .bookmarks
            .of_article(library, i, &hash)
            .iter()
            .filter_map(|b| locate_in(library, Some(i), &b.anchor))
            .collect();
        if let Some(r) = &mut self.reading.reader {
            r.set_marks(marks);
        }
    }
}

#[cfg(test)]
#[path = "bookmarks_tests.rs"]
mod tests;
