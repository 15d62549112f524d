//! The file list: moving the selection and keeping it on screen. The list shows
//! `library.order()`; `App::selected` is an article index, so the selection stays on its
//! article when rows are added or removed above it.

use super::App;
use crate::action::Action;

/// Moves a list selection for a movement action (`Down`, `PageUp`, `Top`…) over `n` items,
/// `page` at a time; returns false for any other action. Shared by the file list and every
/// overlay list.
pub(super) fn move_selection(selected: &mut usize, n: usize, page: usize, action: Action) -> bool {
    let last = n.saturating_sub(1);
    *selected = match action {
        Action::Down => (*selected + 1).min(last),
        Action::Up => selected.saturating_sub(1),
        Action::PageDown => (*selected + page).min(last),
        Action::PageUp => selected.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return false,
    };
    true
}

/// Rows an overlay list moves by with PageUp / PageDown.
pub(super) const OVERLAY_PAGE: usize = 10;

impl App {
    /// File list rows per article: the title, then date and who the article is about.
    pub const LIST_ITEM_ROWS: usize = 2;

    fn list_page(&self) -> usize {
        self.geometry()
            .map_or(1, |g| (g.list_rows() / Self::LIST_ITEM_ROWS).max(1))
    }

    /// The selected article's row in the list (the first row if it is not shown).
    pub fn selected_row(&self) -> usize {
        self.library.row_of(self.selected).unwrap_or(0)
    }

    pub(super) fn move_list(&mut self, action: Action) {
        let n = self.library.shown();
        if n == 0 {
            return;
        }
        let page = self.list_page();
        let mut row = self.selected_row();
        move_selection(&mut row, n, page, action);
        if let Some(i) = self.library.at_row(row) {
            self.selected = i;
        }
        self.scroll_list();
    }

    pub(super) fn scroll_list(&mut self) {
        let page = self.list_page();
        let row = self.selected_row();
        if row < self.list_top {
            self.list_top = row;
        } else if row >= self.list_top + page {
            self.list_top = row + 1 - page;
        }
    }

    /// How far below the list's top the selected article is: rows added or removed above it
    /// should not move it on screen (see [`App::keep_list_anchor`]).
    pub(super) fn list_anchor(&self) -> usize {
        self.selected_row().saturating_sub(self.list_top)
    }

    /// Scrolls the list so the selected article is `anchor` rows below its top again, then
    /// keeps it in view; but never past its end, which would hide rows above for nothing.
    pub(super) fn keep_list_anchor(&mut self, anchor: usize) {
        let last_top = self.library.shown().saturating_sub(self.list_page());
        self.list_top = self.selected_row().saturating_sub(anchor).min(last_top);
        self.scroll_list();
    }
}
