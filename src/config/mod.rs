//! Settings from `config.toml`: theme and colours, key bindings by action name, which entity
//! labels to show, and the reader's width limit. A bad file never stops liseuse, nor costs more
//! than its mistakes: every one is said with its line (`config/parse.rs`), and the rest of the
//! settings are used.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

mod color;
mod parse;

pub use color::is_color;
pub use parse::parse_all;

use crate::keys::action::Action;
use crate::keys::keymap::{Key, Keymap, Preset};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The settings before `[keys]`, as `--print-config` prints them; the key section is generated
/// from the action table (see [`default_toml`]).
const HEAD_TOML: &str = r##"# liseuse configuration: every setting is optional; the values shown are the defaults.
# Put this file at the path `liseuse --print-config-path` prints, or pass --config FILE.

# Widest the article's text may be, in columns; it is centred in the reader. 0 = the pane's width.
reader_width = 0

# "dark", "light" or "none" (no colours; NO_COLOR in the environment also selects it).
theme = "dark"

# Entity labels highlighted in the text and listed in the sidebar: any of PER, ORG, LOC, DATE.
labels = ["PER", "ORG", "LOC", "DATE"]

# How sure the entity engine must be of a name (0 to 100) for the sidebar, w, the merge picker,
# `liseuse entities` and `liseuse entity` to list it; names it is less sure of are still
# highlighted. 0 lists everything it found.
min_confidence = 50

# The file list's order: "path" (the folders' natural order) or "date" (newest first). S
# switches between them while liseuse runs.
list_order = "path"

# When liseuse opens the library of fetched articles (no path given), fetch the subscribed
# feeds' new articles in the background (`liseuse feed add URL` subscribes). R fetches them
# any time.
fetch_at_start = true

[colors]
# Colour overrides, by name (red, lightcyan, …), number (0-255) or "#rrggbb". For example:
# person = "#ffaf5f"
# organisation = "lightcyan"
# place = "lightgreen"
# date = "lightmagenta"
# title = "yellow"
# focus = "cyan"

[keys]
# The keys to start from: "liseuse" (these), or "less" for less's habits: b and f page, ? searches
# backwards, h is help, and what they took moves (bookmark to a). `keys = "less"` alone, before
# any table, says the same.
# preset = "liseuse"
# Each action with the keys that ask for it; a line replaces that action's default keys.
# Key names: a character, Space, Enter, Esc, Tab, Shift-Tab, Up, Down, Left, Right, PageUp,
# PageDown, Home, End, Backspace, Delete, F1…F12, with Ctrl- or Alt- in front. Ctrl-c always
# quits. Every action, with its default keys:
"##;

/// The defaults, commented, as `liseuse --print-config` prints them: every action with its
/// default keys and what it does. Parsing this gives `Config::default()` (a test checks it).
pub fn default_toml() -> String {
    let mut out = String::from(HEAD_TOML);
    let keymap = Keymap::default();
    let rows: Vec<(String, &str)> = Action::ALL
        .iter()
        .map(|&a| {
            let keys: Vec<String> = keymap
                .keys_for(a)
                .iter()
                .map(|k| toml_string(&k.to_string()))
                .collect();
            (format!("# {} = [{}]", a.name(), keys.join(", ")), a.help())
        })
        .collect();
    let width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    for (line, help) in rows {
        let pad = width - line.chars().count();
        out.push_str(&format!("{line}{}   # {help}\n", " ".repeat(pad)));
    }
    out
}

/// `s` as a TOML basic string.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

pub const LABELS: &[&str] = &["PER", "ORG", "LOC", "DATE"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub reader_width: u16,
    pub theme: ThemeName,
    pub labels: Vec<String>,
    /// The sidebar lists entities the engine is at least this sure of (0–100).
    pub min_confidence: u8,
    /// The file list's order at start.
    pub list_order: ListOrder,
    /// Fetch the feeds in the background when the library is opened.
    pub fetch_at_start: bool,
    /// Colour overrides by name ([`COLOR_NAMES`]); every value is a colour ([`is_color`]).
    pub colors: BTreeMap<String, String>,
    /// Keys by action name, as the file gives them; each key parses and belongs to one action.
    pub keys: BTreeMap<String, Vec<String>>,
    /// The keys the bindings start from (`keys = "less"`, or `preset = "less"` in `[keys]`).
    pub preset: Preset,
}

