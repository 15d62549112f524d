//! Reports by a source (« Selon X, … », « …, according to X. », « …, d'après X, … ») and statements given by
//! someone (« l'assurance donnée par X … que … »).

use super::super::cue::{Ref, Vg};
use super::super::lexicon::W;
use super::super::para::{MAX_CLAUSE, Para};
use super::super::{Cand, Path};

impl<'a> Para<'a> {
    /// A report by a source: « Selon X, … », « …, according to X. », « …, d'après X, … ».
    pub(super) fn sourced(&self, first: usize, last: usize, who: Ref, out: &mut Vec<Cand>) {
        let floor = self.sent_start(first);
        let end = self.sent_end(first);
        // « Vers 10h50, selon X, … », "In the morning, according to X, …": a time or place before the source
        // leaves it leading its clause
        let lead = (floor..first)
            .all(|j| !self.tok(j).is_some_and(|t| t.is_word()) || self.is(j, W::CONNECTIVE))
            || (first > floor
                && self.punct(first - 1) == ','
                && (self.punct(last + 1) == ',' || self.complement_comma(last, end).is_some())
                && self.adverbial_only(floor, first - 1));
        let (start, stop) = if lead {
            // « Selon X, … »; « According to the page where the issue was debated, … »; « Pour X, son
            // secrétaire général : « … » » is a direct quotation's source
            let s = if self.punct(last + 1) == ',' {
                // « For Kevin Allton, a USI instructor in English, Warhol was … »: past the apposition
                let s = match self.apposition_after(last + 2, end) {
                    Some(c) => c + 1,
                    None => last + 2,
                };
                // « Pour X, cependant, … »: the narrator's connective is not the report's
                if self.is(s, W::CONNECTIVE) && self.punct(s + 1) == ',' {
                    s + 2
                } else {
                    s
                }
            } else if self.is(last + 1, W::SUB) {
                match (last + 1..(last + 16).min(end)).find(|&j| self.punct(j) == ',') {
                    Some(c) => c + 1,
                    None => last + 1,
                }
            } else {
                // « Selon un communiqué publié par le syndicat, … »: past the source's own complement
                self.complement_comma(last, end).map_or(last + 1, |c| c + 1)
            };
            let (mut e, _) = self.clause_end(s);
            // « Selon X, en cette journée du 6 décembre, Y avait exigé … »: a leading adverbial is the report's,
            // not the whole of it
            if self.punct(e) == ',' && self.adverbial_only(s, e) {
                e = self.clause_end(e + 1).0;
            }
            if self.punct(e) == ':'
                && self.tok(e + 1).is_some_and(|t| t.is_word() && !t.cap())
                && self.is(e + 1, W::PRON_SING | W::PRON_PLUR)
            {
                // « selon X, Y a été arrêté … : il s'est retrouvé au sol, il a pris des coups »: a clause
                // opening on a pronoun after the colon tells the same report on
                e = self.clause_end(e + 1).0;
            } else if self.punct(e) == ':' && (e - s <= 8 || self.quote_at(e + 1).is_some()) {
                // (a long clause before a colon that opens a list is still the report: « …, des lycées sont
                // toujours perturbés dans certaines académies : »)
                return;
            }
            (s, e)
        } else if last + 1 >= end
            // « …, selon X : « … » »: the source of the clause before it (and of the quotation after it)
            || matches!(self.punct(last + 1), '.' | '!' | '?' | ':')
            || (self.punct(last + 1) == ',' && self.nothing_but_appositions(last + 2, end))
            || self.source_tail(last + 1, end)
        {
            // « …, selon X. », a headline « … selon la CGT », « …, according to Kristen Wilkins, curator … »
            let stop = if first > floor && self.punct(first - 1) == ',' {
                first - 1
            } else {
                first
            };
            (self.clause_start(floor, stop), stop)
        } else if first > floor
            && self.punct(first - 1) == ','
            && self.punct(last + 1) == ','
            // « « … » , selon X, … »: the quotation's source (its cue), not a clause around it
            && first
                .checked_sub(2)
                .is_none_or(|q| self.quote_closes_at(q).is_none())
        {
            // « …, d'après l'opposition, … »: the clause around it
            let open = first - 1;
            let s = (floor..open)
                .rev()
                .take(MAX_CLAUSE)
                .find(|&j| self.punct(j) == ',')
                .map_or(floor.max(open.saturating_sub(MAX_CLAUSE)), |c| c + 1);
            let (e, _) = self.clause_end(last + 2);
            (s, e)
        } else {
            return;
        };
        if start >= stop {
            return;
        }
        // a quotation with a speech verb of its own is not the source's: « Il a déclaré : « … », selon Fars »;
        // but a relative's verb after its source is the qualified clause's own (« un protocole qui, selon X,
        // rappelle celui de … »)
        let relative = first >= 2
            && self.punct(first - 1) == ','
            && self.any(first - 2, words!["qui", "which", "who"]);
        // (a relative clause's verb is no report of its own: « des périurbains qui, …, demandent la
        // revalorisation … »)
        let relay = !relative
            && (start..stop).any(|j| {
                j != first
                    && (first..=last).all(|x| x != j)
                    && self
                        .verb_group(j)
                        .is_some_and(|g| !g.implicit && self.voices(&g))
                    && !self.in_relative(start, j)
            });

        if relay {
            return;
        }
        let mut c = self.cand(start, stop, first, last, who, Path::According);
        if let Some(c) = c.as_mut() {
            c.pos = start.min(first);
        }
        out.extend(c);
    }

