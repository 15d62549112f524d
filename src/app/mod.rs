//! Application state and the one place it changes: [`App::update`].
//!
//! `update` takes an [`Event`] (a key, a resize, a document read in the background, the
//! bookmark store's state) and changes state; it does no I/O. What must happen outside
//! (quitting, saving) comes back as [`Effect`]s for the event loop to carry out. Drawing only
//! reads an `&App`.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

pub mod bookmarks;
pub mod entities;
pub mod geometry;
pub mod input;
mod list;
mod live;
mod mentions;
pub mod mouse;
mod open;
mod provisional;
pub mod reader;
pub mod search;

use crate::action::Action;
use crate::bookmark::{Bookmark, content_hash};
use crate::document::Document;
use crate::keymap::{Key, Keymap};
use crate::library::Library;
use bookmarks::BookmarkList;
use entities::EntityState;
use geometry::Geometry;
use input::Input;
use reader::Reader;
use search::{CorpusSearch, SearchState};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
    Sidebar,
}

/// A window over the panes; it takes the keys while open.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help,
    Bookmarks(BookmarkList),
    /// Search results across every article.
    Corpus(CorpusSearch),
    /// Every mention of the selected entity; `selected` is a row (see `mentions.rs`).
    Mentions {
        selected: usize,
    },
}

/// Everything that can change the state.
#[derive(Debug)]
pub enum Event {
    Key(Key),
    Mouse(mouse::Mouse),
    Action(Action),
    Resize(u16, u16),
    /// Text pasted in the terminal, whole.
    Paste(String),
    /// An article was read (or could not be) in the background.
    Loaded {
        index: usize,
        result: Result<Arc<Document>, String>,
    },
    /// The beginning of a long article, shown until `Loaded` brings the whole of it.
    Preview {
        index: usize,
        doc: Arc<Document>,
    },
    /// An article's entities were extracted in the background.
    Analysed {
        index: usize,
        entities: crate::entity::DocEntities,
    },
    /// The corpus index merged again in the background.
    Indexed(Box<entities::IndexUpdate>),
    /// More articles found by the folder walk (after the first frame).
    Discovered(crate::library::Discovery),
    /// Files under the watched folders changed: each path, and whether it is a regular file now.
    FilesChanged(Vec<(std::path::PathBuf, bool)>),
    /// The bookmark store's content after a change, whether it is read-only, and what to say.
    Bookmarks {
        list: Vec<Bookmark>,
        read_only: Option<String>,
        message: Option<String>,
    },
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    AddBookmark(Bookmark),
    DeleteBookmark(String),
    SetNote(String, String),
    /// Read (again) the articles at these indices, in the background.
    Load(std::ops::Range<usize>),
    /// Every article's entities are known: keep them in the cache.
    SaveCache,
    /// A removed article's names leave the corpus index.
    Forget(usize),
    /// Remember where the reader is in an article (`offset`: top line's byte offset).
    SavePosition {
        path: String,
        offset: usize,
        hash: String,
    },
}

/// Where to start: the article (by index) and the byte offset to show at the top.
#[derive(Debug, Clone, Default)]
pub struct Start {
    pub article: usize,
    pub offset: Option<usize>,
    /// Saved reading positions by article path, restored when an article is opened.
    pub positions: HashMap<String, usize>,
}

#[derive(Debug)]
pub struct App {
    pub library: Library,
    pub keymap: Keymap,
    pub focus: Focus,
    /// The article selected in the file list (an index, not a row: see `list.rs`).
    pub selected: usize,
    /// First row of the file list on screen.
    pub list_top: usize,
    /// Index of the article in the reader.
    pub open: Option<usize>,
    pub reader: Option<Reader>,
    /// Article to open as soon as it has been read, and where to put the reader in it.
    pending_open: Option<(usize, Option<usize>)>,
    /// Reading positions by article path.
    positions: HashMap<String, usize>,
    pub overlay: Option<Overlay>,
    pub input: Option<Input>,
    /// The user's choice to show or hide the sidebar; `None` decides by width.
    pub sidebar: Option<bool>,
    pub size: (u16, u16),
    /// A one-line message for the status bar (errors, skipped files).
    pub message: Option<String>,
    pub bookmarks: Vec<Bookmark>,
    /// Why bookmarks cannot be changed in this session, if they cannot.
    pub bookmarks_read_only: Option<String>,
    /// The last deleted bookmark, for `u`.
    undo: Option<Bookmark>,
    /// The search in the open article.
    pub search: Option<SearchState>,
    pub entities: EntityState,
    /// Each article's text folded for the corpus search, made on its first use.
    folded: Vec<Option<Arc<crate::search::Folded>>>,
    /// Widest the article's text may be (config `reader_width`); 0 = the pane's width.
    pub max_text_width: usize,
}

