//! Issue 16, the real binary in a pseudo-terminal: a config can never leave no way out
//! (16.7), a mistake in it is shown and the rest kept (15.9), and a folder opened by a relative
//! path follows its changes (16.11).

mod common;
use common::*;
use std::time::{Duration, Instant};

const CTRL_C: &[u8] = b"\x03";

#[test]
fn a_config_without_quit_keys_still_quits_on_ctrl_c_and_says_what_is_wrong() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config/liseuse");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        "[keys]\nquit = []\nhelp = [\"h\"]\n[colors]\nperson = \"reddish\"\n",
    )
    .unwrap();
    let mut s = Session::start(&[], 200, 30, home.path());
    let screen = s.wait_text("line 2: quit = [] leaves only Ctrl-c to quit");
    assert!(
        screen.contains("[1 more: any key]"),
        "each problem said: {screen}"
    );
    // `q` does nothing now; the rest of the file was kept (`h` shows the help).
    s.keys(&[b"q", b"h"]);
    s.wait_text("Move down one line");
    s.keys(&[CTRL_C]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_folder_opened_by_a_relative_path_follows_edits_and_deletions() {
    let home = tempfile::tempdir().unwrap();
    let lib = home.path().join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(lib.join("a.txt"), "Premier titre\nLe premier texte.\n").unwrap();
    std::fs::write(lib.join("b.txt"), "Second titre\nLe second texte.\n").unwrap();
    // The session runs in `home`: `lib` is relative to it.
    let mut s = Session::start(&["lib"], 100, 30, home.path());
    s.wait_text("Le premier texte.");
    s.wait_text("Articles 2");

    // The watches are set up on a thread of their own after the first frame: an edit made
    // before they are in place is not seen, so it is made again until it is.
    let mut seen = false;
    for round in 0..20 {
        let text = format!("Second titre revu\nLe second texte revu {round}.\n");
        std::fs::write(lib.join("b.txt"), text).unwrap();
        let deadline = Instant::now() + Duration::from_secs(1);
        while Instant::now() < deadline && !seen {
            seen = s.screen().contains("Second titre revu");
            std::thread::sleep(Duration::from_millis(20));
        }
        if seen {
            break;
        }
    }
    let screen = s.wait_text("Second titre revu");
    assert!(
        seen && screen.contains("Articles 2"),
        "read again, not added again: {screen}"
    );

    std::fs::remove_file(lib.join("b.txt")).unwrap();
    let screen = s.wait_text("Articles 1");
    assert!(!screen.contains("Second titre"), "{screen}");
    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);
}
