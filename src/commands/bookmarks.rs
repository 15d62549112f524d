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

/// `date  title  “first words…”  — note`, every part on one line and safe for a terminal.
fn list_line(b: &Bookmark) -> String {
    let quote: Vec<&str> = b.anchor.exact.split_whitespace().take(10).collect();
    let note = match one_line(&b.note) {
        n if n.is_empty() => n,
        n => format!("  — {n}"),
    };
    format!(
        "{}  {}  “{}…”{note}",
        one_line(b.created.get(..10).unwrap_or(&b.created)),
        one_line(&b.title),
        one_line(&quote.join(" ")),
    )
}
