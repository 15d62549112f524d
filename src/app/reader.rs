//! The reader pane's state: the open article cut into blocks, a line cursor and a scroll
//! position. Positions are (block, line) pairs, never global line numbers, so an article of any
//! length is wrapped only where the user looks: moving, paging and jumping wrap the blocks they
//! pass, and a resize keeps the reader in the same paragraph.

use crate::document::{Document, ParaKind};
use crate::search::Folded;
use crate::wrap::wrap;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    /// Date, source and file: set apart from the article.
    Meta,
    /// How the file was read (encoding, truncation): the reader should know.
    Notice,
    Body,
    Heading,
    Blurb,
}

#[derive(Debug, Clone)]
pub enum BlockText {
    /// A range of the document's text: its offsets are the article's.
    Doc(Range<usize>),
    /// Text made by liseuse (metadata lines).
    Own(String),
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub text: BlockText,
}

/// A visual line: block index and line within the block (its wrapped lines, then one blank
/// line between blocks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub block: usize,
    pub line: usize,
}

/// One line as drawn.
#[derive(Debug, Clone)]
pub struct VisualLine {
    pub pos: Pos,
    pub kind: BlockKind,
    /// The line's text, `None` for the blank line between blocks.
    pub text: Option<LineText>,
}

#[derive(Debug, Clone)]
pub enum LineText {
    /// A byte range of the article's text.
    Doc(Range<usize>),
    Own(String),
}

#[derive(Debug, Default)]
struct WrapCache {
    width: usize,
    lines: HashMap<usize, Rc<[Range<usize>]>>,
}

#[derive(Debug)]
pub struct Reader {
    pub doc: Arc<Document>,
    pub blocks: Vec<Block>,
    width: usize,
    height: usize,
    /// Wrapped lines per block at `width`; a memo, so drawing can fill it through `&self`.
    cache: RefCell<WrapCache>,
    pub top: Pos,
    pub cursor: Pos,
    /// Where a line selection (`v`) started; the cursor is its other end.
    pub selection: Option<Pos>,
    /// Bookmarked passages of this article, sorted by start.
    marks: Vec<Range<usize>>,
    /// The text folded for search, made on the first search.
    folded: std::cell::OnceCell<Folded>,
}

fn blocks_of(doc: &Document) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(doc.paragraphs.len() + 3);
    let mut paras = doc.paragraphs.iter().peekable();
    match paras.peek() {
        Some(p) if p.kind == ParaKind::Title => {
            blocks.push(Block {
                kind: BlockKind::Title,
                text: BlockText::Doc(p.range.clone()),
            });
            paras.next();
        }
        _ => blocks.push(Block {
            kind: BlockKind::Title,
            text: BlockText::Own(doc.title.clone()),
        }),
    }
    let mut meta = Vec::new();
    if let Some(d) = &doc.date {
        meta.push(d.clone());
    }
    if let Some(s) = &doc.source {
        meta.push(format!("source: {s}"));
    }
    meta.push(doc.name.clone());
    blocks.push(Block {
        kind: BlockKind::Meta,
        text: BlockText::Own(meta.join(" · ")),
    });
    for n in &doc.notices {
        blocks.push(Block {
            kind: BlockKind::Notice,
            text: BlockText::Own(format!("⚠ {n}")),
        });
    }
    for p in paras {
        let kind = match p.kind {
            ParaKind::Title => BlockKind::Title,
            ParaKind::Body => BlockKind::Body,
            ParaKind::Heading => BlockKind::Heading,
            ParaKind::Blurb => BlockKind::Blurb,
        };
        blocks.push(Block {
            kind,
            text: BlockText::Doc(p.range.clone()),
        });
    }
    blocks
}

impl Reader {
    pub fn new(doc: Arc<Document>, width: usize, height: usize) -> Reader {
        Reader {
            blocks: blocks_of(&doc),
            doc,
            width: width.max(1),
            height: height.max(1),
            cache: RefCell::new(WrapCache::default()),
            top: Pos::default(),
            cursor: Pos::default(),
            selection: None,
            marks: Vec::new(),
            folded: std::cell::OnceCell::new(),
        }
    }

    pub fn folded(&self) -> &Folded {
        self.folded.get_or_init(|| Folded::new(&self.doc.text))
    }

    pub fn height(&self) -> usize {
        self.height
    }

    /// Adapts to a new pane size, keeping the cursor's paragraph in view.
    pub fn resize(&mut self, width: usize, height: usize) {
        let width = width.max(1);
        self.height = height.max(1);
        if width != self.width {
            self.width = width;
            let cursor_off = self.offset_of(self.cursor);
            let top_off = self.offset_of(self.top);
            self.cursor = self.pos_of_offset(self.cursor.block, cursor_off);
            self.top = self.pos_of_offset(self.top.block, top_off);
        }
        self.keep_cursor_visible();
    }

    fn block_str(&self, b: usize) -> &str {
        match self.blocks.get(b).map(|b| &b.text) {
            Some(BlockText::Doc(r)) => self.doc.text.get(r.clone()).unwrap_or(""),
            Some(BlockText::Own(s)) => s,
            None => "",
        }
    }

    /// The block's wrapped lines (ranges relative to the block's text).
    fn wrapped(&self, b: usize) -> Rc<[Range<usize>]> {
        let mut cache = self.cache.borrow_mut();
        if cache.width != self.width {
            cache.width = self.width;
            cache.lines.clear();
        }
        cache
            .lines
            .entry(b)
            .or_insert_with(|| {
                let mut lines = wrap(self.block_str(b), self.width);
                if lines.is_empty() {
                    lines.push(0..0);
                }
                lines.into()
            })
            .clone()
    }

