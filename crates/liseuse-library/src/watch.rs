//! Following the opened folders: files added, changed or removed while liseuse runs (a feed
//! fetcher saving into the folder) are reported to the event loop, a burst of changes at once.
//!
//! An event names a path, and a path alone does not say everything: a folder made and filled
//! at once (`mkdir -p x/y` then a file, before the new folder is watched), a folder moved in
//! whole, one moved away or deleted, an overflowing event queue. So the list is made to
//! converge on what is on disk (issue 24.2): a path that is a folder now is walked again and
//! reported whole ([`LibraryEvent::Rescanned`], which the list takes as the truth under that
//! folder); a path gone may have been a folder, and the list drops what was under it; an
//! overflow walks every opened folder again; an opened folder deleted and made again is
//! watched again and walked.
//!
//! What changed between the walk listing a folder and its watch taking hold has no event: once
//! watched, the folders whose names changed since the walk began (their modification time
//! says so) are walked again, not all of them (at 100,000 articles that was every path held
//! again, and compared with the list, during the warm start's peak).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::discover::{Links, articles_under};
use crate::event::{LibraryEvent, Reporter};
use notify::{RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, SystemTime};

/// Changes closer together than this are reported as one batch (a file written in pieces).
const SETTLE: Duration = Duration::from_millis(250);
/// How often the opened folders are checked for having been deleted or made again.
const RECHECK: Duration = Duration::from_secs(1);
/// How much earlier than the walk's start a folder's modification time may say it changed and
/// still be walked again: file systems keep times coarsely (a clock tick; FAT two seconds).
const MTIME_SLACK: Duration = Duration::from_secs(2);

/// Watches `folders` recursively from a thread of its own, for as long as liseuse runs,
/// following only the links that stay inside them.
pub fn spawn<E: From<LibraryEvent> + Send + 'static>(folders: &[PathBuf], tx: Sender<E>) {
    spawn_with(folders, Links::Inside, None, tx);
}

/// [`spawn`], following the links `links` says (as the walk did).
///
/// Watching is set up on that thread too: inotify needs a watch per folder, and adding 1,100 of
/// them on a cold disk took longer than everything else before the first frame.
pub fn spawn_with<E: From<LibraryEvent> + Send + 'static>(
    folders: &[PathBuf],
    links: Links,
    listed_at: Option<SystemTime>,
    tx: Sender<E>,
) {
    if folders.is_empty() {
        return;
    }
    let missed = match (listed_at, links) {
        (Some(t), Links::Inside) => Missed::Since(t),
        // A link followed out of a folder changes nothing in it: walk them all.
        _ => Missed::Everything,
    };
    let folders = folders.to_vec();
    let tx = Reporter::new(tx);
    std::thread::spawn(move || {
        // Setting up a watch per folder is background work; notify's thread, started
        // here, inherits the priority.
        crate::background::lower_priority();
        let (raw_tx, raw_rx) = mpsc::channel::<notify::Result<notify::Event>>();
        // Links out of a folder are not followed by the walk: not watched either.
        let config = notify::Config::default().with_follow_symlinks(links == Links::All);
        let Ok(mut watcher) = notify::RecommendedWatcher::new(raw_tx, config) else {
            return;
        };
        let mut roots = Roots::new(&folders);
        for root in &roots.0 {
            // A folder that cannot be watched is still read; it just won't follow changes.
            let _ = watcher.watch(&root.canonical, RecursiveMode::Recursive);
        }
        let mut rewatch = |path: &Path| {
            let _ = watcher.unwatch(path);
            watcher.watch(path, RecursiveMode::Recursive).is_ok()
        };
        follow(&raw_rx, &tx, &mut roots, links, &mut rewatch, missed);
    });
}

/// One opened folder: as given on the command line, the canonical path it is watched at, and
/// which folder that is (device and inode), to notice it deleted and made again.
struct Root {
    given: PathBuf,
    canonical: PathBuf,
    id: Option<(u64, u64)>,
}

