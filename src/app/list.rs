//! The file list: its selection, its scroll, its filter (`/` with the list in focus keeps the
//! articles whose title or source matches), its order (`S`: by path or by date) and what was
//! read (`U` opens the next unread article). It shows `library.order()`, or its own rows
//! (`list_view.rs`); `selected` is an article index, so the selection stays on its article
//! when rows are added or removed above it.

pub use super::list_view::Sort;
use super::{App, Effect};
use crate::keys::action::Action;
use std::collections::HashSet;

/// Moves a list selection for a movement action (`Down`, `PageUp`, `Top`…) over `n` items,
/// `page` at a time, `count` times; returns false for any other action. Shared by the file
/// list and every overlay list.
pub(super) fn move_selection(
    selected: &mut usize,
    n: usize,
    page: usize,
    action: Action,
    count: usize,
) -> bool {
    let last = n.saturating_sub(1);
    let half = (page / 2).max(1);
    let by = |step: usize| step.saturating_mul(count.max(1));
    *selected = match action {
        Action::Down => selected.saturating_add(by(1)).min(last),
        Action::Up => selected.saturating_sub(by(1)),
        Action::PageDown => selected.saturating_add(by(page)).min(last),
        Action::PageUp => selected.saturating_sub(by(page)),
        Action::HalfPageDown => selected.saturating_add(by(half)).min(last),
        Action::HalfPageUp => selected.saturating_sub(by(half)),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return false,
    };
    true
}

/// Rows an overlay list moves by with PageUp / PageDown.
pub(super) const OVERLAY_PAGE: usize = 10;

/// `n` / `N` in a walk across articles (`F`'s hits, `"`'s quotations) of `n` items in list
/// order: from item `at` while the cursor is still on its line, else from `after`, the first
/// item at or after the cursor. The item gone to, and whether it went round.
pub(super) fn step_walk(
    n: usize,
    at: usize,
    on_line: bool,
    after: impl FnOnce() -> usize,
    forward: bool,
) -> (usize, bool) {
    if on_line {
        return match forward {
            true => ((at + 1) % n, at + 1 == n),
            false => ((at + n - 1) % n, at == 0),
        };
    }
    let after = after();
    match forward {
        true => (after % n, after == n),
        false => ((after + n - 1) % n, after == 0),
    }
}

impl App {
    /// Where a walk across articles goes on from: the open article's row in the library and
    /// the byte range of the cursor's line.
    pub(super) fn walk_origin(&self) -> (usize, Option<std::ops::Range<usize>>) {
        let row = (self.reading.open)
            .and_then(|o| self.library.row_of(o))
            .unwrap_or(0);
        (row, self.reader().and_then(|r| r.line_range(r.cursor)))
    }
}

#[derive(Debug, Default, Clone)]
pub struct FileList {
    /// The selected article (an index, not a row).
    pub selected: usize,
    /// First row of the list on screen.
    pub top: usize,
    /// The filter, as typed.
    pub filter: String,
    /// The order (see `list_view.rs`).
    pub sort: Sort,
    /// The articles read (opened at least once, in this session or before), by path as
    /// positions and bookmarks are kept.
    pub read: HashSet<String>,
    /// By date: each article's date key, by article index (empty by path).
    pub(super) dates: Vec<Option<i32>>,
    /// The list narrowed to the articles naming an entity, or to the unread ones
    /// (`list_narrow.rs`).
    pub narrow: Option<super::list_narrow::Narrow>,
    /// The articles shown, in order, when a filter or the date order is set; `None`: the
    /// library's order, all of it.
    pub(super) view: Option<Vec<usize>>,
}

impl FileList {
    pub fn new(selected: usize) -> FileList {
        FileList {
            selected,
            ..FileList::default()
        }
    }

    /// Whether the list has rows of its own (a filter or the date order), which follow the
    /// library's changes.
    pub fn has_view(&self) -> bool {
        self.view.is_some()
    }

    /// Whether the article at `path` was never opened.
    pub fn is_unread(&self, path: &str) -> bool {
        !self.read.contains(path)
    }
}

impl App {
    /// File list rows per article: the title, then date and who the article is about.
    pub const LIST_ITEM_ROWS: usize = 2;

    fn list_page(&self) -> usize {
        self.geometry()
            .map_or(1, |g| (g.list_rows() / Self::LIST_ITEM_ROWS).max(1))
    }

    /// The selected article's row in the list (the first row if it is not shown).
    pub fn selected_row(&self) -> usize {
        self.list
            .row_of(&self.library, self.list.selected)
            .unwrap_or(0)
    }

    /// The number of rows the list shows.
    pub fn list_len(&self) -> usize {
        self.list.rows(&self.library).len()
    }

    pub(super) fn move_list(&mut self, action: Action, count: usize) {
        let n = self.list_len();
        if n == 0 {
            return;
        }
        let page = self.list_page();
        let mut row = self.selected_row();
        move_selection(&mut row, n, page, action, count);
        if let Some(i) = self.list.at_row(&self.library, row) {
            self.list.selected = i;
        }
        self.scroll_list();
    }

