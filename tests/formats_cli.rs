//! `liseuse cat` and `liseuse entities` on every format: the entities' byte offsets are
//! offsets into exactly what `cat` prints, so scripts can use the two together.

use std::process::Command;

fn liseuse(args: &[&std::ffi::OsStr]) -> String {
    // Its own data dir: `entities` applies the corrections kept there, never the user's.
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .args(args)
        .env("LISEUSE_DATA_DIR", data.path())
        .env("LISEUSE_CACHE_DIR", data.path().join("cache"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn entity_offsets_are_offsets_into_what_cat_prints() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("note.md");
    std::fs::write(
        &md,
        "# Sommet à Berlin\n\nEmmanuel **Macron** a rencontré [Olaf Scholz](https://x.de) à *Berlin*.\n\n```\nJean Dupont\n```\n",
    )
    .unwrap();
    let html = dir.path().join("page.txt");
    std::fs::write(
        &html,
        "<!doctype html><html><head><title>Visite à Lyon</title></head><body><nav>Accueil</nav>\
         <article><p>Le maire de Lyon, Grégory Doucet, a reçu la ministre Rachida Dati lundi. \
         La visite a duré trois heures et porté sur le budget de la culture dans la ville.</p>\
         <p>Rachida Dati a promis une réponse avant l’été, selon la mairie de Lyon.</p></article></body></html>",
    )
    .unwrap();
    for path in [&md, &html] {
        let text = liseuse(&["cat".as_ref(), "--raw".as_ref(), path.as_os_str()]);
        let json = liseuse(&["entities".as_ref(), path.as_os_str()]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let mentions = v["documents"][0]["mentions"].as_array().unwrap();
        assert!(!mentions.is_empty(), "{json}");
        for m in mentions {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &text[s..e],
                m["text"].as_str().unwrap(),
                "{}",
                path.display()
            );
        }
        assert!(
            !text.contains("**") && !text.contains("<p>") && !text.contains("Accueil"),
            "{text}"
        );
        assert!(
            !json.contains("Jean Dupont"),
            "no entity inside code: {json}"
        );
    }
}

/// Issue 23 item 9: the same unreadable input gives the same status whatever prints it: 2,
/// with the reason on stderr.
#[test]
fn every_command_gives_status_2_for_what_it_could_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin.txt");
    std::fs::write(&bin, b"abc\0\0\x01\x02binary\0").unwrap();
    let data = tempfile::tempdir().unwrap();
    let b = bin.to_str().unwrap();
    for args in [
        vec!["cat", b],
        vec!["entities", b],
        vec!["entities", "--format", "tsv", b],
        vec!["entity", "Macron", b],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_liseuse"))
            .args(&args)
            .env("LISEUSE_DATA_DIR", data.path())
            .env("LISEUSE_CACHE_DIR", data.path().join("cache"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("binary file"), "{args:?}: {err}");
    }
}

/// Articles date themselves the way most sites and blog engines do, an ISO 8601 date and time
/// (`2020-04-10T17:58:15+01:00`: a page's JSON-LD `datePublished`, a front matter's `date:`):
/// that is their date, not the day the file was saved.
#[test]
fn an_iso_date_and_time_dates_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let said = "« The place we have used is Hart Island », said Bill de Blasio, the mayor.";
    let page = format!(
        "<html><head><title>Burials</title><script type=\"application/ld+json\">\
         {{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
         \"headline\":\"Burials\",\"datePublished\":\"2020-04-10T17:58:15+01:00\"}}</script>\
         </head><body><article><h1>Burials</h1><p>{said}</p><p>{said}</p></article></body></html>"
    );
    std::fs::write(dir.path().join("a.html"), page).unwrap();
    let front = format!("---\ntitle: Burials\ndate: 2021-03-23T14:36:01-04:00\n---\n\n{said}\n");
    std::fs::write(dir.path().join("b.md"), front).unwrap();
    let json = liseuse(&["quotes".as_ref(), dir.path().as_os_str()]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let dates: Vec<&str> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap_or("none"))
        .collect();
    assert_eq!(dates, ["2020-04-10", "2021-03-23"], "{json}");
}

/// `liseuse --help` reads « liseuse [PATHS]... <COMMAND> », so a user types `liseuse news
/// quotes`: « quotes » is then a path, and « cannot open quotes » alone left them guessing.
#[test]
fn a_command_after_the_paths_is_pointed_to_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Titre\n\nUn texte.\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .arg(dir.path())
        .arg("quotes")
        .env("LISEUSE_DATA_DIR", dir.path().join("data"))
        .env("LISEUSE_CACHE_DIR", dir.path().join("cache"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot open quotes"), "{err}");
    assert!(
        err.contains("liseuse quotes PATHS"),
        "the command's place said: {err}"
    );
}
