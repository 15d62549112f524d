//! Words as the index cuts them: runs of letters and digits, folded as the search folds them
//! ([`liseuse_document::search::fold_char`]), for the articles indexed and for the queries alike.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::sync::LazyLock;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The Latin letters beyond ASCII (U+00C0 to U+024F: « é », « ç », « œ », « ł »), the most of what
/// a French or European text holds that is not ASCII.
const LATIN: std::ops::RangeInclusive<u32> = 0xC0..=0x24F;

/// Whether `c` belongs in a word: [`char::is_alphanumeric`], answered without Unicode's tables for
/// the Latin letters (all of them letters, but × and ÷), the general punctuation (none, « ’ »
/// and « — » among them), the currency signs, « », the no-break space and « ° », which French
/// texts are full of (checked against Unicode's tables for every character).
fn in_word(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xA0 | 0xAB | 0xB0 | 0xBB | 0xD7 | 0xF7 => false,
        0xC0..=0x24F => true,
        0x2000..=0x206F | 0x20A0..=0x20CF => false,
        _ => c.is_alphanumeric(),
    }
}

/// The Latin letters folded once ([`liseuse_document::search::fold_char`]), by their place in
/// [`LATIN`].
static LATIN_FOLDED: LazyLock<Vec<Box<str>>> = LazyLock::new(|| {
    LATIN
        .map(|u| {
            let mut out = String::new();
            if let Some(c) = char::from_u32(u) {
                liseuse_document::search::fold_char(c, &mut out);
            }
            out.into_boxed_str()
        })
        .collect()
});

/// Appends the folded form of `c`, a letter of a word.
fn fold(c: char, out: &mut String) {
    let u = u32::from(c);
    if LATIN.contains(&u)
        && let Some(f) = LATIN_FOLDED.get((u - LATIN.start()) as usize)
    {
        out.push_str(f);
        return;
    }
    liseuse_document::search::fold_char(c, out);
}

/// Words as the index keeps them: runs of letters and digits, folded.
#[derive(Clone, Default)]
pub(super) struct FoldTokenizer {
    token: Token,
}

pub(super) struct FoldStream<'a> {
    text: &'a str,
    at: usize,
    token: &'a mut Token,
}

impl Tokenizer for FoldTokenizer {
    type TokenStream<'a> = FoldStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> FoldStream<'a> {
        self.token.reset();
        FoldStream {
            text,
            at: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for FoldStream<'_> {
    fn advance(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        // Most of a French text is ASCII: its bytes are cut and folded one at a time, without
        // decoding a character or looking one up in Unicode's tables (a third of the indexing
        // thread's time went there); a character beyond ASCII takes the general way.
        let mut from = self.at;
        loop {
            match bytes.get(from) {
                None => {
                    self.at = self.text.len();
                    return false;
                }
                Some(b) if b.is_ascii_alphanumeric() => break,
                Some(b) if b.is_ascii() => from += 1,
                Some(_) => {
                    let Some(c) = self.text.get(from..).and_then(|r| r.chars().next()) else {
                        self.at = self.text.len();
                        return false;
                    };
                    if in_word(c) {
                        break;
                    }
                    from += c.len_utf8();
                }
            }
        }
        self.token.text.clear();
        let mut end = from;
        loop {
            match bytes.get(end) {
                Some(&b) if b.is_ascii_alphanumeric() => {
                    self.token.text.push(char::from(b.to_ascii_lowercase()));
                    end += 1;
                }
                Some(b) if !b.is_ascii() => {
                    let Some(c) = self.text.get(end..).and_then(|r| r.chars().next()) else {
                        break;
                    };
                    if !in_word(c) {
                        break;
                    }
                    fold(c, &mut self.token.text);
                    end += c.len_utf8();
                }
                _ => break,
            }
        }
        self.at = end;
        self.token.offset_from = from;
        self.token.offset_to = end;
        self.token.position = self.token.position.wrapping_add(1);
        true
    }
    fn token(&self) -> &Token {
        self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The words of a query, folded, as the index cuts them.
pub fn query_words(query: &str) -> Vec<String> {
    let mut t = FoldTokenizer::default();
    let mut s = t.token_stream(query);
    let mut out = Vec::new();
    while s.advance() {
        out.push(s.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words the way they were cut before the ASCII path: character by character.
    fn by_chars(text: &str) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(rest) = text.get(at..) {
            let Some((start, _)) = rest.char_indices().find(|(_, c)| c.is_alphanumeric()) else {
                break;
            };
            let from = at + start;
            let word = &text[from..];
            let len = word
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(word.len(), |(i, _)| i);
            let mut folded = String::new();
            for c in word[..len].chars() {
                liseuse_document::search::fold_char(c, &mut folded);
            }
            out.push((folded, from, from + len));
            at = from + len;
        }
        out
    }

    #[test]
    fn the_shortcuts_answer_as_unicode_does() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(in_word(c), c.is_alphanumeric(), "{c:?}");
            let (mut a, mut b) = (String::new(), String::new());
            fold(c, &mut a);
            liseuse_document::search::fold_char(c, &mut b);
            assert_eq!(a, b, "{c:?}");
        }
    }

    #[test]
    fn the_ascii_path_cuts_and_folds_as_the_characters_do() {
        let texts = [
            "",
            "   ",
            "Le Hamas a nié toute implication à Gaza.",
            "À TÉHÉRAN, le président Raïssi — « a parlé » ; l'économie 2024 x²+y³ Ⅻ",
            "Cœur, ŒUVRE, straße, ﬁn, e\u{301}te\u{301}, Ǆemal, 北京市, Москва!",
            "fin…",
            "…début",
            "a\u{a0}b\u{2019}c\u{200b}d",
            "ÉÉ",
        ];
        for text in texts {
            let mut t = FoldTokenizer::default();
            let mut s = t.token_stream(text);
            let mut got = Vec::new();
            while s.advance() {
                let tok = s.token();
                got.push((tok.text.clone(), tok.offset_from, tok.offset_to));
            }
            assert_eq!(got, by_chars(text), "{text:?}");
        }
    }
}
