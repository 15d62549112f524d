//! The corpus index while articles come in: merged from every article's entities a few times a
//! second (read back from the cache when not in memory), or rebuilt from the saved index on a
//! warm start; the quotations by speaker with it (what was analysed is written by `saving.rs`).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::damaged;
use super::pace::Pace;
use super::saving::{wait_writing, write_out};
use super::*;

/// Every article's entities in article order: from memory, else read from the cache one frame
/// at a time as they are taken (`None` for one that cannot be had, every one read without the
/// cache). Read outside the cache's lock: the workers checking articles do not wait for it.
fn documents<'a>(
    shared: &'a Shared,
    hashes: &'a [String],
    docs: &'a [Option<Arc<DocEntities>>],
    found: &'a mut [Option<Quotations>],
) -> impl Iterator<Item = Option<Arc<DocEntities>>> + 'a {
    let missing: Vec<String> = hashes
        .iter()
        .zip(docs)
        .filter(|(h, d)| d.is_none() && !h.is_empty())
        .map(|(h, _)| h.clone())
        .collect();
    let mut read = shared
        .with_cache(|c| c.reader_for(&missing))
        .map(|r| r.bodies());
    hashes
        .iter()
        .zip(docs)
        .zip(found.iter_mut())
        .map(move |((h, d), q)| match d {
            Some(d) => Some(d.clone()),
            None if h.is_empty() => Some(Arc::default()),
            None => {
                let body = read.as_mut()?.next().flatten();
                if body.is_none() {
                    damaged::note(shared, h);
                }
                body.map(|b| entities_of(b, q))
            }
        })
}

/// The articles of a merge, read twice by the streamed merge: from memory or the cache, one
/// at a time, each dropped once taken in. The first reading finds the quotations not known yet.
struct Passes<'a> {
    shared: &'a Shared,
    hashes: &'a [String],
    docs: &'a [Option<Arc<DocEntities>>],
    found: &'a mut [Option<Quotations>],
}

impl entity::DocPasses for Passes<'_> {
    type Doc = Arc<DocEntities>;
    fn pass(&mut self, _: entity::Pass) -> impl Iterator<Item = Option<Self::Doc>> + Send + '_ {
        documents(self.shared, self.hashes, self.docs, self.found)
    }
}

/// A body's entities; its quotations go to `found` when they were not known.
pub(super) fn entities_of(body: Body, found: &mut Option<Quotations>) -> Arc<DocEntities> {
    if found.is_none() {
        *found = Some(Quotations::pack(
            &quotes::decode(&body.sections, &body.entities).unwrap_or_default(),
        ));
    }
    Arc::new(body.entities)
}

/// The saved index whole again, every article's entities read from the cache one frame at a
/// time as the index takes them (a large library's would not all fit beside it).
pub(super) fn rebuild(
    shared: &Shared,
    saved: SavedIndex,
    hashes: &[String],
    docs: &[Option<Arc<DocEntities>>],
    found: &mut [Option<Quotations>],
) -> Option<EntityIndex> {
    cache::index_file::rebuild(saved, documents(shared, hashes, docs, found))
}

