//! A quotation in a passive clause with its agent after it (« X est décrit comme « … » par un voisin », "X was
//! described as "…" by a friend"): the agent said the words, not the clause's subject.

use super::super::cue::{Ref, Vg};
use super::super::lexicon::W;
use super::super::np::Head;
use super::super::para::{NONE, Para};

impl<'a> Para<'a> {
    /// The agent after a quotation that closes at `close` and opened at `open`, in a passive of a speech or naming
    /// verb right before it (« est décrit comme « … » par Y », « sont qualifiés de « … » par Y »), with the verb as
    /// its cue.
    pub(super) fn passive_agent(&self, open: usize, close: usize) -> Option<(Vg, Ref)> {
        if !self.any(close + 1, words!["par", "by"]) {
            return None;
        }
        let floor = self.sent_start(open);
        // the participle within a few words before the quotation (« décrit comme », « qualifiés de »), an
        // auxiliary right before it (« est », « a été », "was")
        let p = (open.saturating_sub(3).max(floor + 1)..open)
            .rev()
            .find(|&p| self.is(p, W::SAY | W::NAME) && self.is(p - 1, W::AUX))?;
        if (p + 1..open).any(|j| !self.tok(j).is_some_and(|t| t.is_word() && t.q == NONE)) {
            return None;
        }
        let who = self.np_starting(close + 2, self.sent_end(close))?;
        if !matches!(
            who.head,
            Head::Entity(_) | Head::Name | Head::RolePer | Head::RoleOrg | Head::Desc
        ) || self.tok(who.first).is_some_and(|t| t.q != NONE)
        {
            return None;
        }
        let vg = Vg {
            first: p - 1,
            verb: p,
            last: p,
            inverted: None,
            implicit: false,
            coord: false,
        };
        Some((vg, Ref::Np(self.named_apposition(who))))
    }
}
