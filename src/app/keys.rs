//! A key on its way to an action: typed into an open prompt, taken as a count (`5j`) or as the
//! letter a mark key waits for, looked up in the keymap for where it was pressed, and said to
//! be no key there when it is none.

use super::overlay::Overlay;
use super::{App, Effect, Focus, Prefix};
use crate::keys::action::Context;
use crate::keys::keymap::{Key, KeyCode};

/// Counts stop growing here: `99999999j` must not overflow nor take an age.
const MAX_COUNT: usize = 1_000_000;

impl App {
    /// Where a key is looked up now.
    pub fn context(&self) -> Context {
        self.overlay
            .as_ref()
            .map_or(Context::Panes, Overlay::context)
    }

    pub(super) fn on_key(&mut self, key: Key, fx: &mut Vec<Effect>) {
        // The user has moved on: the article open last time is no longer waited for.
        self.reading.last = None;
        // Ctrl-C quits from anywhere, whatever the config binds.
        if key == Key::ctrl('c') {
            self.status.key_pressed();
            return self.quit(fx);
        }
        if self.input.is_some() {
            // Typing into a prompt is still the action that opened it: what it said stays.
            return self.input_key(key, fx);
        }
        self.status.key_pressed();
        if let Some(prefix) = self.prefix.take() {
            return self.finish_prefix(prefix, key);
        }
        if matches!(self.overlay, Some(Overlay::Correct(_))) {
            return self.correct_key(key, fx);
        }
        if let KeyCode::Char(c) = key.code
            && let Some(d) = c.to_digit(10)
            && !key.ctrl
            && !key.alt
            && (d > 0 || self.count.is_some())
            && self.keymap.action_in(key, self.context()).is_none()
        {
            let n = self.count.unwrap_or(0).saturating_mul(10) + d as usize;
            self.count = Some(n.min(MAX_COUNT));
            return;
        }
        let count = self.count.take();
        let Some(action) = self.keymap.action_in(key, self.context()) else {
            if matches!(self.overlay, Some(Overlay::Help(_))) {
                // Any key that does not scroll the help closes it.
                self.overlay = None;
            } else if key.code != KeyCode::Esc {
                self.status.say(format!(
                    "{}: not a key here, ? for help",
                    liseuse_document::sanitize::display(&key.to_string())
                ));
            }
            return;
        };
        if self.overlay.is_some() {
            self.overlay_action(action, count.unwrap_or(1), fx);
        } else {
            self.apply(action, count, fx);
        }
    }

    /// The letter after `m` or `'`.
    fn finish_prefix(&mut self, prefix: Prefix, key: Key) {
        let KeyCode::Char(letter) = key.code else {
            return;
        };
        if key.ctrl || key.alt || !letter.is_alphanumeric() {
            self.status
                .say("a mark is a letter: m then a letter sets it, ' then the letter goes back");
            return;
        }
        let (Some(i), Some(r)) = (self.reading.open, &self.reading.reader) else {
            self.status.say("no article open");
            return;
        };
        let Some(path) = self.library.articles.get(i).map(|a| a.entry.path.clone()) else {
            return;
        };
        match prefix {
            Prefix::SetMark => {
                let at = r.offset_of(r.cursor);
                self.reading.set_mark(&path, letter, at);
                self.status.say(format!(
                    "mark {letter} set: ' then {letter} comes back here"
                ));
            }
            Prefix::GotoMark => match self.reading.mark(&path, letter) {
                Some(at) => {
                    if let Some(r) = &mut self.reading.reader {
                        r.goto_offset(at);
                    }
                    self.focus = Focus::Reader;
                }
                None => {
                    let set = self.reading.marks_in(&path);
                    self.status.say(if set.is_empty() {
                        format!("no mark {letter} in this article (m then a letter sets one)")
                    } else {
                        format!("no mark {letter} in this article (marks here: {set})")
                    });
                }
            },
        }
    }
}
