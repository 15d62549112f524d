//! Reading positions: saved, reloaded, and merged between processes entry by entry.

use liseuse_library::store::{POSITIONS_FILE, PositionStore};

#[test]
fn positions_round_trip() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = PositionStore::open(tmp.path());
    assert_eq!(store.get("a.txt"), None);
    assert_eq!(store.last_article(), None);
    store.set("a.txt", 120, "hash-a");
    store.set_last_article("a.txt");
    assert_eq!(store.unsaved(), 2);
    store.save().expect("save");
    assert_eq!(store.unsaved(), 0);

    let again = PositionStore::open(tmp.path());
    let p = again.get("a.txt").expect("position");
    assert_eq!((p.offset, p.content_hash.as_str()), (120, "hash-a"));
    assert_eq!(again.last_article(), Some("a.txt"));
    let text = std::fs::read_to_string(tmp.path().join(POSITIONS_FILE)).expect("read");
    assert!(text.contains("\"schema\": 1"), "{text}");
}

#[test]
fn positions_two_processes_keep_each_others_entries() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut one = PositionStore::open(tmp.path());
    let mut two = PositionStore::open(tmp.path());
    one.set("a.txt", 1, "ha");
    two.set("b.txt", 2, "hb");
    two.set_last_article("b.txt");
    one.save().expect("one");
    two.save().expect("two");
    one.set("a.txt", 3, "ha");
    one.save().expect("one again");

    let merged = PositionStore::open(tmp.path());
    assert_eq!(merged.get("a.txt").map(|p| p.offset), Some(3));
    assert_eq!(merged.get("b.txt").map(|p| p.offset), Some(2));
    // `one` never changed the last article, so it kept `two`'s.
    assert_eq!(merged.last_article(), Some("b.txt"));
}

#[test]
fn read_articles_are_kept_and_two_processes_add_up() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut one = PositionStore::open(tmp.path());
    let mut two = PositionStore::open(tmp.path());
    one.mark_read("lib/a.html");
    one.mark_read("lib/a.html");
    assert_eq!(one.unsaved(), 1, "once is enough");
    two.mark_read("lib/b.html");
    one.save().expect("one");
    two.save().expect("two");
    let merged = PositionStore::open(tmp.path());
    let read: Vec<&str> = merged.read_articles().collect();
    assert_eq!(read, ["lib/a.html", "lib/b.html"]);
    assert_eq!(merged.last_article(), None, "reading is not a position");
}

#[test]
fn positions_and_bookmarks_keep_unknown_top_level_fields() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let extra = r#""by_a_later_minor_version": {"x": [1, 2]}"#;
    let file = tmp.path().join(POSITIONS_FILE);
    std::fs::write(&file, format!("{{\"schema\": 1, {extra}}}")).expect("write");
    let mut store = PositionStore::open(tmp.path());
    store.set("a.txt", 1, "h");
    store.save().expect("save");
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("json");
    assert_eq!(v["by_a_later_minor_version"]["x"][1], 2);

    let file = tmp.path().join(liseuse_library::store::BOOKMARKS_FILE);
    std::fs::write(
        &file,
        format!("{{\"schema\": 1, \"bookmarks\": [], {extra}}}"),
    )
    .expect("write");
    let mut store = liseuse_library::store::BookmarkStore::open(tmp.path());
    store.add(crate::bookmark("a", 1)).expect("add");
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("json");
    assert_eq!(v["by_a_later_minor_version"]["x"][0], 1);
    assert_eq!(v["bookmarks"][0]["id"], "a");
}
