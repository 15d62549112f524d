//! Every document's mentions as the corpus index keeps them for the whole session: packed, about
//! four bytes a mention instead of [`Mention`]'s twelve (at 100,000 generated articles, 13
//! million mentions: 160 MB as `Mention`s). A document's are unpacked when it is drawn or
//! walked (a few hundred: a microsecond or two). [`FlatMentions`] gathers them, a document at
//! a time, packing each as it ends.
//!
//! A document's bytes: its distinct (entity, label) pairs, sorted, each as its gap from the one
//! before; then each mention as the pair's place in that list, its confidence level, its start's
//! gap from the mention before and its length, all variable-length integers (seven bits a byte).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::index::Mention;

/// `len` as an offset: no index holds 4 billion mentions (articles are capped far below that).
fn offset(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// Every document's mentions, packed one document after the other, in chunks of about
/// [`CHUNK`] bytes: one array grown by doubling held up to twice what it needed, and was copied
/// whole when it grew and when it was shrunk (at 100,000 articles, 61 MB of packed mentions
/// took 107 MB of room, and 168 MB for an instant), while an estimate made ahead of packing
/// cannot be exact. A chunk is never grown: a document that does not fit in what is left of
/// one starts the next.
#[derive(Clone, Debug, Default)]
pub(super) struct Packed {
    chunks: Vec<Vec<u8>>,
    /// Where document `d`'s bytes start: its chunk and its offset in it; one more than there
    /// are documents, or none. A document ends where the next one starts when that is in the
    /// same chunk, else at its chunk's end.
    starts: Vec<(u32, u32)>,
}

/// The room of a chunk of packed mentions (a document's take a few hundred bytes).
const CHUNK: usize = 1 << 20;

/// Mentions gathered document by document, each document packed as it ends: what
/// [`EntityIndex::from_flat`] takes.
#[derive(Debug, Default)]
pub struct FlatMentions {
    /// The document being gathered.
    current: Vec<Mention>,
    pub(super) packed: Packed,
    pub(super) doc_starts: Vec<u32>,
    total: usize,
    /// How many mentions each entity has so far: the index places occurrences without
    /// unpacking every document twice.
    pub(super) per_entity: Vec<u32>,
}

impl FlatMentions {
    /// Room for `docs` documents.
    pub fn with_docs(docs: usize) -> FlatMentions {
        FlatMentions::with_capacity(docs, 0)
    }
    /// Room for `docs` documents and `mentions` mentions: an array grown by doubling holds
    /// up to twice what it needs until it is shrunk, and then it is copied.
    pub fn with_capacity(docs: usize, mentions: usize) -> FlatMentions {
        let mut doc_starts = Vec::with_capacity(docs + 1);
        doc_starts.push(0);
        FlatMentions {
            current: Vec::new(),
            packed: Packed::with_capacity(docs, mentions),
            doc_starts,
            total: 0,
            per_entity: Vec::new(),
        }
    }
    /// Adds a mention to the document being gathered.
    pub fn push(&mut self, m: Mention) {
        self.current.push(m);
    }
    /// How many mentions the document being gathered has so far.
    pub fn in_doc(&self) -> usize {
        self.current.len()
    }
    /// Ends the document being gathered: the next mentions are the next document's.
    pub fn end_doc(&mut self) {
        if self.doc_starts.is_empty() {
            self.doc_starts.push(0);
        }
        self.current.sort_by_key(|m| (m.start, m.end));
        for m in &self.current {
            let e = m.entity().0 as usize;
            if self.per_entity.len() <= e {
                self.per_entity.resize(e + 1, 0);
            }
            if let Some(c) = self.per_entity.get_mut(e) {
                *c = c.saturating_add(1);
            }
        }
        self.packed.push_doc(&self.current);
        self.total += self.current.len();
        self.current.clear();
        self.doc_starts.push(offset(self.total));
    }
    /// How many documents are ended.
    pub fn docs(&self) -> usize {
        self.doc_starts.len().saturating_sub(1)
    }
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Bytes being read: `None` past the end (only ever this module's own bytes).
struct In<'a>(&'a [u8]);

impl In<'_> {
    fn u(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let (&b, rest) = self.0.split_first()?;
            self.0 = rest;
            v |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.u()?).ok()
    }
}

