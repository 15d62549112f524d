//! Words as the index cuts them: runs of letters and digits, folded as the search folds them
//! ([`liseuse_document::search::fold_char`]), for the articles indexed and for the queries alike.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

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
                    if c.is_alphanumeric() {
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
                    if !c.is_alphanumeric() {
                        break;
                    }
                    liseuse_document::search::fold_char(c, &mut self.token.text);
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
