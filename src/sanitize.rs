//! What a file's characters look like on screen.
//!
//! Article text comes from anywhere; a control character or an escape sequence written to the
//! terminal could move the cursor, change the window title or write to the clipboard. Every
//! character drawn from a file goes through [`display`], which turns anything the terminal would
//! interpret into a visible placeholder, and turns layout whitespace into plain spaces. Wrapping
//! measures the same transformed text, so widths and drawing always agree.

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
        _ => match bidi_name(c) {
            Some(name) => out.push_str(name),
            None => out.push(c),
        },
    }
}

/// The on-screen form of `s`; borrowed when nothing needs changing (the common case).
pub fn display(s: &str) -> Cow<'_, str> {
    let needs = s.chars().any(|c| is_unsafe(c) || is_layout_space(c));
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
    fn tabs_and_newlines_are_spaces() {
        assert_eq!(display("a\tb\nc"), "a b c");
        assert_eq!(width("a\tb"), 3);
    }
}
