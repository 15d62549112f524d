//! Speech verbs and who they say speaks. A cue is a verb group (« a déclaré », « a-t-il affirmé », « lui avait
//! dit », « fait savoir », « said »), a source (« selon X », « according to X »), or a colon after a name; its
//! subject is read from the words around it: before the verb (« le Pentagone a déclaré », over appositions:
//! « Gérald Karsenti, PDG de HP France, a indiqué »), after it (« a indiqué la direction », « said Maduro »), a
//! pronoun glued to it (« explique-t-il »), the subject of the verb it is coordinated with (« a fait procéder au
//! vote et a déclaré »), or none written (« ajoutant », « Et d'ajouter »). Walks are bounded by the sentence
//! and a few tokens.

mod subject;

use super::lexicon::{Lang, W};
use super::np::{Head, Np};
use super::para::{NONE, Para};

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
    fn skippable(&self, i: usize) -> bool {
        self.is(i, W::ADVERB | W::CLITIC)
            || self.any(
                i,
                &[
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

    /// The verb group of speech verb `c`, if `c` is used as one here.
    pub fn verb_group(&self, c: usize) -> Option<Vg> {
        let t = self.tok(c)?;
        if !t.is_word() || t.q != NONE || !t.is(W::CUE_VERB) || t.ment != NONE {
            return None;
        }
        let floor = self.sent_start(c);
        // a capital inside a sentence is a name (« the United States »)
        if t.cap() && c > floor && t.flags & crate::text::token::SENT == 0 && !t.is(W::INVERTED) {
            return None;
        }
        let prev = c.checked_sub(1).filter(|&p| p >= floor);
        let after_det = prev.is_some_and(|p| self.is(p, W::DET) && !self.is(p, W::CLITIC));
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
        if s == "savoir" || s == "valoir" {
            let p = prev?;
            if !self.s(p).starts_with("fai") && !self.any(p, &["font", "fit"]) {
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
            for _ in 0..5 {
                let Some(p) = k.checked_sub(1).filter(|&p| p >= floor) else {
                    break;
                };
                if self.is(p, W::AUX) {
                    // « s'est dit »: a reflexive use, a cue only for a reflexive verb or « dire »
                    let refl = p > floor && self.any(p - 1, &["se", "s"]);
                    if refl
                        && !t.is(W::REFLEXIVE)
                        && !self.any(c, &["dit", "dite", "dits", "dites"])
                    {
                        return None;
                    }
                    // a passive says nothing of its subject's words (« is added », « a été annoncé »)
                    let be = [
                        "is", "are", "was", "were", "been", "being", "be", "est", "sont", "était",
                        "étaient", "été", "être", "sera", "seront", "serait", "fut",
                    ];
                    if !refl && self.any(p, &be) {
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
                if !(self.skippable(p)
                    || self.is(p, W::PRON_SING | W::PRON_PLUR)
                    || self.is_word(p, "de")
                    || self.is_word(p, "pour"))
                {
                    break;
                }
                k = p;
            }
            // « … et estimé que »: the auxiliary of an earlier participle of the clause
            if prev.is_some_and(|p| self.any(p, &["et", "and"]))
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
            // « au juge », « de rapport »: a noun after a preposition
            if prev.is_some_and(|p| self.is(p, W::PREP) && !self.is(p, W::CLITIC))
                && !t.is(W::PRESP)
            {
                return None;
            }
            // « se trouve »: reflexive use of a verb that is not one
            if prev.is_some_and(|p| self.any(p, &["se", "s"]))
                && !t.is(W::REFLEXIVE)
                && !self.is_word(c, "dit")
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
            if self.any(p, &["de", "d"]) {
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

    /// Extends a group over the clitics and negation before it (« lui avait dit », « ne confirme »).
    fn with_clitics(&self, mut vg: Vg) -> Vg {
        let floor = self.sent_start(vg.first);
        while vg.first > floor
            && self.is(vg.first - 1, W::CLITIC)
            && !self.is(vg.first - 1, W::PRON_SING | W::PRON_PLUR)
        {
            vg.first -= 1;
        }
        vg
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

    /// The cue right after a quotation that closes at `close` (« », a-t-il affirmé », « » a indiqué V. Sapounov »,
    /// "…," he said), with its subject.
    pub fn cue_after(&self, close: usize) -> Option<(Vg, Ref)> {
        let end = self.toks.len();
        let mut k = close + 1;
        // a translation set after the quotation: its cue follows it
        if self.punct(k) == '(' && self.punct(k + 1) == '(' {
            let comma = (k..(k + 80).min(end)).find(|&j| {
                self.punct(j) == ','
                    && (j + 1..(j + 4).min(end))
                        .any(|v| self.verb_group(v).is_some_and(|g| !g.implicit))
            })?;
            k = comma;
        }
        // « "…" — Matthew Ingram »: a dash and a name closing the line
        if matches!(self.punct(k), '—' | '–' | '-')
            && let Some(np) = self.np_starting(k + 1, end)
            && np.last + 1 >= self.sent_end(k + 1).min(end)
            && matches!(
                np.head,
                Head::Entity(_) | Head::Name | Head::Desc | Head::RolePer
            )
        {
            let vg = Vg {
                first: k,
                verb: k,
                last: k,
                inverted: None,
                implicit: false,
                coord: false,
            };
            return Some((vg, Ref::Np(np)));
        }
        if self.punct(k) == ',' {
            k += 1;
        }
        // « "…," a spokesman for the company said »: an English subject may be a long phrase
        let reach = if self.lang() == Lang::En {
            REACH + 4
        } else {
            REACH
        };
        let limit = (k + reach).min(end);
        for c in k..limit {
            let t = self.tok(c)?;
            if t.q != NONE || matches!(t.punct, '.' | ';' | ':' | '!' | '?') {
                return None;
            }
            if self.any(c, &["et", "and", "mais", "but", "que", "that"]) {
                return None;
            }
            if let Some(vg) = self.verb_group(c) {
                if vg.implicit {
                    return None;
                }
                let who = if vg.first > k {
                    // English « ", he said », « " Maduro said », « " a spokesman for the company said »: the
                    // words between are the subject
                    let plain = (k..vg.first)
                        .all(|j| self.tok(j).is_some_and(|t| t.is_word() || t.punct == '.'));
                    match self.np_starting(k, vg.first) {
                        Some(np) if np.last + 1 >= vg.first => Ref::Np(np),
                        Some(_) if plain => match self.np_from(k, vg.first) {
                            Some(np) => Ref::Np(np),
                            None => return None,
                        },
                        _ => return None,
                    }
                } else {
                    self.subject_of(&vg)
                };
                return Some((vg, who));
            }
            if self.lang() == Lang::Fr && !self.is(c, W::AUX | W::CLITIC | W::ADVERB) {
                return None;
            }
        }
        None
    }
}
