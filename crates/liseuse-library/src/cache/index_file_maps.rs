//! The articles' maps as the rebuild reads them, one article's after the other: from memory,
//! or straight from the bytes [`super::load`] left as written. Decoded whole into an array
//! first, at 100,000 articles the maps (4,989,521 numbers) held 20 MB through the rebuild
//! beside the bytes they came from; read in place they hold the file's 14 MB, and one
//! article's at a time.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use serde::Deserialize;

/// Where the maps are.
enum Source {
    Memory(Vec<u32>),
    /// As written: the number of entries, then each as a varint (postcard's format).
    Written(Box<[u8]>),
}

/// Every article's map in turn (see [`Maps::next`]).
pub(super) struct Maps {
    source: Source,
    /// Where article `d`'s map starts among the entries (`d + 1`: where it ends).
    starts: Vec<u32>,
    /// How many mentions the index holds (a hint, as saved).
    pub(super) mentions: u64,
    /// How many entries there are.
    entries: usize,
    /// The next article's number, and where its map starts: an entry's number, and (as
    /// written) its first byte.
    doc: usize,
    entry: usize,
    byte: usize,
    /// The last map read from the bytes.
    buf: Vec<u32>,
}

/// What follows the maps as written.
#[derive(Deserialize)]
struct Tail {
    map_starts: Vec<u32>,
    mentions: u64,
}

/// An unsigned LEB128 number at `*at` (how postcard writes every integer), moving past it.
fn varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut n = 0u64;
    let mut shift = 0u32;
    loop {
        let b = *bytes.get(*at)?;
        *at += 1;
        n |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(n);
        }
        shift += 7;
        if shift >= 64 {
            return None;
        }
    }
}

impl Maps {
    /// The maps in memory, with where each article's starts.
    pub(super) fn in_memory(maps: Vec<u32>, starts: Vec<u32>, mentions: u64) -> Maps {
        Maps {
            entries: maps.len(),
            source: Source::Memory(maps),
            starts,
            mentions,
            doc: 0,
            entry: 0,
            byte: 0,
            buf: Vec::new(),
        }
    }

    /// The maps as [`super::load`] left them (the fields after the entities), `None` if they
    /// cannot be read. Where each article's starts is written after them all: the entries
    /// are stepped over once to reach it.
    pub(super) fn written(bytes: Box<[u8]>) -> Option<Maps> {
        let mut at = 0;
        let entries = usize::try_from(varint(&bytes, &mut at)?).ok()?;
        let first = at;
        for _ in 0..entries {
            varint(&bytes, &mut at)?;
        }
        let (tail, _): (Tail, _) = postcard::take_from_bytes(bytes.get(at..)?).ok()?;
        Some(Maps {
            source: Source::Written(bytes),
            starts: tail.map_starts,
            mentions: tail.mentions,
            entries,
            doc: 0,
            entry: 0,
            byte: first,
            buf: Vec::new(),
        })
    }

    /// How many articles have a map.
    pub(super) fn articles(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// How many entries the maps have in all.
    pub(super) fn entries(&self) -> usize {
        self.entries
    }

    /// The next article's map: the corpus entity of each of its own entities (`None` past the
    /// last, or for maps not one after the other as saved ones are).
    pub(super) fn next(&mut self) -> Option<&[u32]> {
        let (a, b) = (
            *self.starts.get(self.doc)? as usize,
            *self.starts.get(self.doc + 1)? as usize,
        );
        if a != self.entry || b < a || b > self.entries {
            return None;
        }
        self.doc += 1;
        self.entry = b;
        match &self.source {
            Source::Memory(maps) => maps.get(a..b),
            Source::Written(bytes) => {
                self.buf.clear();
                for _ in a..b {
                    let id = u32::try_from(varint(bytes, &mut self.byte)?).ok()?;
                    self.buf.push(id);
                }
                Some(&self.buf)
            }
        }
    }
}

/// The maps read back into an array of their exact size. serde reserves at most 1 MB for a
/// sequence and grows it by doubling: at 100,000 articles (4,989,521 entries, 20 MB) that held
/// 33.5 MB through the rebuild, and copied 16.8 MB into a new array on the way.
pub(super) mod exact {
    use serde::Deserializer;
    use serde::de::{SeqAccess, Visitor};

    /// Room reserved at most before reading (its pages are touched only as they are filled): a
    /// damaged length is not trusted for more; a real one beyond it grows as it must.
    const MAX_ROOM: usize = (super::super::MAX_BYTES / 8) as usize;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
        struct Exact;
        impl<'de> Visitor<'de> for Exact {
            type Value = Vec<u32>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence of u32")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u32>, A::Error> {
                let mut v = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_ROOM));
                while let Some(x) = seq.next_element()? {
                    v.push(x);
                }
                Ok(v)
            }
        }
        d.deserialize_seq(Exact)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_read_in_place_are_the_ones_written() {
        let maps: Vec<u32> = vec![3, 0, u32::MAX, 127, 128, 16_383, 16_384, 527_090, 9];
        let starts: Vec<u32> = vec![0, 3, 3, 8, 9];
        let bytes = postcard::to_stdvec(&(&maps, &starts, 41u64)).unwrap();
        let mut written = Maps::written(bytes.into()).unwrap();
        let mut memory = Maps::in_memory(maps.clone(), starts.clone(), 41);
        assert_eq!((written.articles(), written.entries()), (4, maps.len()));
        assert_eq!(written.mentions, 41);
        for w in starts.windows(2) {
            let want = &maps[w[0] as usize..w[1] as usize];
            assert_eq!(written.next(), Some(want));
            assert_eq!(memory.next(), Some(want));
        }
        assert_eq!(written.next(), None);
        // Maps not one after the other, or beyond the entries: not read.
        let odd = postcard::to_stdvec(&(&maps, vec![0u32, 3, 1], 0u64)).unwrap();
        let mut odd = Maps::written(odd.into()).unwrap();
        assert!(odd.next().is_some() && odd.next().is_none());
        let long = postcard::to_stdvec(&(&maps, vec![0u32, 10], 0u64)).unwrap();
        assert!(Maps::written(long.into()).unwrap().next().is_none());
        // Cut short: not read at all.
        let cut = postcard::to_stdvec(&(&maps, &starts, 41u64)).unwrap();
        assert!(Maps::written(cut[..cut.len() - 3].into()).is_none());
    }
}
