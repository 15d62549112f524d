//! Bookmarks in the app: making them from the reader, the list of all of them, marks in the
//! gutter. The store (I/O) is driven through `Effect`s; its state comes back as
//! `Event::Bookmarks`.

use super::input::{Input, Purpose};
use super::{App, Effect, Overlay};
use crate::action::Action;
use crate::bookmark::{Anchor, Bookmark, Located, Locator, content_hash};
use crate::library::Library;
use crate::search::fold_str;
use std::ops::Range;

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

#[derive(Debug, Clone, Default)]
pub struct BookmarkList {
    pub selected: usize,
    pub filter: String,
    /// Rows shown: newest first, filtered.
    pub rows: Vec<BookmarkRow>,
}

/// The article an anchor belongs to among those open: same path, else same content (moved),
/// else same file name (moved and edited).
pub fn resolve_article(library: &Library, anchor: &Anchor) -> Option<usize> {
    let arts = &library.articles;
    if let Some(i) = arts.iter().position(|a| a.entry.path == anchor.path) {
        return Some(i);
    }
    if let Some(i) = arts.iter().position(|a| {
        a.doc
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

fn locate_in(library: &Library, article: Option<usize>, anchor: &Anchor) -> Option<Range<usize>> {
    let doc = library.articles.get(article?)?.doc.as_ref()?;
    match Locator::new(&doc.text).locate(anchor) {
        Located::Exact(r) | Located::Moved(r) => Some(r),
        Located::Orphaned => None,
    }
}

fn first_words(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().take(n + 1).collect();
    let mut out = words.iter().take(n).copied().collect::<Vec<_>>().join(" ");
    if words.len() > n {
        out.push('…');
    }
    out
}

impl App {
    /// `b`: bookmark the selected lines, or the paragraph under the cursor.
    pub(super) fn bookmark_here(&mut self) -> Vec<Effect> {
        if let Some(why) = &self.bookmarks_read_only {
            self.message = Some(format!("bookmarks are read-only: {why}"));
            return Vec::new();
        }
        let (Some(reader), Some(i)) = (&mut self.reader, self.open) else {
            return Vec::new();
        };
        let range = match reader.selection {
            Some(_) => reader.selected_range(),
            None => reader.paragraph_range(reader.cursor),
        };
        reader.selection = None;
        let Some(range) = range.filter(|r| !r.is_empty()) else {
            self.message = Some("move the cursor to a paragraph to bookmark it".into());
            return Vec::new();
        };
        let doc = &reader.doc;
        let Some(article) = self.library.articles.get(i) else {
            return Vec::new();
        };
        let path = &article.entry.path;
        let bookmark = Bookmark::new(
            &doc.title,
            Anchor::new(path, &doc.text, range.start, range.end),
        );
        self.input = Some(Input::new(Purpose::Note(bookmark.id.clone()), ""));
        vec![Effect::AddBookmark(bookmark)]
    }

    /// `B`: the list of every bookmark.
    pub(super) fn open_bookmark_list(&mut self) {
        self.overlay = Some(Overlay::Bookmarks(BookmarkList::default()));
        self.filter_bookmarks("");
    }

    pub(super) fn filter_bookmarks(&mut self, filter: &str) {
        let needle = fold_str(filter);
        let mut all: Vec<&Bookmark> = self.bookmarks.iter().collect();
        all.sort_by(|a, b| b.created.cmp(&a.created).then(b.id.cmp(&a.id)));
        let rows: Vec<BookmarkRow> = all
            .into_iter()
            .filter(|b| {
                needle.is_empty()
                    || [&b.title, &b.note, &b.anchor.exact]
                        .iter()
                        .any(|t| fold_str(t).contains(&needle))
            })
            .map(|b| {
                let article = resolve_article(&self.library, &b.anchor);
                BookmarkRow {
                    id: b.id.clone(),
                    title: crate::document::collapse_spaces(&b.title),
                    quote: first_words(&b.anchor.exact, 12),
                    note: b.note.clone(),
                    date: b.created.chars().take(10).collect(),
                    range: locate_in(&self.library, article, &b.anchor),
                    article,
                }
            })
            .collect();
        if let Some(Overlay::Bookmarks(list)) = &mut self.overlay {
            list.filter = filter.to_string();
            list.selected = list.selected.min(rows.len().saturating_sub(1));
            list.rows = rows;
        }
    }

    /// Keys while the bookmark list is open.
    pub(super) fn bookmark_list_action(&mut self, action: Action) -> Vec<Effect> {
        let Some(Overlay::Bookmarks(list)) = &mut self.overlay else {
            return Vec::new();
        };
        let n = list.rows.len();
        let row = list.rows.get(list.selected).cloned();
        if super::list::move_selection(&mut list.selected, n, super::list::OVERLAY_PAGE, action) {
            return Vec::new();
        }
        match action {
            Action::Search => {
                let f = list.filter.clone();
                self.input = Some(Input::new(Purpose::BookmarkFilter, &f));
            }
            Action::Open => {
                if let Some(row) = row {
                    self.jump_to_bookmark(&row);
                }
            }
            Action::EditNote => {
                if let Some(row) = row {
                    self.input = Some(Input::new(Purpose::Note(row.id), &row.note));
                }
            }
            Action::Delete => {
                if let Some(row) = row {
                    return vec![Effect::DeleteBookmark(row.id)];
                }
            }
            Action::Undo => match self.undo.take() {
                Some(b) => return vec![Effect::AddBookmark(b)],
                None => self.message = Some("nothing to undo".into()),
            },
            Action::Cancel | Action::Bookmarks => self.overlay = None,
            Action::Quit => return self.quit_effects(),
            Action::Help => self.overlay = Some(Overlay::Help),
            _ => {}
        }
        Vec::new()
    }

    fn jump_to_bookmark(&mut self, row: &BookmarkRow) {
        let Some(article) = row.article else {
            self.message = Some("orphaned: its article is not among those open".into());
            return;
        };
        self.overlay = None;
        let loaded = self
            .library
            .articles
            .get(article)
            .is_some_and(|a| a.doc.is_some());
        match (&row.range, loaded) {
            (Some(r), _) => self.open_at(article, Some(r.start)),
            (None, true) => {
                self.message = Some("orphaned: the passage is no longer in its article".into());
                self.open_at(article, None);
            }
            (None, false) => self.open_at(article, None),
        }
    }

    /// The store's state after a change (or at start).
    pub(super) fn on_bookmarks(&mut self, list: Vec<Bookmark>, read_only: Option<String>) {
        self.bookmarks = list;
        self.bookmarks_read_only = read_only;
        self.refresh_marks();
        let filter = match &self.overlay {
            Some(Overlay::Bookmarks(l)) => Some(l.filter.clone()),
            _ => None,
        };
        if let Some(f) = filter {
            self.filter_bookmarks(&f);
        }
    }

    /// Recomputes which passages of the open article are bookmarked.
    pub(super) fn refresh_marks(&mut self) {
        let Some(i) = self.open else { return };
        let library = &self.library;
        let marks: Vec<Range<usize>> = self
            .bookmarks
            .iter()
            .filter(|b| resolve_article(library, &b.anchor) == Some(i))
            .filter_map(|b| locate_in(library, Some(i), &b.anchor))
            .collect();
        if let Some(r) = &mut self.reader {
            r.set_marks(marks);
        }
    }
}
