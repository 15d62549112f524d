//! Which articles are open: discovered from the command line's paths (or the bundled seeds), in
//! a stable natural order, and read into [`Document`]s.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use liseuse_document::Document;
use liseuse_document::format::{self, Format};
use rustc_hash::FxHashMap;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub mod discover;
mod order;
mod preview;

pub use discover::{Discovery, discover, is_article_name};
pub use preview::PREVIEW_ABOVE;

/// The two articles liseuse was made from, opened when no path is given. Embedded so that
/// `liseuse` works from any working directory.
const SEEDS: &[(&str, &[u8])] = &[
    (
        "seeds/000_aae40d40de2e278c.txt",
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../seeds/000_aae40d40de2e278c.txt"
        )),
    ),
    (
        "seeds/002_b42a582add091519.txt",
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../seeds/002_b42a582add091519.txt"
        )),
    ),
];

/// Files larger than this are read only up to it, with a notice: a reader is not the tool for
/// a 4 GB log, and nothing a user opens should exhaust memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Where an article's bytes come from.
#[derive(Debug, Clone)]
pub enum Origin {
    /// Bytes built into the program (the seeds).
    Embedded(&'static [u8]),
    /// A file, at this path as given.
    File(PathBuf),
}

/// One article before it is read: enough to list it and to read it later.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The path as shown and exported (relative as given on the command line).
    pub path: String,
    /// The file name, shown until the title is known.
    pub name: String,
    /// Where its bytes come from.
    pub origin: Origin,
}

/// The bundled seed articles, opened when no path is given.
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

/// The last component of `p` (the whole of `p` when it has none), as shown before a title is known.
pub fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.to_string_lossy().into_owned())
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
    load_with(entry, |_| {})
}

