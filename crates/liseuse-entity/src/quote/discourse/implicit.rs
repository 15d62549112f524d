//! Speakers the text leaves to the reader: a participle's or an infinitive's (the subject of the verb it hangs on,
//! an auxiliary, a speech verb or a modal), and « the latter » (the last person, or the last of a gender, named
//! before).

use super::super::cue::Ref;
use super::super::lexicon::W;
use super::super::np::Np;
use super::super::para::{NONE, Para};
use super::{Discourse, Spk};
use crate::Label;

impl Discourse<'_> {
    /// A participle's or an infinitive's speaker: a statement's author, the clause's speaker, the last one.
    pub(super) fn implicit(
        &mut self,
        p: &Para,
        sent: u32,
        noun: Option<usize>,
        after: usize,
        g: u64,
    ) -> Option<Spk> {
        let floor = p.sent_start(after);
        if let Some(n) = noun {
            if let Some(np) = p.np_ending(n, floor)
                && let Some(m) = np.inner
            {
                let k = (np.first..=np.last).find(|&j| p.tok(j).is_some_and(|t| t.ment == m))?;
                return Some(self.of_mention(p, m, k, p.mention_end(k)));
            }
            if let Some(np) = main_subject(p, floor, n) {
                return self.of_np(p, &np, g);
            }
        }
        // the speaker of a quotation or report earlier in the sentence
        if let Some((s, spk)) = &self.in_sentence
            && *s == sent
        {
            return Some(spk.clone());
        }
        if let Some(np) = main_subject(p, floor, after) {
            return self.of_np(p, &np, g);
        }
        self.last_speaker
            .as_ref()
            .filter(|(_, s)| g.saturating_sub(*s) <= 3)
            .map(|(spk, _)| spk.clone())
    }

    /// « celui-ci », « celle-ci » at token `k`: the last person named in its sentence or the one before whose
    /// gender is not the other one.
    pub(super) fn latter_of_gender(&mut self, p: &Para, k: usize, fem: bool) -> Option<Spk> {
        let floor = p.sent_start(p.sent_start(k).saturating_sub(1));
        let mut j = k;
        while j > floor {
            j -= 1;
            let Some(m) = p
                .tok(j)
                .filter(|t| t.q == NONE)
                .and_then(|_| p.per_org(j))
                .filter(|&m| p.mention_label(m) == Some(Label::Per))
            else {
                continue;
            };
            let a = p.mention_start(j);
            let spk = self.of_mention(p, m, a, j + 1);
            if spk.fem != Some(!fem) {
                return Some(spk);
            }
            j = a;
        }
        None
    }

    /// « ce dernier », « the latter » at token `k`: the last person named before it, in the paragraph or before.
    pub(super) fn latter(&mut self, p: &Para, k: usize) -> Option<Spk> {
        let found = (k.saturating_sub(300)..k).rev().find(|&j| {
            p.tok(j).is_some_and(|t| t.q == NONE)
                && p.per_org(j)
                    .is_some_and(|m| p.mention_label(m) == Some(Label::Per))
        });
        match found {
            Some(j) => {
                let m = p.tok(j).map_or(NONE, |t| t.ment);
                let a = p.mention_start(j);
                Some(self.of_mention(p, m, a, j + 1))
            }
            None => self.before_paragraph.clone(),
        }
    }
}

/// The subject, a phrase, of [`main_verb`] before token `until`: whom a participle or an infinitive after it is
/// said by.
fn main_subject(p: &Para, floor: usize, until: usize) -> Option<Np> {
    let v = main_verb(p, floor, until)?;
    let who = match p.verb_group(v) {
        Some(vg) => p.subject_of(&vg),
        None => p.subject_before(v).unwrap_or(Ref::None),
    };
    match who {
        Ref::Np(np) => Some(np),
        _ => None,
    }
}

/// The finite verb before token `until` (at most 30 tokens back, not before `floor`) whose subject a participle
/// after it shares: an auxiliary or a speech verb, else a modal before its infinitive (« X devrait officialiser sa
/// candidature, estimant que … » is X's). The modals are looked for only when nothing else is there: most
/// sentences have an auxiliary, and their tokens are not compared with the list.
fn main_verb(p: &Para, floor: usize, until: usize) -> Option<usize> {
    (floor..until)
        .rev()
        .take(30)
        .find(|&j| p.is(j, W::AUX) || p.verb_group(j).is_some_and(|v| !v.implicit))
        .or_else(|| {
            (floor..until).rev().take(30).find(|&j| {
                p.any(
                    j,
                    words![
                        "doit",
                        "doivent",
                        "devrait",
                        "devraient",
                        "devait",
                        "peut",
                        "peuvent",
                        "pourrait",
                        "pourraient",
                        "veut",
                        "veulent",
                        "voudrait",
                        "va",
                        "vont",
                        "allait",
                    ],
                )
            })
        })
}
