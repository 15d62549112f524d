//! Reading `config.toml`'s text: every mistake is said with its line, and every setting that is
//! right is kept. A syntax error costs only what it spoils (toml's parser recovers and goes on).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::collections::BTreeSet;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{COLOR_NAMES, Config, LABELS, ListOrder, ThemeName, color::is_color};
mod bindings;

use bindings::{check_bindings, keys};

/// The problems found, with the line each is on.
struct Problems<'t> {
    text: &'t str,
    found: Vec<(usize, String)>,
    /// Lines a syntax error spoils: what is on them is not read at all.
    broken: BTreeSet<usize>,
}

impl<'t> Problems<'t> {
    fn line(&self, offset: usize) -> usize {
        let before = self.text.get(..offset).unwrap_or(self.text);
        before.bytes().filter(|&b| b == b'\n').count() + 1
    }

    fn lines(&self, span: &Range<usize>) -> Range<usize> {
        self.line(span.start)..self.line(span.end.max(span.start)) + 1
    }

    fn at(&mut self, span: &Range<usize>, what: String) {
        let line = self.line(span.start);
        self.found
            .push((line, liseuse_document::sanitize::one_line(&what)));
    }

    fn syntax(&mut self, span: Range<usize>, what: &str) {
        let line = self.line(span.start);
        // One message a line: a broken line makes the parser complain several times.
        if self.broken.insert(line) {
            self.at(&span, what.to_string());
        }
    }

    fn spoiled(&self, span: &Range<usize>) -> bool {
        self.lines(span).any(|l| self.broken.contains(&l))
    }

    /// The text of `span`, short and safe to show.
    fn shown(&self, span: &Range<usize>) -> String {
        let s = self.text.get(span.clone()).unwrap_or_default();
        let s = liseuse_document::sanitize::one_line(s);
        match s.char_indices().nth(40) {
            Some((i, _)) => format!("{}…", s.get(..i).unwrap_or_default()),
            None => s,
        }
    }
}

/// Parses `text`; returns the settings it gives right (the defaults for the rest) and one line
/// per problem, `line N: …`, in line order.
pub fn parse_all(text: &str) -> (Config, Vec<String>) {
    let (doc, errors) = DeTable::parse_recoverable(text);
    let mut p = Problems {
        text,
        found: Vec::new(),
        broken: BTreeSet::new(),
    };
    for e in &errors {
        p.syntax(e.span().unwrap_or(0..0), e.message());
    }
    let mut config = Config::default();
    let mut bindings = Vec::new();
    for (key, value) in entries(doc.get_ref()) {
        // A table's entries are checked one by one: a broken line spoils only its own.
        if p.spoiled(&key.span()) || (p.spoiled(&value.span()) && !value.get_ref().is_table()) {
            continue;
        }
        match key.get_ref().as_ref() {
            "reader_width" => reader_width(&mut config, value, &mut p),
            "min_confidence" => min_confidence(&mut config, value, &mut p),
            "theme" => theme(&mut config, value, &mut p),
            "labels" => labels(&mut config, value, &mut p),
            "list_order" => list_order(&mut config, value, &mut p),
            "fetch_at_start" => match value.get_ref().as_bool() {
                Some(b) => config.fetch_at_start = b,
                None => p.at(
                    &value.span(),
                    format!(
                        "fetch_at_start is true or false, not {}",
                        p.shown(&value.span())
                    ),
                ),
            },
            "colors" => colors(&mut config, value, &mut p),
            "keys" => bindings = keys(value, &mut config, &mut p),
            other => p.at(
                &key.span(),
                format!(
                    "unknown setting {other:?} (there are reader_width, theme, labels, \
                     min_confidence, list_order, fetch_at_start, [colors] and [keys])"
                ),
            ),
        }
    }
    config.keys = check_bindings(bindings, config.preset, &mut p);
    p.found.sort_by_key(|(line, _)| *line);
    let said = p
        .found
        .into_iter()
        .map(|(line, what)| format!("line {line}: {what}"))
        .collect();
    (config, said)
}

type Entry<'a, 'i> = (
    &'a Spanned<std::borrow::Cow<'i, str>>,
    &'a Spanned<DeValue<'i>>,
);

