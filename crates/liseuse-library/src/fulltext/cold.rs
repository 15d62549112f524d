//! A first indexing (a cold start) writes segments without merging them: every commit (every
//! two seconds) and every writer's heap full made one, and tantivy's merges, each rewriting
//! segments written moments before, ran beside the analysis all along (at 100,000 articles,
//! merges rewrote each article's words twice over). Once the library is indexed
//! ([`FullText::retain`], the whole library known), its segments are merged into one, once,
//! and merges go on as usual from then on (a later start's changes are few).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::FullText;
use std::sync::atomic::Ordering;
use tantivy::IndexWriter;
use tantivy::indexer::{LogMergePolicy, NoMergePolicy};

/// Where a cold start is.
#[derive(Debug, Default)]
pub(super) struct Cold {
    /// Segments are not merged: the index was empty when opened.
    pub on: std::sync::atomic::AtomicBool,
    /// The whole library was indexed: merged into one at the next commit.
    pub done: std::sync::atomic::AtomicBool,
}

impl FullText {
    /// No merges while an empty index is filled.
    pub(super) fn start_cold(&self, writer: &IndexWriter) {
        writer.set_merge_policy(Box::new(NoMergePolicy));
        self.cold.on.store(true, Ordering::SeqCst);
    }

    /// The library is indexed: a cold start's segments are merged at the next commit.
    pub(super) fn indexed_all(&self) {
        if self.cold.on.load(Ordering::SeqCst) {
            self.cold.done.store(true, Ordering::SeqCst);
        }
    }

    /// Whether a cold start is over and its segments not merged yet.
    pub(super) fn cold_ends(&self) -> bool {
        self.cold.done.load(Ordering::SeqCst) && self.cold.on.load(Ordering::SeqCst)
    }

    /// After a commit: once a cold start is over, its segments merged into one (in the
    /// background, searched once merged) and the usual merges back.
    pub(super) fn end_cold(&self, writer: &mut IndexWriter) {
        if !(self.cold.done.load(Ordering::SeqCst) && self.cold.on.swap(false, Ordering::SeqCst)) {
            return;
        }
        writer.set_merge_policy(Box::new(LogMergePolicy::default()));
        let Ok(ids) = writer.index().searchable_segment_ids() else {
            return;
        };
        if ids.len() < 2 {
            return;
        }
        let merged = writer.merge(&ids);
        let reader = self.reader.clone();
        // Searches go on in the segments as they are until the merged one is there.
        let waiting = std::thread::Builder::new()
            .name("fulltext-merge".into())
            .spawn(move || {
                if merged.wait().is_ok() {
                    let _ = reader.reload();
                }
            });
        drop(waiting);
    }
}
