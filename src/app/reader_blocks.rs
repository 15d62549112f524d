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
