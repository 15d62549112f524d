//! The reader's scrollbar: where in the article the view is, and ticks where the selected
//! entity is named, where the search matches and where bookmarks are. Each row stands for a
//! share of the article's bytes, so the bar costs a binary search per row, never a wrap of
//! the article; a click on a row goes to the first tick in it, or to that share.

use super::App;
use std::ops::Range;

/// What a row of the bar marks, the strongest first when several fall in one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tick {
    Match,
    Mention,
    Bookmark,
}

/// One row of the bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BarRow {
    pub tick: Option<Tick>,
    /// Inside the part of the article on screen.
    pub thumb: bool,
}

/// Whether any of `sorted` (by start) starts in `range`.
fn any_in(starts: &[usize], range: &Range<usize>) -> Option<usize> {
    let i = starts.partition_point(|&s| s < range.start);
    starts.get(i).copied().filter(|&s| s < range.end)
}

impl App {
    /// The byte range row `row` of a `rows`-high bar stands for.
    fn bar_range(len: usize, row: usize, rows: usize) -> Range<usize> {
        let rows = rows.max(1);
        let at = |r: usize| len.saturating_mul(r) / rows;
        at(row)..at(row + 1).max(at(row) + 1)
    }

    /// The starts of what the bar marks, by kind, sorted.
    fn bar_marks(&self) -> [(Tick, Vec<usize>); 3] {
        let matches = self
            .reading
            .search
            .as_ref()
            .map(|s| s.matches.iter().map(|m| m.start).collect())
            .unwrap_or_default();
        let mentions = match (self.entities.selected, self.reading.open) {
            (Some(id), Some(doc)) => {
                let occ = self.entities.index.occurrences(id);
                // Occurrences are grouped by article: this article's run, by binary search.
                let a = occ.partition_point(|(d, _)| (d as usize) < doc);
                let b = occ.partition_point(|(d, _)| (d as usize) <= doc);
                let mentions = self.entities.doc_mentions(doc);
                occ.from(a)
                    .iter()
                    .take(b.saturating_sub(a))
                    .filter_map(|(_, i)| mentions.get(i as usize).map(|m| m.range().start))
                    .collect()
            }
            _ => Vec::new(),
        };
        let bookmarks = self
            .reader()
            .map(|r| r.marks().iter().map(|m| m.start).collect())
            .unwrap_or_default();
        [
            (Tick::Match, matches),
            (Tick::Mention, mentions),
            (Tick::Bookmark, bookmarks),
        ]
    }

    /// The bar for a reader `rows` high.
    pub fn scrollbar(&self, rows: usize) -> Vec<BarRow> {
        let Some(r) = self.reader() else {
            return Vec::new();
        };
        let len = r.length();
        let shown = r.shown_offsets();
        let marks = self.bar_marks();
        (0..rows)
            .map(|row| {
                let range = Self::bar_range(len, row, rows);
                let tick = marks
                    .iter()
                    .find(|(_, starts)| any_in(starts, &range).is_some())
                    .map(|(t, _)| *t);
                let thumb = range.start <= shown.end && range.end > shown.start;
                BarRow { tick, thumb }
            })
            .collect()
    }

    /// Where a click on row `row` of the bar goes: its first tick, else that share.
    pub(super) fn scrollbar_target(&self, row: usize, rows: usize) -> Option<usize> {
        let len = self.reader()?.length();
        let range = Self::bar_range(len, row, rows);
        let marks = self.bar_marks();
        let tick = marks.iter().find_map(|(_, starts)| any_in(starts, &range));
        Some(tick.unwrap_or(range.start))
    }
}
