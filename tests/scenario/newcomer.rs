//! What a new user met on 2026-12-06 (issue 23), each typed as they typed it: keys lost while a
//! library is indexed, `n` after `F`, merges, bookmarks edited and moved, the file list's
//! scroll, a lone binary file, stale messages, places by another path.

use crate::common::headless::{Folder, Headless};
use crate::{index_of_first, library};
use liseuse::app::{Event, Overlay};

fn seeds() -> Headless {
    let mut s = Headless::seeds(120, 40);
    s.settle();
    s
}

/// The byte offset and article of the mention `n` went to last.
fn here(s: &Headless) -> (Option<usize>, Option<usize>) {
    (s.app().open(), s.cursor())
}

/// Item 2: `n` pressed at the moment an index update changes the counts did nothing: the
/// mention it had gone to was forgotten, and it went to the one on the cursor's line again.
#[test]
fn n_answers_when_an_index_update_comes_between_two_presses() {
    let lib = library(24);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    s.settle();
    // As while indexing: only the first third of the library is in the index.
    let partial = index_of_first(&s, 8);
    s.send(partial);
    // Below the headline, which names the person too: each n then moves down the article.
    s.keys("jjj<Tab><Enter>");
    assert!(s.app().entities.selected.is_some(), "{}", s.screen());
    let mut seen = vec![here(&s)];
    for k in 0..6 {
        s.keys("n");
        if k % 2 == 1 {
            // The counts change between two presses, as the merge thread makes them change.
            let analysed = 8 + 8 * (k / 2 + 1);
            let update = index_of_first(&s, analysed.min(24));
            s.send(update);
        }
        let now = here(&s);
        assert!(
            !seen.contains(&now),
            "press {} of n did nothing ({now:?}); status: {}",
            k + 1,
            s.status()
        );
        seen.push(now);
    }
}

/// Item 2, the message: the message raised by selecting an entity never contradicts the
/// counts the status bar shows once the index grows.
#[test]
fn the_selection_message_follows_the_index() {
    let lib = library(12);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    s.settle();
    let partial = index_of_first(&s, 3);
    s.send(partial);
    s.keys("<Tab><Enter>");
    let id = s.app().entities.selected.unwrap();
    let before = s.app().entities.index.entity(id).unwrap().mentions;
    let full = index_of_first(&s, 12);
    s.send(full);
    let id = s.app().entities.selected.unwrap();
    let after = s.app().entities.index.entity(id).unwrap().mentions;
    assert!(after > before);
    let screen = s.screen();
    assert!(
        !screen.contains(&format!("{before} mentions")),
        "a stale count is shown:\n{screen}"
    );
}

/// Item 3: after `F`, `n` and `N` walk the search-all hits across articles.
#[test]
fn n_after_search_all_walks_its_hits_across_articles() {
    let mut s = seeds();
    s.keys("Fhaniyeh");
    s.wait_for("the hits", |t| t.contains("7 hits"));
    // The index ranks the articles: take the last hit of whichever comes first.
    let arts: Vec<usize> = match &s.app().overlay {
        Some(Overlay::Corpus(c)) => c.hits.iter().map(|h| h.article).collect(),
        _ => panic!("no search overlay:\n{}", s.screen()),
    };
    let (first, g) = (arts[0], arts.iter().take_while(|&&a| a == arts[0]).count());
    let other = arts[g];
    assert!(
        arts[g..].iter().all(|&a| a == other),
        "grouped by article: {arts:?}"
    );
    s.keys(&format!("<Enter>{}<Enter>", "j".repeat(g - 1)));
    assert_eq!(s.app().open(), Some(first));
    assert!(s.status().contains(&format!("{g}/7")), "{}", s.status());
    s.keys("n");
    assert_eq!(
        s.app().open(),
        Some(other),
        "n goes on into the next article"
    );
    assert!(
        s.status().contains(&format!("{}/7", g + 1)),
        "{}",
        s.status()
    );
    for _ in g + 1..7 {
        s.keys("n");
    }
    assert!(s.status().contains("7/7"), "{}", s.status());
    s.keys("n");
    assert_eq!(s.app().open(), Some(first), "and around to the first hit");
    assert!(s.status().contains("1/7"), "{}", s.status());
    assert!(
        s.screen().contains("went on from the first"),
        "{}",
        s.screen()
    );
    s.keys("N");
    assert_eq!(s.app().open(), Some(other));
    assert!(s.status().contains("7/7"), "{}", s.status());
    // A search of the article typed afterwards is what n follows then.
    s.keys("/<Enter>");
    assert!(s.status().contains("n: /haniyeh"), "{}", s.status());
}

