//! The library's quotations: every article's, packed ([`Quotations`]), and by speaker entity of
//! an index, flat (one array, entity by entity, as the index keeps occurrences).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::{ArticleQuote, Quotations};
use liseuse_entity::{EntityId, EntityIndex, Mention, Occurrences, Places};
use std::sync::{Arc, Mutex};

/// The library's quotations: each article's, and by speaker entity of an index.
#[derive(Debug, Default)]
pub struct LibraryQuotes {
    /// Per article (its index in the library), its quotations in text order, packed.
    docs: Vec<Quotations>,
    /// Every entity's quotations, entity by entity, in article then text order: each one's
    /// place among all the library's (encoded, a byte or two each: not an (article, index)
    /// pair's 8 bytes), read as a pair through `quote_starts`.
    said: Places,
    /// How many quotations come before article `d`; one more than there are articles.
    quote_starts: Vec<u32>,
    /// The article unpacked last: drawing asks for the open article's at every line.
    unpacked: Mutex<Option<(usize, Arc<[ArticleQuote]>)>>,
}

/// `len` as an offset (no library holds 4 billion quotations).
fn offset(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

impl LibraryQuotes {
    /// Every article's quotations, by speaker as `index` (the one sent with them) has them.
    pub fn build(index: &EntityIndex, docs: Vec<Quotations>) -> LibraryQuotes {
        // Each quotation's speaker, in article then text order. Room for them all at once:
        // grown by doubling, at 100,000 articles the array took up to twice its 15 MB, and
        // was copied each time.
        let mut speakers: Vec<u32> = Vec::with_capacity(docs.iter().map(Quotations::len).sum());
        let mut quote_starts = Vec::with_capacity(docs.len() + 1);
        quote_starts.push(0u32);
        for (d, quotes) in docs.iter().enumerate() {
            let quotes = quotes.unpack();
            // The article's mentions unpacked once for all its quotations.
            let mentions = if quotes.is_empty() {
                Arc::default()
            } else {
                index.doc_mentions(d)
            };
            speakers.extend(
                quotes
                    .iter()
                    .map(|q| speaker_among(&mentions, q).map_or(u32::MAX, |id| id.0)),
            );
            quote_starts.push(offset(speakers.len()));
        }
        let (said, said_starts) = by_speaker(speakers, index.entities().len());
        // Encoded, then the array freed: the library's size in `u32`s (at 100,000 articles,
        // 15 MB) is not kept.
        let said = Places::from_flat(&said, said_starts);
        LibraryQuotes {
            docs,
            said,
            quote_starts,
            unpacked: Mutex::default(),
        }
    }

    /// Article `doc`'s quotations, in text order.
    pub fn of_article(&self, doc: usize) -> Arc<[ArticleQuote]> {
        let Some(packed) = self.docs.get(doc) else {
            return Arc::default();
        };
        if let Ok(mut last) = self.unpacked.lock() {
            if let Some((d, q)) = last.as_ref()
                && *d == doc
            {
                return q.clone();
            }
            let q: Arc<[ArticleQuote]> = packed.unpack().into();
            *last = Some((doc, q.clone()));
            return q;
        }
        packed.unpack().into()
    }

    /// Quotation `q` of article `doc`.
    pub fn get(&self, doc: usize, q: usize) -> Option<ArticleQuote> {
        self.of_article(doc).get(q).cloned()
    }

    /// Where entity `id` is quoted: (article, index among its quotations), in article then
    /// text order.
    pub fn of_entity(&self, id: EntityId) -> Occurrences<'_> {
        Occurrences::new(&self.said, id.0 as usize, &self.quote_starts)
    }

    /// How many quotations the library holds.
    pub fn len(&self) -> usize {
        self.docs.iter().map(Quotations::len).sum()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.docs.iter().all(Quotations::is_empty)
    }
}

/// The corpus entity of a quotation's speaker in article `doc` of `index`: that of the speaker's
/// first mention (`None` when it is no entity, or a correction took it away).
pub fn speaker_in(index: &EntityIndex, doc: usize, q: &ArticleQuote) -> Option<EntityId> {
    q.mention()?;
    speaker_among(&index.doc_mentions(doc), q)
}

