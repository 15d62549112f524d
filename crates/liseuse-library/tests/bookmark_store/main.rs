//! The bookmark and position stores against real files, real processes and injected faults.
//! Every test works in its own temp dir; none touches the real data directory or sets anything
//! global. Tests that need several processes re-run this binary as children (the `child_*` tests,
//! ignored so they only run when asked for, and inert without their environment variables).

mod concurrent;
mod crash;
mod damaged;
mod faults;
mod files;
mod links;
mod positions;
mod saver;
mod unknown;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use liseuse_library::bookmark::{Anchor, Bookmark};

/// Environment of a child: the data directory and the child's number.
pub const CHILD_DIR: &str = "LISEUSE_TEST_CHILD_DIR";
pub const CHILD_NO: &str = "LISEUSE_TEST_CHILD_NO";

/// A bookmark with a chosen id; `padding` makes the file bigger (slower writes, wider windows).
pub fn bookmark(id: &str, padding: usize) -> Bookmark {
    let text = format!(
        "Before the passage. Passage {id} {}. After it.",
        "x".repeat(padding)
    );
    let start = text.find("Passage").unwrap_or(0);
    let end = text.find(". After").unwrap_or(text.len());
    let mut b = Bookmark::new("A title", Anchor::new("articles/a.txt", &text, start, end));
    b.id = id.to_owned();
    b
}

/// Ids in the store of `dir`, sorted.
pub fn ids_on_disk(dir: &Path) -> Vec<String> {
    let store = liseuse_library::store::BookmarkStore::open(dir);
    assert_eq!(store.read_only(), None, "file must stay valid");
    let mut ids: Vec<String> = store.bookmarks().iter().map(|b| b.id.clone()).collect();
    ids.sort();
    ids
}

/// The child's data directory and number, or `None` when not run as a child.
pub fn child_env() -> Option<(PathBuf, usize)> {
    let dir = std::env::var_os(CHILD_DIR)?;
    let no = std::env::var(CHILD_NO).ok()?.parse().ok()?;
    Some((PathBuf::from(dir), no))
}

/// This test binary, set to run only the ignored test `name`, as child `no` on `dir`.
pub fn child(name: &str, dir: &Path, no: usize) -> Command {
    let exe = std::env::current_exe().expect("current exe");
    let mut cmd = Command::new(exe);
    cmd.args([
        "--exact",
        name,
        "--nocapture",
        "--ignored",
        "--test-threads=1",
    ])
    .env(CHILD_DIR, dir)
    .env(CHILD_NO, no.to_string())
    .stdin(Stdio::null());
    cmd
}
