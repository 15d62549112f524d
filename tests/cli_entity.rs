//! `liseuse entity NAME` and `liseuse correct …`, through the real binary.

use std::process::Command;

fn liseuse(args: &[&str], data: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .args(args)
        .env("LISEUSE_DATA_DIR", data)
        .env("LISEUSE_CACHE_DIR", data.join("cache"))
        .output()
        .expect("run liseuse")
}

#[test]
fn an_entity_profile_as_text_and_json() {
    let d = tempfile::tempdir().unwrap();
    let out = liseuse(&["entity", "ABDULLAHIAN"], d.path());
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Hossein Amir Abdollahian (PER)"), "{text}");
    assert!(text.contains("6 mentions in 2 articles"), "{text}");
    assert!(text.contains("named with"), "{text}");
    assert!(text.contains("articles:"), "{text}");

    let out = liseuse(&["entity", "khamenei", "--format", "json"], d.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json[0];
    assert_eq!(first["name"], "Ali Khamenei");
    assert_eq!(first["mentions"], 12);
    assert!(first["with"].as_array().is_some_and(|w| !w.is_empty()));
    assert_eq!(first["in_articles"].as_array().map(Vec::len), Some(1));

    let out = liseuse(&["entity", "Personne Inconnue"], d.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no entity named"));
}

#[test]
fn corrections_are_kept_listed_and_undone() {
    let d = tempfile::tempdir().unwrap();
    let data = d.path().to_str().unwrap();
    let commands: [&[&str]; 3] = [
        &["correct", "drop", "Reuters"],
        &["correct", "label", "Houthis", "loc"],
        // Options may come before the subcommand.
        &[
            "--data-dir",
            data,
            "correct",
            "merge",
            "Ismail Haniyeh",
            "Haniyeh",
        ],
    ];
    for args in commands {
        let out = liseuse(args, d.path());
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("kept: "));
    }
    let out = liseuse(&["correct", "list"], d.path());
    let list = String::from_utf8(out.stdout).unwrap();
    assert_eq!(list.lines().count(), 3, "{list}");
    assert!(list.contains("“Houthis” is LOC"), "{list}");
    let out = liseuse(&["correct", "undo"], d.path());
    assert!(String::from_utf8_lossy(&out.stdout).contains("undone: “Haniyeh” is “Ismail Haniyeh”"));
    let out = liseuse(&["correct", "list"], d.path());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    let out = liseuse(&["correct", "label", "X", "spam"], d.path());
    assert_eq!(out.status.code(), Some(2));
}