    /// Whether a verb group inside a source's clause gives words of its own: a speech verb, or a verb that only
    /// introduces a quotation when a colon or a quotation follows it (« il a lancé : « … » »; not « il aurait
    /// tenté des attouchements », an ordinary verb there).
    fn voices(&self, g: &Vg) -> bool {
        self.is(g.verb, W::SAY | W::NAME)
            || (g.last + 1..=g.last + 2).any(|j| self.punct(j) == ':' || self.quote_at(j).is_some())
    }

    /// The comma that ends a source's own complement after its last token `last` (« Selon un communiqué publié
    /// par le syndicat, … », « selon ce qu'a confié X à l'AFP, … »): no quotation, verb, auxiliary or
    /// conjunction before it.
    fn complement_comma(&self, last: usize, end: usize) -> Option<usize> {
        (last + 1..(last + 10).min(end))
            .take_while(|&j| self.quote_at(j).is_none() && !self.is(j, W::AUX | W::SUB | W::CONJ))
            .find(|&j| self.punct(j) == ',')
            .filter(|&c| (last + 1..c).all(|j| self.verb_group(j).is_none_or(|g| g.implicit)))
    }

    /// Whether the verb at `j` is a relative clause's: « qui », "who" or "which" before it in `start..j`, no other
    /// verb between.
    fn in_relative(&self, start: usize, j: usize) -> bool {
        (start..j)
            .rev()
            .take_while(|&r| r == j || self.verb_group(r).is_none())
            .any(|r| self.any(r, words!["qui", "who", "which"]))
    }

    /// Whether tokens `s..e` are only short fronted adverbials, each with a preposition, an adverb, a time or a
    /// street first (« Vers 10h50 », « En France », "In the morning", « Hier », « rue Vignon »), no verb, no
    /// clause, no quotation.
    fn adverbial_only(&self, s: usize, e: usize) -> bool {
        // « Vers 14h15, rue Vignon, selon X, … »: a few adverbials in a row, a place named by its street
        // (« rue », « place », « avenue ») one too
        if let Some(c) = (s..e.min(s + 9)).find(|&j| self.punct(j) == ',') {
            return c > s && self.adverbial_only(s, c) && self.adverbial_only(c + 1, e);
        }
        let opens = self.is(s, W::PREP | W::ADVERB)
            || self.any(
                s,
                words![
                    "rue",
                    "place",
                    "avenue",
                    "boulevard",
                    "quai",
                    "cours",
                    "porte",
                    "gare",
                    "pont"
                ],
            )
            || self.tok(s).is_some_and(|t| {
                t.is_word()
                    && self
                        .text
                        .as_bytes()
                        .get(t.start as usize)
                        .is_some_and(u8::is_ascii_digit)
            });
        opens
            && e > s
            && e - s <= 8
            && (s..e).all(|j| {
                self.verb_group(j).is_none()
                    && !self.is(j, W::AUX | W::SUB)
                    && self.quote_at(j).is_none()
                    && self.punct(j) != ','
            })
    }

    /// Whether what follows a source at the end of its sentence from `k` is only the source's complements or a
    /// second source coordinated with it: « …, selon ce qu'a confié X à l'AFP. », « … selon le Comité
    /// international de la Croix-Rouge et un responsable rebelle. »
    fn source_tail(&self, k: usize, end: usize) -> bool {
        // « …, selon l'annonce du gouvernement ce mercredi. »: a time after a determiner (« ce mardi », « la
        // veille ») is a complement too
        let time = self.is(k, W::DET) && self.is(k + 1, W::ADVERB);
        if (time || self.is(k, W::PREP | W::ADVERB)) && self.complements_only(k, end) {
            return true;
        }
        // « …, selon le ministère de l'Intérieur qui l'a confirmé jeudi. »: a relative clause on the source to
        // the sentence's end is the source's own
        if self.any(k, words!["qui", "who", "which"])
            && k > 0
            && self.tok(k - 1).is_some_and(|t| t.is_word())
        {
            return true;
        }
        self.any(k, words!["et", "and"])
            && self.np_starting(k + 1, end).is_some_and(|np| {
                np.head != super::super::np::Head::Other
                    && (np.last + 1 >= end
                        || matches!(self.punct(np.last + 1), '.' | '!' | '?')
                        || self.complements_only(np.last + 1, end))
            })
    }

    /// « l'assurance donnée par X au Y que … »: a statement noun, its author after « par » / « by », and a
    /// clause after « que » / « that ».
    pub(super) fn given_statement(&self, noun: usize, out: &mut Vec<Cand>) {
        let end = self.sent_end(noun);
        // its author: « donnée par X », « by X », or « du député X », « of X »
        let Some(by) = (noun + 1..(noun + 4).min(end)).find(|&j| {
            self.any(j, words!["par", "by"])
                || (j == noun + 1 && self.any(j, words!["de", "du", "d", "of"]))
        }) else {
            return;
        };
        let Some(agent) = self.np_starting(by + 1, end) else {
            return;
        };
        let Some(que) = (agent.last + 1..(agent.last + 16).min(end))
            .find(|&j| self.any(j, words!["que", "qu", "that"]))
        else {
            return;
        };
        // « alors que », « tandis que »: a conjunction, no statement's clause
        if que > 0 && self.is(que - 1, W::SUB) {
            return;
        }
        if (agent.last + 1..que).any(|j| {
            self.verb_group(j).is_some() || self.is(j, W::AUX) || self.quote_at(j).is_some()
        }) {
            return;
        }
        let vg = Vg {
            first: noun.saturating_sub(1),
            verb: noun,
            last: noun + 1,
            inverted: None,
            implicit: false,
            coord: false,
        };
        self.clauses(que + 1, &vg, Ref::Np(agent), Path::Noun, out);
    }
}
