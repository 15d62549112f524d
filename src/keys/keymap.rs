//! Keys to actions, as data. The default bindings are a table of key names so that a config file
//! can patch them by action name, and so that the help overlay is generated from the same table.

use crate::keys::action::{Action, Context};
pub use crate::keys::preset::{LESS_BINDINGS, Preset};

/// A key, independent of the terminal library that reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Parses `j`, `G`, `Ctrl-c`, `Alt-x`, `PageDown`, `Shift-Tab`, `F1`, `Space`.
    pub fn parse(s: &str) -> Option<Key> {
        let mut key = Key::plain(KeyCode::Esc);
        let mut rest = s;
        loop {
            if let Some(r) = strip_prefix_ci(rest, "ctrl-") {
                key.ctrl = true;
                rest = r;
            } else if let Some(r) = strip_prefix_ci(rest, "alt-") {
                key.alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "shift-tab" | "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                f if f.starts_with('f') => KeyCode::F(f[1..].parse().ok()?),
                _ => return None,
            },
        };
        Some(key)
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.ctrl {
            write!(f, "Ctrl-")?;
        }
        if self.alt {
            write!(f, "Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => write!(f, "Space"),
            // A config may bind a control character: show it, never send it to the terminal.
            KeyCode::Char(c) => {
                let mut shown = String::new();
                liseuse_document::sanitize::push_display(c, &mut shown);
                f.write_str(&shown)
            }
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::BackTab => write!(f, "Shift-Tab"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The default bindings: several keys may ask for one action.
pub const DEFAULT_BINDINGS: &[(&str, Action)] = &[
    ("j", Action::Down),
    ("Down", Action::Down),
    ("k", Action::Up),
    ("Up", Action::Up),
    ("PageDown", Action::PageDown),
    ("Space", Action::PageDown),
    ("Ctrl-f", Action::PageDown),
    ("PageUp", Action::PageUp),
    ("Ctrl-b", Action::PageUp),
    ("Ctrl-d", Action::HalfPageDown),
    ("d", Action::HalfPageDown),
    ("Ctrl-u", Action::HalfPageUp),
    ("u", Action::HalfPageUp),
    ("Ctrl-e", Action::ScrollDown),
    ("Ctrl-y", Action::ScrollUp),
    ("g", Action::Top),
    ("Home", Action::Top),
    ("G", Action::Bottom),
    ("End", Action::Bottom),
    ("%", Action::Percent),
    ("Enter", Action::Open),
    ("]", Action::NextArticle),
    ("[", Action::PrevArticle),
    ("U", Action::NextUnread),
    ("S", Action::SortList),
    ("A", Action::ListNaming),
    ("H", Action::UnreadOnly),
    ("Tab", Action::FocusNext),
    ("Shift-Tab", Action::FocusPrev),
    ("s", Action::ToggleSidebar),
    ("z", Action::Zoom),
    (">", Action::WiderList),
    ("<", Action::NarrowerList),
    ("+", Action::WiderText),
    ("-", Action::NarrowerText),
    ("}", Action::NextChapter),
    ("{", Action::PrevChapter),
    ("c", Action::ToggleScope),
    ("P", Action::ShowPeople),
    ("O", Action::ShowOrganisations),
    ("L", Action::ShowPlaces),
    ("D", Action::ShowDates),
    ("M", Action::Mentions),
    ("w", Action::Company),
    ("\"", Action::Said),
    ("x", Action::Correct),
    ("T", Action::Timeline),
    ("b", Action::Bookmark),
    ("v", Action::Select),
    ("B", Action::Bookmarks),
    ("e", Action::EditNote),
    ("d", Action::Delete),
    ("u", Action::Undo),
    ("m", Action::SetMark),
    ("'", Action::GotoMark),
    ("n", Action::Next),
    ("N", Action::Prev),
    ("F", Action::SearchAll),
    ("/", Action::Search),
    ("&", Action::Filter),
    (":", Action::Command),
    ("t", Action::Contents),
    ("l", Action::Links),
    ("a", Action::FetchLink),
    ("o", Action::BrowseLink),
    ("c", Action::CopyLink),
    ("R", Action::RefreshFeeds),
    ("=", Action::Info),
    ("Ctrl-g", Action::Info),
    ("Ctrl-l", Action::Redraw),
    ("Ctrl-z", Action::Suspend),
    ("?", Action::Help),
    ("F1", Action::Help),
    ("Esc", Action::Cancel),
    ("q", Action::Quit),
    ("Q", Action::Quit),
    ("Ctrl-c", Action::Quit),
];

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
    /// The keys it started from.
    pub preset: Preset,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: DEFAULT_BINDINGS
                .iter()
                .filter_map(|(k, a)| Some((Key::parse(k)?, *a)))
                .collect(),
            preset: Preset::Liseuse,
        }
    }
}

impl Keymap {
    /// The keys of `preset`, before a config's own bindings.
    pub fn preset(preset: Preset) -> Keymap {
        let mut km = Keymap::default();
        if preset == Preset::Less {
            for (action, keys) in LESS_BINDINGS {
                let keys: Vec<Key> = keys.iter().filter_map(|k| Key::parse(k)).collect();
                km.bind(*action, &keys);
            }
            km.preset = preset;
        }
        km
    }

    /// The key that quits whatever a config says: no file can leave liseuse without a way out.
    pub const ALWAYS_QUIT: Key = Key::ctrl('c');

    /// The first action bound to `key`, wherever it applies.
    pub fn action(&self, key: Key) -> Option<Action> {
        if key == Keymap::ALWAYS_QUIT {
            return Some(Action::Quit);
        }
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, a)| *a)
    }

    /// The action `key` asks for in `ctx`: the first one bound to it that means something
    /// there. Ctrl-C always quits, whatever the bindings say, so a config can never leave
    /// no way out.
    pub fn action_in(&self, key: Key, ctx: Context) -> Option<Action> {
        if key == Keymap::ALWAYS_QUIT {
            return Some(Action::Quit);
        }
        self.bindings
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, a)| *a)
            .find(|a| a.applies(ctx))
    }

    /// What the help says after an action that has no key (none when it has one).
    pub fn no_key_note(&self, a: Action) -> &'static str {
        match (self.keys_for(a).is_empty(), a) {
            (false, _) => "",
            (true, Action::SearchBack) => " (no key: keys = \"less\" puts it on ?)",
            (true, _) => " (no key: give it one in [keys])",
        }
    }

    /// The keys bound to `action`, in binding order.
    pub fn keys_for(&self, action: Action) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| *k)
            .collect()
    }

    /// Replaces every binding of `action` by `keys`; a key bound to another action where both
    /// apply moves here (`d` for delete in the bookmark list keeps `d` for half a page in the
    /// reader). [`ALWAYS_QUIT`](Self::ALWAYS_QUIT) stays Quit's: it is neither unbound nor
    /// moved.
    pub fn bind(&mut self, action: Action, keys: &[Key]) {
        let keys: Vec<Key> = keys
            .iter()
            .copied()
            .filter(|&k| k != Keymap::ALWAYS_QUIT || action == Action::Quit)
            .collect();
        let shares = |a: Action| {
            Context::ALL
                .iter()
                .any(|&c| a.applies(c) && action.applies(c))
        };
        self.bindings
            .retain(|(k, a)| *a != action && !(keys.contains(k) && shares(*a)));
        self.bindings.extend(keys.iter().map(|k| (*k, action)));
        let always = (Keymap::ALWAYS_QUIT, Action::Quit);
        if !self.bindings.contains(&always) {
            self.bindings.push(always);
        }
    }
}

/// The key table for the README: generated here so a test can check the README against it.
pub fn markdown_table(keymap: &Keymap) -> String {
    let mut out = String::from("| keys | action |\n| --- | --- |\n");
    for &a in Action::ALL {
        let keys: Vec<String> = keymap
            .keys_for(a)
            .iter()
            .map(|k| format!("`{}`", k.to_string().replace('|', "\\|")))
            .collect();
        let none = keymap.no_key_note(a);
        out.push_str(&format!("| {} | {}{none} |\n", keys.join(" "), a.help()));
    }
    out
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
