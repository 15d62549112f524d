//! Bookmarks out of liseuse: reading notes in Markdown, and W3C Web Annotations in JSON.
//!
//! Both are printed to terminals as often as to files: a title, path, quote or note is text
//! from a file, so Markdown shows its controls as the reader does (`sanitize`), and JSON escapes
//! them (`\u001b`), which keeps every character.

use serde_json::{Value, json};

use super::Bookmark;
use liseuse_document::sanitize;

/// Reading notes: one `## title` section per article (in the order the articles first appear),
/// each passage as a `>` block quote in reading order, the note under it, then the date.
pub fn export_markdown(bookmarks: &[Bookmark]) -> String {
    let mut out = String::from("# Reading notes\n");
    for group in by_article(bookmarks) {
        let first = group[0];
        let title = one_line(&first.title);
        let title = if title.is_empty() {
            one_line(&first.anchor.path)
        } else {
            title
        };
        out.push_str(&format!(
            "\n## {title}\n\n_{}_\n",
            one_line(&first.anchor.path)
        ));
        for b in group {
            out.push('\n');
            for line in b.anchor.exact.trim().lines() {
                let line = line.trim_end();
                if line.is_empty() {
                    out.push_str(">\n");
                } else {
                    out.push_str(&format!("> {}\n", sanitize::display(line)));
                }
            }
            let note = b.note.trim();
            if !note.is_empty() {
                out.push('\n');
                for line in note.lines() {
                    out.push_str(&sanitize::display(line.trim_end()));
                    out.push('\n');
                }
            }
            let date = b.created.get(..10).unwrap_or(&b.created);
            out.push_str(&format!("\n— {}\n", sanitize::one_line(date)));
        }
    }
    out
}

/// The bookmarks as a JSON array of W3C Web Annotations (`TextQuoteSelector` targets, the note as
/// a `TextualBody`), pretty-printed.
pub fn export_json(bookmarks: &[Bookmark]) -> String {
    let annotations: Vec<Value> = bookmarks
        .iter()
        .map(|b| {
            let mut a = json!({
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "id": format!("urn:liseuse:bookmark:{}", b.id),
                "type": "Annotation",
                "motivation": if b.note.trim().is_empty() { "bookmarking" } else { "commenting" },
                "created": b.created,
                "target": {
                    "source": b.anchor.path,
                    "title": b.title,
                    "selector": {
                        "type": "TextQuoteSelector",
                        "exact": b.anchor.exact,
                        "prefix": b.anchor.prefix,
                        "suffix": b.anchor.suffix,
                    },
                },
            });
            if !b.note.trim().is_empty() {
                a["body"] =
                    json!({ "type": "TextualBody", "value": b.note, "format": "text/plain" });
            }
            a
        })
        .collect();
    let json = serde_json::to_string_pretty(&annotations).unwrap_or_else(|_| String::from("[]"));
    sanitize::json(&json).into_owned()
}

/// Bookmarks grouped by article path, articles in first-appearance order, passages by offset.
fn by_article(bookmarks: &[Bookmark]) -> Vec<Vec<&Bookmark>> {
    let mut groups: Vec<Vec<&Bookmark>> = Vec::new();
    for b in bookmarks {
        match groups
            .iter_mut()
            .find(|g| g[0].anchor.path == b.anchor.path)
        {
            Some(g) => g.push(b),
            None => groups.push(vec![b]),
        }
    }
    for g in &mut groups {
        g.sort_by_key(|b| (b.anchor.start, b.anchor.end));
    }
    groups
}

fn one_line(s: &str) -> String {
    sanitize::one_line(s)
}
