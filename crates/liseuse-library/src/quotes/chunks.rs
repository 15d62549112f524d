//! Where the articles' packed quotations live: many articles' bytes one after the other in
//! chunks of about a megabyte ([`CHUNK_BYTES`]), each article's a range of one, as the index
//! keeps its packed mentions. At 100,000 articles, one small `Arc<[u8]>` each (about 460 bytes,
//! made while a warm start's rebuild decodes and drops every article's body around them) kept
//! the allocator's small pages from being given back: the resident memory stood 30–45 MB above
//! the live heap. A chunk is one large block, and a range is 16 bytes with its chunk's pointer.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::sync::{Arc, Mutex, PoisonError, RwLock};

/// How large a chunk grows: a few hundred articles' quotations. An article's that do not fit
/// in what is left of the open chunk start a new one (a larger one if they are larger).
pub(super) const CHUNK_BYTES: usize = 1 << 20;

/// Articles' bytes, one after the other: only ever appended to (while it is the open chunk),
/// so a range once given out always reads the same bytes. Freed with the last range of it.
#[derive(Debug, Default)]
pub(super) struct Chunk(RwLock<Vec<u8>>);

/// The chunk packing goes on in: one for the whole process, shared by every thread that packs
/// (the loader's workers, the index loop), so that no chunk is left mostly empty by each.
static OPEN: Mutex<Option<Arc<Chunk>>> = Mutex::new(None);

/// Some bytes in a chunk.
#[derive(Clone, Debug)]
pub(super) struct Range {
    chunk: Arc<Chunk>,
    start: u32,
    len: u32,
}

impl Range {
    /// `bytes`, appended to the open chunk (a new one when they do not fit); `None` for none
    /// (no room taken at all) or more than a range can say (4 GB: no article has that many).
    pub(super) fn store(bytes: &[u8]) -> Option<Range> {
        let len = u32::try_from(bytes.len()).ok().filter(|&n| n > 0)?;
        // A poisoned lock holds nothing half written: a chunk is appended to in one call.
        let mut open = OPEN.lock().unwrap_or_else(PoisonError::into_inner);
        let fits = |c: &Arc<Chunk>| c.len() + bytes.len() <= CHUNK_BYTES;
        let chunk = match open.as_ref().filter(|c| fits(c)) {
            Some(c) => c.clone(),
            None => {
                let room = CHUNK_BYTES.max(bytes.len());
                let c = Arc::new(Chunk(RwLock::new(Vec::with_capacity(room))));
                *open = Some(c.clone());
                c
            }
        };
        let mut held = chunk.0.write().unwrap_or_else(PoisonError::into_inner);
        let start = u32::try_from(held.len()).ok()?;
        held.extend_from_slice(bytes);
        drop(held);
        Some(Range { chunk, start, len })
    }

    /// What `f` makes of the bytes (none if the chunk were shorter: it never is).
    pub(super) fn read<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        let held = self.chunk.0.read().unwrap_or_else(PoisonError::into_inner);
        let (a, b) = (self.start as usize, self.start as usize + self.len as usize);
        f(held.get(a..b).unwrap_or_default())
    }

    /// How many bytes it holds.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.len as usize
    }
}

impl Chunk {
    fn len(&self) -> usize {
        self.0.read().unwrap_or_else(PoisonError::into_inner).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_share_chunks_and_read_back_their_own_bytes() {
        let pieces: Vec<Vec<u8>> = (0..3000u32)
            .map(|i| (0..(i % 977) + 1).map(|k| (i * 31 + k) as u8).collect())
            .collect();
        let ranges: Vec<Range> = pieces.iter().map(|p| Range::store(p).unwrap()).collect();
        for (p, r) in pieces.iter().zip(&ranges) {
            assert_eq!(r.read(<[u8]>::to_vec), *p);
            assert_eq!(r.len(), p.len());
        }
        // Most share a chunk with the one before (other tests may open a new one meanwhile).
        let shared = ranges
            .windows(2)
            .filter(|w| Arc::ptr_eq(&w[0].chunk, &w[1].chunk))
            .count();
        assert!(shared > ranges.len() / 2, "{shared} of {}", ranges.len());
        assert!(Range::store(&[]).is_none());
        // Larger than a chunk: a chunk of its own.
        let big = vec![7u8; CHUNK_BYTES + 5];
        let r = Range::store(&big).unwrap();
        assert_eq!(r.read(<[u8]>::len), big.len());
        assert_eq!(r.start, 0);
    }
}
