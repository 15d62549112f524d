//! `liseuse correct …` through the real binary: corrections kept, listed, undone, refused,
//! renamed, checked against the library.

use crate::{entities_json, liseuse, said};

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
