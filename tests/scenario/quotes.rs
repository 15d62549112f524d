//! Issue 29, who said what: quotations set apart in the reader, the status bar saying who said
//! the one the cursor is on, `"` listing what a person said across the library (Enter opens
//! one, `n`/`N` walk them from article to article), while the library is indexed and on a warm
//! start that reads no text for them.

use crate::common::headless::Headless;
use crate::library;
use liseuse::app::{Focus, Overlay};
use liseuse_entity::EntityId;
use ratatui::style::Modifier;

fn seeds() -> Headless {
    let mut s = Headless::seeds(120, 40);
    s.settle();
    s
}

/// The screen cell where `needle` starts (on the first row holding it).
fn cell_of(s: &mut Headless, needle: &str) -> (u16, u16) {
    let screen = s.screen();
    for (y, line) in screen.lines().enumerate() {
        if let Some(at) = line.find(needle) {
            let x = line[..at].chars().count();
            return (x as u16, y as u16);
        }
    }
    panic!("{needle:?} not on screen:\n{screen}");
}

fn modifier_at(s: &mut Headless, needle: &str, offset: u16) -> Modifier {
    let (x, y) = cell_of(s, needle);
    s.buffer()[(x + offset, y)].modifier
}

/// Selects entity `name` from the reader: the cursor to the line where `find` is first, then
/// Enter until it is the one selected (Enter goes through the line's entities).
fn select(s: &mut Headless, find: &str, name: &str) -> EntityId {
    reader(s);
    s.keys(&format!("/{find}<Enter>"));
    for _ in 0..10 {
        s.keys("<Enter>");
        let e = &s.app().entities;
        if let Some(id) = e.selected
            && e.index.entity(id).is_some_and(|x| x.name() == name)
        {
            s.keys("<Esc>");
            // Esc forgets the selection too: select it again, the search gone.
            s.keys("<Enter>");
            while s.app().entities.selected != Some(id) {
                s.keys("<Enter>");
            }
            return id;
        }
    }
    panic!(
        "{name} never selected on the line of {find:?}:\n{}",
        s.screen()
    );
}

/// The focus on the reader.
fn reader(s: &mut Headless) {
    for _ in 0..3 {
        if s.app().focus == Focus::Reader {
            return;
        }
        s.keys("<Tab>");
    }
    assert_eq!(s.app().focus, Focus::Reader);
}

/// The entity named `name` in the index.
fn entity(s: &Headless, name: &str) -> EntityId {
    s.app()
        .entities
        .index
        .entities()
        .iter()
        .find(|e| e.name() == name)
        .map(|e| e.id)
        .unwrap_or_else(|| panic!("no entity {name}"))
}

#[test]
fn quotations_stand_out_and_the_status_bar_says_who_said_them() {
    let mut s = seeds();
    // The cursor on a line of Salami's first quotation; Esc leaves the cursor, drops the match.
    reader(&mut s);
    s.keys("/Tout comme l<Enter><Esc>");
    let status = s.status();
    assert!(status.contains("said by Hussein Salami"), "{status}");
    // Only while the reader has the focus (its cursor is not shown otherwise).
    s.keys("<Tab>");
    assert!(!s.status().contains("said by"), "{}", s.status());
    reader(&mut s);
    assert!(
        s.status().contains("said by Hussein Salami"),
        "{}",
        s.status()
    );
    // Its words are drawn in the quotation style (italic without colour), the cue before it not.
    assert!(modifier_at(&mut s, "Tout comme", 1).contains(Modifier::ITALIC));
    assert!(!modifier_at(&mut s, "Il a déclaré", 1).contains(Modifier::ITALIC));
    // An entity inside a quotation keeps its own highlight (a person: bold), in italic.
    s.keys("/Guide suprême (Ali<Enter><Esc>");
    let m = modifier_at(&mut s, "(Ali", 1);
    assert!(
        m.contains(Modifier::ITALIC) && m.contains(Modifier::BOLD),
        "{m:?}"
    );
    // Off any quotation, the title again.
    s.keys("/Le lendemain<Enter><Esc>");
    let status = s.status();
    assert!(!status.contains("said by"), "{status}");
}

