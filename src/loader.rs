//! Background work: articles are read and decoded, then their entities extracted, off the
//! drawing thread and on every core, and reported to the event loop through its channel, so the
//! first frame never waits for the disk or the extractor. Entities come from the cache when the
//! article's text has not changed since they were extracted.

use crate::app::Event;
use crate::bookmark::content_hash;
use crate::cache;
use crate::entity::{self, DocEntities};
use crate::library::{self, Entry, Origin};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, OnceLock};

enum Job {
    /// Read (or read again) the article at this index.
    Read(usize, Entry),
    /// Write what was extracted to the cache.
    SaveCache,
}

/// The handle the event loop gives work to.
pub struct Loader {
    jobs: Sender<Job>,
}

struct Shared {
    events: Sender<Event>,
    cache_dir: Option<PathBuf>,
    /// The cache as it was at start, loaded once, by whichever job needs it first.
    cached: OnceLock<HashMap<String, DocEntities>>,
    /// Entities extracted in this session, to add to the cache.
    fresh: Mutex<HashMap<String, DocEntities>>,
}

impl Loader {
    pub fn spawn(cache_dir: Option<PathBuf>, events: Sender<Event>) -> Loader {
        let (jobs, rx) = mpsc::channel::<Job>();
        let shared = Arc::new(Shared {
            events,
            cache_dir,
            cached: OnceLock::new(),
            fresh: Mutex::new(HashMap::new()),
        });
        std::thread::spawn(move || {
            rx.into_iter().par_bridge().for_each(|job| match job {
                Job::Read(index, entry) => read(&shared, index, &entry),
                Job::SaveCache => save(&shared),
            });
        });
        Loader { jobs }
    }

    /// Reads an article in the background; `Event::Loaded`, then `Event::Analysed`, follow.
    pub fn read(&self, index: usize, entry: Entry) {
        let _ = self.jobs.send(Job::Read(index, entry));
    }

    /// Saves the entities extracted so far to the cache (when indexing is done).
    pub fn save_cache(&self) {
        let _ = self.jobs.send(Job::SaveCache);
    }
}

fn read(shared: &Shared, index: usize, entry: &Entry) {
    let result = library::load(entry).map(Arc::new);
    let doc = result.as_ref().ok().cloned();
    if shared.events.send(Event::Loaded { index, result }).is_err() {
        return;
    }
    let entities = match doc {
        None => DocEntities::default(),
        Some(doc) => {
            let hash = content_hash(&doc.text);
            let cached = shared.cache_dir.as_deref().and_then(|dir| {
                shared
                    .cached
                    .get_or_init(|| cache::load(dir))
                    .get(&hash)
                    .cloned()
            });
            match cached {
                Some(e) => e,
                None => {
                    let e = entity::analyse(&doc.text);
                    // The embedded articles are analysed in no time: not worth caching.
                    if matches!(entry.origin, Origin::File(_))
                        && let Ok(mut fresh) = shared.fresh.lock()
                    {
                        fresh.insert(hash, e.clone());
                    }
                    e
                }
            }
        }
    };
    let _ = shared.events.send(Event::Analysed { index, entities });
}

fn save(shared: &Shared) {
    let Some(dir) = &shared.cache_dir else { return };
    let new: HashMap<String, DocEntities> = match shared.fresh.lock() {
        Ok(mut f) => std::mem::take(&mut *f),
        Err(_) => return,
    };
    if new.is_empty() {
        return;
    }
    let mut all = shared.cached.get_or_init(|| cache::load(dir)).clone();
    all.extend(new);
    // A cache that cannot be written only costs time at the next start.
    let _ = cache::save(dir, &all);
}
