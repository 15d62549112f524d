//! Speech verbs and who they say speaks. A cue is a verb group (« a déclaré », « a-t-il affirmé », « lui avait
//! dit », « fait savoir », « said »), a source (« selon X », « according to X »), or a colon after a name; its
//! subject is read from the words around it: before the verb (« le Pentagone a déclaré », over appositions:
//! « Gérald Karsenti, PDG de HP France, a indiqué »), after it (« a indiqué la direction », « said Maduro »), a
//! pronoun glued to it (« explique-t-il »), the subject of the verb it is coordinated with (« a fait procéder au
//! vote et a déclaré »), or none written (« ajoutant », « Et d'ajouter »). Walks are bounded by the sentence
//! and a few tokens.

mod adjective;
mod adverbial;
mod after;
mod apposition;
mod before;
mod clause;
mod inversion;
mod memo;
mod subject;

pub use memo::Subjects;

use super::lexicon::W;
use super::np::Np;
use super::para::{NONE, Para, Tok};

/// Who a cue says speaks, before it is resolved to a speaker of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ref {
    Np(Np),
    /// The speaker of quotation `k` of the paragraph (« « … » et a déclaré que … »).
    Quote(usize),
    /// A participle or an infinitive: the clause's or the discourse's speaker.
    Implicit {
        after_noun: Option<usize>,
        after: usize,
    },
    /// « ce dernier », « the latter » at token k: the last person named before it.
    Latter(usize),
    /// The speaker of the cue that ended the paragraph before on a colon (« Barack Obama tweeted: »), resolved
    /// there.
    Before,
    None,
}

/// A verb group that may introduce speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Vg {
    /// Its first token (clitics included: « lui avait dit », « s'est dit »).
    pub first: usize,
    /// The speech verb itself.
    pub verb: usize,
    /// Its last token.
    pub last: usize,
    /// « a-t-il », « explique-t-elle », « ont-ils »: the subject is that pronoun.
    pub inverted: Option<bool>,
    /// A participle or an infinitive (« ajoutant », « Et d'ajouter »).
    pub implicit: bool,
    /// A participle sharing an earlier auxiliary (« a condamné … et estimé »).
    pub coord: bool,
}

/// How far a cue is looked for, in tokens.
const REACH: usize = 6;

impl<'a> Para<'a> {
    pub(super) fn skippable(&self, i: usize) -> bool {
        self.is(i, W::ADVERB | W::CLITIC)
            || self.any(
                i,
                words![
                    "pas",
                    "point",
                    "son",
                    "sa",
                    "côté",
                    "part",
                    "quant",
                    "notamment",
                ],
            )
    }

    /// The verb group of speech verb `c`, if `c` is used as one here. Inlined: it is asked of many a token that
    /// is no speech verb, which this answers at once.
    #[inline]
    pub fn verb_group(&self, c: usize) -> Option<Vg> {
        let t = self.tok(c)?;
        if !t.is_word() || t.q != NONE || !t.is(W::CUE_VERB) || t.ment != NONE {
            return None;
        }
        self.speech_verb_group(c, t)
    }

    /// Whether the determiner at `p` is a quantifier standing alone as the subject of the verb at `c` (« some
    /// wrote that », "others said", « d'autres disent », « certains affirment »): it opens its clause, and no
    /// verb follows the cue word (« some reports say »: a noun).
    fn quantifier_subject(&self, p: usize, c: usize) -> bool {
        if !self.any(
            p,
            words![
                "some",
                "others",
                "many",
                "several",
                "most",
                "few",
                "both",
                "certains",
                "certaines",
                "plusieurs",
                "autres"
            ],
        ) {
            return false;
        }
        // « d'autres »: the article before it
        let first = if self.is_word(p, word!("autres")) {
            match p.checked_sub(1).filter(|&d| self.any(d, words!["d"])) {
                Some(d) => d,
                None => return false,
            }
        } else {
            p
        };
        let opens = first == self.sent_start(c)
            || first.checked_sub(1).is_some_and(|b| {
                matches!(self.punct(b), ',' | ';' | ':' | '—' | '–')
                    || self.is(b, W::CONJ | W::SUB | W::CONNECTIVE)
            });
        opens && !self.is(c + 1, W::CUE_VERB | W::AUX)
    }

