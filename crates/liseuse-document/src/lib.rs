#![doc = include_str!("../README.md")]
//!
//! ## The document
//!
//! An article as liseuse reads it, whatever its format: rendered text, its blocks, inline
//! styles, links, sections, metadata, and a map back to the source.
//!
//! Everything here is a byte range into [`Document::text`], the rendered text (for plain text,
//! the whole decoded file; for Markdown, a web page or a book, the text a reader mode shows,
//! exactly what `liseuse cat` prints). Entity mentions, search matches and bookmarks are byte
//! offsets into that same text, so they map onto what is drawn without any translation, and
//! nothing downstream knows which format the file was.
#![warn(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used)]
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::borrow::Cow;
use std::ops::Range;

mod build;
mod check;
pub(crate) mod decode;
pub mod format;
mod layout;
mod pieces;
pub mod plural;
pub mod sanitize;
pub mod search;
mod sourcemap;
mod table;
mod turns;
pub mod wrap;

pub use build::marker_len;
pub use decode::{Decoded, decode};
pub use format::{Format, detect};
pub use sourcemap::SourceMap;

/// Why a file cannot be shown as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocError {
    /// The bytes look like a program, an image or an archive, not text.
    Binary,
    /// A file of a known format that cannot be read: the reason, in plain words.
    Unreadable(String),
}

impl std::fmt::Display for DocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocError::Binary => write!(f, "binary file, not an article"),
            DocError::Unreadable(why) => write!(f, "{why}"),
        }
    }
}

/// What a paragraph (a block) is, which decides how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaKind {
    /// The headline, drawn bold.
    Title,
    /// The article itself.
    Body,
    /// A section heading (its level in [`Paragraph::level`], 1 to 6).
    Heading,
    /// A short trailing blurb that is not the article (author bio, credits): drawn dimmed.
    Blurb,
    /// A block quote (its depth in `level`, from 1).
    Quote,
    /// A list item; its text starts with its bullet or number (`• `, `3. `), its nesting
    /// depth in `level` (from 0).
    ListItem,
    /// Preformatted text, kept verbatim: never re-flowed, no entities looked for in it.
    Code,
    /// A table drawn as aligned text rows: kept as laid out, like code.
    Table,
    /// A thematic break (`* * *`).
    Separator,
}

impl ParaKind {
    /// Laid out line by line as in the file: never re-flowed.
    pub fn is_preformatted(self) -> bool {
        matches!(self, ParaKind::Code | ParaKind::Table)
    }
}

/// A block of the rendered text: its range, what it is and its level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Its bytes in [`Document::text`].
    pub range: Range<usize>,
    /// What it is, which decides how it is drawn.
    pub kind: ParaKind,
    /// Heading level, quote depth or list depth (see [`ParaKind`]); 0 otherwise.
    pub level: u8,
}

impl Paragraph {
    /// A block of `kind` over `range`, at level 0.
    pub fn new(range: Range<usize>, kind: ParaKind) -> Paragraph {
        Paragraph {
            range,
            kind,
            level: 0,
        }
    }
}

/// Inline styles of a run of text, as bits: a run can be strong and a link at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Inline(pub u8);

impl Inline {
    /// Emphasis (italics).
    pub const EMPHASIS: Inline = Inline(1);
    /// Strong (bold).
    pub const STRONG: Inline = Inline(2);
    /// Inline code.
    pub const CODE: Inline = Inline(4);
    /// A link's text.
    pub const LINK: Inline = Inline(8);

    /// Whether every bit of `other` is set (never for the empty style).
    pub fn has(self, other: Inline) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }
}

/// A run of styled text. Runs are sorted and never overlap (overlapping styles are one run with
/// both bits), so the runs on a line are found by binary search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyleRun {
    /// Its bytes in [`Document::text`].
    pub range: Range<usize>,
    /// Its styles.
    pub style: Inline,
}

/// A link: its text in the rendered text and where it points. Sorted, never overlapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Its text's bytes in [`Document::text`].
    pub range: Range<usize>,
    /// Where it points, as written in the file.
    pub url: String,
}

/// A heading or a book's chapter, for a table of contents: its title (one line, safe to show)
/// and where it starts in the rendered text. Sorted by offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Its title.
    pub title: String,
    /// Where it starts in [`Document::text`].
    pub offset: usize,
    /// 0 for a book's chapter, else the heading's level (1 to 6).
    pub level: u8,
}

