//! The index's folder: the indexes of older formats removed, its size on disk, its merges
//! waited for.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::{FORMAT, FullText};
use std::path::Path;

/// Takes out the indexes an older liseuse left (`fulltext-v{N}` of another format): they are
/// never read again, and at 100,000 articles each is a hundred megabytes.
pub(super) fn remove_old_formats(cache_dir: &Path) {
    let Ok(dir) = std::fs::read_dir(cache_dir) else {
        return;
    };
    for e in dir.flatten() {
        let name = e.file_name();
        let old = name
            .to_str()
            .and_then(|n| n.strip_prefix("fulltext-v"))
            .and_then(|v| v.parse::<u32>().ok())
            .is_some_and(|v| v != FORMAT);
        if old && e.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

impl FullText {
    /// The index's size on disk.
    pub fn bytes(&self) -> u64 {
        let Some(p) = &self.path else { return 0 };
        std::fs::read_dir(p)
            .map(|d| {
                d.flatten()
                    .filter_map(|e| e.metadata().ok())
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }

    /// Waits for the merges the writer started (tests, benchmarks: the size on disk settles).
    pub fn settle(self) {
        if let Ok(mut p) = self.pending.lock() {
            self.hand_over(&mut p);
        }
        if let Some(w) = self.writer
            && let Ok(w) = w.into_inner()
        {
            let _ = w.wait_merging_threads();
        }
    }
}
