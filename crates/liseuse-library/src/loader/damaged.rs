//! Bodies the cache cannot give back: a log damaged on disk (a bit flipped, a block lost)
//! fails a frame's checksum, and its articles' entities and quotations would be missing from
//! every index from then on, each start finding them in the cache by their stamps and never
//! analysing them again. Instead their records are forgotten and the app is told, so that it
//! asks for them again: read and analysed as new, written anew after the damaged frame.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::*;

/// A text whose body the cache could not give back, noted while a merge reads the bodies.
pub(super) fn note(shared: &Shared, hash: &str) {
    if let Ok(mut d) = shared.damaged.lock() {
        d.push(hash.to_string());
    }
}

/// After a merge: the texts noted since are forgotten by the cache, and the articles holding
/// them (`hashes` by article) are reported to be analysed again.
pub(super) fn analyse_again(shared: &Shared, hashes: &[String]) {
    let noted: HashSet<String> = match shared.damaged.lock() {
        Ok(mut d) if !d.is_empty() => d.drain(..).collect(),
        _ => return,
    };
    shared.with_cache(|c| c.forget_texts(&noted));
    let articles: Vec<usize> = hashes
        .iter()
        .enumerate()
        .filter(|(_, h)| noted.contains(*h))
        .map(|(i, _)| i)
        .collect();
    if !articles.is_empty() {
        let _ = shared.events.send(LibraryEvent::CacheDamaged(articles));
    }
}
