//! Plain text: the decoded file is the rendered text, its structure found by `layout`
//! (headline, leading date, closing source line, headings, trailing blurb).

use crate::layout;
use crate::pieces::MAX_PARAGRAPH_BYTES;
use crate::{
    DocError, Document, ParaKind, Section, SourceMap, collapse_spaces, decode, file_stem,
    first_words,
};

/// How long a title made from a first sentence may be, in characters.
pub const TITLE_CHARS: usize = 72;

/// More headings than this in a plain text: they are not a table of contents.
const MAX_SECTIONS: usize = 2000;

/// Reads a plain-text file: decoded (see [`crate::decode`]), then laid out.
pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Document, DocError> {
    let decoded = decode(bytes)?;
    let mut doc = from_text(name, decoded.text);
    if let Some(notice) = decoded.notice {
        doc.notices.insert(0, notice);
    }
    Ok(doc)
}

/// Lays out plain text already decoded: headline, metadata, paragraphs, turns and lists.
pub fn from_text(name: &str, text: String) -> Document {
    let parts = layout::analyse(&text);
    let title_from_name = parts.title.is_none();
    let mut notices = Vec::new();
    if parts.split {
        notices.push(format!(
            "paragraphs longer than {} KB are shown in pieces",
            MAX_PARAGRAPH_BYTES / 1024
        ));
    }
    let title = match &parts.title {
        Some(r) => collapse_spaces(text.get(r.clone()).unwrap_or_default()),
        // A first line that is a sentence: its first words, as a reader would name it.
        None => match parts.paragraphs.first() {
            // Not a sentence but one endless word (a dump, a 20 MB line): the file's name.
            Some(p)
                if text
                    .get(p.range.clone())
                    .unwrap_or_default()
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.len() > TITLE_CHARS) =>
            {
                file_stem(name).to_string()
            }
            Some(p) => first_words(text.get(p.range.clone()).unwrap_or_default(), TITLE_CHARS),
            None => file_stem(name).to_string(),
        },
    };
    let headings = parts
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParaKind::Heading);
    // A file of short lines reads as all headings: no table of contents is made of those.
    let sections = if headings.clone().count() > MAX_SECTIONS {
        Vec::new()
    } else {
        headings
            .map(|p| Section {
                title: collapse_spaces(text.get(p.range.clone()).unwrap_or_default()),
                offset: p.range.start,
                level: 2,
            })
            .collect()
    };
    let meta = parts.date.iter().chain(&parts.source).cloned().collect();
    Document {
        name: name.to_string(),
        meta,
        date: parts.date.and_then(|r| text.get(r)).map(str::to_string),
        source: parts
            .source
            .and_then(|r| text.get(r))
            .map(|s| collapse_spaces(s.trim())),
        paragraphs: parts.paragraphs,
        sections,
        title,
        title_from_name,
        text,
        notices,
        source_map: SourceMap::identity(),
        ..Document::default()
    }
}
