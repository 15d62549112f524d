//! Issue 16.8, 16.9 and 16.12, through the real binary: every command-line output ends quietly
//! on a closed pipe, says a write error in one line with status 1, and carries no escape from a
//! file (names, titles, quotes, notes), nor do its error messages.

use liseuse_document::sanitize::is_unsafe;
use liseuse_library::bookmark::{Anchor, Bookmark};
use liseuse_library::store::BookmarkStore;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// What no output may carry: a terminal's escapes, from a file's name, text or notes.
mod escapes;

/// What a hostile file carries: a title change (OSC), a screen clear through the one-byte C1
/// CSI, a bell, a cursor move, a bidi override and invisible format characters.
const TRAPS: &str = "\u{1b}]0;pwned\u{7} \u{9b}2J \u{7} \u{1b}[7777;7777H \u{202e}evil \
                     z\u{200c}w\u{fff9}n\u{fffb}";

/// A temp home with a data dir holding one bookmark made of traps, and a folder with one
/// article whose file name and text are traps too.
struct Home {
    dir: tempfile::TempDir,
    lib: PathBuf,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        let lib = dir.path().join("lib");
        std::fs::create_dir_all(&lib).unwrap();
        let name = lib.join("a\u{1b}]0;pwned\u{7}\u{9b}1m.txt");
        let text = format!(
            "Titre {TRAPS}\n\nLe président Emmanuel Macron {TRAPS} est à Paris avec Olaf Scholz.\n\n\
             « Nous travaillerons {TRAPS} ensemble pour l'Europe », a déclaré Emmanuel Macron.\n"
        );
        std::fs::write(&name, &text).unwrap();
        let data = dir.path().join("liseuse-data");
        std::fs::create_dir_all(&data).unwrap();
        let body = format!("Avant. Le passage {TRAPS} du texte. Après.");
        let start = body.find("Le passage").unwrap();
        let end = body.find(" Après").unwrap();
        let mut b = Bookmark::new(
            &format!("Un titre {TRAPS}"),
            Anchor::new(&name.to_string_lossy(), &body, start, end),
        );
        b.note = format!("note {TRAPS}\nsecond line {TRAPS}");
        BookmarkStore::open(&data).add(b).unwrap();
        Home { dir, lib }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_liseuse"));
        let home = self.path();
        cmd.args(args)
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("LISEUSE_DATA_DIR", home.join("liseuse-data"))
            .env("LISEUSE_CACHE_DIR", home.join("liseuse-cache"))
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }
}

/// Every command that prints, with what it prints.
fn printing_commands(home: &Home) -> Vec<Vec<String>> {
    let lib = home.lib.to_string_lossy().into_owned();
    [
        vec!["bookmarks", "list"],
        vec!["bookmarks", "export"],
        vec!["bookmarks", "export", "--format", "json"],
        vec!["completions", "bash"],
        vec!["--print-config"],
        vec!["--print-config-path"],
        vec!["--print-library-path"],
        vec!["feed", "export"],
        vec!["entities"],
        vec!["entities", "--format", "tsv", &lib],
        vec!["entities", "--format", "json", &lib],
        vec!["quotes"],
        vec!["quotes", "--format", "tsv", &lib],
        vec!["quotes", "--format", "json", &lib],
        vec!["quotes", "--format", "md", "--speaker", "Macron", &lib],
        // Issue 24.12: `cat` to a pipe passed the file's bytes as they were.
        vec!["cat", &lib],
    ]
    .into_iter()
    .map(|a| a.into_iter().map(String::from).collect())
    .collect()
}

fn args(a: &[String]) -> Vec<&str> {
    a.iter().map(String::as_str).collect()
}

#[test]
fn outputs_every_command_prints_and_succeeds() {
    let home = Home::new();
    for a in printing_commands(&home) {
        let out = home.run(&args(&a));
        assert!(out.status.success(), "{a:?}: {out:?}");
        assert!(!out.stdout.is_empty(), "{a:?} printed nothing");
    }
}

