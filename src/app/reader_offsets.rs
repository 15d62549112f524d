//! The reader's positions as byte offsets of the article and back: where a line starts, the
//! line holding an offset, the selection and the position in the article for the status bar.

use super::{BlockText, Pos, Reader};
use std::ops::Range;

impl Reader {
    /// The article byte offset where visual line `p` starts (for a metadata block, the start
    /// of the first article block after it).
    pub fn offset_of(&self, p: Pos) -> usize {
        match self.blocks.get(p.block).map(|b| &b.text) {
            Some(BlockText::Doc(r)) => {
                let lines = self.wrapped(p.block);
                let line = lines.get(p.line).or(lines.last());
                r.start + line.map_or(0, |l| l.start)
            }
            _ => self
                .blocks
                .get(p.block..)
                .unwrap_or_default()
                .iter()
                .find_map(|b| match &b.text {
                    BlockText::Doc(r) => Some(r.start),
                    BlockText::Own(_) => None,
                })
                .unwrap_or(0),
        }
    }

    /// The position of the line holding article byte `offset`, searching from block `hint`.
    pub(super) fn pos_of_offset(&self, hint: usize, offset: usize) -> Pos {
        let block = self.block_of_offset(offset).unwrap_or(hint);
        let line = match self.blocks.get(block).map(|b| &b.text) {
            Some(BlockText::Doc(r)) => {
                let rel = offset.saturating_sub(r.start);
                let lines = self.wrapped(block);
                lines.partition_point(|l| l.end < rel).min(lines.len() - 1)
            }
            _ => 0,
        };
        Pos { block, line }
    }

    pub(super) fn block_of_offset(&self, offset: usize) -> Option<usize> {
        // The headline (an article block, or the file name) comes first, then metadata and
        // notices of liseuse's own; the article's paragraphs follow in text order. A binary
        // search over all of them at once would trip on the headline, out of that order.
        if let Some(BlockText::Doc(r)) = self.blocks.first().map(|b| &b.text)
            && offset <= r.end
        {
            return Some(0);
        }
        let body = 1 + self
            .blocks
            .iter()
            .skip(1)
            .take_while(|b| matches!(b.text, BlockText::Own(_)))
            .count();
        let rest = self.blocks.get(body..).filter(|r| !r.is_empty());
        let Some(rest) = rest else {
            return self
                .blocks
                .iter()
                .position(|b| matches!(b.text, BlockText::Doc(_)));
        };
        let i = rest.partition_point(|b| matches!(&b.text, BlockText::Doc(r) if r.end < offset));
        Some(body + i.min(rest.len() - 1))
    }

    /// Puts the cursor on the line holding `offset`, with a few lines of context above it.
    pub fn goto_offset(&mut self, offset: usize) {
        self.cursor = self.pos_of_offset(0, offset);
        let context = (self.height / 4).min(5);
        self.top = self.backward(self.cursor, context).min(self.max_top());
        self.keep_cursor_visible();
    }

    /// The article byte range of visual line `p`, if it shows article text.
    pub fn line_range(&self, p: Pos) -> Option<Range<usize>> {
        let BlockText::Doc(r) = &self.blocks.get(p.block)?.text else {
            return None;
        };
        let l = self.wrapped(p.block).get(p.line)?.clone();
        Some(r.start + l.start..r.start + l.end)
    }

    /// The whole paragraph under `p`; on a metadata line, the first paragraph after it.
    pub fn paragraph_range(&self, p: Pos) -> Option<Range<usize>> {
        self.blocks
            .get(p.block..)?
            .iter()
            .find_map(|b| match &b.text {
                BlockText::Doc(r) => Some(r.clone()),
                BlockText::Own(_) => None,
            })
    }

    /// The article text covered by the line selection, from its first line to its last.
    pub fn selected_range(&self) -> Option<Range<usize>> {
        let anchor = self.selection?;
        let (a, b) = if anchor <= self.cursor {
            (anchor, self.cursor)
        } else {
            (self.cursor, anchor)
        };
        let mut start = None;
        let mut end = None;
        let mut p = Some(a);
        while let Some(q) = p {
            if q > b {
                break;
            }
            if let Some(r) = self.line_range(q) {
                start.get_or_insert(r.start);
                end = Some(r.end);
            }
            p = self.next(q);
        }
        Some(start?..end?)
    }

    /// Whether visual line `p` is inside the line selection.
    pub fn is_selected(&self, p: Pos) -> bool {
        self.selection.is_some_and(|a| {
            let (lo, hi) = if a <= self.cursor {
                (a, self.cursor)
            } else {
                (self.cursor, a)
            };
            lo <= p && p <= hi
        })
    }

    /// Puts the line holding `offset` at the top of the pane (restoring a reading position).
    pub fn scroll_to_offset(&mut self, offset: usize) {
        self.top = self.pos_of_offset(0, offset).min(self.max_top());
        self.cursor = self.top;
    }

    /// Where the view is, as vim says it: `All`, `Top`, `Bot` or a percentage of the article.
    /// In a long file's preview, a share of the whole file: its end is not the article's.
    pub fn position_label(&self) -> String {
        let at_top = self.top == Pos::default();
        let at_bottom =
            self.doc.preview.is_none() && self.forward(self.top, self.height - 1) == self.last();
        match (at_top, at_bottom) {
            (true, true) => "All".into(),
            (true, false) => "Top".into(),
            (false, true) => "Bot".into(),
            _ => {
                let whole = self.doc.preview.and_then(|n| usize::try_from(n).ok());
                let len = whole.unwrap_or(self.doc.text.len()).max(1);
                format!("{}%", self.offset_of(self.top) * 100 / len)
            }
        }
    }
}
