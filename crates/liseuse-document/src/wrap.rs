//! Word wrapping by display width, keeping byte ranges.
//!
//! A wrapped line is a byte range of the paragraph, so highlights, search matches and bookmarks
//! (byte offsets into the article) land on the right cells. Line breaking itself is textwrap's
//! first-fit algorithm over fragments we cut ourselves, because French typography decides where a
//! break may *not* fall: `»`, `:`, `;`, `!`, `?`, `,`, `.` never start a line, `«` never ends
//! one, and a number keeps the word after it (« 7 octobre », « 14 % »), as a no-break space
//! would.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::sanitize::{self, is_break_space};
use std::ops::Range;
use textwrap::core::Fragment;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy)]
struct Frag {
    start: usize,
    end: usize,
    width: usize,
    /// 1 when whitespace follows (it is dropped at a line end), else 0.
    space: usize,
}

impl Fragment for Frag {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Punctuation that must stay on the line of the word before it.
fn glues_to_previous(word: &str) -> bool {
    word.starts_with(['»', ':', ';', '!', '?', '”', '›', ',', '.', '…', '%', '‰'])
}

/// What must stay on the line of the word after it: an opening quote, or a number (its unit
/// or month follows: « 15 novembre », « 3 000 euros »).
fn glues_to_next(word: &str) -> bool {
    word.ends_with(['«', '“', '‹']) || is_number(word)
}

/// Digits, with the separators numbers are written with (`14,5`, `1.000`, `3'000`).
fn is_number(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '\'' | '’'))
        && word.len() <= 12
}

/// Breaks `s` into lines no wider than `width` cells. Returns byte ranges of `s`, without the
/// whitespace at the break. A word is split only when it alone is wider than the line.
pub fn wrap(s: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let frags = fragments(s, width);
    if frags.is_empty() {
        return Vec::new();
    }
    let lines = textwrap::wrap_algorithms::wrap_first_fit(&frags, &[width as f64]);
    lines
        .iter()
        .filter_map(|line| Some(line.first()?.start..line.last()?.end))
        .collect()
}