#[test]
fn outputs_a_closed_pipe_ends_quietly() {
    let home = Home::new();
    for a in printing_commands(&home) {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = home.command(&args(&a)).stdout(writer).output().unwrap();
        #[cfg(unix)]
        let by_sigpipe = {
            use std::os::unix::process::ExitStatusExt;
            out.status.signal() == Some(libc::SIGPIPE)
        };
        #[cfg(not(unix))]
        let by_sigpipe = false;
        assert!(
            out.status.code() == Some(0) || by_sigpipe,
            "{a:?}: {:?}, stderr {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{a:?}: {err}"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn outputs_a_full_disk_is_one_line_and_status_1() {
    let home = Home::new();
    for a in printing_commands(&home) {
        let full = std::fs::File::options()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = home.command(&args(&a)).stdout(full).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{a:?}: {err}");
        let last = err.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("liseuse: could not write the output: the disk is full"),
            "{a:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{a:?}: {err}");
    }
}

#[test]
fn outputs_quotes_of_no_one_and_of_nothing_read_fail_with_status_2() {
    let home = Home::new();
    let lib = home.lib.to_string_lossy().into_owned();
    let out = home.run(&["quotes", "--speaker", "Personne Inconnue", &lib]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no quotation by"));
    let missing = home.path().join("nowhere.txt");
    let out = home.run(&["quotes", &missing.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
}

/// Issue 24.13: a correction kept whose confirmation could not be printed is not a failure:
/// the status says what happened to the correction, stderr what happened to the output.
#[cfg(target_os = "linux")]
#[test]
fn outputs_a_correction_kept_but_not_printed_succeeds() {
    let home = Home::new();
    let full = std::fs::File::options()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = home
        .command(&["correct", "drop", "--force", "Olaf Scholz"])
        .stdout(full)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("kept") && err.contains("the disk is full"),
        "{err}"
    );
    let list = String::from_utf8(home.run(&["correct", "list"]).stdout).unwrap();
    assert!(list.contains("Olaf Scholz"), "{list}");
}

#[test]
fn outputs_a_damaged_bookmark_file_fails_rather_than_print_nothing() {
    let home = Home::new();
    let file = home.path().join("liseuse-data/bookmarks.json");
    std::fs::write(&file, b"{\"schema\":1,\"bookm").unwrap();
    for a in [["bookmarks", "list"], ["bookmarks", "export"]] {
        let out = home.run(&a);
        assert_eq!(out.status.code(), Some(2), "{a:?}");
        assert!(out.stdout.is_empty(), "{a:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("bookmarks.json is truncated"), "{err}");
    }
}

#[test]
fn outputs_no_terminal_and_a_data_dir_that_is_a_file_are_said_plainly() {
    let home = Home::new();
    // The reader itself, its output a pipe: no terminal to draw on.
    let out = home.run(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        format!("liseuse: {}", liseuse::commands::terminal::NEEDS_TERMINAL)
    );
    assert!(out.stdout.is_empty(), "nothing drawn into a pipe");

    let file = home.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let out = home
        .command(&["bookmarks", "list"])
        .env("LISEUSE_DATA_DIR", &file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is a file, not a folder") && !err.contains("os error"),
        "{err}"
    );
    assert!(liseuse_library::cache::dir_problem(&file).is_some_and(|m| m.contains("is a file")));
}

/// Issue 24.6: `F/passwd.txt → /etc/passwd` was printed by `cat F` and `entities F`.
#[cfg(unix)]
#[test]
fn outputs_a_link_out_of_the_folder_is_not_printed_unless_asked() {
    let home = Home::new();
    let outside = home.path().join("outside.txt");
    std::fs::write(&outside, "Secret\n\nLe ministre Jean Secret parle.\n").unwrap();
    std::os::unix::fs::symlink(&outside, home.lib.join("passwd.txt")).unwrap();
    let lib = home.lib.to_string_lossy().into_owned();
    for args in [vec!["cat", &lib], vec!["entities", &lib]] {
        let out = home.run(&args);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert!(!text.contains("Secret"), "{args:?}: {text}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("passwd.txt: a symbolic link out of the folder"),
            "{err}"
        );
    }
    let out = home.run(&["cat", "--follow-links", &lib]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Jean Secret"));
    let named = home.lib.join("passwd.txt").to_string_lossy().into_owned();
    let out = home.run(&["cat", &named]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Jean Secret"));
}
