//! A cue's subject: the phrase after the verb group in an inverted or postposed cue, the subject of the verb it is
//! coordinated with or of the clause an infinitive hangs on, none written, or else the phrase before the verb
//! (`before.rs`).

use super::super::lexicon::{Lang, W};
use super::super::np::{Head, Np};
use super::super::para::{NONE, Para};
use super::{Ref, Vg};

impl<'a> Para<'a> {
    /// Who the verb group says speaks.
    pub fn subject_of(&self, vg: &Vg) -> Ref {
        if let Some(plural) = vg.inverted {
            return Ref::Np(Np {
                first: vg.first,
                last: vg.first,
                head: Head::Pronoun { plural },
                head_tok: vg.first,
                inner: None,
                plural,
            });
        }
        if vg.implicit {
            let floor = self.sent_start(vg.verb);
            // « Khamenei disant », « a statement saying »
            let p = vg.first.checked_sub(1).filter(|&p| p >= floor);
            if let Some(p) = p
                && self.per_org(p).is_some()
            {
                let m = self.mention_start(p);
                if let Some(np) = self.np_from(m, p + 1) {
                    return Ref::Np(np);
                }
            }
            // "…, the government recommending "…"", « …, le ministère précisant que »: a body or a person's role
            // right before the participle is its subject
            if let Some(p) = p
                && self.is(p, W::ROLE_ORG | W::ROLE_PER)
                && let Some(np) = self.np_ending(p, floor)
                && matches!(np.head, Head::RoleOrg | Head::RolePer)
                && np.first > floor
                && self.punct(np.first - 1) == ','
            {
                return Ref::Np(np);
            }
            let noun = (floor..vg.first)
                .rev()
                .take(4)
                .find(|&k| self.is(k, W::NOUN));
            return Ref::Implicit {
                after_noun: noun,
                after: vg.first,
            };
        }
        // « l'individu arrêté la veille pour avoir appelé à « … » »: the phrase the infinitive hangs on
        if self.any(vg.first, words!["avoir", "être", "having", "being"]) {
            let floor = self.sent_start(vg.first);
            let prep = vg.first.checked_sub(1).filter(|&p| {
                p > floor
                    && self.any(
                        p,
                        words![
                            "pour", "sans", "après", "de", "d", "for", "after", "without",
                        ],
                    )
            });
            // the nearest phrase before it that names someone (« l'individu arrêté la veille »)
            let named = prep.and_then(|p| {
                (p.saturating_sub(8).max(floor)..p)
                    .rev()
                    .filter_map(|j| self.np_ending(j, floor))
                    .find(|np| np.head != Head::Other)
            });
            if let Some(np) = named {
                return Ref::Np(np);
            }
            // « un vigile …, a été interpellé à la sortie de son domicile pour avoir appelé à « … » »: the
            // infinitive's subject is that of the clause it hangs on, passive or not
            let governing = prep.and_then(|p| {
                (floor..p).rev().take(30).find(|&j| {
                    self.tok(j).is_some_and(|t| t.q == NONE)
                        && (self.is(j, W::AUX) || self.verb_group(j).is_some_and(|g| !g.implicit))
                })
            });
            return governing
                .and_then(|v| self.subject_before(self.verb_group(v).map_or(v, |g| g.first)))
                .filter(|r| matches!(r, Ref::Np(_) | Ref::Latter(_)))
                .unwrap_or(Ref::None);
        }
        if vg.coord {
            return match self.aux_before(vg.verb, self.sent_start(vg.verb)) {
                Some(a) => self.subject_before(a).unwrap_or(Ref::None),
                None => Ref::None,
            };
        }
        let before = vg.first.checked_sub(1);
        let open_left = before.is_none_or(|b| {
            b < self.sent_start(vg.first)
                || self.punct(b) == ','
                || self.quote_closes_at(b).is_some()
                || self.punct(b) == '-'
                // « comme l'a dit X », « ce qu'a confié X »: inverted after « comme » and « ce que »
                || (self.lang() == Lang::Fr
                    && (self.is_word(b, word!("comme"))
                        || (self.any(b, words!["que", "qu"])
                            && b.checked_sub(1).is_some_and(|c| self.is_word(c, word!("ce"))))))
        });
        if open_left && let Some(np) = self.inverted_subject(vg) {
            return Ref::Np(np);
        }
        // "X made a bold claim that", "X issued a stark warning that": the cue word is the object noun of
        // another verb, whose subject speaks (not "a bold")
        if let Some(v) = self.object_noun_verb(vg) {
            return self.subject_before(v).unwrap_or(Ref::None);
        }
        self.subject_before(vg.first).unwrap_or(Ref::None)
    }

    /// The verb whose object the cue word of `vg` is, when it reads as a noun after a determiner and a few
    /// modifiers ("made [a bold] claim"): a past or « -ed » form right before the determiner.
    fn object_noun_verb(&self, vg: &Vg) -> Option<usize> {
        if vg.first != vg.verb || !self.is(vg.verb, W::NOUN) {
            return None;
        }
        let floor = self.sent_start(vg.verb);
        // the determiner over one or two lower-case modifiers (a determiner right before is no verb group)
        let det = (vg.verb.saturating_sub(3).max(floor)..vg.verb)
            .rev()
            .take_while(|&j| {
                self.is(j, W::DET)
                    || self.tok(j).is_some_and(|t| {
                        t.is_word() && !t.cap() && t.q == NONE && !t.is(W::FUNCTION)
                    })
            })
            .find(|&j| self.is(j, W::DET) && !self.is(j, W::CLITIC))?;
        let v = det.checked_sub(1).filter(|&v| v > floor)?;
        let t = self.tok(v)?;
        let past = t.is_word()
            && !t.cap()
            && t.q == NONE
            && !t.is(W::FUNCTION | W::CUE_VERB)
            && (self.irregular_past(v) || (self.s(v).len() > 3 && self.s(v).ends_with("ed")));
        past.then_some(v)
    }
}
