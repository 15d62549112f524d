//! Issue 16.12 and 24.12, through the real binary: no output of a command, nor an error
//! message, carries a byte a terminal would obey from a file (names, titles, quotes, notes);
//! JSON escapes every control and keeps every character; `cat --raw` writes the text as it is.

use super::*;

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
