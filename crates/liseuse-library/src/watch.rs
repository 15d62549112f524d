//! Following the opened folders: files added, changed or removed while liseuse runs (a feed
//! fetcher saving into the folder) are reported to the event loop, a burst of changes at once.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::event::{LibraryEvent, Reporter};
use notify::{RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

/// Changes closer together than this are reported as one batch (a file written in pieces).
const SETTLE: Duration = Duration::from_millis(250);

/// Watches `folders` recursively from a thread of its own, for as long as liseuse runs.
///
/// Watching is set up on that thread too: inotify needs a watch per folder, and adding 1,100 of
/// them on a cold disk took longer than everything else before the first frame.
pub fn spawn<E: From<LibraryEvent> + Send + 'static>(folders: &[PathBuf], tx: Sender<E>) {
    if folders.is_empty() {
        return;
    }
    let folders = folders.to_vec();
    let tx = Reporter::new(tx);
    std::thread::spawn(move || {
        let (raw_tx, raw_rx) = mpsc::channel::<notify::Result<notify::Event>>();
        let Ok(mut watcher) = notify::recommended_watcher(raw_tx) else {
            return;
        };
        let roots = Roots::new(&folders);
        for (_, watched) in &roots.0 {
            // A folder that cannot be watched is still read; it just won't follow changes.
            let _ = watcher.watch(watched, RecursiveMode::Recursive);
        }
        follow(&raw_rx, &tx, &roots);
        drop(watcher);
    });
}

/// Each folder as given on the command line, with the canonical path it is watched at.
///
/// The watcher reports absolute paths (notify makes a relative folder absolute), the library
/// knows its articles by the paths the walk gave (`lib/a.txt` for `liseuse lib`): reported as
/// they are, an edit would add the article again and a deletion would find nothing to remove.
/// So each folder is canonicalised once, at the start, and every reported path is put back
/// under the folder as given.
struct Roots(Vec<(PathBuf, PathBuf)>);

impl Roots {
    fn new(folders: &[PathBuf]) -> Roots {
        let mut roots: Vec<(PathBuf, PathBuf)> = folders
            .iter()
            .map(|f| {
                let canonical = std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
                (f.clone(), canonical)
            })
            .collect();
        // The deepest folder first: a folder opened inside another one keeps its own form.
        roots.sort_by_key(|(_, c)| std::cmp::Reverse(c.components().count()));
        Roots(roots)
    }

    /// `path` as the walk would have named it.
    fn as_given(&self, path: PathBuf) -> PathBuf {
        for (given, canonical) in &self.0 {
            if let Ok(rest) = path.strip_prefix(canonical) {
                return if rest.as_os_str().is_empty() {
                    given.clone()
                } else {
                    given.join(rest)
                };
            }
        }
        path
    }
}

/// Turns the watcher's events into batches of changed paths for the event loop.
fn follow(raw_rx: &mpsc::Receiver<notify::Result<notify::Event>>, tx: &Reporter, roots: &Roots) {
    while let Ok(first) = raw_rx.recv() {
        let mut paths = BTreeSet::new();
        // Reading a file is an event too (liseuse's own reads among them): only
        // creations, writes, renames and removals change the library.
        let add = |paths: &mut BTreeSet<PathBuf>, ev: notify::Result<notify::Event>| {
            if let Ok(ev) = ev
                && (ev.kind.is_create() || ev.kind.is_modify() || ev.kind.is_remove())
            {
                paths.extend(ev.paths);
            }
        };
        add(&mut paths, first);
        if paths.is_empty() {
            continue;
        }
        while let Ok(ev) = raw_rx.recv_timeout(SETTLE) {
            add(&mut paths, ev);
        }
        let changes: Vec<(PathBuf, bool)> = paths
            .into_iter()
            .map(|p| roots.as_given(p))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .map(|p| {
                let exists = std::fs::metadata(&p).is_ok_and(|m| m.is_file());
                (p, exists)
            })
            .collect();
        if tx.send(LibraryEvent::FilesChanged(changes)).is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reported_paths_are_put_back_under_the_folder_as_given() {
        let tmp = tempfile::tempdir().unwrap();
        let lib = tmp.path().join("lib");
        std::fs::create_dir_all(lib.join("sub")).unwrap();
        let canonical = std::fs::canonicalize(&lib).unwrap();
        // As `cd tmp; liseuse lib lib/sub` would give them, relative to a folder of our own
        // (the test does not change the process's working directory).
        let roots = Roots(vec![
            (PathBuf::from("lib/sub"), canonical.join("sub")),
            (PathBuf::from("lib"), canonical.clone()),
        ]);
        assert_eq!(
            roots.as_given(canonical.join("a.txt")),
            PathBuf::from("lib/a.txt")
        );
        assert_eq!(
            roots.as_given(canonical.join("sub/b.txt")),
            PathBuf::from("lib/sub/b.txt")
        );
        assert_eq!(roots.as_given(canonical.clone()), PathBuf::from("lib"));
        let elsewhere = tmp.path().join("other.txt");
        assert_eq!(roots.as_given(elsewhere.clone()), elsewhere);
        // Built from the folders themselves, the deepest comes first.
        let built = Roots::new(&[lib.clone(), lib.join("sub")]);
        assert_eq!(built.0[0].0, lib.join("sub"));
    }
}
