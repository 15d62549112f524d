//! An article's quotations as the library keeps them in memory for the whole session: the
//! bytes of the cache's dense encoding (`wire`), every speaker's mention written so that they
//! read back without the article's entities. About 12 bytes a quotation instead of 40 (at
//! 100,000 generated articles, 3.8 million of them: 155 MB as `ArticleQuote`s); an article's
//! are unpacked when it is drawn or walked (a few dozen: microseconds). The bytes are kept in
//! chunks shared by many articles (`chunks`), not a block each.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::chunks::Range;
use super::{ArticleQuote, wire};
use crate::cache::pack::In;

/// An article's quotations, packed (none: no room taken at all).
#[derive(Clone, Debug, Default)]
pub struct Quotations(Option<Range>);

impl Quotations {
    /// `quotes`, packed.
    pub fn pack(quotes: &[ArticleQuote]) -> Quotations {
        if quotes.is_empty() {
            return Quotations(None);
        }
        Quotations(Range::store(&wire::put_with(quotes, &[])))
    }

    /// The quotations, in text order (none if the bytes were damaged: they are only ever
    /// this module's own).
    pub fn unpack(&self) -> Vec<ArticleQuote> {
        self.0
            .as_ref()
            .and_then(|r| r.read(|b| wire::take_with(b, &[])))
            .unwrap_or_default()
    }

    /// How many there are, without unpacking them.
    pub fn len(&self) -> usize {
        self.0
            .as_ref()
            .and_then(|r| r.read(|b| In(b).count()))
            .unwrap_or(0)
    }

    /// Their packed bytes (none: none).
    fn bytes(&self) -> Vec<u8> {
        self.0
            .as_ref()
            .map_or_else(Vec::new, |r| r.read(<[u8]>::to_vec))
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The same quotations, wherever they are kept.
impl PartialEq for Quotations {
    fn eq(&self, other: &Quotations) -> bool {
        // One chunk read at a time: two ranges may be of the same chunk.
        let mine = self.bytes();
        match &other.0 {
            Some(r) => r.read(|b| b == mine.as_slice()),
            None => mine.is_empty(),
        }
    }
}

impl Eq for Quotations {}

impl From<&[ArticleQuote]> for Quotations {
    fn from(quotes: &[ArticleQuote]) -> Quotations {
        Quotations::pack(quotes)
    }
}

impl From<Vec<ArticleQuote>> for Quotations {
    fn from(quotes: Vec<ArticleQuote>) -> Quotations {
        Quotations::pack(&quotes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use liseuse_entity::quote::QuoteKind;

    #[test]
    fn quotations_packed_read_back_whole_in_a_third_of_the_room() {
        let quotes: Vec<ArticleQuote> = (0..40u32)
            .map(|i| {
                let s = 100 * i;
                ArticleQuote::new(
                    s + 10..s + 60,
                    if i % 3 == 0 {
                        QuoteKind::Indirect
                    } else {
                        QuoteKind::Direct
                    },
                    Some((s + 2, s + 9)),
                    (i % 4 != 0).then_some(i % 7),
                    (i % 4 != 0).then_some((s, s + 5)),
                    (i % 4 == 0).then(|| "des habitants".to_string()),
                    (i * 7 % 101) as u8,
                )
            })
            .collect();
        let packed = Quotations::pack(&quotes);
        assert_eq!(packed.unpack(), quotes);
        assert_eq!(packed.len(), 40);
        let bytes = packed.0.as_ref().map_or(0, Range::len);
        assert!(bytes * 3 < 40 * quotes.len(), "{bytes} bytes");
        let none = Quotations::pack(&[]);
        assert!(none.is_empty() && none.0.is_none());
        assert_eq!(none.unpack(), vec![]);
        // Equal by their quotations, not by where they are kept.
        assert_eq!(Quotations::pack(&quotes), packed);
        assert_ne!(Quotations::pack(&quotes[1..]), packed);
        assert_ne!(none, packed);
        assert_eq!(none, Quotations::default());
    }
}
