//! Background work: articles are read and decoded, then their entities extracted, off the
//! drawing thread and on every core, and reported to the event loop through its channel, so the
//! first frame never waits for the disk or the extractor. The article shown first is read first;
//! then every title (all files read), then the entities, taken from the cache when the text has
//! not changed.

use crate::app::Event;
use crate::bookmark::content_hash;
use crate::document::Document;
use crate::entity::{self, DocEntities};
use crate::library::{self, Entry};
use crate::{cache, library::Origin};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Sender;

pub struct Job {
    pub entries: Vec<Entry>,
    /// The article to read before all others (the one shown first).
    pub first: usize,
    pub cache_dir: Option<PathBuf>,
}

pub fn spawn(job: Job, tx: Sender<Event>) {
    std::thread::spawn(move || run(job, tx));
}

/// Reads one article again (it changed on disk, or was just added) and extracts its entities.
pub fn reload(index: usize, entry: Entry, tx: Sender<Event>) {
    std::thread::spawn(move || {
        if let Some(doc) = load_one(index, &entry, &tx) {
            let entities = entity::analyse(&doc.text);
            let _ = tx.send(Event::Analysed { index, entities });
        }
    });
}

fn load_one(index: usize, entry: &Entry, tx: &Sender<Event>) -> Option<Arc<Document>> {
    let result = library::load(entry).map(Arc::new);
    let doc = result.as_ref().ok().cloned();
    let _ = tx.send(Event::Loaded { index, result });
    doc
}

fn run(job: Job, tx: Sender<Event>) {
    let Job {
        entries,
        first,
        cache_dir,
    } = job;
    let first_doc = entries.get(first).and_then(|e| load_one(first, e, &tx));
    let docs: Vec<Option<Arc<Document>>> = entries
        .par_iter()
        .enumerate()
        .map(|(i, e)| {
            if i == first {
                first_doc.clone()
            } else {
                load_one(i, e, &tx)
            }
        })
        .collect();

    let cached = cache_dir.as_deref().map(cache::load).unwrap_or_default();
    let fresh: Vec<Option<(String, DocEntities)>> = docs
        .par_iter()
        .enumerate()
        .map(|(index, doc)| {
            let Some(doc) = doc else {
                let _ = tx.send(Event::Analysed {
                    index,
                    entities: DocEntities::default(),
                });
                return None;
            };
            let hash = content_hash(&doc.text);
            let (entities, new) = match cached.get(&hash) {
                Some(e) => (e.clone(), false),
                None => (entity::analyse(&doc.text), true),
            };
            let keep = new.then(|| (hash, entities.clone()));
            let _ = tx.send(Event::Analysed { index, entities });
            keep
        })
        .collect();

    // Only the articles of files are worth caching; the embedded ones are analysed in no time.
    let new: Vec<(String, DocEntities)> = fresh
        .into_iter()
        .zip(&entries)
        .filter_map(|(f, e)| f.filter(|_| matches!(e.origin, Origin::File(_))))
        .collect();
    if let (Some(dir), false) = (cache_dir, new.is_empty()) {
        let mut all: HashMap<String, DocEntities> = cached;
        all.extend(new);
        // A cache that cannot be written only costs time at the next start.
        let _ = cache::save(&dir, &all);
    }
}
