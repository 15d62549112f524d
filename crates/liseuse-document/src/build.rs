//! Building a rendered text block by block, for the formats that have markup (Markdown, web
//! pages, books): each parser walks its own tree and calls these, so blocks, styles, links,
//! sections and the source map are made one way for all of them.
//!
//! Blocks are separated by a blank line (list items of one list by a line break), so the
//! rendered text reads well when piped (`liseuse cat`), and a list item's text starts with its
//! bullet or number. Outside preformatted blocks, whitespace runs become one space, as a
//! browser lays text out.

use super::pieces::{MAX_PARAGRAPH_BYTES, split_long};
use super::{Inline, Link, ParaKind, Paragraph, Section, SourceMap, StyleRun, collapse_spaces};

mod inline;

/// The bullets of nested lists, by depth.
const BULLETS: [&str; 3] = ["•", "◦", "▪"];

#[derive(Debug)]
struct Open {
    kind: ParaKind,
    level: u8,
    /// The text's length before this block's separator: where to cut it back to if the
    /// block turns out empty.
    sep: usize,
    /// Where the block's first character went, once there is one.
    start: Option<usize>,
}

/// What a parser has built: the parts of a [`super::Document`] that come from the text.
#[derive(Debug, Default)]
pub struct Built {
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub styles: Vec<StyleRun>,
    pub links: Vec<Link>,
    pub sections: Vec<Section>,
    pub source_map: SourceMap,
    /// True when a paragraph longer than `MAX_PARAGRAPH_BYTES` was cut into pieces.
    pub split: bool,
}

#[derive(Debug, Default)]
pub struct Builder {
    out: Built,
    block: Option<Open>,
    /// How many styles of each kind are open (emphasis, strong, code, link).
    open_styles: [u32; 4],
    link: Option<(String, Option<usize>)>,
    /// A space seen and not yet written (it is dropped at a block's end), with the styles
    /// open when it was seen.
    pending_space: Option<Inline>,
    /// Headings are not sections (a book's sections are its chapters).
    no_heading_sections: bool,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// The rendered text so far.
    pub fn text(&self) -> &str {
        &self.out.text
    }

    /// Starts a block of `kind` (ending the one open).
    pub fn block(&mut self, kind: ParaKind, level: u8) {
        self.end_block();
        let sep = self.out.text.len();
        if !self.out.text.is_empty() {
            let tight = kind == ParaKind::ListItem
                && self
                    .out
                    .paragraphs
                    .last()
                    .is_some_and(|p| p.kind == ParaKind::ListItem && p.range.end == sep);
            self.out.text.push_str(if tight { "\n" } else { "\n\n" });
        }
        if kind == ParaKind::ListItem {
            for _ in 0..level.min(8) {
                self.out.text.push_str("  ");
            }
        }
        self.block = Some(Open {
            kind,
            level,
            sep,
            start: None,
        });
        self.pending_space = None;
    }

    /// Sections will be added with [`Builder::section_at`] only, not for each heading.
    pub fn chapters_only(&mut self) {
        self.no_heading_sections = true;
    }

    pub fn paragraph_count(&self) -> usize {
        self.out.paragraphs.len()
    }

    /// A section starting at paragraph `i` (if there is one), titled `title`, else by its
    /// first heading, else by its first words.
    pub fn section_at(&mut self, i: usize, title: Option<String>, level: u8) {
        let Some(start) = self.out.paragraphs.get(i).map(|p| p.range.start) else {
            return;
        };
        let text = &self.out.text;
        let title = title.filter(|t| !t.is_empty()).unwrap_or_else(|| {
            let paras = self.out.paragraphs.get(i..).unwrap_or_default();
            let p = paras
                .iter()
                .take(8)
                .find(|p| p.kind == ParaKind::Heading)
                .or(paras.first());
            let s = p.and_then(|p| text.get(p.range.clone())).unwrap_or("");
            super::first_words(s, 60)
        });
        self.out.sections.push(Section {
            title,
            offset: start,
            level,
        });
    }

    /// Starts a list item at `depth` with its marker: a bullet, or the item's number.
    pub fn list_item(&mut self, depth: u8, number: Option<u64>) {
        self.block(ParaKind::ListItem, depth);
        let marker = match number {
            Some(n) => format!("{n}."),
            None => BULLETS
                .get(usize::from(depth) % BULLETS.len())
                .unwrap_or(&"•")
                .to_string(),
        };
        self.raw(&marker, None);
        self.pending_space = Some(Inline::default());
    }

    /// The kind of the block open, if any.
    pub fn open_kind(&self) -> Option<ParaKind> {
        self.block.as_ref().map(|b| b.kind)
    }

    /// The open block's text so far (empty when none is open).
    pub fn open_text(&self) -> &str {
        match self.block.as_ref().and_then(|b| b.start) {
            Some(start) => self.out.text.get(start..).unwrap_or_default(),
            None => "",
        }
    }

    /// Forgets a space seen and not yet written (layout's whitespace between two elements
    /// that the text joins).
    pub fn forget_space(&mut self) {
        self.pending_space = None;
    }

