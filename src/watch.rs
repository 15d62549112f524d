//! Following the opened folders: files added, changed or removed while liseuse runs (a feed
//! fetcher saving into the folder) are reported to the event loop, a burst of changes at once.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::event::Event;
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
pub fn spawn(folders: &[PathBuf], tx: Sender<Event>) {
    if folders.is_empty() {
        return;
    }
    let folders = folders.to_vec();
    std::thread::spawn(move || {
        let (raw_tx, raw_rx) = mpsc::channel::<notify::Result<notify::Event>>();
        let Ok(mut watcher) = notify::recommended_watcher(raw_tx) else {
            return;
        };
        for f in &folders {
            // A folder that cannot be watched is still read; it just won't follow changes.
            let _ = watcher.watch(f, RecursiveMode::Recursive);
        }
        follow(&raw_rx, &tx);
        drop(watcher);
    });
}

/// Turns the watcher's events into batches of changed paths for the event loop.
fn follow(raw_rx: &mpsc::Receiver<notify::Result<notify::Event>>, tx: &Sender<Event>) {
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
            .map(|p| {
                let exists = std::fs::metadata(&p).is_ok_and(|m| m.is_file());
                (p, exists)
            })
            .collect();
        if tx.send(Event::FilesChanged(changes)).is_err() {
            break;
        }
    }
}
