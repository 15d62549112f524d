//! Which articles' texts are held: the open one, the one waiting to open, and those a list on
//! screen draws lines of (`M`, `"`, the passages of `w`, `B`), a few dozen at most. Texts are not
//! kept for the whole library (100,000 articles are 800 MB of text): what the list, the
//! sidebar, `w` and `T` need of every article is its metadata (`Article::meta`). A text
//! needed and not held is asked for (`Effect::Read`) and drawn once it comes in.

use super::overlay::Overlay;
use super::{App, Effect};
use liseuse_document::Document;
use std::collections::{HashSet, VecDeque};
use std::sync::Arc;

/// Texts held besides the open article's, oldest dropped first.
const HELD: usize = 48;
/// Rows around the selection of an overlay list whose texts are asked for.
const AROUND: usize = 40;

/// The texts held and asked for.
#[derive(Debug, Default)]
pub struct Texts {
    /// Articles whose `doc` is held, oldest first.
    held: VecDeque<usize>,
    /// Articles whose text was asked for and has not come yet.
    asked: HashSet<usize>,
}

impl Texts {
    /// The text of `index` was asked for already (at start, the first article).
    pub fn asked_for(&mut self, index: usize) {
        self.asked.insert(index);
    }

    /// The text of `index` could not be had: it may be asked for again.
    pub fn forget_ask(&mut self, index: usize) {
        self.asked.remove(&index);
    }
}

impl App {
    /// Whether a text asked for has not come yet (the article to open, lines of a list): what
    /// a test waits for after a key, as a person waits for the text to show.
    pub fn waits_for_text(&self) -> bool {
        self.reading.pending.is_some() || !self.texts.asked.is_empty()
    }

    /// Keeps an article's text that came in; drops the oldest held beyond [`HELD`] (never the
    /// open one's or the one waiting to open).
    pub(super) fn hold_text(&mut self, index: usize, doc: Arc<Document>) {
        self.texts.asked.remove(&index);
        let Some(a) = self.library.articles.get_mut(index) else {
            return;
        };
        a.doc = Some(doc);
        self.texts.held.retain(|&i| i != index);
        self.texts.held.push_back(index);
        while self.texts.held.len() > HELD {
            let keep = |i: usize| {
                self.reading.open == Some(i) || self.reading.pending.is_some_and(|(p, _)| p == i)
            };
            let Some(pos) = self.texts.held.iter().position(|&i| !keep(i)) else {
                break;
            };
            if let Some(old) = self.texts.held.remove(pos)
                && let Some(a) = self.library.articles.get_mut(old)
            {
                a.doc = None;
            }
        }
    }

    /// An article's text is no longer what is on disk: dropped, read again when needed.
    pub(super) fn drop_text(&mut self, index: usize) {
        self.texts.held.retain(|&i| i != index);
        self.texts.asked.remove(&index);
        if self.reading.open != Some(index)
            && let Some(a) = self.library.articles.get_mut(index)
        {
            a.doc = None;
        }
    }

    /// Asks for the texts of these articles, those not held nor asked for already.
    pub(super) fn ask_texts(
        &mut self,
        wanted: impl IntoIterator<Item = usize>,
        fx: &mut Vec<Effect>,
    ) {
        let mut read = Vec::new();
        for i in wanted {
            let Some(a) = self.library.articles.get(i) else {
                continue;
            };
            if a.doc.is_some() || a.error.is_some() || !self.texts.asked.insert(i) {
                continue;
            }
            read.push((i, liseuse_library::Entry::clone(&a.entry)));
        }
        if !read.is_empty() {
            fx.push(Effect::Read(read));
        }
    }

    /// The texts the overlay on screen draws lines of, asked for when not held.
    pub(super) fn ask_shown_texts(&mut self, fx: &mut Vec<Effect>) {
        let wanted: Vec<usize> = match &self.overlay {
            Some(Overlay::Mentions(list)) => {
                let occ = self
                    .entities
                    .selected
                    .map(|id| self.entities.index.occurrences(id))
                    .unwrap_or_default();
                let from = list.selected.saturating_sub(AROUND);
                list.rows
                    .iter()
                    .skip(from)
                    .take(2 * AROUND)
                    .filter_map(|&k| occ.get(k).map(|(d, _)| d as usize))
                    .collect()
            }
            Some(Overlay::Company(v)) => v.shared.as_ref().map_or_else(Vec::new, |s| {
                let from = s.selected.saturating_sub(AROUND);
                s.passages
                    .iter()
                    .skip(from)
                    .take(2 * AROUND)
                    .map(|p| p.doc)
                    .collect()
            }),
            Some(Overlay::Said(list)) => {
                let from = list.selected.saturating_sub(AROUND);
                list.rows
                    .iter()
                    .skip(from)
                    .take(2 * AROUND)
                    .map(|&(d, _)| d as usize)
                    .collect()
            }
            Some(Overlay::Bookmarks(list)) => list
                .rows
                .iter()
                .filter(|r| r.range.is_none())
                .filter_map(|r| r.article)
                .take(2 * AROUND)
                .collect(),
            _ => Vec::new(),
        };
        if !wanted.is_empty() {
            self.ask_texts(wanted, fx);
        }
    }
}
