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