/// Like [`load`]; a long file first hands its beginning to `on_preview`, as a document to
/// show while the rest is read: a plain text over [`PREVIEW_ABOVE`] its first paragraphs
/// (see `library/preview.rs`), a book of several chapters its first chapter.
pub fn load_with(entry: &Entry, on_preview: impl FnOnce(Document)) -> Result<Document, String> {
    let mut on_preview = Some(on_preview);
    let by_name = Format::of_name(&entry.name);
    let (bytes, truncated) = match &entry.origin {
        Origin::Embedded(b) => (b.to_vec(), false),
        Origin::File(p) => read_capped(p, |head, len| {
            let plain = matches!(by_name, None | Some(Format::Plain))
                && format::detect(&entry.name, head) == Format::Plain;
            if plain
                && let Some(doc) = preview::preview(&entry.name, head, len)
                && let Some(f) = on_preview.take()
            {
                f(doc);
            }
        })?,
    };
    let format = format::detect(&entry.name, &bytes);
    if format == Format::Epub
        && let Some(doc) = format::epub::first_chapter(&entry.name, &bytes)
        && let Some(f) = on_preview.take()
    {
        f(doc);
    }
    let mut doc = format::read(format, &entry.name, &bytes).map_err(|e| e.to_string())?;
    if let Origin::File(p) = &entry.origin {
        // A fetched article: its source, date and links from its metadata.
        crate::fetch::annotate(&mut doc, p);
    }
    if truncated {
        doc.notices.push(format!(
            "file larger than {} MB: only its beginning is shown",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    Ok(doc)
}

fn read_capped(path: &Path, on_head: impl FnOnce(&[u8], u64)) -> Result<(Vec<u8>, bool), String> {
    let head = Some((PREVIEW_ABOVE, preview::PREVIEW_BYTES));
    let (mut bytes, truncated) =
        crate::readfile::read_regular_head_first(path, MAX_FILE_BYTES, head, on_head)
            .map_err(|e| plain_io_error(&e))?;
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
    /// What it was found as: shared with the loader and the search (at 100,000 articles, a
    /// copy of every path and file name each).
    pub entry: Arc<Entry>,
    /// When its file was last modified (seconds since 1970), once read: the date of an
    /// article that says none.
    pub modified: Option<i64>,
    /// What is kept of it without its text, once it is checked or read (title, dates,
    /// paragraphs).
    pub meta: Option<Box<crate::cache::ArticleMeta>>,
    /// Its document, while it is open or its text is needed on screen (texts are not kept for
    /// the whole library).
    pub doc: Option<Arc<Document>>,
    /// Why it cannot be read, if it cannot.
    pub error: Option<String>,
    /// The file was deleted while liseuse ran; its text stays readable if it was read.
    pub removed: bool,
    /// Counted in `Library::loaded`.
    pub counted: bool,
}

impl Article {
    /// Its `date` line, once checked or read.
    pub fn date_line(&self) -> Option<&str> {
        match (&self.doc, &self.meta) {
            (Some(d), _) => d.date.as_deref(),
            (None, Some(m)) => m.date.as_deref(),
            (None, None) => None,
        }
    }

    /// Where it comes from (a site's name), once checked or read.
    pub fn source(&self) -> Option<&str> {
        match (&self.doc, &self.meta) {
            (Some(d), _) => d.source.as_deref(),
            (None, Some(m)) => m.source.as_deref(),
            (None, None) => None,
        }
    }

    /// The title once the article is read; its file name until then.
    pub fn title(&self) -> &str {
        match (&self.doc, &self.meta) {
            (Some(d), _) => &d.title,
            (None, Some(m)) if m.error.is_none() => &m.title,
            _ => &self.entry.name,
        }
    }
}

/// The articles, and the list the user sees of them.
///
/// An article's index in `articles` is its identity for good (the loader, the entity index,
/// bookmarks and searches all hold indices), so articles are only ever appended. What the list
/// shows, and in which order, is `order` (see `order.rs`): an article deleted from disk leaves
/// it, one added while liseuse runs enters it in its natural place.
#[derive(Debug, Default)]
pub struct Library {
    /// The articles, in the order they were found and added: an article's index is its identity for good.
    pub articles: Vec<Article>,
    loaded: usize,
    /// The command line's paths: an article sorts first by the one it was found under, as the
    /// walk lists them one after the other.
    roots: Vec<PathBuf>,
    /// Shown articles (indices into `articles`), in natural order of their paths.
    order: Vec<usize>,
    /// Per article, its row in `order`, if shown.
    row_of: Vec<Option<usize>>,
    /// Article by file path, for the watcher's changes and the walk's duplicates. Hashed: in
    /// path order, each of a 100,000-article walk's lookups compared paths component by
    /// component, a third of the loop's time in a warm start. Keyed by the path's hash, the
    /// path itself read in the article's entry (not a copy of every path: 5 MB at 100,000
    /// articles); a path whose hash another path has (hardly ever) in `collided`.
    by_path: FxHashMap<u64, usize>,
    /// Paths whose hash an earlier article's path has, by path.
    collided: HashMap<PathBuf, usize>,
}

/// A path's key in `Library::by_path`: hashed as paths are compared (by component).
#[cfg(not(test))]
fn path_key(p: &Path) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(p)
}

/// In the crate's unit tests, a key most paths share with others: every test that lists
/// articles goes through `collided` as well.
#[cfg(test)]
fn path_key(p: &Path) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(p) % 3
}

impl Library {
    /// Articles not found under folders (the seeds, tests): all shown, in natural order.
    pub fn new(entries: Vec<Entry>) -> Library {
        Library::under(Vec::new(), entries)
    }

    /// Articles found under `roots` (the command line's paths), all shown.
    pub fn under(roots: Vec<PathBuf>, entries: Vec<Entry>) -> Library {
        let mut library = Library {
            roots,
            ..Library::default()
        };
        let added: Vec<usize> = entries.into_iter().map(|e| library.push(e)).collect();
        library.show(added);
        library
    }

    /// Adds an article at the end of `articles`, not shown yet (see [`Library::show`]).
    /// Returns its index.
    pub fn push(&mut self, entry: impl Into<Arc<Entry>>) -> usize {
        let entry: Arc<Entry> = entry.into();
        let i = self.articles.len();
        if let Origin::File(p) = &entry.origin {
            let key = path_key(p);
            match self.by_path.get(&key).copied() {
                None => {
                    self.by_path.insert(key, i);
                }
                // The first article of a path stays its article.
                Some(j) if self.path_of(j) == Some(p) => {}
                Some(_) => {
                    self.collided.entry(p.clone()).or_insert(i);
                }
            }
        }
        self.articles.push(Article {
            entry,
            meta: None,
            doc: None,
            error: None,
            removed: false,
            counted: false,
            modified: None,
        });
        self.row_of.push(None);
        i
    }

    /// The command line's paths the articles were found under (none for the seeds).
    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// The article read from `path`, if any.
    pub fn find(&self, path: &Path) -> Option<usize> {
        match self.by_path.get(&path_key(path)).copied() {
            Some(i) if self.path_of(i) == Some(path) => Some(i),
            _ => self.collided.get(path).copied(),
        }
    }

    /// The file article `i` was read from, if it is one.
    fn path_of(&self, i: usize) -> Option<&Path> {
        match &self.articles.get(i)?.entry.origin {
            Origin::File(p) => Some(p),
            Origin::Embedded(_) => None,
        }
    }

    /// The articles whose file is under `folder` (at any depth), removed ones included, in
    /// the order they were added.
    pub fn under_folder(&self, folder: &Path) -> Vec<usize> {
        self.under_folders(&[folder])
    }

    /// The articles whose file is under one of `folders` (at any depth), removed ones
    /// included, in the order they were added: one pass over the library, however many
    /// folders (a rescan after the watcher lost track names every folder).
    pub fn under_folders(&self, folders: &[&Path]) -> Vec<usize> {
        let set: HashSet<&Path> = folders.iter().copied().collect();
        // Each path once: its first article's.
        (0..self.articles.len())
            .filter(|&i| {
                self.path_of(i).is_some_and(|p| {
                    p.ancestors().skip(1).any(|a| set.contains(a)) && self.find(p) == Some(i)
                })
            })
            .collect()
    }

    /// How many articles there are (removed ones included).
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether there is no article.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// How many articles have been read (or failed to be): kept as they arrive, since the
    /// status bar asks at every frame.
    pub fn loaded(&self) -> usize {
        self.loaded
    }

    /// Records that article `i` was read, counting it once.
    pub fn mark_loaded(&mut self, i: usize) {
        if let Some(a) = self.articles.get_mut(i)
            && !a.counted
        {
            a.counted = true;
            self.loaded += 1;
        }
    }
}

#[cfg(test)]
mod tests;
