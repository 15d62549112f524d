//! Issue 16.2: a data file that is a symbolic link (to a synced folder) is read and written
//! where it points, and stays a link; a link to nothing makes that store read-only, said so,
//! and nothing is written anywhere.

#![cfg(unix)]

use std::os::unix::fs::symlink;

use liseuse_library::store::{
    BOOKMARKS_FILE, BookmarkStore, POSITIONS_FILE, PositionStore, StoreError, startup_notices,
};

use crate::{bookmark, ids_on_disk};

#[test]
fn a_symlinked_bookmark_file_is_written_where_it_points() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let sync = tmp.path().join("sync");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::create_dir_all(&sync).expect("mkdir");
    let target = sync.join("my-bookmarks.json");
    BookmarkStore::open(&sync)
        .add(bookmark("there", 10))
        .expect("seed");
    std::fs::rename(sync.join(BOOKMARKS_FILE), &target).expect("rename");
    let link = data.join(BOOKMARKS_FILE);
    symlink("../sync/my-bookmarks.json", &link).expect("symlink");

    let mut store = BookmarkStore::open(&data);
    assert_eq!(store.read_only(), None);
    assert!(store.get("there").is_some(), "read through the link");
    store.add(bookmark("new", 10)).expect("add");

    assert!(
        link.symlink_metadata()
            .expect("stat")
            .file_type()
            .is_symlink(),
        "still a link"
    );
    assert_eq!(ids_on_disk(&data), ["new", "there"]);
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&target).expect("read")).expect("json");
    assert_eq!(
        v["bookmarks"].as_array().map(Vec::len),
        Some(2),
        "the target has it"
    );
    // The temp file went beside the target (a rename across folders could not be atomic),
    // and none is left.
    for dir in [&data, &sync] {
        for e in std::fs::read_dir(dir).expect("ls") {
            let name = e.expect("entry").file_name();
            assert!(!name.to_string_lossy().ends_with(".tmp"), "{name:?} left");
        }
    }
}

#[test]
fn a_dangling_symlink_makes_the_store_read_only_and_nothing_is_written() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let gone = tmp.path().join("unmounted/bookmarks.json");
    let link = tmp.path().join(BOOKMARKS_FILE);
    symlink(&gone, &link).expect("symlink");
    let positions_gone = tmp.path().join("unmounted/positions.json");
    symlink(&positions_gone, tmp.path().join(POSITIONS_FILE)).expect("symlink");

    let mut bookmarks = BookmarkStore::open(tmp.path());
    let why = bookmarks.read_only().expect("read-only").to_string();
    assert!(
        why.contains("symbolic link")
            && why.contains("does not exist")
            && why.contains("unmounted"),
        "{why}"
    );
    assert!(!why.contains('\n'));
    let refused = bookmarks.add(bookmark("new", 10));
    assert!(
        matches!(refused, Err(StoreError::ReadOnly(_))),
        "{refused:?}"
    );

    let mut positions = PositionStore::open(tmp.path());
    assert!(
        positions
            .read_only()
            .is_some_and(|w| w.contains("symbolic link"))
    );
    positions.set("a.txt", 3, "h");
    assert!(matches!(positions.save(), Err(StoreError::ReadOnly(_))));

    let notices = startup_notices(&bookmarks, &positions);
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(notices[0].starts_with("bookmarks are read-only: bookmarks.json is a symbolic link"));
    assert!(notices[1].starts_with("reading positions: positions.json is a symbolic link"));

    assert!(
        link.symlink_metadata()
            .expect("stat")
            .file_type()
            .is_symlink(),
        "link kept"
    );
    assert!(
        !gone.exists() && !tmp.path().join("unmounted").exists(),
        "nothing created"
    );
}

/// Issue 24.7: a lock file planted as a symbolic link made liseuse create (or open) its
/// target, anywhere. Our own files are never opened through a link: the save fails, says why,
/// and nothing is created where the link points.
#[test]
fn a_planted_lock_link_is_never_followed() {
    use liseuse_library::store::{
        BOOKMARKS_LOCK, CORRECTIONS_LOCK, CorrectionStore, POSITIONS_LOCK,
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::create_dir_all(&outside).expect("mkdir");
    for lock in [BOOKMARKS_LOCK, POSITIONS_LOCK, CORRECTIONS_LOCK] {
        symlink(outside.join(lock), data.join(lock)).expect("symlink");
    }

    let mut bookmarks = BookmarkStore::open(&data);
    let err = bookmarks
        .add(bookmark("b", 10))
        .expect_err("not through the link");
    assert!(err.to_string().contains("symbolic link"), "{err}");
    let mut positions = PositionStore::open(&data);
    positions.set("a.txt", 3, "h");
    let err = positions.save().expect_err("not through the link");
    assert!(err.to_string().contains("symbolic link"), "{err}");
    let mut corrections = CorrectionStore::open(&data);
    let err = corrections
        .add(liseuse_library::corrections::Correction::Drop { name: "X".into() })
        .expect_err("not through the link");
    assert!(err.to_string().contains("symbolic link"), "{err}");

    let created: Vec<_> = std::fs::read_dir(&outside).expect("ls").collect();
    assert!(created.is_empty(), "created through a link: {created:?}");
    for lock in [BOOKMARKS_LOCK, POSITIONS_LOCK, CORRECTIONS_LOCK] {
        assert!(
            data.join(lock)
                .symlink_metadata()
                .expect("stat")
                .file_type()
                .is_symlink()
        );
    }
    assert!(!data.join(BOOKMARKS_FILE).exists() && !data.join(POSITIONS_FILE).exists());
}
