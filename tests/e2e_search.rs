//! End to end: search like less, step with n, quit.

mod common;
use common::*;

#[test]
fn search_steps_with_n_and_quits() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 120, 40, home.path());
    s.wait_text("Le lendemain, un rapport");
    s.keys(&[b"/"]);
    s.send(b"kayhan");
    s.keys(&[ENTER]);
    // One match, near the end: the reader went there, the status bar counts it.
    let screen = s.wait_text("/kayhan 1/1");
    assert!(screen.contains("le journal Kayhan"), "{screen}");
    // A query with matches in several places: n moves from one to the next.
    s.keys(&[b"/"]);
    s.keys(&[b"\x15"]); // Ctrl-U clears the query
    s.send(b"reuters");
    s.keys(&[ENTER]);
    let first = s.wait_for("a match", |t| t.contains("/reuters ") && t.contains("/4"));
    s.keys(&[b"n"]);
    let second = s.wait_for("the next match", |t| {
        t.contains("/reuters ") && !t.contains(&status(&first))
    });
    assert_ne!(status(&first), status(&second));
    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);
    assert!(!s.alternate_screen());
}

fn status(screen: &str) -> String {
    screen.lines().last().unwrap_or("").to_string()
}
