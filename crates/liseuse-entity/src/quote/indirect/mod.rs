//! Indirect speech: a speech verb with its complement clause (« a déclaré que … », « said (that) … », « ont
//! déclaré avoir abattu … »), a postposed cue (« …, a indiqué la direction. », « …, Maduro said. »), a source
//! (« Selon X, … », « …, according to X. », « ce qui a pu permettre, d'après l'opposition, à … »), a statement
//! given by someone (« l'assurance donnée par X … que … »). The reported words run from the clause's start to
//! its end: the sentence's, or before what starts a new report or leaves the report (« …, ajoutant que »,
//! « ; », « , mais il a appelé »).

mod bounds;
mod complement;
mod postposed;
mod source;

use super::cue::{Ref, Vg};
use super::lexicon::{Lang, W};
use super::para::Para;
use super::{Cand, Path, QuoteKind};

/// How far after a verb its « que » is looked for, in tokens.
const COMPLEMENT_REACH: usize = 20;

impl<'a> Para<'a> {
    pub fn indirect(&self, out: &mut Vec<Cand>) {
        // only a speech verb, a source or a statement opens a report: the paragraph's other words are not read
        for &k in &self.cues {
            if self.quote_at(k).is_some() {
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
        }
    }

    /// A speech verb's complement, or the clause before a postposed cue.
    fn report(&self, vg: &Vg, out: &mut Vec<Cand>) {
        // « n'a jamais dit que … », « did not say »: a denial reports nothing; « comme l'a confirmé X », « selon
        // ce qu'a confié X »: an attribution of what is around it, no report of its own
        if self.negated(vg) || self.attribution(vg) {
            return;
        }
        // « …, said Jane Doe, a spokeswoman for the ministry. »: an inverted postposed cue has its subject after
        // it, not a clause
        let floor = self.sent_start(vg.first);
        let postposed = vg.first > floor + 1
            && self.punct(vg.first - 1) == ','
            && self.inverted_subject(vg).is_some();
        // « On note aussi que … », « on sait que »: « on » is no one, the narrator's remark or common knowledge
        if !postposed && self.impersonal_subject(vg) {
            return;
        }
        if !postposed && let Some(start) = self.complement_start(vg) {
            let who = self.subject_of(vg);
            self.clauses(start, vg, who, Path::Que, out);
            return;
        }
        if vg.implicit {
            return;
        }
        // postposed: « …, a indiqué la direction. », « …, Maduro said. »
        // English inverts only a few speech verbs (« …, said Maduro »), never one with an object
        let inverts = self.inverts(vg.verb) || self.inverts_named(vg.verb);
        let comma = match vg.first.checked_sub(1) {
            Some(c) if c > floor && self.punct(c) == ',' && inverts => {
                Some((c, self.inverted_subject(vg).map(Ref::Np)))
            }
            // « …, Angela Merkel said. »: the subject right before the verb, nothing but complements after it
            _ if self.lang() == Lang::En => self.subject_before(vg.first).and_then(|r| match r {
                // « …, Angela Merkel said », « …, Jane Doe, a spokeswoman for the ministry, said », « …, Smith
                // told the BBC on Monday »: the subject (and its apposition) between the comma and the verb, then
                // nothing but the verb's complements
                Ref::Np(np)
                    if np.first > floor
                        && (self.punct(np.first - 1) == ','
                            || self.mixed_close(floor, np.first - 1))
                        && ((np.last + 1..vg.first).all(|j| self.skippable(j))
                            || (self.punct(vg.first - 1) == ','
                                && self.punct(np.last + 1) == ','
                                && self.nothing_but_appositions(np.last + 2, vg.first - 1)))
                        && (vg.last + 1 >= self.sent_end(vg.last)
                            || self.is(vg.last + 1, W::PREP | W::ADVERB)
                            || !self.tok(vg.last + 1).is_some_and(|t| t.is_word())
                            || self.complements_only(vg.last + 1, self.sent_end(vg.last))) =>
                {
                    Some((np.first - 1, Some(r)))
                }
                _ => None,
            }),
            // « [… aurait été écartée] a fait savoir la police russe. »: no comma, the cue after its clause
            _ => self
                .bare_postposed(vg, floor)
                .map(|np| (vg.first, Some(Ref::Np(np)))),
        };
        let Some((comma, who)) = comma else { return };
        // « …, which, he said, scared the man off »: a cue set inside a relative clause reports the relative's
        // clause after it, not the words before the relative pronoun
        if comma > floor
            && self.any(
                comma - 1,
                words!["which", "who", "qui", "lequel", "laquelle"],
            )
        {
            return;
        }
        if self.after_translation(vg.first) {
            return; // « "…" ((es))Spanish language: …, he said »: the quotation's cue
        }
        let who = match (who, vg.inverted) {
            (Some(w), _) => w,
            (None, Some(_)) => self.subject_of(vg),
            (None, None) => return,
        };
        if self.quote_closes_at(comma - 1).is_some() && !self.mixed_close(floor, comma - 1) {
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
        } else if self.punct(tail + 1) == ',' && self.is(tail + 2, W::CONJ) {
            // « …, said X, and the city signed … »: a clause of the narrator's coordinated after the cue
            comma
        } else if self.punct(tail + 1) == ',' {
            self.clause_end(tail + 2).0
        } else if (self.lang() == Lang::En && self.nothing_but_appositions(tail + 1, end))
            || self.complements_only(tail + 1, end)
        {
            // « …, Maduro said after announcing Chávez's death », « …, a martelé X devant la presse », « …, X
            // said in a statement on Monday »: the cue's complements end the sentence
            comma
        } else {
            return;
        };
        let mut c = self.cand(start, stop, vg.first, vg.last, who, Path::Postposed);
        if let Some(c) = c.as_mut() {
            c.pos = start;
        }
        out.extend(c);
    }

    /// Whether token `b` closes a quotation that is less than half of the clause it ends (« … avec « le tweet
    /// du ministre », détaille X », 'technology should be an "absolute last precaution," he said'): the clause is
    /// the report, the quoted words only a part of it.
    fn mixed_close(&self, floor: usize, b: usize) -> bool {
        let Some(q) = self.quote_closes_at(b) else {
            return false;
        };
        let open = self.quotes.get(q).map_or(b, |x| x.open);
        let s = self.clause_start(floor, open);
        // « « … » , bien que …, cela ne « … » , estime X »: a clause that opens on a whole quotation of its own
        // is quotations the cue attributes, each direct
        if self
            .quote_at(s)
            .is_some_and(|f| f != q && self.quotes.get(f).is_some_and(|x| x.open == s))
        {
            return false;
        }
        let words = |a: usize, z: usize| {
            (a..z)
                .filter(|&j| self.tok(j).is_some_and(|t| t.is_word()))
                .count()
        };
        open > s && words(open, b) * 2 < words(s, b)
    }

    /// Whether the verb group is an attribution set in a clause: « comme l'a confirmé X », « ce qu'a dit X ».
    fn attribution(&self, vg: &Vg) -> bool {
        let Some(b) = vg.first.checked_sub(1) else {
            return false;
        };
        self.lang() == Lang::Fr
            && (self.is_word(b, word!("comme"))
                || (self.any(b, words!["que", "qu"])
                    && b.checked_sub(1)
                        .is_some_and(|c| self.is_word(c, word!("ce")))))
    }

    /// Whether the verb group is denied: « n'a jamais dit », « ne dit pas », « did not say », « never said ».
    fn negated(&self, vg: &Vg) -> bool {
        let floor = self.sent_start(vg.first);
        let from = vg.first.saturating_sub(3).max(floor);
        match self.lang() {
            Lang::Fr => {
                (from..=vg.last).any(|j| self.any(j, words!["ne", "n"]))
                    && (from..=vg.last + 1)
                        .any(|j| self.any(j, words!["pas", "jamais", "rien", "guère", "point"]))
            }
            Lang::En => (from..vg.verb).any(|j| self.any(j, words!["not", "never", "t"])),
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

    /// Whether the subject right before a verb group is the French impersonal « on » (past clitics: « on
    /// nous a dit »), not « l'on » of a clause that names no one either.
    fn impersonal_subject(&self, vg: &Vg) -> bool {
        let mut j = vg.first;
        while j > 0 && self.is(j - 1, W::CLITIC) {
            j -= 1;
        }
        j > 0 && self.is_word(j - 1, word!("on"))
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
