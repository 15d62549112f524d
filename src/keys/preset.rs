//! The keys to start from: liseuse's own, or less's (`keys = "less"` in the config), for those
//! whose fingers know less. The config's own bindings then change either.

use crate::keys::action::Action;

/// The keys to start from: liseuse's own, or less's (`keys = "less"` in the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preset {
    #[default]
    Liseuse,
    /// less's habits: `b` and `f` page, `?` searches backwards, `h` is help, `&` filters. The
    /// keys they take from liseuse's own move: bookmark to `a`, help to `h` (and F1).
    Less,
}

impl Preset {
    pub fn name(self) -> &'static str {
        match self {
            Preset::Liseuse => "liseuse",
            Preset::Less => "less",
        }
    }

    pub fn from_name(name: &str) -> Option<Preset> {
        match name {
            "liseuse" | "default" => Some(Preset::Liseuse),
            "less" => Some(Preset::Less),
            _ => None,
        }
    }
}

/// What the less preset changes: each action with all of its keys.
pub const LESS_BINDINGS: &[(Action, &[&str])] = &[
    (
        Action::PageDown,
        &["PageDown", "Space", "Ctrl-f", "f", "Ctrl-v"],
    ),
    (Action::PageUp, &["PageUp", "Ctrl-b", "b", "Alt-v"]),
    (Action::ScrollDown, &["Ctrl-e", "e", "Ctrl-n"]),
    (Action::ScrollUp, &["Ctrl-y", "y", "Ctrl-p"]),
    (Action::SearchBack, &["?"]),
    (Action::Help, &["h", "F1"]),
    (Action::Bookmark, &["a"]),
];
