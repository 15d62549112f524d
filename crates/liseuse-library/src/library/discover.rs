//! Finding the articles named on the command line: files as given, folders walked recursively
//! for articles (plain text, Markdown, saved web pages, EPUB books) in natural order. The walk can run on its own thread and hand out what it
//! finds in batches, so the first frame of a huge folder does not wait for the whole walk.
//!
//! A path named on the command line is followed wherever it leads; inside a folder, a symbolic
//! link is followed only when it stays inside that folder (as ripgrep does without `-L`):
//! `F/passwd.txt → /etc/passwd` is not an article of `F` ([`Links`], issue 24.6).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::library::{Entry, Origin, file_name, plain_io_error};
use std::cmp::Ordering;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

mod walk;

use walk::{Sink, walk, walk_inside};

/// What discovery found: the articles, and one line for each thing it passed over.
#[derive(Debug, Default)]
pub struct Discovery {
    /// The articles, in the walk's natural order.
    pub entries: Vec<Entry>,
    /// One line for each path passed over (not a regular file, unreadable, a folder holding no article).
    pub skipped: Vec<String>,
}

/// Which symbolic links met inside a folder its walk follows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Links {
    /// Those that lead inside the folder opened (its canonical path); the others are passed
    /// over with a line saying so.
    #[default]
    Inside,
    /// Every one (`--follow-links`).
    All,
}

/// Folders entered through links, one inside another, past this many are not entered (a
/// chain of links is a loop the ancestor check cannot see).
const MAX_LINKED_DEPTH: usize = 16;

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
    // The folders both paths share are equal name by name: compared from where they part (a
    // warm start of 100,000 articles puts each in its place in the list, and comparing the
    // six names of each path from the top took a tenth of a second of the loop's time).
    let (a, b) = after_common_folders(a, b);
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

/// What is left of `a` and `b` past the longest run of bytes they share that ends with a
/// separator: the names it holds are the same names in both, in the same places. Both whole
/// when what is left would not name the same components it names inside the paths (it begins
/// with a separator or a `.`, which `components` reads differently at a path's start), or
/// is not UTF-8.
fn after_common_folders<'p>(a: &'p Path, b: &'p Path) -> (&'p Path, &'p Path) {
    let (x, y) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    let same = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    let cut = x
        .get(..same)
        .and_then(|shared| {
            shared
                .iter()
                .rposition(|&c| std::path::is_separator(char::from(c)))
        })
        .map_or(0, |at| at + 1);
    // Only what is left as text: a name the way `Path::new` reads it at a path's start.
    let rest = |bytes: &'p [u8]| {
        let s = std::str::from_utf8(bytes.get(cut..)?).ok()?;
        let plain = s
            .bytes()
            .next()
            .is_none_or(|c| c != b'.' && !std::path::is_separator(char::from(c)));
        plain.then(|| Path::new(s))
    };
    match (rest(x), rest(y)) {
        (Some(p), Some(q)) if cut > 0 => (p, q),
        _ => (a, b),
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
    discover_with(paths, Links::Inside)
}

/// [`discover`], following the links `links` says.
pub fn discover_with(paths: &[PathBuf], links: Links) -> Result<Discovery, String> {
    check_paths(paths)?;
    let mut found = Discovery::default();
    let mut empty = Vec::new();
    walk_paths(
        paths,
        links,
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
    spawn_with(paths, Links::Inside)
}

/// [`spawn`], following the links `links` says.
pub fn spawn_with(paths: Vec<PathBuf>, links: Links) -> Receiver<Discovery> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut empty = Vec::new();
        walk_paths(
            &paths,
            links,
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

fn walk_paths(
    paths: &[PathBuf],
    links: Links,
    sink: &mut dyn FnMut(Discovery),
    empty: &mut Vec<PathBuf>,
) {
    let mut batch = Batcher::new(sink);
    for path in paths {
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                if walk(path, links, &mut batch) == 0 {
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

/// The article files under `folder` (found inside the opened folder `root`), as the walk
/// finds them: what the watcher compares with the list when it looks at a folder again.
pub fn articles_under(root: &Path, folder: &Path, links: Links) -> Vec<PathBuf> {
    /// The paths alone; what is passed over was said at the start.
    struct Paths(Vec<PathBuf>);
    impl Sink for Paths {
        fn entry(&mut self, e: Entry) {
            if let Origin::File(p) = e.origin {
                self.0.push(p);
            }
        }
        fn skip(&mut self, _: String) {}
    }
    let mut found = Paths(Vec::new());
    match links {
        Links::All => {
            walk(folder, links, &mut found);
        }
        Links::Inside => {
            if let Ok(bound) = fs::canonicalize(root) {
                walk_inside(folder, &bound, 0, &mut found);
            }
        }
    }
    found.0
}

impl Sink for Batcher<'_> {
    fn entry(&mut self, e: Entry) {
        Batcher::entry(self, e);
    }
    fn skip(&mut self, why: String) {
        Batcher::skip(self, why);
    }
}

#[cfg(test)]
#[path = "discover_tests.rs"]
mod tests;
