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
/// Source"); they are shown by name, as compilers do. So are the interlinear annotation marks,
/// which delimit text meant to be hidden or shown above a line.
fn control_name(c: char) -> Option<&'static str> {
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
        '\u{FFF9}' => "‹IAA›",
        '\u{FFFA}' => "‹IAS›",
        '\u{FFFB}' => "‹IAT›",
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

/// Invisible format characters (zero-width space and non-joiner, word joiner, invisible math
/// operators, byte-order mark, deprecated format controls, shorthand and musical format
/// controls, the language tag): they draw nothing, and terminals disagree on whether they take a
/// cell, which shifts the rest of the row. Like the emoji joiners, they are left out.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{180E}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
    )
}

/// True when `c` must not reach a terminal as it is: it would be interpreted rather than drawn
/// (C0 and C1 controls, DEL), could make text read differently from how it is stored (bidi
/// controls, interlinear annotations), or is an invisible format character.
pub fn is_unsafe(c: char) -> bool {
    let u = c as u32;
    u < 0x20 || (0x7F..=0x9F).contains(&u) || control_name(c).is_some() || is_invisible_format(c)
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
        _ if is_emoji_joiner(c) || is_invisible_format(c) => {}
        _ => match control_name(c) {
            Some(name) => out.push_str(name),
            None => out.push(c),
        },
    }
}

/// Whether [`push_display`] changes `c`. Asked of every character drawn: the printable ASCII
/// and Latin-1 of most text answers in two comparisons (every character that needs a change is
/// a C0 control, DEL, C1, or at U+061C or above).
fn changes(c: char) -> bool {
    let u = c as u32;
    if u < 0x7F {
        return u < 0x20;
    }
    if u < 0xA0 {
        return true;
    }
    u >= 0x061C && (is_unsafe(c) || is_layout_space(c) || is_emoji_joiner(c))
}

/// The on-screen form of `s`; borrowed when nothing needs changing (the common case).
pub fn display(s: &str) -> Cow<'_, str> {
    let needs = s.chars().any(changes);
    if !needs {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_display(c, &mut out);
    }
    Cow::Owned(out)
}

/// Display width of `s` once made safe, in terminal cells.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(display(s).as_ref())
}

/// Text for a terminal outside the TUI (the command-line outputs): each character as
/// [`display`] shows it, but line ends and tabs kept, since they are the output's own structure
/// (lines of a list, fields of a TSV, paragraphs of Markdown). A carriage return is not kept: it
/// would let a line overwrite the one before it.
pub fn text(s: &str) -> Cow<'_, str> {
    let keep = |c: char| c == '\n' || c == '\t';
    let needs = s.chars().any(|c| !keep(c) && changes(c));
    if !needs {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if keep(c) {
            out.push(c);
        } else {
            push_display(c, &mut out);
        }
    }
    Cow::Owned(out)
}

/// One line for a list or a message: whitespace runs become one space, the rest as [`display`].
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(is_break_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&display(word));
    }
    out
}

/// JSON text with every character that must not reach a terminal written as a `\uXXXX` escape
/// (DEL, C1 controls, bidi and format characters, line separators, and the invisible joiners:
/// the zero-width joiner, variation selectors and tag characters, which can hide text or
/// shift a row). serde_json escapes the C0
/// controls inside strings itself; outside them, C0 is the text's own layout (line ends,
/// indentation) and stays. JSON keeps every character exactly: a reader of the escaped text
/// gets the same strings. Outside strings JSON has only ASCII, so every character escaped here
/// is inside one.
pub fn json(s: &str) -> Cow<'_, str> {
    let escape = |c: char| {
        (c >= '\u{7F}' && is_unsafe(c))
            || matches!(
                c,
                '\u{85}'
                    | '\u{2028}'
                    | '\u{2029}'
                    | '\u{200D}'
                    | '\u{FE00}'..='\u{FE0F}'
                    | '\u{E0020}'..='\u{E007F}'
            )
    };
    if !s.chars().any(escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if escape(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
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
    fn invisible_format_characters_never_reach_the_terminal() {
        for c in [
            '\u{200B}',
            '\u{200C}',
            '\u{2060}',
            '\u{2063}',
            '\u{FEFF}',
            '\u{180E}',
            '\u{206A}',
            '\u{1D173}',
            '\u{E0001}',
        ] {
            let s = format!("a{c}b");
            assert_eq!(display(&s), "ab", "{:04X}", c as u32);
            assert!(is_unsafe(c), "{:04X}", c as u32);
        }
        assert_eq!(display("a\u{FFF9}b\u{FFFA}c\u{FFFB}"), "a‹IAA›b‹IAS›c‹IAT›");
        assert_eq!(width("a\u{200C}b"), 2);
    }

    #[test]
    fn cli_text_keeps_lines_and_tabs_and_nothing_else() {
        let shown = text("a\tb\n\u{1b}]0;x\u{7}\r\u{9b}c\u{202E}\n");
        assert_eq!(shown, "a\tb\n␛]0;x␇ �c‹RLO›\n");
        assert!(matches!(text("plain\ttext\n"), Cow::Borrowed(_)));
        assert_eq!(one_line("  a\n\u{1b}b\t c "), "a ␛b c");
    }

    #[test]
    fn json_escapes_c1_bidi_and_format_characters_losslessly() {
        let value = "x\u{1b}\u{9b}\u{7f}\u{202e}\u{200c}\u{2028}\u{1d173}é";
        let raw = serde_json::to_string(&value).unwrap();
        let safe = json(&raw);
        assert!(
            !safe.chars().any(|c| is_unsafe(c) || c == '\u{2028}'),
            "{safe}"
        );
        let pretty = serde_json::to_string_pretty(&[value]).unwrap();
        let back: Vec<String> = serde_json::from_str(&json(&pretty)).unwrap();
        assert_eq!(back, [value], "layout kept, strings escaped");
        assert!(
            safe.contains("\\u001b") && safe.contains("\\u009b") && safe.contains("\\ud834\\udd73")
        );
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
        assert!(matches!(json("{\"a\": \"é\"}"), Cow::Borrowed(_)));
    }

    /// Issue 24.13: the zero-width joiner and tag characters (which can carry hidden ASCII)
    /// went out raw.
    #[test]
    fn json_escapes_joiners_and_tag_characters() {
        let value = "👩\u{200d}👩 ❤\u{fe0f} 🏴\u{e0067}\u{e0062}\u{e007f} a\u{e0041}";
        let raw = serde_json::to_string(&value).unwrap();
        let safe = json(&raw);
        assert!(
            !safe
                .chars()
                .any(|c| matches!(c, '\u{200d}' | '\u{fe0f}' | '\u{e0000}'..='\u{e007f}')),
            "{safe}"
        );
        assert!(
            safe.contains("\\u200d") && safe.contains("\\udb40\\udc41"),
            "{safe}"
        );
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn the_fast_check_agrees_with_the_full_one() {
        let full = |c: char| is_unsafe(c) || is_layout_space(c) || is_emoji_joiner(c);
        for u in (0..0x3_0000).chain(0xE_0000..0xE_0100) {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(changes(c), full(c), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn tabs_and_newlines_are_spaces() {
        assert_eq!(display("a\tb\nc"), "a b c");
        assert_eq!(width("a\tb"), 3);
    }
}
