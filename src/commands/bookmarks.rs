//! `liseuse bookmarks list` (one line a bookmark, newest first) and `liseuse bookmarks export`
//! (Markdown reading notes, or W3C Web Annotations in JSON).

use std::path::Path;

use super::output::{Failure, Out, Outcome, say};
use crate::commands::cli::{BookmarksCommand, ExportFormat};
use liseuse_document::sanitize::one_line;
use liseuse_library::bookmark::{Bookmark, export_json, export_markdown};
use liseuse_library::store::{self, BookmarkStore};

pub fn run(data_dir: Option<&Path>, command: &BookmarksCommand) -> Outcome {
    let dir = store::data_dir(data_dir).map_err(|e| Failure::Failed(e.to_string()))?;
    let bookmarks = BookmarkStore::open(&dir);
    if let Some(why) = bookmarks.read_only() {
        // A damaged file is not an empty list: printing none with status 0 would say it is.
        if bookmarks.bookmarks().is_empty() {
            return Err(Failure::Failed(why.to_string()));
        }
        say(why);
    }
    let mut list = bookmarks.bookmarks().to_vec();
    list.sort_by(|a, b| b.created.cmp(&a.created));
    let mut out = Out::stdout();
    match command {
        BookmarksCommand::List => {
            for b in &list {
                out.line(&list_line(b))?;
            }
        }
        BookmarksCommand::Export { format } => match format {
            ExportFormat::Md => out.write(&export_markdown(&list))?,
            ExportFormat::Json => out.line(&export_json(&list))?,
        },
    }
    out.done()
}

/// `date  title  “first words…”  — note`, every part on one line and safe for a terminal; « … »
/// only where the passage goes on.
fn list_line(b: &Bookmark) -> String {
    let words: Vec<&str> = b.anchor.exact.split_whitespace().collect();
    let cut = words.len() > 10;
    let mut quote = one_line(&words.iter().take(10).copied().collect::<Vec<_>>().join(" "));
    if cut {
        quote.push('…');
    }
    // A passage that is a quotation has its own marks: a second pair read « ““Il… ».
    let quote = match quote.chars().next() {
        Some('«') if cut => format!("{quote} »"),
        Some('“') if cut => format!("{quote}”"),
        Some('"') if cut => format!("{quote}\""),
        Some('«' | '“' | '"') => quote,
        _ => format!("“{quote}”"),
    };
    let note = match one_line(&b.note) {
        n if n.is_empty() => n,
        n => format!("  — {n}"),
    };
    format!(
        "{}  {}  {quote}{note}",
        one_line(b.created.get(..10).unwrap_or(&b.created)),
        one_line(&b.title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bookmark(exact: &str) -> Bookmark {
        serde_json::from_value(serde_json::json!({
            "id": "1",
            "created": "2026-12-07T21:38:28Z",
            "note": "",
            "title": "Titre",
            "anchor": {
                "path": "a.txt",
                "content_hash": "h",
                "start": 0,
                "end": exact.len(),
                "exact": exact,
                "prefix": "",
                "suffix": ""
            }
        }))
        .unwrap()
    }

    /// A passage that opens with its own quotation mark is not given a second (« ““Il… »),
    /// and one shown whole ends without « … ».
    #[test]
    fn a_line_quotes_the_passage_once_and_cuts_only_what_is_cut() {
        let line = list_line(&bookmark("“Independent pop culture scholar.”"));
        assert!(
            line.ends_with("  “Independent pop culture scholar.”"),
            "{line}"
        );
        let line = list_line(&bookmark("Le lendemain, un rapport."));
        assert!(line.ends_with("  “Le lendemain, un rapport.”"), "{line}");
        let long = "un deux trois quatre cinq six sept huit neuf dix onze douze";
        let line = list_line(&bookmark(long));
        assert!(
            line.ends_with("  “un deux trois quatre cinq six sept huit neuf dix…”"),
            "{line}"
        );
    }
}