/// Picks « Téhéran » in the sidebar (all articles) and opens the merge picker.
fn merge_picker_on_teheran(s: &mut Headless) {
    s.keys("<Tab>c/teheran<Enter>");
    s.keys("xm");
    assert!(
        matches!(&s.app().overlay, Some(Overlay::Correct(v)) if v.name == "Téhéran"),
        "{}",
        s.screen()
    );
}

/// Item 4: merging A into B keeps B's name, as the prompt says.
#[test]
fn merging_keeps_the_name_of_the_entity_picked() {
    let mut s = seeds();
    merge_picker_on_teheran(&mut s);
    s.keys("iran<Enter>");
    s.wait_until("the merged index", |a| {
        a.entities
            .index
            .entities()
            .iter()
            .all(|e| e.name() != "Téhéran" || e.mentions == 0)
    });
    let index = &s.app().entities.index;
    let iran = index
        .entities()
        .iter()
        .find(|e| e.name() == "Iran" && e.mentions > 0)
        .expect("Iran stays");
    assert!(iran.variants().any(|v| v == "Téhéran"), "{iran:?}");
    let said = s.app().entities.corrections.last().unwrap().describe();
    assert_eq!(said, "“Téhéran” is “Iran”");
}

/// Item 5: every name of an entity finds it in the merge picker: « Hamas » by the long name
/// the seeds also give it.
#[test]
fn the_merge_picker_finds_an_entity_by_any_of_its_names() {
    let mut s = seeds();
    merge_picker_on_teheran(&mut s);
    s.keys("mouvement de la resistance");
    let screen = s.screen();
    assert!(screen.contains("Hamas"), "{screen}");
    assert!(
        !screen.contains("Gaza ·"),
        "only what matches is listed: {screen}"
    );
}

const ARTICLE: &str = "Un article à garder\n\nPremier paragraphe sans histoire.\n\n\
    Deuxième paragraphe : Emmanuel Macron a reçu Olaf Scholz à Paris pour parler du budget.\n\n\
    Troisième paragraphe, la fin.\n";

/// Item 6: a bookmark survives its article edited and moved into a subfolder at once, between
/// two sessions (another article of the same file name elsewhere in the folder) and while
/// liseuse runs (the deleted file's text still in memory): it goes to the article that holds
/// its passage now.
#[test]
fn a_bookmark_survives_its_article_edited_and_moved() {
    let f = Folder::new(&[
        (
            "b/a.txt",
            "Une autre\n\nUn autre article du même nom de fichier.\n",
        ),
        ("x/a.txt", ARTICLE),
        ("z.txt", "Autre\n\nRien à voir.\n"),
    ]);
    let mut s = Headless::start(&[f.root().to_path_buf()], 120, 40);
    s.settle();
    s.keys("]/Deuxième<Enter><Esc>b<Esc>");
    assert_eq!(s.app().bookmarks.all().len(), 1);
    s.keys("q");
    let (_, home) = s.finish();
    std::fs::remove_file(f.path("x/a.txt")).unwrap();
    f.write(
        "x/sub/a.txt",
        &format!("Une ligne ajoutée en tête.\n\n{ARTICLE}"),
    );
    // The folder it moves into next, there from the start (a folder made while liseuse runs
    // is the watcher's business, not this test's).
    f.write("x/sub/deep/autre.txt", "Encore un\n\nRien.\n");
    let mut s = Headless::start_in(home, &[f.root().to_path_buf()], 120, 40, |_| {});
    s.settle();
    s.keys("B");
    let screen = s.screen();
    assert!(!screen.contains("orphaned"), "{screen}");
    s.keys("<Enter>");
    let at_passage = |s: &Headless| {
        let r = s.app().reader().unwrap();
        r.doc.text[r.line_range(r.cursor).unwrap()].contains("Deuxième paragraphe")
    };
    assert!(at_passage(&s), "{}", s.screen());

    // Again while liseuse runs: edited and moved under its eyes, the old text still known.
    let text = std::fs::read_to_string(f.path("x/sub/a.txt")).unwrap();
    std::fs::remove_file(f.path("x/sub/a.txt")).unwrap();
    f.write("x/sub/deep/a.txt", &format!("Encore une ligne.\n\n{text}"));
    s.wait_until("the move seen", |a| {
        a.library
            .articles
            .iter()
            .any(|x| x.entry.path.ends_with("deep/a.txt") && x.meta.is_some())
    });
    s.keys("]B");
    assert!(!s.screen().contains("orphaned"), "{}", s.screen());
    s.keys("<Enter>");
    let open = s.app().open().unwrap();
    let path = &s.app().library.articles[open].entry.path;
    assert!(
        path.ends_with("deep/a.txt"),
        "the article as it is now: {path}"
    );
    assert!(at_passage(&s), "{}", s.screen());
}

