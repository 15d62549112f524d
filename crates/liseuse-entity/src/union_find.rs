//! Union-find over dense ids, the earlier id staying the root so that merged ids follow text or corpus order.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

/// Parents as `u32`, half of `usize`: a corpus merge of 100,000 articles holds one per entity
/// of every article (about five million: 40 MB as `usize`), alive through the whole merge. Ids
/// are `usize` outside; none reaches 4 billion (the corpus merge refuses more, see
/// `corpus::streamed`).
#[derive(Clone, Debug, Default)]
pub struct UnionFind(Vec<u32>);

/// An id as stored (none is that large: see [`UnionFind`]).
fn stored(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

impl UnionFind {
    pub fn new(n: usize) -> UnionFind {
        UnionFind((0..n).map(stored).collect())
    }

    /// Adds one id, its own set; returns it.
    pub fn push(&mut self) -> usize {
        let id = self.0.len();
        self.0.push(stored(id));
        id
    }

    /// Gives back the room the ids were grown into (up to half of it, when pushed one by one).
    pub fn shrink_to_fit(&mut self) {
        self.0.shrink_to_fit();
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.0.get(x) {
            let p = p as usize;
            if p == x {
                break;
            }
            let gp = self.0.get(p).map_or(p, |&g| g as usize);
            if let Some(slot) = self.0.get_mut(x) {
                *slot = stored(gp);
            }
            x = gp;
        }
        x
    }

    /// Every id's root, once the sets are complete (no more unions): one pass in id order,
    /// a root being never later than its ids, so each id's parent has its root already. The
    /// array is the union-find's own (no second one beside it).
    pub fn into_roots(self) -> Vec<u32> {
        let mut roots = self.0;
        for x in 0..roots.len() {
            let parent = roots.get(x).map_or(x, |&p| p as usize);
            let root = roots.get(parent).copied().unwrap_or(stored(x));
            if let Some(slot) = roots.get_mut(x) {
                *slot = root;
            }
        }
        roots
    }

    /// Joins the sets of `a` and `b`; returns the root, the earlier of the two.
    pub fn union(&mut self, a: usize, b: usize) -> usize {
        let (a, b) = (self.find(a), self.find(b));
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        if let Some(slot) = self.0.get_mut(hi) {
            *slot = stored(lo);
        }
        lo
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_and_keeps_the_earliest_root() {
        let mut u = UnionFind::new(5);
        u.union(3, 4);
        u.union(4, 1);
        assert_eq!(u.find(3), 1);
        assert_eq!(u.find(0), 0);
        assert_eq!(u.push(), 5);
        assert_eq!(u.union(5, 0), 0);
        assert_eq!(u.find(99), 99);
        // Three sets: {0, 5}, {1, 3, 4}, {2}.
        assert_eq!(u.into_roots(), vec![0, 1, 2, 1, 1, 0]);
        // Every id straight to its root, found whatever chain it was joined by.
        let mut u = UnionFind::new(7);
        u.union(5, 6);
        u.union(3, 5);
        u.union(1, 3);
        u.union(2, 4);
        assert_eq!(u.into_roots(), vec![0, 1, 2, 1, 2, 1, 1]);
    }
}
