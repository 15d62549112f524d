//! Where a speech verb stands: before its subject (« …, a indiqué la direction », "…, said the minister": which
//! verbs may, in each language) and after the clitics and negation written before it (« lui avait dit »). Apart
//! from the verb group's reading (`mod.rs`) because it is about the verb's place, not what it is.

use super::super::lexicon::{Lang, W};
use super::super::para::Para;
use super::Vg;

impl<'a> Para<'a> {
    /// Whether a speech verb may stand before its subject (« …, a indiqué la direction »): any in French, in
    /// English only a few verbs of saying, never one with an object (« told LA Weekly »).
    pub fn inverts(&self, v: usize) -> bool {
        self.lang() == Lang::Fr
            || self.any(
                v,
                words![
                    "said",
                    "says",
                    "added",
                    "adds",
                    "wrote",
                    "writes",
                    "asked",
                    "explained",
                    "continued",
                    "noted",
                    "recalled",
                    "argued",
                    "insisted",
                    "warned",
                    "announced",
                    "stated",
                ],
            )
    }

    /// An English speech verb that stands before its subject only when that subject names someone ("…,"
    /// replied the minister; not ", claimed the lives of 20 people"): any past or present of one that takes no
    /// person as its object.
    pub fn inverts_named(&self, v: usize) -> bool {
        self.lang() == Lang::En
            && self.is(v, W::SAY | W::QUOTE_ONLY)
            && !self.tells(v)
            && self.tok(v).is_some_and(|t| t.is(W::FIN) && !t.is(W::INF))
    }

    /// Extends a group over the clitics and negation before it (« lui avait dit », « ne confirme »).
    pub(super) fn with_clitics(&self, mut vg: Vg) -> Vg {
        let floor = self.sent_start(vg.first);
        while vg.first > floor
            && self.is(vg.first - 1, W::CLITIC)
            && !self.is(vg.first - 1, W::PRON_SING | W::PRON_PLUR)
        {
            vg.first -= 1;
        }
        vg
    }
}