    /// [`Para::verb_group`] of a speech verb token `t` at `c`.
    #[inline(never)]
    fn speech_verb_group(&self, c: usize, t: &Tok) -> Option<Vg> {
        let floor = self.sent_start(c);
        // a capital inside a sentence is a name (« the United States »)
        if t.cap() && c > floor && t.flags & crate::text::token::SENT == 0 && !t.is(W::INVERTED) {
            return None;
        }
        let prev = c.checked_sub(1).filter(|&p| p >= floor);
        // "That said(,) …", « Cela dit, … »: a demonstrative alone opening the sentence is no one speaking, the
        // phrase a concession
        if prev == Some(floor) && self.any(floor, words!["that", "this", "cela", "ceci"]) {
            return None;
        }
        // after a determiner or "whose" (« whose claim acceptance rate »), a noun
        let after_det = prev.is_some_and(|p| {
            (self.is(p, W::DET) && !self.is(p, W::CLITIC) && !self.quantifier_subject(p, c))
                || self.is_word(p, word!("whose"))
        });
        let inverted = t.is(W::INVERTED).then_some(t.is(W::INV_PLUR));
        if inverted.is_some() {
            return Some(self.with_clitics(Vg {
                first: c,
                verb: c,
                last: c,
                inverted,
                implicit: false,
                coord: false,
            }));
        }
        // only after « faire »: « fait savoir que »
        let s = self.s(c);
        if matches!(s, "savoir" | "valoir" | "remarquer" | "observer") {
            let p = prev?;
            if !self.s(p).starts_with("fai") && !self.any(p, words!["font", "fit"]) {
                return None;
            }
            let mut first = p;
            if let Some(a) = p
                .checked_sub(1)
                .filter(|&a| a >= floor && self.is(a, W::AUX))
            {
                first = a;
            }
            let inv = self
                .tok(first)
                .filter(|x| x.is(W::INVERTED))
                .map(|x| x.is(W::INV_PLUR));
            return Some(self.with_clitics(Vg {
                first,
                verb: c,
                last: c,
                inverted: inv,
                implicit: false,
                coord: false,
            }));
        }
        if t.is(W::PP) {
            // an auxiliary before it, over a few adverbs (« a de son côté dénoncé », « a elle relevé »)
            let mut k = c;
            let mut found = None;
            for _ in 0..5 {
                let Some(p) = k.checked_sub(1).filter(|&p| p >= floor) else {
                    break;
                };
                if self.is(p, W::AUX) {
                    found = Some(p);
                    break;
                }
                if !(self.skippable(p)
                    || self.is(p, W::PRON_SING | W::PRON_PLUR)
                    || self.is_word(p, word!("de"))
                    || self.is_word(p, word!("pour")))
                {
                    break;
                }
                k = p;
            }
            // over any adverbial: « a, mardi, déclaré », « a une nouvelle fois affirmé », « a dans la foulée annoncé »
            if let Some(p) = found.or_else(|| self.aux_over_adverbials(c, floor)) {
                // « s'est dit »: a reflexive use, a cue only for a reflexive verb or « dire »
                let refl = p > floor && self.any(p - 1, words!["se", "s"]);
                if refl
                    && !t.is(W::REFLEXIVE)
                    && !self.any(c, words!["dit", "dite", "dits", "dites"])
                {
                    return None;
                }
                // a passive says nothing of its subject's words (« is added », « a été annoncé »)
                let be = words![
                    "is", "are", "was", "were", "been", "being", "be", "est", "sont", "était",
                    "étaient", "été", "être", "sera", "seront", "serait", "seraient", "fut",
                    "soit", "soient",
                ];
                if !refl && self.any(p, be) {
                    return None;
                }
                let inv = self
                    .tok(p)
                    .filter(|x| x.is(W::INVERTED))
                    .map(|x| x.is(W::INV_PLUR));
                return Some(self.with_clitics(Vg {
                    first: p,
                    verb: c,
                    last: c,
                    inverted: inv,
                    implicit: false,
                    coord: false,
                }));
            }
            // « … et estimé que »: the auxiliary of an earlier participle of the clause (not "and said": a
            // past tense of its own)
            if !t.is(W::FIN)
                && prev.is_some_and(|p| self.any(p, words!["et", "and"]))
                && self.aux_before(c, floor).is_some()
            {
                return Some(Vg {
                    first: c,
                    verb: c,
                    last: c,
                    inverted: None,
                    implicit: false,
                    coord: true,
                });
            }
            if !t.is(W::FIN) {
                return None;
            }
        }
        if t.is(W::FIN) && !after_det {
            // « il jette un regard critique »: an adjective after another verb's object
            if self.adjective_after_object(c, floor) {
                return None;
            }
            // « au juge », « de rapport »: a noun after a preposition
            if prev.is_some_and(|p| self.is(p, W::PREP) && !self.is(p, W::CLITIC))
                && !t.is(W::PRESP)
            {
                return None;
            }
            // « se trouve »: reflexive use of a verb that is not one
            if prev.is_some_and(|p| self.any(p, words!["se", "s"]))
                && !t.is(W::REFLEXIVE)
                && !self.is_word(c, word!("dit"))
            {
                return None;
            }
            return Some(self.with_clitics(Vg {
                first: c,
                verb: c,
                last: c,
                inverted: None,
                implicit: false,
                coord: false,
            }));
        }
        if t.is(W::PRESP) && !after_det {
            return Some(Vg {
                first: c,
                verb: c,
                last: c,
                inverted: None,
                implicit: true,
                coord: false,
            });
        }
        if t.is(W::INF) {
            // « Et d'ajouter », « avant de poursuivre », « tente-t-il de corriger »
            let p = prev?;
            if self.any(p, words!["de", "d"]) {
                let mut first = p;
                // the inverted verb that governs it carries the subject
                if let Some(v) = p
                    .checked_sub(1)
                    .filter(|&v| v >= floor && self.is(v, W::INVERTED))
                {
                    first = v;
                    let inv = self.tok(v).map(|x| x.is(W::INV_PLUR));
                    return Some(Vg {
                        first,
                        verb: c,
                        last: c,
                        inverted: inv,
                        implicit: false,
                        coord: false,
                    });
                }
                return Some(Vg {
                    first,
                    verb: c,
                    last: c,
                    inverted: None,
                    implicit: true,
                    coord: false,
                });
            }
        }
        None
    }

