//! Issue 16.3, the store's side: saving never blocks the event loop. The saver takes commands
//! without waiting, reports each outcome, keeps what waits in memory (and says so), retries
//! while another thread or process holds the lock, and flushes within a deadline at quit.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use liseuse_library::store::{
    BOOKMARKS_FILE, BOOKMARKS_LOCK, BookmarkStore, Kept, Outcome, POSITIONS_LOCK, PositionStore,
    Saver, StoreCommand, StoreReport,
};

use crate::faults::{ENOSPC, Faulty};
use crate::{bookmark, child, child_env, ids_on_disk};

/// Generous: only a hang reaches it; nothing here measures time.
const PATIENCE: Duration = Duration::from_secs(30);

fn spawn(dir: &Path) -> (Saver, Receiver<StoreReport>) {
    spawn_with(BookmarkStore::open(dir), dir)
}

fn spawn_with(bookmarks: BookmarkStore, dir: &Path) -> (Saver, Receiver<StoreReport>) {
    let (tx, rx) = mpsc::channel();
    let saver = Saver::spawn(bookmarks, PositionStore::open(dir), move |r| {
        let _ = tx.send(r);
    })
    .expect("saver thread");
    (saver, rx)
}

/// The next report that is not about positions. Their recovery too: once both locks are let
/// go, which store is tried again first depends on when each last waited (a loaded machine
/// made positions recover before bookmarks now and then, and the test fail); the positions
/// written are checked on disk instead.
fn next(rx: &Receiver<StoreReport>) -> StoreReport {
    loop {
        let r = rx.recv_timeout(PATIENCE).expect("a report");
        match r.outcome {
            Outcome::Saved(Kept::Positions)
            | Outcome::Waiting(Kept::Positions)
            | Outcome::Recovered(Kept::Positions) => continue,
            _ => return r,
        }
    }
}

/// Another holder of a lock file, in this process (flock locks are per open file).
fn hold(path: &Path) -> File {
    let f = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .expect("open lock");
    f.try_lock().expect("lock is free");
    f
}

#[test]
fn saver_a_held_lock_delays_the_save_but_never_the_caller_and_loses_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    BookmarkStore::open(dir)
        .add(bookmark("old", 10))
        .expect("seed");
    let before = std::fs::read(dir.join(BOOKMARKS_FILE)).expect("read");
    let (saver, rx) = spawn(dir);
    let lock = hold(&dir.join(BOOKMARKS_LOCK));
    let positions_lock = hold(&dir.join(POSITIONS_LOCK));

    saver.send(StoreCommand::AddBookmark(bookmark("new", 10)));
    // In memory and reported while the lock is still held.
    let r = next(&rx);
    assert_eq!(r.outcome, Outcome::Added(String::from("new")));
    assert_eq!(r.message().as_deref(), Some("bookmarked"));
    let list = r.bookmarks.expect("the list after a change");
    assert!(list.get("new").is_some() && list.get("old").is_some());
    let r = next(&rx);
    assert_eq!(r.outcome, Outcome::Waiting(Kept::Bookmarks));
    let said = r.message().unwrap_or_default();
    assert!(
        said.contains("not saved yet: waiting for another liseuse"),
        "{said}"
    );
    assert_eq!(r.pending.bookmarks, 1);
    assert!(saver.pending().waiting);

    saver.send(StoreCommand::SetNote {
        id: String::from("new"),
        note: String::from("a note"),
    });
    assert_eq!(next(&rx).outcome, Outcome::NoteSet(String::from("new")));
    saver.send(StoreCommand::SavePosition {
        path: String::from("a.txt"),
        top: 42,
        cursor: 50,
        hash: String::from("h"),
    });
    // A flush cannot finish while the lock is held: it gives up at its deadline and says what
    // still waits. (One that waited for the lock would fail here, not hang: the lock is let
    // go on the way out of a failed test.)
    let saver = Arc::new(saver);
    let (answer, flushed) = mpsc::channel();
    let flusher = saver.clone();
    std::thread::spawn(move || {
        let _ = answer.send(flusher.flush(Duration::from_millis(300)));
    });
    let pending = flushed
        .recv_timeout(PATIENCE)
        .expect("the flush returned while the lock was held");
    assert_eq!(
        (pending.bookmarks, pending.positions),
        (2, 2),
        "{pending:?}"
    );
    assert!(pending.waiting);
    assert_eq!(
        std::fs::read(dir.join(BOOKMARKS_FILE)).expect("read"),
        before
    );
    // Now the lock is let go: the waiting changes land by themselves.
    drop((lock, positions_lock));
    let r = next(&rx);
    assert_eq!(r.outcome, Outcome::Recovered(Kept::Bookmarks), "{r:?}");
    assert_eq!(r.message().as_deref(), Some("bookmarks saved"));
    assert!(r.pending.bookmarks == 0);
    assert!(saver.flush(PATIENCE).is_empty());
    assert_eq!(ids_on_disk(dir), ["new", "old"]);
    let store = BookmarkStore::open(dir);
    assert_eq!(store.get("new").map(|b| b.note.as_str()), Some("a note"));
    assert_eq!(
        PositionStore::open(dir).get("a.txt").map(|p| p.offset),
        Some(42)
    );
}

