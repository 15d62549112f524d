//! What the selected entity said across the library (`"`): every quotation whose speaker it is,
//! in the list's order, with its article, date and cue; Enter opens the article at the
//! quotation, and `n` / `N` then walk the others from article to article. Built from the
//! quotations that come with the index (no text read for the list itself; the lines drawn read
//! their articles' texts on demand, as `M` does), and rebuilt as the index grows.

use super::super::list::{OVERLAY_PAGE, move_selection, step_walk};
use super::super::{App, Effect, Follow};
use super::Overlay;
use crate::keys::action::Action;
use liseuse_entity::EntityId;

/// The list on screen.
#[derive(Debug, Clone)]
pub struct SaidList {
    pub entity: EntityId,
    /// Its key: what finds it again in a new index (ids change with a merge).
    pub key: String,
    /// (article, index among its quotations), in the list's order.
    pub rows: Vec<(u32, u32)>,
    pub selected: usize,
}

/// The quotations `n` and `N` walk once one was opened from the list.
#[derive(Debug, Clone)]
pub struct SaidWalk {
    pub entity: EntityId,
    pub rows: Vec<(u32, u32)>,
    /// The quotation gone to last.
    pub at: usize,
}

impl App {
    /// `"`: the selected entity's quotations across the library.
    pub(crate) fn open_said(&mut self) {
        let Some(id) = self.entities.selected else {
            self.status
                .say("select a person first (Enter in the sidebar or on a line)");
            return;
        };
        let rows = self.said_rows(id);
        let indexing = self.entities.analysed < self.library.len();
        let (name, key) = self
            .entities
            .index
            .entity(id)
            .map_or((String::new(), String::new()), |e| {
                (e.name().to_string(), e.key().to_string())
            });
        if rows.is_empty() && !indexing {
            self.status
                .say(format!("no quotation of {name} in the library"));
            return;
        }
        // While the library is being indexed the list opens even empty, and fills in.
        self.overlay = Some(Overlay::Said(SaidList {
            entity: id,
            key,
            rows,
            selected: 0,
        }));
    }

    /// Where entity `id` is quoted, in the list's order (then the text's).
    fn said_rows(&self, id: EntityId) -> Vec<(u32, u32)> {
        let q = &self.entities.quotes;
        let mut rows: Vec<(u32, u32)> = q
            .of_entity(id)
            .iter()
            .filter(|&(d, _)| {
                !self
                    .entities
                    .stale
                    .get(d as usize)
                    .copied()
                    .unwrap_or(false)
            })
            .collect();
        rows.sort_by_key(|&(d, k)| self.said_key(d, k));
        rows
    }

    fn said_key(&self, d: u32, k: u32) -> (usize, u32) {
        let start = self
            .entities
            .quotes
            .get(d as usize, k as usize)
            .map_or(0, |q| q.start);
        (self.library.row_of(d as usize).unwrap_or(usize::MAX), start)
    }

    /// A new index: the list's rows are those of its quotations, the selected one kept.
    pub(crate) fn refresh_said_list(&mut self) {
        let Some(Overlay::Said(l)) = &self.overlay else {
            return;
        };
        // Ids may change with a merge: the entity is found again by its key.
        let index = &self.entities.index;
        let Some(id) = index
            .entities()
            .iter()
            .find(|e| e.key() == l.key)
            .map(|e| e.id)
        else {
            return;
        };
        let rows = self.said_rows(id);
        if let Some(Overlay::Said(l)) = &mut self.overlay {
            l.entity = id;
            let was = l.rows.get(l.selected).copied();
            l.selected = was
                .and_then(|w| rows.iter().position(|&r| r == w))
                .unwrap_or(l.selected)
                .min(rows.len().saturating_sub(1));
            l.rows = rows;
        }
    }

    pub(super) fn said_action(&mut self, action: Action, count: usize, fx: &mut Vec<Effect>) {
        let Some(Overlay::Said(l)) = &mut self.overlay else {
            return;
        };
        if move_selection(&mut l.selected, l.rows.len(), OVERLAY_PAGE, action, count) {
            return;
        }
        match action {
            Action::Open => {
                if l.rows.get(l.selected).is_none() {
                    return;
                }
                let walk = SaidWalk {
                    entity: l.entity,
                    rows: l.rows.clone(),
                    at: l.selected,
                };
                self.overlay = None;
                self.go_to_quote(walk, fx);
            }
            Action::Cancel | Action::Said => self.overlay = None,
            Action::Quit => self.quit(fx),
            Action::Redraw => fx.push(Effect::Redraw),
            _ => {}
        }
    }

    /// Opens quotation `walk.at` at its first line.
    fn go_to_quote(&mut self, walk: SaidWalk, fx: &mut Vec<Effect>) {
        let Some(&(d, k)) = walk.rows.get(walk.at) else {
            return;
        };
        let Some(start) = self
            .entities
            .quotes
            .get(d as usize, k as usize)
            .map(|q| q.start as usize)
        else {
            return;
        };
        self.open_at(d as usize, Some(start), fx);
        self.reading.said = Some(walk);
        self.reading.follow = Follow::Quotes;
    }

    /// `n` / `N` after `"`: the next quotation, from the one gone to last while the cursor is
    /// still on its line, else from the cursor.
    pub(crate) fn step_quote(&mut self, forward: bool, fx: &mut Vec<Effect>) {
        let Some(mut walk) = self.reading.said.take() else {
            return;
        };
        let n = walk.rows.len();
        if n == 0 {
            return;
        }
        let (row, line) = self.walk_origin();
        let from = line.as_ref().map_or(0, |l| l.start as u32);
        let on_line = walk.rows.get(walk.at).is_some_and(|&(d, k)| {
            let start = self.said_key(d, k).1 as usize;
            self.reading.open == Some(d as usize)
                && line
                    .as_ref()
                    .is_some_and(|l| start >= l.start && start < l.end.max(l.start + 1))
        });
        let after = || (walk.rows).partition_point(|&(d, k)| self.said_key(d, k) < (row, from));
        let (next, wrapped) = step_walk(n, walk.at, on_line, after, forward);
        if wrapped && n > 1 {
            self.status.say(if forward {
                "n went on from the first quotation"
            } else {
                "N went on from the last quotation"
            });
        }
        walk.at = next;
        self.go_to_quote(walk, fx);
    }

    /// `" Hossein Salami 2/5`, for the status bar.
    pub fn said_status(&self) -> Option<String> {
        let w = self.reading.said.as_ref()?;
        let name = self
            .entities
            .index
            .entity(w.entity)
            .map_or("", |e| e.name());
        Some(format!("\" {name} {}/{}", w.at + 1, w.rows.len()))
    }
}
