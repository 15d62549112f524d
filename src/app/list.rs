//! The file list: moving the selection and keeping it on screen.

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

    pub(super) fn move_list(&mut self, action: Action) {
        let n = self.library.len();
        if n == 0 {
            return;
        }
        let page = self.list_page();
        move_selection(&mut self.selected, n, page, action);
        self.scroll_list();
    }

    pub(super) fn scroll_list(&mut self) {
        let page = self.list_page();
        if self.selected < self.list_top {
            self.list_top = self.selected;
        } else if self.selected >= self.list_top + page {
            self.list_top = self.selected + 1 - page;
        }
    }
}
