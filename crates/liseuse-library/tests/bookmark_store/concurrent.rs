//! Several processes adding, deleting and annotating bookmarks at the same moment lose nothing.

use std::collections::BTreeSet;
use std::process::Stdio;
use std::time::{Duration, Instant};

use liseuse_library::store::BookmarkStore;

use crate::{bookmark, child, child_env, ids_on_disk};

const CHILDREN: usize = 3;
const OPS: usize = 24;
const SEEDS: usize = 6;

/// What the store must hold once every child is done.
fn expected() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for c in 0..CHILDREN {
        for j in 0..SEEDS {
            // Each child deletes the even seeds it owns.
            if j % 2 == 1 {
                ids.insert(format!("seed-{c}-{j}"));
            }
        }
        for i in 0..OPS {
            // Each child deletes every third of its own bookmarks right after adding it.
            if i % 3 != 0 {
                ids.insert(format!("c{c}-{i}"));
            }
        }
    }
    ids
}

#[test]
fn concurrent_processes_lose_no_change() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let mut store = BookmarkStore::open(dir);
    for c in 0..CHILDREN {
        for j in 0..SEEDS {
            store
                .add(bookmark(&format!("seed-{c}-{j}"), 200))
                .expect("seed");
        }
    }
    let children: Vec<_> = (0..CHILDREN)
        .map(|no| {
            child("concurrent::child_writer", dir, no)
                .stdout(Stdio::null())
                .spawn()
                .expect("spawn child")
        })
        .collect();
    std::fs::write(dir.join("go"), b"").expect("go");
    for mut c in children {
        assert!(c.wait().expect("wait").success(), "a child failed");
    }
    let want: Vec<String> = expected().into_iter().collect();
    assert_eq!(ids_on_disk(dir), want);
    // Notes set by each child on its own bookmarks are all there.
    let store = BookmarkStore::open(dir);
    for b in store.bookmarks() {
        if let Some(rest) = b.id.strip_prefix('c') {
            let (c, i) = rest.split_once('-').expect("id");
            let i: usize = i.parse().expect("i");
            let want = if i % 4 == 1 {
                format!("note {c}")
            } else {
                String::new()
            };
            assert_eq!(b.note, want, "{}", b.id);
        }
    }
}

/// One concurrent writer; does nothing unless run by `concurrent_processes_lose_no_change`.
#[test]
#[ignore = "child process of concurrent_processes_lose_no_change"]
fn child_writer() {
    let Some((dir, no)) = child_env() else { return };
    let deadline = Instant::now() + Duration::from_secs(10);
    while !dir.join("go").exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(1));
    }
    // One store for the whole run: its in-memory list goes stale as the others write, which is
    // the point: each change must be applied to what is on disk.
    let mut store = BookmarkStore::open(&dir);
    for i in 0..OPS {
        let id = format!("c{no}-{i}");
        store.add(bookmark(&id, 200)).expect("add");
        if i % 3 == 0 {
            assert!(store.delete(&id).expect("delete").is_some());
        }
        if i % 4 == 1 {
            store.set_note(&id, &format!("note {no}")).expect("note");
        }
        if i < SEEDS && i % 2 == 0 {
            store
                .delete(&format!("seed-{no}-{i}"))
                .expect("delete seed");
        }
    }
    assert_eq!(store.unsaved(), 0);
}