/// The opened folders, the deepest first.
///
/// The watcher reports absolute paths (notify makes a relative folder absolute), the library
/// knows its articles by the paths the walk gave (`lib/a.txt` for `liseuse lib`): reported as
/// they are, an edit would add the article again and a deletion would find nothing to remove.
/// So each folder is canonicalised once, at the start, and every reported path is put back
/// under the folder as given.
struct Roots(Vec<Root>);

/// Which folder is at `path` now, if any.
fn identity(path: &Path) -> Option<(u64, u64)> {
    let m = std::fs::metadata(path).ok().filter(|m| m.is_dir())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        Some((0, 0))
    }
}

impl Roots {
    fn new(folders: &[PathBuf]) -> Roots {
        let mut roots: Vec<Root> = folders
            .iter()
            .map(|f| {
                let canonical = std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
                Root {
                    given: f.clone(),
                    id: identity(&canonical),
                    canonical,
                }
            })
            .collect();
        // The deepest folder first: a folder opened inside another one keeps its own form.
        roots.sort_by_key(|r| std::cmp::Reverse(r.canonical.components().count()));
        Roots(roots)
    }

    /// `path` as the walk would have named it, if it is under an opened folder.
    fn as_given(&self, path: &Path) -> Option<PathBuf> {
        self.0.iter().find_map(|r| {
            let rest = path.strip_prefix(&r.canonical).ok()?;
            Some(match rest.as_os_str().is_empty() {
                true => r.given.clone(),
                false => r.given.join(rest),
            })
        })
    }

    /// The opened folder `given` (a path as given) is under.
    fn root_of(&self, given: &Path) -> Option<&Path> {
        self.0
            .iter()
            .find(|r| given.starts_with(&r.given))
            .map(|r| r.given.as_path())
    }
}

/// What the first report walks again: what changed between the walk listing the folders and
/// the watches taking hold, which has no event.
#[derive(Debug, Clone, Copy)]
enum Missed {
    /// Nothing (the folders were watched before they were listed).
    #[cfg_attr(not(test), allow(dead_code))]
    Nothing,
    /// Every opened folder, whole.
    Everything,
    /// The folders whose names changed since the walk began then (see [`changed_since`]).
    Since(SystemTime),
}

/// The folders under the opened ones whose names changed since `t`: a folder's modification
/// time moves when a name in it is made, removed or renamed (a folder made or moved in moves
/// its parent's), not when a file in it is written. Only folders are looked at and only those
/// changed are kept, so nothing here holds the library's paths. A folder holding a link to a
/// folder counts as changed (the walk follows the link; what changes behind it does not show
/// here); one whose time cannot be read too.
fn changed_since(roots: &Roots, t: SystemTime) -> Vec<PathBuf> {
    let t = t.checked_sub(MTIME_SLACK).unwrap_or(SystemTime::UNIX_EPOCH);
    let mut changed = Vec::new();
    let mut todo: Vec<PathBuf> = roots.0.iter().map(|r| r.given.clone()).collect();
    while let Some(dir) = todo.pop() {
        let modified = std::fs::metadata(&dir).and_then(|m| m.modified());
        if modified.map_or(true, |m| m >= t) {
            // Walked whole again: what is under it with it.
            changed.push(dir);
            continue;
        }
        // Unreadable now: the walk could not list it either.
        let Ok(names) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in names.flatten() {
            let Ok(kind) = e.file_type() else { continue };
            if kind.is_dir() {
                todo.push(e.path());
            } else if kind.is_symlink() && e.path().is_dir() {
                changed.push(dir);
                break;
            }
        }
    }
    changed
}

/// What one burst of events asks for.
#[derive(Default)]
struct Burst {
    /// Paths that changed, as given.
    paths: BTreeSet<PathBuf>,
    /// Walk every opened folder again: events were lost (the queue overflowed) or cannot be
    /// placed.
    everything: bool,
}