impl App {
    pub fn new(library: Library, keymap: Keymap, size: (u16, u16)) -> App {
        App::with_start(library, keymap, size, Start::default())
    }

    pub fn with_start(library: Library, keymap: Keymap, size: (u16, u16), start: Start) -> App {
        let pending_open = (start.article < library.len()).then_some((start.article, start.offset));
        let n = library.len();
        App {
            library,
            keymap,
            focus: Focus::Reader,
            selected: start.article,
            list_top: 0,
            open: None,
            reader: None,
            pending_open,
            positions: start.positions,
            overlay: None,
            input: None,
            sidebar: None,
            size,
            message: None,
            bookmarks: Vec::new(),
            bookmarks_read_only: None,
            undo: None,
            search: None,
            max_text_width: 0,
            entities: EntityState::new(n),
            folded: Vec::new(),
        }
    }

    pub fn geometry(&self) -> Option<Geometry> {
        Geometry::compute(self.size.0, self.size.1, self.sidebar)
    }

    /// The article text's width and height, and the columns left empty on its left to
    /// centre it when `max_text_width` is narrower than the pane.
    pub fn text_layout(&self) -> (usize, usize, usize) {
        let Some(g) = self.geometry() else {
            return (1, 1, 0);
        };
        let full = g.text_width();
        let w = match self.max_text_width {
            0 => full,
            m => full.min(m),
        };
        (w, g.text_height(), (full - w) / 2)
    }

    fn text_size(&self) -> (usize, usize) {
        let (w, h, _) = self.text_layout();
        (w, h)
    }