#[test]
fn saver_waits_for_another_process_and_says_what_is_lost_at_a_quit_that_cannot_wait() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let mut holder = child("saver::child_lock_holder", dir, 0)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn child");
    let stdout = holder.stdout.take().expect("stdout");
    // Kept open until the child ends: its test harness still writes after the line.
    let mut lines = BufReader::new(stdout).lines();
    let locked = lines.any(|l| l.is_ok_and(|l| l.contains("LOCKED")));
    assert!(locked, "the child never took the lock");

    let (saver, rx) = spawn(dir);
    saver.send(StoreCommand::AddBookmark(bookmark("mine", 10)));
    assert_eq!(next(&rx).outcome, Outcome::Added(String::from("mine")));
    assert_eq!(next(&rx).outcome, Outcome::Waiting(Kept::Bookmarks));
    let closed = saver.close(Duration::from_millis(300));
    assert!(closed.lost_bookmarks());
    assert_eq!(closed.lines.len(), 1, "{:?}", closed.lines);
    assert!(
        closed.lines[0].starts_with("1 bookmark change(s) could not be saved")
            && closed.lines[0].contains("another liseuse"),
        "{:?}",
        closed.lines
    );
    assert!(
        !dir.join(BOOKMARKS_FILE).exists(),
        "nothing written under another's lock"
    );

    // A saver that can wait: the change lands once the other process lets go.
    let (saver, rx) = spawn(dir);
    saver.send(StoreCommand::AddBookmark(bookmark("later", 10)));
    assert_eq!(next(&rx).outcome, Outcome::Added(String::from("later")));
    assert_eq!(next(&rx).outcome, Outcome::Waiting(Kept::Bookmarks));
    std::fs::write(dir.join("release"), b"").expect("release");
    assert_eq!(next(&rx).outcome, Outcome::Recovered(Kept::Bookmarks));
    assert!(holder.wait().expect("wait").success());
    drop(lines);
    let closed = saver.close(PATIENCE);
    assert!(
        !closed.lost_bookmarks() && closed.lines.is_empty(),
        "{closed:?}"
    );
    assert_eq!(ids_on_disk(dir), ["later"]);
}

/// Holds the bookmark lock until `release` appears; does nothing unless run by the test above.
#[test]
#[ignore = "child process of saver_waits_for_another_process_and_says_what_is_lost_at_a_quit_that_cannot_wait"]
fn child_lock_holder() {
    let Some((dir, _)) = child_env() else { return };
    let _lock = hold(&dir.join(BOOKMARKS_LOCK));
    println!("LOCKED");
    let deadline = Instant::now() + PATIENCE;
    while !dir.join("release").exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn saver_a_failed_write_is_reported_kept_and_retried_at_the_next_change() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let fs = Arc::new(Faulty::default());
    fs.fail_with(Some(ENOSPC));
    let (saver, rx) = spawn_with(BookmarkStore::open_with(dir, fs.clone()), dir);
    saver.send(StoreCommand::AddBookmark(bookmark("a", 10)));
    assert_eq!(next(&rx).outcome, Outcome::Added(String::from("a")));
    let r = next(&rx);
    let Outcome::Failed {
        kept: Kept::Bookmarks,
        reason,
    } = &r.outcome
    else {
        panic!("{r:?}")
    };
    assert!(reason.contains("the disk is full"), "{reason}");
    let said = r.message().unwrap_or_default();
    assert!(
        said.contains("not saved yet") && said.contains("1 bookmark change"),
        "{said}"
    );
    assert_eq!(saver.pending().error.as_deref(), Some(reason.as_str()));

    fs.fail_with(None);
    saver.send(StoreCommand::AddBookmark(bookmark("b", 10)));
    assert_eq!(next(&rx).outcome, Outcome::Added(String::from("b")));
    assert_eq!(next(&rx).outcome, Outcome::Recovered(Kept::Bookmarks));
    assert_eq!(ids_on_disk(dir), ["a", "b"]);
    assert!(saver.close(PATIENCE).lines.is_empty());
}

#[test]
fn saver_a_read_only_store_refuses_with_its_reason_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let damaged = b"{\"schema\":1,\"bookmarks\":[}".to_vec();
    std::fs::write(dir.join(BOOKMARKS_FILE), &damaged).expect("write");
    let (saver, rx) = spawn(dir);
    saver.send(StoreCommand::AddBookmark(bookmark("a", 10)));
    let r = next(&rx);
    let Outcome::Refused {
        kept: Kept::Bookmarks,
        reason,
    } = &r.outcome
    else {
        panic!("{r:?}")
    };
    assert!(reason.contains("not valid JSON"), "{reason}");
    assert!(r.read_only.is_some());
    assert!(r.message().is_some_and(|m| m.starts_with("not saved: ")));
    saver.send(StoreCommand::DeleteBookmark(String::from("x")));
    assert!(matches!(next(&rx).outcome, Outcome::Refused { .. }));
    let closed = saver.close(PATIENCE);
    assert!(!closed.lost_bookmarks(), "refused, so never pending");
    assert_eq!(
        std::fs::read(dir.join(BOOKMARKS_FILE)).expect("read"),
        damaged
    );
}

#[test]
fn saver_a_delete_hands_back_the_bookmark_and_a_missing_one_is_said() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    BookmarkStore::open(dir)
        .add(bookmark("a", 10))
        .expect("seed");
    let (saver, rx) = spawn(dir);
    saver.send(StoreCommand::DeleteBookmark(String::from("a")));
    let r = next(&rx);
    let Outcome::Deleted(b) = &r.outcome else {
        panic!("{r:?}")
    };
    assert_eq!(b.id, "a");
    assert_eq!(r.message().as_deref(), Some("bookmark deleted (u undoes)"));
    saver.send(StoreCommand::DeleteBookmark(String::from("a")));
    let r = loop {
        let r = next(&rx);
        if !matches!(r.outcome, Outcome::Saved(_)) {
            break r;
        }
    };
    assert_eq!(r.outcome, Outcome::NotFound(String::from("a")));
    assert!(saver.close(PATIENCE).lines.is_empty());
    assert!(ids_on_disk(dir).is_empty());
}
