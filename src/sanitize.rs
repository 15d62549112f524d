//! What a file's characters look like on screen.
//!
//! Article text comes from anywhere; a control character or an escape sequence written to the
//! terminal could move the cursor, change the window title or write to the clipboard. Every
//! character drawn from a file goes through [`display`], which turns anything the terminal would
//! interpret into a visible placeholder, and turns layout whitespace into plain spaces. Wrapping
//! measures the same transformed text, so widths and drawing always agree.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::borrow::Cow;

/// Bidirectional controls can make text read differently from how it is stored ("Trojan
/// Source"); they are shown by name, as compilers do.
fn bidi_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{061C}' => "‹ALM›",
        '\u{200E}' => "‹LRM›",
        '\u{200F}' => "‹RLM›",
        '\u{202A}' => "‹LRE›",
        '\u{202B}' => "‹RLE›",
        '\u{202C}' => "‹PDF›",
        '\u{202D}' => "‹LRO›",
        '\u{202E}' => "‹RLO›",
        '\u{2066}' => "‹LRI›",
        '\u{2067}' => "‹RLI›",
        '\u{2068}' => "‹FSI›",
        '\u{2069}' => "‹PDI›",
        _ => return None,
    })
}

/// True for whitespace where a line may break. No-break spaces (French typography puts them
/// before `:` and inside `« »`) are not break points.
pub fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}')
}

/// Whitespace that lays text out (tabs, line ends) rather than drawing a space of its own.
fn is_layout_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Characters that join emoji into one glyph: the zero-width joiner, variation selectors, skin
/// tones and tag characters. Terminals disagree on how wide the joined glyph is (ratatui counts
/// 👩‍👩‍👧‍👦 as 2 cells, a terminal that measures character by character draws 8), and a
/// disagreement shifts everything after it on the row, borders included. Without them each
/// emoji stands alone, and every terminal agrees on its width.
fn is_emoji_joiner(c: char) -> bool {
    matches!(
        c,
        '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}'
    )
}

/// True when `c` would be interpreted by a terminal rather than drawn.
pub fn is_unsafe(c: char) -> bool {
    let u = c as u32;
    u < 0x20 || (0x7F..=0x9F).contains(&u) || bidi_name(c).is_some()
}

/// Appends the on-screen form of `c` to `out`.
pub fn push_display(c: char, out: &mut String) {
    let u = c as u32;
    match c {
        // Whitespace inside a wrapped line is drawn as one plain space each.
        _ if is_layout_space(c) => out.push(' '),
        _ if u < 0x20 => out.push(char::from_u32(0x2400 + u).unwrap_or('�')),
        '\u{7F}' => out.push('␡'),
        _ if (0x80..=0x9F).contains(&u) => out.push('�'),
        _ if is_emoji_joiner(c) => {}
        _ => match bidi_name(c) {
            Some(name) => out.push_str(name),
            None => out.push(c),
        },
    }
}

/// The on-screen form of `s`; borrowed when nothing needs changing (the common case).
pub fn display(s: &str) -> Cow<'_, str> {
    let needs = s
        .chars()
        .any(|c| is_unsafe(c) || is_layout_space(c) || is_emoji_joiner(c));
    if !needs {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_display(c, &mut out);
    }
    Cow::Owned(out)
}

/// Like [`display`], for text printed to a terminal line by line (`liseuse cat`): line ends
/// are kept, everything else made safe.
pub fn display_keeping_lines(s: &str) -> Cow<'_, str> {
    if !s.split('\n').any(|l| matches!(display(l), Cow::Owned(_))) {
        return Cow::Borrowed(s);
    }
    let lines: Vec<Cow<'_, str>> = s.split('\n').map(display).collect();
    Cow::Owned(lines.join("\n"))
}

/// Display width of `s` once made safe, in terminal cells.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(display(s).as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let shown = display("a\u{1b}]0;pwned\u{7}b");
        assert_eq!(shown, "a␛]0;pwned␇b");
        assert!(!shown.chars().any(is_unsafe));
    }

    #[test]
    fn c1_and_bidi_controls_are_shown() {
        assert_eq!(display("x\u{9b}2J"), "x�2J");
        assert_eq!(display("a\u{202E}b"), "a‹RLO›b");
    }

    #[test]
    fn ordinary_text_is_borrowed() {
        assert!(matches!(display("Raïssi « Gaza »"), Cow::Borrowed(_)));
    }

    #[test]
    fn emoji_sequences_fall_apart_into_emoji_every_terminal_measures_alike() {
        assert_eq!(display("👩\u{200d}👩\u{200d}👧"), "👩👩👧");
        assert_eq!(display("🧑\u{1f3fd}\u{200d}🚀 ❤\u{fe0f}"), "🧑🚀 ❤");
    }

    /// What ratatui measures (by grapheme) is what a terminal that measures character by
    /// character draws.
    fn agrees(s: &str) -> bool {
        use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
        let shown = display(s);
        let by_char: usize = shown.chars().map(|c| c.width().unwrap_or(0)).sum();
        shown.width() == by_char
    }

    #[test]
    fn widths_agree_on_emoji_flags_and_keycaps() {
        for s in [
            "👩\u{200d}👩\u{200d}👧\u{200d}👦",
            "🏳\u{fe0f}\u{200d}🌈",
            "🧑\u{1f3fd}\u{200d}🚀",
            "🇫🇷🇩🇪",
            "#\u{fe0f}\u{20e3}",
            "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
            "e\u{301}\u{302}",
            "日本語",
        ] {
            assert!(agrees(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn widths_agree_on_any_mix_of_emoji_and_joiners(
            s in "[a-z \u{300}\u{301}\u{200d}\u{fe0f}\u{1f3fb}-\u{1f3ff}\u{1f468}-\u{1f46a}\u{1f3f3}\u{2764}\u{1f1e6}-\u{1f1ff}\u{20e3}#]{0,40}"
        ) {
            proptest::prop_assert!(agrees(&s), "{:?}", s);
        }
    }

    #[test]
    fn tabs_and_newlines_are_spaces() {
        assert_eq!(display("a\tb\nc"), "a b c");
        assert_eq!(width("a\tb"), 3);
    }
}
