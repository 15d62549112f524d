//! Who appears with whom (`w`): the entities named in the same paragraphs as the selected one,
//! across every article, grouped by type and ranked by shared passages; Enter on one lists the
//! passages naming both, and Enter on a passage goes there, `n` and `N` then walking the others.
//! Where the text says so, each row also says who speaks of whom: how many quotations of the
//! selected entity name it, and how many of its own name the selected entity.

use super::super::list::{OVERLAY_PAGE, move_selection};
use super::super::{App, Effect, Follow};
use super::Overlay;
use crate::keys::action::Action;
use liseuse_entity::{EntityId, EntityIndex, Label};
use liseuse_library::Library;
use liseuse_library::company::{self, Companion, Passage};
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct CompanyView {
    pub of: EntityId,
    /// By type (people, organisations, places, dates), most shared passages first in each.
    pub rows: Vec<Companion>,
    pub selected: usize,
    /// The passages naming both, once a companion is chosen.
    pub shared: Option<SharedList>,
}

#[derive(Debug, Clone)]
pub struct SharedList {
    pub with: EntityId,
    pub passages: Vec<Passage>,
    pub selected: usize,
}

/// The passages `n` walks after one was opened from the list.
#[derive(Debug, Clone)]
pub struct Walk {
    pub a: EntityId,
    pub b: EntityId,
    pub passages: Vec<Passage>,
    /// The passage last gone to.
    pub at: usize,
}

/// The paragraph holding `offset` in article `doc`, as its document cuts them.
pub fn paragraph_of(library: &Library, doc: usize, offset: usize) -> Option<Range<usize>> {
    let a = library.articles.get(doc)?;
    match (&a.doc, &a.meta) {
        (Some(d), _) => d
            .paragraphs
            .get(d.paragraph_at(offset))
            .map(|p| p.range.clone()),
        (None, Some(m)) => m.paragraph_at(offset),
        (None, None) => None,
    }
}

fn rank(mut rows: Vec<Companion>) -> Vec<Companion> {
    let order = |l: Label| Label::ALL.iter().position(|x| *x == l).unwrap_or(0);
    // Stable: within a type, the ranking `companions` made stays.
    rows.sort_by_key(|c| order(c.label));
    rows
}

impl App {
    /// `w`: the company the selected entity keeps.
    pub(crate) fn open_company(&mut self) {
        let Some(id) = self.entities.selected else {
            self.status
                .say("select an entity first (Enter in the sidebar or on a line)");
            return;
        };
        let rows = self.companions_of(id);
        self.overlay = Some(Overlay::Company(CompanyView {
            of: id,
            rows,
            selected: 0,
            shared: None,
        }));
    }

    fn companions_of(&self, id: EntityId) -> Vec<Companion> {
        let library = &self.library;
        let paras = |d: usize, o: usize| paragraph_of(library, d, o);
        // What the sidebar lists: the types shown, the names the engine is sure enough of.
        let shown = |c: &Companion| self.entities.shows(c.label) && self.entities.is_shown(c.id);
        let index = &self.entities.index;
        let mut rows = company::companions(index, &paras, id);
        company::add_said(&mut rows, index, &self.entities.quotes, id);
        rank(rows.into_iter().filter(shown).collect())
    }

    /// A new index while the panel is open: its counts again, as indexing goes on.
    pub(crate) fn refresh_company(&mut self, old: &EntityIndex) {
        // A new index numbers the entities anew: the panel's entity, the companion selected
        // and those `n` walks are found again by their keys.
        let panel = match &self.overlay {
            Some(Overlay::Company(v)) => vec![Some(v.of), v.rows.get(v.selected).map(|c| c.id)],
            _ => Vec::new(),
        };
        let walked = self.reading.walk.as_ref().map(|w| [w.a, w.b]);
        let ids = panel
            .into_iter()
            .flatten()
            .chain(walked.into_iter().flatten());
        let map = super::super::entities::renumbered(old, &self.entities.index, ids);
        let again = |id: EntityId| map.get(&id).copied();
        if let Some(w) = self.reading.walk.as_mut() {
            match (again(w.a), again(w.b)) {
                (Some(a), Some(b)) => (w.a, w.b) = (a, b),
                _ => self.reading.walk = None,
            }
        }
        let Some(Overlay::Company(v)) = &self.overlay else {
            return;
        };
        let Some(of) = again(v.of) else {
            self.overlay = None;
            return;
        };
        let was = v.rows.get(v.selected).and_then(|c| again(c.id));
        let rows = self.companions_of(of);
        if let Some(Overlay::Company(v)) = &mut self.overlay {
            v.of = of;
            v.selected = was
                .and_then(|w| rows.iter().position(|c| c.id == w))
                .unwrap_or(v.selected)
                .min(rows.len().saturating_sub(1));
            v.rows = rows;
            // Passages are offsets into the index's mentions: list them again if asked.
            v.shared = None;
        }
    }

