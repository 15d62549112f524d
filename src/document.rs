//! An article: its decoded text, title, metadata and paragraphs.
//!
//! Everything here is a byte range into [`Document::text`], the whole decoded file, so that
//! entity mentions, search matches and bookmarks (all byte offsets into that same text) map onto
//! what is drawn without any translation.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::ops::Range;

mod decode;
mod layout;

pub use decode::{Decoded, decode};

/// Why a file cannot be shown as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocError {
    /// The bytes look like a program, an image or an archive, not text.
    Binary,
}

impl std::fmt::Display for DocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocError::Binary => write!(f, "binary file, not an article"),
        }
    }
}

/// The largest character boundary `<= i` (with `i` clamped to `s.len()`).
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary `>= i` (with `i` clamped to `s.len()`).
pub fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Where the last whole paragraph of `bytes` ends (after its blank line), else the last whole
/// line; `None` when there is no line break at all. Where to cut a text that must not end in
/// the middle of a paragraph.
pub fn last_paragraph_end(bytes: &[u8]) -> Option<usize> {
    memchr::memmem::rfind(bytes, b"\n\n")
        .map(|i| i + 2)
        .or_else(|| memchr::memrchr(b'\n', bytes).map(|i| i + 1))
}

/// What a paragraph is, which decides how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaKind {
    /// The headline (first line), drawn bold.
    Title,
    /// The article itself.
    Body,
    /// A section heading inside the article: a short line without closing punctuation.
    Heading,
    /// A short trailing blurb that is not the article (author bio, credits): drawn dimmed.
    Blurb,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub range: Range<usize>,
    pub kind: ParaKind,
}

#[derive(Debug, Clone)]
pub struct Document {
    /// File name without folders, used when there is no headline.
    pub name: String,
    /// The whole decoded file.
    pub text: String,
    pub title: String,
    /// True when no line read as a headline and the title is the file name.
    pub title_from_name: bool,
    /// From a leading `date 2023-12`.
    pub date: Option<String>,
    /// From a closing `Source: …` line.
    pub source: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    /// Things the reader should know about how the file was read (encoding, truncation).
    pub notices: Vec<String>,
    /// Only the beginning of a long file, shown while the rest is read (see `library::preview`):
    /// the whole file's length in bytes.
    pub preview: Option<u64>,
}

impl Document {
    /// Builds a document from a file's bytes. `name` is the file name shown when no headline.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Document, DocError> {
        let decoded = decode(bytes)?;
        let mut doc = Document::from_text(name, decoded.text);
        if let Some(notice) = decoded.notice {
            doc.notices.push(notice);
        }
        Ok(doc)
    }

    /// Builds a document from text already decoded.
    pub fn from_text(name: &str, text: String) -> Document {
        let parts = layout::analyse(&text);
        let title_from_name = parts.title.is_none();
        let mut notices = Vec::new();
        if parts.split {
            notices.push(format!(
                "paragraphs longer than {} KB are shown in pieces",
                layout::MAX_PARAGRAPH_BYTES / 1024
            ));
        }
        let title = match &parts.title {
            Some(r) => collapse_spaces(text.get(r.clone()).unwrap_or_default()),
            None => file_stem(name).to_string(),
        };
        Document {
            name: name.to_string(),
            date: parts.date.and_then(|r| text.get(r)).map(str::to_string),
            source: parts
                .source
                .and_then(|r| text.get(r))
                .map(|s| s.trim().to_string()),
            paragraphs: parts.paragraphs,
            title,
            title_from_name,
            text,
            notices,
            preview: None,
        }
    }

    /// The index of the paragraph holding byte `offset` (or the nearest one after it).
    pub fn paragraph_at(&self, offset: usize) -> usize {
        let i = self.paragraphs.partition_point(|p| p.range.end <= offset);
        i.min(self.paragraphs.len().saturating_sub(1))
    }

    pub fn paragraph_text(&self, i: usize) -> &str {
        self.paragraphs
            .get(i)
            .and_then(|p| self.text.get(p.range.clone()))
            .unwrap_or("")
    }
}

fn file_stem(name: &str) -> &str {
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

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_000: &str = include_str!("../seeds/000_aae40d40de2e278c.txt");
    const SEED_002: &str = include_str!("../seeds/002_b42a582add091519.txt");

    #[test]
    fn seed_000_has_headline_and_dimmed_blurb() {
        let d = Document::from_text("000_aae40d40de2e278c.txt", SEED_000.to_string());
        assert!(
            d.title
                .starts_with("Qaani au commandant des « Brigades Al-Qassam »")
        );
        assert!(!d.title_from_name);
        assert_eq!(d.paragraphs[0].kind, ParaKind::Title);
        let last = d.paragraphs.last().unwrap();
        assert_eq!(last.kind, ParaKind::Blurb);
        assert!(d.text[last.range.clone()].contains("pop culture scholar"));
        assert!(
            d.paragraphs[1..d.paragraphs.len() - 1]
                .iter()
                .all(|p| p.kind != ParaKind::Title)
        );
    }

    #[test]
    fn seed_002_date_and_source_are_metadata() {
        let d = Document::from_text("002_b42a582add091519.txt", SEED_002.to_string());
        assert_eq!(d.date.as_deref(), Some("2023-12"));
        assert_eq!(d.source.as_deref(), Some("Médias"));
        // The first line is a sentence, not a headline.
        assert!(d.title_from_name);
        assert_eq!(d.title, "002_b42a582add091519");
        let first = d.paragraph_text(0);
        assert!(first.starts_with("Le président iranien"), "{first:?}");
        assert!(
            !d.paragraphs
                .iter()
                .any(|p| d.text[p.range.clone()].contains("Source:"))
        );
        assert_eq!(d.paragraphs.len(), 11);
        let heading = d
            .paragraphs
            .iter()
            .position(|p| p.kind == ParaKind::Heading);
        assert_eq!(heading, Some(4));
        assert!(d.paragraph_text(4).starts_with("La résistance n’a utilisé"));
    }

    #[test]
    fn windows_1252_is_decoded_with_notice() {
        let d = Document::from_bytes("a.txt", b"Titre\nUn caf\xe9 \x93chaud\x94.\n").unwrap();
        assert!(d.text.contains("café “chaud”"));
        assert_eq!(d.notices.len(), 1);
        assert!(d.notices[0].contains("Windows-1252"));
    }

    #[test]
    fn binary_is_refused() {
        let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
        bytes.extend(std::iter::repeat_n(0u8, 200));
        assert_eq!(
            Document::from_bytes("a.out", &bytes).unwrap_err(),
            DocError::Binary
        );
    }

    #[test]
    fn paragraph_at_finds_the_paragraph() {
        let d = Document::from_text("x.txt", "Titre\nun\ndeux\n".to_string());
        assert_eq!(d.paragraph_at(0), 0);
        assert_eq!(d.paragraph_at(7), 1);
        assert_eq!(d.paragraph_at(10), 2);
        assert_eq!(d.paragraph_at(999), 2);
    }
}
