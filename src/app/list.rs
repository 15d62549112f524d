//! The file list: its selection, its scroll and its filter (`/` with the list in focus keeps
//! the articles whose title matches). It shows `library.order()`, or the part of it that
//! matches; `selected` is an article index, so the selection stays on its article when rows
//! are added or removed above it.

use super::{App, Effect};
use crate::keys::action::Action;
use liseuse_document::search::fold_str;
use liseuse_library::Library;

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

#[derive(Debug, Default, Clone)]
pub struct FileList {
    /// The selected article (an index, not a row).
    pub selected: usize,
    /// First row of the list on screen.
    pub top: usize,
    /// The title filter, as typed.
    pub filter: String,
    /// The articles whose title matches the filter, in list order; `None` when none is set.
    matching: Option<Vec<usize>>,
}

impl FileList {
    pub fn new(selected: usize) -> FileList {
        FileList {
            selected,
            ..FileList::default()
        }
    }

    /// The articles shown, in order.
    pub fn rows<'a>(&'a self, library: &'a Library) -> &'a [usize] {
        match &self.matching {
            Some(m) => m,
            None => library.order(),
        }
    }

    /// The row of article `i` in the list as shown.
    pub fn row_of(&self, library: &Library, i: usize) -> Option<usize> {
        match &self.matching {
            None => library.row_of(i),
            Some(m) => {
                // `matching` follows the library's order: search it by row.
                let at = library.row_of(i)?;
                let k = m.partition_point(|&x| library.row_of(x).is_some_and(|r| r < at));
                (m.get(k) == Some(&i)).then_some(k)
            }
        }
    }

    pub fn at_row(&self, library: &Library, row: usize) -> Option<usize> {
        self.rows(library).get(row).copied()
    }

    /// Sets the filter and works out which articles match it (titles and file names, accents
    /// and case aside).
    pub fn set_filter(&mut self, library: &Library, filter: &str) {
        self.filter = filter.to_string();
        self.refilter(library);
    }

    /// The list changed under the filter: match again.
    pub fn refilter(&mut self, library: &Library) {
        let needle = fold_str(self.filter.trim());
        if needle.is_empty() {
            self.matching = None;
            return;
        }
        let keep = |i: &usize| {
            library.articles.get(*i).is_some_and(|a| {
                fold_str(a.title()).contains(&needle) || fold_str(&a.entry.name).contains(&needle)
            })
        };
        self.matching = Some(library.order().iter().copied().filter(keep).collect());
    }

    /// Article `i` was read (its title is known now) or shown: it joins or leaves the
    /// matching rows, in its place, without matching the whole list again (10,000 articles
    /// read one by one under a filter would cost 10,000 × 10,000 titles).
    pub fn article_changed(&mut self, library: &Library, i: usize) {
        let Some(m) = &mut self.matching else {
            return;
        };
        let needle = fold_str(self.filter.trim());
        let matches = library.row_of(i).is_some()
            && library.articles.get(i).is_some_and(|a| {
                fold_str(a.title()).contains(&needle) || fold_str(&a.entry.name).contains(&needle)
            });
        let Some(row) = library.row_of(i) else {
            m.retain(|&x| x != i);
            return;
        };
        let at = m.partition_point(|&x| library.row_of(x).is_some_and(|r| r < row));
        let present = m.get(at) == Some(&i);
        match (matches, present) {
            (true, false) => m.insert(at, i),
            (false, true) => {
                m.remove(at);
            }
            _ => {}
        }
    }

    pub fn is_filtered(&self) -> bool {
        self.matching.is_some()
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
