//! `liseuse entity NAME` and `liseuse correct …`, through the real binary.

use std::process::Command;

fn liseuse(args: &[&str], data: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .args(args)
        .env("LISEUSE_DATA_DIR", data)
        .env("LISEUSE_CACHE_DIR", data.join("cache"))
        // The settings (min_confidence) of the test's own, never the user's.
        .env("XDG_CONFIG_HOME", data.join("config"))
        .env("HOME", data)
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

/// Issue 29: the profile gains what the person said: each quotation with its article, its words
/// and its cue.
#[test]
fn an_entity_profile_lists_what_it_said() {
    let d = tempfile::tempdir().unwrap();
    let out = liseuse(&["entity", "Hussein Salami"], d.path());
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("said (9 quotations):"), "{text}");
    assert!(text.contains("(a déclaré)"), "the cue: {text}");
    assert!(text.contains("« Tout comme l’ennemi"), "{text}");

    let out = liseuse(&["entity", "Hussein Salami", "--format", "json"], d.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let said = json[0]["quotations"].as_array().expect("quotations");
    assert_eq!(said.len(), 9);
    let paths: std::collections::HashSet<&str> =
        said.iter().filter_map(|q| q["path"].as_str()).collect();
    assert_eq!(paths.len(), 2, "in both seeds");
    assert_eq!(said[0]["cue"], "a déclaré");
    assert_eq!(said[0]["kind"], "direct");
    assert!(said[0]["text"].as_str().unwrap().starts_with("Tout comme"));
    assert!(said[0]["title"].as_str().is_some_and(|t| !t.is_empty()));

    // Nothing said: no section, an empty list.
    let out = liseuse(&["entity", "Gaza", "--format", "json"], d.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["quotations"].as_array().map(Vec::len), Some(0));
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

/// Issue 23 item 7: a name that two entities answer to lists them both and lets the user
/// choose (the exact name, or `--all` for every profile), rather than picking one silently.
#[test]
fn an_ambiguous_name_lists_every_match() {
    let d = tempfile::tempdir().unwrap();
    let out = liseuse(&["entity", "ismail"], d.path());
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("Ismail Qaani"), "{said}");
    assert!(said.contains("Ismail Haniyeh"), "{said}");
    assert!(said.contains("--all"), "{said}");
    assert!(!said.contains("named with"), "no profile printed: {said}");

    let out = liseuse(&["entity", "ismail", "--all"], d.path());
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Ismail Qaani (PER)"), "{text}");
    assert!(text.contains("Ismail Haniyeh (PER)"), "{text}");

    let out = liseuse(&["entity", "ismail haniyeh"], d.path());
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Ismail Haniyeh (PER)"), "{text}");
    assert!(!text.contains("Ismail Qaani (PER)"), "{text}");
}

/// Item 7, a surname two people share: the same.
#[test]
fn a_shared_surname_lists_both_people() {
    let d = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = "Deux frères\n\nSherlock Holmes a parlé à Londres. Mycroft Holmes est venu le voir \
        au club. Sherlock Holmes a souri, puis Mycroft Holmes est reparti.\n";
    std::fs::write(dir.path().join("holmes.txt"), text).unwrap();
    let path = dir.path().to_str().unwrap();
    let out = liseuse(&["entity", "Holmes", path], d.path());
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("Sherlock Holmes") && said.contains("Mycroft Holmes"),
        "{said}"
    );
}

/// Item 8: a correction for a name no article gives is refused (`--force` keeps it for later);
/// each subcommand's help says what NAME, WITH and LABEL are.
#[test]
fn a_correction_for_an_unknown_name_is_refused_unless_forced() {
    let d = tempfile::tempdir().unwrap();
    let out = liseuse(&["correct", "drop", "Nobody Here"], d.path());
    assert_ne!(out.status.code(), Some(0), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Nobody Here") && err.contains("--force"),
        "{err}"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("kept"));
    let out = liseuse(&["correct", "list"], d.path());
    assert!(out.stdout.is_empty(), "nothing kept: {out:?}");

    let out = liseuse(&["correct", "drop", "Nobody Here", "--force"], d.path());
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("kept: "));
    // A merge needs both names known.
    let out = liseuse(
        &["correct", "merge", "Ismail Haniyeh", "Personne"],
        d.path(),
    );
    assert_ne!(out.status.code(), Some(0), "{out:?}");

    for (sub, words) in [
        ("label", &["NAME", "LABEL", "PER"][..]),
        ("merge", &["NAME", "WITH"][..]),
        ("split", &["NAME"][..]),
        ("drop", &["NAME"][..]),
    ] {
        let out = liseuse(&["correct", sub, "--help"], d.path());
        let help = String::from_utf8_lossy(&out.stdout);
        for w in words {
            let described = help
                .lines()
                .skip_while(|l| !l.starts_with("Arguments:"))
                .any(|l| l.contains(w) && l.split_whitespace().count() > 1);
            assert!(described, "{sub} --help describes {w}:\n{help}");
        }
    }
}

