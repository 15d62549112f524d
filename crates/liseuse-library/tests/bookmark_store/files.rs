//! Issue 16.5: a save keeps the file's mode; the temp files killed writers left are removed at
//! start, and only those: never a file that is not ours, never one a live writer may be writing.

#![cfg(unix)]

use std::fs::{self, File};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, SystemTime};

use liseuse_library::store::{BOOKMARKS_FILE, BookmarkStore, POSITIONS_FILE, PositionStore};

use crate::bookmark;

fn mode(p: &Path) -> u32 {
    fs::metadata(p).expect("stat").permissions().mode() & 0o777
}

#[test]
fn a_save_keeps_the_files_mode() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join(BOOKMARKS_FILE);
    BookmarkStore::open(tmp.path())
        .add(bookmark("a", 1))
        .expect("add");
    for want in [0o644, 0o640, 0o600, 0o664] {
        fs::set_permissions(&file, fs::Permissions::from_mode(want)).expect("chmod");
        BookmarkStore::open(tmp.path())
            .add(bookmark(&format!("m{want:o}"), 1))
            .expect("add");
        assert_eq!(mode(&file), want, "{want:o}");
    }
    let positions = tmp.path().join(POSITIONS_FILE);
    let mut store = PositionStore::open(tmp.path());
    store.set("a.txt", 1, "h");
    store.save().expect("save");
    fs::set_permissions(&positions, fs::Permissions::from_mode(0o644)).expect("chmod");
    store.set("a.txt", 2, "h");
    store.save().expect("save");
    assert_eq!(mode(&positions), 0o644);
}

/// Issue 24.13: a `0444` bookmark file was replaced by a save (a rename needs only the
/// folder's permission). Made read-only on purpose, it is left as it is, and liseuse says why.
#[test]
fn a_file_without_write_permission_is_respected() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join(BOOKMARKS_FILE);
    BookmarkStore::open(tmp.path())
        .add(bookmark("a", 1))
        .expect("add");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = fs::read(&file).expect("read");
    let mut store = BookmarkStore::open(tmp.path());
    let why = store.read_only().expect("read-only").to_string();
    assert!(why.contains("read-only") && why.contains("0444"), "{why}");
    assert!(store.get("a").is_some(), "still read");
    assert!(store.add(bookmark("b", 1)).is_err());
    assert_eq!(fs::read(&file).expect("read"), before);
    assert_eq!(mode(&file), 0o444);
    // Made writable again: saved as usual.
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).expect("chmod");
    BookmarkStore::open(tmp.path())
        .add(bookmark("b", 1))
        .expect("add");
    // Made read-only while liseuse runs: the next save finds it so.
    let mut store = BookmarkStore::open(tmp.path());
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).expect("chmod");
    assert!(store.add(bookmark("c", 1)).is_err());
    assert_eq!(mode(&file), 0o444);
    assert!(!fs::read_to_string(&file).expect("read").contains("\"c\""));
}

#[test]
fn a_new_file_gets_the_usual_mode_not_a_temp_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    BookmarkStore::open(tmp.path())
        .add(bookmark("a", 1))
        .expect("add");
    // What a plain `create` gives here (0666 less this process's umask), as any editor would.
    let probe = tmp.path().join("probe");
    File::create(&probe).expect("create");
    assert_eq!(mode(&tmp.path().join(BOOKMARKS_FILE)), mode(&probe));
}

/// A process that stays alive until dropped: its pid stands for another running liseuse.
struct Alive(Child);

impl Drop for Alive {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn dead_pid() -> u32 {
    let mut c = Command::new("true").spawn().expect("spawn");
    let pid = c.id();
    c.wait().expect("wait");
    pid
}

fn touch(p: &Path, age: Duration) {
    fs::write(p, b"half a file").expect("write");
    let when = SystemTime::now() - age;
    File::options()
        .write(true)
        .open(p)
        .and_then(|f| f.set_modified(when))
        .expect("mtime");
}

#[test]
fn stale_temp_files_of_ours_are_removed_at_start_and_nothing_else() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    let alive = Alive(
        Command::new("sleep")
            .arg("60")
            .spawn()
            .expect("spawn sleep"),
    );
    let (live, dead) = (alive.0.id(), dead_pid());
    let now = Duration::from_secs(1);
    let old = Duration::from_secs(20 * 60);
    let gone = [
        (format!(".bookmarks.json.{dead}.aB3dE9.tmp"), now),
        (format!(".bookmarks.json.{live}.xY7zQ1.tmp"), old),
        (String::from(".bookmarks.json.Qw3rTy.tmp"), now),
        (format!(".positions.json.{dead}.aB3dE9.tmp"), now),
    ];
    let kept = [
        (format!(".bookmarks.json.{live}.aB3dE9.tmp"), now),
        (String::from(".bookmarks.json.bak"), old),
        (String::from("bookmarks.json.aB3dE9.tmp"), old),
        (String::from(".notes.json.aB3dE9.tmp"), old),
        (String::from(".tmpaB3dE9"), old),
    ];
    for (name, age) in gone.iter().chain(&kept) {
        touch(&d.join(name), *age);
    }
    let _b = BookmarkStore::open(d);
    let _p = PositionStore::open(d);
    for (name, _) in &gone {
        assert!(!d.join(name).exists(), "{name} left");
    }
    for (name, _) in &kept {
        assert!(d.join(name).exists(), "{name} removed");
    }
}

#[test]
fn the_caches_stale_temp_files_are_removed_when_it_is_opened() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    let dead = dead_pid();
    let old = Duration::from_secs(20 * 60);
    let ours_killed = d.join(format!(".entities-v2.bin.{dead}.aB3dE9.tmp"));
    touch(&ours_killed, Duration::from_secs(60));
    // Left by liseuse before pids were in the names: removed when old and starting as ours.
    let legacy = d.join(".tmpQw3rTy");
    fs::write(&legacy, [0u8; 64]).expect("write");
    File::options()
        .write(true)
        .open(&legacy)
        .and_then(|f| f.set_modified(SystemTime::now() - old))
        .expect("mtime");
    let someone_elses = d.join(".tmpZx9cVb");
    touch(&someone_elses, old);
    let cached = liseuse_library::cache::ArticleCache::open(Some(d));
    assert_eq!(cached.records(), 0);
    assert!(!ours_killed.exists() && !legacy.exists());
    assert!(someone_elses.exists(), "not ours: kept");
}
