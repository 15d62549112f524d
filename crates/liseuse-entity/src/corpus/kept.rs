//! What the assembly of the index needs of each document, kept compactly as the documents are
//! read for the union-find, so that they are read (and decoded from the cache) once, not twice:
//! reading a record back was a third of the last merge of 100,000 articles, and it was done in
//! both passes. A document is a few bytes: its entities' labels and variants (each variant's
//! text kept once for the whole corpus, [`Strings`], and named by its number), then its mentions
//! in the order the assembly takes them (by start), each a few variable-length integers. Kept in
//! chunks given back one by one as the assembly reads them: the index's packed mentions grow as
//! the kept ones shrink.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};

use crate::{DocEntities, DocMention, Label};

/// A quick hash for short strings (SipHash, the standard one, costs several times more on the
/// millions of variants and keys of a large corpus; nothing here comes from an adversary that
/// matters: a library's own texts).
#[derive(Default)]
pub(super) struct Quick(u64);

impl Hasher for Quick {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in chunks.by_ref() {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        // Mixed down as well as up (a product mixes only upward; the table's buckets are the
        // low bits): murmur3's finaliser.
        let mut h = self.0;
        h = (h ^ (h >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h = (h ^ (h >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// Every variant's text once, by number (in the order first met).
#[derive(Default)]
pub(super) struct Strings {
    ids: HashMap<Box<str>, u32, QuickState>,
}

/// Maps hashed by [`Quick`].
pub(super) type QuickState = BuildHasherDefault<Quick>;

impl Strings {
    /// `s`'s number, given it when it is new.
    pub(super) fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(s.into(), id);
        id
    }

    /// The texts by number (the map's own strings, moved).
    pub(super) fn into_table(self) -> Vec<Box<str>> {
        let mut table: Vec<Box<str>> = vec![Box::default(); self.ids.len()];
        for (s, id) in self.ids {
            if let Some(slot) = table.get_mut(id as usize) {
                *slot = s;
            }
        }
        table
    }
}

/// A mention as the assembly takes it.
#[derive(Clone, Copy, Debug)]
pub(super) struct KeptMention {
    pub(super) start: u32,
    pub(super) end: u32,
    pub(super) local: u32,
    pub(super) label: Label,
    pub(super) confidence: u8,
}

/// One document read back from [`Kept`] (its arrays kept from one document to the next).
#[derive(Default)]
pub(super) struct KeptDoc {
    /// Each entity's label.
    pub(super) labels: Vec<Label>,
    /// Where entity `l`'s variants start in `variants` (`l + 1`: where they end).
    pub(super) starts: Vec<u32>,
    /// Every entity's variants: (number in [`Strings`], times written).
    pub(super) variants: Vec<(u32, u32)>,
    /// The mentions, by start.
    pub(super) mentions: Vec<KeptMention>,
}

impl KeptDoc {
    /// Entity `l`'s variants.
    pub(super) fn variants_of(&self, l: usize) -> &[(u32, u32)] {
        let (Some(&a), Some(&b)) = (self.starts.get(l), self.starts.get(l + 1)) else {
            return &[];
        };
        self.variants.get(a as usize..b as usize).unwrap_or(&[])
    }
}

/// The size of a chunk of kept documents (a document takes a few hundred bytes).
const CHUNK: usize = 1 << 20;

/// Documents kept, one after the other.
#[derive(Default)]
pub(super) struct Kept {
    chunks: VecDeque<Vec<u8>>,
    /// Scratch: a document's bytes, an entity's variants, the mentions when they must be sorted.
    out: Vec<u8>,
    variants: Vec<(u32, u32)>,
    sorted: Vec<DocMention>,
}

fn put(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn label_byte(l: Label) -> u8 {
    match l {
        Label::Per => 0,
        Label::Org => 1,
        Label::Loc => 2,
        Label::Date => 3,
    }
}

impl Kept {
    /// Keeps `doc` (its variants' texts numbered in `strings`).
    pub(super) fn keep(&mut self, doc: &DocEntities, strings: &mut Strings) {
        let mut out = std::mem::take(&mut self.out);
        let mut variants = std::mem::take(&mut self.variants);
        out.clear();
        put(&mut out, small(doc.entities.len()));
        for e in &doc.entities {
            out.push(label_byte(e.label));
            // Numbered first: their count comes before them (one walk over the variants).
            variants.clear();
            variants.extend(
                e.variants()
                    .zip(e.counts())
                    .map(|(v, c)| (strings.id(v), c)),
            );
            put(&mut out, small(variants.len()));
            for &(v, c) in &variants {
                put(&mut out, v);
                put(&mut out, c);
            }
        }
        // By start, as the assembly takes them: sorted (a copy, stable) only when they do not
        // come so.
        let by_start = |a: &DocMention, b: &DocMention| (a.start, a.end) <= (b.start, b.end);
        let mut sorted = std::mem::take(&mut self.sorted);
        let mentions: &[DocMention] = if doc.mentions.is_sorted_by(by_start) {
            &doc.mentions
        } else {
            sorted.clear();
            sorted.extend_from_slice(&doc.mentions);
            sorted.sort_by_key(|m| (m.start, m.end));
            &sorted
        };
        put(&mut out, small(mentions.len()));
        let mut at = 0u32;
        for m in mentions {
            put(&mut out, m.local() << 2 | u32::from(label_byte(m.label())));
            out.push(m.confidence());
            put(&mut out, m.start.wrapping_sub(at));
            put(&mut out, m.end.wrapping_sub(m.start));
            at = m.start;
        }
        let fits = self
            .chunks
            .back()
            .is_some_and(|c| c.capacity() - c.len() >= out.len());
        if !fits {
            self.chunks
                .push_back(Vec::with_capacity(CHUNK.max(out.len())));
        }
        if let Some(c) = self.chunks.back_mut() {
            c.extend_from_slice(&out);
        }
        self.out = out;
        self.variants = variants;
        self.sorted = sorted;
    }

    /// The documents in the order kept, each chunk given back once read.
    pub(super) fn reader(self) -> Reader {
        Reader {
            chunks: self.chunks,
            at: 0,
        }
    }
}

/// `n` as kept: no document holds 4 billion of anything.
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Reads the documents kept, in order.
pub(super) struct Reader {
    chunks: VecDeque<Vec<u8>>,
    /// Where the next document starts in the first chunk.
    at: usize,
}

/// Bytes being read: `None` past the end.
struct In<'a>(&'a [u8]);

impl In<'_> {
    fn u(&mut self) -> Option<u32> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let (&b, rest) = self.0.split_first()?;
            self.0 = rest;
            v |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }
}

impl Reader {
    /// The next document into `doc`; `None` when there is none (or its bytes do not read: they
    /// are this module's own, so never).
    pub(super) fn next_doc(&mut self, doc: &mut KeptDoc) -> Option<()> {
        if self.chunks.front().is_some_and(|c| self.at >= c.len()) {
            self.chunks.pop_front();
            self.at = 0;
        }
        let chunk = self.chunks.front()?;
        let mut input = In(chunk.get(self.at..)?);
        let before = input.0.len();
        doc.labels.clear();
        doc.starts.clear();
        doc.variants.clear();
        doc.mentions.clear();
        let n = input.u()?;
        doc.starts.push(0);
        for _ in 0..n {
            doc.labels
                .push(*Label::ALL.get(usize::from(input.byte()?))?);
            for _ in 0..input.u()? {
                let v = input.u()?;
                doc.variants.push((v, input.u()?));
            }
            doc.starts.push(small(doc.variants.len()));
        }
        let mut at = 0u32;
        for _ in 0..input.u()? {
            let tag = input.u()?;
            let confidence = input.byte()?;
            let start = at.wrapping_add(input.u()?);
            let end = start.wrapping_add(input.u()?);
            at = start;
            doc.mentions.push(KeptMention {
                start,
                end,
                local: tag >> 2,
                label: *Label::ALL.get((tag & 3) as usize)?,
                confidence,
            });
        }
        self.at += before - input.0.len();
        Some(())
    }
}
