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

const PASSAGES: usize = 40;
const SAME_PASSAGE_CHILDREN: usize = 4;

/// Passage `i` of one article, as every process bookmarks it, under the id `id`.
fn passage(i: usize, id: &str) -> liseuse_library::bookmark::Bookmark {
    use liseuse_library::bookmark::{Anchor, Bookmark};
    let text: String = (0..PASSAGES)
        .map(|k| format!("Paragraph {k} of the article.\n\n"))
        .collect();
    let start = text.find(&format!("Paragraph {i} ")).unwrap_or(0);
    let end = start + format!("Paragraph {i} of the article.").len();
    let mut b = Bookmark::new("Title", Anchor::new("lib/a.txt", &text, start, end));
    b.id = id.to_owned();
    b
}

/// Issue 24.10: processes bookmarking the same passages at once saved each of them several
/// times, under different ids. One passage, one bookmark, whoever saves it; a note set on one
/// process's copy lands on the one kept.
#[test]
fn one_passage_is_one_bookmark_whoever_saves_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let children: Vec<_> = (0..SAME_PASSAGE_CHILDREN)
        .map(|no| {
            child("concurrent::child_same_passages", dir, no)
                .stdout(Stdio::null())
                .spawn()
                .expect("spawn child")
        })
        .collect();
    std::fs::write(dir.join("go"), b"").expect("go");
    for mut c in children {
        assert!(c.wait().expect("wait").success(), "a child failed");
    }
    let store = BookmarkStore::open(dir);
    let mut starts: Vec<usize> = store.bookmarks().iter().map(|b| b.anchor.start).collect();
    starts.sort_unstable();
    let before = starts.len();
    starts.dedup();
    assert_eq!(before, starts.len(), "a passage saved twice");
    assert_eq!(starts.len(), PASSAGES);
    // Child 0 notes every passage: whichever copy was kept has its note.
    for b in store.bookmarks() {
        assert!(b.note.starts_with("note "), "{}: {:?}", b.id, b.note);
    }
}

/// One process bookmarking every passage; does nothing unless run by
/// `one_passage_is_one_bookmark_whoever_saves_it`.
#[test]
#[ignore = "child process of one_passage_is_one_bookmark_whoever_saves_it"]
fn child_same_passages() {
    let Some((dir, no)) = child_env() else { return };
    let deadline = Instant::now() + Duration::from_secs(10);
    while !dir.join("go").exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(1));
    }
    let mut store = BookmarkStore::open(&dir);
    for i in 0..PASSAGES {
        let id = format!("c{no}-{i}");
        store.add(passage(i, &id)).expect("add");
        if no == 0 {
            store.set_note(&id, &format!("note {i}")).expect("note");
        }
    }
    assert_eq!(store.unsaved(), 0);
}
