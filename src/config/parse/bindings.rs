//! The `[keys]` table (or a preset's name) read into bindings, and the bindings checked
//! together: Ctrl-c stays Quit's, no key means two things in one place, an action left without
//! a key is said. Apart from the other settings, each of which is one value.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::collections::BTreeMap;

use toml::Spanned;
use toml::de::DeValue;

use super::{Config, Problems, entries};
use crate::keys::action::{Action, Context};
use crate::keys::keymap::{Key, Keymap, Preset};

/// One `[keys]` entry, in file order.
pub(super) struct Binding {
    action: Action,
    line: usize,
    /// The keys that parsed, with their text and line.
    keys: Vec<(Key, String, usize)>,
    /// The list as written was empty (`quit = []`).
    empty: bool,
}

/// The keys' preset from a value (`"less"`), or says what is wrong with it.
fn preset(c: &mut Config, value: &Spanned<DeValue>, p: &mut Problems) {
    match value.get_ref().as_str().and_then(Preset::from_name) {
        Some(preset) => c.preset = preset,
        None => p.at(
            &value.span(),
            format!(
                "unknown keys preset {} (there are \"liseuse\" and \"less\")",
                p.shown(&value.span())
            ),
        ),
    }
}

pub(super) fn keys(value: &Spanned<DeValue>, c: &mut Config, p: &mut Problems) -> Vec<Binding> {
    if value.get_ref().as_str().is_some() {
        // `keys = "less"`: a preset and no binding of its own.
        preset(c, value, p);
        return Vec::new();
    }
    let Some(table) = value.get_ref().as_table() else {
        p.at(
            &value.span(),
            String::from("keys is a table, [keys], or a preset: keys = \"less\""),
        );
        return Vec::new();
    };
    // The preset first: the bindings below change its keys, wherever it is written.
    if let Some((_, v)) = entries(table)
        .into_iter()
        .find(|(name, _)| name.get_ref() == "preset")
        && !p.spoiled(&v.span())
    {
        preset(c, v, p);
    }
    let mut out = Vec::new();
    for (name, v) in entries(table) {
        if p.spoiled(&name.span()) || p.spoiled(&v.span()) || name.get_ref() == "preset" {
            continue;
        }
        let Some(action) = Action::from_name(name.get_ref()) else {
            p.at(
                &name.span(),
                format!(
                    "unknown action {:?} (`liseuse --print-config` lists them all)",
                    name.get_ref()
                ),
            );
            continue;
        };
        let Some(list) = v.get_ref().as_array() else {
            p.at(
                &v.span(),
                format!(
                    "{} takes a list of keys, such as [\"j\", \"Down\"]",
                    action.name()
                ),
            );
            continue;
        };
        let mut keys = Vec::new();
        for item in list.iter() {
            match item
                .get_ref()
                .as_str()
                .and_then(|s| Some((Key::parse(s)?, s)))
            {
                Some((k, s)) => keys.push((k, s.to_string(), p.line(item.span().start))),
                None => p.at(
                    &item.span(),
                    format!(
                        "unknown key {} for {}",
                        p.shown(&item.span()),
                        action.name()
                    ),
                ),
            }
        }
        if keys.is_empty() && !list.is_empty() {
            // Every key was wrong and said so: the defaults stay rather than no key at all.
            continue;
        }
        out.push(Binding {
            action,
            line: p.line(name.span().start),
            keys,
            empty: list.is_empty(),
        });
    }
    out
}

/// Two different actions that would both answer a key somewhere (`d` may mean half a page in
/// the reader and delete in the bookmark list, but not both in one place).
fn clash(a: Action, b: Action) -> bool {
    a != b && Context::ALL.iter().any(|&c| a.applies(c) && b.applies(c))
}

/// Keeps the bindings that can work together: Ctrl-c stays Quit's, a key claimed by two
/// actions in one place stays with the first claim. Says what is dropped, and which action is
/// left without a key.
pub(super) fn check_bindings(
    bindings: Vec<Binding>,
    preset: Preset,
    p: &mut Problems,
) -> BTreeMap<String, Vec<String>> {
    let mut claimed: Vec<(Key, Action, usize)> = Vec::new();
    let mut kept = BTreeMap::new();
    let mut keymap = Keymap::preset(preset);
    let defaults = Keymap::preset(preset);
    for b in bindings {
        let name = b.action.name();
        // An action without a key to start with loses nothing.
        if b.empty && !defaults.keys_for(b.action).is_empty() {
            let what = match b.action {
                Action::Quit => String::from("quit = [] leaves only Ctrl-c to quit"),
                _ => format!("{name} = [] leaves {name} without a key"),
            };
            p.found.push((b.line, what));
        }
        let mut keys = Vec::new();
        for (key, text, line) in b.keys {
            if key == Keymap::ALWAYS_QUIT && b.action != Action::Quit {
                p.found.push((
                    line,
                    format!("{key} always quits; it is not bound to {name}"),
                ));
            } else if let Some((_, first, at)) = claimed
                .iter()
                .find(|(k, a, _)| *k == key && clash(*a, b.action))
            {
                p.found.push((
                    line,
                    format!(
                        "{key} is bound to both {} (line {at}) and {name}, which apply in the \
                         same place: it stays with {}",
                        first.name(),
                        first.name()
                    ),
                ));
            } else if claimed.iter().any(|(k, a, _)| *k == key && *a == b.action) {
                // The same key twice for one action: nothing to say.
            } else {
                claimed.push((key, b.action, line));
                keys.push((key, text));
            }
        }
        let parsed: Vec<Key> = keys.iter().map(|(k, _)| *k).collect();
        keymap.bind(b.action, &parsed);
        kept.insert(
            name.to_string(),
            keys.into_iter().map(|(_, text)| text).collect(),
        );
    }
    // A key the file gave to one action was another's default: say if that one has none left.
    for &action in Action::ALL {
        if kept.contains_key(action.name()) || !keymap.keys_for(action).is_empty() {
            continue;
        }
        for key in defaults.keys_for(action) {
            if let Some((_, _, line)) = claimed.iter().find(|(k, _, _)| *k == key) {
                p.found.push((
                    *line,
                    format!(
                        "{key} was the key of {}, which now has none (give it one in [keys])",
                        action.name()
                    ),
                ));
                break;
            }
        }
    }
    kept
}
