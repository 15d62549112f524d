//! Direct quotations: the words between marks (cut in two around an incise: « Nous ferons, a-t-il dit, tout … »),
//! and verbatim statements after a colon (« Les sources citent Khamenei disant : L'Iran … », a headline « Qaani
//! au commandant … : Nous ferons … »). Each comes with its cue, looked for after the quotation first (« », a
//! indiqué X », "…," he said), then before it in its sentence (« X a déclaré : « … » », « Pour X : « … » »), and
//! when there is none it will take the speaker of the quotation before it (see `discourse/`).

mod incise;
mod passive;
mod source;
mod title;

use incise::{trim_end, trim_start};

use super::cue::{Ref, Vg};
use super::lexicon::W;
use super::np::{Head, Np};
use super::para::{MAX_CLAUSE, NONE, Para};
use super::{Cand, Path, QuoteKind};

/// How far before a quotation its cue is looked for, in tokens (other quotations count as one).
const LEFT_REACH: usize = 24;

impl<'a> Para<'a> {
    /// The direct quotations of the paragraph, with their cues; `pending` is a cue that ended the paragraph
    /// before with a colon (a statement on a line of its own).
    pub fn direct(&self, pending: Option<Ref>, out: &mut Vec<Cand>) {
        for (qi, q) in self.quotes.iter().enumerate() {
            let close = q.close;
            let mut cand = Cand::new(
                q.start,
                q.end,
                QuoteKind::Direct,
                q.open,
                self.sent_of(q.open),
            );
            cand.quote = Some(qi);
            cand.closed = close.is_some();
            // « X est décrit comme « … » par Y »: the passive's agent after the quotation
            let right =
                close.and_then(|c| self.passive_agent(q.open, c).or_else(|| self.cue_after(c)));
            let left = self.cue_before(q.open);
            // a short phrase after a determiner (« les « gilets jaunes libres » ») is a term unless a speech
            // verb makes it someone's words (« l'avait appelé la « châtelaine de Montretout » »)
            let term = q
                .open
                .checked_sub(1)
                .is_some_and(|d| self.is(d, W::DET) && !self.is(d, W::CLITIC))
                && super::word_count(self.text.get(q.start..q.end).unwrap_or(""), 6) <= 5;
            let speech = |verb: usize| self.is(verb, W::SAY | W::NAME);
            // « Il a déclaré : « … », selon l'agence Fars »: a source after the quotation only relays what its cue
            // before attributes
            let right = right.filter(|(vg, _)| {
                !(self.is(vg.verb, W::ACCORDING)
                    && left.is_some_and(|(_, _, _, path)| path == Path::Before))
            });
            match (right, left) {
                (Some((vg, who)), _) => {
                    cand.set_cue(self, vg.first, vg.last, who, Path::After);
                    cand.term_like = term && !speech(vg.verb);
                }
                (None, Some((a, b, who, path))) => {
                    cand.set_cue(self, a, b, who, path);
                    cand.term_like = term && !(path == Path::Before && (a..=b).any(speech));
                }
                (None, None) if qi == 0 && pending.is_some() && q.open <= 1 => {
                    cand.who = pending.unwrap_or(Ref::None);
                    cand.path = Path::Colon;
                }
                _ => {
                    // « mis en examen pour « association de malfaiteurs … » », « charged with "…" »: after a
                    // preposition with no one to say it, a qualification, not words
                    let after_prep = q
                        .open
                        .checked_sub(1)
                        .is_some_and(|d| self.is(d, W::PREP) && !self.is(d, W::DET | W::CLITIC));
                    cand.term_like = term
                        || (after_prep
                            && super::word_count(self.text.get(q.start..q.end).unwrap_or(""), 13)
                                <= 12);
                }
            }
            cand.title_like = self.title_like(q.open, q.first, q.last);
            // an incise inside: « A, a-t-il dit, B » is two quotations of one speaker
            match self.incise(q.first, q.last) {
                Some((c1, vg, c2, who)) => {
                    let (a_end, b_start) = (
                        self.tok(c1).map_or(q.end, |t| t.start as usize),
                        self.tok(c2).map_or(q.end, |t| t.end as usize),
                    );
                    let mut a = cand.clone();
                    a.end = trim_end(self.text, q.start, a_end);
                    a.set_cue(self, vg.first, vg.last, who, Path::After);
                    let mut b = a.clone();
                    b.start = trim_start(self.text, b_start, q.end);
                    b.end = q.end;
                    b.pos = c2;
                    out.push(a);
                    out.push(b);
                }
                None => out.push(cand),
            }
        }
        self.colon_statements(pending, out);
    }

