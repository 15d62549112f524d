//! The library's quotations: every article's, packed ([`Quotations`]), and by speaker entity of
//! an index, flat (one array, entity by entity, as the index keeps occurrences).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::{ArticleQuote, Quotations};
use liseuse_entity::{EntityId, EntityIndex, Mention, Occurrences};
use std::sync::{Arc, Mutex};

/// The library's quotations: each article's, and by speaker entity of an index.
#[derive(Debug, Default)]
pub struct LibraryQuotes {
    /// Per article (its index in the library), its quotations in text order, packed.
    docs: Vec<Quotations>,
    /// Every entity's quotations, entity by entity, in article then text order: each one's
    /// place among all the library's (4 bytes, not an (article, index) pair's 8: at 100,000
    /// articles, 16 MB less), read as a pair through `quote_starts`.
    said: Vec<u32>,
    /// How many quotations come before article `d`; one more than there are articles.
    quote_starts: Vec<u32>,
    /// Where entity `e`'s start in `said`; one more than there are entities.
    said_starts: Vec<u32>,
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
        // Each quotation's speaker, in article then text order; counted, then placed.
        let n = index.entities().len();
        // Room for them all at once: grown by doubling, at 100,000 articles the array took
        // up to twice its 15 MB, and was copied each time.
        let mut speakers: Vec<u32> = Vec::with_capacity(docs.iter().map(Quotations::len).sum());
        let mut per_doc: Vec<u32> = Vec::with_capacity(docs.len());
        let mut said_starts = vec![0u32; n + 1];
        for (d, quotes) in docs.iter().enumerate() {
            let quotes = quotes.unpack();
            per_doc.push(offset(quotes.len()));
            // The article's mentions unpacked once for all its quotations.
            let mentions = if quotes.is_empty() {
                Arc::default()
            } else {
                index.doc_mentions(d)
            };
            for quote in quotes {
                let id = speaker_among(&mentions, &quote).map_or(u32::MAX, |id| id.0);
                if let Some(c) = said_starts.get_mut(id as usize + 1) {
                    *c += 1;
                }
                speakers.push(id);
            }
        }
        for e in 0..n {
            let before = said_starts.get(e).copied().unwrap_or(0);
            if let Some(c) = said_starts.get_mut(e + 1) {
                *c = c.saturating_add(before);
            }
        }
        let total = said_starts.last().copied().unwrap_or(0) as usize;
        let mut said = vec![0u32; total];
        let mut next = said_starts.clone();
        // Quotations are in article then text order: their places are each speaker's order.
        for (g, &id) in speakers.iter().enumerate() {
            if let Some(at) = next.get_mut(id as usize) {
                if let Some(slot) = said.get_mut(*at as usize) {
                    *slot = offset(g);
                }
                *at += 1;
            }
        }
        drop((speakers, next));
        let mut quote_starts = Vec::with_capacity(per_doc.len() + 1);
        quote_starts.push(0u32);
        let mut before = 0u32;
        for count in per_doc {
            before = before.saturating_add(count);
            quote_starts.push(before);
        }
        LibraryQuotes {
            docs,
            said,
            said_starts,
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
        let e = id.0 as usize;
        let places = match (self.said_starts.get(e), self.said_starts.get(e + 1)) {
            (Some(&a), Some(&b)) => self.said.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        };
        Occurrences::new(places, &self.quote_starts)
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

/// [`speaker_in`] among the article's mentions.
fn speaker_among(mentions: &[Mention], q: &ArticleQuote) -> Option<EntityId> {
    let (start, end) = q.mention()?;
    let i = mentions.partition_point(|x| x.start < start);
    mentions
        .get(i)
        .filter(|x| x.start == start && x.end == end)
        .map(|x| x.entity())
}