fn fragments(s: &str, width: usize) -> Vec<Frag> {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if is_break_space(c) {
            if let Some(st) = start.take() {
                words.push((st, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        words.push((st, s.len()));
    }

    let mut glued: Vec<(usize, usize)> = Vec::with_capacity(words.len());
    for (ws, we) in words {
        let word = s.get(ws..we).unwrap_or_default();
        match glued.last_mut() {
            Some(prev)
                if glues_to_previous(word)
                    || glues_to_next(s.get(prev.0..prev.1).unwrap_or_default()) =>
            {
                prev.1 = we;
            }
            _ => glued.push((ws, we)),
        }
    }

    let mut frags = Vec::with_capacity(glued.len());
    for (gs, ge) in glued {
        // The whole run of whitespace after the fragment is drawn when no break falls there:
        // two spaces after a full stop are two cells, an ideographic space two. (Counting one
        // cell for any run let lines overflow the pane and lose their last letters.)
        let run_end = s
            .get(ge..)
            .unwrap_or_default()
            .char_indices()
            .find(|(_, c)| !is_break_space(*c))
            .map_or(s.len(), |(i, _)| ge + i);
        let space = sanitize::width(s.get(ge..run_end).unwrap_or_default());
        let w = sanitize::width(s.get(gs..ge).unwrap_or_default());
        if w <= width {
            frags.push(Frag {
                start: gs,
                end: ge,
                width: w,
                space,
            });
        } else {
            split_long(s, gs, ge, width, space, &mut frags);
        }
    }
    frags
}

/// Cuts a word wider than the line at grapheme boundaries, filling each piece.
fn split_long(s: &str, start: usize, end: usize, width: usize, space: usize, out: &mut Vec<Frag>) {
    let mut piece_start = start;
    let mut piece_width = 0;
    for (off, g) in s.get(start..end).unwrap_or_default().grapheme_indices(true) {
        let gw = sanitize::width(g);
        let at = start + off;
        if piece_width + gw > width && at > piece_start {
            out.push(Frag {
                start: piece_start,
                end: at,
                width: piece_width,
                space: 0,
            });
            piece_start = at;
            piece_width = 0;
        }
        piece_width += gw;
    }
    out.push(Frag {
        start: piece_start,
        end,
        width: piece_width,
        space,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lines(s: &str, w: usize) -> Vec<&str> {
        wrap(s, w).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            lines("le chat est sur le tapis", 10),
            ["le chat", "est sur le", "tapis"]
        );
    }

    #[test]
    fn french_punctuation_never_starts_a_line() {
        let s = "il a dit : « oui » ; puis ?";
        // Below 10 columns "« oui » ;" cannot fit, and only then may a rule give way.
        for w in 10..=s.len() {
            for l in lines(s, w) {
                assert!(
                    !l.starts_with(['»', ':', ';', '?', '!']),
                    "width {w}: {l:?}"
                );
                assert!(!l.ends_with('«'), "width {w}: {l:?}");
            }
        }
    }

    /// Issue 15 item 11: nor `,` or `.` (a text with a space before them, as WiNER's), and a
    /// number keeps the word after it.
    #[test]
    fn commas_stops_and_numbers_keep_their_neighbours() {
        let s = "Grasse ( Alpes-Maritimes , France ) . Le 7 octobre , 14 % des voix , le 15 novembre 2023 .";
        // From the width of the longest glued piece (« Alpes-Maritimes , »): below it a rule
        // must give way.
        for w in 18..=s.len() {
            let ls = lines(s, w);
            for l in &ls {
                assert!(!l.starts_with([',', '.', '%']), "width {w}: {l:?}");
                assert!(
                    !l.ends_with(" 7") && !l.ends_with(" 14") && !l.ends_with(" 15"),
                    "width {w}: {l:?}"
                );
            }
        }
        assert_eq!(lines("le 7 octobre", 9), ["le", "7 octobre"]);
    }

    #[test]
    fn no_break_spaces_do_not_break() {
        assert_eq!(lines("aa\u{a0}bb cc", 5), ["aa\u{a0}bb", "cc"]);
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(lines("日本語 日本語", 7), ["日本語", "日本語"]);
        assert_eq!(lines("日本語 日本語", 13), ["日本語 日本語"]);
    }

    #[test]
    fn combining_marks_take_no_width() {
        let s = "e\u{301}e\u{301}e\u{301} x";
        assert_eq!(lines(s, 5), [s]);
    }

    #[test]
    fn overlong_word_is_split_only_when_needed() {
        assert_eq!(lines("abcdefghij k", 4), ["abcd", "efgh", "ij k"]);
    }

    #[test]
    fn runs_of_spaces_count_their_width() {
        assert_eq!(lines("aa  bb", 5), ["aa", "bb"]);
        assert_eq!(lines("a\u{3000}b", 3), ["a", "b"]);
        assert_eq!(lines("\u{f}\n\n\u{f7}", 3), ["\u{f}", "\u{f7}"]);
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(wrap("", 10).is_empty());
        assert!(wrap("   ", 10).is_empty());
    }

    proptest! {
        #[test]
        fn wrapping_loses_reorders_and_overflows_nothing(
            s in "\\PC{0,200}|[a-zé日👩 \t\n\r\u{3000}\u{a0}\u{f}\u{1b}\u{200d}\u{301}«»:;]{0,200}",
            w in 1usize..=300,
        ) {
            let ranges = wrap(&s, w);
            let mut prev_end = 0;
            let mut kept = String::new();
            for r in &ranges {
                prop_assert!(r.start >= prev_end);
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                let line = &s[r.clone()];
                // Only a single grapheme wider than the line may overflow it.
                if line.graphemes(true).count() > 1 {
                    prop_assert!(sanitize::width(line) <= w, "{:?} wider than {}", line, w);
                }
                kept.push_str(line);
                prev_end = r.end;
            }
            let strip = |t: &str| t.chars().filter(|c| !is_break_space(*c)).collect::<String>();
            prop_assert_eq!(strip(&kept), strip(&s));
        }
    }
}
