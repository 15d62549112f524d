//! The open article's quotations in the reader: which fall on a line (the reader sets them
//! apart), and who said the one the cursor's line is in (the status bar says). They come with
//! the index (`EntityState::quotes`), found in the background: drawing only looks them up.

use super::{App, Focus, Follow};
use liseuse_library::quotes::{self, ArticleQuote};
use std::ops::Range;
use std::sync::Arc;

/// How far back from a line a quotation that covers it is looked for: quotations never run
/// across paragraphs, and never hold this many others.
const BACK: usize = 32;

impl App {
    /// Article `doc`'s quotations (none while its text is not the one the index knows),
    /// unpacked from what the library keeps (the last article's kept unpacked).
    pub fn quotes_of(&self, doc: usize) -> Arc<[ArticleQuote]> {
        if self.entities.stale.get(doc).copied().unwrap_or(false) {
            return Arc::default();
        }
        self.entities.quotes.of_article(doc)
    }

    /// The open article's quotations that overlap `line` (byte offsets), in text order: a
    /// binary search, then a few steps back (a quotation may start lines before).
    pub fn quotes_on(&self, line: &Range<usize>) -> Vec<ArticleQuote> {
        let Some(doc) = self.reading.open else {
            return Vec::new();
        };
        let all = self.quotes_of(doc);
        let upto = all.partition_point(|q| (q.start as usize) < line.end.max(line.start + 1));
        let from = upto.saturating_sub(BACK);
        all.get(from..upto)
            .unwrap_or(&[])
            .iter()
            .filter(|q| q.end as usize > line.start)
            .cloned()
            .collect()
    }

    /// Who said the quotation the cursor's line is in, while the reader has the focus (its
    /// cursor is shown then): `Some(Some(name))`, `Some(None)` when the text does not say,
    /// `None` off any quotation.
    pub fn speaker_at_cursor(&self) -> Option<Option<String>> {
        if self.focus != Focus::Reader {
            return None;
        }
        let doc = self.reading.open?;
        let r = self.reader()?;
        let line = r.line_range(r.cursor)?;
        let on = self.quotes_on(&line);
        // The quotation `n` went to, when on this line: one inside another's (« Reuters a
        // rapporté que Khamenei avait informé Haniyeh que … ») is the walked person's.
        let walked = self
            .reading
            .said
            .as_ref()
            .filter(|_| self.reading.follow == Follow::Quotes)
            .and_then(|w| w.rows.get(w.at))
            .filter(|&&(d, _)| d as usize == doc)
            .and_then(|&(d, k)| self.entities.quotes.get(d as usize, k as usize))
            .filter(|w| on.contains(w));
        let q = walked.or_else(|| on.into_iter().next())?;
        Some(self.speaker_name(doc, &q))
    }

    /// A quotation's speaker: its entity's name in the index, else the words that describe it.
    pub fn speaker_name(&self, doc: usize, q: &ArticleQuote) -> Option<String> {
        let index = &self.entities.index;
        quotes::speaker_in(index, doc, q)
            .and_then(|id| index.entity(id))
            .map(|e| e.name().to_string())
            .or_else(|| q.described().map(str::to_string))
    }
}
