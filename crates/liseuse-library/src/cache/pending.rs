//! The records added and not written yet: the frame being filled, and the frames sealed and
//! being encoded. A frame's encoding (its bodies put together and compressed, a tenth of a
//! second for 500 articles) is done without the cache's lock ([`Sealed::encode`]): under it,
//! the other loader threads' lookups waited. Frames are written in the order they were sealed,
//! whichever is encoded first (a later record of a path must follow an earlier one in the log).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::frame::{self, Encoded, Packed};
use super::record::Head;
use std::collections::VecDeque;
use std::sync::Arc;

/// A record not written yet: its head and its body.
pub(super) type Record = (Head, Packed);

/// Records of a frame, numbered from `first` (records are numbered in the order added).
#[derive(Debug)]
pub(super) struct Batch {
    pub first: usize,
    pub records: Vec<Record>,
}

/// A frame sealed, to encode ([`Sealed::encode`]) and hand back to the cache
/// ([`super::ArticleCache::write`]); its records are found in the cache meanwhile.
#[derive(Debug)]
pub struct Sealed(Arc<Batch>);

/// A frame encoded: what the cache writes.
#[derive(Debug)]
pub struct Ready {
    first: usize,
    encoded: Option<Encoded>,
}

impl Sealed {
    /// The frame's bytes (without the cache's lock).
    pub fn encode(&self) -> Ready {
        Ready {
            first: self.0.first,
            encoded: frame::encode_packed(&self.0.records),
        }
    }
}

#[derive(Debug)]
struct Sealing {
    batch: Arc<Batch>,
    /// Once encoded (`Some(None)`: it could not be).
    ready: Option<Option<Encoded>>,
}

/// The records not written yet.
#[derive(Debug, Default)]
pub(super) struct Pending {
    /// The frame being filled; its first record's number.
    open: Vec<Record>,
    open_first: usize,
    /// Frames sealed and not written yet, in their order.
    sealed: VecDeque<Sealing>,
}

impl Pending {
    /// Adds a record: its number.
    pub fn push(&mut self, r: Record) -> usize {
        self.open.push(r);
        self.open_first + self.open.len() - 1
    }

    /// The record numbered `n`, while it is not written.
    pub fn get(&self, n: usize) -> Option<&Record> {
        if let Some(i) = n.checked_sub(self.open_first) {
            return self.open.get(i);
        }
        self.sealed.iter().find_map(|s| {
            let i = n.checked_sub(s.batch.first)?;
            s.batch.records.get(i)
        })
    }

    /// Records not written yet.
    pub fn len(&self) -> usize {
        self.open.len()
            + self
                .sealed
                .iter()
                .map(|s| s.batch.records.len())
                .sum::<usize>()
    }

    /// Records of the frame being filled.
    pub fn open_len(&self) -> usize {
        self.open.len()
    }

    /// Seals the frame being filled (none when it is empty).
    pub fn seal(&mut self) -> Option<Sealed> {
        if self.open.is_empty() {
            return None;
        }
        let records = std::mem::take(&mut self.open);
        let batch = Arc::new(Batch {
            first: self.open_first,
            records,
        });
        self.open_first += batch.records.len();
        self.sealed.push_back(Sealing {
            batch: batch.clone(),
            ready: None,
        });
        Some(Sealed(batch))
    }

    /// A frame encoded comes back (nothing when it was written meanwhile, encoded again by
    /// [`Pending::encode_all`]).
    pub fn deliver(&mut self, r: Ready) {
        if let Some(s) = self.sealed.iter_mut().find(|s| s.batch.first == r.first) {
            s.ready = Some(r.encoded);
        }
    }

    /// Encodes here every sealed frame not encoded yet (the records must be written now).
    pub fn encode_all(&mut self) {
        for s in &mut self.sealed {
            if s.ready.is_none() {
                s.ready = Some(frame::encode_packed(&s.batch.records));
            }
        }
    }

    /// The next frame to write, once it is encoded: its records and its bytes (`None`: it
    /// could not be encoded).
    pub fn next_ready(&mut self) -> Option<(Arc<Batch>, Option<Encoded>)> {
        self.sealed.front()?.ready.as_ref()?;
        let s = self.sealed.pop_front()?;
        Some((s.batch, s.ready.flatten()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::record::{ArticleMeta, Stamp};

    fn record(path: &str) -> Record {
        let head = Head {
            path: path.into(),
            stamp: Stamp::default(),
            hash: format!("h-{path}"),
            meta: ArticleMeta::default(),
            body: (0, 0),
        };
        let body = Packed::of(&liseuse_entity::DocEntities::default(), &[]).unwrap();
        (head, body)
    }

    /// Frames come out in the order they were sealed, whichever was encoded first; a record
    /// is found by its number until its frame is written.
    #[test]
    fn frames_are_written_in_the_order_sealed() {
        let mut p = Pending::default();
        assert_eq!(p.push(record("a")), 0);
        assert_eq!(p.push(record("b")), 1);
        let first = p.seal().unwrap();
        assert_eq!(p.push(record("c")), 2);
        let second = p.seal().unwrap();
        assert!(p.seal().is_none());
        assert_eq!(p.len(), 3);
        assert_eq!(p.get(2).unwrap().0.path, "c");
        p.deliver(second.encode());
        assert!(p.next_ready().is_none(), "the first is not encoded yet");
        assert_eq!(p.get(0).unwrap().0.path, "a");
        p.deliver(first.encode());
        let (b, e) = p.next_ready().unwrap();
        assert_eq!((b.first, e.unwrap().spans.len()), (0, 2));
        let (b, _) = p.next_ready().unwrap();
        assert_eq!(b.first, 2);
        assert!(p.next_ready().is_none());
        assert!(p.get(0).is_none() && p.get(2).is_none());
        // Encoded by the one that must write now: a late one changes nothing.
        p.push(record("d"));
        let third = p.seal().unwrap();
        p.encode_all();
        assert_eq!(p.next_ready().unwrap().0.first, 3);
        p.deliver(third.encode());
        assert!(p.next_ready().is_none());
        assert_eq!(p.len(), 0);
    }
}
