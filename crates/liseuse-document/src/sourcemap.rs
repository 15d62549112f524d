//! Rendered offsets back to the source: where a word of a rendered Markdown file or web page
//! stands in the file (to open it in an editor there, to explain a match).
//!
//! Kept as runs, not one entry per byte: a run says that rendered bytes from `rendered` on
//! follow source bytes from `source` on, one for one, until the next run. A text copied
//! verbatim (plain text) is one run; a Markdown paragraph is about one run per line; a web
//! page one per block.

/// Sorted runs `(rendered, source)`; an offset before the first run maps to 0.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    runs: Vec<(usize, usize)>,
}

impl SourceMap {
    /// The identity: the rendered text is the source.
    pub fn identity() -> SourceMap {
        SourceMap { runs: vec![(0, 0)] }
    }

    /// Records that rendered offset `rendered` comes from source offset `source`, unless the
    /// last run already says so. Offsets must come in increasing rendered order; an earlier
    /// one is ignored.
    pub fn push(&mut self, rendered: usize, source: usize) {
        if let Some(&(r, s)) = self.runs.last() {
            if rendered < r || (rendered == r && source == s) {
                return;
            }
            if rendered - r == source.wrapping_sub(s) {
                return;
            }
            if rendered == r {
                self.runs.pop();
            }
        }
        self.runs.push((rendered, source));
    }

    /// The source offset rendered byte `offset` came from (the nearest run's, counted on).
    pub fn source_offset(&self, offset: usize) -> usize {
        let i = self.runs.partition_point(|&(r, _)| r <= offset);
        match i.checked_sub(1).and_then(|i| self.runs.get(i)) {
            Some(&(r, s)) => s.saturating_add(offset - r),
            None => 0,
        }
    }

    /// Forgets the runs of rendered text from `len` on (text taken back).
    pub fn truncate(&mut self, len: usize) {
        self.runs.retain(|&(r, _)| r < len);
    }

    /// How many runs are kept (the map's size).
    pub fn runs(&self) -> usize {
        self.runs.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_map_offsets_and_stay_compact() {
        let mut m = SourceMap::default();
        m.push(0, 2);
        m.push(5, 7); // follows the first run: no new entry
        m.push(10, 20);
        assert_eq!(m.runs(), 2);
        assert_eq!(m.source_offset(0), 2);
        assert_eq!(m.source_offset(9), 11);
        assert_eq!(m.source_offset(12), 22);
        assert_eq!(SourceMap::identity().source_offset(42), 42);
        assert_eq!(SourceMap::default().source_offset(3), 0);
    }
}
