//! An entity's occurrences, read as (document, index into its mentions) pairs from what the
//! index keeps: each occurrence's place in the corpus's one array of mentions, encoded
//! ([`Places`]: a byte or two a place, not a `u32`'s 4 nor a pair's 8). The document is found
//! again by a binary search among the documents' starts (a few hundred thousand at most, so a
//! few dozen comparisons), and a walk over them advances through the starts instead.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::places::{Places, Row};

/// An entity's occurrences (document, index into its mentions), in corpus order: a view of
/// the index, used as a slice of pairs would be.
#[derive(Clone, Copy, Debug, Default)]
pub struct Occurrences<'a> {
    /// Each occurrence's place in the corpus's mentions.
    places: Row<'a>,
    /// Where each document's mentions start in them (one more than there are documents).
    doc_starts: &'a [u32],
}

/// The document whose mentions hold place `g`, and the mention's index in it.
fn locate(doc_starts: &[u32], g: u32) -> (u32, u32) {
    // The last document starting at or before `g` (an empty document starts where the
    // next one does: the later one holds it).
    let d = doc_starts.partition_point(|&s| s <= g).saturating_sub(1);
    let start = doc_starts.get(d).copied().unwrap_or(0);
    (d as u32, g.saturating_sub(start))
}

impl<'a> Occurrences<'a> {
    /// Row `row` of `places`: places among all items of all documents (ascending), read
    /// through how many items come before each document (one more than there are documents):
    /// the index's mentions, and the library's quotations by speaker alike.
    pub fn new(places: &'a Places, row: usize, doc_starts: &'a [u32]) -> Self {
        Occurrences {
            places: places.row(row),
            doc_starts,
        }
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Occurrence `k`: (document, index into its mentions).
    pub fn get(&self, k: usize) -> Option<(u32, u32)> {
        self.places.get(k).map(|g| locate(self.doc_starts, g))
    }

    /// Those from `k` on (none past the end), numbered from 0 again.
    pub fn from(&self, k: usize) -> Occurrences<'a> {
        Occurrences {
            places: self.places.from(k),
            doc_starts: self.doc_starts,
        }
    }

    /// Every one in order, the documents found by walking their starts along.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u32)> + use<'a> {
        let starts = self.doc_starts;
        let mut d = 0usize;
        self.places.iter().map(move |g| {
            // Occurrences run in corpus order: the document only ever moves on. Far moves
            // (a rare entity) are a binary search of what is left.
            let next = |d: usize| starts.get(d + 1).copied().unwrap_or(u32::MAX);
            if next(d) <= g {
                d = if next(d + 1) <= g {
                    let rest = starts.get(d + 1..).unwrap_or(&[]);
                    d + rest.partition_point(|&s| s <= g)
                } else {
                    d + 1
                };
                // Empty documents share their start with the next one.
                while next(d) <= g {
                    d += 1;
                }
            }
            let start = starts.get(d).copied().unwrap_or(0);
            (d as u32, g.saturating_sub(start))
        })
    }

    /// Each document's run of occurrences, as the document and the run's indices, in order.
    /// A run is walked a block at a time and, past that, its end found by binary search:
    /// counting a book's 100,000 mentions of one person costs a few probes, not 100,000
    /// varints decoded at each `n` and each frame's status bar.
    pub fn runs(&self) -> impl Iterator<Item = (u32, std::ops::Range<usize>)> + use<'a> {
        // As many as a block of places holds: within it a step costs less than a probe.
        const WALK: usize = 32;
        let (places, starts) = (self.places, self.doc_starts);
        let mut k = 0usize;
        let mut it = places.iter().peekable();
        std::iter::from_fn(move || {
            let g = it.next()?;
            let (d, _) = locate(starts, g);
            // The next document's first place: this run's places are all below it.
            let end = starts.get(d as usize + 1).copied().unwrap_or(u32::MAX);
            let start = k;
            k += 1;
            while it.next_if(|&x| x < end).is_some() {
                k += 1;
                if k - start >= WALK {
                    k += places.from(k).partition_point(|x| x < end);
                    it = places.from(k).iter().peekable();
                    break;
                }
            }
            Some((d, start..k))
        })
    }

    /// How many come before the first for which `pred` is false (`pred` true of a prefix), as
    /// `slice::partition_point`.
    pub fn partition_point(&self, mut pred: impl FnMut((u32, u32)) -> bool) -> usize {
        self.places
            .partition_point(|g| pred(locate(self.doc_starts, g)))
    }

    /// The first `k` for which `f` holds, as `Iterator::position`.
    pub fn position(&self, f: impl FnMut((u32, u32)) -> bool) -> Option<usize> {
        self.iter().position(f)
    }

    /// As a list of pairs (tests, and what compares two indexes).
    pub fn to_vec(&self) -> Vec<(u32, u32)> {
        self.iter().collect()
    }
}