    pub fn update(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::Key(key) => self.on_key(key),
            Event::Mouse(m) => {
                self.on_mouse(m);
                Vec::new()
            }
            Event::Action(action) => self.apply(action),
            Event::Paste(text) => {
                self.paste(&text);
                Vec::new()
            }
            Event::Resize(w, h) => {
                self.size = (w, h);
                self.relayout();
                Vec::new()
            }
            Event::Loaded { index, result } => {
                self.on_loaded(index, result);
                Vec::new()
            }
            Event::Preview { index, doc } => {
                self.on_preview(index, doc);
                Vec::new()
            }
            Event::Analysed { index, entities } => self.on_analysed(index, entities),
            Event::FilesChanged(changes) => self.on_files_changed(changes),
            Event::Discovered(found) => self.on_discovered(found),
            Event::Indexed(update) => self.on_indexed(*update),
            Event::Bookmarks {
                list,
                read_only,
                message,
            } => {
                self.on_bookmarks(list, read_only);
                if message.is_some() {
                    self.message = message;
                }
                Vec::new()
            }
        }
    }

    fn on_key(&mut self, key: Key) -> Vec<Effect> {
        if self.input.is_some() {
            return self.input_key(key);
        }
        let action = self.keymap.action(key);
        match &self.overlay {
            Some(Overlay::Help) => {
                // The help overlay takes any key as "close", but Ctrl-C still quits.
                if action == Some(Action::Quit) && key.ctrl {
                    return self.quit_effects();
                }
                self.overlay = None;
                Vec::new()
            }
            Some(Overlay::Bookmarks(_)) => match action {
                Some(a) => self.bookmark_list_action(a),
                None => Vec::new(),
            },
            Some(Overlay::Corpus(_)) => match action {
                Some(a) => self.corpus_action(a),
                None => Vec::new(),
            },
            Some(Overlay::Mentions { .. }) => match action {
                Some(a) => self.mentions_action(a),
                None => Vec::new(),
            },
            None => match action {
                Some(a) => self.apply(a),
                None => Vec::new(),
            },
        }
    }

    fn apply(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Quit => return self.quit_effects(),
            Action::Help => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help) => None,
                    _ => Some(Overlay::Help),
                }
            }
            Action::Cancel => {
                self.overlay = None;
                self.message = None;
                self.search = None;
                self.entities.selected = None;
                self.entities.occurrence = None;
                if let Some(r) = &mut self.reader {
                    r.selection = None;
                }
            }
            Action::FocusNext => self.focus = self.cycle_focus(true),
            Action::FocusPrev => self.focus = self.cycle_focus(false),
            Action::ToggleSidebar => {
                let shown = self.geometry().is_some_and(|g| g.sidebar.is_some());
                self.sidebar = Some(!shown);
                self.relayout();
            }
            Action::Open => match self.focus {
                Focus::List => return self.open_article(self.selected, None),
                Focus::Reader => self.select_from_line(),
                Focus::Sidebar => {
                    if let Some(id) = self.entities.cursor_entity() {
                        self.select_entity(id);
                    }
                }
            },
            Action::ToggleScope => self.toggle_scope(),
            Action::Mentions => self.open_mentions(),
            Action::Bookmark => {
                if self.focus == Focus::Reader {
                    return self.bookmark_here();
                }
            }
            Action::Select => {
                if let (Focus::Reader, Some(r)) = (self.focus, &mut self.reader) {
                    r.selection = match r.selection {
                        Some(_) => None,
                        None => Some(r.cursor),
                    };
                }
            }
            Action::Bookmarks => self.open_bookmark_list(),
            Action::Search => match self.focus {
                Focus::Sidebar => self.start_sidebar_filter(),
                _ => self.start_search(),
            },
            Action::SearchAll => self.start_corpus_search(),
            Action::Next | Action::Prev => {
                let forward = action == Action::Next;
                if self.entities.selected.is_some() {
                    self.step_mention(forward);
                } else {
                    self.step_match(forward);
                }
            }
            Action::EditNote | Action::Delete | Action::Undo => {}
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom => self.move_in_focus(action),
        }
        Vec::new()
    }

    /// Saving the reading position goes with quitting, so it is never forgotten.
    pub(super) fn quit_effects(&mut self) -> Vec<Effect> {
        let mut effects = self.position_effect().into_iter().collect::<Vec<_>>();
        effects.push(Effect::Quit);
        effects
    }

    fn position_effect(&self) -> Option<Effect> {
        // A preview's place is kept with the whole text once read, not before.
        let reader = self.reader.as_ref().filter(|r| r.doc.preview.is_none())?;
        let article = self.library.articles.get(self.open?)?;
        Some(Effect::SavePosition {
            path: article.entry.path.clone(),
            offset: reader.offset_of(reader.top),
            hash: content_hash(&reader.doc.text),
        })
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
        let next = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        order.get(next).copied().unwrap_or(Focus::Reader)
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
            Focus::Sidebar => self.sidebar_action(action),
        }
    }

    fn relayout(&mut self) {
        let (w, h) = self.text_size();
        // Too small to draw: keep the reader as it was rather than re-wrap what is seen at one
        // column (a storm of tiny sizes would cost a full re-wrap each time, for nothing shown).
        let drawn = self.geometry().is_some();
        if let Some(r) = &mut self.reader
            && drawn
        {
            r.resize(w, h);
        }
        if self.focus == Focus::Sidebar && self.geometry().is_some_and(|g| g.sidebar.is_none()) {
            self.focus = Focus::Reader;
        }
        self.scroll_list();
    }

    /// What the event loop reports after carrying out a bookmark effect that failed for a
    /// delete: the removed bookmark stays undoable.
    pub fn remember_deleted(&mut self, bookmark: Bookmark) {
        self.undo = Some(bookmark);
    }
}

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "preview_tests.rs"]
mod preview_tests;
