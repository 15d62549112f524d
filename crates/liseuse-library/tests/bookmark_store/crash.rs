//! A process killed (SIGKILL) at any moment while saving leaves a complete, valid file.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use liseuse_library::store::{BOOKMARKS_FILE, BookmarkStore};

use crate::{bookmark, child, child_env, ids_on_disk};

const ROUNDS: usize = 50;

/// A small xorshift: random kill moments without a dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn crash_sigkill_while_saving_leaves_old_or_new_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    eprintln!("crash test seed {seed}");
    let mut rng = Rng(seed);
    // Start from a saved file, so that "old version" always means a file.
    BookmarkStore::open(dir)
        .add(bookmark("first", 10))
        .expect("seed");
    let started = Instant::now();
    let mut count = 0;
    let mut killed_with_new_writes = 0;
    for round in 0..ROUNDS {
        let mut c = child("crash::child_saver", dir, round)
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn");
        // Wait until the child is saving, then kill it a random moment later.
        let stdout = c.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let ready = lines.any(|l| l.is_ok_and(|l| l.contains("SAVING")));
        std::thread::sleep(Duration::from_micros(rng.below(50_000)));
        c.kill().expect("kill");
        c.wait().expect("wait");
        assert!(ready, "round {round}: the child never started saving");

        let bytes = std::fs::read(dir.join(BOOKMARKS_FILE)).expect("file exists");
        let value: serde_json::Value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("round {round}: partial file after kill: {e}"));
        assert_eq!(value["schema"], 1);
        let ids = ids_on_disk(dir);
        // The child only adds (and edits notes), so every kill keeps at least what was there.
        assert!(ids.len() >= count, "round {round}: lost bookmarks");
        if ids.len() > count {
            killed_with_new_writes += 1;
        }
        count = ids.len();
    }
    eprintln!(
        "{ROUNDS} kills in {:?}; {count} bookmarks; {killed_with_new_writes} rounds saved something",
        started.elapsed()
    );
    assert!(count > 0);
    // Stray temp files from killed writes don't disturb the store.
    let strays = std::fs::read_dir(dir)
        .expect("read dir")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        })
        .count();
    // Each save clears what earlier kills left, so at most the last kill's remains.
    assert!(strays <= 1, "{strays} temp files left by killed writes");
    let store = BookmarkStore::open(dir);
    assert_eq!(store.read_only(), None);
}

/// Saves in a loop until killed; does nothing unless run by the crash test.
#[test]
#[ignore = "child process of crash_sigkill_while_saving_leaves_old_or_new_file"]
fn child_saver() {
    let Some((dir, round)) = child_env() else {
        return;
    };
    let mut store = BookmarkStore::open(&dir);
    println!("SAVING");
    for i in 0.. {
        let id = format!("r{round}-{i}");
        store.add(bookmark(&id, 8_000)).expect("add");
        store.set_note(&id, "a note").expect("note");
        if i == 200 {
            break;
        }
    }
}
