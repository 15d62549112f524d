//! The defects a new user hit (issue "Reading as a new user does…"), each typed as they typed
//! it.

use crate::common::headless::Headless;
use crate::library;
use liseuse::app::Focus;

fn seeds() -> Headless {
    let mut s = Headless::seeds(120, 40);
    s.settle();
    s
}

/// Item 1: `F` then a letter froze liseuse for good while the library was being indexed.
#[test]
fn search_all_answers_while_indexing_and_esc_and_q_still_work() {
    let lib = library(400);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    s.keys("Fs");
    s.wait_for("the hits", |t| {
        t.contains("Search all articles:") && t.contains(" hits")
    });
    s.keys("<Esc>");
    assert!(s.app().overlay.is_none(), "Esc closes the search");
    // Again, to a hit: Enter opens its article and n goes on through the hits.
    s.keys("Fbudget");
    s.wait_for("budget's hits", |t| {
        t.contains("hits") && !t.contains(": 0 hits")
    });
    s.keys("<Enter>j<Enter>");
    assert!(s.app().overlay.is_none());
    assert!(s.status().contains("n: F budget"), "{}", s.status());
    s.keys("q");
    assert!(s.quitting(), "q quits");
}

/// Item 2: `/` with the file list focused filters the list by title.
#[test]
fn slash_in_the_file_list_filters_it_by_title() {
    let lib = library(30);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    s.settle();
    s.keys("<S-Tab>");
    assert_eq!(s.app().focus, Focus::List);
    s.keys("/0017");
    let screen = s.screen();
    assert!(screen.contains("Articles 1/30"), "{screen}");
    assert!(screen.contains("Article 0017"), "{screen}");
    assert!(!screen.contains("Article 0016"), "{screen}");
    s.keys("<Enter><Enter>");
    let title = s
        .app()
        .reader()
        .map(|r| r.doc.title.clone())
        .unwrap_or_default();
    assert!(title.contains("0017"), "{title}");
    s.keys("<Esc>");
    assert!(
        s.screen().contains("Articles 30 "),
        "Esc lists every article again"
    );
}

/// Item 3: `n` goes to the match after the cursor, as in less: `g` then `n` is the first.
#[test]
fn n_follows_the_cursor_for_matches_and_for_mentions() {
    let mut s = seeds();
    s.keys("/hamas<Enter>");
    assert!(s.status().contains("n: /hamas 1/13"), "{}", s.status());
    s.keys("nnnnn");
    assert!(s.status().contains("n: /hamas 6/13"), "{}", s.status());
    s.keys("gn");
    assert!(s.status().contains("n: /hamas 1/13"), "{}", s.status());
    s.keys("GN");
    assert!(s.status().contains("n: /hamas 13/13"), "{}", s.status());

    // The same for an entity's mentions.
    s.keys("<Esc>g<Tab>/khamenei<Enter><Enter>");
    s.keys("nnn");
    assert!(s.status().contains("mention 3/12"), "{}", s.status());
    assert_eq!(s.app().focus, Focus::Reader, "n took the reader there");
    s.keys("gn");
    assert!(s.status().contains("mention 1/12"), "{}", s.status());
}

