//! The selected entity's mentions in the list's order: `n` / `N` go from one to the next
//! across articles as the file list shows them (an article added while liseuse runs is visited
//! in its place, not last), the status bar counts them so, and `M` lists them so.
//! `entities.occurrence` stays an index into the index's occurrences (in library order): only
//! walking and counting follow the list.

use super::{App, Effect};
use liseuse_entity::EntityId;

/// Where a mention sorts: its article's row, its offset, then its occurrence index.
type Key = (usize, usize, usize);

/// How many of `0..len` come before the first index where `is_before` turns false.
fn partition(len: usize, is_before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if is_before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

impl super::entities::EntityState {
    /// The mention `n` went to last, as an article and a place in it: what stays the same
    /// from one index to the next (occurrence numbers do not).
    pub(super) fn gone_to(&self) -> Option<(u32, usize)> {
        let (id, k) = self.selected.zip(self.occurrence)?;
        let (d, i) = self.index.occurrences(id).get(k)?;
        let start = self
            .index
            .doc_mentions(d as usize)
            .get(i as usize)?
            .range()
            .start;
        Some((d, start))
    }

    /// The entity of the mention at article `doc`, offset `start`, in this index.
    pub(super) fn entity_at(&self, (doc, start): (u32, usize)) -> Option<EntityId> {
        let mentions = self.index.doc_mentions(doc as usize);
        let i = mentions.partition_point(|m| m.range().start < start);
        let m = mentions.get(i).filter(|m| m.range().start == start)?;
        Some(m.entity())
    }

    /// The occurrence of entity `id` at article `doc`, offset `start`, in this index.
    pub(super) fn occurrence_at(&self, id: EntityId, (doc, start): (u32, usize)) -> Option<usize> {
        let mentions = self.index.doc_mentions(doc as usize);
        let occ = self.index.occurrences(id);
        // Occurrences run by article: the article's run, then the mention at `start`.
        let from = occ.partition_point(|(d, _)| d < doc);
        let run = occ.from(from);
        let len = run.partition_point(|(d, _)| d == doc);
        run.iter()
            .take(len)
            .position(|(_, i)| {
                mentions
                    .get(i as usize)
                    .is_some_and(|m| m.range().start == start)
            })
            .map(|k| from + k)
    }
}

impl App {
    fn mention_key(&self, doc: u32, i: u32, k: usize) -> Key {
        // An article not listed (deleted meanwhile) sorts last.
        let row = self.library.row_of(doc as usize).unwrap_or(usize::MAX);
        let start = self
            .entities
            .doc_mentions(doc as usize)
            .get(i as usize)
            .map_or(0, |m| m.range().start);
        (row, start, k)
    }

    /// The selected entity's occurrences (indices into them) in list order, for `M`.
    pub fn mentions_in_list_order(&self) -> Vec<usize> {
        let Some(id) = self.entities.selected else {
            return Vec::new();
        };
        let occ = self.entities.index.occurrences(id);
        let mut keys: Vec<Key> = occ
            .iter()
            .enumerate()
            .map(|(k, (d, i))| self.mention_key(d, i, k))
            .collect();
        keys.sort_unstable();
        keys.into_iter().map(|(_, _, k)| k).collect()
    }

    /// `n` / `N` with an entity selected: its next mention, into the next article of the list
    /// if need be.
    pub(super) fn step_mention(&mut self, forward: bool, fx: &mut Vec<Effect>) {
        let Some(id) = self.entities.selected else {
            return;
        };
        let occ = self.entities.index.occurrences(id);
        let key = |k: usize| -> Option<Key> {
            let (d, i) = occ.get(k)?;
            Some(self.mention_key(d, i, k))
        };
        // From the mention last gone to while the cursor is still on its line, else from the
        // reader's cursor (a mention on its line counts as next), as `n` does in less.
        let row = self
            .reading
            .open
            .and_then(|o| self.library.row_of(o))
            .unwrap_or(0);
        let line = self
            .reading
            .reader
            .as_ref()
            .and_then(|r| r.line_range(r.cursor));
        let on_cursor_line = |k: &Key| {
            k.0 == row
                && line
                    .as_ref()
                    .is_some_and(|l| k.1 >= l.start && k.1 < l.end.max(l.start + 1))
        };
        let (pivot, inclusive) = match self.entities.occurrence.and_then(key) {
            Some(p) if on_cursor_line(&p) => (p, false),
            _ => {
                let at = self
                    .reading
                    .reader
                    .as_ref()
                    .map_or(0, |r| r.offset_of(r.cursor));
                ((row, at, 0), true)
            }
        };
        // Within an article's run, keys rise with the occurrence index: the nearest one on
        // either side of the pivot is found by binary search in each run.
        let better = |a: Option<Key>, b: Option<Key>| match (a, b) {
            (Some(a), Some(b)) => Some(if forward { a.min(b) } else { a.max(b) }),
            (a, b) => a.or(b),
        };
        let mut best: Option<Key> = None;
        let mut wrap: Option<Key> = None;
        for (d, run) in occ.runs() {
            let len = run.len();
            // An article is one row: another article's run is wholly before or after the
            // pivot, ordered by its row alone, so only the pivot's article is unpacked for its
            // mentions' offsets (not every article naming the entity, at each `n`).
            let row = self.library.row_of(d as usize).unwrap_or(usize::MAX);
            let in_run = |k: usize| {
                if k >= len {
                    None
                } else if row == pivot.0 {
                    key(run.start + k)
                } else {
                    Some((row, 0, run.start + k))
                }
            };
            let before = partition(len, |k| {
                in_run(k).is_some_and(|x| x < pivot || (!inclusive && x == pivot))
            });
            let (near, far) = if forward {
                (in_run(before), in_run(0))
            } else {
                let strictly = partition(len, |k| in_run(k).is_some_and(|x| x < pivot));
                (
                    strictly.checked_sub(1).and_then(in_run),
                    len.checked_sub(1).and_then(in_run),
                )
            };
            best = better(best, near);
            wrap = better(wrap, far);
        }
        if best.is_none() && wrap.is_some() && occ.len() > 1 {
            self.status.say(if forward {
                "n went on from the first mention"
            } else {
                "N went on from the last mention"
            });
        }
        if let Some((_, _, k)) = best.or(wrap) {
            self.go_to_mention(k, fx);
        }
    }

    /// Opens occurrence `k` of the selected entity.
    pub(super) fn go_to_mention(&mut self, k: usize, fx: &mut Vec<Effect>) {
        let Some(id) = self.entities.selected else {
            return;
        };
        let index = &self.entities.index;
        let Some((d, i)) = index.occurrences(id).get(k) else {
            return;
        };
        let start = self
            .entities
            .doc_mentions(d as usize)
            .get(i as usize)
            .map_or(0, |m| m.range().start);
        self.entities.occurrence = Some(k);
        self.status.dismiss();
        self.open_at(d as usize, Some(start), fx);
    }

    /// Where the reader is among the selected entity's mentions, for the status bar:
    /// `Hossein Amir Abdollahian · mention 4/6 · article 2/2`, counted in list order.
    pub fn mention_status(&self) -> Option<String> {
        let id = self.entities.selected?;
        let ent = self.entities.index.entity(id)?;
        let occ = self.entities.index.occurrences(id);
        let Some(k) = self.entities.occurrence else {
            return Some(format!(
                "{} · {}",
                short(ent.name()),
                liseuse_document::plural::counted(occ.len(), "mention", "mentions")
            ));
        };
        let (d, i) = occ.get(k)?;
        let here = self.mention_key(d, i, k);
        let (mut before, mut docs, mut docs_before) = (0, 0, 0);
        for (dr, run) in occ.runs() {
            docs += 1;
            let row = self.library.row_of(dr as usize).unwrap_or(usize::MAX);
            if row < here.0 {
                docs_before += 1;
                before += run.len();
            } else if row == here.0 {
                before += partition(run.len(), |j| {
                    let k = run.start + j;
                    occ.get(k)
                        .is_some_and(|(dj, ij)| self.mention_key(dj, ij, k) < here)
                });
            }
        }
        Some(format!(
            "{} · mention {}/{} · article {}/{}",
            short(ent.name()),
            before + 1,
            occ.len(),
            docs_before + 1,
            docs
        ))
    }
}

/// A name cut for the status bar, where the place in the article must fit beside it.
fn short(name: &str) -> String {
    const MAX: usize = 28;
    if name.chars().count() <= MAX {
        return name.to_string();
    }
    let mut s: String = name.chars().take(MAX - 1).collect();
    s.push('…');
    s
}
