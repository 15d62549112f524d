//! End to end: a signal from outside (TERM, INT, HUP, QUIT) leaves the terminal as it was, the
//! reading place saved, and the exit status says which signal; TSTP and CONT suspend and resume
//! as less does.

mod common;
use common::*;

fn ended_by(sig: i32) {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 120, 40, home.path());
    s.wait_text("Le lendemain, un rapport");
    assert!(s.alternate_screen() && s.cursor_hidden() && s.mouse_reported());
    s.keys(&[b"j", b"j", b"j", b"j", b"j", b"j"]);
    s.wait_for("the cursor moved", |t| {
        t.lines()
            .any(|l| l.contains("▌  guide suprême") || l.contains("▌  le guide"))
            || !t.lines().any(|l| l.contains("▌  Qaani"))
    });
    s.signal(sig);
    assert_eq!(s.wait_exit(), 128 + sig as u32, "signal {sig}");
    assert!(!s.alternate_screen(), "signal {sig}: alternate screen left");
    assert!(!s.cursor_hidden(), "signal {sig}: cursor shown");
    assert!(!s.mouse_reported(), "signal {sig}: mouse reporting off");
    let saved = std::fs::read_to_string(home.path().join("liseuse-data/positions.json"))
        .unwrap_or_else(|e| panic!("signal {sig}: no positions saved: {e}"));
    let json: serde_json::Value = serde_json::from_str(&saved).unwrap();
    let place = &json["positions"]["seeds/000_aae40d40de2e278c.txt"];
    assert!(
        place["cursor"].as_u64().is_some_and(|c| c > 0),
        "signal {sig}: the cursor line saved: {saved}"
    );
}

#[test]
fn term_restores_the_terminal_and_saves() {
    ended_by(libc::SIGTERM);
}

#[test]
fn int_restores_the_terminal_and_saves() {
    ended_by(libc::SIGINT);
}

#[test]
fn hup_restores_the_terminal_and_saves() {
    ended_by(libc::SIGHUP);
}

#[test]
fn quit_restores_the_terminal_and_saves() {
    ended_by(libc::SIGQUIT);
}

#[test]
fn tstp_gives_the_terminal_back_and_cont_takes_it_again() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 120, 40, home.path());
    s.wait_text("Le lendemain, un rapport");
    s.signal(libc::SIGTSTP);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while s.alternate_screen() {
        assert!(std::time::Instant::now() < deadline, "never suspended");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(!s.cursor_hidden() && !s.mouse_reported());
    s.signal(libc::SIGCONT);
    s.wait_for("the screen again", |t| {
        t.contains("Le lendemain, un rapport")
    });
    assert!(s.alternate_screen() && s.cursor_hidden());
    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);
}
