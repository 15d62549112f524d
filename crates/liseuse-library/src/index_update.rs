//! A corpus index merged in the background, with what the file list shows of it, prepared off
//! the event loop so that taking it in costs a swap.

use crate::quotes::LibraryQuotes;
use liseuse_entity::{DocEntities, EntityId, EntityIndex, Label};
use std::collections::HashMap;
use std::sync::Arc;

/// An article's people as the file list names them: the first [`PEOPLE_SHOWN`] by mentions,
/// and how many it names in all.
pub type People = (Box<[(EntityId, usize)]>, usize);

/// A merged corpus index and what the file list shows of it; the application takes it whole.
#[derive(Debug)]
pub struct IndexUpdate {
    /// The corpus index, corrected by the user's corrections.
    pub index: Arc<EntityIndex>,
    /// Per article, its people most mentioned first (the first [`PEOPLE_SHOWN`], what the
    /// file list names) and how many people it names in all.
    pub people: Vec<People>,
    /// How many articles' entities it holds.
    pub analysed: usize,
    /// For the index saved in the cache, shown before the articles are read: the hashes of
    /// the articles it was made from.
    pub provisional: Option<Vec<String>>,
    /// The articles' quotations, their speakers among this index's entities (none in a
    /// provisional index, or the first one of a warm start, which shows counts only).
    pub quotes: Arc<LibraryQuotes>,
}

impl IndexUpdate {
    /// Prepares everything drawing needs from `index`, so the event loop only swaps it in.
    pub fn new(index: Arc<EntityIndex>, analysed: usize, docs: usize) -> IndexUpdate {
        let people = people_of(&index, docs);
        IndexUpdate {
            index,
            people,
            analysed,
            provisional: None,
            quotes: Arc::default(),
        }
    }

    /// With the articles' quotations, their speakers found in its index.
    pub fn with_quotes(mut self, quotes: Arc<LibraryQuotes>) -> IndexUpdate {
        self.quotes = quotes;
        self
    }

    /// The update the loader sends once every one of `docs` is analysed: what tests and
    /// benchmarks build to follow the production path.
    pub fn of_docs(docs: &[DocEntities]) -> IndexUpdate {
        IndexUpdate::new(Arc::new(EntityIndex::build(docs)), docs.len(), docs.len())
    }

    /// How many articles' entities it holds (none for a provisional one).
    pub fn analysed(&self) -> usize {
        self.analysed
    }

    /// Whether it is the index saved in the cache, standing in until the articles are read.
    pub fn is_provisional(&self) -> bool {
        self.provisional.is_some()
    }

    /// The index saved in the cache, standing in until the articles are read.
    pub fn provisional(index: Arc<EntityIndex>, hashes: Vec<String>) -> IndexUpdate {
        let people = people_of(&index, hashes.len());
        IndexUpdate {
            index,
            people,
            analysed: 0,
            provisional: Some(hashes),
            quotes: Arc::default(),
        }
    }
}

/// How many of an article's people are kept for the file list: 100,000 articles' whole lists
/// would cost tens of MB for a row that names three.
pub const PEOPLE_SHOWN: usize = 3;

/// Per article, its people by mentions, most mentioned first.
fn people_of(index: &EntityIndex, docs: usize) -> Vec<People> {
    (0..docs)
        .map(|d| {
            let mut counts: HashMap<EntityId, usize> = HashMap::new();
            for m in index.doc_mentions(d).iter() {
                if m.label() == Label::Per {
                    *counts.entry(m.entity()).or_insert(0) += 1;
                }
            }
            let mut people: Vec<(EntityId, usize)> = counts.into_iter().collect();
            people.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let n = people.len();
            people.truncate(PEOPLE_SHOWN);
            (people.into_boxed_slice(), n)
        })
        .collect()
}
