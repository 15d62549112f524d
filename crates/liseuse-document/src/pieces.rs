//! Paragraphs too long to be one: wrapping, drawing and resizing work a paragraph at a time, so a
//! paragraph over [`MAX_PARAGRAPH_BYTES`] is cut into pieces, for plain text (`layout`) and the
//! formats with markup (`build`) alike.

use std::ops::Range;

use super::{ParaKind, Paragraph};

/// A paragraph longer than this is shown as several: wrapping, drawing and resizing work a
/// paragraph at a time, so a 20 MB line without a break must not be one paragraph. Real
/// articles' paragraphs are a few kilobytes at most.
pub const MAX_PARAGRAPH_BYTES: usize = 16 * 1024;

/// `r` cut into pieces of at most `max` bytes: at the last break space in the second half of
/// the limit, else at the last grapheme boundary (a letter keeps its accents), else (one
/// grapheme longer than `max`) at a character boundary. Pieces are trimmed.
pub(crate) fn pieces(text: &str, r: Range<usize>, max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = r.start;
    while r.end - start > max {
        let Some(window) = text.get(start..r.end) else {
            break;
        };
        let mut limit = max;
        while !window.is_char_boundary(limit) {
            limit -= 1;
        }
        let head = window.get(..limit).unwrap_or_default();
        let by_space = head
            .char_indices()
            .rev()
            .take_while(|(i, _)| *i >= max / 2)
            .find(|(_, c)| crate::sanitize::is_break_space(*c))
            .map(|(i, _)| i);
        let by_grapheme = || {
            let mut gc = unicode_segmentation::GraphemeCursor::new(limit, window.len(), true);
            match gc.is_boundary(window, 0) {
                Ok(true) => Some(limit),
                _ => gc.prev_boundary(window, 0).ok().flatten(),
            }
            .filter(|&b| b >= max / 2)
        };
        let cut = by_space.or_else(by_grapheme).unwrap_or(limit).max(1);
        let piece = trim(text, start..start + cut);
        if !piece.is_empty() {
            out.push(piece);
        }
        start += cut;
    }
    let rest = trim(text, start..r.end);
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// `r` without the whitespace around it.
pub(crate) fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = text.get(r.clone()).unwrap_or_default();
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    r.start + lead..r.start + lead + t.len()
}

/// A paragraph over the limit as pieces: preformatted text at line ends, prose at spaces.
pub(crate) fn split_long(text: &str, p: Paragraph) -> Vec<Paragraph> {
    if p.range.len() <= MAX_PARAGRAPH_BYTES {
        return vec![p];
    }
    let ranges = if p.kind.is_preformatted() {
        let mut out = Vec::new();
        let mut start = p.range.start;
        while p.range.end - start > MAX_PARAGRAPH_BYTES {
            let window = text.as_bytes().get(start..start + MAX_PARAGRAPH_BYTES);
            let cut = window
                .and_then(|w| memchr::memrchr(b'\n', w))
                .filter(|&i| i > 0)
                .map(|i| start + i);
            match cut {
                Some(c) => {
                    out.push(start..c);
                    start = c + 1;
                }
                None => break,
            }
        }
        out.push(start..p.range.end);
        if out.iter().any(|r| r.len() > MAX_PARAGRAPH_BYTES) {
            // Lines longer than the limit: cut as prose.
            out = pieces(text, p.range.clone(), MAX_PARAGRAPH_BYTES);
        }
        out
    } else {
        pieces(text, p.range.clone(), MAX_PARAGRAPH_BYTES)
    };
    let kind = if p.kind == ParaKind::Heading || p.kind == ParaKind::Title {
        ParaKind::Body
    } else {
        p.kind
    };
    ranges
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|range| Paragraph {
            range,
            kind,
            level: p.level,
        })
        .collect()
}