    /// Keeps the selected article in view, and the list no further down than its end needs.
    /// A list not shown (the reader alone) keeps its scroll: scrolled to a one-row page, it
    /// would come back with the articles above the selection out of view for nothing.
    pub(super) fn scroll_list(&mut self) {
        if self.geometry().is_none_or(|g| g.list.is_none()) {
            return;
        }
        let page = self.list_page();
        let row = self.selected_row();
        if row < self.list.top {
            self.list.top = row;
        } else if row >= self.list.top + page {
            self.list.top = row + 1 - page;
        }
        let last_top = self.list_len().saturating_sub(page);
        self.list.top = self.list.top.min(last_top);
    }

    /// How far below the list's top the selected article is: rows added or removed above it
    /// should not move it on screen (see [`App::keep_list_anchor`]).
    pub(super) fn list_anchor(&self) -> usize {
        self.selected_row().saturating_sub(self.list.top)
    }

    /// Scrolls the list so the selected article is `anchor` rows below its top again, then
    /// keeps it in view; but never past its end, which would hide rows above for nothing.
    pub(super) fn keep_list_anchor(&mut self, anchor: usize) {
        let last_top = self.list_len().saturating_sub(self.list_page());
        self.list.top = self.selected_row().saturating_sub(anchor).min(last_top);
        self.scroll_list();
    }

    /// Typing in the list's filter: the selection moves to the first match when its own
    /// article no longer matches.
    pub(super) fn filter_list(&mut self, filter: &str) {
        self.list.set_filter(&self.library, filter);
        self.list_refiltered();
    }

    /// The list's rows were made again by a filter: the selection stays if still shown, else
    /// goes to the first row, and the list is seen from its top.
    pub(super) fn list_refiltered(&mut self) {
        if self
            .list
            .row_of(&self.library, self.list.selected)
            .is_none()
            && let Some(first) = self.list.at_row(&self.library, 0)
        {
            self.list.selected = first;
        }
        self.list.top = 0;
        self.scroll_list();
    }

    /// `]` / `[` (and `:n` / `:p`): the next or previous article of the list, `count` away.
    pub(super) fn step_article(&mut self, forward: bool, count: usize, fx: &mut Vec<Effect>) {
        let n = self.list_len();
        let from = self
            .reading
            .open
            .and_then(|o| self.list.row_of(&self.library, o))
            .unwrap_or_else(|| self.selected_row());
        let count = count.max(1);
        let to = if forward {
            from.saturating_add(count)
        } else {
            from.saturating_sub(count)
        };
        if (forward && from + 1 >= n) || (!forward && from == 0) {
            self.status.say(if forward {
                "the last article of the list"
            } else {
                "the first article of the list"
            });
            return;
        }
        if let Some(i) = self.list.at_row(&self.library, to.min(n.saturating_sub(1))) {
            self.list.selected = i;
            self.open_article(i, None, fx);
            self.scroll_list();
        }
    }
}

impl App {
    /// Article `index` was opened: it is read from now on, and kept so.
    pub(super) fn mark_read(&mut self, index: usize, fx: &mut Vec<Effect>) {
        let Some(a) = self.library.articles.get(index) else {
            return;
        };
        if self.list.read.insert(a.entry.path.clone()) {
            fx.push(Effect::MarkRead(a.entry.path.clone()));
        }
    }

    /// `U`: the next article of the list never opened, after the one open (or from the one
    /// selected), round to the top; one pass over the rows at most.
    pub(super) fn next_unread(&mut self, fx: &mut Vec<Effect>) {
        let rows = self.list.rows(&self.library);
        let n = rows.len();
        let open_row = self
            .reading
            .open
            .and_then(|o| self.list.row_of(&self.library, o));
        let (from, skip) = match open_row {
            Some(r) => (r, 1),
            None => (self.selected_row(), 0),
        };
        let unread = |i: usize| {
            self.library.articles.get(i).is_some_and(|a| {
                !a.removed && a.error.is_none() && self.list.is_unread(&a.entry.path)
            })
        };
        let found = (skip..n + skip)
            .filter_map(|k| rows.get((from + k) % n.max(1)).copied())
            .find(|&i| unread(i));
        match found {
            Some(i) => {
                self.list.selected = i;
                self.open_article(i, None, fx);
                self.scroll_list();
            }
            None => self.status.say("every article of the list has been read"),
        }
    }

    /// `S`: by date (newest first), or by path, in turn.
    pub(super) fn toggle_sort(&mut self) {
        let sort = match self.list.sort {
            Sort::Path => Sort::Date,
            Sort::Date => Sort::Path,
        };
        self.set_sort(sort);
        self.status.say(match sort {
            Sort::Date => "the list by date, newest first (S: by path)",
            Sort::Path => "the list by path (S: by date)",
        });
    }

    /// Orders the list; the selection stays on its article, brought into view.
    pub fn set_sort(&mut self, sort: Sort) {
        self.list.set_sort(&self.library, sort);
        if self
            .list
            .row_of(&self.library, self.list.selected)
            .is_none()
            && let Some(first) = self.list.at_row(&self.library, 0)
        {
            self.list.selected = first;
        }
        self.scroll_list();
    }
}
