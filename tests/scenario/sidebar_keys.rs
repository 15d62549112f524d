//! The keys that act on an entity (`M`, `"`, `w`, `T`, `A`) pressed in the sidebar act on the
//! entity under its cursor, as `C` does, with no Enter first: a user looking at « Ismail
//! Haniyeh » in the sidebar and pressing `w` means him, not the entity an earlier Enter chose.

use crate::common::headless::Headless;
use liseuse::app::{Focus, Overlay};

fn seeds() -> Headless {
    let mut s = Headless::seeds(120, 40);
    s.settle();
    s
}

/// Tab to the sidebar and down its rows until the cursor is on `name`; nothing selected.
fn cursor_on(s: &mut Headless, name: &str) {
    while s.app().focus != Focus::Sidebar {
        s.keys("<Tab>");
    }
    // From its first row down (`g` as in less).
    s.keys("g");
    for _ in 0..40 {
        let at = s.app().entities.cursor_entity();
        let here = at.and_then(|id| s.app().entities.index.entity(id).map(|e| e.name()));
        if here == Some(name) {
            return;
        }
        s.keys("j");
    }
    panic!("{name} not in the sidebar:\n{}", s.screen());
}

#[test]
fn the_entity_keys_act_on_the_sidebars_cursor() {
    let mut s = seeds();
    cursor_on(&mut s, "Hussein Salami");
    assert_eq!(s.app().entities.selected, None, "nothing selected yet");
    s.keys("\"");
    assert!(
        matches!(s.app().overlay, Some(Overlay::Said(_))),
        "{}\n{}",
        s.status(),
        s.screen()
    );
    let screen = s.screen();
    assert!(screen.contains("Hussein Salami"), "{screen}");
    s.keys("<Esc>");
    // Another entity under the cursor now: `w` is about it, not about Salami.
    cursor_on(&mut s, "Ismail Haniyeh");
    s.keys("w");
    let screen = s.screen();
    assert!(
        screen.contains("Who appears with Ismail Haniyeh"),
        "{screen}"
    );
    s.keys("<Esc>");
    let id = s
        .app()
        .entities
        .selected
        .expect("w selected the cursor's entity");
    assert_eq!(
        s.app().entities.index.entity(id).map(|e| e.name()),
        Some("Ismail Haniyeh")
    );
}

#[test]
fn a_from_the_sidebar_lists_the_articles_naming_the_cursors_entity_then_another() {
    let mut s = seeds();
    cursor_on(&mut s, "Ismail Haniyeh");
    s.keys("A");
    assert!(s.status().contains("Ismail Haniyeh"), "{}", s.status());
    // Another entity under the cursor: `A` names it, it does not let the narrowing go.
    cursor_on(&mut s, "Hussein Salami");
    s.keys("A");
    assert!(s.status().contains("Hussein Salami"), "{}", s.status());
    assert!(!s.status().contains("every article"), "{}", s.status());
    // The same one again: every article.
    s.keys("A");
    assert!(
        s.status().contains("every article is listed"),
        "{}",
        s.status()
    );
}

#[test]
fn from_the_reader_they_still_ask_for_a_selection() {
    let mut s = seeds();
    assert_eq!(s.app().focus, Focus::Reader, "liseuse opens in the reader");
    s.keys("w");
    assert!(s.app().overlay.is_none());
    assert!(
        s.status().contains("select an entity first"),
        "{}",
        s.status()
    );
}

/// The name under the sidebar's cursor, if any.
fn under_cursor(s: &Headless) -> Option<String> {
    let e = &s.app().entities;
    let id = e.cursor_entity()?;
    e.index.entity(id).map(|x| x.name().to_string())
}

/// While the library is indexed, each new index numbers the entities anew: the sidebar's
/// cursor stays on the entity the user is looking at (it went to whichever entity got that
/// number, a moment before Enter or `"`).
#[test]
fn the_sidebars_cursor_stays_on_its_entity_as_the_index_grows() {
    let lib = crate::library(10);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    s.settle();
    // All articles' entities, the cursor on one of the people.
    while s.app().focus != Focus::Sidebar {
        s.keys("<Tab>");
    }
    s.keys("c");
    // An index of the later articles only, then one of them all: the earlier articles'
    // entities come in, and the numbers change.
    let later = index_from(&s, 7);
    s.send(later);
    s.keys("gjj");
    let name = under_cursor(&s).expect("a person under the cursor");
    let all = index_from(&s, 0);
    s.send(all);
    assert_eq!(
        under_cursor(&s).as_deref(),
        Some(name.as_str()),
        "{}",
        s.screen()
    );
}