    /// Visual lines of block `b`: its text lines, and a blank line unless it is the last block.
    fn line_count(&self, b: usize) -> usize {
        self.wrapped(b).len() + usize::from(b + 1 < self.blocks.len())
    }

    fn last(&self) -> Pos {
        let block = self.blocks.len().saturating_sub(1);
        Pos {
            block,
            line: self.line_count(block).saturating_sub(1),
        }
    }

    fn next(&self, p: Pos) -> Option<Pos> {
        if p.line + 1 < self.line_count(p.block) {
            Some(Pos {
                line: p.line + 1,
                ..p
            })
        } else if p.block + 1 < self.blocks.len() {
            Some(Pos {
                block: p.block + 1,
                line: 0,
            })
        } else {
            None
        }
    }

    fn prev(&self, p: Pos) -> Option<Pos> {
        if p.line > 0 {
            Some(Pos {
                line: p.line - 1,
                ..p
            })
        } else if p.block > 0 {
            let block = p.block - 1;
            Some(Pos {
                block,
                line: self.line_count(block) - 1,
            })
        } else {
            None
        }
    }

    fn forward(&self, mut p: Pos, n: usize) -> Pos {
        for _ in 0..n {
            match self.next(p) {
                Some(q) => p = q,
                None => break,
            }
        }
        p
    }

    fn backward(&self, mut p: Pos, n: usize) -> Pos {
        for _ in 0..n {
            match self.prev(p) {
                Some(q) => p = q,
                None => break,
            }
        }
        p
    }

    /// The highest top that still fills the pane: the last line sits on the bottom row.
    fn max_top(&self) -> Pos {
        self.backward(self.last(), self.height - 1)
    }

    fn keep_cursor_visible(&mut self) {
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.forward(self.top, self.height - 1) < self.cursor {
            self.top = self.backward(self.cursor, self.height - 1);
        }
        let max = self.max_top();
        if self.top > max {
            self.top = max;
        }
    }

    pub fn down(&mut self, n: usize) {
        self.cursor = self.forward(self.cursor, n);
        self.keep_cursor_visible();
    }

    pub fn up(&mut self, n: usize) {
        self.cursor = self.backward(self.cursor, n);
        self.keep_cursor_visible();
    }

    /// Scrolls the view by `n` lines (negative: up), the cursor staying on screen.
    pub fn scroll(&mut self, n: isize) {
        let max = self.max_top();
        self.top = if n >= 0 {
            self.forward(self.top, n.unsigned_abs()).min(max)
        } else {
            self.backward(self.top, n.unsigned_abs())
        };
        let bottom = self.forward(self.top, self.height - 1);
        self.cursor = self.cursor.clamp(self.top, bottom);
    }

    pub fn page_down(&mut self) {
        let step = self.height.saturating_sub(1).max(1);
        let max = self.max_top();
        let new_top = self.forward(self.top, step).min(max);
        if new_top == self.top {
            self.cursor = self.last();
        } else {
            self.top = new_top;
            self.cursor = self.forward(self.cursor, step).max(self.top);
        }
        self.keep_cursor_visible();
    }

    pub fn page_up(&mut self) {
        let step = self.height.saturating_sub(1).max(1);
        if self.top == Pos::default() {
            self.cursor = Pos::default();
        } else {
            self.top = self.backward(self.top, step);
            self.cursor = self.backward(self.cursor, step);
        }
        self.keep_cursor_visible();
    }

    pub fn to_top(&mut self) {
        self.cursor = Pos::default();
        self.top = Pos::default();
    }

    pub fn to_bottom(&mut self) {
        self.cursor = self.last();
        self.top = self.max_top();
    }

    /// The cursor is on the last line (where `G` puts it).
    pub fn at_bottom(&self) -> bool {
        self.cursor == self.last()
    }

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
    fn pos_of_offset(&self, hint: usize, offset: usize) -> Pos {
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

    fn block_of_offset(&self, offset: usize) -> Option<usize> {
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

    /// The lines that fill the pane, from the top.
    pub fn visible(&self) -> Vec<VisualLine> {
        let mut out = Vec::with_capacity(self.height);
        let mut p = Some(self.top);
        while let Some(pos) = p {
            if out.len() >= self.height {
                break;
            }
            let Some(block) = self.blocks.get(pos.block) else {
                break;
            };
            let lines = self.wrapped(pos.block);
            let text = lines.get(pos.line).map(|l| match &block.text {
                BlockText::Doc(r) => LineText::Doc(r.start + l.start..r.start + l.end),
                BlockText::Own(s) => LineText::Own(s.get(l.clone()).unwrap_or("").to_string()),
            });
            out.push(VisualLine {
                pos,
                kind: block.kind,
                text,
            });
            p = self.next(pos);
        }
        out
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

    pub fn set_marks(&mut self, mut marks: Vec<Range<usize>>) {
        marks.sort_by_key(|r| (r.start, r.end));
        self.marks = marks;
    }

    /// Whether the article range `r` (a line) overlaps a bookmarked passage.
    pub fn is_marked(&self, r: &Range<usize>) -> bool {
        // Marks are few per article; a passage can be long, so check every one that starts
        // before the line ends.
        let n = self
            .marks
            .partition_point(|m| m.start < r.end.max(r.start + 1));
        self.marks.iter().take(n).any(|m| m.end > r.start)
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

#[cfg(test)]
#[path = "reader_tests.rs"]
mod tests;
