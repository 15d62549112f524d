//! The walk of one folder, in natural order: every article under it, a line for each thing passed
//! over; links inside it followed only where they stay inside (`walk_inside`) unless told to
//! follow them all.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::fs;
use std::path::Path;

use super::{Links, MAX_LINKED_DEPTH, file_entry, is_article_name, natural_cmp};
use crate::library::{Entry, plain_io_error};

/// Where a walk puts what it finds.
pub(super) trait Sink {
    /// An article.
    fn entry(&mut self, e: Entry);
    /// A line saying what was passed over, and why.
    fn skip(&mut self, why: String);
}

/// Walks one folder in natural order; returns how many articles it found.
pub(super) fn walk(root: &Path, links: Links, sink: &mut dyn Sink) -> usize {
    if links == Links::Inside {
        // The folder as named is followed (it may itself be a link); what is inside it must
        // stay inside where it leads.
        return match fs::canonicalize(root) {
            Ok(bound) => walk_inside(root, &bound, 0, sink),
            Err(e) => {
                sink.skip(format!(
                    "{}: {}, skipped",
                    root.display(),
                    plain_io_error(&e)
                ));
                0
            }
        };
    }
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by(|a, b| natural_cmp(a.file_name(), b.file_name()));
    let mut n = 0;
    for item in walker {
        match item {
            Ok(e) => n += take(e.path(), e.file_type(), sink),
            Err(err) => sink.skip(walk_error(&err)),
        }
    }
    n
}

/// An entry of a walk: an article, a line saying why it is passed over, or nothing (a
/// folder, a file of another kind). Returns 1 for an article.
fn take(path: &Path, kind: fs::FileType, sink: &mut dyn Sink) -> usize {
    if kind.is_file() && is_article_name(path) {
        sink.entry(file_entry(path));
        return 1;
    }
    // A FIFO or a device named like an article: say so rather than pass over it.
    if !kind.is_dir() && is_article_name(path) {
        sink.skip(format!("{}: not a regular file, skipped", path.display()));
    }
    0
}

fn walk_error(err: &walkdir::Error) -> String {
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
    format!("{at}: {why}, skipped")
}

/// Walks `dir` without following links, then follows each link met that leads inside
/// `bound` (a file: an article under the link's name; a folder: walked there, in its place).
pub(super) fn walk_inside(dir: &Path, bound: &Path, depth: usize, sink: &mut dyn Sink) -> usize {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by(|a, b| natural_cmp(a.file_name(), b.file_name()));
    let mut n = 0;
    for item in walker {
        let e = match item {
            Ok(e) => e,
            Err(err) => {
                sink.skip(walk_error(&err));
                continue;
            }
        };
        // The folder walked is followed already (named, or a link found to stay inside).
        if e.depth() == 0 {
            continue;
        }
        if !e.file_type().is_symlink() {
            n += take(e.path(), e.file_type(), sink);
            continue;
        }
        let link = e.path();
        let Ok(target) = fs::canonicalize(link) else {
            if is_article_name(link) {
                sink.skip(format!(
                    "{}: a symbolic link to nothing, skipped",
                    link.display()
                ));
            }
            continue;
        };
        let Ok(meta) = fs::metadata(&target) else {
            continue;
        };
        if !target.starts_with(bound) {
            if meta.is_dir() || is_article_name(link) {
                sink.skip(format!(
                    "{}: a symbolic link out of the folder opened, not followed \
                     (--follow-links follows it)",
                    link.display()
                ));
            }
            continue;
        }
        if !meta.is_dir() {
            n += take(link, meta.file_type(), sink);
            continue;
        }
        let at = link.parent().and_then(|p| fs::canonicalize(p).ok());
        if at.is_some_and(|at| at.starts_with(&target)) || depth >= MAX_LINKED_DEPTH {
            sink.skip(format!("{}: symbolic link loop, skipped", link.display()));
            continue;
        }
        n += walk_inside(link, bound, depth + 1, sink);
    }
    n
}