/// An index in which only articles `first..` are analysed, as the loader sends while it works.
fn index_from(s: &Headless, first: usize) -> liseuse::app::Event {
    let lib = &s.app().library;
    let docs: Vec<liseuse_entity::DocEntities> = (0..lib.len())
        .map(|i| match liseuse_library::load(&lib.articles[i].entry) {
            Ok(d) if i >= first => liseuse_entity::analyse(&d.entity_text()),
            _ => Default::default(),
        })
        .collect();
    let index = std::sync::Arc::new(liseuse_entity::EntityIndex::build(&docs));
    liseuse::app::Event::Indexed(Box::new(liseuse::app::IndexUpdate::new(
        index,
        lib.len(),
        lib.len(),
    )))
}

/// `w` open while a new index comes: still the company of the entity it was opened for (it
/// showed whichever entity got its number in the new index), the same companion selected.
#[test]
fn who_appears_with_stays_on_its_entity_as_the_index_grows() {
    let lib = crate::library(10);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    s.settle();
    while s.app().focus != Focus::Sidebar {
        s.keys("<Tab>");
    }
    s.keys("c");
    let later = index_from(&s, 7);
    s.send(later);
    s.keys("gjjw");
    let company = |s: &Headless| match &s.app().overlay {
        Some(Overlay::Company(v)) => {
            let index = &s.app().entities.index;
            let name = |id| index.entity(id).map(|e| e.name().to_string());
            (name(v.of), v.rows.get(v.selected).and_then(|c| name(c.id)))
        }
        _ => panic!("w not open"),
    };
    s.keys("j");
    let before = company(&s);
    assert!(before.0.is_some() && before.1.is_some(), "{before:?}");
    let all = index_from(&s, 0);
    s.send(all);
    assert_eq!(company(&s), before, "{}", s.screen());
}

/// `T` open while a new index comes: its title and Enter are still for the entity it was
/// opened for (they went to whichever entity got its number in the new index).
#[test]
fn the_timeline_stays_on_its_entity_as_the_index_grows() {
    let lib = crate::library(10);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    s.settle();
    while s.app().focus != Focus::Sidebar {
        s.keys("<Tab>");
    }
    s.keys("c");
    let later = index_from(&s, 7);
    s.send(later);
    s.keys("gjjT");
    let of = |s: &Headless| match &s.app().overlay {
        Some(Overlay::Timeline(v)) => s
            .app()
            .entities
            .index
            .entity(v.of)
            .map(|e| e.name().to_string()),
        _ => panic!(
            "T not open:\n{}",
            s.app().status.current().map_or("", |m| m.0)
        ),
    };
    let before = of(&s);
    assert!(before.is_some());
    let all = index_from(&s, 0);
    s.send(all);
    assert_eq!(of(&s), before, "{}", s.screen());
}

/// `x` then `m` (the same as…) open while a new index comes: the entity picked is still the
/// one under the cursor. It was whichever entity got its number in the new index, and the
/// correction kept for good named that other entity.
#[test]
fn a_merge_being_picked_stays_on_its_entities_as_the_index_grows() {
    use liseuse::app::overlay::correct::Mode;
    let lib = crate::library(10);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    s.settle();
    while s.app().focus != Focus::Sidebar {
        s.keys("<Tab>");
    }
    s.keys("c");
    let later = index_from(&s, 7);
    s.send(later);
    s.keys("gjjxm");
    let picked = |s: &Headless| match &s.app().overlay {
        Some(Overlay::Correct(v)) => {
            let index = &s.app().entities.index;
            let name = |id| index.entity(id).map(|e| e.name().to_string());
            match &v.mode {
                Mode::Merge { rows, selected, .. } => (
                    v.id.and_then(name),
                    rows.get(*selected).and_then(|&id| name(id)),
                ),
                m => panic!("not merging: {m:?}"),
            }
        }
        _ => panic!(
            "x not open:\n{}",
            s.app().status.current().map_or("", |m| m.0)
        ),
    };
    let before = picked(&s);
    assert!(before.0.is_some() && before.1.is_some(), "{before:?}");
    let all = index_from(&s, 0);
    s.send(all);
    assert_eq!(picked(&s), before, "{}", s.screen());
}
