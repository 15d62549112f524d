//! The help overlay: every action with its keys, made from the keymap so it cannot drift from
//! it, one column wrapped to the window and scrolled with the movement keys (any other key
//! closes it). `ui/help.rs` draws [`rows`] and the legend of the entity colours.

use super::super::{App, Effect};
use super::Overlay;
use crate::keys::action::Action;
use crate::keys::keymap::{Keymap, Preset};

#[derive(Debug, Clone, Default)]
pub struct HelpView {
    /// First row shown.
    pub top: usize,
}

/// One line of the help: the keys (empty on a continuation line) and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub text: String,
}

/// Lines under the keys: a blank line, the colour legend, what the counts mean, how to close.
pub const EXTRA_LINES: usize = 4;

/// The window's size for a terminal of `width`×`height`: inner width and rows for the keys.
pub fn window(width: u16, height: u16) -> (usize, usize) {
    let inner_w = usize::from(width.saturating_sub(4)).clamp(10, 100);
    let inner_h = usize::from(height.saturating_sub(2)).max(1);
    (inner_w, inner_h.saturating_sub(EXTRA_LINES).max(1))
}

/// Every action's line(s) for a window `width` cells wide inside.
pub fn rows(keymap: &Keymap, width: usize) -> Vec<HelpRow> {
    let mut all: Vec<(String, String)> = Action::ALL
        .iter()
        .map(|&a| {
            let keys: Vec<String> = keymap.keys_for(a).iter().map(|k| k.to_string()).collect();
            (keys.join(" "), a.help().to_string() + keymap.no_key_note(a))
        })
        .collect();
    let key_w = all
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let text_w = width.saturating_sub(key_w + 3).max(10);
    let mut out = Vec::new();
    if keymap.preset == Preset::Less {
        // What less's keys moved, said first: a reader of liseuse's own keys looks for them.
        let of = |a: Action| {
            let keys: Vec<String> = keymap.keys_for(a).iter().map(|k| k.to_string()).collect();
            keys.join(" ")
        };
        let moved = format!(
            "keys = \"less\": b and f page, ? searches backwards, & shows only the matching \
             paragraphs; bookmarking moved to {}, this help to {}",
            of(Action::Bookmark),
            of(Action::Help)
        );
        all.insert(0, (String::from("less"), moved));
    }
    for (keys, help) in all {
        let mut first = true;
        for line in textwrap::wrap(&help, text_w) {
            out.push(HelpRow {
                keys: if first { keys.clone() } else { String::new() },
                text: line.into_owned(),
            });
            first = false;
        }
    }
    out
}

impl App {
    pub(super) fn help_action(&mut self, action: Action, count: usize, _fx: &mut Vec<Effect>) {
        let (w, shown) = window(self.size.0, self.size.1);
        let last_top = rows(&self.keymap, w).len().saturating_sub(shown);
        let Some(Overlay::Help(h)) = &mut self.overlay else {
            return;
        };
        let page = shown.max(1);
        let by = |n: usize| n.saturating_mul(count.max(1));
        let top = match action {
            Action::Down => h.top.saturating_add(by(1)),
            Action::Up => h.top.saturating_sub(by(1)),
            Action::PageDown => h.top.saturating_add(by(page)),
            Action::PageUp => h.top.saturating_sub(by(page)),
            Action::HalfPageDown => h.top.saturating_add(by(page / 2)),
            Action::HalfPageUp => h.top.saturating_sub(by(page / 2)),
            Action::Top => 0,
            Action::Bottom => last_top,
            // Ctrl-C quits from anywhere (see `keys.rs`); `q`, like any other key, closes.
            _ => {
                self.overlay = None;
                return;
            }
        };
        h.top = top.min(last_top);
    }
}