/// A table's entries in the order the file has them (toml's map is sorted by name).
fn entries<'a, 'i>(table: &'a DeTable<'i>) -> Vec<Entry<'a, 'i>> {
    let mut v: Vec<_> = table.iter().collect();
    v.sort_by_key(|(k, _)| k.span().start);
    v
}

fn reader_width(c: &mut Config, value: &Spanned<DeValue>, p: &mut Problems) {
    let width = value
        .get_ref()
        .as_integer()
        .and_then(|i| u16::from_str_radix(i.as_str(), i.radix()).ok());
    match width {
        Some(w) => c.reader_width = w,
        None => p.at(
            &value.span(),
            format!(
                "reader_width is a number of columns from 0 to 65535, not {}",
                p.shown(&value.span())
            ),
        ),
    }
}

fn min_confidence(c: &mut Config, value: &Spanned<DeValue>, p: &mut Problems) {
    let n = value
        .get_ref()
        .as_integer()
        .and_then(|i| u8::from_str_radix(i.as_str(), i.radix()).ok())
        .filter(|n| *n <= 100);
    match n {
        Some(n) => c.min_confidence = n,
        None => p.at(
            &value.span(),
            format!(
                "min_confidence is a number from 0 to 100, not {}",
                p.shown(&value.span())
            ),
        ),
    }
}

fn theme(c: &mut Config, value: &Spanned<DeValue>, p: &mut Problems) {
    let name = value.get_ref().as_str().map(str::to_ascii_lowercase);
    match name.as_deref() {
        Some("dark") => c.theme = ThemeName::Dark,
        Some("light") => c.theme = ThemeName::Light,
        Some("none") => c.theme = ThemeName::None,
        _ => p.at(
            &value.span(),
            format!(
                "unknown theme {} (use \"dark\", \"light\" or \"none\")",
                p.shown(&value.span())
            ),
        ),
    }
}

fn list_order(c: &mut Config, value: &Spanned<DeValue>, p: &mut Problems) {
    let name = value.get_ref().as_str().map(str::to_ascii_lowercase);
    match name.as_deref() {
        Some("path") => c.list_order = ListOrder::Path,
        Some("date") => c.list_order = ListOrder::Date,
        _ => p.at(
            &value.span(),
            format!(
                "unknown list_order {} (use \"path\" or \"date\")",
                p.shown(&value.span())
            ),
        ),
    }
}

fn labels(c: &mut Config, value: &Spanned<DeValue>, p: &mut Problems) {
    let Some(list) = value.get_ref().as_array() else {
        return p.at(
            &value.span(),
            String::from("labels is a list, such as [\"PER\", \"ORG\"]"),
        );
    };
    let mut kept = Vec::new();
    for item in list.iter() {
        match item.get_ref().as_str() {
            Some(l) if LABELS.contains(&l) => kept.push(l.to_string()),
            _ => p.at(
                &item.span(),
                format!(
                    "unknown label {} (use {})",
                    p.shown(&item.span()),
                    LABELS.join(", ")
                ),
            ),
        }
    }
    c.labels = kept;
}

fn colors(c: &mut Config, value: &Spanned<DeValue>, p: &mut Problems) {
    let Some(table) = value.get_ref().as_table() else {
        return p.at(&value.span(), String::from("colors is a table: [colors]"));
    };
    for (name, v) in entries(table) {
        if p.spoiled(&name.span()) || p.spoiled(&v.span()) {
            continue;
        }
        if !COLOR_NAMES.contains(&name.get_ref().as_ref()) {
            p.at(
                &name.span(),
                format!(
                    "unknown colour {:?} (use {})",
                    name.get_ref(),
                    COLOR_NAMES.join(", ")
                ),
            );
            continue;
        }
        match v.get_ref().as_str() {
            Some(s) if is_color(s) => {
                c.colors.insert(name.get_ref().to_string(), s.to_string());
            }
            _ => p.at(
                &v.span(),
                format!(
                    "{} = {} is not a colour (a name such as red or lightcyan, a number 0-255, \
                     or \"#rrggbb\")",
                    name.get_ref(),
                    p.shown(&v.span())
                ),
            ),
        }
    }
}
