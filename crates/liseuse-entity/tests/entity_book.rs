//! A book as the entity engine reads one (issue 28): `tests/fixtures/book/thorne.txt`, a long invented detective
//! story (`make_story.py` writes it, see `tests/fixtures/README.md`) whose hero is named in full four times and by
//! his surname more than three hundred times, often with an adverb after it, among titles, streets, a holiday,
//! a ship and a brother who shares the surname. A real collection once gave « Holmes coldly », « Holmes
//! thoughtfully », « Master Holmes » as people apart from « Sherlock Holmes », and « Baker Street », « Doctor »,
//! « Majesty » as people.

use std::path::Path;

use liseuse_entity::{EntityIndex, Label, analyse};

/// Lower-case words a person's name may hold.
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "bin", "al", "le", "la", "du", "des", "di", "da",
];

fn book() -> String {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures/book/thorne.txt");
    std::fs::read_to_string(path).expect("the book fixture")
}

#[test]
fn a_books_hero_is_one_person_with_nine_tenths_of_his_mentions() {
    let text = book();
    let index = EntityIndex::build(&[analyse(&text)]);
    let people: Vec<_> = index
        .entities()
        .iter()
        .filter(|e| e.label == Label::Per)
        .collect();
    let hero = people
        .iter()
        .find(|e| e.variants().any(|v| v == "Cornelius Thorne"))
        .expect("the hero is a person");
    assert_eq!(hero.name(), "Cornelius Thorne");
    // every « Thorne » is the hero's but his brother's two in full
    let his = text.matches("Thorne").count() - text.matches("Edmund Thorne").count();
    assert!(
        hero.mentions as usize * 10 >= his * 9,
        "the hero holds {} of his {his} mentions: {:?}",
        hero.mentions,
        people
            .iter()
            .map(|e| (e.name(), e.mentions))
            .collect::<Vec<_>>()
    );
    // no « Thorne coldly », « Master Thorne »: the only other Thorne is the brother
    let thornes: Vec<&str> = people
        .iter()
        .filter(|e| e.name().contains("Thorne"))
        .map(|e| e.name())
        .collect();
    assert!(
        thornes
            .iter()
            .all(|n| ["Cornelius Thorne", "Edmund Thorne"].contains(n)),
        "{thornes:?}"
    );
}

#[test]
fn no_person_of_a_book_holds_a_lower_case_word_a_title_or_a_street() {
    let text = book();
    let index = EntityIndex::build(&[analyse(&text)]);
    for e in index.entities() {
        let words: Vec<&str> = e.name().split_whitespace().collect();
        if e.label == Label::Per {
            for w in &words {
                let lower = w.chars().next().is_some_and(char::is_lowercase);
                assert!(!lower || PARTICLES.contains(w), "person {:?}", e.name());
            }
            for title in [
                "Doctor",
                "Majesty",
                "Master",
                "Mr",
                "Inspector",
                "Grand Master",
            ] {
                assert_ne!(e.name(), title, "a title as a person");
            }
            let street = ["Street", "Road", "Lane", "Square"];
            assert!(
                !words.last().is_some_and(|w| street.contains(w)),
                "a street as a person: {:?}",
                e.name()
            );
            assert!(!e.name().contains("Resolute"), "a ship as a person");
        }
        assert_ne!(e.name(), "Christmas", "a holiday as an entity");
    }
}