/// Item 15: a file's modification time is a weak date: it never stretches a timeline made of
/// articles that say their date.
#[test]
fn a_file_date_does_not_stretch_a_timeline() {
    let d = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Un\n\ndate 2023-12\n\nEmmanuel Macron a parlé. Emmanuel Macron a répété.\n",
    )
    .unwrap();
    // No date in it: only its file time (today) dates it.
    std::fs::write(
        dir.path().join("b.txt"),
        "Deux\n\nEmmanuel Macron encore, sans date.\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let out = liseuse(&["entity", "Emmanuel Macron", path], d.path());
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    let per = text
        .lines()
        .skip_while(|l| !l.starts_with("mentions per"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .count();
    assert_eq!(per, 1, "one period, not one up to today:\n{text}");
    assert!(
        text.contains("file modified"),
        "the weak date is said:\n{text}"
    );
}

fn said(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// The entity list of `liseuse entities` (JSON) as (name, variants), and its mention rows.
fn entities_json(
    args: &[&str],
    data: &std::path::Path,
) -> (Vec<(String, Vec<String>)>, serde_json::Value) {
    let out = liseuse(args, data);
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let variants = e["variants"].as_array().unwrap();
            let variants = variants.iter().map(|v| v.as_str().unwrap().to_string());
            (e["name"].as_str().unwrap().to_string(), variants.collect())
        })
        .collect();
    (list, json)
}

/// Issue 28: `liseuse correct rename NAME TO` names the entity TO in `liseuse entities` and
/// `liseuse entity`, where the new name, the old one and every way it is written find it, as
/// they do for `quotes --speaker` and later corrections; a name another entity has is refused.
#[test]
fn a_rename_from_the_command_line_holds_everywhere_and_both_names_find_it() {
    let d = tempfile::tempdir().unwrap();
    let out = liseuse(&["correct", "rename", "Hamas", "Mouvement Hamas"], d.path());
    assert!(out.status.success(), "{out:?}");
    assert!(
        said(&out).contains("kept: “Hamas” is called “Mouvement Hamas”"),
        "{}",
        said(&out)
    );
    let (list, _) = entities_json(&["entities"], d.path());
    let (_, variants) = list
        .iter()
        .find(|(n, _)| n == "Mouvement Hamas")
        .expect("listed under its new name");
    assert!(variants.iter().any(|v| v == "Hamas"), "{variants:?}");
    assert!(!list.iter().any(|(n, _)| n == "Hamas"), "{list:?}");
    for name in [
        "Mouvement Hamas",
        "mouvement hamas",
        "HAMAS",
        "Mouvement de la Résistance islamique",
    ] {
        let out = liseuse(&["entity", name], d.path());
        assert!(out.status.success(), "{name}: {}", said(&out));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.starts_with("Mouvement Hamas (ORG)"), "{name}: {text}");
        assert!(text.contains("also written: Hamas"), "{text}");
    }
    // The speaker is the entity (its key); the name is as the text gives it, as a scorer reads
    // it. Every name finds the same quotations (how many is the quotation engine's business).
    let mut counts = Vec::new();
    for name in ["Mouvement Hamas", "hamas", "résistance islamique"] {
        let out = liseuse(&["quotes", "--format", "tsv", "--speaker", name], d.path());
        assert!(out.status.success(), "{name}: {}", said(&out));
        let tsv = String::from_utf8_lossy(&out.stdout);
        let of_it = tsv.lines().filter(|l| l.contains("\torg-hamas\t")).count();
        assert!(of_it >= 1, "{name}: {tsv}");
        counts.push(of_it);
    }
    assert!(counts.windows(2).all(|w| w[0] == w[1]), "{counts:?}");

    // Another entity's name is refused, nothing kept: merging is for that.
    let out = liseuse(&["correct", "rename", "Mouvement Hamas", "gaza"], d.path());
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        said(&out).contains("already the name of “Gaza”") && said(&out).contains("merge"),
        "{}",
        said(&out)
    );
    let out = liseuse(&["correct", "list"], d.path());
    let list = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(list.lines().count(), 1, "{list}");
    assert!(
        list.contains("“Hamas” is called “Mouvement Hamas”"),
        "{list}"
    );

    // A later correction names it by its new name; undone, the old name is back.
    let out = liseuse(&["correct", "label", "Mouvement Hamas", "per"], d.path());
    assert!(out.status.success(), "{}", said(&out));
    let out = liseuse(&["entity", "mouvement hamas"], d.path());
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("Mouvement Hamas (PER)"),
        "{}",
        said(&out)
    );
    for _ in 0..2 {
        assert!(liseuse(&["correct", "undo"], d.path()).status.success());
    }
    let (list, _) = entities_json(&["entities"], d.path());
    assert!(list.iter().any(|(n, _)| n == "Hamas"), "{list:?}");
    let out = liseuse(&["correct", "rename", "--help"], d.path());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("<NAME>") && help.contains("<TO>"), "{help}");
}

