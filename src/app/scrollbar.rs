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

/// The first of `sorted` (by start) that starts in `range`.
fn first_start(sorted: &[Range<usize>], range: &Range<usize>) -> Option<usize> {
    let i = sorted.partition_point(|m| m.start < range.start);
    sorted.get(i).map(|m| m.start).filter(|&s| s < range.end)
}

/// What the bar marks, the strongest first.
const TICKS: [Tick; 3] = [Tick::Match, Tick::Mention, Tick::Bookmark];

impl App {
    /// The byte range row `row` of a `rows`-high bar stands for.
    fn bar_range(len: usize, row: usize, rows: usize) -> Range<usize> {
        let rows = rows.max(1);
        let at = |r: usize| len.saturating_mul(r) / rows;
        at(row)..at(row + 1).max(at(row) + 1)
    }

    /// The first tick of kind `tick` in `range`: a binary search in what is already sorted by
    /// start (matches, bookmarks, the entity's occurrences), never a copy of them, so that a
    /// frame costs the bar's rows even in a book that names the selected person 100,000 times.
    fn first_in(&self, tick: Tick, range: &Range<usize>) -> Option<usize> {
        match tick {
            Tick::Match => first_start(&self.reading.search.as_ref()?.matches, range),
            Tick::Bookmark => first_start(self.reader()?.marks(), range),
            Tick::Mention => {
                let id = self.entities.selected?;
                let doc = self.reading.open?;
                let occ = self.entities.index.occurrences(id);
                let mentions = self.entities.doc_mentions(doc);
                let start = |i: u32| mentions.get(i as usize).map(|m| m.range().start);
                // Occurrences run by article, and by offset within one.
                let k = occ.partition_point(|(d, i)| {
                    (d as usize) < doc
                        || (d as usize == doc && start(i).is_some_and(|s| s < range.start))
                });
                let (d, i) = occ.get(k)?;
                start(i).filter(|&s| d as usize == doc && s < range.end)
            }
        }
    }

    /// The strongest tick in `range`, and where the first of its kind starts.
    fn tick_in(&self, range: &Range<usize>) -> Option<(Tick, usize)> {
        TICKS
            .iter()
            .find_map(|&t| self.first_in(t, range).map(|s| (t, s)))
    }

    /// The bar for a reader `rows` high.
    pub fn scrollbar(&self, rows: usize) -> Vec<BarRow> {
        let Some(r) = self.reader() else {
            return Vec::new();
        };
        let len = r.length();
        let shown = r.shown_offsets();
        (0..rows)
            .map(|row| {
                let range = Self::bar_range(len, row, rows);
                let tick = self.tick_in(&range).map(|(t, _)| t);
                let thumb = range.start <= shown.end && range.end > shown.start;
                BarRow { tick, thumb }
            })
            .collect()
    }

    /// Where a click on row `row` of the bar goes: its first tick, else that share.
    pub(super) fn scrollbar_target(&self, row: usize, rows: usize) -> Option<usize> {
        let len = self.reader()?.length();
        let range = Self::bar_range(len, row, rows);
        let tick = self.tick_in(&range).map(|(_, s)| s);
        Some(tick.unwrap_or(range.start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_util::{index_all, seeded_app};

    /// Each row's mention tick, found by binary search, is where the entity's occurrences in
    /// the open article fall (counted the slow way), in every article it is named in.
    #[test]
    fn mention_ticks_are_the_open_articles_occurrences() {
        let mut app = seeded_app();
        index_all(&mut app);
        let index = &app.entities.index;
        // An entity named in both seeds, the most mentioned.
        let id = index
            .entities()
            .iter()
            .filter(|e| {
                let occ = index.occurrences(e.id);
                occ.iter().any(|(d, _)| d == 0) && occ.iter().any(|(d, _)| d == 1)
            })
            .max_by_key(|e| e.mentions)
            .map(|e| e.id);
        app.entities.selected = id;
        let id = id.expect("a name both seeds use");
        let rows = 37;
        for doc in 0..2 {
            let mut fx = Vec::new();
            app.open_at(doc, None, &mut fx);
            let len = app.reader().map(|r| r.length()).unwrap_or(0);
            let mentions = app.entities.doc_mentions(doc);
            let starts: Vec<usize> = app
                .entities
                .index
                .occurrences(id)
                .iter()
                .filter(|&(d, _)| d as usize == doc)
                .filter_map(|(_, i)| mentions.get(i as usize).map(|m| m.range().start))
                .collect();
            assert!(starts.len() >= 2, "{doc}: {starts:?}");
            let want: Vec<bool> = (0..rows)
                .map(|row| {
                    let r = App::bar_range(len, row, rows);
                    starts.iter().any(|s| r.contains(s))
                })
                .collect();
            let got: Vec<bool> = app
                .scrollbar(rows)
                .iter()
                .map(|b| b.tick == Some(Tick::Mention))
                .collect();
            assert_eq!(got, want, "article {doc}");
            assert!(got.iter().any(|&t| t));
        }
    }
}
