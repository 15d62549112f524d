//! A Markdown file's front matter (YAML or TOML between `---`/`+++` lines): the fields a reader
//! shows — title, date, author, source — under the names writers give them.

use crate::collapse_spaces;

#[derive(Debug, Default)]
pub(super) struct Front {
    pub(super) title: Option<String>,
    pub(super) date: Option<String>,
    pub(super) author: Option<String>,
    pub(super) source: Option<String>,
}

/// `title:`, `date:`, `author:` and `source:` from YAML (or TOML) front matter.
pub(super) fn parse_front(block: &str) -> Front {
    let mut f = Front::default();
    for line in block.lines() {
        let Some((key, value)) = line.split_once([':', '=']) else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        let value = Some(collapse_spaces(value));
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => f.title = value,
            "date" | "published" => f.date = value,
            "author" | "authors" | "by" => f.author = value,
            "source" | "site" | "publisher" => f.source = value,
            _ => {}
        }
    }
    f
}
