//! Application state and the one place it changes: [`App::update`].
//!
//! `update` takes an [`Event`] (a key, a resize, an article read in the background, the
//! bookmark store's state…) and changes state; it does no I/O. What must happen outside
//! (quitting, saving, reading files, searching the corpus) is pushed as [`Effect`]s onto the
//! caller's list, so none can be dropped on the way; the runtime carries them out. Drawing only
//! reads an `&App`.
//!
//! The state is split into parts that own their data: the file list ([`FileList`]), the
//! article being read ([`Reading`]: reader, search, places, marks), the entities
//! ([`EntityState`]), the bookmarks ([`BookmarkState`]), the open overlay (each in
//! `overlay/`), the status line ([`Status`]) and the layout ([`Layout`]).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

pub mod bookmarks;
pub mod chapters;
mod command;
mod effect;
pub mod entities;
pub mod fetching;
pub mod geometry;
pub mod input;
mod keys;
pub mod list;
pub mod list_narrow;
mod list_view;
mod live;
mod mentions;
pub mod mouse;
mod open;
pub mod overlay;
mod panes;
mod provisional;
mod quotations;
pub mod reader;
pub mod reading;
pub mod scrollbar;
pub mod search;
mod sidebar;
pub mod status;
pub mod texts;

pub use crate::event::{Event, IndexUpdate, Mouse};
pub use effect::Effect;
pub use overlay::Overlay;
pub use reading::{Follow, Place};

use crate::keys::keymap::Keymap;
use bookmarks::BookmarkState;
use entities::EntityState;
use geometry::{Geometry, Layout};
use input::{Input, Purpose};
use liseuse_library::Library;
use list::FileList;
use reader::Reader;
use reading::Reading;
use status::Status;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
    Sidebar,
}

/// Where to start: the article (by index), where to put the reader in it, and the places
/// saved last time.
#[derive(Debug, Clone, Default)]
pub struct Start {
    pub article: usize,
    pub offset: Option<usize>,
    /// Saved reading places by article path, restored when an article is opened.
    pub places: HashMap<String, Place>,
    /// The content hash of the text each saved place is in, by path: an article opened by
    /// another path finds its place by file name and content, as a bookmark does.
    pub hashes: HashMap<String, String>,
    /// The article open last time, when the walk has not found it yet: opened when it comes,
    /// unless the user has moved on by then.
    pub last: Option<String>,
    /// The articles read before (opened at least once), by path.
    pub read: HashSet<String>,
}

/// A key that waits for the next one (`m` and `'` wait for a letter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefix {
    SetMark,
    GotoMark,
}

#[derive(Debug)]
pub struct App {
    pub library: Library,
    pub keymap: Keymap,
    pub focus: Focus,
    pub size: (u16, u16),
    pub layout: Layout,
    pub list: FileList,
    pub reading: Reading,
    pub entities: EntityState,
    pub bookmarks: BookmarkState,
    pub overlay: Option<Overlay>,
    pub input: Option<Input>,
    pub status: Status,
    /// News being fetched from the web, and what waits for it.
    pub fetching: fetching::Fetching,
    /// Digits typed before a command (`5j`, `50%`).
    pub count: Option<usize>,
    /// A key waiting for the next one.
    pub prefix: Option<Prefix>,
    /// Number of the last corpus search asked for: older results are dropped.
    corpus_generation: u64,
    /// Which articles' texts are held or asked for.
    pub texts: texts::Texts,
}

impl App {
    pub fn new(library: Library, keymap: Keymap, size: (u16, u16)) -> App {
        App::with_start(library, keymap, size, Start::default())
    }

    pub fn with_start(library: Library, keymap: Keymap, size: (u16, u16), start: Start) -> App {
        let pending = (start.article < library.len()).then_some((start.article, start.offset));
        let mut texts = texts::Texts::default();
        // The runtime reads the article shown first at once.
        if let Some((i, _)) = pending {
            texts.asked_for(i);
        }
        let mut list = FileList::new(start.article);
        list.read = start.read;
        App {
            list,
            reading: Reading::new(pending, start.places, start.hashes, start.last),
            library,
            keymap,
            focus: Focus::Reader,
            size,
            layout: Layout::default(),
            entities: EntityState::new(),
            bookmarks: BookmarkState::default(),
            overlay: None,
            input: None,
            status: Status::default(),
            fetching: fetching::Fetching::default(),
            count: None,
            prefix: None,
            corpus_generation: 0,
            texts,
        }
    }

    pub fn geometry(&self) -> Option<Geometry> {
        Geometry::compute(self.size.0, self.size.1, &self.layout)
    }

    /// The article text's width and height, and the columns left empty on its left to
    /// centre it when the configured width is narrower than the pane.
    pub fn text_layout(&self) -> (usize, usize, usize) {
        let Some(g) = self.geometry() else {
            return (1, 1, 0);
        };
        let full = g.text_width();
        let w = match self.layout.max_text_width {
            0 => full,
            m => full.min(m),
        };
        (w, g.text_height(), (full - w) / 2)
    }

    fn text_size(&self) -> (usize, usize) {
        let (w, h, _) = self.text_layout();
        (w, h)
    }

    /// The reader, when an article is open.
    pub fn reader(&self) -> Option<&Reader> {
        self.reading.reader.as_ref()
    }

    /// The article open in the reader.
    pub fn open(&self) -> Option<usize> {
        self.reading.open
    }

    /// An article is to be opened as soon as its text is read (texts are read off the loop).
    pub fn opening(&self) -> Option<usize> {
        self.reading.pending.map(|(i, _)| i)
    }

    /// Changes the state for one event; what must happen outside goes onto `fx`.
    pub fn update(&mut self, event: Event, fx: &mut Vec<Effect>) {
        self.take(event, fx);
        self.ask_shown_texts(fx);
    }