impl Packed {
    /// Room for `docs` documents (the bytes grow a chunk at a time).
    pub fn with_capacity(docs: usize, _mentions: usize) -> Packed {
        let mut starts = Vec::with_capacity(docs + 1);
        starts.push((0, 0));
        Packed {
            chunks: Vec::new(),
            starts,
        }
    }

    /// Packs the next document's mentions (sorted by start, as a document's are).
    pub fn push_doc(&mut self, mentions: &[Mention]) {
        if self.starts.is_empty() {
            self.starts.push((0, 0));
        }
        // (entity, label): the tag without its confidence level.
        let key = |m: &Mention| (m.tagged() >> 7) << 2 | (m.tagged() & 3);
        let mut pairs: Vec<u32> = mentions.iter().map(key).collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut out = Vec::with_capacity(8 + 2 * pairs.len() + 6 * mentions.len());
        put(&mut out, pairs.len() as u64);
        let mut prev = 0u32;
        for &p in &pairs {
            put(&mut out, u64::from(p - prev));
            prev = p;
        }
        put(&mut out, mentions.len() as u64);
        let mut at = 0u32;
        for m in mentions {
            let place = pairs.binary_search(&key(m)).unwrap_or(0);
            put(&mut out, place as u64);
            out.push(((m.tagged() >> 2) & 31) as u8);
            // Sorted by start: a gap, never negative (saturated for a caller that did not sort).
            put(&mut out, u64::from(m.start.saturating_sub(at)));
            put(&mut out, u64::from(m.end.saturating_sub(m.start)));
            at = m.start;
        }
        let fits = self
            .chunks
            .last()
            .is_some_and(|c| c.capacity() - c.len() >= out.len());
        if !fits {
            self.chunks.push(Vec::with_capacity(CHUNK.max(out.len())));
        }
        let chunk = self.chunks.len().saturating_sub(1);
        if !fits && let Some(start) = self.starts.last_mut() {
            // This document starts the new chunk (the one before ends with its chunk).
            *start = (offset(chunk), 0);
        }
        if let Some(c) = self.chunks.last_mut() {
            c.extend_from_slice(&out);
            self.starts.push((offset(chunk), offset(c.len())));
        }
    }

    /// How many documents it holds.
    pub fn docs(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Document `d`'s bytes (none for a document it does not hold).
    fn bytes(&self, d: usize) -> &[u8] {
        let (Some(&(c, a)), Some(&(next, b))) = (self.starts.get(d), self.starts.get(d + 1)) else {
            return &[];
        };
        let Some(chunk) = self.chunks.get(c as usize) else {
            return &[];
        };
        // The next document starts a chunk: this one ends with its own (an empty one at the
        // end of the last chunk starts and ends there).
        let b = if next == c { b as usize } else { chunk.len() };
        chunk.get(a as usize..b).unwrap_or(&[])
    }

    /// Document `d`'s mentions (none for a document it does not hold).
    pub fn doc(&self, d: usize) -> Vec<Mention> {
        unpack(self.bytes(d)).unwrap_or_default()
    }

    /// Gives back the room not used at the end of the last chunk.
    pub fn shrink_to_fit(&mut self) {
        if let Some(c) = self.chunks.last_mut() {
            c.shrink_to_fit();
        }
        self.chunks.shrink_to_fit();
        self.starts.shrink_to_fit();
    }

    /// How many bytes the packed mentions take.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.chunks.iter().map(Vec::len).sum()
    }

    /// An index of `docs` documents with no mention.
    pub fn empty_docs(docs: usize) -> Packed {
        let mut p = Packed::with_capacity(docs, 0);
        for _ in 0..docs {
            p.push_doc(&[]);
        }
        p
    }
}