/// Item 10: hiding and showing the panes never leaves the file list scrolled past its start.
#[test]
fn the_file_list_keeps_its_first_article_in_view_through_zoom() {
    let mut s = seeds();
    s.keys("]zz");
    let screen = s.screen();
    assert_eq!(s.app().list.top, 0, "{screen}");
    assert!(screen.contains("Qaani au commandant"), "{screen}");
    assert!(screen.contains("Le président iranien"), "{screen}");
}

/// Item 11: a lone binary file says why it is not shown, as `cat` does, rather than "Reading…"
/// for ever.
#[test]
fn a_lone_binary_file_says_why_it_is_not_shown() {
    let f = Folder::new(&[]);
    let p = f.dir.path().join("bin.txt");
    std::fs::write(&p, b"abc\0\0\x01\x02binary\0").unwrap();
    let mut s = Headless::start(&[p], 120, 40);
    s.wait_until("the file read", |a| a.library.loaded() >= 1);
    s.keys("j");
    let screen = s.screen();
    assert!(!screen.contains("Reading…"), "{screen}");
    // The temporary path's length decides where the reader's line wraps: read the words only.
    let words = screen
        .lines()
        .filter_map(|l| l.split('┃').nth(1))
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("binary file, not an article"), "{screen}");
}

/// Item 14: a message belongs to the action that raised it: the next key takes it away.
#[test]
fn messages_go_with_the_next_key() {
    let mut s = seeds();
    s.keys("=");
    assert!(s.screen().contains("article 1/2"), "{}", s.screen());
    s.keys("j");
    assert!(!s.screen().contains("article 1/2 ·"), "{}", s.screen());

    s.keys("/hamas<Enter>G");
    s.keys("n");
    assert!(s.screen().contains("went on from the start"));
    s.keys("j");
    assert!(
        !s.screen().contains("went on from the start"),
        "{}",
        s.screen()
    );

    s.send(Event::Paste("jjj".into()));
    assert!(s.screen().contains("ignored"), "{}", s.screen());
    s.keys("k");
    assert!(!s.screen().contains("ignored"), "{}", s.screen());

    // A note typed after `b` keeps what `b` said until the note is done.
    s.keys("b");
    s.wait_text("bookmarked");
    s.keys("<Esc>j");
    let screen = s.screen();
    assert!(!screen.contains("bookmarked"), "{screen}");
}

/// Item 16: the reading place and the last article are kept whatever path the folder is opened
/// by, as bookmarks are.
#[test]
fn the_place_is_found_by_another_path_to_the_same_folder() {
    let lib = library(3);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    s.settle();
    s.keys("]jjjjjjjjjjjj");
    let (open, at) = here(&s);
    assert!(at.unwrap() > 0);
    s.keys("q");
    let (_, home) = s.finish();
    // The same folder by another path: through `..`.
    let name = lib.root().file_name().unwrap().to_owned();
    let other = lib.root().join("a").join("..").join("..").join(name);
    let mut s = Headless::start_in(home, &[other], 120, 40, |_| {});
    s.settle();
    assert_eq!(here(&s), (open, at), "{}", s.screen());
}

/// Item 17: one passage is "1 passage" (`w`, then a companion named in one passage).
#[test]
fn one_shared_passage_is_said_in_the_singular() {
    let mut s = seeds();
    s.keys("<Tab>/haniyeh<Enter><Enter>w");
    let screen = s.screen();
    let row = screen
        .lines()
        .position(|l| l.contains("Ismail Qaani") && l.contains("1 · 1"))
        .expect("Qaani shares one passage");
    let first = screen
        .lines()
        .position(|l| l.contains("Ali Khamenei") && l.contains(" · "))
        .unwrap();
    s.keys(&"j".repeat(row - first));
    s.keys("<Enter>");
    let screen = s.screen();
    assert!(screen.contains("Ismail Qaani · 1 passage "), "{screen}");
    assert!(!screen.contains("1 passages"), "{screen}");
}

/// Item 2 again: the entity followed can change its key between two indexes (here merged into
/// another from the keys while it is followed): `n` goes on with the entity that holds the
/// mention gone to.
#[test]
fn n_goes_on_when_the_entity_followed_is_merged_into_another() {
    let mut s = seeds();
    s.keys("<Tab>c/teheran<Enter><Enter>n");
    let (open, at) = here(&s);
    assert!(s.status().contains("n: Téhéran"), "{}", s.status());
    s.keys("xmiran<Enter>");
    s.wait_until("the merged index", |a| {
        a.entities
            .index
            .entities()
            .iter()
            .all(|e| e.name() != "Téhéran" || e.mentions == 0)
    });
    assert!(s.status().contains("n: Iran · mention "), "{}", s.status());
    s.keys("n");
    assert_ne!(here(&s), (open, at), "{}", s.status());
}
