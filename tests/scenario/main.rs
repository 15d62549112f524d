//! Scenario tests: the whole app run headless (the real runtime on ratatui's TestBackend),
//! typed at as a user types, read as a user reads. One test per defect a new user hit (issue
//! "Reading as a new user does…"), the less and vim habits, and every key of the help pressed
//! from every place while a library is still being indexed; the news fetched from a server on
//! 127.0.0.1 (`news.rs`, `news_reading.rs`).

#[path = "../common/mod.rs"]
mod common;

mod books;
mod company;
mod defects;
mod every_key;
mod formats;
mod habits;
mod held_lock;
mod less;
mod list;
mod names;
mod newcomer;
mod news;
mod news_reading;
mod quotes;
mod scale;
#[path = "../../crates/liseuse-library/tests/fetch/server/mod.rs"]
mod server;
mod sidebar_keys;
mod unreadable;
mod watch;

use common::headless::{Folder, Headless};
use liseuse::app::{Event, IndexUpdate};
use liseuse_entity::DocEntities;
use std::sync::Arc;

/// The index the loader sends while it has analysed only the first `analysed` articles: the
/// others have no entities yet. Built from the articles' own text, as the loader builds it.
pub fn index_of_first(s: &Headless, analysed: usize) -> Event {
    let lib = &s.app().library;
    let docs: Vec<DocEntities> = (0..lib.len())
        // Texts are not kept in the app (issue 27): read each one as the loader does.
        .map(|i| match liseuse_library::load(&lib.articles[i].entry) {
            Ok(d) if i < analysed => liseuse_entity::analyse(&d.entity_text()),
            _ => DocEntities::default(),
        })
        .collect();
    let index = Arc::new(liseuse_entity::EntityIndex::build(&docs));
    Event::Indexed(Box::new(IndexUpdate::new(index, analysed, lib.len())))
}

/// A folder of `n` French articles, each with a headline, a date line, people and places, so
/// that indexing it takes a while.
pub fn library(n: usize) -> Folder {
    let people = [
        "Emmanuel Macron",
        "Ursula von der Leyen",
        "Olaf Scholz",
        "Giorgia Meloni",
        "Pedro Sánchez",
    ];
    let places = ["Paris", "Berlin", "Rome", "Madrid", "Bruxelles"];
    let files: Vec<(String, String)> = (0..n)
        .map(|i| {
            let who = people[i % people.len()];
            let other = people[(i + 2) % people.len()];
            let place = places[i % places.len()];
            let mut text = format!(
                "Article {i:04} : {who} à {place}\n\ndate 2024-0{}\n\n",
                1 + i % 9
            );
            for k in 0..12 {
                text.push_str(&format!(
                    "Le {k} mars, {who} a rencontré {other} à {place} pour parler du budget \
                     européen et de la réforme numéro {k}. Selon {other}, la réunion fut longue.\n\n"
                ));
            }
            (format!("a/{i:04}.txt"), text)
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    Folder::new(&refs)
}
