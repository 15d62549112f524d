//! The formats articles come in, each turned into the same [`Document`]: plain text, Markdown,
//! saved web pages and EPUB books. Chosen by the file's extension, then by its content (a
//! `.txt` that is really a web page is read as one).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::{DocError, Document};

pub mod epub;
pub mod html;
pub mod markdown;
pub mod plain;

/// The formats liseuse reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (`.txt`): its structure found in its lines.
    Plain,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// A saved web page (`.html`, `.htm`, or anything that starts like one).
    Html,
    /// An EPUB book (a zip holding XHTML chapters).
    Epub,
}

impl Format {
    /// The format a file name's extension names, if any.
    pub fn of_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "epub" => Format::Epub,
            "txt" | "text" => Format::Plain,
            _ => return None,
        })
    }
}

/// The format of a file: by content for a book (its zip signature) and for a web page named
/// `.txt` or with no known extension, else by extension, else plain text.
pub fn detect(name: &str, bytes: &[u8]) -> Format {
    if epub::looks_like_epub(bytes) {
        return Format::Epub;
    }
    match Format::of_name(name) {
        Some(Format::Plain) | None if html::looks_like_html(bytes) => Format::Html,
        Some(f) => f,
        None => Format::Plain,
    }
}

/// Reads `bytes` as `format`.
pub fn read(format: Format, name: &str, bytes: &[u8]) -> Result<Document, DocError> {
    match format {
        Format::Plain => plain::from_bytes(name, bytes),
        Format::Markdown => markdown::from_bytes(name, bytes),
        Format::Html => html::from_bytes(name, bytes),
        Format::Epub => epub::from_bytes(name, bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_then_content() {
        assert_eq!(detect("a.md", b"# Titre"), Format::Markdown);
        assert_eq!(detect("a.MARKDOWN", b"<html>"), Format::Markdown);
        assert_eq!(detect("a.htm", b"texte"), Format::Html);
        assert_eq!(detect("a.txt", b"Titre\ntexte"), Format::Plain);
        assert_eq!(
            detect("a.txt", b"\xef\xbb\xbf  <!DOCTYPE html><p>x"),
            Format::Html
        );
        assert_eq!(
            detect("page", b"<!-- saved -->\n<html lang=fr>"),
            Format::Html
        );
        assert_eq!(
            detect("a.txt", b"Un article sur <html> et ses balises."),
            Format::Plain
        );
    }
}
