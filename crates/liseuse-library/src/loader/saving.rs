//! What was analysed, written to disk: every [`WRITE_EVERY`] to the cache's log and the
//! full-text index (a quit loses at most that), and saved whole — the log synced and compacted,
//! the full-text index kept to the library, the merged index — when the library is indexed.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::*;
use std::sync::MutexGuard;

/// Writes what was analysed since the last time to the cache and the full-text index, so that
/// a quit loses at most [`WRITE_EVERY`]; then the entities written need not stay in memory.
pub(super) fn write_out(shared: &Shared) {
    // The records since the last time are sealed under the cache's lock and encoded and
    // compressed outside it (the loaders look articles up meanwhile); `flush` then writes them
    // with any frame a loader sealed and has not handed back yet.
    let (any, sealed) = shared
        .with_cache(|c| (c.pending() > 0 || c.take_written(), c.seal()))
        .unwrap_or((false, None));
    if let Some(frame) = sealed.map(|s| s.encode()) {
        shared.with_cache(|c| c.write_flushed(frame));
    }
    let written = shared
        .with_cache(|c| {
            c.flush();
            any && c.writes()
        })
        .unwrap_or(false);
    if let Some(ft) = shared.fulltext.get() {
        ft.commit();
    }
    if written && let Ok(mut c) = shared.corpus.lock() {
        // Entities of articles whose text was read are in the cache now.
        let Corpus {
            per_doc, hashes, ..
        } = &mut *c;
        for (d, h) in per_doc.iter_mut().zip(hashes.iter()) {
            if !h.is_empty() {
                *d = None;
            }
        }
    }
}

/// Waits on the corpus for at most `most`, and writes what was analysed when it is time
/// (every [`WRITE_EVERY`], also while the loop rests after a long merge: at 100,000 articles
/// it rested half a minute, and every article analysed meanwhile stayed in memory twice, its
/// entities and its record waiting to be written). `None` when the lock is poisoned.
pub(super) fn wait_writing<'a>(
    shared: &'a Shared,
    c: MutexGuard<'a, Corpus>,
    most: Duration,
    written: &mut Instant,
) -> Option<MutexGuard<'a, Corpus>> {
    let due = WRITE_EVERY.saturating_sub(written.elapsed());
    let (mut c, _) = shared.changed.wait_timeout(c, most.min(due)).ok()?;
    if written.elapsed() >= WRITE_EVERY {
        drop(c);
        write_out(shared);
        *written = Instant::now();
        c = shared.corpus.lock().ok()?;
    }
    Some(c)
}

/// Something the cache does not hold yet.
pub(super) fn mark_fresh(shared: &Shared) {
    if let Ok(mut c) = shared.corpus.lock() {
        c.fresh = true;
    }
}

pub(super) fn save(shared: &Shared) {
    write_out(shared);
    let to_save = {
        let Ok(mut c) = shared.corpus.lock() else {
            return;
        };
        if !std::mem::take(&mut c.fresh) {
            return;
        }
        // Only the index of the library as it is now.
        c.to_save.take().filter(|s| s.hashes == c.hashes)
    };
    let live: HashSet<String> = shared
        .entries
        .lock()
        .map(|e| e.iter().flatten().map(|e| e.path.clone()).collect())
        .unwrap_or_default();
    let writes = shared
        .with_cache(|c| {
            c.sync();
            c.compact_if_worth_it(&live);
            c.writes()
        })
        .unwrap_or(false);
    let ft = shared.fulltext();
    ft.retain(&live.iter().map(|p| fulltext::id_of(p)).collect());
    ft.commit();
    // A cache that cannot be written only costs time at the next start.
    if writes && let (Some(dir), Some(s)) = (&shared.cache_dir, to_save) {
        let _ = cache::index_file::save(dir, &s);
    }
}
