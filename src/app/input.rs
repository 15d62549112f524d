//! One-line text input: a note, a filter, a search, a command. While it is open, keys type
//! into it instead of going through the keymap.

use super::{App, Effect, Follow};
use crate::keys::keymap::{Key, KeyCode};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// The note of the bookmark with this id.
    Note(String),
    BookmarkFilter,
    SidebarFilter,
    /// The file list's title filter.
    ListFilter,
    Search,
    /// A search typed after `?` (less's keys): backwards from the cursor.
    SearchBack,
    /// `&`: the paragraphs to show.
    Filter,
    CorpusSearch,
    /// A `:` command.
    Command,
    /// The new name of the entity `id`, shown as `name` when the prompt opened (`x` then `r`).
    Rename {
        id: liseuse_entity::EntityId,
        name: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub purpose: Purpose,
    pub text: String,
    /// Said after the text while typing (a paste cut short).
    pub note: Option<String>,
}

impl Input {
    pub fn new(purpose: Purpose, text: &str) -> Input {
        Input {
            purpose,
            text: text.to_string(),
            note: None,
        }
    }

    /// What the status bar shows before the text.
    pub fn prompt(&self) -> &'static str {
        match self.purpose {
            Purpose::Note(_) => "Note (Enter saves, Esc skips): ",
            Purpose::BookmarkFilter | Purpose::SidebarFilter => "Filter: ",
            Purpose::ListFilter => "Filter titles: ",
            Purpose::Search => "/",
            Purpose::SearchBack => "?",
            Purpose::Filter => "&",
            Purpose::CorpusSearch => "Search all articles: ",
            Purpose::Command => ":",
            Purpose::Rename { .. } => "New name (Enter renames, Esc leaves it): ",
        }
    }
}

/// Longest input kept: a note is one line, and a paste of a whole file must not become one.
pub const MAX_INPUT_CHARS: usize = 500;

impl App {
    /// Handles a key while an input is open.
    pub(super) fn input_key(&mut self, key: Key, fx: &mut Vec<Effect>) {
        let Some(input) = self.input.as_mut() else {
            return;
        };
        match key.code {
            KeyCode::Char('c') if key.ctrl => return self.quit(fx),
            KeyCode::Char('u') if key.ctrl => input.text.clear(),
            KeyCode::Char(c) if !key.ctrl && !c.is_control() => {
                if input.text.chars().count() >= MAX_INPUT_CHARS {
                    // Full: nothing changes, so no search or filter runs again. (A flood of
                    // keys into a full prompt re-searched the article once per key.)
                    return;
                }
                input.text.push(c);
            }
            KeyCode::Backspace => {
                if input.text.pop().is_none() && input.purpose == Purpose::Command {
                    // Backspace on an empty `:` leaves it, as in vim.
                    self.input = None;
                    return;
                }
            }
            KeyCode::Enter => {
                if let Some(i) = self.input.take() {
                    self.input_done(i, true, fx);
                }
                return;
            }
            KeyCode::Esc => {
                if let Some(i) = self.input.take() {
                    self.input_done(i, false, fx);
                }
                return;
            }
            _ => return,
        }
        if let Some(i) = self.input.clone() {
            self.input_changed(&i, fx);
        }
    }

    /// A paste (bracketed by the terminal, so it arrives whole rather than as keys that would
    /// run commands): typed into the open input, up to its limit, on one line; ignored, with a
    /// word, when no input is open.
    pub(super) fn paste(&mut self, text: &str, fx: &mut Vec<Effect>) {
        let Some(input) = self.input.as_mut() else {
            self.status
                .say("paste ignored: it goes into a prompt (/ to search)");
            return;
        };
        let room = MAX_INPUT_CHARS.saturating_sub(input.text.chars().count());
        let before = input.text.len();
        let mut kept = 0;
        let mut offered = 0;
        for c in text
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .filter(|c| !c.is_control())
        {
            offered += 1;
            if kept < room {
                input.text.push(c);
                kept += 1;
            }
        }
        if kept < offered {
            input.note = Some(format!(
                "paste cut to {MAX_INPUT_CHARS} characters: {} left out",
                offered - kept
            ));
        }
        if input.text.len() != before {
            let input = input.clone();
            self.input_changed(&input, fx);
        }
    }

    /// Live effect of typing (filters and search follow each key).
    fn input_changed(&mut self, input: &Input, fx: &mut Vec<Effect>) {
        match &input.purpose {
            Purpose::BookmarkFilter => self.filter_bookmarks(&input.text),
            Purpose::Search => self.run_search(&input.text, false),
            Purpose::SearchBack => self.run_search(&input.text, true),
            Purpose::CorpusSearch => self.run_corpus_search(&input.text, fx),
            Purpose::SidebarFilter => self.filter_sidebar(&input.text),
            Purpose::ListFilter => self.filter_list(&input.text),
            Purpose::Note(_) | Purpose::Command | Purpose::Filter | Purpose::Rename { .. } => {}
        }
    }

    /// Enter (`accepted`) or Esc closed the input.
    pub(super) fn input_done(&mut self, input: Input, accepted: bool, fx: &mut Vec<Effect>) {
        match input.purpose {
            Purpose::Note(id) => {
                // An unchanged note is no change: saving it anyway made one bookmark count as
                // two unsaved changes when the disk failed.
                let note = input.text.trim().to_string();
                let same = self.bookmarks.get(&id).is_some_and(|b| b.note == note);
                if accepted && !same {
                    self.change_bookmarks(Effect::SetNote(id, note), fx);
                }
            }
            Purpose::BookmarkFilter => {
                if !accepted {
                    self.filter_bookmarks("");
                }
            }
            Purpose::Filter => {
                if accepted {
                    self.filter_paragraphs(&input.text);
                }
            }
            Purpose::Search | Purpose::SearchBack => {
                if accepted {
                    self.complete_search();
                    self.reading.follow = Follow::Matches;
                } else {
                    self.reading.search = None;
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
            Purpose::ListFilter => {
                if !accepted {
                    self.filter_list("");
                } else if !self.list.is_filtered() {
                    self.status.say("every article is listed");
                } else {
                    let n = self.list_len();
                    self.status.say(format!(
                        "{} {:?} · Esc shows them all",
                        liseuse_document::plural::counted(n, "article matches", "articles match"),
                        self.list.filter
                    ));
                }
            }
            Purpose::Command => {
                if accepted {
                    self.run_command(&input.text, fx);
                }
            }
            Purpose::Rename { id, name } => {
                if accepted {
                    self.rename_entity(id, &name, &input.text, fx);
                }
            }
        }
    }
}