/// Item 4: leaving an article by any way keeps its place, the cursor line included, and the
/// next session opens there too.
#[test]
fn places_are_kept_through_jumps_and_restarts() {
    let mut s = seeds();
    s.keys("jjjjjjjjjjjjjjj");
    let here = s.cursor().unwrap();
    assert!(here > 0);
    s.keys("]");
    assert_eq!(s.app().open(), Some(1));
    s.keys("[");
    assert_eq!(s.app().open(), Some(0));
    assert_eq!(s.cursor(), Some(here), "back by [ at the cursor line");

    // By the bookmark list into the other article and back through the file list.
    s.keys("]jjjb<Esc>");
    let there = s.cursor().unwrap();
    s.keys("[");
    s.keys("B<Enter>");
    assert_eq!(s.app().open(), Some(1));
    let passage = s.app().bookmarks.all()[0].anchor.start;
    let r = s.app().reader().unwrap();
    let line = r.line_range(r.cursor).unwrap();
    assert!(
        line.contains(&passage),
        "at the passage: {line:?} {passage}"
    );
    assert!(there > passage, "the place left was inside the passage");
    s.keys("<S-Tab>k<Enter>");
    assert_eq!(s.cursor(), Some(here), "back through the list");

    // A new session on the same data opens the last article at the same line. (The quit
    // waits for the bookmark to be on disk.)
    s.keys("q");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !s.quitting() {
        assert!(std::time::Instant::now() < deadline, "never quit");
        s.pump();
    }
    let (_, home) = s.finish();
    let mut again = Headless::start_in(home, &[], 120, 40, |_| {});
    again.settle();
    assert_eq!(again.app().open(), Some(0));
    assert_eq!(
        again.cursor(),
        Some(here),
        "the cursor line, not only the top"
    );
}

/// Item 5: the position is always on the status bar, whatever the title or the message.
#[test]
fn the_position_is_always_shown() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = Headless::seeds(w, h);
        s.settle();
        assert!(s.status().contains(" Top "), "{w}: {}", s.status());
        if w < 100 {
            // The sidebar folds away under 100 columns: s shows it.
            s.keys("s");
        }
        s.keys("<Tab>/abdollahian<Enter><Enter>");
        s.keys("n");
        let status = s.status();
        assert!(
            status.contains('%') || status.contains("Bot"),
            "{w}: {status}"
        );
        assert!(status.contains("mention 1/6"), "{w}: {status}");
    }
}

/// Item 8: `n` follows what was asked for last, and the bar says which.
#[test]
fn n_follows_the_last_thing_asked_for() {
    let mut s = seeds();
    s.keys("<Tab>/khamenei<Enter><Enter>");
    assert!(s.status().contains("n: Ali Khamenei"), "{}", s.status());
    s.keys("<S-Tab>/reuters<Enter>");
    assert!(s.status().contains("n: /reuters 1/"), "{}", s.status());
    s.keys("n");
    assert!(s.status().contains("n: /reuters 2/"), "{}", s.status());
    assert!(
        s.app().entities.selected.is_some(),
        "the entity stays selected"
    );
    // Enter on a line naming him follows his mentions again.
    s.keys("<Tab>");
    s.keys("<Enter>");
    assert!(s.status().contains("n: Ali Khamenei"), "{}", s.status());
}

/// Item 10: Ctrl-L, one bookmark per passage, the selection mode shown, Esc clearing a filter,
/// and the counts explained.
#[test]
fn small_things_a_reader_notices() {
    let mut s = seeds();
    s.screen();
    s.scribble(10, "GARBAGE FROM ANOTHER PROGRAM");
    assert!(
        s.screen().contains("GARBAGE"),
        "the backend was written over"
    );
    s.keys("<C-l>");
    assert!(
        !s.screen().contains("GARBAGE"),
        "Ctrl-L redraws the whole screen"
    );

    s.keys("jjjjjb<Esc>jb<Esc>");
    assert_eq!(
        s.app().bookmarks.all().len(),
        1,
        "one passage, one bookmark"
    );

    s.keys("v");
    assert!(s.status().contains("SELECT"), "{}", s.status());
    s.keys("<Esc>");
    assert!(!s.status().contains("SELECT"));

    s.keys("<Tab>/abd<Enter>");
    assert_eq!(s.app().entities.filter, "abd");
    s.keys("<Esc>");
    assert!(
        s.app().entities.filter.is_empty(),
        "Esc clears a committed filter"
    );
    assert!(
        s.screen().contains("(here·all)"),
        "the counts are explained"
    );
}

