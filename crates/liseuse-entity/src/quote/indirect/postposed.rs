//! A French postposed cue written without its comma: « [Les vents étaient puissants] précise la compagnie. »,
//! « [La piste terroriste aurait été écartée] a fait savoir la police russe. »: the verb group after a clause of
//! its own, its subject after it ending the sentence.

use super::super::cue::Vg;
use super::super::lexicon::{Lang, W};
use super::super::np::{Head, Np};
use super::super::para::{NONE, Para};

impl<'a> Para<'a> {
    /// The subject of a postposed cue with no comma before it, when the words before the verb group are a
    /// clause (a verb of their own) and its subject after it names someone and ends the sentence.
    pub(super) fn bare_postposed(&self, vg: &Vg, floor: usize) -> Option<Np> {
        if self.lang() != Lang::Fr || vg.inverted.is_some() || vg.implicit || vg.first < floor + 4 {
            return None;
        }
        // the word before: the clause's last word, not a subject's (« le ministre précise »), a conjunction or
        // a relative (« et a précisé », « qui précise »), nor a quotation (its own cue)
        let b = vg.first - 1;
        let bt = self.tok(b)?;
        if !bt.is_word()
            || bt.q != NONE
            || bt.ment != NONE
            || self.is(
                b,
                W::FUNCTION | W::ROLE_PER | W::ROLE_ORG | W::DESC | W::NOUN,
            )
            || self.any(b, words!["qui", "que", "qu", "comme", "ce", "dont", "où"])
        {
            return None;
        }
        let np = self.subject_after(vg.last)?;
        if !matches!(
            np.head,
            Head::Entity(_) | Head::Name | Head::RolePer | Head::RoleOrg | Head::Desc
        ) {
            return None;
        }
        let end = self.sent_end(vg.last);
        let closes = np.last + 1 >= end
            || matches!(self.punct(np.last + 1), '.' | '!' | '?' | ',')
            || self.complements_only(np.last + 1, end);
        // a clause before it: an auxiliary or a modal of its own, no other speech verb, no colon
        let clause = (floor..b).any(|j| {
            self.is(j, W::AUX)
                || self.any(
                    j,
                    words![
                        "doit",
                        "doivent",
                        "devrait",
                        "devraient",
                        "peut",
                        "peuvent",
                        "pourrait",
                        "pourraient",
                        "va",
                        "vont",
                    ],
                )
        }) && (floor..b)
            .all(|j| self.punct(j) != ':' && self.verb_group(j).is_none_or(|g| g.implicit));
        (closes && clause).then_some(np)
    }
}