    /// True when the open block has no text yet.
    pub fn open_is_empty(&self) -> bool {
        self.block.as_ref().is_some_and(|b| b.start.is_none())
            || self.open_kind() == Some(ParaKind::ListItem) && self.only_marker()
    }

    fn only_marker(&self) -> bool {
        let Some(start) = self.block.as_ref().and_then(|b| b.start) else {
            return true;
        };
        let s = self.out.text.get(start..).unwrap_or_default();
        !s.trim().contains(' ') && marker_len(s) == s.trim_end().len()
    }

    /// Drops the open block and everything written in it (a heading that repeats the
    /// headline just above it).
    pub fn discard_block(&mut self) {
        let Some(open) = self.block.take() else {
            return;
        };
        self.pending_space = None;
        self.out.text.truncate(open.sep);
        let len = self.out.text.len();
        self.out.styles.retain_mut(|s| {
            s.range.end = s.range.end.min(len);
            s.range.start < s.range.end
        });
        self.out.links.retain(|l| l.range.end <= len);
        self.out.source_map.truncate(len);
    }

    /// Ends the open block: trailing whitespace dropped, an empty block removed.
    pub fn end_block(&mut self) {
        let Some(open) = self.block.take() else {
            return;
        };
        self.pending_space = None;
        let kept = self.out.text.trim_end().len();
        match open.start {
            Some(start) if kept > start => {
                self.out.text.truncate(kept);
                let range = start..kept;
                if open.kind == ParaKind::Heading && !self.no_heading_sections {
                    let title = collapse_spaces(self.out.text.get(range.clone()).unwrap_or(""));
                    self.out.sections.push(Section {
                        title,
                        offset: start,
                        level: open.level,
                    });
                }
                self.out.paragraphs.push(Paragraph {
                    range,
                    kind: open.kind,
                    level: open.level,
                });
            }
            _ => self.out.text.truncate(open.sep),
        }
        let len = self.out.text.len();
        self.out.styles.retain_mut(|s| {
            s.range.end = s.range.end.min(len);
            s.range.start < s.range.end
        });
    }

    /// Inline text, its whitespace collapsed (kept as is in a preformatted block). `source`
    /// is where `s` starts in the source, when known.
    pub fn push(&mut self, s: &str, source: Option<usize>) {
        if self.block.is_none() {
            self.block(ParaKind::Body, 0);
        }
        if self.open_kind().is_some_and(ParaKind::is_preformatted) {
            self.raw(s, source);
            return;
        }
        let mut mapped = source.is_none();
        for (i, c) in s.char_indices() {
            if c.is_whitespace() {
                // No space starts a block, nor a line after a hard line break (the source's
                // indentation after a `<br/>` is no text).
                if self.block.as_ref().is_some_and(|b| b.start.is_some())
                    && !self.out.text.ends_with('\n')
                {
                    let now = self.current();
                    self.pending_space =
                        Some(self.pending_space.map_or(now, |p| Inline(p.0 & now.0)));
                }
                continue;
            }
            self.flush_space();
            if !mapped {
                mapped = true;
                if let Some(src) = source {
                    self.out.source_map.push(self.out.text.len(), src + i);
                }
            }
            self.put(c);
        }
    }

    /// Text kept exactly as given (code, a list's marker, a table).
    pub fn raw(&mut self, s: &str, source: Option<usize>) {
        if self.block.is_none() {
            self.block(ParaKind::Body, 0);
        }
        self.flush_space();
        if let Some(src) = source {
            self.out.source_map.push(self.out.text.len(), src);
        }
        for c in s.chars() {
            if c != '\r' {
                self.put(c);
            }
        }
    }

    /// A hard line break inside a block.
    pub fn line_break(&mut self) {
        if self.block.as_ref().is_some_and(|b| b.start.is_some()) {
            self.pending_space = None;
            self.put('\n');
        }
    }

    fn flush_space(&mut self) {
        if let Some(style) = self.pending_space.take() {
            let style = Inline(style.0 & self.current().0);
            self.put_styled(' ', style);
        }
    }

    fn put(&mut self, c: char) {
        self.put_styled(c, self.current());
    }

    /// The built text, its long paragraphs cut into pieces.
    pub fn finish(mut self) -> Built {
        self.link_end();
        self.end_block();
        let mut out = self.out;
        if out
            .paragraphs
            .iter()
            .any(|p| p.range.len() > MAX_PARAGRAPH_BYTES)
        {
            out.split = true;
            let text = &out.text;
            out.paragraphs = std::mem::take(&mut out.paragraphs)
                .into_iter()
                .flat_map(|p| split_long(text, p))
                .collect();
        }
        out
    }
}

/// The length of a list item's marker at the start of `s` (`• `, `12. `, with its space), or
/// 0: where the item's wrapped lines hang.
pub fn marker_len(s: &str) -> usize {
    let first = s.split(' ').next().unwrap_or("");
    let is_marker = BULLETS.contains(&first)
        || first.strip_suffix('.').is_some_and(|n| {
            !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit())
        });
    if !is_marker {
        return 0;
    }
    (first.len() + 1).min(s.len())
}

#[cfg(test)]
#[path = "build_tests.rs"]
mod tests;
