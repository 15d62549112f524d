//! Bookmarks kept while another liseuse holds the store's lock (issue "Trust…" item 3, issue
//! 24.1): `b` never freezes, the bookmark shows as not saved yet, and a quit waits for every
//! change to be on disk (a second `q` forces it and says what is lost). Apart from
//! `defects.rs` because each drives a real lock file and the saver's waiting.

use crate::common::headless::Headless;

fn seeds() -> Headless {
    let mut s = Headless::seeds(120, 40);
    s.settle();
    s
}

/// Issue "Trust…" item 3: with another liseuse holding the bookmark lock, `b` answers at once,
/// the bookmark stays on screen marked not saved yet, quitting says so and waits, and once
/// the lock is let go it is saved and liseuse quits.
#[test]
fn a_held_lock_never_freezes_and_quitting_waits_for_the_save() {
    use std::time::{Duration, Instant};
    let mut s = seeds();
    let data = s.data_dir();
    std::fs::create_dir_all(&data).unwrap();
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(data.join(liseuse_library::store::BOOKMARKS_LOCK))
        .unwrap();
    lock.try_lock().expect("the lock is free");
    let t = Instant::now();
    s.keys("jjjjjb<Enter>");
    assert!(
        t.elapsed() < Duration::from_secs(2),
        "b answered at once: {:?}",
        t.elapsed()
    );
    // In memory and on screen as soon as the saver has it, lock or no lock.
    let shown = Instant::now();
    while s.app().bookmarks.all().is_empty() {
        assert!(shown.elapsed() < Duration::from_secs(1), "not shown");
        s.pump();
    }
    s.wait_for("the wait said", |t| {
        t.contains("waiting for another liseuse")
    });
    assert!(s.status().contains("not saved yet"), "{}", s.status());
    s.keys("q");
    assert!(!s.quitting(), "the first q waits");
    let flat = s.screen().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("q again quits now and loses them"), "{flat}");
    drop(lock);
    let deadline = Instant::now() + Duration::from_secs(20);
    while !s.quitting() {
        assert!(Instant::now() < deadline, "never saved:\n{}", s.screen());
        s.pump();
    }
    let saved = std::fs::read_to_string(data.join("bookmarks.json")).unwrap();
    assert!(saved.contains("Le lendemain"), "{saved}");
}

/// Issue 24.1: `b Enter q` at once with the lock held: the quit came before the saver had
/// said it was waiting, so it did not wait, and the bookmark shown was lost. Whatever the
/// saver has said, the quit waits for every change made; a second `q` forces it (and the
/// loss is said).
#[test]
fn a_quit_right_after_a_bookmark_waits_for_it() {
    let hold = |s: &Headless| {
        let data = s.data_dir();
        std::fs::create_dir_all(&data).unwrap();
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(data.join(liseuse_library::store::BOOKMARKS_LOCK))
            .unwrap();
        lock.try_lock().expect("the lock is free");
        lock
    };
    let mut s = seeds();
    let lock = hold(&s);
    s.keys("jjjjjb<Enter>q");
    assert!(!s.quitting(), "the quit waits for the bookmark");
    let flat = s.screen().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("q again quits now and loses them"), "{flat}");
    drop(lock);
    s.wait_until("the quit once saved", |app| app.all_saved());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !s.quitting() {
        assert!(
            std::time::Instant::now() < deadline,
            "never quit:\n{}",
            s.screen()
        );
        s.pump();
    }
    let data = s.data_dir();
    let (ending, _home) = s.finish();
    assert!(!ending.lost, "{:?}", ending.messages);
    let saved = std::fs::read_to_string(data.join("bookmarks.json")).unwrap();
    assert!(saved.contains("Le lendemain"), "{saved}");

    // Forced: the second q quits, and the loss is said.
    let mut s = seeds();
    let _lock = hold(&s);
    s.keys("jjjjjb<Enter>q");
    assert!(!s.quitting());
    s.keys("q");
    assert!(s.quitting(), "a second q quits");
    let (ending, _home) = s.finish();
    assert!(ending.lost);
    assert!(
        ending
            .messages
            .iter()
            .any(|m| m.contains("could not be saved")),
        "{:?}",
        ending.messages
    );
}