fn unpack(bytes: &[u8]) -> Option<Vec<Mention>> {
    let mut input = In(bytes);
    let n = usize::try_from(input.u()?).ok()?.min(bytes.len());
    let mut pairs = Vec::with_capacity(n);
    let mut prev = 0u32;
    for _ in 0..n {
        prev = prev.checked_add(input.u32()?)?;
        pairs.push(prev);
    }
    let count = usize::try_from(input.u()?).ok()?.min(bytes.len());
    let mut out = Vec::with_capacity(count);
    let mut at = 0u32;
    for _ in 0..count {
        let pair = *pairs.get(usize::try_from(input.u()?).ok()?)?;
        let (&level, rest) = input.0.split_first()?;
        input.0 = rest;
        let start = at.checked_add(input.u32()?)?;
        let end = start.checked_add(input.u32()?)?;
        let tagged = (pair >> 2) << 7 | u32::from(level & 31) << 2 | (pair & 3);
        out.push(Mention::from_tagged(start, end, tagged));
        at = start;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EntityId, Label};

    #[test]
    fn mentions_packed_read_back_as_they_were_in_under_half_the_room() {
        let docs: Vec<Vec<Mention>> = (0..50u32)
            .map(|d| {
                (0..(d % 7) * 20)
                    .map(|i| {
                        let label = Label::ALL[(i % 4) as usize];
                        let start = 40 * i + d;
                        let entity = EntityId(1000 * d + i % 9 + if i == 3 { 1 << 24 } else { 0 });
                        Mention::new(
                            start,
                            start + 5 + i % 30,
                            label,
                            (i * 13 % 101) as u8,
                            entity,
                        )
                    })
                    .collect()
            })
            .collect();
        let mut p = Packed::with_capacity(docs.len(), 0);
        for d in &docs {
            p.push_doc(d);
        }
        assert_eq!(p.docs(), docs.len());
        for (i, d) in docs.iter().enumerate() {
            assert_eq!(&p.doc(i), d, "doc {i}");
        }
        assert!(p.doc(docs.len()).is_empty());
        let mentions: usize = docs.iter().map(Vec::len).sum();
        // Here about 4.5 bytes a mention (a third of the ids far apart); real articles' come
        // nearer 4.
        assert!(p.len() * 2 < mentions * 12, "{} bytes", p.len());
        let e = Packed::empty_docs(3);
        assert_eq!((e.docs(), e.doc(2)), (3, vec![]));
    }
    /// Chunks are filled and started anew as documents come: a document never straddles two,
    /// one larger than a chunk has its own, and empty ones at a chunk's end read back empty.
    #[test]
    fn documents_across_chunks_read_back_as_they_were() {
        let doc = |d: u32, n: u32| -> Vec<Mention> {
            (0..n)
                .map(|i| {
                    let start = 7 * i + d % 5;
                    Mention::new(start, start + 3, Label::Per, 80, EntityId(d * 31 + i % 17))
                })
                .collect()
        };
        let mut docs: Vec<Vec<Mention>> = Vec::new();
        for d in 0..4000u32 {
            let n = match d {
                1000 => 400_000,
                _ if d % 9 == 0 => 0,
                _ => 100 + d % 60,
            };
            docs.push(doc(d, n));
        }
        let mut p = Packed::with_capacity(docs.len(), 0);
        for d in &docs {
            p.push_doc(d);
        }
        p.shrink_to_fit();
        assert!(p.chunks.len() > 3, "{} chunks", p.chunks.len());
        assert_eq!(p.docs(), docs.len());
        for (i, d) in docs.iter().enumerate() {
            assert_eq!(&p.doc(i), d, "doc {i}");
        }
        // No chunk grew past its room (a large document's is its own size).
        assert!(
            p.chunks
                .iter()
                .all(|c| c.len() <= CHUNK || c.len() == c.capacity())
        );
    }
}