impl Burst {
    fn add(&mut self, ev: notify::Result<notify::Event>, roots: &Roots, links: Links) {
        let ev = match ev {
            Ok(ev) => ev,
            // Events may be lost with it.
            Err(_) => {
                self.everything = true;
                return;
            }
        };
        if ev.need_rescan() {
            self.everything = true;
        }
        // Reading a file is an event too (liseuse's own reads among them): only creations,
        // writes, renames and removals change the library.
        if !(ev.kind.is_create() || ev.kind.is_modify() || ev.kind.is_remove()) {
            return;
        }
        for p in ev.paths {
            match roots.as_given(&p) {
                Some(given) => {
                    self.paths.insert(given);
                }
                // Through a link out of the folder (followed on request): where it is in the
                // list is not known from here.
                None if links == Links::All => self.everything = true,
                None => {}
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.paths.is_empty() && !self.everything
    }
}

/// What a burst becomes for the event loop: files that changed (and whether they are files
/// now), and folders walked again with the articles found under each.
type Report = (Vec<(PathBuf, bool)>, Vec<(PathBuf, Vec<PathBuf>)>);

/// Looks at what the burst names, as it is on disk now.
fn report(burst: Burst, roots: &Roots, links: Links) -> Report {
    let mut changes = Vec::new();
    let mut folders: BTreeSet<PathBuf> = BTreeSet::new();
    if burst.everything {
        folders.extend(roots.0.iter().map(|r| r.given.clone()));
    }
    for p in burst.paths {
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => {
                folders.insert(p);
            }
            Ok(m) => changes.push((p, m.is_file())),
            Err(_) => changes.push((p, false)),
        }
    }
    // A folder inside another one walked again is walked with it. (In a `BTreeSet` of paths,
    // a folder's subfolders come right after it.)
    let mut walked: Vec<PathBuf> = Vec::new();
    for f in folders {
        if !walked.last().is_some_and(|w| f.starts_with(w)) {
            walked.push(f);
        }
    }
    let rescanned = walked
        .into_iter()
        .filter_map(|f| {
            let root = roots.root_of(&f)?;
            let files = articles_under(root, &f, links);
            Some((f, files))
        })
        .collect();
    (changes, rescanned)
}

/// Turns the watcher's events into batches of changes for the event loop. `rewatch` watches
/// a folder again (an opened folder deleted and made again); false if it cannot.
fn follow(
    raw_rx: &mpsc::Receiver<notify::Result<notify::Event>>,
    tx: &Reporter,
    roots: &mut Roots,
    links: Links,
    rewatch: &mut dyn FnMut(&Path) -> bool,
    missed: Missed,
) {
    // `missed`: what changed between the walk that listed the folders and the watches taking
    // hold (a file written while liseuse starts) has no event: the first report walks it
    // again.
    let mut first = Some(missed);
    loop {
        let missed = first.take();
        let mut burst = Burst {
            everything: matches!(missed, Some(Missed::Everything)),
            ..Burst::default()
        };
        match raw_rx.recv_timeout(RECHECK) {
            Ok(first) => {
                burst.add(first, roots, links);
                // The first report waits for quiet, as any burst does.
                if !burst.is_empty() || missed.is_some() {
                    while let Ok(ev) = raw_rx.recv_timeout(SETTLE) {
                        burst.add(ev, roots, links);
                    }
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        // Looked for after the first wait, not beside the first frame.
        if let Some(Missed::Since(t)) = missed {
            burst.paths.extend(changed_since(roots, t));
        }
        for root in &mut roots.0 {
            let now = identity(&root.canonical);
            if now == root.id {
                continue;
            }
            root.id = now;
            // Gone: its files leave the list. Back (or another in its place): watched again
            // (the old watch died with the folder) and walked whole.
            burst.paths.insert(root.given.clone());
            if now.is_some() {
                rewatch(&root.canonical);
            }
        }
        if burst.is_empty() {
            continue;
        }
        let (changes, rescanned) = report(burst, roots, links);
        let sent = [
            (!changes.is_empty()).then_some(LibraryEvent::FilesChanged(changes)),
            (!rescanned.is_empty()).then_some(LibraryEvent::Rescanned(rescanned)),
        ];
        for ev in sent.into_iter().flatten() {
            if tx.send(ev).is_err() {
                return;
            }
        }
    }
}

#[cfg(test)]
#[path = "watch_tests.rs"]
mod tests;
