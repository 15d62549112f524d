//! Settings from `config.toml`: theme and colours, key bindings by action name, which entity
//! labels to show, and the reader's width limit. A bad file never stops liseuse: it says what is
//! wrong and where, and the defaults are used.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::action::Action;
use crate::keymap::{Key, Keymap};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The defaults, commented, as `liseuse --print-config` prints them. Parsing this must give
/// `Config::default()` (a test checks it).
pub const DEFAULT_TOML: &str = r##"# liseuse configuration: every setting is optional; the values shown are the defaults.
# Put this file at the path `liseuse --print-config-path` prints, or pass --config FILE.

# Widest the article's text may be, in columns; it is centred in the reader. 0 = the pane's width.
reader_width = 0

# "dark", "light" or "none" (no colours; NO_COLOR in the environment also selects it).
theme = "dark"

# Entity labels highlighted in the text and listed in the sidebar: any of PER, ORG, LOC, DATE.
labels = ["PER", "ORG", "LOC", "DATE"]

[colors]
# Colour overrides, by name (red, lightcyan, …), number (0-255) or "#rrggbb". For example:
# person = "#ffaf5f"
# organisation = "lightcyan"
# place = "lightgreen"
# date = "lightmagenta"
# title = "yellow"
# focus = "cyan"

[keys]
# Each action with the keys that ask for it; this replaces that action's default keys.
# Key names: a character, Space, Enter, Esc, Tab, Shift-Tab, Up, Down, Left, Right, PageUp,
# PageDown, Home, End, Backspace, Delete, F1…F12, with Ctrl- or Alt- in front. For example:
# down = ["j", "Down"]
# quit = ["q", "Ctrl-c"]
"##;

pub const LABELS: &[&str] = &["PER", "ORG", "LOC", "DATE"];

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub reader_width: u16,
    pub theme: ThemeName,
    pub labels: Vec<String>,
    pub colors: BTreeMap<String, String>,
    pub keys: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
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
            colors: BTreeMap::new(),
            keys: BTreeMap::new(),
        }
    }
}

/// Colour names a config may set.
pub const COLOR_NAMES: &[&str] = &["person", "organisation", "place", "date", "title", "focus"];

/// Where the config file lives unless `--config` says otherwise.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "liseuse").map(|d| d.config_dir().join("config.toml"))
}

/// Parses a config file's text; the error names the line.
pub fn parse(text: &str) -> Result<Config, String> {
    let config: Config = toml::from_str(text).map_err(|e| one_line(&e.to_string()))?;
    for label in &config.labels {
        if !LABELS.contains(&label.as_str()) {
            return Err(format!(
                "line {}: unknown label {label:?} (use PER, ORG, LOC, DATE)",
                line_of(text, &format!("\"{label}\""))
            ));
        }
    }
    for name in config.colors.keys() {
        if !COLOR_NAMES.contains(&name.as_str()) {
            return Err(format!(
                "line {}: unknown colour {name:?} (use {})",
                line_of(text, name),
                COLOR_NAMES.join(", ")
            ));
        }
    }
    for (name, keys) in &config.keys {
        if Action::from_name(name).is_none() {
            return Err(format!(
                "line {}: unknown action {name:?} (`liseuse --print-config` lists them in the help)",
                line_of(text, name)
            ));
        }
        for k in keys {
            if Key::parse(k).is_none() {
                return Err(format!(
                    "line {}: unknown key {k:?} for {name}",
                    line_of(text, &format!("\"{k}\""))
                ));
            }
        }
    }
    Ok(config)
}

/// toml's messages span several lines with a caret drawing; the status bar has one line.
fn one_line(msg: &str) -> String {
    let mut lines = msg.lines().filter(|l| !l.trim().is_empty());
    let head = lines.next().unwrap_or("invalid config").trim();
    let last = msg
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.contains('|') && !l.contains('^'));
    let head = head.trim_start_matches("TOML parse error at ");
    match last {
        Some(l) if l.trim() != head => format!("{}: {}", head.trim_end_matches(':'), l.trim()),
        _ => head.to_string(),
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle) && !l.trim_start().starts_with('#'))
        .map_or(0, |i| i + 1)
}

