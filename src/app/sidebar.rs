//! The sidebar: its rows (a heading per type, then its entities, by mentions here or in all
//! articles), its cursor and page, the types it shows and its filter. Apart from
//! `entities.rs`, which keeps the index, the selected entity and following it.

use super::App;
use super::entities::EntityState;
use super::input::{Input, Purpose};
use crate::keys::action::Action;
use liseuse_document::search::fold_str;
use liseuse_entity::{EntityId, Label};

/// A row of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideRow {
    /// A label's heading and how many entities it lists.
    Header(Label, usize),
    /// An entity, its mentions in the open article and in all articles.
    Entity {
        id: EntityId,
        here: usize,
        total: usize,
    },
}

impl EntityState {
    /// Lines the sidebar shows above its rows: the hidden types, the filter.
    pub fn header_lines(&self) -> usize {
        usize::from(Label::ALL.iter().any(|l| !self.shows(*l)))
            + usize::from(!self.filter.is_empty())
    }

    /// Label display name for the sidebar headings.
    pub fn heading(label: Label) -> &'static str {
        match label {
            Label::Per => "People",
            Label::Org => "Organisations",
            Label::Loc => "Places",
            Label::Date => "Dates",
        }
    }

    /// Recomputes the sidebar's rows for the open article `doc`.
    pub fn rebuild_rows(&mut self, doc: Option<usize>) {
        let here = self.counts_in(doc);
        let needle = fold_str(&self.filter);
        let keep = |id: EntityId| -> bool {
            // A name the engine is not sure of is highlighted, not listed.
            if !self.is_shown(id) {
                return false;
            }
            if needle.is_empty() {
                return true;
            }
            self.index.entity(id).is_some_and(|e| {
                fold_str(e.name()).contains(&needle)
                    || e.variants().any(|v| fold_str(v).contains(&needle))
            })
        };
        let mut rows = Vec::new();
        for label in Label::ALL {
            if !self.shows(label) {
                continue;
            }
            let mut items: Vec<SideRow> = if self.corpus {
                self.index
                    .entities()
                    .iter()
                    .filter(|e| e.label == label && keep(e.id))
                    .map(|e| SideRow::Entity {
                        id: e.id,
                        here: here.get(&e.id).copied().unwrap_or(0),
                        total: e.mentions as usize,
                    })
                    .collect()
            } else {
                here.iter()
                    .filter_map(|(&id, &n)| {
                        let e = self.index.entity(id)?;
                        (e.label == label && keep(id)).then_some(SideRow::Entity {
                            id,
                            here: n,
                            total: e.mentions as usize,
                        })
                    })
                    .collect()
            };
            if items.is_empty() {
                continue;
            }
            let corpus = self.corpus;
            items.sort_by(|a, b| match (a, b) {
                (
                    SideRow::Entity {
                        id: ia,
                        here: ha,
                        total: ta,
                    },
                    SideRow::Entity {
                        id: ib,
                        here: hb,
                        total: tb,
                    },
                ) => {
                    let order = if corpus {
                        tb.cmp(ta).then(hb.cmp(ha))
                    } else {
                        hb.cmp(ha).then(tb.cmp(ta))
                    };
                    order.then(ia.cmp(ib))
                }
                _ => std::cmp::Ordering::Equal,
            });
            rows.push(SideRow::Header(label, items.len()));
            rows.extend(items);
        }
        // Keep the cursor on the same entity when it is still listed.
        let was = self.cursor_entity();
        self.rows = rows;
        self.cursor = was
            .and_then(|id| {
                self.rows
                    .iter()
                    .position(|r| matches!(r, SideRow::Entity { id: x, .. } if *x == id))
            })
            .or_else(|| {
                self.rows
                    .iter()
                    .position(|r| matches!(r, SideRow::Entity { .. }))
            })
            .unwrap_or(0);
    }

    pub fn cursor_entity(&self) -> Option<EntityId> {
        match self.rows.get(self.cursor)? {
            SideRow::Entity { id, .. } => Some(*id),
            SideRow::Header(..) => None,
        }
    }

    /// Moves the cursor by `delta` entity rows (headers are skipped).
    fn move_cursor(&mut self, delta: isize) {
        let entity_rows: Vec<usize> = (0..self.rows.len())
            .filter(|&i| matches!(self.rows.get(i), Some(SideRow::Entity { .. })))
            .collect();
        if entity_rows.is_empty() {
            return;
        }
        let at = entity_rows
            .iter()
            .position(|&i| i >= self.cursor)
            .unwrap_or(0) as isize;
        let to = (at + delta).clamp(0, entity_rows.len() as isize - 1) as usize;
        if let Some(&row) = entity_rows.get(to) {
            self.cursor = row;
        }
    }
}

