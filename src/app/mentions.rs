//! The selected entity's mentions in the list's order: `n` / `N` go from one to the next
//! across articles as the file list shows them (an article added while liseuse runs is visited
//! in its place, not last), the status bar counts them so, and `M` lists them so.
//! `entities.occurrence` stays an index into the index's occurrences (in library order): only
//! walking and counting follow the list.

use super::{App, Overlay};
use crate::action::Action;

/// Where a mention sorts: its article's row, its offset, then its occurrence index.
type Key = (usize, usize, usize);

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
            .map(|(k, &(d, i))| self.mention_key(d, i, k))
            .collect();
        keys.sort_unstable();
        keys.into_iter().map(|(_, _, k)| k).collect()
    }

    /// `n` / `N` with an entity selected: its next mention, into the next article of the list
    /// if need be.
    pub(super) fn step_mention(&mut self, forward: bool) {
        let Some(id) = self.entities.selected else {
            return;
        };
        let occ = self.entities.index.occurrences(id);
        let key = |k: usize| -> Option<Key> {
            let &(d, i) = occ.get(k)?;
            Some(self.mention_key(d, i, k))
        };
        // From the mention last gone to, else from the reader's cursor (a mention under it
        // counts as next).
        let (pivot, inclusive) = match self.entities.occurrence.and_then(key) {
            Some(p) => (p, false),
            None => {
                let row = self.open.and_then(|o| self.library.row_of(o)).unwrap_or(0);
                let at = self.reader.as_ref().map_or(0, |r| r.offset_of(r.cursor));
                ((row, at, 0), true)
            }
        };
        let keys = (0..occ.len()).filter_map(key);
        let next = if forward {
            let after = keys
                .clone()
                .filter(|&x| x > pivot || (inclusive && x == pivot));
            after.min().or_else(|| keys.min())
        } else {
            let before = keys.clone().filter(|&x| x < pivot);
            before.max().or_else(|| keys.max())
        };
        if let Some((_, _, k)) = next {
            self.go_to_mention(k);
        }
    }

    /// Opens occurrence `k` of the selected entity.
    fn go_to_mention(&mut self, k: usize) {
        let Some(id) = self.entities.selected else {
            return;
        };
        let index = &self.entities.index;
        let Some(&(d, i)) = index.occurrences(id).get(k) else {
            return;
        };
        let start = self
            .entities
            .doc_mentions(d as usize)
            .get(i as usize)
            .map_or(0, |m| m.range().start);
        self.entities.occurrence = Some(k);
        self.open_at(d as usize, Some(start));
        self.message = None;
    }

    /// Where the reader is among the selected entity's mentions, for the status bar:
    /// `Hossein Amir Abdollahian · mention 4/6 · article 2/2`, counted in list order.
    pub fn mention_status(&self) -> Option<String> {
        let id = self.entities.selected?;
        let ent = self.entities.index.entity(id)?;
        let occ = self.entities.index.occurrences(id);
        let Some(k) = self.entities.occurrence else {
            return Some(format!("{} · {} mentions · n next", ent.name, occ.len()));
        };
        let &(d, i) = occ.get(k)?;
        let here = self.mention_key(d, i, k);
        let (mut before, mut docs, mut docs_before, mut last) = (0, 0, 0, None);
        for (j, &(dj, ij)) in occ.iter().enumerate() {
            let key = self.mention_key(dj, ij, j);
            before += usize::from(key < here);
            // Occurrences come grouped by article.
            if last != Some(dj) {
                last = Some(dj);
                docs += 1;
                docs_before += usize::from(key.0 < here.0);
            }
        }
        Some(format!(
            "{} · mention {}/{} · article {}/{}",
            ent.name,
            before + 1,
            occ.len(),
            docs_before + 1,
            docs
        ))
    }

    /// `M`: every mention of the selected entity, one line each, in list order.
    pub(super) fn open_mentions(&mut self) {
        if self.entities.selected.is_none() {
            self.message =
                Some("select an entity first (Enter in the sidebar or on a line)".into());
            return;
        }
        let listed = self.mentions_in_list_order();
        let selected = self
            .entities
            .occurrence
            .and_then(|k| listed.iter().position(|&x| x == k))
            .unwrap_or(0);
        self.overlay = Some(Overlay::Mentions { selected });
    }

    /// Keys while the mentions list is open.
    pub(super) fn mentions_action(&mut self, action: Action) -> Vec<super::Effect> {
        let listed = self.mentions_in_list_order();
        let Some(Overlay::Mentions { selected }) = &mut self.overlay else {
            return Vec::new();
        };
        let n = listed.len();
        if super::list::move_selection(selected, n, super::list::OVERLAY_PAGE, action) {
            return Vec::new();
        }
        match action {
            Action::Open => {
                let k = listed.get(*selected).copied();
                self.overlay = None;
                if let Some(k) = k {
                    self.go_to_mention(k);
                }
            }
            Action::Cancel | Action::Mentions => self.overlay = None,
            Action::Quit => return self.quit_effects(),
            _ => {}
        }
        Vec::new()
    }
}