/// The file list's order (`list_order`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListOrder {
    #[default]
    Path,
    Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    None,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            reader_width: 0,
            theme: ThemeName::Dark,
            labels: LABELS.iter().map(|s| s.to_string()).collect(),
            min_confidence: liseuse_entity::DEFAULT_MIN_CONFIDENCE,
            list_order: ListOrder::Path,
            fetch_at_start: true,
            colors: BTreeMap::new(),
            keys: BTreeMap::new(),
            preset: Preset::Liseuse,
        }
    }
}

/// Colour names a config may set.
pub const COLOR_NAMES: &[&str] = &["person", "organisation", "place", "date", "title", "focus"];

/// Where the config file lives unless `--config` says otherwise.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "liseuse").map(|d| d.config_dir().join("config.toml"))
}

/// Parses a config file's text, all or nothing: the settings, or every problem in one line
/// (`line N: …; line M: …`). Liseuse itself uses [`parse_all`], which keeps what is right.
pub fn parse(text: &str) -> Result<Config, String> {
    let (config, problems) = parse_all(text);
    match problems.is_empty() {
        true => Ok(config),
        false => Err(problems.join("; ")),
    }
}

/// A config file is a few lines; anything bigger is not one.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Reads the config: `path` if given (an error if it cannot be read), else the default path
/// (silently the defaults when there is none). Returns the settings and one line per problem,
/// each naming the file: the startup shows them all.
pub fn load_all(path: Option<&Path>) -> (Config, Vec<String>) {
    let (path, must_exist) = match path {
        Some(p) => (p.to_path_buf(), true),
        None => match default_path() {
            Some(p) => (p, false),
            None => return (Config::default(), Vec::new()),
        },
    };
    // Through `readfile`: a config path that is a FIFO or a device must not block start-up.
    let read = liseuse_library::readfile::read_regular(&path, MAX_CONFIG_BYTES).and_then(
        |(bytes, more)| {
            if more {
                return Err(std::io::Error::other("larger than 1 MB"));
            }
            String::from_utf8(bytes)
                .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"))
        },
    );
    let shown = liseuse_document::sanitize::one_line(&path.display().to_string());
    let text = match read {
        Ok(t) => t,
        Err(e) if !must_exist && e.kind() == std::io::ErrorKind::NotFound => {
            return (Config::default(), Vec::new());
        }
        Err(e) => {
            let why = liseuse_library::plain_io_error(&e);
            return (
                Config::default(),
                vec![format!("config {shown}: {why}; using the defaults")],
            );
        }
    };
    let (config, problems) = parse_all(&text);
    let said = problems
        .into_iter()
        .map(|p| format!("config {shown}: {p}; the rest of the file is used"))
        .collect();
    (config, said)
}

/// [`load_all`] with its problems in one line: the first, and how many more.
pub fn load(path: Option<&Path>) -> (Config, Option<String>) {
    let (config, problems) = load_all(path);
    let message = problems.first().map(|first| match problems.len() - 1 {
        0 => first.clone(),
        more => format!("{first} (and {more} more)"),
    });
    (config, message)
}

impl Config {
    /// The default keymap with this config's bindings applied.
    pub fn keymap(&self) -> Keymap {
        let mut km = Keymap::preset(self.preset);
        for (name, keys) in &self.keys {
            if let Some(action) = Action::from_name(name) {
                let keys: Vec<Key> = keys.iter().filter_map(|k| Key::parse(k)).collect();
                km.bind(action, &keys);
            }
        }
        km
    }

    pub fn shows_label(&self, label: &str) -> bool {
        self.labels.iter().any(|l| l == label)
    }
}

#[cfg(test)]
mod tests;