/// Issue 28: the entities the sidebar leaves out (under min_confidence: « Bureau », 48 in the
/// seeds) are left out of `liseuse entities`' list and of `liseuse entity`, whose
/// `--min-confidence` shows more (0: all), as the setting does; every mention keeps its row
/// in `entities`, with its confidence, so a scorer still counts it.
#[test]
fn the_command_line_leaves_out_what_the_sidebar_does() {
    let d = tempfile::tempdir().unwrap();
    let (list, json) = entities_json(&["entities"], d.path());
    assert!(!list.iter().any(|(n, _)| n == "Bureau"), "{list:?}");
    assert_eq!(json["min_confidence"], 50);
    let rows: Vec<&serde_json::Value> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|doc| doc["mentions"].as_array().unwrap())
        .collect();
    let bureau = rows
        .iter()
        .find(|m| m["text"] == "Bureau")
        .expect("its mention keeps its row");
    assert_eq!(bureau["shown"], false);
    assert!(bureau["confidence"].as_u64().unwrap() < 50, "{bureau}");
    assert!(rows.iter().all(|m| m["confidence"].is_u64()));
    let (all, json_all) = entities_json(&["entities", "--min-confidence", "0"], d.path());
    assert!(all.iter().any(|(n, _)| n == "Bureau"), "{all:?}");
    assert_eq!(all.len(), list.len() + 1);
    let count = |j: &serde_json::Value| {
        j["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|doc| doc["mentions"].as_array().unwrap().len())
            .sum::<usize>()
    };
    assert_eq!(count(&json), count(&json_all), "every mention either way");
    let tsv = liseuse(&["entities", "--format", "tsv"], d.path());
    let tsv = String::from_utf8_lossy(&tsv.stdout);
    assert!(
        tsv.lines()
            .any(|l| l.contains("\tBureau\t") && l.ends_with("\tfalse")),
        "{tsv}"
    );

    let out = liseuse(&["entity", "bureau"], d.path());
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        said(&out).contains("no entity named") && said(&out).contains("--min-confidence 0"),
        "{}",
        said(&out)
    );
    let out = liseuse(&["entity", "bureau", "--min-confidence", "0"], d.path());
    assert!(out.status.success(), "{}", said(&out));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Bureau (ORG)"));
    let out = liseuse(&["entity", "x", "--min-confidence", "101"], d.path());
    assert_eq!(out.status.code(), Some(2), "{out:?}");

    // The setting the sidebar follows holds here too; the flag wins over it.
    let config = d.path().join("config").join("liseuse");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "min_confidence = 0\n").unwrap();
    let (set, _) = entities_json(&["entities"], d.path());
    assert_eq!(set.len(), all.len());
    let (flag, _) = entities_json(&["entities", "--min-confidence", "50"], d.path());
    assert_eq!(flag.len(), list.len());
    let out = liseuse(&["entity", "bureau"], d.path());
    assert!(out.status.success(), "{}", said(&out));
}

/// With no path, `correct` looks for the name in the library, as `entities` and `entity` read it
/// (it looked in the bundled articles only, and refused a name the library gives).
#[test]
fn a_correction_with_no_path_checks_the_library() {
    let d = tempfile::tempdir().unwrap();
    let lib = d
        .path()
        .join(liseuse_library::fetch::LIBRARY_DIR)
        .join("journal");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(
        lib.join("2026-12-01-conseil.txt"),
        "Le conseil de Brest\n\nLe maire Yannick Kervella a présidé le conseil municipal de Brest \
         mardi. Yannick Kervella a ensuite reçu la presse.\n",
    )
    .unwrap();
    let out = liseuse(&["entity", "Kervella"], d.path());
    assert!(out.status.success(), "the library is read: {}", said(&out));
    let out = liseuse(&["correct", "drop", "Yannick Kervella"], d.path());
    assert!(out.status.success(), "{}", said(&out));
    assert!(said(&out).contains("kept"), "{}", said(&out));
    // A name the library does not give is still refused, and says where it was looked for.
    let out = liseuse(&["correct", "drop", "Nobody Here"], d.path());
    assert_eq!(out.status.code(), Some(2), "{}", said(&out));
    assert!(
        said(&out).contains("looked for in the library"),
        "{}",
        said(&out)
    );
}