    /// The cue before a quotation opened at `open`: the nearest speech verb, source or headline colon of its
    /// sentence, with who it says speaks.
    fn cue_before(&self, open: usize) -> Option<(usize, usize, Ref, Path)> {
        let floor = self.sent_start(open);
        let mut k = open;
        let mut steps = 0;
        while k > floor && steps < LEFT_REACH {
            k -= 1;
            // another quotation counts as one step
            if let Some(q) = self.quote_at(k) {
                k = self.quotes.get(q).map_or(k, |x| x.open);
                steps += 1;
                continue;
            }
            steps += 1;
            // the sentence's bounds are the floor: a period inside it is an abbreviation's (« M. Goudet »)
            if matches!(self.punct(k), ';' | '!' | '?') {
                // a semicolon typed for a colon between a speech verb and the quotation: « qui avait déclaré ;
                // « … » »
                if k + 1 == open
                    && k > floor
                    && self.punct(k) == ';'
                    && let Some(vg) = self.verb_group(k - 1)
                {
                    return Some((vg.first, vg.last, self.subject_of(&vg), Path::Before));
                }
                return None;
            }
            if let Some(vg) = self.verb_group(k) {
                let who = self.subject_of(&vg);
                return Some((vg.first, vg.last, who, Path::Before));
            }
            if let Some((a, b, who)) = self.source_at(k) {
                return Some((a, b, who, Path::According));
            }
            if self.punct(k) == ':' && k > floor {
                // « …, selon le naturopathe X : « … » »: the source the colon follows speaks the quotation
                if k + 1 == open
                    && let Some((a, b, who)) = (floor..k)
                        .rev()
                        .take(LEFT_REACH)
                        .find_map(|j| self.source_at(j))
                        .filter(|&(_, b, _)| b + 1 == k)
                {
                    return Some((a, b, who, Path::According));
                }
                // a name opening the paragraph: « Barack Obama : « … » »
                if let Some(who) = self.colon_speaker(k) {
                    return Some((k, k, who, Path::Colon));
                }
                // « une quinzaine de manifestants …, dont un plombier : « … » »: one of the people just counted
                if k + 1 == open
                    && let Some(np) = self.member_before_colon(k, floor)
                {
                    return Some((k, k, Ref::Np(np), Path::Colon));
                }
                // a clause and a colon right before the quotation, no speech verb: « Denis Baupin a ensuite
                // défendu sa décision : « … » »: its subject
                if k + 1 == open
                    && (floor..k).all(|j| self.verb_group(j).is_none())
                    && let Some(who) = self.clause_subject(floor, k)
                {
                    return Some((k, k, who, Path::Colon));
                }
                // « N'ayant pas apprécié la rumeur de X affirmant …, Jean Dupont a rétabli la vérité en
                // affichant : « … » »: the subject of the clause the colon ends, past a report before it, and past
                // the places and times a long clause lists (« des Gilets jaunes ont choisi de …, pendant la nuit
                // du 24, notamment en Saône-et-Loir (à Lux, …) et à Somain : « … » »)
                if k + 1 == open
                    && let Some(a) = (floor..k).rev().take(50).find(|&j| self.is(j, W::AUX))
                    && (a..k).all(|j| self.verb_group(j).is_none())
                    && let Some(Ref::Np(np)) = self.subject_before(a)
                {
                    return Some((k, k, Ref::Np(np), Path::Colon));
                }
            }
        }
        if k == floor && self.punct(open.saturating_sub(1)) == ':' {
            return self
                .colon_speaker(open - 1)
                .map(|who| (open - 1, open - 1, who, Path::Colon));
        }
        None
    }

    /// « …, dont un plombier : », "…, among them a teacher:": a person counted among the people just named, set
    /// right before a colon, with an indefinite article; described (a member of a group is someone) whether or
    /// not a list knows the noun.
    fn member_before_colon(&self, colon: usize, floor: usize) -> Option<Np> {
        let np = self.np_ending(colon.checked_sub(1)?, floor)?;
        let d = np.first.checked_sub(1).filter(|&d| d > floor)?;
        let among = self.any(d, words!["dont", "including"])
            || (self.is_word(d, word!("them")) && self.is_word(d - 1, word!("among")));
        if !among || !self.any(np.first, words!["un", "une", "a", "an"]) {
            return None;
        }
        match np.head {
            Head::Other | Head::Desc | Head::RolePer => Some(Np {
                head: Head::Desc,
                ..np
            }),
            _ => None,
        }
    }

