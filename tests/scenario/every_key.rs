//! Every key of the help, pressed from every place a user can be (each pane, each overlay, a
//! prompt), while a library is still being read and indexed: nothing freezes, nothing panics,
//! every frame draws, and `q` still quits at the end.

use crate::common::headless::Headless;
use crate::library;
use liseuse::keys::action::Action;
use liseuse::keys::keymap::Keymap;

/// How to get to each place from the reader.
const PLACES: &[(&str, &str)] = &[
    ("reader", ""),
    ("file list", "<S-Tab>"),
    ("sidebar", "<Tab>"),
    ("help", "?"),
    ("bookmark list", "B"),
    ("search results", "Fle<Enter>"),
    ("mentions", "<Tab>j<Enter>M"),
    ("a prompt", "/x"),
];

#[test]
fn every_key_from_every_place_while_indexing() {
    let lib = library(300);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    let keymap = Keymap::default();
    for (place, reach) in PLACES {
        for &action in Action::ALL {
            if action == Action::Quit {
                continue;
            }
            for key in keymap.keys_for(action) {
                s.keys("<Esc><Esc><Esc>");
                s.keys(reach);
                s.key(key);
                // A key waiting for another (a count, a mark's letter) gets one.
                s.keys("a");
                let screen = s.screen();
                assert!(
                    screen.lines().count() == 40,
                    "{place}, {key} ({action:?}): no frame\n{screen}"
                );
                assert!(!s.quitting(), "{place}, {key} ({action:?}) quit");
            }
        }
    }
    s.keys("<Esc><Esc><Esc>q");
    assert!(s.quitting(), "q quits at the end");
}