    pub(super) fn company_action(&mut self, action: Action, count: usize, fx: &mut Vec<Effect>) {
        let library = &self.library;
        let index = &self.entities.index;
        let Some(Overlay::Company(v)) = &mut self.overlay else {
            return;
        };
        match &mut v.shared {
            Some(s) => {
                if move_selection(
                    &mut s.selected,
                    s.passages.len(),
                    OVERLAY_PAGE,
                    action,
                    count,
                ) {
                    return;
                }
            }
            None => {
                if move_selection(&mut v.selected, v.rows.len(), OVERLAY_PAGE, action, count) {
                    return;
                }
            }
        }
        match action {
            Action::Open => match &v.shared {
                None => {
                    let Some(with) = v.rows.get(v.selected).map(|c| c.id) else {
                        return;
                    };
                    let paras = |d: usize, o: usize| paragraph_of(library, d, o);
                    let quotes = &self.entities.quotes;
                    let passages = company::shared_or_said(index, &paras, quotes, v.of, with);
                    v.shared = Some(SharedList {
                        with,
                        passages,
                        selected: 0,
                    });
                }
                Some(s) => {
                    let walk = Walk {
                        a: v.of,
                        b: s.with,
                        passages: s.passages.clone(),
                        at: s.selected,
                    };
                    self.overlay = None;
                    self.go_to_passage(walk, fx);
                }
            },
            Action::Cancel => {
                if v.shared.is_some() {
                    v.shared = None;
                } else {
                    self.overlay = None;
                }
            }
            Action::Company => self.overlay = None,
            Action::Quit => self.quit(fx),
            Action::Redraw => fx.push(Effect::Redraw),
            _ => {}
        }
    }

    fn go_to_passage(&mut self, walk: Walk, fx: &mut Vec<Effect>) {
        let Some(p) = walk.passages.get(walk.at).cloned() else {
            return;
        };
        self.reading.walk = Some(walk);
        self.reading.follow = Follow::Passages;
        self.status.dismiss();
        self.open_at(p.doc, Some(p.range.start), fx);
    }

    /// `n` / `N` through the shared passages: the next one after the cursor.
    pub(crate) fn step_passage(&mut self, forward: bool, fx: &mut Vec<Effect>) {
        let Some(mut walk) = self.reading.walk.take() else {
            return;
        };
        let n = walk.passages.len();
        if n == 0 {
            return;
        }
        let key = |p: &Passage| {
            (
                self.library.row_of(p.doc).unwrap_or(usize::MAX),
                p.range.start,
            )
        };
        let row = self
            .reading
            .open
            .and_then(|o| self.library.row_of(o))
            .unwrap_or(0);
        let at = self.reading.place().map_or(0, |p| p.cursor);
        let here = (row, at);
        let on_it = walk
            .passages
            .get(walk.at)
            .is_some_and(|p| self.reading.open == Some(p.doc) && p.range.contains(&at));
        walk.at = if on_it {
            if forward {
                (walk.at + 1) % n
            } else {
                (walk.at + n - 1) % n
            }
        } else {
            let after = walk.passages.partition_point(|p| key(p) < here);
            if forward {
                after % n
            } else {
                (after + n - 1) % n
            }
        };
        self.go_to_passage(walk, fx);
    }

    /// `Macron & Scholz · passage 2/5`, for the status bar.
    pub fn passage_status(&self) -> Option<String> {
        let w = self.reading.walk.as_ref()?;
        let name = |id| {
            self.entities
                .index
                .entity(id)
                .map_or(String::new(), |e| e.name().to_string())
        };
        Some(format!(
            "{} & {} · passage {}/{}",
            name(w.a),
            name(w.b),
            w.at + 1,
            w.passages.len()
        ))
    }
}
