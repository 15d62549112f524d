//! Extraction of a very long text a piece at a time.
//!
//! The extractor keeps a token, its lower-cased form and a flag for every word of the text it
//! is given: tens of bytes per byte of a 50 MB file, several times the file itself. Fed a piece
//! of about a megabyte at a time, cut between paragraphs, it holds that for one piece only, and
//! the spans found are all that stays. A news article is far shorter than a piece, so what is
//! found in one does not change; in a book-length file, a name is judged within its piece (about
//! 150,000 words of context) rather than across the whole file.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::Span;
use crate::text::bounds::{floor_boundary, last_paragraph_end};
use crate::text::token::Token;

/// How long a piece is, at most (unless a single paragraph is longer than that).
pub const PIECE_BYTES: usize = 1 << 20;

/// The mentions of `text`, found a piece of at most [`PIECE_BYTES`] at a time.
pub fn extract(text: &str) -> Vec<Span> {
    extract_by(text, PIECE_BYTES)
}

pub(super) fn extract_by(text: &str, piece: usize) -> Vec<Span> {
    extract_reporting(text, piece, &mut |_| {})
}

/// [`extract_by`], saying after each piece how many bytes are done (a 50 MB file takes
/// seconds: the status bar shows how far it is).
pub(super) fn extract_reporting(
    text: &str,
    piece: usize,
    done: &mut dyn FnMut(usize),
) -> Vec<Span> {
    if text.len() <= piece {
        return super::spans::find(text);
    }
    let mut spans = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = piece_end(text, start, piece);
        let Some(part) = text.get(start..end) else {
            break;
        };
        spans.extend(super::spans::find(part).into_iter().map(|s| Span {
            start: s.start + start,
            end: s.end + start,
            ..s
        }));
        start = end;
        done(start);
    }
    spans.shrink_to_fit();
    spans
}

/// [`extract`], and the text's tokens (those of its pieces, one after the other: the same as the whole text's
/// but for the flags of a piece's first token, which opens a line either way).
pub fn extract_tokens(text: &str) -> (Vec<Span>, Vec<Token>) {
    if text.len() <= PIECE_BYTES {
        return super::spans::find_tokens(text);
    }
    let (mut spans, mut tokens) = (Vec::new(), Vec::new());
    let mut start = 0;
    while start < text.len() {
        let end = piece_end(text, start, PIECE_BYTES);
        let Some(part) = text.get(start..end) else {
            break;
        };
        let (s, t) = super::spans::find_tokens(part);
        let at = start as u32;
        spans.extend(s.into_iter().map(|s| Span {
            start: s.start + start,
            end: s.end + start,
            ..s
        }));
        tokens.extend(t.into_iter().map(|t| Token {
            start: t.start + at,
            end: t.end + at,
            ..t
        }));
        start = end;
    }
    (spans, tokens)
}

/// Where the piece starting at `start` ends: after the last blank line within `piece` bytes,
/// else after the last line break, else at the last character boundary.
fn piece_end(text: &str, start: usize, piece: usize) -> usize {
    let limit = start.saturating_add(piece);
    if limit >= text.len() {
        return text.len();
    }
    let window = text.as_bytes().get(start..limit).unwrap_or_default();
    // A paragraph longer than a piece (a whole book on one line) is cut after a sentence, else
    // between words: cut inside a word, « Emmanuel Macron » became a name « Emmanuel Macr » and
    // a word « on » at the next piece's start.
    let cut = last_paragraph_end(window)
        .or_else(|| last_sentence_end(window))
        .or_else(|| memchr::memrchr3(b' ', b'\t', b'\r', window).map(|i| i + 1))
        .filter(|&i| i > 0)
        .map_or_else(|| floor_boundary(text, limit), |i| start + i);
    // A piece always moves on, whatever the text.
    if cut <= start { text.len() } else { cut }
}

/// Where the last sentence in `bytes` ends (after « . », « ! » or « ? » and the space after it).
fn last_sentence_end(bytes: &[u8]) -> Option<usize> {
    [&b". "[..], b"! ", b"? "]
        .iter()
        .filter_map(|end| memchr::memmem::rfind(bytes, end).map(|i| i + 2))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARA: &str = "Emmanuel Macron a reçu Angela Merkel à Paris le 3 mars 2021. \
                        La Banque de France a publié ses chiffres.\n\n";

    #[test]
    fn a_paragraph_longer_than_a_piece_is_cut_between_sentences_never_in_a_word() {
        let sentence = "Emmanuel Macron a déclaré que la France gagnera. ";
        let text = sentence.repeat(60);
        // Pieces that never fall on a sentence's end by chance.
        let piece = sentence.len() * 7 + 13;
        let spans = extract_by(&text, piece);
        let names: std::collections::BTreeSet<&str> = spans
            .iter()
            .filter_map(|s| text.get(s.start..s.end))
            .collect();
        assert!(names.contains("Emmanuel Macron"), "{names:?}");
        assert!(
            names.iter().all(|n| sentence.contains(n)),
            "a name cut: {names:?}"
        );
        let mut start = 0;
        while start < text.len() {
            let end = piece_end(&text, start, piece);
            assert!(text[..end].ends_with(". ") || end == text.len(), "{end}");
            start = end;
        }
        // No sentence end: between words.
        let words = "Emmanuel Macron ".repeat(50);
        let end = piece_end(&words, 0, 100);
        assert!(words[..end].ends_with(' '), "{end}");
    }

    #[test]
    fn pieces_find_what_the_whole_text_finds_in_each_paragraph() {
        let one = super::super::spans::find(PARA);
        assert!(one.len() >= 3, "{one:?}");
        let text = PARA.repeat(40);
        // Pieces of a few paragraphs each, cut between paragraphs.
        let spans = extract_by(&text, PARA.len() * 3 + 10);
        let expected: Vec<Span> = (0..40)
            .flat_map(|k| {
                one.iter().map(move |s| Span {
                    start: s.start + k * PARA.len(),
                    end: s.end + k * PARA.len(),
                    ..*s
                })
            })
            .collect();
        // the same mentions; a confidence may differ, read over another stretch of text
        let key = |v: &[Span]| {
            v.iter()
                .map(|s| (s.start, s.end, s.label))
                .collect::<Vec<_>>()
        };
        assert_eq!(key(&spans), key(&expected));
    }

    #[test]
    fn a_text_with_no_line_break_is_cut_on_character_boundaries() {
        let text = "é".repeat(1000);
        let mut start = 0;
        while start < text.len() {
            let end = piece_end(&text, start, 101);
            assert!(end > start && text.is_char_boundary(end));
            assert!(end - start <= 101);
            start = end;
        }
        assert!(extract_by(&text, 101).is_empty());
    }

    #[test]
    fn a_short_text_is_one_piece() {
        assert_eq!(extract(PARA), super::super::spans::find(PARA));
    }
}
