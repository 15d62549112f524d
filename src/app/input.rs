//! One-line text input: a note, a filter, a search. While it is open, keys type into it instead
//! of going through the keymap.

use super::{App, Effect};
use crate::keymap::{Key, KeyCode};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// The note of the bookmark with this id.
    Note(String),
    BookmarkFilter,
    SidebarFilter,
    Search,
    CorpusSearch,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub purpose: Purpose,
    pub text: String,
}

impl Input {
    pub fn new(purpose: Purpose, text: &str) -> Input {
        Input {
            purpose,
            text: text.to_string(),
        }
    }

    /// What the status bar shows before the text.
    pub fn prompt(&self) -> &'static str {
        match self.purpose {
            Purpose::Note(_) => "Note (Enter saves, Esc skips): ",
            Purpose::BookmarkFilter | Purpose::SidebarFilter => "Filter: ",
            Purpose::Search => "/",
            Purpose::CorpusSearch => "Search all articles: ",
        }
    }
}

/// Longest input kept: a note is one line, and a paste of a whole file must not become one.
const MAX_INPUT_CHARS: usize = 500;

impl App {
    /// Handles a key while an input is open.
    pub(super) fn input_key(&mut self, key: Key) -> Vec<Effect> {
        let Some(input) = self.input.as_mut() else {
            return Vec::new();
        };
        match key.code {
            KeyCode::Char('c') if key.ctrl => return self.quit_effects(),
            KeyCode::Char('u') if key.ctrl => input.text.clear(),
            KeyCode::Char(c) if !key.ctrl && !c.is_control() => {
                if input.text.chars().count() >= MAX_INPUT_CHARS {
                    // Full: nothing changes, so no search or filter runs again. (A flood of
                    // keys into a full prompt re-searched the article once per key.)
                    return Vec::new();
                }
                input.text.push(c);
            }
            KeyCode::Backspace => {
                input.text.pop();
            }
            KeyCode::Enter => {
                let input = self.input.take();
                return input.map_or_else(Vec::new, |i| self.input_done(i, true));
            }
            KeyCode::Esc => {
                let input = self.input.take();
                return input.map_or_else(Vec::new, |i| self.input_done(i, false));
            }
            _ => return Vec::new(),
        }
        let input = self.input.clone();
        if let Some(i) = input {
            self.input_changed(&i);
        }
        Vec::new()
    }

    /// A paste (bracketed by the terminal, so it arrives whole rather than as keys that would
    /// run commands): typed into the open input, up to its limit, on one line; ignored, with a
    /// word, when no input is open.
    pub(super) fn paste(&mut self, text: &str) {
        let Some(input) = self.input.as_mut() else {
            self.message = Some("paste ignored: it goes into a prompt (/ to search)".into());
            return;
        };
        let room = MAX_INPUT_CHARS.saturating_sub(input.text.chars().count());
        let before = input.text.len();
        input.text.extend(
            text.chars()
                .map(|c| if c.is_whitespace() { ' ' } else { c })
                .filter(|c| !c.is_control())
                .take(room),
        );
        if input.text.len() != before {
            let input = input.clone();
            self.input_changed(&input);
        }
    }

    /// Live effect of typing (filters and search follow each key).
    fn input_changed(&mut self, input: &Input) {
        match &input.purpose {
            Purpose::BookmarkFilter => self.filter_bookmarks(&input.text),
            Purpose::Search => self.run_search(&input.text),
            Purpose::CorpusSearch => self.run_corpus_search(&input.text),
            Purpose::SidebarFilter => self.filter_sidebar(&input.text),
            Purpose::Note(_) => {}
        }
    }

    /// Enter (`accepted`) or Esc closed the input.
    fn input_done(&mut self, input: Input, accepted: bool) -> Vec<Effect> {
        match input.purpose {
            Purpose::Note(id) => {
                // An unchanged note is no change: saving it anyway made one bookmark count as
                // two unsaved changes when the disk failed.
                let note = input.text.trim().to_string();
                let same = self.bookmarks.iter().any(|b| b.id == id && b.note == note);
                if accepted && !same {
                    return vec![Effect::SetNote(id, note)];
                }
            }
            Purpose::BookmarkFilter => {
                if !accepted {
                    self.filter_bookmarks("");
                }
            }
            Purpose::Search => {
                if accepted {
                    self.complete_search();
                } else {
                    self.search = None;
                }
            }
            Purpose::CorpusSearch => {
                if !accepted {
                    self.overlay = None;
                }
            }
            Purpose::SidebarFilter => {
                if !accepted {
                    self.filter_sidebar("");
                }
            }
        }
        Vec::new()
    }
}