/// A config file is a few lines; anything bigger is not one.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Reads the config: `path` if given (an error if it cannot be read), else the default path
/// (silently the defaults when there is none). On any problem: the defaults, and a one-line
/// message saying what was wrong.
pub fn load(path: Option<&Path>) -> (Config, Option<String>) {
    let (path, must_exist) = match path {
        Some(p) => (p.to_path_buf(), true),
        None => match default_path() {
            Some(p) => (p, false),
            None => return (Config::default(), None),
        },
    };
    // Through `readfile`: a config path that is a FIFO or a device must not block start-up.
    let read = crate::readfile::read_regular(&path, MAX_CONFIG_BYTES).and_then(|(bytes, more)| {
        if more {
            return Err(std::io::Error::other("larger than 1 MB"));
        }
        String::from_utf8(bytes)
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"))
    });
    let text = match read {
        Ok(t) => t,
        Err(e) if !must_exist && e.kind() == std::io::ErrorKind::NotFound => {
            return (Config::default(), None);
        }
        Err(e) => {
            return (
                Config::default(),
                Some(format!(
                    "config {}: {}; using defaults",
                    path.display(),
                    crate::library::plain_io_error(&e)
                )),
            );
        }
    };
    match parse(&text) {
        Ok(c) => (c, None),
        Err(e) => (
            Config::default(),
            Some(format!("config {}: {e}; using defaults", path.display())),
        ),
    }
}

impl Config {
    /// The default keymap with this config's bindings applied.
    pub fn keymap(&self) -> Keymap {
        let mut km = Keymap::default();
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
mod tests {
    use super::*;
    use crate::keymap::KeyCode;

    #[test]
    fn printed_defaults_parse_to_the_defaults() {
        assert_eq!(parse(DEFAULT_TOML).unwrap(), Config::default());
    }

    #[test]
    fn valid_file_changes_what_it_says() {
        let c = parse(
            "reader_width = 72\ntheme = \"light\"\nlabels = [\"PER\"]\n[keys]\ndown = [\"n\"]\n[colors]\nperson = \"#ff0000\"\n",
        )
        .unwrap();
        assert_eq!(c.reader_width, 72);
        assert_eq!(c.theme, ThemeName::Light);
        assert!(c.shows_label("PER") && !c.shows_label("ORG"));
        let km = c.keymap();
        assert_eq!(
            km.action(Key::plain(KeyCode::Char('n'))),
            Some(Action::Down)
        );
        assert_eq!(km.action(Key::plain(KeyCode::Char('j'))), None);
    }

    #[test]
    fn syntax_error_names_the_line() {
        let err = parse("reader_width = 72\ntheme = dark\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        assert!(!err.contains('\n'), "one line: {err}");
    }

    #[test]
    fn unknown_keys_are_refused_with_their_line() {
        let err = parse("reader_width = 72\nfont = \"big\"\n").unwrap_err();
        assert!(err.contains("line 2") && err.contains("font"), "{err}");
        let err = parse("[keys]\nfly = [\"f\"]\n").unwrap_err();
        assert!(err.contains("line 2") && err.contains("fly"), "{err}");
        let err = parse("[keys]\ndown = [\"Hyper-x\"]\n").unwrap_err();
        assert!(err.contains("line 2") && err.contains("Hyper-x"), "{err}");
        let err = parse("labels = [\"MISC\"]\n").unwrap_err();
        assert!(err.contains("line 1") && err.contains("MISC"), "{err}");
    }

    #[test]
    fn wrong_type_is_an_error() {
        let err = parse("reader_width = \"wide\"\n").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
    }

    #[test]
    fn missing_explicit_file_falls_back_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let (c, msg) = load(Some(&dir.path().join("none.toml")));
        assert_eq!(c, Config::default());
        assert!(msg.unwrap().contains("using defaults"));
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, "theme = 3\n").unwrap();
        let (c, msg) = load(Some(&bad));
        assert_eq!(c, Config::default());
        assert!(msg.unwrap().contains("line 1"));
    }
}
