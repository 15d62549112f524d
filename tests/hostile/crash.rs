//! A panic anyway: the terminal is restored, a crash report is written and its path printed,
//! and the bookmark file is left exactly as it was.

use crate::common::*;

/// `place` is where liseuse is asked to panic, `file` the source file that panic is in.
fn crash_in(place: &str, file: &str) {
    crash_with(place, file, &[]);
}

/// [`crash_in`] with more arguments: `--cache-dir DIR` puts the report there.
fn crash_with(place: &str, file: &str, args: &[&str]) {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("liseuse-data");
    std::fs::create_dir_all(&data).unwrap();
    let bookmarks = data.join("bookmarks.json");
    let before = "{\n  \"schema\": 1,\n  \"bookmarks\": []\n}\n";
    std::fs::write(&bookmarks, before).unwrap();
    let mtime = std::fs::metadata(&bookmarks).unwrap().modified().unwrap();

    let mut s = Session::start_env(
        args,
        100,
        30,
        home.path(),
        &[(liseuse_library::crash::PANIC_FOR_TEST, place)],
    );
    assert_eq!(s.wait_exit(), 101, "{place}: exit code of a panic");
    assert!(!s.alternate_screen(), "{place}: alternate screen left");
    assert!(!s.cursor_hidden(), "{place}: cursor shown");
    let screen = s.wait_text("crash report was written to");
    assert!(screen.contains("panic asked for"), "{screen}");
    // Issue 24.11: the terminal is restored once. A second "leave the alternate screen" on the
    // main screen put the cursor back where it was at start, and the shell wrote its prompt
    // over the panic message.
    let raw = s.raw_bytes();
    let left = raw.windows(8).filter(|w| w == b"\x1b[?1049l").count();
    assert_eq!(left, 1, "{place}: the alternate screen left {left} times");
    let message_row = screen
        .lines()
        .position(|l| l.contains("crash report was written to"))
        .unwrap_or(0);
    let (cursor_row, _) = s.with_screen(|screen| screen.cursor_position());
    assert!(
        usize::from(cursor_row) > message_row,
        "{place}: the cursor (row {cursor_row}) is back over the message (row {message_row})"
    );

    let cache = match args.iter().position(|a| *a == "--cache-dir") {
        Some(i) => home.path().join(args[i + 1]),
        None => home.path().join("liseuse-cache"),
    };
    // The cache's own files may be there too (the full-text index is opened once idle).
    let reports: Vec<_> = std::fs::read_dir(cache)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("crash-"))
        })
        .collect();
    assert_eq!(reports.len(), 1, "{reports:?}");
    let report = std::fs::read_to_string(&reports[0]).unwrap();
    assert!(report.contains("message: panic asked for"), "{report}");
    assert!(report.contains(&format!("at: {file}:")), "{report}");
    assert!(report.contains("backtrace:"), "{report}");

    assert_eq!(std::fs::read_to_string(&bookmarks).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&bookmarks).unwrap().modified().unwrap(),
        mtime
    );
}

#[test]
fn a_panic_on_the_main_thread_restores_the_terminal_and_writes_a_report() {
    crash_in("main", "src/main.rs");
}

#[test]
fn a_panic_on_the_loader_thread_ends_liseuse_the_same_way() {
    crash_in("loader", "crates/liseuse-library/src/loader.rs");
}

/// Issue 24.7: `--cache-dir` is where the report goes, as it is for the cache.
#[test]
fn the_report_goes_to_the_cache_dir_given_on_the_command_line() {
    crash_with("main", "src/main.rs", &["--cache-dir", "given-cache"]);
}
