//! Bookmarks in the app: the store's list as last reported, making one from the reader, and
//! the marks in the gutter. The store (I/O) is driven through `Effect`s; its state comes back
//! as `Event::Bookmarks`. The list overlay is `overlay/bookmarks.rs`.

use super::input::{Input, Purpose};
use super::overlay::Overlay;
use super::{App, Effect};
use liseuse_library::Library;
use liseuse_library::bookmark::{Anchor, Bookmark, Located, Locator, content_hash};
use std::ops::Range;

/// The bookmarks as the store last reported them.
#[derive(Debug, Default)]
pub struct BookmarkState {
    pub all: Vec<Bookmark>,
    /// Why bookmarks cannot be changed in this session, if they cannot.
    pub read_only: Option<String>,
    /// The last deleted bookmark, for `u` in the list.
    pub undo: Option<Bookmark>,
    /// Bookmark changes only in memory, as the saver says (« not saved yet: waiting for
    /// another liseuse… »), shown until they are on disk.
    pub unsaved: Option<String>,
    /// The user asked to quit while changes waited: quit as soon as they are saved.
    pub quit_asked: bool,
}

/// One row of the bookmark list, located in the articles open now.
#[derive(Debug, Clone)]
pub struct BookmarkRow {
    pub id: String,
    pub title: String,
    pub quote: String,
    pub note: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The article holding it among those open, if any.
    pub article: Option<usize>,
    /// Where the passage is now; `None` when it could not be found (orphaned) or its article is
    /// not read yet.
    pub range: Option<Range<usize>>,
}

impl BookmarkRow {
    pub fn orphaned(&self, library: &Library) -> bool {
        match self.article {
            None => true,
            Some(i) => {
                self.range.is_none() && library.articles.get(i).is_some_and(|a| a.doc.is_some())
            }
        }
    }
}

/// The article an anchor belongs to among those open: same path, else same content (moved),
/// else same file name (moved and edited).
pub fn resolve_article(library: &Library, anchor: &Anchor) -> Option<usize> {
    let arts = &library.articles;
    if let Some(i) = arts.iter().position(|a| a.entry.path == anchor.path) {
        return Some(i);
    }
    if let Some(i) = arts.iter().position(|a| {
        a.meta
            .as_ref()
            .is_some_and(|m| m.text_hash == anchor.content_hash)
            || a.doc
                .as_ref()
                .is_some_and(|d| content_hash(&d.text) == anchor.content_hash)
    }) {
        return Some(i);
    }
    let name = anchor
        .path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(&anchor.path);
    arts.iter().position(|a| a.entry.name == name)
}

pub(super) fn locate_in(
    library: &Library,
    article: Option<usize>,
    anchor: &Anchor,
) -> Option<Range<usize>> {
    let doc = library.articles.get(article?)?.doc.as_ref()?;
    match Locator::new(&doc.text).locate(anchor) {
        Located::Exact(r) | Located::Moved(r) => Some(r),
        Located::Orphaned => None,
    }
}

pub(super) fn first_words(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().take(n + 1).collect();
    let mut out = words.iter().take(n).copied().collect::<Vec<_>>().join(" ");
    if words.len() > n {
        out.push('…');
    }
    out
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
        let same = self.bookmarks.all.iter().find(|b| {
            b.anchor.exact == anchor.exact
                && resolve_article(library, &b.anchor) == Some(i)
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

    /// A change to the bookmarks: made in the list on screen at once, and handed to the
    /// store, whose report brings the list as saved (with other processes' changes) later.
    pub(super) fn change_bookmarks(&mut self, change: Effect, fx: &mut Vec<Effect>) {
        let all = &mut self.bookmarks.all;
        match &change {
            Effect::AddBookmark(b) => {
                all.retain(|x| x.id != b.id);
                all.push(b.clone());
            }
            Effect::DeleteBookmark(id) => {
                if let Some(i) = all.iter().position(|x| &x.id == id) {
                    self.bookmarks.undo = Some(all.remove(i));
                }
            }
            Effect::SetNote(id, note) => {
                if let Some(b) = all.iter_mut().find(|x| &x.id == id) {
                    b.note = note.clone();
                }
            }
            _ => {}
        }
        self.refresh_marks();
        if let Some(Overlay::Bookmarks(l)) = &mut self.overlay {
            l.refresh(&self.bookmarks.all, &self.library);
        }
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
        if let Some(list) = report.bookmarks {
            self.on_bookmarks(list, report.read_only);
        } else {
            self.bookmarks.read_only = report.read_only;
        }
        if let Some(m) = message {
            self.status.say(m);
        }
        if self.bookmarks.quit_asked && self.bookmarks.unsaved.is_none() {
            // What waited is on disk: the quit asked for goes ahead.
            self.quit(fx);
        }
    }

    /// The store's state after a change (or at start).
    pub(super) fn on_bookmarks(&mut self, list: Vec<Bookmark>, read_only: Option<String>) {
        self.bookmarks.all = list;
        self.bookmarks.read_only = read_only;
        self.refresh_marks();
        if let Some(Overlay::Bookmarks(l)) = &mut self.overlay {
            l.refresh(&self.bookmarks.all, &self.library);
        }
    }

    /// Recomputes which passages of the open article are bookmarked.
    pub(super) fn refresh_marks(&mut self) {
        let Some(i) = self.reading.open else { return };
        let library = &self.library;
        let marks: Vec<Range<usize>> = self
            .bookmarks
            .all
            .iter()
            .filter(|b| resolve_article(library, &b.anchor) == Some(i))
            .filter_map(|b| locate_in(library, Some(i), &b.anchor))
            .collect();
        if let Some(r) = &mut self.reading.reader {
            r.set_marks(marks);
        }
    }
}
