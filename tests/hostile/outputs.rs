//! Issue 16.8, 16.9 and 16.12, through the real binary: every command-line output ends quietly
//! on a closed pipe, says a write error in one line with status 1, and carries no escape from a
//! file (names, titles, quotes, notes), nor do its error messages.

use liseuse_document::sanitize::is_unsafe;
use liseuse_library::bookmark::{Anchor, Bookmark};
use liseuse_library::store::BookmarkStore;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

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

/// No byte a terminal would obey: no ESC, no BEL or other C0 control but line ends and tabs,
/// no DEL or C1, no bidi or invisible format character.
fn assert_safe_text(what: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    if let Some(c) = text
        .chars()
        .find(|&c| c != '\n' && c != '\t' && is_unsafe(c))
    {
        panic!("{what}: U+{:04X} written in {text:?}", c as u32);
    }
}

#[test]
fn outputs_carry_no_escape_from_a_file() {
    let home = Home::new();
    for a in printing_commands(&home) {
        let out = home.run(&args(&a));
        assert_safe_text(&format!("{a:?} stdout"), &out.stdout);
        assert_safe_text(&format!("{a:?} stderr"), &out.stderr);
    }
    // The text outputs show the traps as the reader does.
    let list = String::from_utf8(home.run(&["bookmarks", "list"]).stdout).unwrap();
    assert!(
        list.contains("␛]0;pwned␇") && list.contains("‹RLO›"),
        "{list}"
    );
    assert_eq!(list.lines().count(), 1, "one line a bookmark: {list}");
    let md = String::from_utf8(home.run(&["bookmarks", "export"]).stdout).unwrap();
    assert!(md.contains("> Le passage ␛]0;pwned␇"), "{md}");
    assert!(md.contains("‹IAA›") && md.contains("second line"), "{md}");
    let lib = home.lib.to_string_lossy().into_owned();
    let tsv = String::from_utf8(home.run(&["entities", "--format", "tsv", &lib]).stdout).unwrap();
    assert!(tsv.contains("a␛]0;pwned␇�1m.txt\t"), "{tsv}");
    assert!(tsv.lines().all(|l| l.split('\t').count() == 8), "{tsv}");
    // a quotation holding the traps, in every format
    let quotes = String::from_utf8(home.run(&["quotes", "--format", "tsv", &lib]).stdout).unwrap();
    assert!(quotes.contains("Nous travaillerons ␛]0;pwned␇"), "{quotes}");
    assert!(
        quotes.lines().all(|l| l.split('\t').count() == 9),
        "{quotes}"
    );
    let md = String::from_utf8(home.run(&["quotes", "--format", "md", &lib]).stdout).unwrap();
    assert!(
        md.contains("> « Nous travaillerons ␛]0;pwned␇") && md.contains("‹RLO›"),
        "{md}"
    );
    assert!(md.contains("— Emmanuel Macron, a déclaré"), "{md}");
}

#[test]
fn outputs_quotes_json_escapes_every_control_and_keeps_every_character() {
    let home = Home::new();
    let lib = home.lib.to_string_lossy().into_owned();
    let out = home.run(&["quotes", "--format", "json", &lib]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("\\u001b]0;pwned\\u0007") && text.contains("\\u202e"),
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let q = &v["documents"][0]["quotes"][0];
    assert_eq!(
        q["text"].as_str().unwrap(),
        format!("Nous travaillerons {TRAPS} ensemble pour l'Europe"),
        "the same characters"
    );
    assert_eq!(q["kind"], "direct");
    assert_eq!(q["speaker"]["name"], "Emmanuel Macron");
    assert_eq!(q["cue"]["text"], "a déclaré");
    // byte offsets into the rendered text, as `entities` gives them
    let start = q["start"].as_u64().unwrap() as usize;
    let file = std::fs::read_dir(&home.lib)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let body = std::fs::read_to_string(file).unwrap();
    assert!(body.get(start..).unwrap().starts_with("Nous travaillerons"));
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

/// Issue 24.12: `--raw` is how to get a file's text byte for byte (offsets of `entities`
/// count in it); without it, `cat` shows the traps as the reader does, pipe or not.
#[test]
fn outputs_cat_raw_writes_the_text_as_it_is() {
    let home = Home::new();
    let lib = home.lib.to_string_lossy().into_owned();
    let shown = String::from_utf8(home.run(&["cat", &lib]).stdout).unwrap();
    assert!(shown.contains("Titre ␛]0;pwned␇"), "{shown}");
    let out = home.run(&["cat", "--raw", &lib]);
    assert!(out.status.success(), "{out:?}");
    let raw = String::from_utf8(out.stdout).unwrap();
    assert!(raw.contains(&format!("Titre {TRAPS}")), "{raw:?}");
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
fn outputs_json_escapes_every_control_and_keeps_every_character() {
    let home = Home::new();
    let out = home.run(&["bookmarks", "export", "--format", "json"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("\\u001b]0;pwned\\u0007") && text.contains("\\u009b2J"),
        "{text}"
    );
    assert!(
        text.contains("\\u202e") && text.contains("\\u200c"),
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let exact = v[0]["target"]["selector"]["exact"].as_str().unwrap();
    assert_eq!(
        exact,
        format!("Le passage {TRAPS} du texte."),
        "the same characters"
    );
    let lib = home.lib.to_string_lossy().into_owned();
    let out = home.run(&["entities", "--format", "json", &lib]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let path = v["documents"][0]["path"].as_str().unwrap();
    assert!(
        path.ends_with("a\u{1b}]0;pwned\u{7}\u{9b}1m.txt"),
        "{path:?}"
    );
}

#[test]
fn outputs_error_messages_naming_a_hostile_file_are_safe() {
    let home = Home::new();
    let missing = home.path().join("\u{1b}]0;X\u{7}\u{9b}2J.txt");
    let missing = missing.to_string_lossy().into_owned();
    for a in [
        vec![missing.as_str()],
        vec!["entities", missing.as_str()],
        vec!["quotes", missing.as_str()],
    ] {
        let out = home.run(&a);
        assert_eq!(out.status.code(), Some(2), "{a:?}");
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_safe_text(&format!("{a:?}"), &out.stderr);
        assert!(err.contains("␛]0;X␇"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    let config = home.path().join("c\u{1b}[2J.toml");
    std::fs::write(&config, "theme = 1\n").unwrap();
    let out = home.run(&["--config", &config.to_string_lossy(), "--print-config-path"]);
    assert_safe_text("--print-config-path", &out.stdout);
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
