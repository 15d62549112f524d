//! Saving under faults, through the real binary: a bookmark that cannot be saved is said in one
//! line, kept in memory, the file on disk left as it was, and saved at the next chance; still
//! unsaved at quit, liseuse says so.

use crate::common::*;
use std::fs;
use std::path::Path;

/// Replaces the data directory with a plain file, so every save fails ("Not a directory"),
/// for root too. Returns where the real directory was moved.
fn break_data_dir(home: &Path) -> std::path::PathBuf {
    let data = home.join("liseuse-data");
    let aside = home.join("liseuse-data.aside");
    fs::rename(&data, &aside).unwrap();
    fs::write(&data, "not a directory").unwrap();
    aside
}

fn repair_data_dir(home: &Path, aside: &Path) {
    let data = home.join("liseuse-data");
    fs::remove_file(&data).unwrap();
    fs::rename(aside, &data).unwrap();
}

fn bookmark_here(s: &mut Session) {
    s.keys(&[b"j", b"j", b"b"]);
    s.wait_text("Note (Enter saves");
    s.keys(&[ENTER]);
}

/// The screen's text as one line: a long message is shown whole above the status bar,
/// wrapped and boxed, so its words are looked for across rows and borders.
fn flat(s: &Session) -> String {
    s.screen()
        .replace(['│', '╭', '╮', '╰', '╯', '─'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_bookmark_that_cannot_be_saved_is_kept_and_saved_at_the_next_chance() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 120, 40, home.path());
    s.wait_text("Le lendemain, un rapport");
    bookmark_here(&mut s);
    s.wait_text("bookmarked");
    let file = home.path().join("liseuse-data/bookmarks.json");
    let before = fs::read(&file).unwrap();

    let aside = break_data_dir(home.path());
    bookmark_here(&mut s);
    s.wait_text("not saved yet");
    let said = "1 bookmark change kept in memory";
    s.wait_for(said, |_| flat(&s).contains(said));
    assert_eq!(
        fs::read(aside.join("bookmarks.json")).unwrap(),
        before,
        "old file intact"
    );
    s.keys(&[b"B"]);
    s.wait_text("Bookmarks 2");
    s.keys(&[ESC]);
    // Read alone before the next key: Esc and G in one read are Alt-G (a loaded machine left
    // the list open and the test waiting for a note that never came).
    s.wait_for("the bookmarks closed", |screen| {
        !screen.contains("Bookmarks 2")
    });

    repair_data_dir(home.path(), &aside);
    // Another paragraph: the same one twice is one bookmark (its note opens instead).
    s.keys(&[b"G", b"b"]);
    s.wait_text("Note (Enter saves");
    s.keys(&[ENTER]);
    // "bookmarked", then "bookmarks saved" once the one kept in memory is on disk too.
    s.wait_text("bookmarks saved");
    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);
    let saved: serde_json::Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    assert_eq!(saved["bookmarks"].as_array().unwrap().len(), 3, "{saved}");
}

#[test]
fn a_bookmark_still_unsaved_at_quit_is_said_on_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 120, 40, home.path());
    s.wait_text("Le lendemain, un rapport");
    let _aside = break_data_dir(home.path());
    bookmark_here(&mut s);
    s.wait_text("not saved yet");
    // Quitting with a change not saved says so and waits; a second q quits anyway.
    s.keys(&[b"q"]);
    let said = "q again quits now and loses them";
    s.wait_for(said, |_| flat(&s).contains(said));
    s.keys(&[b"q"]);
    // A bookmark lost at quit: said on stderr, and in the exit status.
    assert_eq!(s.wait_exit(), 1);
    let screen = s.wait_text("could not be saved");
    assert!(
        screen.contains("1 bookmark change(s) could not be saved"),
        "{screen}"
    );
}

/// Issue 24.1: `b`, `Enter`, `q` typed at once while another liseuse holds the lock (`flock
/// bookmarks.lock sleep 6`): liseuse exited after 2 s, the bookmark it had said "bookmarked"
/// lost. The quit waits for it, saying so, and ends once it is on disk.
#[cfg(unix)]
#[test]
fn a_quick_quit_waits_for_the_bookmark_another_liseuse_holds_up() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("liseuse-data");
    fs::create_dir_all(&data).unwrap();
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(data.join("bookmarks.lock"))
        .unwrap();
    lock.try_lock().expect("the lock is free");
    let mut s = Session::start(&[], 120, 40, home.path());
    s.wait_text("Le lendemain, un rapport");
    s.keys(&[b"j", b"j"]);
    // The three keys in one write, as fast as a terminal sends them.
    s.send(b"b\rq");
    let said = "q again quits now and loses them";
    s.wait_for(said, |_| flat(&s).contains(said));
    // Still there, well past the two seconds after which it used to give up.
    let waited = std::time::Instant::now();
    while waited.elapsed() < std::time::Duration::from_secs(3) {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(s.alternate_screen(), "it waits, on screen:\n{}", s.screen());
    let flat_now = flat(&s);
    assert!(
        flat_now.contains(said) && flat_now.contains("waiting for another liseuse"),
        "why it waits and how to quit anyway, still: {flat_now}"
    );
    drop(lock);
    assert_eq!(s.wait_exit(), 0);
    let saved: serde_json::Value =
        serde_json::from_slice(&fs::read(data.join("bookmarks.json")).unwrap()).unwrap();
    assert_eq!(
        saved["bookmarks"].as_array().map(Vec::len),
        Some(1),
        "{saved}"
    );
}
