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
        let Some(rest) = self.text.get(self.at..) else {
            return false;
        };
        let Some((start, _)) = rest.char_indices().find(|(_, c)| c.is_alphanumeric()) else {
            self.at = self.text.len();
            return false;
        };
        let from = self.at + start;
        let word = self.text.get(from..).unwrap_or("");
        let len = word
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(word.len(), |(i, _)| i);
        self.at = from + len;
        self.token.text.clear();
        for c in word.get(..len).unwrap_or("").chars() {
            liseuse_document::search::fold_char(c, &mut self.token.text);
        }
        self.token.offset_from = from;
        self.token.offset_to = from + len;
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
