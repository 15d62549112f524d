//! End to end: a bookmark made today is there tomorrow.

mod common;
use common::*;

#[test]
fn bookmark_with_note_survives_a_restart_and_jumps_back() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 120, 40, home.path());
    s.wait_text("Le lendemain, un rapport");
    // Down to the second article's text, bookmark its paragraph, type a note.
    s.keys(&[BACKTAB, b"j", ENTER]);
    s.wait_text("Le président iranien Ibrahim Raïssi");
    for _ in 0..6 {
        s.keys(&[b"j"]);
    }
    s.keys(&[b"b"]);
    s.wait_text("Note (Enter saves");
    s.send("à relire demain".as_bytes());
    s.keys(&[ENTER]);
    s.wait_text("bookmarked");
    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);
    let saved = std::fs::read_to_string(home.path().join("liseuse-data/bookmarks.json")).unwrap();
    assert!(saved.contains("à relire demain"));

    // The next day: start again (it reopens the second article), go to the first, find the
    // bookmark in the list, jump to it.
    let mut s = Session::start(&[], 120, 40, home.path());
    s.wait_text("2/2");
    s.keys(&[BACKTAB, b"k", ENTER]);
    s.wait_text("1/2");
    s.keys(&[b"B"]);
    let list = s.wait_text("Bookmarks 1");
    assert!(list.contains("à relire demain"), "{list}");
    s.keys(&[ENTER]);
    // The bookmarked paragraph is on screen with its gutter mark, once the article's text is
    // read (the first screen at « 2/2 » can be before it, on a loaded machine).
    let screen = s.wait_for("the cursor on a marked line", |screen| {
        screen.contains("2/2") && screen.lines().any(|l| l.contains("▌┃ "))
    });
    assert!(!screen.contains("Bookmarks 1"), "the list closed");
    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn bookmarks_command_lists_and_exports() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 100, 30, home.path());
    s.wait_text("Le lendemain, un rapport");
    for _ in 0..5 {
        s.keys(&[b"j"]);
    }
    s.keys(&[b"b"]);
    s.wait_text("Note (Enter saves");
    s.send(b"cle");
    s.keys(&[ENTER, b"q"]);
    assert_eq!(s.wait_exit(), 0);

    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_liseuse"))
            .args(args)
            .env("LISEUSE_DATA_DIR", home.path().join("liseuse-data"))
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let list = run(&["bookmarks", "list"]);
    assert_eq!(list.lines().count(), 1, "{list}");
    assert!(
        list.contains("Qaani au commandant") && list.contains("cle"),
        "{list}"
    );
    let md = run(&["bookmarks", "export", "--format", "md"]);
    assert!(md.contains("## Qaani au commandant"), "{md}");
    assert!(md.contains("> Le lendemain"), "{md}");
    let json = run(&["bookmarks", "export", "--format", "json"]);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
}
