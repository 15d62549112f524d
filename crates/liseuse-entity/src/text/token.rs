//! Byte-level tokenizer: words (letters and digits, with inner hyphens) and single punctuation marks, with the
//! flags the extractor needs (capitalisation, digits, line and sentence starts). One pass, no backtracking.

/// First character is an upper-case letter.
pub const CAP: u16 = 1;
/// Two letters or more, none lower case ("CGT", "UMP").
pub const UPPER: u16 = 1 << 1;
/// Holds a digit.
pub const DIGIT: u16 = 1 << 2;
/// Holds a letter.
pub const ALPHA: u16 = 1 << 3;
/// A newline lies between the previous token and this one (or this is the first token).
pub const NL: u16 = 1 << 4;
/// Whitespace lies between the previous token and this one.
pub const SPACE: u16 = 1 << 5;
/// An upper-case letter follows a hyphen inside the word ("al-Deif").
pub const INNER_CAP: u16 = 1 << 6;
/// The token opens a sentence (after . ! ? : « " or a line start).
pub const SENT: u16 = 1 << 7;
/// Only digits.
pub const NUMBER: u16 = 1 << 8;
/// A punctuation mark, not a word.
pub const PUNCT: u16 = 1 << 9;
/// Upper-case letters after the first one ("NeXT", "McCormick").
pub const MIXED: u16 = 1 << 10;

/// A token: a word or a punctuation mark, its bytes in the text and its flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of its first character.
    pub start: u32,
    /// Byte offset past its last character.
    pub end: u32,
    /// Its flags: [`CAP`], [`UPPER`], [`SENT`]…
    pub flags: u16,
    /// For a punctuation mark, the char; '\0' for a word.
    pub punct: char,
}

impl Token {
    /// Whether it has any of the flags `f`.
    #[inline]
    pub fn is(&self, f: u16) -> bool {
        self.flags & f != 0
    }
    /// Whether it is a word, not a punctuation mark.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.flags & PUNCT == 0
    }
    /// A word that may be (part of) a name: capitalised, all capitals, or "al-Deif".
    #[inline]
    pub fn is_namey(&self) -> bool {
        self.flags & PUNCT == 0 && self.flags & (CAP | UPPER | INNER_CAP) != 0
    }
    /// Its bytes in the text.
    #[inline]
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Upper,
    Lower,
    /// A letter with no case.
    Letter,
    Digit,
    Other,
}

/// Letter case or digit of a char, with fast paths for ASCII and Latin-1 (French accents).
#[inline]
fn classify_char(c: char) -> Class {
    match c {
        'a'..='z' => Class::Lower,
        'A'..='Z' => Class::Upper,
        '0'..='9' => Class::Digit,
        '\0'..='\u{bf}' => Class::Other,
        '\u{2000}'..='\u{206f}' => Class::Other,
        '\u{c0}'..='\u{de}' if c != '×' => Class::Upper,
        '\u{df}'..='\u{ff}' if c != '÷' => Class::Lower,
        _ if c.is_alphabetic() => {
            if c.is_uppercase() {
                Class::Upper
            } else if c.is_lowercase() {
                Class::Lower
            } else {
                Class::Letter
            }
        }
        _ if c.is_numeric() => Class::Digit,
        _ => Class::Other,
    }
}

/// The char at byte `i` of valid UTF-8 and its length.
#[inline]
fn decode(bytes: &[u8], i: usize) -> (char, usize) {
    let Some(&b0) = bytes.get(i) else {
        return ('\u{fffd}', 1);
    };
    if b0 < 0x80 {
        return (b0 as char, 1);
    }
    let at = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0x80) & 0x3f);
    let (cp, len) = if b0 < 0xe0 {
        ((u32::from(b0 & 0x1f) << 6) | at(1), 2)
    } else if b0 < 0xf0 {
        ((u32::from(b0 & 0x0f) << 12) | (at(1) << 6) | at(2), 3)
    } else {
        (
            (u32::from(b0 & 0x07) << 18) | (at(1) << 12) | (at(2) << 6) | at(3),
            4,
        )
    };
    (char::from_u32(cp).unwrap_or('\u{fffd}'), len)
}

#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Class of an ASCII byte: 0 other (punctuation), 1 lower, 2 upper, 3 digit, 4 space, 5 line break.
#[inline]
const fn ascii(b: u8) -> u8 {
    match b {
        b'a'..=b'z' => 1,
        b'A'..=b'Z' => 2,
        b'0'..=b'9' => 3,
        b' ' | b'\t' | 0x0b | 0x0c => 4,
        b'\n' | b'\r' => 5,
        _ => 0,
    }
}

/// Whether the byte at `j` (if any) ends an ASCII word: no letter of `classes`, no hyphen, not the start of a
/// multi-byte character.
#[inline]
fn ends_word(bytes: &[u8], j: usize, letters: &[u8]) -> bool {
    match bytes.get(j) {
        None => true,
        Some(&b) => b < 0x80 && !letters.contains(&ascii(b)) && b != b'-',
    }
}

/// Splits a text into tokens. Offsets are byte offsets; texts longer than 4 GiB are cut at 4 GiB.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 4 + 4);
    tokenize_into(text, &mut out);
    out
}

