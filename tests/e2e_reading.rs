//! End to end: the real binary in a pseudo-terminal, read as a person would.

mod common;
use common::*;

#[test]
fn read_scroll_open_the_other_article_and_quit() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 120, 40, home.path());
    let first = s.wait_text("Qaani au commandant des « Brigades Al-Qassam »");
    assert!(s.alternate_screen());
    assert!(
        first.contains("002_b42a582add091519") || first.contains("Le président iranien"),
        "both articles listed (the second by its first words):\n{first}"
    );
    assert!(first.contains("Le lendemain, un rapport"));

    // Scroll the reader a page: the first paragraph leaves the screen.
    s.keys(&[PGDN, PGDN]);
    s.wait_for("scrolled", |t| !t.contains("Le lendemain, un rapport"));

    // To the file list, down one, open.
    s.keys(&[BACKTAB, b"j", ENTER]);
    s.wait_text("Le président iranien Ibrahim Raïssi");
    s.wait_text("2/2");

    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);
    assert!(!s.alternate_screen(), "the alternate screen was left");
    assert!(!s.cursor_hidden(), "the cursor is shown again");
}

#[test]
fn missing_path_is_a_one_line_error_before_the_terminal_is_touched() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .arg(home.path().join("nowhere.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("nowhere.txt"));
    assert!(out.stdout.is_empty(), "nothing written to the terminal");
}

#[test]
fn empty_folder_is_an_error() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .arg(home.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no articles"));
}
