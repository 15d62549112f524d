//! End to end: the opened folder changes while liseuse runs.

mod common;
use common::*;

#[test]
fn added_changed_and_removed_articles_show_without_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let lib = home.path().join("lib");
    std::fs::create_dir_all(lib.join("feed")).unwrap();
    std::fs::write(
        lib.join("a.txt"),
        "Premier titre\nLe texte du premier article.\n",
    )
    .unwrap();
    let mut s = Session::start(&[lib.to_str().unwrap()], 100, 30, home.path());
    s.wait_text("Le texte du premier article.");
    s.wait_text("Articles 1");

    // A feed fetcher saves a new article in a sub-folder.
    std::fs::write(lib.join("feed/b.txt"), "Second titre\nUn autre texte.\n").unwrap();
    s.wait_text("Articles 2");
    s.wait_text("Second titre");

    // One whose name sorts first takes the first row, not the last.
    std::fs::write(lib.join("0.txt"), "Zéro titre\nTexte zéro.\n").unwrap();
    s.wait_text("Articles 3");
    let screen = s.wait_text("Zéro titre");
    let rows = ["Zéro titre", "Premier titre", "Second titre"].map(|t| list_row(&screen, t));
    assert!(
        rows.iter().all(Option::is_some) && rows[0] < rows[1] && rows[1] < rows[2],
        "{screen}"
    );

    // The open article is edited: the reader shows the new text.
    std::fs::write(
        lib.join("a.txt"),
        "Premier titre\nLe texte corrigé du premier article.\n",
    )
    .unwrap();
    s.wait_text("Le texte corrigé du premier article.");

    // The open article is deleted: it stays readable, the list says so.
    std::fs::remove_file(lib.join("a.txt")).unwrap();
    let screen = s.wait_text("⚠ deleted");
    assert!(
        screen.contains("Le texte corrigé du premier article."),
        "{screen}"
    );

    // Another article deleted leaves the list.
    std::fs::remove_file(lib.join("0.txt")).unwrap();
    let screen = s.wait_text("Articles 2");
    assert!(!screen.contains("Zéro titre"), "{screen}");

    // Once another article is opened, the deleted one leaves the list too.
    s.keys(&[b"\x1b[Z", b"G", b"\r"]);
    let screen = s.wait_text("Articles 1");
    assert!(screen.contains("Un autre texte."), "{screen}");
    assert!(!screen.contains("Premier titre"), "{screen}");
    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);
}

/// The screen row where `text` shows in the file list (the left 20 columns at 100), if it does.
fn list_row(screen: &str, text: &str) -> Option<usize> {
    screen
        .lines()
        .position(|l| l.chars().take(20).collect::<String>().contains(text))
}

/// An article's path is its key in the cache: the same folder opened by a relative path, then
/// by its absolute one, is the same library, read once (it was read and cached again, whole).
#[test]
fn a_folder_opened_by_another_spelling_of_its_path_is_not_read_again() {
    let home = tempfile::tempdir().unwrap();
    let lib = home.path().join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    for i in 0..3 {
        std::fs::write(
            lib.join(format!("{i}.txt")),
            format!("Titre {i}\nEmmanuel Macron a parlé à Paris, article {i}.\n"),
        )
        .unwrap();
    }
    let log = || {
        std::fs::read_dir(home.path().join("liseuse-cache"))
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with("articles-"))
            .map(|e| e.metadata().unwrap().len())
    };
    // The session's cwd is `home`: "lib" is the folder relative to it.
    let mut sizes = Vec::new();
    for given in ["lib", lib.to_str().unwrap(), "./lib/"] {
        let mut s = Session::start(&[given], 100, 30, home.path());
        s.wait_for("the articles indexed", |t| {
            t.contains("Articles 3") && !t.contains("indexing")
        });
        s.keys(&[b"q"]);
        assert_eq!(s.wait_exit(), 0);
        sizes.push((given.to_string(), log().expect("the cache written")));
    }
    assert!(
        sizes.iter().all(|(_, n)| *n == sizes[0].1),
        "the cache grew: {sizes:?}"
    );
}
