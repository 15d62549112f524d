//! A full disk or a folder without write permission: clear error, old file intact, the change
//! kept in memory and saved at the next chance.

use std::io;
use std::path::Path;
use std::sync::{Arc, Mutex};

use liseuse_library::store::{
    AtomicWrite, BOOKMARKS_FILE, BookmarkStore, PositionStore, RealFs, StoreError,
};

use crate::{bookmark, ids_on_disk};

pub const ENOSPC: i32 = 28;
const EACCES: i32 = 13;

/// The real atomic write, unless told to fail with an OS error.
#[derive(Default)]
pub struct Faulty(Mutex<Option<i32>>);

impl Faulty {
    pub fn fail_with(&self, errno: Option<i32>) {
        *self.0.lock().expect("lock") = errno;
    }
}

impl AtomicWrite for Faulty {
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        match *self.0.lock().expect("lock") {
            Some(errno) => Err(io::Error::from_raw_os_error(errno)),
            None => RealFs.write_atomic(path, bytes),
        }
    }
}

fn seeded(dir: &Path) -> Vec<u8> {
    let mut store = BookmarkStore::open(dir);
    store.add(bookmark("old", 10)).expect("seed");
    std::fs::read(dir.join(BOOKMARKS_FILE)).expect("read")
}

#[test]
fn faults_disk_full_keeps_change_and_saves_on_flush() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let before = seeded(tmp.path());
    let fs = Arc::new(Faulty::default());
    let mut store = BookmarkStore::open_with(tmp.path(), fs.clone());
    fs.fail_with(Some(ENOSPC));

    let err = store.add(bookmark("new", 10)).expect_err("disk is full");
    assert!(err.is_unsaved());
    let msg = err.to_string();
    assert!(
        msg.contains("the disk is full") && msg.contains("1 change kept"),
        "{msg}"
    );
    assert_eq!(
        std::fs::read(tmp.path().join(BOOKMARKS_FILE)).expect("read"),
        before
    );
    assert_eq!(store.unsaved(), 1);
    assert!(store.get("new").is_some(), "kept in memory");

    // Still failing: flush reports it again and keeps the change.
    assert!(store.flush().is_err_and(|e| e.is_unsaved()));
    assert_eq!(store.unsaved(), 1);

    fs.fail_with(None);
    store.flush().expect("flush");
    assert_eq!(store.unsaved(), 0);
    assert_eq!(ids_on_disk(tmp.path()), ["new", "old"]);
}

#[test]
fn faults_permission_denied_retries_at_next_change() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let before = seeded(tmp.path());
    let fs = Arc::new(Faulty::default());
    let mut store = BookmarkStore::open_with(tmp.path(), fs.clone());
    fs.fail_with(Some(EACCES));

    let err = store.delete("old").expect_err("no permission");
    assert!(err.to_string().contains("permission denied"), "{err}");
    // A failed delete still hands back the bookmark, so it can be undone.
    let StoreError::Unsaved { removed, .. } = err else {
        panic!("{err}")
    };
    assert_eq!(removed.map(|b| b.id), Some(String::from("old")));
    assert_eq!(
        std::fs::read(tmp.path().join(BOOKMARKS_FILE)).expect("read"),
        before
    );
    assert_eq!(store.unsaved(), 1);
    assert!(store.get("old").is_none());

    fs.fail_with(None);
    store.add(bookmark("next", 10)).expect("add saves both");
    assert_eq!(store.unsaved(), 0);
    assert_eq!(ids_on_disk(tmp.path()), ["next"]);
}

#[test]
fn faults_pending_change_merges_with_other_process_writes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    seeded(tmp.path());
    let fs = Arc::new(Faulty::default());
    let mut store = BookmarkStore::open_with(tmp.path(), fs.clone());
    fs.fail_with(Some(ENOSPC));
    assert!(store.add(bookmark("mine", 10)).is_err());
    // Meanwhile another process saves its own bookmark.
    BookmarkStore::open(tmp.path())
        .add(bookmark("theirs", 10))
        .expect("other");
    fs.fail_with(None);
    store.flush().expect("flush");
    assert_eq!(ids_on_disk(tmp.path()), ["mine", "old", "theirs"]);
    assert_eq!(store.bookmarks().len(), 3);
}

#[test]
fn faults_positions_disk_full_keeps_changes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let fs = Arc::new(Faulty::default());
    let mut store = PositionStore::open_with(tmp.path(), fs.clone());
    store.set("a.txt", 42, "h1");
    store.set_last_article("a.txt");
    fs.fail_with(Some(ENOSPC));
    assert!(store.save().is_err_and(|e| e.is_unsaved()));
    assert_eq!(store.unsaved(), 2);
    assert!(
        !tmp.path()
            .join(liseuse_library::store::POSITIONS_FILE)
            .exists()
    );
    fs.fail_with(None);
    store.save().expect("save");
    let again = PositionStore::open(tmp.path());
    assert_eq!(again.get("a.txt").map(|p| p.offset), Some(42));
    assert_eq!(again.last_article(), Some("a.txt"));
}

/// A real read-only folder. Root ignores permissions, so then there is nothing to test here and
/// the injected faults above are what counts.
#[cfg(unix)]
#[test]
fn faults_real_read_only_folder() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("tempdir");
    let before = seeded(tmp.path());
    let set_mode = |mode| {
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode)).expect("chmod")
    };
    set_mode(0o555);
    if std::fs::write(tmp.path().join("probe"), b"").is_ok() {
        set_mode(0o755);
        eprintln!("skipped: running with privileges that ignore folder permissions");
        return;
    }
    let mut store = BookmarkStore::open(tmp.path());
    let result = store.add(bookmark("new", 10));
    set_mode(0o755);
    assert!(result.is_err_and(|e| e.is_unsaved()));
    assert_eq!(
        std::fs::read(tmp.path().join(BOOKMARKS_FILE)).expect("read"),
        before
    );
    assert_eq!(store.unsaved(), 1);
    store.flush().expect("writable again");
    assert_eq!(ids_on_disk(tmp.path()), ["new", "old"]);
}
