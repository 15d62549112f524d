//! When (`T`): the selected entity's mentions per day, month or year across the library, and
//! the articles naming it, oldest first, each with its date and where the date comes from;
//! Enter opens one at its first mention.

use super::super::list::{OVERLAY_PAGE, move_selection};
use super::super::{App, Effect};
use super::Overlay;
use crate::keys::action::Action;
use liseuse_entity::EntityId;
use liseuse_library::calendar::When;
use liseuse_library::timeline::{self, Source, Timeline};

#[derive(Debug, Clone)]
pub struct TimelineView {
    pub of: EntityId,
    pub timeline: Timeline,
    /// A row of the list: `timeline.dated`, then `timeline.undated`.
    pub selected: usize,
}

impl TimelineView {
    /// The article on row `row` of the list.
    pub fn doc_at(&self, row: usize) -> Option<usize> {
        let t = &self.timeline;
        match t.dated.get(row) {
            Some(x) => Some(x.doc),
            None => row
                .checked_sub(t.dated.len())
                .and_then(|k| t.undated.get(k))
                .map(|u| u.doc),
        }
    }

    pub fn rows(&self) -> usize {
        self.timeline.dated.len() + self.timeline.undated.len()
    }

    /// The bar holding the selected article.
    pub fn selected_bin(&self) -> Option<usize> {
        self.timeline
            .bins
            .iter()
            .position(|b| b.articles.contains(&self.selected))
    }
}

impl App {
    /// The date of article `doc` and where it comes from.
    pub fn article_date(&self, doc: usize) -> Option<(When, Source)> {
        let a = self.library.articles.get(doc)?;
        let m = a.meta.as_ref()?;
        timeline::dated(m.date.as_deref(), m.near_date.as_deref(), a.modified)
    }

    /// `T`: the selected entity over time.
    pub(crate) fn open_timeline(&mut self) {
        let Some(id) = self.entities.selected else {
            self.status
                .say("select an entity first (Enter in the sidebar or on a line)");
            return;
        };
        let timeline = timeline::timeline(&self.entities.index, id, |d| self.article_date(d));
        // The article open now, if it names the entity, else the newest.
        let open_row = timeline
            .dated
            .iter()
            .map(|x| x.doc)
            .chain(timeline.undated.iter().map(|u| u.doc))
            .position(|d| Some(d) == self.reading.open);
        let selected = open_row.unwrap_or(timeline.dated.len().saturating_sub(1));
        self.overlay = Some(Overlay::Timeline(TimelineView {
            of: id,
            timeline,
            selected,
        }));
    }

    /// A new index numbers the entities anew: the panel's entity is found again by its key
    /// (its title and Enter went to whichever entity got the old number), or it closes.
    pub(crate) fn refresh_timeline(&mut self, old: &liseuse_entity::EntityIndex) {
        let Some(Overlay::Timeline(v)) = &self.overlay else {
            return;
        };
        let again = super::super::entities::renumbered(old, &self.entities.index, [v.of])
            .get(&v.of)
            .copied();
        match (again, &mut self.overlay) {
            (Some(id), Some(Overlay::Timeline(v))) => v.of = id,
            _ => self.overlay = None,
        }
    }

    pub(super) fn timeline_action(&mut self, action: Action, count: usize, fx: &mut Vec<Effect>) {
        let Some(Overlay::Timeline(v)) = &mut self.overlay else {
            return;
        };
        let n = v.rows();
        if move_selection(&mut v.selected, n, OVERLAY_PAGE, action, count) {
            return;
        }
        match action {
            Action::Open => {
                let Some(doc) = v.doc_at(v.selected) else {
                    return;
                };
                let id = v.of;
                self.overlay = None;
                // At the article's first mention of the entity.
                let occ = self.entities.index.occurrences(id);
                let k = occ.position(|(d, _)| d as usize == doc);
                match k {
                    Some(k) => self.go_to_mention(k, fx),
                    None => self.open_at(doc, None, fx),
                }
            }
            Action::Cancel | Action::Timeline => self.overlay = None,
            Action::Quit => self.quit(fx),
            Action::Redraw => fx.push(Effect::Redraw),
            _ => {}
        }
    }
}