/// Each quotation's place (its index in `speakers`) grouped by speaker, entity by entity of
/// `n` and in ascending order, and where each entity's start (one more than there are
/// entities); a quotation of no entity (`u32::MAX`, or an id beyond `n`) is left out.
///
/// The places are written over the speakers, in the same array: a second one of the library's
/// size (at 100,000 articles, 15 MB) was alive beside it at the warm start's peak. Counted,
/// then each speaker moved to its entity's next free slot and replaced there by its place,
/// the speaker it displaces carried on (a slot not yet reached still holds its own speaker,
/// so its place is its index); each entity's places then sorted.
fn by_speaker(mut slots: Vec<u32>, n: usize) -> (Vec<u32>, Vec<u32>) {
    // Entity `n` stands for no entity.
    let group = |id: u32| (id as usize).min(n);
    let mut starts = vec![0u32; n + 2];
    for &id in &slots {
        if let Some(c) = starts.get_mut(group(id) + 1) {
            *c += 1;
        }
    }
    for e in 0..=n {
        let before = starts.get(e).copied().unwrap_or(0);
        if let Some(c) = starts.get_mut(e + 1) {
            *c = c.saturating_add(before);
        }
    }
    let mut next = starts.clone();
    for e in 0..=n {
        let end = starts.get(e + 1).copied().unwrap_or(0);
        while let Some(&hole) = next.get(e).filter(|&&at| at < end) {
            // Taken out of its slot, which the cycle ends by filling.
            let (mut id, mut place) = (slots.get(hole as usize).copied().unwrap_or(u32::MAX), hole);
            while let Some(at) = next.get_mut(group(id)) {
                let to = *at;
                *at += 1;
                let Some(slot) = slots.get_mut(to as usize) else {
                    break;
                };
                let displaced = std::mem::replace(slot, place);
                if to == hole {
                    break;
                }
                (id, place) = (displaced, to);
            }
        }
    }
    for e in 0..n {
        let (a, b) = (starts.get(e).copied(), starts.get(e + 1).copied());
        if let (Some(a), Some(b)) = (a, b)
            && let Some(places) = slots.get_mut(a as usize..b as usize)
        {
            places.sort_unstable();
        }
    }
    starts.truncate(n + 1);
    slots.truncate(starts.last().copied().unwrap_or(0) as usize);
    slots.shrink_to_fit();
    (slots, starts)
}

/// [`speaker_in`] among the article's mentions.
fn speaker_among(mentions: &[Mention], q: &ArticleQuote) -> Option<EntityId> {
    let (start, end) = q.mention()?;
    let i = mentions.partition_point(|x| x.start < start);
    mentions
        .get(i)
        .filter(|x| x.start == start && x.end == end)
        .map(|x| x.entity())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`by_speaker`] gives, with a second array: each entity's places in order.
    fn grouped(speakers: &[u32], n: usize) -> (Vec<u32>, Vec<u32>) {
        let mut starts = vec![0u32];
        let mut said = Vec::new();
        for e in 0..n as u32 {
            said.extend((0..speakers.len() as u32).filter(|&g| speakers[g as usize] == e));
            starts.push(said.len() as u32);
        }
        (said, starts)
    }

    #[test]
    fn quotations_are_grouped_by_speaker_in_place_and_in_order() {
        let none = u32::MAX;
        let mut cases: Vec<(Vec<u32>, usize)> = vec![
            (vec![], 0),
            (vec![], 3),
            (vec![none, none], 2),
            (vec![0, 0, 0], 1),
            (vec![2, 1, 0], 3),
            (vec![1, none, 0, 7, 1, 0, 2, none, 1], 3),
        ];
        // Longer ones, speakers scattered (a fixed sequence, not a random one).
        let mut x = 12345u32;
        for (len, n) in [(100, 5), (1000, 37), (5000, 1)] {
            let speakers = (0..len)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    let id = (x >> 16) % (n as u32 + 2);
                    if id == n as u32 { none } else { id }
                })
                .collect();
            cases.push((speakers, n));
        }
        for (speakers, n) in cases {
            let (said, starts) = by_speaker(speakers.clone(), n);
            assert_eq!((said, starts), grouped(&speakers, n), "{speakers:?}");
        }
    }
}