/// Issue "Trust…" item 12: every start-up message is shown in turn, and one longer than the
/// bar is shown whole, not cut.
#[test]
fn every_startup_message_is_shown_whole_and_in_turn() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("data")).unwrap();
    std::fs::write(home.path().join("data/bookmarks.json"), "{ not json").unwrap();
    std::fs::write(home.path().join("config.toml"), "theme = 3\n").unwrap();
    let mut s = Headless::start_in(home, &[], 80, 24, |_| {});
    s.settle();
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = flat(&s.screen());
    assert!(
        first.contains("line 1"),
        "the config's error first:\n{first}"
    );
    assert!(first.contains("1 more: any key"), "{first}");
    s.keys("j");
    s.keys("j");
    let second = flat(&s.screen());
    assert!(
        second.contains("bookmarks are read-only"),
        "then the bookmarks':\n{second}"
    );
    assert!(
        second.contains("never overwritten") || second.contains("not valid"),
        "whole:\n{second}"
    );
}

/// Item 12: a long file's analysis says how far it is, not "indexing 0/1" for seconds.
#[test]
fn a_long_file_shows_how_far_its_analysis_is() {
    let para =
        "Le ministre Jean Dupont a rencontré à Lyon les représentants de la Banque de France \
                pour parler du budget de la ville et des écoles. "
            .repeat(8)
            + "\n\n";
    let mut text = String::from("Un très long rapport\n\n");
    while text.len() < 5 << 20 {
        text.push_str(&para);
    }
    let f = crate::common::headless::Folder::new(&[("long.txt", &text)]);
    let mut s = Headless::start(&[f.path("long.txt")], 120, 40);
    let status = s.wait_for("progress in the file", |t| {
        t.lines().last().is_some_and(|l| {
            l.contains("indexing ") && l.contains('%') && !l.contains("indexing 0/1")
        })
    });
    assert!(!status.is_empty());
    s.settle();
    assert!(!s.status().contains("indexing"), "{}", s.status());
}

/// Item 2, while the library is still being read: a title filter follows the articles as
/// they come in (each joins in its place), without matching the whole list again each time.
#[test]
fn a_title_filter_set_while_reading_takes_each_article_as_it_comes() {
    let lib = library(300);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    s.keys("<S-Tab>/Giorgia<Enter>");
    s.settle();
    // Titles name people in turn: one article in five is Giorgia Meloni's.
    let screen = s.screen();
    assert!(screen.contains("Articles 60/300"), "{screen}");
    let rows: Vec<usize> = s.app().list.rows(&s.app().library).to_vec();
    assert_eq!(rows.len(), 60);
    assert!(
        rows.windows(2).all(|w| {
            let lib = &s.app().library;
            lib.row_of(w[0]) < lib.row_of(w[1])
        }),
        "in the list's order"
    );
}

/// A passage that is a quotation keeps its own marks in the bookmark list: wrapped in a second
/// pair it read « ““Independent… ».
#[test]
fn a_bookmarked_quotation_is_not_quoted_twice() {
    let mut s = seeds();
    s.keys("Gb<Esc>");
    assert!(s.app().bookmarks.all()[0].anchor.exact.starts_with('“'));
    s.keys("B");
    let screen = s.wait_text("Bookmarks 1");
    assert!(screen.contains("“Independent pop culture"), "{screen}");
    assert!(!screen.contains("““"), "{screen}");
}

/// A note typed when the terminal goes away (closed, hung up, TERM) is kept with its bookmark,
/// as a quit keeps everything else: it was dropped, the bookmark left without it.
#[test]
fn a_note_being_typed_is_kept_when_the_terminal_goes_away() {
    let mut s = seeds();
    s.keys("jjb");
    s.keys("ma note");
    assert!(s.status().contains("ma note"), "{}", s.status());
    s.send(liseuse::app::Event::Signal(liseuse::event::Signal::End(1)));
    assert!(s.quitting());
    let (ending, home) = s.finish();
    assert!(!ending.lost, "{:?}", ending.messages);
    let saved = std::fs::read_to_string(home.path().join("data/bookmarks.json")).unwrap();
    assert!(saved.contains("\"note\": \"ma note\""), "{saved}");
}
