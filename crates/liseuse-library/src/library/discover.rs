//! Finding the articles named on the command line: files as given, folders walked recursively
//! for articles (plain text, Markdown, saved web pages, EPUB books) in natural order. The walk can run on its own thread and hand out what it
//! finds in batches, so the first frame of a huge folder does not wait for the whole walk.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::library::{Entry, Origin, file_name, plain_io_error};
use std::cmp::Ordering;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// What discovery found: the articles, and one line for each thing it passed over.
#[derive(Debug, Default)]
pub struct Discovery {
    /// The articles, in the walk's natural order.
    pub entries: Vec<Entry>,
    /// One line for each path passed over (not a regular file, unreadable, a folder holding no article).
    pub skipped: Vec<String>,
}

/// The extensions of the files a folder's walk takes as articles.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "epub"];

/// How the "no articles" message names them.
const ARTICLE_KINDS: &str = ".txt, .md, .markdown, .html, .htm or .epub files";

/// Whether a file name's extension is an article's (see [`ARTICLE_EXTENSIONS`]).
pub fn is_article_name(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
}

/// The order of two names in a folder: natural (`2.txt` before `10.txt`), then by bytes, so
/// names natord finds equal (`a1`, `a 1`) still have one order and a binary search agrees
/// with the walk.
pub fn natural_cmp(a: &OsStr, b: &OsStr) -> Ordering {
    natord::compare(&a.to_string_lossy(), &b.to_string_lossy()).then_with(|| a.cmp(b))
}

/// The order the walk lists two paths of one folder in: name by name from the top, a folder's
/// contents where its name falls among its siblings. Used again to put an article added while
/// liseuse runs in its place.
pub fn natural_path_cmp(a: &Path, b: &Path) -> Ordering {
    let (mut a, mut b) = (a.components(), b.components());
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) => match natural_cmp(x.as_os_str(), y.as_os_str()) {
                Ordering::Equal => {}
                other => return other,
            },
            (x, y) => return x.is_some().cmp(&y.is_some()),
        }
    }
}

fn file_entry(path: &Path) -> Entry {
    Entry {
        path: path.to_string_lossy().into_owned(),
        name: file_name(path),
        origin: Origin::File(path.to_path_buf()),
    }
}

/// Every path must exist: a typo is an error, said before anything else happens.
pub fn check_paths(paths: &[PathBuf]) -> Result<(), String> {
    for path in paths {
        fs::metadata(path)
            .map_err(|e| format!("cannot open {}: {}", path.display(), plain_io_error(&e)))?;
    }
    Ok(())
}

/// The whole walk at once. Errors (one line, for the user) when a path does not exist, a
/// folder holds no article, or nothing readable was found.
pub fn discover(paths: &[PathBuf]) -> Result<Discovery, String> {
    check_paths(paths)?;
    let mut found = Discovery::default();
    let mut empty = Vec::new();
    walk_paths(
        paths,
        &mut |batch| {
            found.entries.extend(batch.entries);
            found.skipped.extend(batch.skipped);
        },
        &mut empty,
    );
    if let Some(dir) = empty.first() {
        return Err(format!(
            "no articles ({ARTICLE_KINDS}) in {}",
            dir.display()
        ));
    }
    finish(found)
}

fn finish(found: Discovery) -> Result<Discovery, String> {
    if found.entries.is_empty() {
        return Err(match found.skipped.first() {
            Some(why) => why.clone(),
            None => "no articles to open".to_string(),
        });
    }
    Ok(found)
}

/// Walks `paths` on a thread of its own; the receiver yields batches until the walk is done
/// (then it disconnects). Folders found empty come last, as `skipped` lines.
pub fn spawn(paths: Vec<PathBuf>) -> Receiver<Discovery> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut empty = Vec::new();
        walk_paths(
            &paths,
            &mut |batch| {
                let _ = tx.send(batch);
            },
            &mut empty,
        );
        if !empty.is_empty() {
            let _ = tx.send(Discovery {
                entries: Vec::new(),
                skipped: empty
                    .iter()
                    .map(|d| format!("no articles ({ARTICLE_KINDS}) in {}", d.display()))
                    .collect(),
            });
        }
    });
    rx
}

/// Waits for the walk's first articles: enough for the first frame. Errors when the walk ends
/// with none.
pub fn first_batch(rx: &Receiver<Discovery>) -> Result<Discovery, String> {
    let mut found = Discovery::default();
    while found.entries.is_empty() {
        match rx.recv() {
            Ok(batch) => {
                found.entries.extend(batch.entries);
                found.skipped.extend(batch.skipped);
            }
            Err(_) => break,
        }
    }
    finish(found)
}

