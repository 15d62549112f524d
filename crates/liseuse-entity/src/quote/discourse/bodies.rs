//! Bodies as speakers: a person who speaks for one (« un porte-parole du ministère »: « ils » may stand for them),
//! and a body's name the tagger cut short, written in full as the phrase before the verb gives it.

use super::super::lexicon::W;
use super::super::np::Np;
use super::super::para::Para;
use super::speaker::collapse;
use crate::Label;
use std::rc::Rc;

/// Whether a person's role is one of a body (« un porte-parole du ministère des Affaires étrangères », "a
/// spokesman for the company"): an organisation or a body's word after the role.
pub(super) fn speaks_for_body(p: &Para, np: &Np) -> bool {
    np.inner
        .is_some_and(|m| p.mention_label(m) == Some(Label::Org))
        || (np.head_tok + 1..=np.last).any(|j| p.is(j, W::ROLE_ORG))
}

/// A body's name the tagger cut before its end, as the phrase before the verb writes it in full: the words
/// from organisation mention `m` (ending at token `e`) to the phrase's `last` token, when its complement or the
/// rest of its name follows right after it (« la Direction des examens [et concours] », « le Haut Commissaire
/// des Nations unies aux droits [de l'homme] »; "of" and "and" alike in English).
pub(super) fn cut_body(p: &Para, m: u32, e: usize, last: usize) -> Option<Rc<str>> {
    if e > last
        || p.mention_label(m) != Some(Label::Org)
        || !(p.is_of(e) || p.any(e, words!["et", "and"]))
    {
        return None;
    }
    let (a, b) = (p.tok(p.mention_start(e - 1))?, p.tok(last)?);
    Some(collapse(p.text.get(a.start as usize..b.end as usize)?).into())
}
