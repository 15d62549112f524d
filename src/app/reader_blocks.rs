//! A document's paragraphs as the reader's blocks (kind, level, indent, a list item's hang),
//! and preformatted text folded into lines.

use super::{Block, BlockKind, BlockText};
use liseuse_document::{Document, ParaKind, marker_len};
use std::ops::Range;

pub(super) fn blocks_of(doc: &Document) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(doc.paragraphs.len() + 3);
    let mut paras = doc.paragraphs.iter().peekable();
    match paras.peek() {
        Some(p) if p.kind == ParaKind::Title => {
            blocks.push(Block {
                kind: BlockKind::Title,
                text: BlockText::Doc(p.range.clone()),
                level: 1,
                indent: 0,
                hang: 0,
            });
            paras.next();
        }
        _ => blocks.push(Block::own(BlockKind::Title, doc.title.clone())),
    }
    let mut meta = Vec::new();
    if let Some(d) = &doc.date {
        meta.push(d.clone());
    }
    if let Some(a) = &doc.author {
        meta.push(a.clone());
    }
    if let Some(s) = &doc.source {
        meta.push(format!("source: {s}"));
    }
    meta.push(doc.name.clone());
    blocks.push(Block::own(BlockKind::Meta, meta.join(" · ")));
    for n in &doc.notices {
        blocks.push(Block::own(BlockKind::Notice, format!("⚠ {n}")));
    }
    for p in paras {
        let kind = match p.kind {
            ParaKind::Title => BlockKind::Title,
            ParaKind::Body => BlockKind::Body,
            ParaKind::Heading => BlockKind::Heading,
            ParaKind::Blurb => BlockKind::Blurb,
            ParaKind::Quote => BlockKind::Quote,
            ParaKind::ListItem => BlockKind::ListItem,
            ParaKind::Code => BlockKind::Code,
            ParaKind::Table => BlockKind::Table,
            ParaKind::Separator => BlockKind::Separator,
        };
        let (indent, hang) = match kind {
            BlockKind::Quote => (2 * usize::from(p.level.clamp(1, 4)), 0),
            BlockKind::ListItem => {
                let text = doc.text.get(p.range.clone()).unwrap_or("");
                (
                    2 * usize::from(p.level.min(6)),
                    liseuse_document::sanitize::width(text.get(..marker_len(text)).unwrap_or("")),
                )
            }
            BlockKind::Code | BlockKind::Table => (2, 0),
            _ => (0, 0),
        };
        blocks.push(Block {
            kind,
            text: BlockText::Doc(p.range.clone()),
            level: p.level,
            indent,
            hang,
        });
    }
    blocks
}

impl super::Reader {
    /// `&pattern`: only the paragraphs holding one of `matches` (sorted article ranges) are
    /// shown, after the title and metadata; `None` shows every one again. Positions stay
    /// article offsets, so the cursor stays on its paragraph, or the nearest one shown.
    pub fn set_filter(&mut self, filter: Option<String>, matches: &[Range<usize>]) {
        let at = self.offset_of(self.cursor);
        let all = blocks_of(&self.doc);
        let holds = |r: &Range<usize>| {
            let i = matches.partition_point(|m| m.start < r.start);
            matches.get(i).is_some_and(|m| m.start < r.end)
        };
        self.blocks = match filter {
            None => all,
            Some(_) => all
                .into_iter()
                .filter(|b| match &b.text {
                    BlockText::Own(_) => true,
                    BlockText::Doc(r) => b.kind == BlockKind::Title || holds(r),
                })
                .collect(),
        };
        self.filter = filter;
        // Block numbers changed: what was wrapped and where the view was go.
        *self.cache.borrow_mut() = super::WrapCache::default();
        self.selection = None;
        self.top = super::Pos::default();
        self.cursor = self.pos_of_offset(0, at);
        self.keep_cursor_visible();
    }

    /// The article's paragraphs shown, and all of them (the same without a filter).
    pub fn filtered_count(&self) -> (usize, usize) {
        let doc = |b: &&Block| matches!(b.text, BlockText::Doc(_)) && b.kind != BlockKind::Title;
        let shown = self.blocks.iter().filter(doc).count();
        let all = self
            .doc
            .paragraphs
            .iter()
            .filter(|p| p.kind != ParaKind::Title)
            .count();
        (shown, all)
    }
}

/// A paragraph whose line breaks are the author's (a poem, a colophon): each of its lines
/// wrapped on its own. Byte ranges of `s`.
pub(super) fn wrap_lines(s: &str, width: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for part in s.split('\n') {
        out.extend(
            liseuse_document::wrap::wrap(part, width)
                .into_iter()
                .map(|r| r.start + at..r.end + at),
        );
        at += part.len() + 1;
    }
    out
}

/// Preformatted text as lines: each of its own lines, cut at `width` columns when longer
/// (whitespace kept, nothing re-flowed). Byte ranges of `s`.
pub(super) fn fold(s: &str, width: usize) -> Vec<Range<usize>> {
    use unicode_segmentation::UnicodeSegmentation;
    let width = width.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    for line in s.split('\n') {
        let mut from = start;
        let mut cols = 0;
        for (i, g) in line.grapheme_indices(true) {
            let w = liseuse_document::sanitize::width(g);
            if cols + w > width && cols > 0 {
                out.push(from..start + i);
                from = start + i;
                cols = 0;
            }
            cols += w;
        }
        out.push(from..start + line.len());
        start += line.len() + 1;
    }
    out
}
