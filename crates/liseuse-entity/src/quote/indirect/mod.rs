//! Indirect speech: a speech verb with its complement clause (« a déclaré que … », « said (that) … », « ont
//! déclaré avoir abattu … »), a postposed cue (« …, a indiqué la direction. », « …, Maduro said. »), a source
//! (« Selon X, … », « …, according to X. », « ce qui a pu permettre, d'après l'opposition, à … »), a statement
//! given by someone (« l'assurance donnée par X … que … »). The reported words run from the clause's start to
//! its end: the sentence's, or before what starts a new report or leaves the report (« …, ajoutant que »,
//! « ; », « , mais il a appelé »).

mod bounds;
mod source;

use super::cue::{Ref, Vg};
use super::lexicon::{Lang, W};
use super::para::{NONE, Para};
use super::{Cand, Path, QuoteKind};

/// How far after a verb its « que » is looked for, in tokens.
const COMPLEMENT_REACH: usize = 20;

impl<'a> Para<'a> {
    pub fn indirect(&self, out: &mut Vec<Cand>) {
        let n = self.toks.len();
        let mut k = 0;
        while k < n {
            if let Some(q) = self.quote_at(k) {
                k = self.quotes.get(q).map_or(k, |x| x.close.unwrap_or(x.last)) + 1;
                continue;
            }
            if let Some(vg) = self.verb_group(k)
                && vg.verb == k
                && self.is(vg.verb, W::SAY)
            {
                self.report(&vg, out);
            } else if let Some((a, b, who)) = self.source_at(k) {
                self.sourced(a, b, who, out);
            } else if self.is(k, W::NOUN) && self.is(k.wrapping_sub(1), W::DET) {
                self.given_statement(k, out);
            }
            k += 1;
        }
    }

    /// A speech verb's complement, or the clause before a postposed cue.
    fn report(&self, vg: &Vg, out: &mut Vec<Cand>) {
        // « n'a jamais dit que … », « did not say »: a denial reports nothing
        if self.negated(vg) {
            return;
        }
        if let Some(start) = self.complement_start(vg) {
            let who = self.subject_of(vg);
            self.clauses(start, vg, who, Path::Que, out);
            return;
        }
        if vg.implicit {
            return;
        }
        // postposed: « …, a indiqué la direction. », « …, Maduro said. »
        let floor = self.sent_start(vg.first);
        // English inverts only a few speech verbs (« …, said Maduro »), never one with an object
        let inverts = self.lang() == Lang::Fr
            || self.any(
                vg.verb,
                &[
                    "said",
                    "says",
                    "added",
                    "adds",
                    "wrote",
                    "writes",
                    "asked",
                    "explained",
                    "continued",
                    "noted",
                    "recalled",
                    "argued",
                    "insisted",
                    "warned",
                    "announced",
                    "stated",
                ],
            );
        let comma = match vg.first.checked_sub(1) {
            Some(c) if c > floor && self.punct(c) == ',' && inverts => {
                Some((c, self.subject_after(vg.last).map(Ref::Np)))
            }
            // « …, Angela Merkel said. »: the subject right before the verb, nothing but complements after it
            _ if self.lang() == Lang::En => self.subject_before(vg.first).and_then(|r| match r {
                Ref::Np(np)
                    if np.first > floor
                        && self.punct(np.first - 1) == ','
                        && np.last + 1 == vg.first
                        && (vg.last + 1 >= self.sent_end(vg.last)
                            || self.is(vg.last + 1, W::PREP | W::ADVERB)
                            || !self.tok(vg.last + 1).is_some_and(|t| t.is_word())) =>
                {
                    Some((np.first - 1, Some(r)))
                }
                _ => None,
            }),
            _ => None,
        };
        let Some((comma, who)) = comma else { return };
        if self.after_translation(vg.first) {
            return; // « "…" ((es))Spanish language: …, he said »: the quotation's cue
        }
        let who = match (who, vg.inverted) {
            (Some(w), _) => w,
            (None, Some(_)) => self.subject_of(vg),
            (None, None) => return,
        };
        if self.quote_closes_at(comma - 1).is_some() {
            return; // « « … », a indiqué X »: a direct quotation
        }
        // the last postposed cue of the sentence reports it all: « …, indique une analyse …, a annoncé X »
        let tail = match who {
            Ref::Np(np) => np.last.max(vg.last),
            _ => vg.last,
        };
        if self.later_postposed(tail) {
            return;
        }
        let start = self.clause_start(floor, comma);
        if start >= comma {
            return;
        }
        // what follows the attribution: nothing but appositions (« …, a annoncé X, de l'Université … »), or the
        // rest of the clause it is set in (« Institutional recipients, said Mauer, are required … »: the whole
        // sentence is reported)
        let end = self.sent_end(tail);
        let stop = if tail + 1 >= end
            || matches!(self.punct(tail + 1), '.' | '!' | '?' | '…' | ';' | '(')
            || (self.punct(tail + 1) == ',' && self.nothing_but_appositions(tail + 2, end))
        {
            comma
        } else if self.punct(tail + 1) == ',' {
            self.clause_end(tail + 2).0
        } else if self.lang() == Lang::En && self.nothing_but_appositions(tail + 1, end) {
            comma // « …, Maduro said after announcing Chávez's death »
        } else {
            return;
        };
        let mut c = self.cand(start, stop, vg.first, vg.last, who, Path::Postposed);
        if let Some(c) = c.as_mut() {
            c.pos = start;
        }
        out.extend(c);
    }

