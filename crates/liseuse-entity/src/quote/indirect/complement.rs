//! Where a speech verb's reported clause starts: after « que » / « that », an infinitive (« ont déclaré avoir
//! abattu »), an English clause (« said Chávez was »), past the person told (« told reporters the plant would
//! close »); none when the verb's object is all there is (« told the BBC on Monday »).

use super::super::cue::Vg;
use super::super::lexicon::{Lang, W};
use super::super::para::{NONE, Para};
use super::COMPLEMENT_REACH;

impl<'a> Para<'a> {
    /// Where a reported clause starts after a verb group: after « que »/« that », or an infinitive
    /// (« ont déclaré la semaine dernière avoir abattu »), or an English clause (« said Chávez was »).
    pub(super) fn complement_start(&self, vg: &Vg) -> Option<usize> {
        let end = self.sent_end(vg.last);
        let limit = (vg.last + 1 + COMPLEMENT_REACH).min(end);
        let mut k = vg.last + 1;
        let en = self.lang() == Lang::En;
        // « "…," said X »: an attribution, not a report of its own
        let after_quote = vg.first.checked_sub(1).is_some_and(|b| {
            self.quote_closes_at(b).is_some()
                || (self.punct(b) == ','
                    && b.checked_sub(1)
                        .is_some_and(|q| self.quote_closes_at(q).is_some()))
        });
        if after_quote {
            return None;
        }
        // « told LA Weekly in a statement that … »: past the person told and the circumstances; a subject
        // pronoun first opens the clause itself (« says he supports cameras that … »: a relative's "that")
        if en
            && !self.any(k, words!["he", "she", "they", "we", "i"])
            // a name right after a verb that tells no one is its object, and "that" a relative's (« state
            // Supreme Court ruling that found »)
            && (self.tells(vg.verb) || self.tok(k).is_some_and(|t| t.ment == NONE))
            && let Some(that) = (k..limit)
                .take_while(|&j| {
                    self.tok(j).is_some_and(|t| t.is_word() && t.q == NONE)
                        && !self.is(j, W::AUX)
                        && self.verb_group(j).is_none()
                })
                .find(|&j| self.is_word(j, word!("that")))
            && that > k
            && that + 1 < end
        {
            return Some(that + 1);
        }
        // "said on Tuesday the plant would close", "said Tuesday the …": past a time adverbial
        if en && !self.tells(vg.verb) {
            let mut j = k;
            if self.any(j, words!["on", "last", "this", "late", "early"]) && self.skippable(j + 1) {
                j += 1;
            }
            while j < limit && self.skippable(j) && !self.is(j, W::PRON_SING | W::PRON_PLUR) {
                j += 1;
            }
            if j > k && self.clause_like(vg.verb, j) {
                return Some(j);
            }
        }
        if en && self.clause_like(vg.verb, k) {
            // « told reporters the plant would close »: past the person told
            // « informed police of what happened », "told reporters about the fire": what was told is the
            // preposition's object, no clause
            if self.tells(vg.verb)
                && (k + 1..(k + 3).min(end))
                    .take_while(|&j| {
                        self.tok(j).is_some_and(|t| t.is_word()) && !self.is(j, W::AUX)
                    })
                    .any(|j| self.any(j, words!["of", "about"]))
            {
                return None;
            }
            if self.tells(vg.verb)
                && let Some(obj) = self.np_starting(k, end)
                && obj.last + 1 < end
            {
                // « told LA Weekly that … »: after « that »
                if self.is_word(obj.last + 1, word!("that")) && obj.last + 2 < end {
                    return Some(obj.last + 2);
                }
                if self.clause_like(vg.verb, obj.last + 1) {
                    return Some(obj.last + 1);
                }
                // « told the BBC on Monday. »: whom it was told, no clause
                if self.complements_only(obj.last + 1, end) {
                    return None;
                }
            }
            // « told reporters. »
            if self.tells(vg.verb)
                && self
                    .np_starting(k, end)
                    .is_some_and(|obj| obj.last + 1 >= end || self.punct(obj.last + 1) == '.')
            {
                return None;
            }
            return Some(k);
        }
        if self.is(vg.verb, W::SAY_INF) && !en {
            let mut j = k;
            // over adverbs, and a negation and clitics before the infinitive, which the report keeps (« a dit ne
            // pas y voir »)
            let mut neg = None;
            while j < limit {
                // an incise between commas (« admet, d'une part, être responsable »)
                if let Some(c) = self.incise_end(j, limit) {
                    j = c + 1;
                    continue;
                }
                // a pronominal infinitive's pronoun too (« a annoncé se rendre », « dit s'être trompé »)
                let reflexive = self.any(j, words!["se", "s"]);
                if !(self.is(j, W::ADVERB)
                    || (self.is(j, W::DET) && self.is(j + 1, W::ADVERB))
                    || reflexive
                    || self.any(j, words!["ne", "n", "pas", "plus", "jamais", "y", "en"]))
                {
                    break;
                }
                if neg.is_none() && (reflexive || self.any(j, words!["ne", "n"])) {
                    neg = Some(j);
                }
                j += 1;
                // the elided « s' », « n' »
                if self.punct(j) == '\'' {
                    j += 1;
                }
            }
            if self.infinitive_like(j) {
                return Some(neg.unwrap_or(j));
            }
        }
        // an object before « que » makes it a relative pronoun (« a confirmé un plan … que »), a phrase after a
        // preposition does not (« a déclaré dans une interview à la chaîne … que »)
        let mut after_prep = false;
        while k < limit {
            let t = self.tok(k)?;
            if t.q != NONE {
                return None;
            }
            let que = self.any(k, words!["que", "qu", "that"]);
            if self.is(k, W::PREP) {
                after_prep = true;
            } else if self.is(k, W::DET)
                && !que
                && !after_prep
                && !self.is(k, W::CLITIC)
                && !self.is(k + 1, W::ADVERB)
                && !self.tells(vg.verb)
            {
                return None;
            }
            if que {
                if k > 0 && self.is(k - 1, W::SUB) {
                    return None; // « tandis que », « alors que », « parce que »
                }
                // « que, lorsqu'ils … »
                let mut s = k + 1;
                if self.punct(s) == ',' {
                    s += 1;
                }
                return (s < end).then_some(s);
            }
            if matches!(t.punct, ':' | ';' | '.' | '!' | '?') || self.is(k, W::SUB | W::CONJ) {
                return None;
            }
            if t.punct == ',' {
                // a phrase set off by commas (« , citant trois responsables …, », « , Muhammad al-Deif, »)
                let close = (k + 1..limit)
                    .find(|&j| self.punct(j) == ',' || self.any(j, words!["que", "qu", "that"]))?;
                // a clause of its own with its verb (« (la veille, Xavier Niel a approuvé cela en racontant
                // que … »): its « que » is its verb's, not this one's
                // and a clause coordinated after the phrase, or the « que » of « ne … que » (« arguant de X, et
                // les deux ne se parlaient plus que par … »), is no complement of the verb either
                if self.is(k + 1, W::CONJ)
                    || (k + 1..close).any(|j| {
                        self.is(j, W::AUX)
                            || self.any(j, words!["ne", "n"])
                            || self.verb_group(j).is_some_and(|g| !g.implicit)
                    })
                {
                    return None;
                }
                if self.punct(close) == ',' {
                    k = close + 1;
                } else if close > 0 && self.is(close - 1, W::SUB) {
                    return None;
                } else {
                    k = close;
                }
                after_prep = true;
                continue;
            }
            if self.verb_group(k).is_some_and(|g| !g.implicit) || self.is(k, W::AUX) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// A verb whose object comes before its clause (« told the BBC that »).
    pub(in super::super) fn tells(&self, v: usize) -> bool {
        self.any(
            v,
            words![
                "told", "tell", "tells", "telling", "informed", "inform", "assured", "warned",
                "reminded", "informé", "assuré", "prévenu", "averti",
            ],
        )
    }

    /// An English clause starts at `k` (« he had cancer », « Chávez was suffering »): a subject, then a verb
    /// within a few words.
    fn clause_like(&self, verb: usize, k: usize) -> bool {
        let Some(t) = self.tok(k) else { return false };
        // a subject opens it: a pronoun, a determiner, a name, a number, a noun
        let opens = t.q == NONE
            && (t.is(W::PRON_SING | W::PRON_PLUR | W::DET)
                || self.any(k, words!["it", "we", "i", "there", "you"])
                || t.flags & crate::text::token::DIGIT != 0
                || self.nominal(k));
        if !opens
            || self.is(k, W::PREP | W::ADVERB | W::CONJ | W::SUB)
            || self.any(k, words!["that"])
        {
            return false;
        }
        let end = (k + 12).min(self.sent_end(k));
        if end < k + 3 {
            return false;
        }
        // « say » and « tell » are followed by a clause far more often than by a noun; the others need a verb
        // that shows it: an auxiliary, or a past in « -ed »
        let s = self.s(verb).to_lowercase();
        if ["say", "said", "tell", "told"]
            .iter()
            .any(|v| s.starts_with(v))
        {
            return true;
        }
        // the verb within the subject's own clause: not past a comma or a conjunction (« declared victory on
        // Friday, though the election is … »)
        (k + 1..end)
            .take_while(|&j| self.punct(j) != ',' && !self.is(j, W::SUB | W::CONJ))
            .any(|j| {
                let w = self.s(j);
                self.is(j, W::AUX)
                    || (w.len() > 3 && w.ends_with("ed") && !self.tok(j).is_some_and(|t| t.cap()))
                    || self.irregular_past(j)
            })
    }

    /// A common English irregular past (« Whitmore stated Montalvo left … »): a clause's verb as « -ed » is.
    pub(in crate::quote) fn irregular_past(&self, j: usize) -> bool {
        self.any(
            j,
            words![
                "left",
                "made",
                "went",
                "took",
                "gave",
                "came",
                "got",
                "saw",
                "knew",
                "thought",
                "found",
                "became",
                "began",
                "ran",
                "won",
                "lost",
                "held",
                "kept",
                "met",
                "paid",
                "sent",
                "spent",
                "stood",
                "sat",
                "brought",
                "bought",
                "built",
                "caught",
                "fell",
                "felt",
                "fought",
                "led",
                "meant",
                "sold",
                "shot",
                "struck",
                "broke",
                "chose",
                "drove",
                "flew",
                "grew",
                "hid",
                "rose",
                "spoke",
                "stole",
                "threw",
                "fled",
                "sought",
                "taught",
                "understood",
                "wrote",
                "told",
                "said",
            ],
        )
    }

    /// The closing comma of a short incise opening with a comma at `j` (« , d'une part, », « , selon lui, »): a
    /// few words, no speech verb, no « que », no quotation.
    fn incise_end(&self, j: usize, limit: usize) -> Option<usize> {
        if self.punct(j) != ',' {
            return None;
        }
        (j + 2..(j + 6).min(limit))
            .find(|&c| self.punct(c) == ',')
            .filter(|&c| {
                (j + 1..c).all(|i| {
                    self.tok(i)
                        .is_some_and(|t| (t.is_word() || t.punct == '\'') && t.q == NONE)
                        && self.verb_group(i).is_none()
                        && !self.any(i, words!["que", "qu"])
                })
            })
    }

    /// A French infinitive (« avoir », « agir », « découvert » is no infinitive).
    fn infinitive_like(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else { return false };
        if self.any(k, words!["avoir", "être", "etre"]) {
            return true;
        }
        if !t.is_word() || t.cap() || t.is(W::FUNCTION) {
            return false;
        }
        let s = self.s(k);
        s.len() > 3 && ["er", "ir", "re", "oir"].iter().any(|e| s.ends_with(e))
    }
}