/// An article, whatever its format: its rendered text and all that is known of it, every position a byte offset into that text.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// File name without folders.
    pub name: String,
    /// The rendered text: what is drawn, searched, bookmarked and printed by `liseuse cat`.
    pub text: String,
    /// One line, safe to show.
    pub title: String,
    /// True when nothing read as a headline: the title is the text's first words (or the
    /// file name when there are none).
    pub title_from_name: bool,
    /// From a leading `date 2023-12`, front matter, or a page's publication date.
    pub date: Option<String>,
    /// From a closing `Source: …` line, or the site or publisher's name.
    pub source: Option<String>,
    /// Where the text holds its metadata (the value of a leading `date 2023-12`, of a closing `Source: …`),
    /// sorted: the article's date and source, no words of it (the entity engine finds no mention there).
    pub meta: Vec<Range<usize>>,
    /// From front matter or a page's metadata.
    pub author: Option<String>,
    /// The blocks, in text order, never overlapping.
    pub paragraphs: Vec<Paragraph>,
    /// The inline styles, sorted, never overlapping.
    pub styles: Vec<StyleRun>,
    /// The links, sorted, never overlapping.
    pub links: Vec<Link>,
    /// The headings or a book's chapters, sorted by offset.
    pub sections: Vec<Section>,
    /// Rendered offsets to offsets in the source (see [`SourceMap`]).
    pub source_map: SourceMap,
    /// Things the reader should know about how the file was read (encoding, truncation).
    pub notices: Vec<String>,
    /// Only the beginning of a long file (or a book's first chapter), shown while the rest is
    /// read (see `library::preview`): the whole file's length in bytes.
    pub preview: Option<u64>,
    /// A line break inside a paragraph is the author's (a web page's or a book's `<br/>`, a
    /// Markdown hard break): the reader starts a new line there. In plain text it is where
    /// the file's lines were cut, and the paragraph is re-flowed.
    pub hard_breaks: bool,
}

impl Document {
    /// Builds a document from a file's bytes, in the format its name and content say (see
    /// [`detect`]). `name` is the file name.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Document, DocError> {
        format::read(format::detect(name, bytes), name, bytes)
    }

    /// Builds a document from plain text already decoded.
    pub fn from_text(name: &str, text: String) -> Document {
        format::plain::from_text(name, text)
    }

    /// The index of the paragraph holding byte `offset` (or the nearest one after it).
    pub fn paragraph_at(&self, offset: usize) -> usize {
        let i = self.paragraphs.partition_point(|p| p.range.end <= offset);
        i.min(self.paragraphs.len().saturating_sub(1))
    }

    /// The text of paragraph `i` (empty past the last).
    pub fn paragraph_text(&self, i: usize) -> &str {
        self.paragraphs
            .get(i)
            .and_then(|p| self.text.get(p.range.clone()))
            .unwrap_or("")
    }

    /// The style runs that overlap `range` (binary search: costs what is asked for).
    pub fn styles_in(&self, range: &Range<usize>) -> &[StyleRun] {
        overlapping(&self.styles, range, |s| &s.range)
    }

    /// The links whose text overlaps `range`.
    pub fn links_in(&self, range: &Range<usize>) -> &[Link] {
        overlapping(&self.links, range, |l| &l.range)
    }

    /// The section (heading or chapter) that `offset` is in, if any starts at or before it.
    pub fn section_at(&self, offset: usize) -> Option<usize> {
        self.sections
            .partition_point(|s| s.offset <= offset)
            .checked_sub(1)
    }

    /// Where rendered byte `offset` came from in the source (see [`SourceMap`]).
    pub fn source_offset(&self, offset: usize) -> usize {
        self.source_map.source_offset(offset)
    }

    /// The text entities are looked for in: the rendered text with code (blocks and inline)
    /// blanked to spaces, byte for byte, so that every offset is the rendered text's.
    pub fn entity_text(&self) -> Cow<'_, str> {
        let code = self
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParaKind::Code)
            .map(|p| &p.range)
            .chain(
                self.styles
                    .iter()
                    .filter(|s| s.style.has(Inline::CODE))
                    .map(|s| &s.range),
            );
        let mut bytes: Option<Vec<u8>> = None;
        for r in code {
            let b = bytes.get_or_insert_with(|| self.text.as_bytes().to_vec());
            if let Some(slice) = b.get_mut(r.clone()) {
                slice.fill(b' ');
            }
        }
        match bytes {
            None => Cow::Borrowed(&self.text),
            // Whole characters were replaced by ASCII: still UTF-8.
            Some(b) => Cow::Owned(String::from_utf8(b).unwrap_or_default()),
        }
    }
}

/// The items of `sorted` (sorted by start, non-overlapping) that overlap `r`.
fn overlapping<'a, T>(
    sorted: &'a [T],
    r: &Range<usize>,
    range_of: impl Fn(&T) -> &Range<usize>,
) -> &'a [T] {
    let first = sorted.partition_point(|x| range_of(x).end <= r.start);
    let rest = sorted.get(first..).unwrap_or_default();
    let n = rest.partition_point(|x| range_of(x).start < r.end);
    rest.get(..n).unwrap_or_default()
}

pub(crate) fn file_stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => base,
    }
}

/// One line for lists and status bars: whitespace runs become one space, controls made safe.
pub fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&crate::sanitize::display(word));
    }
    out
}

/// A title made of the first words of `s`: at most `max` characters, cut at a word boundary
/// with `…` when `s` is longer. One line, safe to show.
pub fn first_words(s: &str, max: usize) -> String {
    let line = collapse_spaces(s);
    if line.chars().count() <= max {
        return line;
    }
    let mut out = String::new();
    for word in line.split(' ') {
        let n = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if n + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // One word longer than the whole title: cut inside it.
        out = line.chars().take(max.saturating_sub(1)).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', ' ']).to_string();
    out + "…"
}

#[cfg(test)]
mod tests;