impl PartialEq for Occurrences<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl PartialEq<[(u32, u32)]> for Occurrences<'_> {
    fn eq(&self, other: &[(u32, u32)]) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_group_each_documents_occurrences_short_or_long() {
        // Documents of 2, 0, 100, 0, 1, 70 mentions; the entity named in some of each.
        let sizes = [2u32, 0, 100, 0, 1, 70];
        let mut starts = vec![0u32];
        for s in sizes {
            starts.push(starts.last().copied().unwrap_or(0) + s);
        }
        let mut flat = vec![1u32];
        flat.extend((2..102).filter(|g| g % 3 != 0));
        flat.push(102);
        flat.extend(103..173);
        let places = Places::from_flat(&flat, vec![0, flat.len() as u32]);
        let occ = Occurrences::new(&places, 0, &starts);
        let mut want: Vec<(u32, std::ops::Range<usize>)> = Vec::new();
        for (k, (d, _)) in occ.iter().enumerate() {
            match want.last_mut() {
                Some((last, r)) if *last == d => r.end = k + 1,
                _ => want.push((d, k..k + 1)),
            }
        }
        assert_eq!(want.len(), 4, "{want:?}");
        assert_eq!(occ.runs().collect::<Vec<_>>(), want);
        assert_eq!(occ.from(5).runs().count(), 3);
        assert_eq!(Occurrences::default().runs().count(), 0);
    }

    #[test]
    fn places_read_back_as_documents_and_indices_whichever_way() {
        // Documents of 2, 0, 3, 0, 0, 1 mentions.
        let starts = [0, 2, 2, 5, 5, 5, 6];
        let places = Places::from_flat(&[0, 1, 2, 4, 5], vec![0, 5]);
        let occ = Occurrences::new(&places, 0, &starts);
        let want = vec![(0, 0), (0, 1), (2, 0), (2, 2), (5, 0)];
        assert_eq!(occ.to_vec(), want);
        let by_get: Vec<_> = (0..occ.len()).filter_map(|k| occ.get(k)).collect();
        assert_eq!(by_get, want);
        assert_eq!(occ.get(5), None);
        assert_eq!(occ.partition_point(|(d, _)| d < 2), 2);
        assert_eq!(occ.partition_point(|(d, _)| d <= 2), 4);
        assert_eq!(occ.from(3).to_vec(), want[3..].to_vec());
        assert!(occ.from(9).is_empty());
        assert_eq!(occ.position(|(d, _)| d == 5), Some(4));
        assert!(occ == *want.as_slice());
        // A far jump (many documents between two occurrences) takes the binary search.
        let starts: Vec<u32> = (0..1000).collect();
        let places = Places::from_flat(&[3, 4, 900, 998], vec![0, 4]);
        let occ = Occurrences::new(&places, 0, &starts);
        assert_eq!(occ.to_vec(), vec![(3, 0), (4, 0), (900, 0), (998, 0)]);
    }
}
