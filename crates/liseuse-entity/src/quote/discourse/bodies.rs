//! Bodies as speakers and the names of those described: a person who speaks for a body (« un porte-parole du
//! ministère »: « ils » may stand for them), a body's name the tagger cut short, written in full as the phrase
//! before the verb gives it, a description cut inside a participle's phrase, ended before it.

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

/// A body named after a place, the tagger having named the place only, as a place or as a person (« Ballyduff
/// Leisure Centre »: a place's pool, hospital or bar): the words from one-word mention `m` (ending at token `e`)
/// to the phrase's `last` token, when those after it are one to three capitalised words no mention names, the
/// last not in « -s » (a headline's verb: "Smith Slams Critics").
pub(super) fn place_body(p: &Para, m: u32, e: usize, last: usize) -> Option<Rc<str>> {
    if e == 0
        || e > last
        || last >= e + 3
        || p.mention_start(e - 1) != e - 1
        || !matches!(p.mention_label(m), Some(Label::Loc | Label::Per))
        || p.s(last).ends_with('s')
    {
        return None;
    }
    let body_word = |j: usize| {
        p.tok(j).is_some_and(|t| {
            t.cap() && t.q == super::super::para::NONE && t.ment == super::super::para::NONE
        }) && !p.is(j, W::FUNCTION)
    };
    if !(e..=last).all(body_word) {
        return None;
    }
    let (a, b) = (p.tok(p.mention_start(e - 1))?, p.tok(last)?);
    Some(collapse(p.text.get(a.start as usize..b.end as usize)?).into())
}

/// The last token of a description's name: before the participles that end the phrase when their complement
/// follows it unread (a preposition or a determiner right after: « les secours dépêchés sur les lieux »),
/// else the phrase's own last.
pub(super) fn participle_cut(p: &Para, np: &Np) -> usize {
    let complement = p.is(np.last + 1, W::PREP | W::DET)
        && p.tok(np.last + 1)
            .is_some_and(|t| t.q == super::super::para::NONE);
    let mut last = np.last;
    while complement && last > np.head_tok && participle(p, last) {
        last -= 1;
    }
    last
}

/// A past participle in lower case (« dépêchés », « arrêté », "sent"), by its ending.
fn participle(p: &Para, k: usize) -> bool {
    p.tok(k)
        .is_some_and(|t| t.is_word() && !t.cap() && !t.is(W::FUNCTION))
        && ["é", "ée", "és", "ées", "ed"]
            .iter()
            .any(|e| p.s(k).len() > 3 && p.s(k).ends_with(e))
}