/// [`tokenize`] into `out` (cleared first): a caller that reads many short texts (the quotation stage, a
/// paragraph at a time) reuses one buffer instead of allocating one per text.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let text = if text.len() > u32::MAX as usize {
        let mut cut = u32::MAX as usize;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.get(..cut).unwrap_or_default()
    } else {
        text
    };
    let bytes = text.as_bytes();
    let n = bytes.len();
    out.reserve(n / 4 + 4);
    let mut i = 0usize;
    let mut gap = NL; // flags gathered from the whitespace before the next token
    let mut sent = true;
    while i < n {
        let b = bytes.get(i).copied().unwrap_or(b' ');
        let (c, len, class) = if b < 0x80 {
            match ascii(b) {
                4 => {
                    gap |= SPACE;
                    i += 1;
                    continue;
                }
                5 => {
                    gap |= SPACE | NL;
                    sent = true;
                    i += 1;
                    continue;
                }
                1 => {
                    // fast path: an ASCII lower-case word ending on ASCII that is no hyphen
                    let mut j = i + 1;
                    while bytes.get(j).is_some_and(u8::is_ascii_lowercase) {
                        j += 1;
                    }
                    if ends_word(bytes, j, &[2, 3]) {
                        let mut flags = gap | ALPHA;
                        if sent {
                            flags |= SENT;
                        }
                        out.push(Token {
                            start: i as u32,
                            end: j as u32,
                            flags,
                            punct: '\0',
                        });
                        sent = false;
                        gap = 0;
                        i = j;
                        continue;
                    }
                    (b as char, 1, Class::Lower)
                }
                2 => {
                    // fast path: « Capitalised » ASCII word ending on ASCII that is no letter, digit or hyphen
                    let mut j = i + 1;
                    while bytes.get(j).is_some_and(u8::is_ascii_lowercase) {
                        j += 1;
                    }
                    let ends = ends_word(bytes, j, &[1, 2, 3]);
                    if j > i + 1 && ends {
                        let mut flags = gap | ALPHA | CAP;
                        if sent {
                            flags |= SENT;
                        }
                        out.push(Token {
                            start: i as u32,
                            end: j as u32,
                            flags,
                            punct: '\0',
                        });
                        sent = false;
                        gap = 0;
                        i = j;
                        continue;
                    }
                    (b as char, 1, Class::Upper)
                }
                3 => (b as char, 1, Class::Digit),
                _ => (b as char, 1, Class::Other),
            }
        } else {
            let (c, len) = decode(bytes, i);
            if is_space(c) {
                gap |= SPACE;
                if c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}' {
                    gap |= NL;
                    sent = true;
                }
                i += len;
                continue;
            }
            (c, len, classify_char(c))
        };
        if class != Class::Other {
            let start = i;
            let mut flags = gap;
            let mut letters = u32::from(class != Class::Digit);
            let mut lower = class == Class::Lower;
            let mut upper_after_first = false;
            let mut digits_only = class == Class::Digit;
            let mut after_hyphen = false;
            match class {
                Class::Upper => flags |= CAP,
                Class::Digit => flags |= DIGIT,
                _ => {}
            }
            let mut j = i + len;
            while j < n {
                // fast path: a run of ASCII lower-case letters
                let run = bytes
                    .get(j..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|b| b.is_ascii_lowercase())
                    .count();
                if run > 0 {
                    j += run;
                    letters += run as u32;
                    lower = true;
                    digits_only = false;
                    after_hyphen = false;
                    continue;
                }
                let b = bytes.get(j).copied().unwrap_or(b' ');
                let (cls, l) = if b < 0x80 {
                    let k = match ascii(b) {
                        1 => Class::Lower,
                        2 => Class::Upper,
                        3 => Class::Digit,
                        _ => Class::Other,
                    };
                    (k, 1)
                } else {
                    let (ch, l) = decode(bytes, j);
                    (classify_char(ch), l)
                };
                match cls {
                    Class::Lower => {
                        lower = true;
                        letters += 1;
                        digits_only = false;
                    }
                    Class::Upper => {
                        letters += 1;
                        digits_only = false;
                        if after_hyphen {
                            flags |= INNER_CAP;
                        } else {
                            upper_after_first = true;
                        }
                    }
                    Class::Letter => {
                        letters += 1;
                        digits_only = false;
                    }
                    Class::Digit => flags |= DIGIT,
                    Class::Other => {
                        // an inner hyphen joins two alphanumeric runs
                        let hyphen = b == b'-'
                            || (b == 0xe2 && bytes.get(j + 1..j + 3) == Some(&[0x80, 0x91]));
                        let hl = if b == b'-' { 1 } else { 3 };
                        if hyphen && j + hl < n {
                            let next = decode(bytes, j + hl).0;
                            if classify_char(next) != Class::Other {
                                after_hyphen = true;
                                j += hl;
                                continue;
                            }
                        }
                        break;
                    }
                }
                if cls != Class::Digit
                    && cls != Class::Lower
                    && cls != Class::Upper
                    && cls != Class::Letter
                {
                    break;
                }
                after_hyphen = false;
                j += l;
            }
            if letters > 0 {
                flags |= ALPHA;
            }
            if letters >= 2 && !lower {
                flags |= UPPER;
            }
            if upper_after_first && lower {
                flags |= MIXED;
            }
            if digits_only {
                flags |= NUMBER;
            }
            if sent {
                flags |= SENT;
            }
            out.push(Token {
                start: start as u32,
                end: j as u32,
                flags,
                punct: '\0',
            });
            sent = false;
            gap = 0;
            i = j;
            continue;
        }
        // punctuation: one char per token
        let mut flags = gap | PUNCT;
        if sent {
            flags |= SENT;
        }
        out.push(Token {
            start: i as u32,
            end: (i + len) as u32,
            flags,
            punct: c,
        });
        gap = 0;
        if matches!(
            c,
            '.' | '!' | '?' | ':' | '«' | '"' | '“' | '…' | ';' | '•' | '—' | '–'
        ) {
            sent = true;
        }
        i += len;
    }
}

#[cfg(test)]
#[path = "token_tests.rs"]
mod tests;