    /// Whether the verb group is denied: « n'a jamais dit », « ne dit pas », « did not say », « never said ».
    fn negated(&self, vg: &Vg) -> bool {
        let floor = self.sent_start(vg.first);
        let from = vg.first.saturating_sub(3).max(floor);
        match self.lang() {
            Lang::Fr => {
                (from..=vg.last).any(|j| self.any(j, &["ne", "n"]))
                    && (from..=vg.last + 1)
                        .any(|j| self.any(j, &["pas", "jamais", "rien", "guère", "point"]))
            }
            Lang::En => (from..vg.verb).any(|j| self.any(j, &["not", "never", "t"])),
        }
    }

    /// Whether a comma after `tail` opens another postposed speech verb of the sentence.
    fn later_postposed(&self, tail: usize) -> bool {
        let end = self.sent_end(tail);
        (tail + 1..end.min(tail + 12)).any(|j| {
            self.punct(j) == ','
                && self
                    .verb_group(j + 1)
                    .or_else(|| self.verb_group(j + 2))
                    .is_some_and(|g| !g.implicit && self.is(g.verb, W::SAY))
        })
    }

    /// Where a reported clause starts after a verb group: after « que »/« that », or an infinitive
    /// (« ont déclaré la semaine dernière avoir abattu »), or an English clause (« said Chávez was »).
    fn complement_start(&self, vg: &Vg) -> Option<usize> {
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
        if en && self.clause_like(vg.verb, k) {
            // « told reporters the plant would close »: past the person told
            if self.tells(vg.verb)
                && let Some(obj) = self.np_starting(k, end)
                && obj.last + 1 < end
                && self.clause_like(vg.verb, obj.last + 1)
            {
                return Some(obj.last + 1);
            }
            return Some(k);
        }
        if self.is(vg.verb, W::SAY_INF) && !en {
            let mut j = k;
            while j < limit
                && (self.is(j, W::ADVERB) || (self.is(j, W::DET) && self.is(j + 1, W::ADVERB)))
            {
                j += 1;
            }
            if self.infinitive_like(j) {
                return Some(j);
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
            let que = self.any(k, &["que", "qu", "that"]);
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
                    .find(|&j| self.punct(j) == ',' || self.any(j, &["que", "qu", "that"]))?;
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
    fn tells(&self, v: usize) -> bool {
        self.any(
            v,
            &[
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
                || self.any(k, &["it", "we", "i", "there", "you"])
                || t.flags & crate::text::token::DIGIT != 0
                || self.nominal(k));
        if !opens || self.is(k, W::PREP | W::ADVERB | W::CONJ | W::SUB) || self.any(k, &["that"]) {
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
        (k + 1..end).any(|j| {
            let w = self.s(j);
            self.is(j, W::AUX)
                || (w.len() > 3 && w.ends_with("ed") && !self.tok(j).is_some_and(|t| t.cap()))
        })
    }

    /// A French infinitive (« avoir », « agir », « découvert » is no infinitive).
    fn infinitive_like(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else { return false };
        if self.any(k, &["avoir", "être", "etre"]) {
            return true;
        }
        if !t.is_word() || t.cap() || t.is(W::FUNCTION) {
            return false;
        }
        let s = self.s(k);
        s.len() > 3 && ["er", "ir", "re", "oir"].iter().any(|e| s.ends_with(e))
    }

    /// The clause(s) reported from `start`: one, or two around a parenthesis that quotes someone else (« argue
    /// that A (one opponent wrote that "…") and that B »).
    fn clauses(&self, start: usize, vg: &Vg, who: Ref, path: Path, out: &mut Vec<Cand>) {
        let mut s = start;
        for _ in 0..3 {
            let (end, next) = self.clause_end(s);
            if end > s {
                out.extend(self.cand(s, end, vg.first, vg.last, who, path));
            }
            match next {
                Some(n) => s = n,
                None => break,
            }
        }
    }

    /// An indirect candidate for tokens `start..stop` with its cue `cue_first..=cue_last`.
    fn cand(
        &self,
        start: usize,
        stop: usize,
        cue_first: usize,
        cue_last: usize,
        who: Ref,
        path: Path,
    ) -> Option<Cand> {
        let (a, b) = (self.tok(start)?, self.tok(stop.checked_sub(1)?)?);
        let (s, e) = trim_span(self.text, a.start as usize, b.end as usize);
        if e <= s {
            return None;
        }
        let mut c = Cand::new(
            s,
            e,
            QuoteKind::Indirect,
            cue_first,
            self.sent_of(cue_first),
        );
        c.set_cue(self, cue_first, cue_last, who, path);
        Some(c)
    }
}

/// A reported span without the punctuation that ends its sentence (a closing quotation mark stays).
fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = text.get(start..end).unwrap_or("");
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
    let l = s.len()
        - s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '—' | '–'))
            .len();
    (start + l.min(t.len()), start + t.len())
}
