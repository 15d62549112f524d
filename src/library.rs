//! Which articles are open: discovered from the command line's paths (or the bundled seeds), in
//! a stable natural order, and read into [`Document`]s.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::document::Document;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The two articles liseuse was made from, opened when no path is given. Embedded so that
/// `liseuse` works from any working directory.
const SEEDS: &[(&str, &[u8])] = &[
    (
        "seeds/000_aae40d40de2e278c.txt",
        include_bytes!("../seeds/000_aae40d40de2e278c.txt"),
    ),
    (
        "seeds/002_b42a582add091519.txt",
        include_bytes!("../seeds/002_b42a582add091519.txt"),
    ),
];

/// Files larger than this are read only up to it, with a notice: a reader is not the tool for
/// a 4 GB log, and nothing a user opens should exhaust memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone)]
pub enum Origin {
    Embedded(&'static [u8]),
    File(PathBuf),
}

/// One article before it is read: enough to list it and to read it later.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The path as shown and exported (relative as given on the command line).
    pub path: String,
    /// The file name, shown until the title is known.
    pub name: String,
    pub origin: Origin,
}

pub fn seeds() -> Vec<Entry> {
    SEEDS
        .iter()
        .map(|(path, bytes)| Entry {
            path: (*path).to_string(),
            name: file_name(Path::new(path)),
            origin: Origin::Embedded(bytes),
        })
        .collect()
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.to_string_lossy().into_owned())
}

fn is_article_name(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

/// What discovery found: the articles, and one line for each thing it passed over.
#[derive(Debug, Default)]
pub struct Discovery {
    pub entries: Vec<Entry>,
    pub skipped: Vec<String>,
}

/// Finds the articles named by `paths`: files as given, folders searched recursively for
/// `.txt` and `.md`, each folder in natural order (`2.txt` before `10.txt`). Errors (one line,
/// for the user) when a path does not exist or nothing readable was found.
pub fn discover(paths: &[PathBuf]) -> Result<Discovery, String> {
    let mut found = Discovery::default();
    for path in paths {
        let meta = fs::metadata(path)
            .map_err(|e| format!("cannot open {}: {}", path.display(), plain_io_error(&e)))?;
        if meta.is_dir() {
            let before = found.entries.len();
            walk(path, &mut found);
            if found.entries.len() == before {
                return Err(format!(
                    "no articles (.txt or .md files) in {}",
                    path.display()
                ));
            }
        } else if meta.is_file() {
            found.entries.push(file_entry(path));
        } else {
            found
                .skipped
                .push(format!("{}: not a regular file, skipped", path.display()));
        }
    }
    if found.entries.is_empty() {
        return Err(match found.skipped.first() {
            Some(why) => why.clone(),
            None => "no articles to open".to_string(),
        });
    }
    Ok(found)
}

fn file_entry(path: &Path) -> Entry {
    Entry {
        path: path.to_string_lossy().into_owned(),
        name: file_name(path),
        origin: Origin::File(path.to_path_buf()),
    }
}

fn walk(root: &Path, found: &mut Discovery) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by(|a, b| {
            natord::compare(
                &a.file_name().to_string_lossy(),
                &b.file_name().to_string_lossy(),
            )
        });
    for item in walker {
        match item {
            Ok(e) if e.file_type().is_file() && is_article_name(e.path()) => {
                found.entries.push(file_entry(e.path()));
            }
            // A FIFO or a device named like an article: say so rather than pass over it.
            Ok(e) if !e.file_type().is_dir() && is_article_name(e.path()) => {
                found.skipped.push(format!(
                    "{}: not a regular file, skipped",
                    e.path().display()
                ));
            }
            Ok(_) => {}
            Err(err) => {
                let at = err
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                let why = if err.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else {
                    err.io_error()
                        .map(plain_io_error)
                        .unwrap_or_else(|| err.to_string())
                };
                found.skipped.push(format!("{at}: {why}, skipped"));
            }
        }
    }
}

/// The error text without Rust's " (os error 2)" suffix.
pub fn plain_io_error(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.split_once(" (os error") {
        Some((plain, _)) => plain.to_string(),
        None => s,
    }
}

/// Reads and decodes one article. Never opens anything but a regular file, and reads at most
/// [`MAX_FILE_BYTES`].
pub fn load(entry: &Entry) -> Result<Document, String> {
    let (bytes, truncated) = match &entry.origin {
        Origin::Embedded(b) => (b.to_vec(), false),
        Origin::File(p) => read_capped(p)?,
    };
    let mut doc = Document::from_bytes(&entry.name, &bytes).map_err(|e| e.to_string())?;
    if truncated {
        doc.notices.push(format!(
            "file larger than {} MB: only its beginning is shown",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    Ok(doc)
}

fn read_capped(path: &Path) -> Result<(Vec<u8>, bool), String> {
    let (mut bytes, truncated) =
        crate::readfile::read_regular(path, MAX_FILE_BYTES).map_err(|e| plain_io_error(&e))?;
    if truncated {
        // Never cut a UTF-8 character in half at the cap.
        if let Err(e) = std::str::from_utf8(&bytes)
            && e.error_len().is_none()
        {
            bytes.truncate(e.valid_up_to());
        }
    }
    Ok((bytes, truncated))
}

/// An article in the open library: its entry and, once read, its document or why not.
#[derive(Debug, Clone)]
pub struct Article {
    pub entry: Entry,
    pub doc: Option<Arc<Document>>,
    pub error: Option<String>,
}

impl Article {
    /// The title once the article is read; its file name until then.
    pub fn title(&self) -> &str {
        match &self.doc {
            Some(d) => &d.title,
            None => &self.entry.name,
        }
    }
}

#[derive(Debug, Default)]
pub struct Library {
    pub articles: Vec<Article>,
}

impl Library {
    pub fn new(entries: Vec<Entry>) -> Library {
        Library {
            articles: entries
                .into_iter()
                .map(|entry| Article {
                    entry,
                    doc: None,
                    error: None,
                })
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    pub fn loaded(&self) -> usize {
        self.articles
            .iter()
            .filter(|a| a.doc.is_some() || a.error.is_some())
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_embedded_and_load() {
        let s = seeds();
        assert_eq!(s.len(), 2);
        let d = load(&s[0]).unwrap();
        assert!(d.title.starts_with("Qaani"));
    }

    #[test]
    fn folders_are_walked_in_natural_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["10.txt", "2.txt", "b/1.md", "notes.pdf"] {
            let p = dir.path().join(name);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, "Titre\ntexte\n").unwrap();
        }
        let d = discover(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = d.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["2.txt", "10.txt", "1.md"]);
    }

    #[test]
    fn missing_path_and_empty_folder_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let err = discover(&[dir.path().join("nope")]).unwrap_err();
        assert!(err.contains("No such file"), "{err}");
        let err = discover(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(err.starts_with("no articles"), "{err}");
    }
}