#[test]
fn a_persons_quotations_are_listed_opened_and_walked_across_articles() {
    let mut s = seeds();
    let salami = entity(&s, "Hussein Salami");
    let said = s.app().entities.quotes.of_entity(salami).len();
    assert_eq!(said, 9, "7 in one seed, 2 in the other");
    assert_eq!(select(&mut s, "Hussein Salami", "Hussein Salami"), salami);
    s.keys("\"");
    let screen = s.screen();
    assert!(
        screen.contains("What Hussein Salami said · 9 quotations"),
        "{screen}"
    );
    assert!(screen.contains("a déclaré"), "the cue: {screen}");
    // The lines are the articles' own text, read on demand.
    let screen = s.wait_text("Tout comme l’ennemi");
    assert!(screen.contains("l’entité sioniste se dirige"), "{screen}");
    // Enter opens the article at the quotation.
    s.keys("<Enter>");
    assert!(s.app().overlay.is_none());
    let status = s.status();
    assert!(status.contains("n: \" Hussein Salami 1/9"), "{status}");
    assert!(status.contains("said by Hussein Salami"), "{status}");
    let first_article = s.app().open();
    // n walks them, into the other article after the seventh.
    for k in 2..=8 {
        s.keys("n");
        s.wait_until("the article open", |a| !a.waits_for_text());
        let status = s.status();
        assert!(
            status.contains(&format!("Hussein Salami {k}/9")),
            "{status}"
        );
    }
    assert_ne!(s.app().open(), first_article, "n went on to the other seed");
    let screen = s.screen();
    assert!(screen.contains("palestinienne se renforcera"), "{screen}");
    // N comes back.
    s.keys("N");
    s.wait_until("the article open", |a| !a.waits_for_text());
    assert_eq!(s.app().open(), first_article);
    assert!(s.status().contains("Hussein Salami 7/9"), "{}", s.status());
}

#[test]
fn the_key_on_an_entity_never_quoted_says_so() {
    let mut s = seeds();
    s.keys("\"");
    assert!(
        s.status().contains("select a person first"),
        "{}",
        s.status()
    );
    let gaza = entity(&s, "Gaza");
    assert!(s.app().entities.quotes.of_entity(gaza).is_empty());
    assert_eq!(select(&mut s, "Gaza", "Gaza"), gaza);
    s.keys("\"");
    assert!(s.app().overlay.is_none());
    assert!(
        s.status().contains("no quotation of Gaza in the library"),
        "{}",
        s.status()
    );
}

#[test]
fn the_list_fills_in_while_the_library_is_indexed() {
    let lib = library(300);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    // « Selon Olaf Scholz, la réunion fut longue. » twelve times in every fifth article.
    s.wait_until("the first article indexed and shown", |a| {
        a.open()
            .is_some_and(|d| !a.entities.doc_mentions(d).is_empty() && !a.quotes_of(d).is_empty())
    });
    select(&mut s, "Selon Olaf", "Olaf Scholz");
    s.keys("\"");
    let indexing = s.app().entities.analysed < 300;
    let screen = s.screen();
    assert!(screen.contains("What Olaf Scholz said"), "{screen}");
    if indexing {
        assert!(screen.contains("so far (indexing)"), "{screen}");
    }
    s.settle();
    s.wait_until(
        "the list whole",
        |a| matches!(&a.overlay, Some(Overlay::Said(l)) if l.rows.len() == 60 * 12),
    );
    let screen = s.screen();
    assert!(
        screen.contains("What Olaf Scholz said · 720 quotations"),
        "{screen}"
    );
    assert!(!screen.contains("so far"), "{screen}");
}