fn walk_paths(paths: &[PathBuf], sink: &mut dyn FnMut(Discovery), empty: &mut Vec<PathBuf>) {
    let mut batch = Batcher::new(sink);
    for path in paths {
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                if walk(path, &mut batch) == 0 {
                    empty.push(path.clone());
                }
            }
            Ok(m) if m.is_file() => batch.entry(file_entry(path)),
            Ok(_) => batch.skip(format!("{}: not a regular file, skipped", path.display())),
            Err(e) => batch.skip(format!(
                "{}: {}, skipped",
                path.display(),
                plain_io_error(&e)
            )),
        }
    }
    batch.flush();
}

/// Gathers entries and hands them on every few hundred or every few milliseconds; the very
/// first article at once, since the first frame waits for it.
struct Batcher<'a> {
    sink: &'a mut dyn FnMut(Discovery),
    batch: Discovery,
    since: Instant,
    sent_any: bool,
}

impl<'a> Batcher<'a> {
    const MAX: usize = 512;
    const EVERY: Duration = Duration::from_millis(20);

    fn new(sink: &'a mut dyn FnMut(Discovery)) -> Self {
        Batcher {
            sink,
            batch: Discovery::default(),
            since: Instant::now(),
            sent_any: false,
        }
    }

    fn entry(&mut self, e: Entry) {
        self.batch.entries.push(e);
        if !self.sent_any
            || self.batch.entries.len() >= Self::MAX
            || self.since.elapsed() >= Self::EVERY
        {
            self.flush();
        }
    }

    fn skip(&mut self, why: String) {
        self.batch.skipped.push(why);
    }

    fn flush(&mut self) {
        if !self.batch.entries.is_empty() || !self.batch.skipped.is_empty() {
            self.sent_any |= !self.batch.entries.is_empty();
            (self.sink)(std::mem::take(&mut self.batch));
        }
        self.since = Instant::now();
    }
}

/// Walks one folder in natural order; returns how many articles it found.
fn walk(root: &Path, batch: &mut Batcher) -> usize {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by(|a, b| natural_cmp(a.file_name(), b.file_name()));
    let mut n = 0;
    for item in walker {
        match item {
            Ok(e) if e.file_type().is_file() && is_article_name(e.path()) => {
                batch.entry(file_entry(e.path()));
                n += 1;
            }
            // A FIFO or a device named like an article: say so rather than pass over it.
            Ok(e) if !e.file_type().is_dir() && is_article_name(e.path()) => {
                batch.skip(format!(
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
                batch.skip(format!("{at}: {why}, skipped"));
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_streams_in_order_and_ends() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..1200 {
            let p = dir.path().join(format!("{:02}/{i}.txt", i / 100));
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, "Titre\ntexte\n").unwrap();
        }
        let rx = spawn(vec![dir.path().to_path_buf()]);
        let first = first_batch(&rx).unwrap();
        assert!(!first.entries.is_empty());
        let mut all: Vec<String> = first.entries.into_iter().map(|e| e.name).collect();
        for batch in rx {
            all.extend(batch.entries.into_iter().map(|e| e.name));
        }
        assert_eq!(all.len(), 1200);
        assert_eq!(&all[..3], ["0.txt", "1.txt", "2.txt"]);
        assert_eq!(all[1199], "1199.txt");
    }

    #[test]
    fn paths_compare_as_the_walk_lists_them() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "1.txt",
            "2/a.txt",
            "2/b/1.txt",
            "2/b/10.txt",
            "2/b.txt",
            "10.txt",
            "a 1.txt",
            "a1.txt",
            "b.md",
        ];
        for name in names {
            let p = dir.path().join(name);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, "Titre\ntexte\n").unwrap();
        }
        let walked: Vec<PathBuf> = discover(&[dir.path().to_path_buf()])
            .unwrap()
            .entries
            .into_iter()
            .map(|e| PathBuf::from(e.path))
            .collect();
        let mut sorted = walked.clone();
        sorted.reverse();
        sorted.sort_by(|a, b| natural_path_cmp(a, b));
        assert_eq!(sorted, walked);
        assert_eq!(walked.len(), names.len());
        assert!(walked[2].ends_with("2/b/1.txt") && walked[3].ends_with("2/b/10.txt"));
    }

    #[test]
    fn an_empty_folder_ends_the_walk_with_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let rx = spawn(vec![dir.path().to_path_buf()]);
        let err = first_batch(&rx).unwrap_err();
        assert!(err.starts_with("no articles"), "{err}");
    }
}