    /// An auxiliary earlier in the sentence than `c` (within a clause's reach).
    fn aux_before(&self, c: usize, floor: usize) -> Option<usize> {
        (floor..c)
            .rev()
            .take(25)
            .find(|&k| self.is(k, W::AUX) && self.tok(k).is_some_and(|t| t.q == NONE))
    }

    /// The nearest verb group of the sentence before token `c`: an auxiliary, a finite verb, or a speech verb.
    fn governing_verb(&self, c: usize) -> Option<usize> {
        let floor = self.sent_start(c);
        (floor..c).rev().take(30).find(|&k| {
            self.tok(k).is_some_and(|t| t.q == NONE)
                && (self.is(k, W::AUX) || self.verb_group(k).is_some_and(|g| !g.implicit))
        })
    }

    /// The quotation whose closing mark is token `i`.
    pub fn quote_closes_at(&self, i: usize) -> Option<usize> {
        let q = self.quote_at(i)?;
        (self.quotes.get(q)?.close == Some(i)).then_some(q)
    }

    /// Whether the words before token `k` are a quotation's translation set after it (Wikinews writes
    /// « "…" ((es))Spanish language: …, he said »).
    pub fn after_translation(&self, k: usize) -> bool {
        let floor = k.saturating_sub(80);
        (floor..k).any(|j| {
            self.quote_closes_at(j).is_some()
                && self.punct(j + 1) == '('
                && self.punct(j + 2) == '('
        })
    }
}
