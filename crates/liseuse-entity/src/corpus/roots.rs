//! Every node's corpus entity while the index is assembled: the union-find's roots, each root's
//! slot turned into its entity's id once it has one (see [`Roots`]).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::union_find::UnionFind;

/// A root's slot once its corpus entity is made: the entity's id with this bit.
const MADE: u32 = 1 << 31;

/// Every node's root, each root's slot turned into its corpus entity's id (marked [`MADE`])
/// once it has one: the union-find's own array, flattened once, and not a map of roots to ids
/// beside it (hashed at every mention: at 100,000 articles a map of half a million roots, and
/// a fifth of pass 2's time).
pub(super) struct Roots(Vec<u32>);

impl Roots {
    /// The roots of a complete union-find; `None` past what the mark leaves room for (two
    /// billion entities: no corpus comes near).
    pub(super) fn new(uf: UnionFind) -> Option<Roots> {
        let roots = uf.into_roots();
        (roots.len() < MADE as usize).then_some(Roots(roots))
    }

    /// How many sets there are (the entities, when each has a mention).
    pub(super) fn sets(&self) -> usize {
        self.0
            .iter()
            .enumerate()
            .filter(|&(x, &r)| r as usize == x)
            .count()
    }

    /// Node `n`'s corpus entity, or its root when it has none yet.
    pub(super) fn get(&self, n: usize) -> Result<u32, usize> {
        let Some(&root) = self.0.get(n) else {
            return Err(n);
        };
        if root & MADE != 0 {
            return Ok(root & !MADE);
        }
        match self.0.get(root as usize) {
            Some(&id) if id & MADE != 0 => Ok(id & !MADE),
            _ => Err(root as usize),
        }
    }

    /// `root`'s corpus entity is `id`.
    pub(super) fn set(&mut self, root: usize, id: u32) {
        if let Some(slot) = self.0.get_mut(root) {
            *slot = id | MADE;
        }
    }
}
