//! The file list: moving the selection and keeping it on screen.

use super::App;
use crate::action::Action;

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
        self.selected = match action {
            Action::Down => (self.selected + 1).min(n - 1),
            Action::Up => self.selected.saturating_sub(1),
            Action::PageDown => (self.selected + page).min(n - 1),
            Action::PageUp => self.selected.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => n - 1,
            _ => self.selected,
        };
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
