//! Where a reported clause ends (the sentence's end, or before what starts a new report or leaves it: « …,
//! ajoutant que », « ; », « , mais il a appelé ») and where a clause before a postposed cue starts.

use super::super::cue::Ref;
use super::super::lexicon::W;
use super::super::np::Head;
use super::super::para::{MAX_CLAUSE, NONE, Para};

impl<'a> Para<'a> {
    /// One past the last token of the clause reported from `start`, and where a coordinated clause of the
    /// same report starts after a parenthesis that interrupts it.
    pub(super) fn clause_end(&self, start: usize) -> (usize, Option<usize>) {
        let end = self.sent_end(start).min(start + MAX_CLAUSE);
        let mut k = start;
        while k < end {
            if let Some(q) = self.quote_at(k) {
                let closed = self.quotes.get(q).and_then(|x| x.close);
                k = self.quotes.get(q).map_or(k, |x| x.close.unwrap_or(x.last)) + 1;
                // what follows a closed quotation (checked here, not at every word)
                if closed.is_some() && k < end && self.quote_at(k).is_none() {
                    // « « … » ajoutant « … » »: a participle after a quotation starts a new report
                    if self.verb_group(k).is_some_and(|g| g.implicit) {
                        return (k, None);
                    }
                    // « dit que « … » et réclame une « … » »: « et » and a speech verb of the subject's end the
                    // report the quotation made
                    if self.is(k, W::CONJ)
                        && (k + 1..(k + 3).min(end))
                            .any(|v| self.verb_group(v).is_some_and(|g| !g.implicit))
                    {
                        return (k, None);
                    }
                    // « Rappelant X, dans lequel celui-ci explique que … « … » , cette instruction veut … »: the
                    // fronted participle's clause ends at the comma after its quotation, the main clause follows
                    if self.punct(k) == ',' && self.opens_on_participle(start) {
                        return (k, None);
                    }
                }
                continue;
            }
            // most tokens are plain words or marks that neither end nor interrupt a report: past them at once
            let plain = self
                .tok(k)
                .is_none_or(|t| !t.is(W::CONJ) && !matches!(t.punct, ';' | ':' | ',' | '('));
            if plain {
                // « … tout en mettant en avant … »: the subject's own participle ends the report
                if k > start
                    && self.is_word(k, word!("tout"))
                    && self.is_word(k + 1, word!("en"))
                    && self.gerund(k + 2)
                {
                    return (k, None);
                }
                k += 1;
                continue;
            }
            let p = self.punct(k);
            if matches!(p, ';' | ':') {
                return (k, None);
            }
            if p == ',' && k > start {
                let next = k + 1;
                let cue_next = self
                    .verb_group(next)
                    .is_some_and(|g| g.implicit || g.inverted.is_some())
                    || self
                        .verb_group(next + 1)
                        .is_some_and(|g| g.inverted.is_some());
                // « …, and told the police … », « …, et a ajouté que … »: a new verb of the subject's, not the
                // report's
                let coordinated = self.is(next, W::CONJ)
                    && (next + 1..(next + 3).min(end))
                        .any(|v| self.verb_group(v).is_some_and(|g| !g.implicit));
                // « …, selon un communiqué », « …, according to X »: the source closes the report
                if cue_next
                    || coordinated
                    || (self.is(next, W::STOP_CLAUSE)
                        && !self.same_subject_goes_on(start, next + 1, end))
                    || self
                        .source_at(next)
                        .or_else(|| self.source_at(next + 1))
                        .is_some()
                {
                    return (k, None);
                }
                // a new report with its own subject: « …, le ministre de l'Intérieur a tweeté que … »
                let new_report = (next..(next + 10).min(end)).any(|v| {
                    self.verb_group(v).is_some_and(|g| {
                        !g.implicit
                            && g.inverted.is_none()
                            && matches!(self.subject_before(g.first), Some(Ref::Np(np)) if np.first == next)
                    })
                });
                // « …qu'il a été payé, Jean Dupont a rétabli la vérité »: a named subject and its auxiliary
                // after a report that has its own verb start a clause of the narrator's
                let main_clause = !new_report
                    && self.tok(next).is_some_and(|t| t.ment != NONE)
                    && !self.is(start, W::SUB)
                    && (start..k).any(|j| self.is(j, W::AUX))
                    && self.np_starting(next, end).is_some_and(|np| {
                        matches!(np.head, Head::Entity(_)) && self.is(np.last + 1, W::AUX)
                    });
                if new_report || main_clause {
                    return (k, None);
                }
            }
            // « … and according to X, … », « … et selon X »: a source coordinated after the report starts
            // another one
            if k > start && self.is(k, W::CONJ) {
                if self.source_word(k + 1) {
                    return (k, None);
                }
                // « estime qu'« … » et qu'il « … » », « que « … » , et que … »: a clause that is only a quotation,
                // then, set apart by a comma or itself a quotation but for its subject, a second clause of the
                // same report: each reported apart (not « dit que « … » et qu'elle ne sait « … » », one report
                // whose second clause has words of its own). (« que » first: the rest is rarely asked.)
                if self.any(k + 1, words!["que", "qu"]) {
                    let quoted = self
                        .quote_at(start)
                        .and_then(|q| self.quotes.get(q))
                        .and_then(|q| q.close);
                    let comma = quoted.is_some_and(|c| c + 2 == k && self.punct(c + 1) == ',');
                    let only_quote = comma || quoted.is_some_and(|c| c + 1 == k);
                    let mut n = k + 2;
                    while n < end && self.punct(n) == '\'' {
                        n += 1;
                    }
                    if only_quote
                        && (comma
                            || (n..(n + 2).min(end)).any(|j| self.quote_at(j).is_some())
                            || self.second_clause_apart(n, end))
                    {
                        return (k, (n < end).then_some(n));
                    }
                }
                // « estime avoir … et ajoute que … »: a speech verb of the subject's and its « que » start a
                // new report (not « dit que les prix montent et baissent », whose verb is the report's)
                if let Some(g) = (k + 1..(k + 3).min(end))
                    .find_map(|v| self.verb_group(v).filter(|g| !g.implicit && g.first == v))
                    && self.is(g.verb, W::SAY)
                    && (g.last + 1..(g.last + 3).min(end))
                        .any(|j| self.any(j, words!["que", "qu", "that"]))
                {
                    return (k, None);
                }
            }
            if p == '(' {
                let close = (k + 1..end).find(|&j| self.punct(j) == ')');
                let reports = close.is_some_and(|c| {
                    (k + 1..c).any(|j| self.quote_at(j).is_some() || self.verb_group(j).is_some())
                });
                if reports && let Some(c) = close {
                    let again = c + 1;
                    let more = self.any(again, words!["and", "et"])
                        && self.any(again + 1, words!["that", "que", "qu"]);
                    return (k, more.then_some(again + 2));
                }
            }
            k += 1;
        }
        (end, None)
    }

