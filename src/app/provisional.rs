//! A warm start's entities before any article is read: the index the entity cache saved last
//! time stands in at once (corpus counts, highlights, `n`/`N`), until the loader has read every
//! article and confirms it or merges a new one. Meanwhile an article whose text is not the one
//! the saved index was made from shows no mentions rather than someone else's.

use super::entities::EntityState;
use liseuse_entity::Mention;
use std::sync::Arc;

impl EntityState {
    /// The mentions of article `doc` that can be trusted: none for an article that changed
    /// since the provisional index was saved.
    pub fn doc_mentions(&self, doc: usize) -> Arc<[Mention]> {
        if self.stale.get(doc).copied().unwrap_or(false) {
            return Arc::default();
        }
        self.index.doc_mentions(doc)
    }

    /// Whether the index shown is the saved one, not yet confirmed.
    pub fn is_provisional(&self) -> bool {
        self.provisional.is_some()
    }

    /// The saved index arrived (`Some(hashes)`: the articles it was made from), or a merged
    /// one replaced it (`None`).
    pub(super) fn set_provisional(&mut self, hashes: Option<Vec<String>>) {
        self.stale.clear();
        self.provisional = hashes;
        if self.provisional.is_some() {
            let seen = std::mem::take(&mut self.seen);
            for (i, &h) in seen.iter().enumerate() {
                if h != 0 {
                    self.check_hash(i, h);
                }
            }
            self.seen = seen;
        }
    }

    /// An article was checked or read, its text of this hash (the loader keys the cache by the
    /// text entities are found in, code blanked): under a provisional index, is it the text the
    /// index knows?
    pub(super) fn check_article(&mut self, i: usize, hash: &str) {
        let h = short(hash);
        if self.seen.len() <= i {
            self.seen.resize(i + 1, 0);
        }
        if let Some(s) = self.seen.get_mut(i) {
            *s = h;
        }
        self.check_hash(i, h);
    }

    fn check_hash(&mut self, i: usize, h: u64) {
        let Some(hashes) = &self.provisional else {
            return;
        };
        let same = hashes.get(i).is_some_and(|x| short(x) == h);
        if self.stale.len() <= i {
            self.stale.resize(i + 1, false);
        }
        if let Some(s) = self.stale.get_mut(i) {
            *s = !same;
        }
    }
}

/// A text hash in 8 bytes (never 0, which says "not seen").
fn short(hash: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(hash.as_bytes()).max(1)
}

#[cfg(test)]
mod tests {
    use crate::app::test_util::up;
    use crate::app::{App, Event, IndexUpdate};
    use crate::keys::keymap::Keymap;
    use liseuse_entity::{self as entity, EntityIndex};
    use liseuse_library::bookmark::content_hash;
    use liseuse_library::{self as library, Library};
    use std::sync::Arc;

    /// The seeds' saved index, then the seeds read: one of them changed since it was saved.
    #[test]
    fn a_saved_index_stands_in_except_for_articles_that_changed() {
        let entries = library::seeds();
        let docs: Vec<_> = entries.iter().map(|e| library::load(e).unwrap()).collect();
        let analysed: Vec<_> = docs.iter().map(|d| entity::analyse(&d.text)).collect();
        let index = Arc::new(EntityIndex::build(&analysed));
        let mut hashes: Vec<String> = docs.iter().map(|d| content_hash(&d.text)).collect();
        hashes[1] = "not what is on disk now".into();

        let mut app = App::new(Library::new(entries), Keymap::default(), (120, 40));
        up(
            &mut app,
            Event::Indexed(Box::new(IndexUpdate::provisional(index.clone(), hashes))),
        );
        assert!(app.entities.is_provisional());
        assert!(!app.entities.doc_mentions(0).is_empty(), "nothing read yet");
        for (index, d) in docs.into_iter().enumerate() {
            let meta = liseuse_library::cache::ArticleMeta::of_document(&d, None);
            up(
                &mut app,
                Event::Described {
                    index,
                    meta: Box::new(meta),
                    hash: content_hash(&d.entity_text()),
                },
            );
        }
        assert_eq!(app.entities.doc_mentions(0), index.doc_mentions(0));
        assert!(
            app.entities.doc_mentions(1).is_empty(),
            "a changed article shows no mentions from the saved index"
        );
        assert!(!index.doc_mentions(1).is_empty());

        // The loader's merge confirms or replaces it: every article's mentions count again.
        up(
            &mut app,
            Event::Indexed(Box::new(IndexUpdate::new(index.clone(), 2, 2))),
        );
        assert!(!app.entities.is_provisional());
        assert_eq!(app.entities.doc_mentions(1), index.doc_mentions(1));
    }
}
