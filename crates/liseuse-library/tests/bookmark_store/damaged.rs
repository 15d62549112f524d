//! Damaged, truncated, non-UTF-8 and future files are never written; the store says why.

use liseuse_library::store::{
    BOOKMARKS_FILE, BookmarkStore, POSITIONS_FILE, PositionStore, StoreError,
};

use crate::bookmark;

fn cases() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let good = serde_json::to_string(&bookmark("kept", 10)).expect("json");
    vec![
        (
            "corrupt",
            b"{\"schema\":1,\"bookmarks\":[}".to_vec(),
            "not valid JSON",
        ),
        (
            "truncated",
            format!("{{\"schema\":1,\"bookmarks\":[{good}").into_bytes(),
            "truncated",
        ),
        (
            "non-utf8",
            b"{\"schema\":1,\"bookmarks\":[\"\xff\xfe\"]}".to_vec(),
            "not UTF-8",
        ),
        (
            "future",
            format!("{{\"schema\":99,\"bookmarks\":[{good}],\"shelves\":[]}}").into_bytes(),
            "newer liseuse (schema 99",
        ),
        (
            "wrong-shape",
            br#"{"schema":1,"bookmarks":{"a":1}}"#.to_vec(),
            "does not match",
        ),
        ("empty", Vec::new(), "truncated"),
    ]
}

#[test]
fn damaged_bookmark_files_stay_byte_identical() {
    for (name, bytes, reason) in cases() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let file = tmp.path().join(BOOKMARKS_FILE);
        std::fs::write(&file, &bytes).expect("write");
        let mut store = BookmarkStore::open(tmp.path());
        let why = store
            .read_only()
            .unwrap_or_else(|| panic!("{name}: not read-only"));
        assert!(
            why.contains(reason) && why.contains(BOOKMARKS_FILE),
            "{name}: {why}"
        );
        assert!(!why.contains('\n'), "{name}: {why}");
        if name == "future" {
            // What could be read is kept and shown.
            assert_eq!(store.bookmarks().len(), 1, "{name}");
        } else {
            assert!(store.bookmarks().is_empty(), "{name}");
        }
        let refused = |r: Result<(), StoreError>| matches!(r, Err(StoreError::ReadOnly(_)));
        assert!(refused(store.add(bookmark("new", 10))), "{name}");
        assert!(refused(store.delete("kept").map(|_| ())), "{name}");
        assert!(refused(store.set_note("kept", "n").map(|_| ())), "{name}");
        assert!(store.flush().is_ok(), "{name}: nothing pending");
        store.reload();
        drop(store);
        let _ = BookmarkStore::open(tmp.path());
        assert_eq!(
            std::fs::read(&file).expect("read"),
            bytes,
            "{name}: file changed"
        );
    }
}

#[test]
fn damaged_file_after_open_is_not_overwritten() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join(BOOKMARKS_FILE);
    let mut store = BookmarkStore::open(tmp.path());
    store.add(bookmark("a", 10)).expect("add");
    // Another program (or a newer liseuse) rewrites it while we run.
    let future = br#"{"schema":2,"bookmarks":[],"folders":[]}"#;
    std::fs::write(&file, future).expect("write");
    let err = store.add(bookmark("b", 10)).expect_err("must refuse");
    assert!(matches!(err, StoreError::ReadOnly(_)), "{err}");
    assert!(store.read_only().is_some_and(|r| r.contains("schema 2")));
    assert_eq!(std::fs::read(&file).expect("read"), future);
    // The refused change is kept in memory, so the app can tell the user on quit.
    assert_eq!(store.unsaved(), 1);
    assert!(store.get("b").is_some());
}

#[test]
fn damaged_positions_file_stays_byte_identical() {
    // (A bookmarks-shaped file is a valid, empty positions file: skip that case.)
    for (name, bytes, reason) in cases().into_iter().filter(|c| c.0 != "wrong-shape") {
        let tmp = tempfile::tempdir().expect("tempdir");
        let file = tmp.path().join(POSITIONS_FILE);
        std::fs::write(&file, &bytes).expect("write");
        let mut store = PositionStore::open(tmp.path());
        let why = store
            .read_only()
            .unwrap_or_else(|| panic!("{name}: not read-only"));
        assert!(why.contains(reason), "{name}: {why}");
        store.set("a.txt", 10, "h");
        store.set_last_article("a.txt");
        assert!(
            matches!(store.save(), Err(StoreError::ReadOnly(_))),
            "{name}"
        );
        assert_eq!(store.get("a.txt").map(|p| p.offset), Some(10));
        assert_eq!(
            std::fs::read(&file).expect("read"),
            bytes,
            "{name}: file changed"
        );
    }
}