impl App {
    pub fn sidebar_page(&self) -> usize {
        self.geometry()
            .and_then(|g| g.sidebar)
            .map_or(10, |s| usize::from(s.height.saturating_sub(2)).max(1))
    }

    /// The sidebar's cursor back on the entity of `key` after a new index, which numbers the
    /// entities anew (the rows keep the old number, now another entity's), and in view.
    pub(super) fn sidebar_cursor_to(&mut self, key: &str) {
        let e = &mut self.entities;
        let row = e.rows.iter().position(|r| match r {
            SideRow::Entity { id, .. } => e.index.entity(*id).is_some_and(|x| x.key() == key),
            SideRow::Header(..) => false,
        });
        let Some(row) = row else {
            return;
        };
        e.cursor = row;
        let page = self.sidebar_page();
        let e = &mut self.entities;
        if e.cursor < e.top {
            e.top = e.cursor;
        } else if e.cursor >= e.top + page {
            e.top = e.cursor + 1 - page;
        }
    }

    pub(super) fn sidebar_action(&mut self, action: Action, count: usize) {
        let page = self.sidebar_page() as isize;
        let n = count.clamp(1, 1_000_000) as isize;
        let e = &mut self.entities;
        match action {
            Action::Down | Action::ScrollDown => e.move_cursor(n),
            Action::Up | Action::ScrollUp => e.move_cursor(-n),
            Action::PageDown => e.move_cursor(page * n),
            Action::PageUp => e.move_cursor(-page * n),
            Action::HalfPageDown => e.move_cursor((page / 2).max(1) * n),
            Action::HalfPageUp => e.move_cursor(-(page / 2).max(1) * n),
            Action::Top => e.move_cursor(isize::MIN / 2),
            Action::Bottom => e.move_cursor(isize::MAX / 2),
            _ => {}
        }
        let page = page as usize;
        if e.cursor < e.top {
            e.top = e.cursor;
        } else if e.cursor >= e.top + page {
            e.top = e.cursor + 1 - page;
        }
    }

    /// `P`, `O`, `L`, `D`: a type's mentions highlighted and listed, or not.
    pub(super) fn toggle_label(&mut self, label: Label) {
        let e = &mut self.entities;
        let shown = e.labels.contains(&label);
        if shown {
            e.labels.retain(|l| *l != label);
        } else {
            e.labels.push(label);
            e.labels.sort();
        }
        if !e.shows(label)
            && e.selected
                .and_then(|id| e.index.entity(id))
                .is_some_and(|x| x.label == label)
        {
            e.selected = None;
            e.occurrence = None;
        }
        let name = EntityState::heading(label).to_lowercase();
        self.status.say(if shown {
            format!("{name} hidden (the same key shows them)")
        } else {
            format!("{name} shown")
        });
        self.entities.rebuild_rows(self.reading.open);
    }

    pub(super) fn toggle_scope(&mut self) {
        self.entities.corpus = !self.entities.corpus;
        self.entities.top = 0;
        self.entities.rebuild_rows(self.reading.open);
    }

    pub(super) fn start_sidebar_filter(&mut self) {
        let f = self.entities.filter.clone();
        self.input = Some(Input::new(Purpose::SidebarFilter, &f));
    }

    pub(super) fn filter_sidebar(&mut self, filter: &str) {
        self.entities.filter = filter.to_string();
        self.entities.top = 0;
        self.entities.rebuild_rows(self.reading.open);
    }
}
