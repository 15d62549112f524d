//! A quotation cut in two by an incise (« Nous ferons, a-t-il dit, tout … », « “A, rappelle Ana Durand,
//! professeure de sociologie. B” »): where it is cut, who the incise says speaks.

use super::super::cue::{Ref, Vg};
use super::super::lexicon::W;
use super::super::np::Np;
use super::super::para::Para;

impl<'a> Para<'a> {
    /// An incise inside the quotation `first..=last`: a comma, an inverted or postposed speech verb with its
    /// subject, a comma (« Nous ferons, a-t-il dit, tout … »). (comma, verb group, closing comma, subject)
    pub(super) fn incise(&self, first: usize, last: usize) -> Option<(usize, Vg, usize, Ref)> {
        for c1 in first..last {
            if self.punct(c1) != ',' {
                continue;
            }
            if let Some((vg, c2, who)) = self.named_incise(c1 + 1, last) {
                return Some((c1, vg, c2, Ref::Np(who)));
            }
            for v in c1 + 1..(c1 + 4).min(last) {
                let Some(vg) = self.verb_group_inside(v) else {
                    continue;
                };
                if vg.inverted.is_none() {
                    continue;
                }
                // closed by a comma, or by a full stop with the quotation going on after it (« A, écrit-elle.
                // B »)
                let c2 = (vg.last + 1..(vg.last + 8).min(last)).find(|&j| {
                    self.punct(j) == ','
                        || (self.punct(j) == '.'
                            && j + 1 < last
                            && self.tok(j + 1).is_some_and(|t| t.is_word()))
                })?;
                return Some((c1, vg, c2, self.subject_of(&vg)));
            }
        }
        None
    }

    /// An incise of a speech verb and a person named after it, inside marks the writer did not close around it
    /// (« “A, rappelle Ana Durand, professeure de sociologie. B” »), its verb at `v`: the verb group, the token
    /// that ends the incise (the comma after the name, or the full stop after its apposition) and the person.
    fn named_incise(&self, v: usize, last: usize) -> Option<(Vg, usize, Np)> {
        let t = self.tok(v)?;
        if !t.is(W::SAY) || !t.is(W::FIN) || t.cap() || !self.inverts(v) {
            return None;
        }
        let m = self.per_org(v + 1)?;
        if self.mention_label(m) != Some(crate::Label::Per) {
            return None;
        }
        let end = self.mention_end(v + 1);
        let who = self.np_from(v + 1, end)?;
        let c2 = match self.punct(end) {
            // an apposition of lower-case words to a full stop, the quotation going on after it
            ',' if self.tok(end + 1).is_some_and(|t| t.is_word() && !t.cap()) => (end + 1
                ..(end + 16).min(last))
                .find(|&j| !self.tok(j).is_some_and(|t| t.is_word()))
                .filter(|&j| {
                    self.punct(j) == '.' && self.tok(j + 1).is_some_and(|t| t.is_word() && t.cap())
                })
                .or(Some(end))?,
            ',' => end,
            _ => return None,
        };
        let vg = Vg {
            first: v,
            verb: v,
            last: v,
            inverted: None,
            implicit: false,
            coord: false,
        };
        Some((vg, c2, who))
    }

    /// [`Para::verb_group`] for a token inside a quotation (an incise), inverted verbs only.
    fn verb_group_inside(&self, v: usize) -> Option<Vg> {
        let t = self.tok(v)?;
        if !t.is(W::INVERTED) {
            return None;
        }
        if t.is(W::CUE_VERB) {
            return Some(Vg {
                first: v,
                verb: v,
                last: v,
                inverted: Some(t.is(W::INV_PLUR)),
                implicit: false,
                coord: false,
            });
        }
        // « a-t-il dit »
        if t.is(W::AUX) && self.is(v + 1, W::CUE_VERB) && self.is(v + 1, W::PP) {
            return Some(Vg {
                first: v,
                verb: v + 1,
                last: v + 1,
                inverted: Some(t.is(W::INV_PLUR)),
                implicit: false,
                coord: false,
            });
        }
        None
    }
}

pub(super) fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let s = text.get(start..end).unwrap_or("");
    start
        + s.trim_end_matches(|c: char| c.is_whitespace() || c == ',')
            .len()
}

pub(super) fn trim_start(text: &str, start: usize, end: usize) -> usize {
    let s = text.get(start..end).unwrap_or("");
    end - s
        .trim_start_matches(|c: char| c.is_whitespace() || c == ',')
        .len()
}
