//! The list of every bookmark (`B`): newest first, filtered as you type (`/`), with the note
//! edited (`e`), the bookmark deleted (`d`) and the delete undone (`u`), and Enter jumping to
//! the passage.

use super::super::bookmarks::{BookmarkRow, first_words, locate_in, resolve_article};
use super::super::input::{Input, Purpose};
use super::super::list::{OVERLAY_PAGE, move_selection};
use super::super::{App, Effect};
use super::{HelpView, Overlay};
use crate::keys::action::Action;
use liseuse_document::search::fold_str;
use liseuse_library::Library;
use liseuse_library::bookmark::Bookmark;

#[derive(Debug, Clone, Default)]
pub struct BookmarkList {
    pub selected: usize,
    pub filter: String,
    /// Rows shown: newest first, filtered.
    pub rows: Vec<BookmarkRow>,
}

impl BookmarkList {
    pub fn new(all: &[Bookmark], library: &Library) -> BookmarkList {
        let mut list = BookmarkList::default();
        list.refresh(all, library);
        list
    }

    /// The rows again, for the bookmarks as they are now and the filter as typed.
    pub fn refresh(&mut self, all: &[Bookmark], library: &Library) {
        let needle = fold_str(&self.filter);
        let mut sorted: Vec<&Bookmark> = all.iter().collect();
        sorted.sort_by(|a, b| b.created.cmp(&a.created).then(b.id.cmp(&a.id)));
        self.rows = sorted
            .into_iter()
            .filter(|b| {
                needle.is_empty()
                    || [&b.title, &b.note, &b.anchor.exact]
                        .iter()
                        .any(|t| fold_str(t).contains(&needle))
            })
            .map(|b| {
                let article = resolve_article(library, &b.anchor);
                BookmarkRow {
                    id: b.id.clone(),
                    title: liseuse_document::collapse_spaces(&b.title),
                    quote: first_words(&b.anchor.exact, 12),
                    note: b.note.clone(),
                    date: b.created.chars().take(10).collect(),
                    range: locate_in(library, article, &b.anchor),
                    article,
                }
            })
            .collect();
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }
}

impl App {
    /// `B`: the list of every bookmark.
    pub(crate) fn open_bookmark_list(&mut self) {
        self.overlay = Some(Overlay::Bookmarks(BookmarkList::new(
            &self.bookmarks.all(),
            &self.library,
        )));
    }

    pub(crate) fn filter_bookmarks(&mut self, filter: &str) {
        if let Some(Overlay::Bookmarks(list)) = &mut self.overlay {
            list.filter = filter.to_string();
            list.refresh(&self.bookmarks.all(), &self.library);
        }
    }

    pub(super) fn bookmark_list_action(
        &mut self,
        action: Action,
        count: usize,
        fx: &mut Vec<Effect>,
    ) {
        let Some(Overlay::Bookmarks(list)) = &mut self.overlay else {
            return;
        };
        let n = list.rows.len();
        let row = list.rows.get(list.selected).cloned();
        if move_selection(&mut list.selected, n, OVERLAY_PAGE, action, count) {
            return;
        }
        match action {
            Action::Search => {
                let f = list.filter.clone();
                self.input = Some(Input::new(Purpose::BookmarkFilter, &f));
            }
            Action::Open => {
                if let Some(row) = row {
                    self.jump_to_bookmark(&row, fx);
                }
            }
            Action::EditNote => {
                if let Some(row) = row {
                    self.input = Some(Input::new(Purpose::Note(row.id), &row.note));
                }
            }
            Action::Delete => {
                if let Some(row) = row {
                    self.change_bookmarks(Effect::DeleteBookmark(row.id), fx);
                }
            }
            Action::Undo => match self.bookmarks.undo.take() {
                Some(b) => self.change_bookmarks(Effect::AddBookmark(b), fx),
                None => self.status.say("nothing to undo"),
            },
            Action::Cancel | Action::Bookmarks => self.overlay = None,
            Action::Quit => self.quit(fx),
            Action::Help => self.overlay = Some(Overlay::Help(HelpView::default())),
            Action::Redraw => fx.push(Effect::Redraw),
            _ => {}
        }
    }

    fn jump_to_bookmark(&mut self, row: &BookmarkRow, fx: &mut Vec<Effect>) {
        let Some(article) = row.article else {
            self.status
                .say("orphaned: its article is not among those open");
            return;
        };
        self.overlay = None;
        let loaded = self
            .library
            .articles
            .get(article)
            .is_some_and(|a| a.doc.is_some());
        match (&row.range, loaded) {
            (Some(r), _) => self.open_at(article, Some(r.start), fx),
            (None, true) => {
                self.status
                    .say("orphaned: the passage is no longer in its article");
                self.open_at(article, None, fx);
            }
            (None, false) => self.open_at(article, None, fx),
        }
    }
}
