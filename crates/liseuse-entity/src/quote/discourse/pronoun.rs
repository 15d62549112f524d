//! « il », « elle », « he », « they »: the person or body a pronoun stands for, and, for the learning
//! experiment (`examples/quotes_learn.rs`), what the choice weighed ([`super::super::trace`]).

use super::super::para::Para;
use super::{Discourse, PRONOUN_REACH, Slot, Spk};
use std::rc::Rc;

/// Where the people a pronoun at token `k` may stand for are named before (a byte offset): before the pronoun,
/// or, after a fronted participle's clause (« N'ayant pas apprécié la rumeur de X affirmant …, il a rétabli »,
/// "Having read X's post claiming …, he said"), before its sentence: the participle's subject is the pronoun's
/// referent, not anyone named inside that clause.
pub(super) fn named_before(p: &Para, k: usize) -> u32 {
    let at = |j: usize| p.tok(j).map_or(u32::MAX, |t| t.start);
    let floor = p.sent_start(k);
    if k <= floor + 2 || p.punct(k - 1) != ',' {
        return at(k);
    }
    // the clause's first word, past a negation's « ne »
    let first =
        (floor..k).find(|&j| p.tok(j).is_some_and(|t| t.is_word()) && !p.any(j, words!["n", "ne"]));
    let participle = first.is_some_and(|j| {
        p.any(j, words!["ayant", "étant", "having", "being"])
            || (p.s(j).len() > 5
                && p.tok(j).is_some_and(|t| t.ment == super::super::para::NONE)
                && (p.s(j).ends_with("ant") || p.s(j).ends_with("ing")))
    });
    if participle { at(floor) } else { at(k) }
}

/// How far back in its sentence the verb a pronoun's addressee is the object of is looked for, in tokens.
const ADDRESSEE_REACH: usize = 60;

/// The person a speech verb before the pronoun at token `k`, in its sentence, speaks to ("X told Y that … as he
/// warned", « X a dit à Y que … »): the verb's object, right after it. Its subject is who goes on speaking in that
/// sentence; the one spoken to is not the pronoun's referent.
pub(super) fn addressee(p: &Para, k: usize) -> Option<u32> {
    let mut j = p.sent_start(k).max(k.saturating_sub(ADDRESSEE_REACH));
    while j < k {
        let Some(vg) = p.verb_group(j) else {
            j += 1;
            continue;
        };
        let mut o = vg.last + 1;
        if p.any(o, words!["à", "to"]) {
            o += 1;
        }
        if o < k
            && let Some(m) = p.per_org(o)
            && p.mention_label(m) == Some(crate::Label::Per)
        {
            return p.doc.mentions.get(m as usize).map(|x| x.local());
        }
        j = vg.last.max(j) + 1;
    }
    None
}

impl<'a> Discourse<'a> {
    /// Hands the pronoun resolutions of a quotation to [`super::super::trace`], with their referents' names.
    pub(super) fn record(&mut self, range: std::ops::Range<usize>) {
        for (alts, rule) in std::mem::take(&mut self.traced) {
            let alts = alts
                .into_iter()
                .map(|(spk, features)| super::super::trace::Alt {
                    name: self.name_of(&spk).to_string(),
                    features,
                })
                .collect();
            super::super::trace::push(super::super::trace::Case {
                start: range.start,
                end: range.end,
                alts,
                rule,
            });
        }
    }

    /// Records what a pronoun could have stood for and what the rule chose (for the learning experiment).
    pub(super) fn trace(
        &mut self,
        plural: bool,
        g: u64,
        continuation: bool,
        (fem, english): (Option<bool>, bool),
        chosen: &Option<Spk>,
    ) {
        let age = |at: u64| match g.saturating_sub(at) {
            0 => "0",
            1 => "1",
            2 => "2",
            3 | 4 => "3-4",
            _ => "5+",
        };
        let recent_slot = match (&self.last_speaker, &self.last_subject) {
            (Some((_, x)), Some((_, y))) if y > x => "subj",
            (Some(_), _) => "spk",
            (None, Some(_)) => "subj",
            _ => "",
        };
        let slots: [Slot; 5] = [
            (
                "spk",
                self.last_speaker.as_ref().map(|(s, a)| (s, Some(*a))),
            ),
            (
                "subj",
                self.last_subject.as_ref().map(|(s, a)| (s, Some(*a))),
            ),
            ("first", self.first_per.as_ref().map(|(s, a)| (s, Some(*a)))),
            ("lastper", self.last_per.as_ref().map(|s| (s, None))),
            ("before", self.before_paragraph.as_ref().map(|s| (s, None))),
        ];
        let key = |s: &Spk| {
            (
                s.entity,
                if s.entity.is_some() {
                    Rc::from("")
                } else {
                    s.name.clone()
                },
            )
        };
        let mut alts: Vec<(Spk, Vec<String>)> = Vec::new();
        for (slot, x) in slots {
            let Some((s, at)) = x else { continue };
            let mut f = vec![format!("slot={slot}")];
            if let Some(at) = at {
                f.push(format!("{slot}_age={}", age(at)));
            }
            if slot == recent_slot {
                f.push("most_recent".into());
            }
            if continuation {
                f.push(format!("cont&{slot}"));
            }
            let number = if plural {
                s.plural || !s.person || s.body
            } else {
                !s.plural
            };
            f.push(
                if number {
                    "number_fits"
                } else {
                    "number_misfit"
                }
                .into(),
            );
            if fem.is_some() && s.fem.is_some() && s.fem != fem {
                f.push("gender_misfit".into());
            }
            if english && !plural && !s.person {
                f.push("en_he_not_person".into());
            }
            if s.nobody {
                f.push("nobody".into());
            }
            if s.entity.is_some() {
                f.push("entity".into());
            }
            if s.person {
                f.push("person".into());
            }
            match alts.iter_mut().find(|(a, _)| key(a) == key(s)) {
                Some((_, feats)) => {
                    for x in f {
                        if !feats.contains(&x) {
                            feats.push(x);
                        }
                    }
                }
                None => alts.push((s.clone(), f)),
            }
        }
        let rule = chosen
            .as_ref()
            .and_then(|c| alts.iter().position(|(a, _)| key(a) == key(c)));
        self.traced.push((alts, rule));
    }