/// Rebuilds the corpus index whenever articles came in, at most every `INDEX_EVERY`; writes
/// what was analysed every `WRITE_EVERY`.
pub(super) fn index_loop(shared: &Shared) {
    announce_saved_index(shared);
    let mut written = Instant::now();
    let mut pace = Pace::default();
    loop {
        let (docs, mut found, hashes, analysed, pending, walking) = {
            let Ok(mut c) = shared.corpus.lock() else {
                return;
            };
            while !(c.dirty || c.deferred && c.pending == 0 && !c.walking) {
                let Some(g) = wait_writing(shared, c, WRITE_EVERY, &mut written) else {
                    return;
                };
                c = g;
            }
            pace.look(c.analysed, Instant::now());
            // The last articles come in before a merge started now would end: it would only
            // hold up the merge of them all (what a cold start waits for). Wait for them.
            if let Some(until) = pace.wait_for_last(c.pending, c.walking, Instant::now()) {
                while c.pending > 0 && Instant::now() < until {
                    let left = until.saturating_duration_since(Instant::now());
                    let Some(g) = wait_writing(shared, c, left, &mut written) else {
                        return;
                    };
                    c = g;
                }
            }
            c.dirty = false;
            c.deferred = false;
            shared.looks.fetch_add(1, Ordering::Relaxed);
            // A snapshot (pointers only), so readers are not held up while the index is merged.
            (
                c.per_doc.clone(),
                c.quotes.clone(),
                c.hashes.clone(),
                c.analysed,
                c.pending,
                c.walking,
            )
        };
        // The last article is in: what it brought is written (and searchable) at once.
        if written.elapsed() >= WRITE_EVERY || pending == 0 {
            write_out(shared);
            written = Instant::now();
        }
        // What was just written is read back from the cache, not held through the merge.
        let docs = unwritten(shared, docs, &hashes);
        let started = Instant::now();
        let index = match cached_index(shared, &hashes, pending, walking) {
            Reuse::Saved(saved) => {
                // Every article is as saved: the counts are final now, before the mentions
                // are put back under their entities (a large library's take seconds).
                // The counts shown since the start stand: not another copy of every entity.
                let announced = shared.saved_counts.lock().ok().and_then(|mut c| c.take());
                let counts = announced.unwrap_or_else(|| Arc::new(saved.counts_only()));
                let confirmed =
                    IndexUpdate::new(correct::corrected(shared, &counts), analysed, docs.len());
                if shared
                    .events
                    .send(LibraryEvent::Indexed(Box::new(confirmed)))
                    .is_err()
                {
                    return;
                }
                drop(counts);
                match rebuild(shared, saved, &hashes, &docs, &mut found) {
                    Some(i) => Arc::new(i),
                    None => merge(shared, &hashes, &docs, &mut found, pending),
                }
            }
            Reuse::Wait => {
                // Every article so far is as saved. Look again once all are in, or after a
                // rest (an article unlike the saved one ends the wait then), not as each one
                // comes: each look copies the library's hashes, and at 100,000 articles
                // looking at every article took half a core from checking them.
                let until = Instant::now() + INDEX_EVERY;
                if let Ok(mut c) = shared.corpus.lock() {
                    c.deferred = true;
                    while (c.pending > 0 || c.walking) && Instant::now() < until {
                        let left = until.saturating_duration_since(Instant::now());
                        c = match shared.changed.wait_timeout(c, left) {
                            Ok((c, _)) => c,
                            Err(_) => return,
                        };
                    }
                }
                continue;
            }
            Reuse::No => merge(shared, &hashes, &docs, &mut found, pending),
        };
        damaged::analyse_again(shared, &hashes);
        let found = keep_quotes(shared, &hashes, found);
        let corrected = correct::corrected(shared, &index);
        let said = Arc::new(LibraryQuotes::build(&corrected, found.clone()));
        // The quotations by speaker grow with the corpus too: they count in the rest below.
        let took = started.elapsed();
        pace.took = Some(took);
        let update = IndexUpdate::new(corrected, analysed, docs.len()).with_quotes(said);
        if let Ok(mut c) = shared.corpus.lock() {
            c.last = Some((hashes, index));
            c.last_quotes = found;
        }
        if shared
            .events
            .send(LibraryEvent::Indexed(Box::new(update)))
            .is_err()
        {
            return;
        }
        // Merging grows with the corpus: rest nine times as long as it took, so the merge
        // never takes more than a tenth of a core from extraction (at a fifth, the merges of a
        // cold start of 100,000 articles took 15% of its processor time: every merge reads
        // every article back); but when the last article is in, merge at once.
        let rest_until = Instant::now() + INDEX_EVERY.max(took * REST_PER_MERGE);
        let Ok(mut c) = shared.corpus.lock() else {
            return;
        };
        while Instant::now() < rest_until && !(c.pending == 0 && c.dirty) {
            let left = rest_until.saturating_duration_since(Instant::now());
            let Some(g) = wait_writing(shared, c, left, &mut written) else {
                return;
            };
            c = g;
        }
    }
}

/// The snapshot's articles whose entities are still only in memory: those written since are
/// read back from the cache by the merge (the article still the one snapshotted).
fn unwritten(
    shared: &Shared,
    mut docs: Vec<Option<Arc<DocEntities>>>,
    hashes: &[String],
) -> Vec<Option<Arc<DocEntities>>> {
    if let Ok(c) = shared.corpus.lock() {
        for ((d, h), (now, now_hash)) in docs
            .iter_mut()
            .zip(hashes)
            .zip(c.per_doc.iter().zip(&c.hashes))
        {
            if now.is_none() && !h.is_empty() && h == now_hash {
                *d = None;
            }
        }
    }
    docs
}