    /// Whether the words after « but » / « mais » at `k` go on with the clause reported from `start`: adverbs and
    /// commas, then a verb with no subject of its own (« a man came in, but instead, sat down »); a new subject
    /// (« but the firm plans … ») or a speech verb of the narrator's ends the report, and so does a participle's
    /// report (« … came in saying he was lost, but instead, sat … »: the man sat, he did not say so).
    fn same_subject_goes_on(&self, start: usize, k: usize, end: usize) -> bool {
        let participle = |j: usize| self.verb_group(j).is_some_and(|g| g.implicit);
        let under_participle = start.checked_sub(1).is_some_and(|b| {
            participle(b)
                || (self.any(b, words!["that", "que", "qu"])
                    && b.checked_sub(1).is_some_and(participle))
        });
        if under_participle {
            return false;
        }
        let mut j = k;
        while j < end && (self.is(j, W::ADVERB) || self.punct(j) == ',') {
            j += 1;
        }
        j > k
            && self
                .tok(j)
                .is_some_and(|t| t.is_word() && !t.cap() && t.q == NONE)
            && self.verb_group(j).is_none()
            && (self.is(j, W::AUX)
                || {
                    let w = self.s(j);
                    w.len() > 3 && w.ends_with("ed")
                }
                || self.irregular_past(j))
    }

    /// Whether a second clause from `n` (after « et que » and a first clause that is only a quotation) is
    /// reported apart: it quotes nothing (« que « … » et qu'il importait peu … »), or its quotation, to its end,
    /// outweighs the words that frame it and its subject is a noun, not the speaker's pronoun (« que « … » et que
    /// le but de la mesure est d'« … » »; not « que « … » et qu'elle ne sait « … » », one report of hers).
    fn second_clause_apart(&self, n: usize, end: usize) -> bool {
        let Some(q) = (n..end).find(|&j| self.quote_at(j).is_some()) else {
            // a second clause, not a word or two before the sentence's end
            return end > n + 3;
        };
        let Some(close) = self
            .quote_at(q)
            .and_then(|i| self.quotes.get(i))
            .and_then(|x| x.close)
        else {
            return false;
        };
        let pronoun = self.is(n, W::PRON_SING | W::PRON_PLUR)
            || self.any(n, words!["on", "je", "j", "nous", "vous"]);
        let to_end =
            close + 1 >= self.sent_end(n) || matches!(self.punct(close + 1), '.' | '!' | '?');
        !pronoun && to_end && close - q > q - n
    }

