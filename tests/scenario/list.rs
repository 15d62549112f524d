//! Issue 27.4, the list of a large library narrowed from the keys: to the articles naming the
//! selected entity (`A`), to those never opened (`H`), with the typed filter and the date order,
//! following the index as it grows, and let go with Esc.

use crate::common::headless::Headless;
use crate::{index_of_first, library};
use liseuse::app::Focus;

/// The titles the list shows, in order.
fn titles(s: &Headless) -> Vec<String> {
    let app = s.app();
    app.list
        .rows(&app.library)
        .iter()
        .map(|&i| app.library.articles[i].title().to_string())
        .collect()
}

/// Ten articles; « Giorgia Meloni » is named in articles 1, 3, 6 and 8.
fn ten() -> (crate::common::headless::Folder, Headless) {
    let lib = library(10);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    s.settle();
    (lib, s)
}

/// Selects « Giorgia Meloni » in the sidebar's list of every article's entities, from
/// wherever the focus is.
fn select_meloni(s: &mut Headless) {
    for _ in 0..3 {
        if s.app().focus != Focus::Sidebar {
            s.keys("<Tab>");
        }
    }
    if !s.app().entities.corpus {
        s.keys("c");
    }
    s.keys("/meloni<Enter>");
    if s.app().entities.selected.is_none() {
        s.keys("<Enter>");
    }
    let id = s.app().entities.selected.expect("Meloni selected");
    let name = s.app().entities.index.entity(id).unwrap().name();
    assert_eq!(name, "Giorgia Meloni");
}

#[test]
fn a_lists_the_articles_naming_the_selected_entity_and_again_all() {
    let (_lib, mut s) = ten();
    s.keys("A");
    assert!(
        s.status().contains("select an entity first"),
        "{}",
        s.status()
    );
    assert_eq!(titles(&s).len(), 10);
    select_meloni(&mut s);
    s.keys("A");
    let t = titles(&s);
    assert_eq!(t.len(), 4, "{t:?}");
    for (row, n) in t.iter().zip(["0001", "0003", "0006", "0008"]) {
        assert!(row.starts_with(&format!("Article {n}")), "{t:?}");
    }
    // The pane's title is cut to its width: what it starts with, and what it says whole.
    let screen = s.screen();
    assert!(screen.contains("Articles 4/10 · nami"), "{screen}");
    assert_eq!(s.app().list.filtered_by(), "naming Giorgia Meloni");
    assert!(
        s.status().contains("4 articles name Giorgia Meloni"),
        "{}",
        s.status()
    );
    // With the date order and the typed filter: all three hold together.
    s.keys("S");
    assert_eq!(titles(&s).len(), 4);
    s.keys("<S-Tab><S-Tab>");
    s.keys("/0006<Enter>");
    assert_eq!(titles(&s).len(), 1, "{:?}", titles(&s));
    assert_eq!(s.app().list.filtered_by(), "0006 · naming Giorgia Meloni");
    s.keys("<Esc>");
    assert_eq!(
        titles(&s).len(),
        10,
        "Esc lets the filter and the narrowing go"
    );
    select_meloni(&mut s);
    s.keys("AA");
    assert_eq!(titles(&s).len(), 10, "A again lists them all");
    assert!(
        s.status().contains("every article is listed"),
        "{}",
        s.status()
    );
}

/// While the library is indexed, the articles naming the entity are taken again from each
/// index: the list grows with the counts.
#[test]
fn the_articles_naming_an_entity_follow_the_index() {
    let (_lib, mut s) = ten();
    select_meloni(&mut s);
    s.keys("A");
    assert_eq!(titles(&s).len(), 4);
    let partial = index_of_first(&s, 4);
    s.send(partial);
    // Only articles 0 to 3 are indexed: Meloni is named in 1 and 3.
    assert_eq!(titles(&s).len(), 2, "{:?}", titles(&s));
    let full = index_of_first(&s, 10);
    s.send(full);
    assert_eq!(titles(&s).len(), 4, "{:?}", titles(&s));
}

#[test]
fn h_lists_the_articles_never_opened() {
    let (_lib, mut s) = ten();
    // The first article is open, so read.
    s.keys("H");
    let t = titles(&s);
    assert_eq!(t.len(), 9, "{t:?}");
    assert!(!t.iter().any(|x| x.starts_with("Article 0000")), "{t:?}");
    assert!(
        s.screen().contains("Articles 9/10 · unre"),
        "{}",
        s.screen()
    );
    // An article opened from the narrowed list stays in it until the list is made again.
    s.keys("]");
    assert_eq!(titles(&s).len(), 9);
    s.keys("HH");
    assert_eq!(titles(&s).len(), 8, "{:?}", titles(&s));
    s.keys("H");
    assert_eq!(titles(&s).len(), 10);
}