    fn take(&mut self, event: Event, fx: &mut Vec<Effect>) {
        match event {
            Event::Key(key) => self.on_key(key, fx),
            Event::Mouse(m) => self.on_mouse(m, fx),
            Event::Action(action) => self.apply(action, None, fx),
            Event::Paste(text) => self.paste(&text, fx),
            Event::Resize(w, h) => {
                self.size = (w, h);
                self.relayout();
                // A resized terminal may have cut or reflowed what it showed.
                fx.push(Effect::Redraw);
            }
            Event::Redraw => fx.push(Effect::Redraw),
            Event::Signal(sig) => match sig {
                crate::event::Signal::End(n) => {
                    // A note being typed is kept, as Enter would: the terminal went away, the
                    // reader did not decide to drop it.
                    if let Some(i) = self
                        .input
                        .take_if(|i| matches!(i.purpose, Purpose::Note(_)))
                    {
                        self.input_done(i, true, fx);
                    }
                    self.save_place(fx);
                    fx.push(Effect::QuitBySignal(n));
                }
                crate::event::Signal::Suspend => fx.push(Effect::Suspend),
                crate::event::Signal::Continue => fx.push(Effect::Redraw),
            },
            Event::Described { index, meta, hash } => self.on_described(index, meta, &hash),
            Event::Loaded {
                index,
                result,
                modified,
            } => {
                if let Some(a) = self.library.articles.get_mut(index)
                    && modified.is_some()
                {
                    a.modified = modified;
                }
                self.on_loaded(index, result, fx);
            }
            Event::Preview { index, doc } => self.on_preview(index, doc, fx),
            Event::Analysing { index, done, of } => self.entities.on_progress(index, done, of),
            Event::FilesChanged(changes) => self.on_files_changed(changes, fx),
            Event::Rescanned(folders) => self.on_rescanned(folders, fx),
            Event::CacheDamaged(articles) => self.on_cache_damaged(articles, fx),
            Event::Discovered(found) => self.on_discovered(found, fx),
            // After the last batch's `Load`: the loader knows then that every article is asked for.
            Event::Walked => fx.push(Effect::Walked),
            Event::Indexed(update) => self.on_indexed(*update, fx),
            Event::Bookmarks {
                list,
                read_only,
                message,
            } => {
                self.on_bookmarks(list, read_only);
                if let Some(m) = message {
                    self.status.say(m);
                }
            }
            Event::Deleted(b) => self.bookmarks.undo = Some(b),
            Event::Store(report) => self.on_store(*report, fx),
            Event::Corrections { list, message } => {
                if let Some(m) = message {
                    self.status.say(m);
                }
                self.entities.corrections = list.clone();
                fx.push(Effect::ApplyCorrections(list));
            }
            Event::Hits(answer) => {
                if answer.generation == self.corpus_generation {
                    self.on_corpus_hits(*answer, fx);
                }
            }
            Event::Fetch(run, ev) => self.on_fetch(run, ev, fx),
            Event::Said(message) => self.status.say(message),
        }
    }

    /// Saving the reading place goes with quitting, so it is never forgotten. With bookmark
    /// changes not on disk yet (waiting for another liseuse's lock, a save under way, or not
    /// even taken in by the saver: `b Enter q` typed at once), the first quit says so and
    /// waits for them; a second one quits anyway (and what is lost is said on the way out).
    /// A store that cannot save at all (read-only) is not waited for.
    pub(crate) fn quit(&mut self, fx: &mut Vec<Effect>) {
        let b = &self.bookmarks;
        if !self.all_saved() && !b.quit_asked && b.read_only.is_none() {
            self.bookmarks.quit_asked = true;
            let said = self.quit_waits();
            self.status.say(said);
            return;
        }
        self.save_place(fx);
        fx.push(Effect::Quit);
    }

    /// What a quit waiting for bookmark changes says: why they wait, and how to quit anyway.
    pub(crate) fn quit_waits(&self) -> String {
        let b = &self.bookmarks;
        let n = (b.sent.saturating_sub(b.applied) as usize).saturating_add(b.pending);
        let changes =
            liseuse_document::plural::counted(n.max(1), "bookmark change", "bookmark changes");
        let waiting = b
            .unsaved
            .clone()
            .unwrap_or_else(|| format!("saving {changes}: not on disk yet"));
        format!("{waiting} · liseuse quits once they are saved; q again quits now and loses them")
    }

    /// The place in the open article, to be saved (a preview's is kept with the whole text
    /// once read, not before).
    pub(crate) fn save_place(&mut self, fx: &mut Vec<Effect>) {
        let Some(i) = self.reading.open else { return };
        let Some(article) = self.library.articles.get(i) else {
            return;
        };
        if let Some(e) = self.reading.place_effect(&article.entry.path) {
            fx.push(e);
        }
    }

    fn relayout(&mut self) {
        let (w, h) = self.text_size();
        // Too small to draw: keep the reader as it was rather than re-wrap what is seen at one
        // column (a storm of tiny sizes would cost a full re-wrap each time, for nothing shown).
        let drawn = self.geometry();
        if let (Some(r), Some(_)) = (&mut self.reading.reader, drawn) {
            r.resize(w, h);
        }
        let shown = |f: Focus| match (f, drawn) {
            (Focus::Sidebar, Some(g)) => g.sidebar.is_some(),
            (Focus::List, Some(g)) => g.list.is_some(),
            _ => true,
        };
        if !shown(self.focus) {
            self.focus = Focus::Reader;
        }
        self.scroll_list();
    }
}

#[cfg(test)]
pub(crate) mod test_util;

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "preview_tests.rs"]
mod preview_tests;