    /// « il », « elle », « he »: the most recent of the last speaker and the last subject (within two
    /// sentences), else the first person named in the sentence before, else the last person named; « ils »,
    /// « they »: the last plural speaker or body. Only someone named before the pronoun (at byte `pos`): not its
    /// own sentence's subject after it (« Selon lui, Paul Martin a menti »), not a name later in its sentence
    /// (« Il a crié « … » et réclamé la libération de X »).
    pub(super) fn pronoun(
        &self,
        plural: bool,
        g: u64,
        continuation: bool,
        (fem, english): (Option<bool>, bool),
        pos: u32,
        addressee: Option<u32>,
    ) -> Option<Spk> {
        // a name the stage could not give (a subject it read as no one) stands for no one; « il » is no
        // feminine phrase (« l'opposition ») nor a woman the first name says is one (« Oksana »); in English
        // « he » and « she » are people, not bodies, and of the gender their names say
        let fits = |s: &Spk| {
            s.start <= pos
                && !s.nobody
                && (if plural {
                    s.plural || !s.person || s.body
                } else {
                    !s.plural
                })
                && !(fem.is_some() && s.fem.is_some() && s.fem != fem)
                && (plural || !english || s.person)
                && (addressee.is_none() || s.entity != addressee)
        };
        // « Il a ajouté », « he added »: the one who was speaking goes on
        if continuation
            && let Some((s, at)) = &self.last_speaker
            && fits(s)
            && g.saturating_sub(*at) <= 4
        {
            return Some(s.clone());
        }
        let recent = |x: &Option<(Spk, u64)>, reach: u64| {
            x.as_ref()
                .filter(|(s, at)| fits(s) && g.saturating_sub(*at) <= reach)
                .map(|(s, at)| (s.clone(), *at))
        };
        let speaker = recent(&self.last_speaker, PRONOUN_REACH);
        let subject = match &self.last_subject {
            Some((s, _)) if s.start > pos => recent(&self.prev_subject, PRONOUN_REACH),
            _ => recent(&self.last_subject, PRONOUN_REACH),
        };
        match (speaker, subject) {
            (Some((a, x)), Some((b, y))) => return Some(if y > x { b } else { a }),
            (Some((a, _)), None) | (None, Some((a, _))) => return Some(a),
            (None, None) => {}
        }
        if plural {
            return None;
        }
        if let Some((s, at)) = &self.first_per
            && g.saturating_sub(*at) <= 1
            && fits(s)
        {
            return Some(s.clone());
        }
        if let Some((s, _)) = recent(&self.last_speaker, 6) {
            return Some(s);
        }
        // the last person named whose gender fits (a gender said rules out the others), else the last whose
        // gender nothing says (« Xylia Brontar … Paul Martin l'a félicitée. Elle a déclaré »: not Paul); none
        // rather than a guess against what the words say
        self.persons
            .iter()
            .rev()
            .find(|s| fits(s) && (fem.is_none() || s.fem == fem))
            .or(self.last_per.as_ref().filter(|s| fits(s)))
            .or_else(|| self.persons.iter().rev().find(|s| fits(s) && s.person))
            .cloned()
    }

    /// "it": the most recent of the last speaker and the last subject that is one body (not a person, not
    /// several), within the pronoun's reach.
    pub(super) fn body_referent(&self, g: u64) -> Option<Spk> {
        let body = |x: &Option<(Spk, u64)>| {
            x.as_ref()
                .filter(|(s, at)| {
                    !s.nobody && !s.person && !s.plural && g.saturating_sub(*at) <= PRONOUN_REACH
                })
                .cloned()
        };
        match (body(&self.last_speaker), body(&self.last_subject)) {
            (Some((a, x)), Some((b, y))) => Some(if y > x { b } else { a }),
            (Some((a, _)), None) | (None, Some((a, _))) => Some(a),
            (None, None) => None,
        }
    }
}

/// Whether the verb group after the pronoun at `first` goes on with the one speaking (« Il a ajouté », « a-t-il
/// poursuivi », "he added"): within the verb group, not a participle after a comma (« déclare-t-il, ajoutant
/// que » is a new speaker's first words).
pub(super) fn continues(p: &Para, first: usize) -> bool {
    (first..first + 4)
        .take_while(|&j| j == first || p.punct(j) != ',')
        .any(|j| {
            let s = p.s(j).to_lowercase();
            [
                "ajout", "poursui", "continu", "conclu", "renchér", "enchaîn", "add", "went on",
            ]
            .iter()
            .any(|c| s.starts_with(c))
        })
}