    /// Who speaks before a colon at `colon`: a name opening the paragraph (« Barack Obama : », « Qaani au
    /// commandant des … : »), or « Pour X, … : ».
    fn colon_speaker(&self, colon: usize) -> Option<Ref> {
        let start = 0;
        if colon > 12 {
            return None;
        }
        let first = (start..colon).find(|&j| self.tok(j).is_some_and(|t| t.is_word()))?;
        let m = self.per_org(first)?;
        if self.mention_label(m) != Some(crate::Label::Per) {
            return None;
        }
        // nothing between the name and the colon but a complement (« au commandant des « Brigades » »)
        let end = self.mention_end(first);
        let plain = (end..colon).all(|j| self.verb_group(j).is_none() && !self.is(j, W::AUX));
        if !plain {
            return None;
        }
        self.np_from(first, end).map(Ref::Np)
    }

    /// Verbatim statements after a colon, without marks: after a speech verb (« disant : L'Iran … »), after a
    /// name that opens the paragraph (a headline), or a whole paragraph after one that ended on « … : ».
    fn colon_statements(&self, pending: Option<Ref>, out: &mut Vec<Cand>) {
        let n = self.toks.len();
        if let Some(who) = pending
            && self.quotes.first().is_none_or(|q| q.open > 1)
            && let (Some(a), Some(b)) = (self.toks.first(), self.toks.last())
        {
            let mut c = Cand::new(a.start as usize, b.end as usize, QuoteKind::Direct, 0, 0);
            c.who = who;
            c.path = Path::Colon;
            c.no_marks = true;
            out.push(c);
            return;
        }
        // the paragraph's colons only (`Para::colons`), not all its tokens
        for &k in &self.colons {
            if self.quote_at(k).is_some() {
                continue;
            }
            let next = k + 1;
            if next >= n || self.quote_at(next).is_some() {
                continue;
            }
            let end_tok = self.sent_end(k).min(next + MAX_CLAUSE);
            // a statement runs to its sentence's end; no quotation inside it
            if (next..end_tok).any(|j| self.quote_at(j).is_some()) || end_tok <= next + 2 {
                continue;
            }
            let who = if let Some(who) = self.colon_speaker(k) {
                Some((k, k, who))
            } else {
                let floor = self.sent_start(k);
                (floor..k)
                    .rev()
                    .take(8)
                    .find_map(|j| {
                        let vg: Vg = self.verb_group(j)?;
                        Some((vg.first, vg.last, self.subject_of(&vg)))
                    })
                    .filter(|&(_, b, _)| !self.object_before_colon(b))
            };
            let Some((a, b, who)) = who else { continue };
            // a statement with a postposed cue of its own is that cue's report (« Read this: …, said X, … »)
            if (next..end_tok).any(|j| {
                self.punct(j) == ','
                    && self
                        .verb_group(j + 1)
                        .is_some_and(|g| g.first == j + 1 && !g.implicit && self.is(g.verb, W::SAY))
            }) {
                continue;
            }
            // a list of names after a colon is no statement (« lancent un appel : Bernard-Henri Lévy, … »)
            let words = (next..end_tok)
                .filter(|&j| self.tok(j).is_some_and(|t| t.is_word()))
                .count();
            let named = (next..end_tok)
                .filter(|&j| self.tok(j).is_some_and(|t| t.is_word() && t.ment != NONE))
                .count();
            if named * 2 > words {
                continue;
            }
            let (Some(s), Some(e)) = (self.tok(next), self.tok(end_tok - 1)) else {
                continue;
            };
            let mut c = Cand::new(
                s.start as usize,
                e.end as usize,
                QuoteKind::Direct,
                k,
                self.sent_of(k),
            );
            c.set_cue(self, a, b, who, Path::Colon);
            c.no_marks = true;
            out.push(c);
        }
    }

    /// Whether the verb group ending at `last` has a definite direct object that is no statement (« nie les
    /// accusations : … », "denied the allegations: …"): what the text spoke of already, and what follows the colon
    /// is the writer's explanation of it, not the words (not « a raconté une histoire différente : … », « a
    /// publié le message suivant : », « a déclaré ce jeudi : », « a dit aux journalistes : »).
    fn object_before_colon(&self, last: usize) -> bool {
        let (d, n) = (last + 1, last + 2);
        self.any(d, words!["le", "la", "les", "the"])
            && self.nominal(n)
            && !self.is(n, W::NOUN | W::ADVERB | W::STATEMENT_OF)
            && self.tok(n).is_some_and(|t| t.ment == NONE)
    }

    /// Whether the paragraph ends on a speech verb and a colon: the next paragraph is its statement.
    pub fn ends_on_cue_colon(&self) -> Option<Ref> {
        let last = self.toks.len().checked_sub(1)?;
        if self.punct(last) != ':' {
            return None;
        }
        let floor = self.sent_start(last);
        (floor..last).rev().take(8).find_map(|j| {
            let vg = self.verb_group(j)?;
            Some(self.subject_of(&vg))
        })
    }
}