    /// Whether the sentence of `start` opens with a participle before it (« Rappelant l'instruction … »): a word
    /// in « -ant » that is no preposition or adverb (« Pendant », « Cependant », « Maintenant »).
    fn opens_on_participle(&self, start: usize) -> bool {
        let floor = self.sent_start(start);
        floor < start
            && !self.is(
                floor,
                W::PREP | W::ADVERB | W::CONNECTIVE | W::SUB | W::CONJ,
            )
            && self.gerund(floor)
    }

    /// A present participle (« mettant », « Rappelant »): a word of five letters or more in « -ant ».
    fn gerund(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| t.is_word() && t.q == NONE) && {
            let w = self.s(k);
            w.len() > 4 && w.ends_with("ant")
        }
    }

    /// Whether a source's preposition opens at `k` (« selon », « d'après », "according to"), whoever it names.
    fn source_word(&self, k: usize) -> bool {
        self.is_word(k, word!("selon"))
            || (self.is_word(k, word!("according")) && self.is_word(k + 1, word!("to")))
            || (self.any(k, words!["d"]) && self.is_word(k + 1, word!("après")))
    }

    /// Where the clause ending at `comma` starts: its sentence's start, after a narrator's connective
    /// (« En effet, ») and any dash or date line before it.
    pub(super) fn clause_start(&self, floor: usize, comma: usize) -> usize {
        let mut s = floor.max(comma.saturating_sub(MAX_CLAUSE));
        // « … en bande organisée » ; ils ont été placés en détention, selon X »: a semicolon ends a clause
        // and so does a colon (« Read this fact: …, said X »)
        if let Some(semi) = (s..comma)
            .rev()
            .find(|&j| matches!(self.punct(j), ';' | ':'))
        {
            s = semi + 1;
        }
        while s < comma && !self.tok(s).is_some_and(|t| t.is_word() || t.q != NONE) {
            s += 1;
        }
        // « Mais … », "But …": the narrator's conjunction opening the sentence
        if s + 1 < comma && self.is(s, W::CONJ) {
            s += 1;
        }
        // « En effet, », « However, »: one or two words and a comma
        if let Some(c) = (s..(s + 3).min(comma)).find(|&j| self.punct(j) == ',')
            && (s..c).any(|j| self.is(j, W::CONNECTIVE))
        {
            s = c + 1;
        }
        s
    }

    /// An apposition starting at `s` (« a USI instructor in English, ») : the comma that ends it.
    pub(super) fn apposition_after(&self, s: usize, end: usize) -> Option<usize> {
        if !(self.is(s, W::DET) || self.is(s, W::ROLE_PER | W::DESC)) {
            return None;
        }
        let comma = (s..(s + 12).min(end)).find(|&j| self.punct(j) == ',')?;
        let plain = (s..comma).all(|j| {
            self.verb_group(j).is_none()
                && !self.is(j, W::AUX | W::SUB)
                && self.quote_at(j).is_none()
        });
        plain.then_some(comma)
    }

    /// Whether the words from `s` to `end` are only appositions and complements: no verb, no clause.
    pub(super) fn nothing_but_appositions(&self, s: usize, end: usize) -> bool {
        // an apposition opens with a noun, a determiner, a name or « de » (« de l'Université … »), not with a
        // preposition (« …, d'après l'opposition, à des députés … »)
        let opens =
            self.is_of(s) || !self.is(s, W::PREP | W::ADVERB | W::CONJ | W::SUB | W::CONNECTIVE);
        opens
            && end.saturating_sub(s) <= 24
            && (s..end).all(|j| {
                self.verb_group(j).is_none_or(|g| g.implicit)
                    && !self.is(j, W::AUX | W::SUB)
                    && self.quote_at(j).is_none()
            })
    }

    /// Whether the words from `s` to `end` are only complements of a cue: prepositional phrases, adverbs, dates,
    /// an object (« devant la presse », « dans un communiqué mardi », "the BBC on Monday"): no verb, no clause, no
    /// quotation, a few words at most.
    pub(in super::super) fn complements_only(&self, s: usize, end: usize) -> bool {
        end.saturating_sub(s) <= 16
            && (s..end).all(|j| {
                self.verb_group(j).is_none()
                    && !self.is(j, W::AUX | W::SUB | W::CONJ)
                    && !self.any(j, words!["que", "qu", "that", "qui", "who", "which"])
                    && self.tok(j).is_some_and(|t| {
                        t.q == NONE && (t.is_word() || matches!(t.punct, ',' | '.' | '\'' | '-'))
                    })
            })
    }
}
