//! Issue 16.1: fields this version does not know, inside a bookmark, its anchor or a position,
//! survive every save (a newer liseuse, or a script, wrote them).

use liseuse_library::store::{BOOKMARKS_FILE, BookmarkStore, POSITIONS_FILE, PositionStore};
use serde_json::{Value, json};

use crate::bookmark;

fn on_disk(path: &std::path::Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("read")).expect("json")
}

#[test]
fn unknown_fields_inside_a_bookmark_and_its_anchor_survive_every_save() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join(BOOKMARKS_FILE);
    let mut kept = serde_json::to_value(bookmark("kept", 10)).expect("to json");
    kept["tags"] = json!(["x", "y"]);
    kept["colour"] = json!({"name": "amber", "rgb": [255, 191, 0]});
    kept["anchor"]["page"] = json!(12);
    let gone = serde_json::to_value(bookmark("gone", 10)).expect("to json");
    let text = json!({"schema": 1, "bookmarks": [kept, gone], "shelves": ["a"]});
    std::fs::write(&file, serde_json::to_vec(&text).expect("bytes")).expect("write");

    let mut store = BookmarkStore::open(tmp.path());
    assert_eq!(store.read_only(), None);
    let check = |why: &str| {
        let v = on_disk(&file);
        let b = v["bookmarks"]
            .as_array()
            .and_then(|l| l.iter().find(|b| b["id"] == "kept"))
            .unwrap_or_else(|| panic!("{why}: bookmark gone: {v}"));
        assert_eq!(b["tags"], json!(["x", "y"]), "{why}");
        assert_eq!(b["colour"]["rgb"][2], 0, "{why}");
        assert_eq!(b["anchor"]["page"], 12, "{why}");
        assert_eq!(v["shelves"], json!(["a"]), "{why}");
    };
    store.add(bookmark("new", 10)).expect("add");
    check("after an add");
    store.set_note("kept", "a note").expect("note");
    check("after a note on it");
    assert_eq!(on_disk(&file)["bookmarks"][0]["note"], "a note");
    store.delete("gone").expect("delete");
    check("after a delete of another");
    // Deleted and undone (re-added as it was): still whole.
    let b = store.delete("kept").expect("delete").expect("was there");
    store.add(b).expect("undo");
    check("after a delete undone");
    // And in memory, for whoever reads the store.
    let b = store.get("kept").expect("in memory");
    assert_eq!(b.extra.get("tags"), Some(&json!(["x", "y"])));
    assert_eq!(b.anchor.extra.get("page"), Some(&json!(12)));
}

#[test]
fn unknown_fields_inside_a_position_survive_a_save() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join(POSITIONS_FILE);
    let text = json!({"schema": 1, "positions": {
        "a.txt": {"offset": 5, "content_hash": "h", "zoom": 2},
        "b.txt": {"offset": 9, "content_hash": "h", "zoom": 3},
    }});
    std::fs::write(&file, serde_json::to_vec(&text).expect("bytes")).expect("write");
    let mut store = PositionStore::open(tmp.path());
    store.set("a.txt", 50, "h2");
    store.set("c.txt", 1, "h");
    store.save().expect("save");
    let v = on_disk(&file);
    assert_eq!(v["positions"]["a.txt"]["offset"], 50);
    assert_eq!(v["positions"]["a.txt"]["zoom"], 2);
    assert_eq!(v["positions"]["b.txt"]["zoom"], 3);
    assert_eq!(v["positions"]["c.txt"]["offset"], 1);
}