#[test]
fn a_warm_start_shows_the_same_quotations_without_reading_a_text() {
    let mut s = seeds();
    let salami = entity(&s, "Hussein Salami");
    let before: Vec<_> = (0..2)
        .map(|d| s.app().entities.quotes.of_article(d).to_vec())
        .collect();
    assert!(before.iter().all(|q| !q.is_empty()));
    let saved = s
        .home
        .path()
        .join("cache")
        .join(liseuse_library::cache::index_file::file_name());
    s.wait_until("the merged index saved", |_| saved.exists());
    let (_, home) = s.finish();

    let mut s = Headless::start_in(home, &[], 120, 40, |_| {});
    s.wait_until("the quotations", |a| {
        !a.entities.is_provisional() && !a.entities.quotes.is_empty()
    });
    assert_eq!(
        s.texts_read(),
        0,
        "no text read to index or to find quotations"
    );
    for (d, q) in before.iter().enumerate() {
        assert_eq!(&*s.app().entities.quotes.of_article(d), q.as_slice());
    }
    let now = entity(&s, "Hussein Salami");
    assert_eq!(s.app().entities.quotes.of_entity(now).len(), 9);
    let _ = salami;
    select(&mut s, "Hussein Salami", "Hussein Salami");
    s.keys("\"");
    let screen = s.screen();
    assert!(
        screen.contains("What Hussein Salami said · 9 quotations"),
        "{screen}"
    );
    assert_eq!(s.texts_read(), 0);
}

#[test]
fn a_quotation_nobody_is_named_for_says_so() {
    let lib = crate::common::headless::Folder::new(&[(
        "a.txt",
        "Titre du jour\n\nLa foule est venue nombreuse hier soir.\n\n\
         « Nous ne partirons jamais de cette terre qui est la nôtre. »\n\n\
         Emmanuel Macron a visité Paris.\n",
    )]);
    let mut s = Headless::start(&[lib.path("a.txt")], 120, 40);
    s.settle();
    reader(&mut s);
    s.keys("/Nous ne partirons<Enter><Esc>");
    assert!(s.status().contains("speaker unknown"), "{}", s.status());
    assert!(modifier_at(&mut s, "Nous ne partirons", 1).contains(Modifier::ITALIC));
    s.keys("/Emmanuel<Enter><Esc>");
    let status = s.status();
    assert!(
        !status.contains("speaker unknown") && !status.contains("said by"),
        "{status}"
    );
}

/// Reported speech is the writer's words, not the speaker's: the list must not put it in
/// quotation marks as if it were said so; and a cue that is only a colon tells nothing.
#[test]
fn the_list_tells_reported_speech_from_words_said_and_drops_a_bare_colon_cue() {
    let mut s = seeds();
    // Khamenei's first quotation is reported (« que l’Iran n’entrerait pas dans la guerre »).
    select(&mut s, "Ali Khamenei au chef", "Ali Khamenei");
    s.keys("\"");
    let screen = s.wait_text("l’Iran n’entrerait pas dans la guerre");
    assert!(
        !screen.contains("« l’Iran n’entrerait"),
        "reported speech in quotation marks: {screen}"
    );
    assert!(screen.contains("reported: l’Iran n’entrerait"), "{screen}");
    // His direct words keep their marks.
    assert!(screen.contains("« L’Iran – qui soutient"), "{screen}");
    s.keys("<Esc>");
    // Qaani's first quotation follows a colon: no « · : » after the title.
    select(&mut s, "Ismail Qaani, dans", "Ismail Qaani");
    s.keys("\"");
    let screen = s.wait_text("Nous ferons tout ce qui");
    assert!(
        !screen.contains(" · :"),
        "a bare colon as the cue: {screen}"
    );
}

/// Walking a person's quotations, the status bar names that person on each, even where the
/// quotation is inside another's (« Reuters a rapporté … que Khamenei avait informé Haniyeh
/// que … »): it said « said by Reuters » on Khamenei's second.
#[test]
fn walking_a_persons_quotations_names_that_person_inside_anothers() {
    let mut s = seeds();
    select(&mut s, "Ali Khamenei au chef", "Ali Khamenei");
    s.keys("\"<Enter>");
    assert!(
        s.status().contains("n: \" Ali Khamenei 1/4"),
        "{}",
        s.status()
    );
    s.keys("n");
    let status = s.status();
    assert!(status.contains("n: \" Ali Khamenei 2/4"), "{status}");
    assert!(status.contains("said by Ali Khamenei"), "{status}");
}
