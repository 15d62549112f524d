//! The reader pane's state: the open article cut into blocks, a line cursor and a scroll
//! position. Positions are (block, line) pairs, never global line numbers, so an article of any
//! length is wrapped only where the user looks: moving, paging and jumping wrap the blocks they
//! pass, and a resize keeps the reader in the same paragraph.

use liseuse_document::Document;
use liseuse_document::search::Folded;
use liseuse_document::wrap::wrap;
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
    Quote,
    ListItem,
    /// Preformatted: code and tables, folded at the pane's edge, never re-flowed.
    Code,
    Table,
    Separator,
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
    /// Heading level, quote depth or list depth (as in the document's paragraph).
    pub level: u8,
    /// Columns before every line (a quote's bars, a nested list's indent).
    pub indent: usize,
    /// More columns before every line but the first (a list item's text hangs under its
    /// first word, past the bullet).
    pub hang: usize,
}

impl Block {
    fn own(kind: BlockKind, text: String) -> Block {
        Block {
            kind,
            text: BlockText::Own(text),
            level: 0,
            indent: 0,
            hang: 0,
        }
    }
}

/// A visual line: block index and line within the block (its wrapped lines, then one blank
/// line between blocks, except between the items of a list).
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
    /// The block's level (see [`Block::level`]).
    pub level: u8,
    /// Columns to leave before the text (the block's indent, and its hang after line one).
    pub indent: usize,
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
    /// `&pattern`: only the paragraphs matching it are blocks (see `set_filter`).
    pub filter: Option<String>,
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
            filter: None,
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
            // Offsets at the old width; a line of liseuse's own (title, metadata) stays put.
            let own = |p: Pos, r: &Reader| {
                matches!(
                    r.blocks.get(p.block).map(|b| &b.text),
                    Some(BlockText::Own(_))
                )
            };
            let (cursor_own, top_own) = (own(self.cursor, self), own(self.top, self));
            let cursor_off = self.offset_of(self.cursor);
            let top_off = self.offset_of(self.top);
            self.width = width;
            self.cursor = if cursor_own {
                Pos {
                    line: 0,
                    ..self.cursor
                }
            } else {
                self.pos_of_offset(self.cursor.block, cursor_off)
            };
            self.top = if top_own {
                Pos {
                    line: 0,
                    ..self.top
                }
            } else {
                self.pos_of_offset(self.top.block, top_off)
            };
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
                let block = self.blocks.get(b);
                let indent = block.map_or(0, |k| k.indent + k.hang).min(self.width / 2);
                let width = self.width - indent;
                let preformatted =
                    block.is_some_and(|k| matches!(k.kind, BlockKind::Code | BlockKind::Table));
                let text = self.block_str(b);
                let mut lines = if preformatted {
                    fold(text, width)
                } else if self.doc.hard_breaks && text.contains('\n') {
                    // The author's line breaks (a poem, a colophon) start new lines.
                    wrap_lines(text, width)
                } else {
                    wrap(text, width)
                };
                if lines.is_empty() {
                    lines.push(0..0);
                }
                lines.into()
            })
            .clone()
    }

    /// Visual lines of block `b`: its text lines, and a blank line unless it is the last block.
    fn line_count(&self, b: usize) -> usize {
        self.wrapped(b).len() + usize::from(b + 1 < self.blocks.len() && !self.tight(b))
    }

    /// Block `b` and the next are items of one list: no blank line between them.
    fn tight(&self, b: usize) -> bool {
        let kind = |i: usize| self.blocks.get(i).map(|k| k.kind);
        kind(b) == Some(BlockKind::ListItem) && kind(b + 1) == Some(BlockKind::ListItem)
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
            let indent = block.indent + if pos.line > 0 { block.hang } else { 0 };
            out.push(VisualLine {
                pos,
                kind: block.kind,
                level: block.level,
                indent: indent.min(self.width / 2),
                text,
            });
            p = self.next(pos);
        }
        out
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
}

#[path = "reader_blocks.rs"]
mod blocks;
use blocks::{blocks_of, fold, wrap_lines};

#[path = "reader_offsets.rs"]
mod offsets;

#[path = "reader_moves.rs"]
mod moves;

#[cfg(test)]
#[path = "reader_tests.rs"]
mod tests;