/// A merge of every article's entities; when it is of every article asked for, what to save
/// of it is kept.
pub(super) fn merge(
    shared: &Shared,
    hashes: &[String],
    docs: &[Option<Arc<DocEntities>>],
    found: &mut [Option<Quotations>],
    pending: usize,
) -> Arc<EntityIndex> {
    if pending == 0 {
        mark_fresh(shared);
    }
    // Streamed: every article read twice, one at a time, never all held at once (at 100,000
    // articles their entities took a gigabyte).
    let mut passes = Passes {
        shared,
        hashes,
        docs,
        found,
    };
    let (index, to_save) = match entity::build_streamed(&mut passes, pending == 0) {
        Some(entity::Streamed { index, local_ids }) => {
            let to_save = local_ids.map(|ids| SavedIndex::with_ids(&index, ids, hashes.to_vec()));
            (index, to_save)
        }
        None => {
            // An entity record that cannot be read back: what there is, merged.
            let all: Vec<Arc<DocEntities>> =
                docs.iter().map(|d| d.clone().unwrap_or_default()).collect();
            let index = EntityIndex::build(&all);
            let to_save = (pending == 0).then(|| SavedIndex::of(&index, &all, hashes.to_vec()));
            (index, to_save)
        }
    };
    if let Some(s) = to_save
        && let Ok(mut c) = shared.corpus.lock()
    {
        c.to_save = Some(s);
    }
    Arc::new(index)
}

/// The quotations a merge read from the cache are kept (an article's are read once), where
/// the article is still the one read; those of the merge's articles are what goes with its index.
pub(super) fn keep_quotes(
    shared: &Shared,
    hashes: &[String],
    found: Vec<Option<Quotations>>,
) -> Vec<Quotations> {
    if let Ok(mut c) = shared.corpus.lock() {
        let Corpus {
            quotes,
            hashes: now,
            ..
        } = &mut *c;
        for ((slot, h), (q, was)) in quotes
            .iter_mut()
            .zip(now.iter())
            .zip(found.iter().zip(hashes))
        {
            if slot.is_none() && h == was {
                slot.clone_from(q);
            }
        }
    }
    found.into_iter().map(Option::unwrap_or_default).collect()
}

/// The index saved last time, shown at once (corpus counts on the first frames of a warm
/// start) while the articles are checked against it.
pub(super) fn announce_saved_index(shared: &Shared) {
    let Some(dir) = shared.cache_dir.as_deref() else {
        return;
    };
    let Some(saved) = cache::index_file::load(dir) else {
        return;
    };
    let index = Arc::new(saved.counts_only());
    let update = IndexUpdate::provisional(correct::corrected(shared, &index), saved.hashes.clone());
    if let Ok(mut s) = shared.saved.lock() {
        *s = Some(saved);
    }
    if let Ok(mut c) = shared.saved_counts.lock() {
        *c = Some(index);
    }
    let _ = shared.events.send(LibraryEvent::Indexed(Box::new(update)));
}

pub(super) enum Reuse {
    /// The cached index is exactly this library's: no merge.
    Saved(SavedIndex),
    /// Every article so far is as cached: merging now would only be thrown away.
    Wait,
    No,
}

/// Whether the index saved in the cache can stand for a merge of articles with `hashes`
/// (`pending` of those asked for not in yet, a walk still listing more or not).
pub(super) fn cached_index(
    shared: &Shared,
    hashes: &[String],
    pending: usize,
    walking: bool,
) -> Reuse {
    let Ok(mut saved) = shared.saved.lock() else {
        return Reuse::No;
    };
    let Some(s) = saved.as_ref() else {
        return Reuse::No;
    };
    if pending == 0 && !walking && s.hashes == hashes {
        return saved.take().map_or(Reuse::No, Reuse::Saved);
    }
    // Not yet read articles have an empty hash: only those read must match.
    let so_far = hashes.len() <= s.hashes.len()
        && hashes
            .iter()
            .zip(&s.hashes)
            .all(|(h, x)| h.is_empty() || h == x);
    if !so_far {
        // The library is not the one saved: it never will be.
        *saved = None;
        if let Ok(mut c) = shared.saved_counts.lock() {
            *c = None;
        }
        return Reuse::No;
    }
    if pending == 0 && !walking {
        // Every article asked for is in, but the watcher or a fetch may still bring more:
        // merge what there is, and keep the saved index in case the rest matches it too.
        return Reuse::No;
    }
    Reuse::Wait
}
