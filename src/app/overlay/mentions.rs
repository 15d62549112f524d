//! Every mention of the selected entity (`M`), one line of context each, in the list's order;
//! Enter goes there.

use super::super::list::{OVERLAY_PAGE, move_selection};
use super::super::{App, Effect};
use super::Overlay;
use crate::keys::action::Action;

#[derive(Debug, Clone, Default)]
pub struct MentionList {
    pub selected: usize,
    /// The selected entity's occurrences (indices into the index's list) in the list's
    /// order: sorted once when the list opens (a person named 100,000 times in a book), again
    /// when a new index comes in.
    pub rows: Vec<usize>,
}

impl App {
    /// `M`: every mention of the selected entity, one line each, in list order.
    pub(crate) fn open_mentions(&mut self) {
        if self.entities.selected.is_none() {
            self.status
                .say("select an entity first (Enter in the sidebar or on a line)");
            return;
        }
        let rows = self.mentions_in_list_order();
        let selected = self
            .entities
            .occurrence
            .and_then(|k| rows.iter().position(|&x| x == k))
            .unwrap_or(0);
        self.overlay = Some(Overlay::Mentions(MentionList { selected, rows }));
    }

    /// A new index: the list's rows are those of its occurrences.
    pub(crate) fn refresh_mention_list(&mut self) {
        if matches!(self.overlay, Some(Overlay::Mentions(_))) {
            let rows = self.mentions_in_list_order();
            if let Some(Overlay::Mentions(m)) = &mut self.overlay {
                m.selected = m.selected.min(rows.len().saturating_sub(1));
                m.rows = rows;
            }
        }
    }

    pub(super) fn mentions_action(&mut self, action: Action, count: usize, fx: &mut Vec<Effect>) {
        let Some(Overlay::Mentions(m)) = &mut self.overlay else {
            return;
        };
        if move_selection(&mut m.selected, m.rows.len(), OVERLAY_PAGE, action, count) {
            return;
        }
        match action {
            Action::Open => {
                let k = m.rows.get(m.selected).copied();
                self.overlay = None;
                if let Some(k) = k {
                    self.go_to_mention(k, fx);
                }
            }
            Action::Cancel | Action::Mentions => self.overlay = None,
            Action::Quit => self.quit(fx),
            Action::Redraw => fx.push(Effect::Redraw),
            _ => {}
        }
    }
}
