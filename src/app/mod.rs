//! Application state and the one place it changes: [`App::update`].
//!
//! `update` takes an [`Event`] (a key, a resize, a document read in the background) and changes
//! state; it does no I/O. What must happen outside (quitting, later saving) comes back as
//! [`Effect`]s for the event loop to carry out. Drawing only reads an `&App`.

pub mod geometry;
pub mod reader;

use crate::action::Action;
use crate::document::Document;
use crate::keymap::{Key, Keymap};
use crate::library::Library;
use geometry::Geometry;
use reader::Reader;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
    Sidebar,
}

/// Everything that can change the state.
#[derive(Debug)]
pub enum Event {
    Key(Key),
    Action(Action),
    Resize(u16, u16),
    /// An article was read (or could not be) in the background.
    Loaded {
        index: usize,
        result: Result<Arc<Document>, String>,
    },
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
}

#[derive(Debug)]
pub struct App {
    pub library: Library,
    pub keymap: Keymap,
    pub focus: Focus,
    /// Selected row of the file list.
    pub selected: usize,
    /// First row of the file list on screen.
    pub list_top: usize,
    /// Index of the article in the reader.
    pub open: Option<usize>,
    pub reader: Option<Reader>,
    /// Article to open as soon as it has been read.
    pending_open: Option<usize>,
    pub help: bool,
    /// The user's choice to show or hide the sidebar; `None` decides by width.
    pub sidebar: Option<bool>,
    pub size: (u16, u16),
    /// A one-line message for the status bar (errors, skipped files).
    pub message: Option<String>,
}

impl App {
    pub fn new(library: Library, keymap: Keymap, size: (u16, u16)) -> App {
        let pending_open = (!library.is_empty()).then_some(0);
        App {
            library,
            keymap,
            focus: Focus::Reader,
            selected: 0,
            list_top: 0,
            open: None,
            reader: None,
            pending_open,
            help: false,
            sidebar: None,
            size,
            message: None,
        }
    }

    pub fn geometry(&self) -> Option<Geometry> {
        Geometry::compute(self.size.0, self.size.1, self.sidebar)
    }

    fn text_size(&self) -> (usize, usize) {
        self.geometry()
            .map_or((1, 1), |g| (g.text_width(), g.text_height()))
    }

    pub fn update(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::Key(key) => self.on_key(key),
            Event::Action(action) => self.apply(action),
            Event::Resize(w, h) => {
                self.size = (w, h);
                self.relayout();
                Vec::new()
            }
            Event::Loaded { index, result } => {
                self.on_loaded(index, result);
                Vec::new()
            }
        }
    }

    fn on_key(&mut self, key: Key) -> Vec<Effect> {
        if self.help {
            // The help overlay takes any key as "close", but Ctrl-C still quits.
            if self.keymap.action(key) == Some(Action::Quit) && key.ctrl {
                return vec![Effect::Quit];
            }
            self.help = false;
            return Vec::new();
        }
        match self.keymap.action(key) {
            Some(action) => self.apply(action),
            None => Vec::new(),
        }
    }

    fn apply(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Quit => return vec![Effect::Quit],
            Action::Help => self.help = !self.help,
            Action::Cancel => {
                self.help = false;
                self.message = None;
            }
            Action::FocusNext => self.focus = self.cycle_focus(true),
            Action::FocusPrev => self.focus = self.cycle_focus(false),
            Action::ToggleSidebar => {
                let shown = self.geometry().is_some_and(|g| g.sidebar.is_some());
                self.sidebar = Some(!shown);
                if shown && self.focus == Focus::Sidebar {
                    self.focus = Focus::Reader;
                }
                self.relayout();
            }
            Action::Open => {
                if self.focus == Focus::List {
                    self.open_article(self.selected);
                }
            }
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom => self.move_in_focus(action),
        }
        Vec::new()
    }

    fn cycle_focus(&self, forward: bool) -> Focus {
        let sidebar = self.geometry().is_some_and(|g| g.sidebar.is_some());
        let order: &[Focus] = if sidebar {
            &[Focus::List, Focus::Reader, Focus::Sidebar]
        } else {
            &[Focus::List, Focus::Reader]
        };
        let i = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = order.len();
        order[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }

    fn move_in_focus(&mut self, action: Action) {
        match self.focus {
            Focus::List => self.move_list(action),
            Focus::Reader => {
                if let Some(r) = &mut self.reader {
                    match action {
                        Action::Down => r.down(1),
                        Action::Up => r.up(1),
                        Action::PageDown => r.page_down(),
                        Action::PageUp => r.page_up(),
                        Action::Top => r.to_top(),
                        Action::Bottom => r.to_bottom(),
                        _ => {}
                    }
                }
            }
            Focus::Sidebar => {}
        }
    }

    /// File list rows per article: the title, then date and who the article is about.
    pub const LIST_ITEM_ROWS: usize = 2;

    fn list_page(&self) -> usize {
        self.geometry()
            .map_or(1, |g| (g.list_rows() / Self::LIST_ITEM_ROWS).max(1))
    }

    fn move_list(&mut self, action: Action) {
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

    fn scroll_list(&mut self) {
        let page = self.list_page();
        if self.selected < self.list_top {
            self.list_top = self.selected;
        } else if self.selected >= self.list_top + page {
            self.list_top = self.selected + 1 - page;
        }
    }

    fn open_article(&mut self, index: usize) {
        let Some(article) = self.library.articles.get(index) else {
            return;
        };
        if let Some(err) = &article.error {
            self.message = Some(format!("{}: {err}", article.entry.path));
            return;
        }
        let Some(doc) = article.doc.clone() else {
            self.pending_open = Some(index);
            self.message = Some(format!("reading {}…", article.entry.name));
            return;
        };
        let (w, h) = self.text_size();
        self.reader = Some(Reader::new(doc, w, h));
        self.open = Some(index);
        self.pending_open = None;
        self.selected = index;
        self.scroll_list();
        self.focus = Focus::Reader;
    }

    fn on_loaded(&mut self, index: usize, result: Result<Arc<Document>, String>) {
        let Some(article) = self.library.articles.get_mut(index) else {
            return;
        };
        match result {
            Ok(doc) => article.doc = Some(doc),
            Err(e) => {
                self.message = Some(format!("{}: {e}", article.entry.path));
                article.error = Some(e);
            }
        }
        if self.pending_open == Some(index) {
            let focus = self.focus;
            self.open_article(index);
            self.focus = focus;
            if self.reader.is_none() && index + 1 < self.library.len() {
                // The first article could not be read: try the next one at start.
                self.pending_open = Some(index + 1);
            }
        }
    }

    fn relayout(&mut self) {
        let (w, h) = self.text_size();
        if let Some(r) = &mut self.reader {
            r.resize(w, h);
        }
        if self.focus == Focus::Sidebar && self.geometry().is_some_and(|g| g.sidebar.is_none()) {
            self.focus = Focus::Reader;
        }
        self.scroll_list();
    }
}

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;
