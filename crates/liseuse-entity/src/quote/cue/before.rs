//! The subject written before a cue's verb group: over adverbs, appositions, relatives, prepositional phrases and
//! coordinations (« Gérald Karsenti, PDG de HP France, a indiqué », « … et a déclaré »).

use super::super::lexicon::W;
use super::super::np::{Head, Np};
use super::super::para::{NONE, Para};
use super::Ref;

impl<'a> Para<'a> {
    /// The subject written before a verb group that starts at `first` (read once per paragraph while kept).
    pub fn subject_before(&self, first: usize) -> Option<Ref> {
        if let Some(kept) = self.subjects.get(first) {
            return kept;
        }
        let subject = self.subject_before_at(first, 0);
        self.subjects.put(first, subject);
        subject
    }

    /// [`Para::subject_before`], `depth` coordinations deep (« … et … et a déclaré »: a few at most).
    pub(super) fn subject_before_at(&self, first: usize, depth: usize) -> Option<Ref> {
        if depth > 3 {
            return None;
        }
        let floor = self.sent_start(first);
        let mut k = first.checked_sub(1)?;
        // « Ce dernier a affirmé »: « dernier » is no adverb to skip here (« mardi dernier »)
        if k > floor
            && self.any(k, words!["dernier", "dernière", "latter"])
            && self.any(k - 1, words!["ce", "cette", "the"])
        {
            return Some(Ref::Latter(k - 1));
        }
        while k > floor && self.skippable(k) && !self.is(k, W::PRON_SING | W::PRON_PLUR) {
            k -= 1;
        }
        // « Ce dernier n'était pas », « Ce dernier ne l'a pas »: the adverbs skipped were a negation or a clitic,
        // and « dernier » among them (a time word elsewhere) was the latter's
        if k + 1 < first
            && self.any(k, words!["ce", "cette", "the"])
            && self.any(k + 1, words!["dernier", "dernière", "latter"])
        {
            return Some(Ref::Latter(k));
        }
        // "He proudly told", "officials this week said": an adverbial between the subject and its verb
        if let Some(j) = self.adverbial_before_verb(k, floor) {
            k = j;
        }
        // "John Smith on Tuesday said": a preposition before the adverbs skipped makes them one adverbial
        if k > floor && k + 1 < first && self.is(k, W::PREP) && self.skippable(k + 1) {
            k -= 1;
            while k > floor && self.skippable(k) && !self.is(k, W::PRON_SING | W::PRON_PLUR) {
                k -= 1;
            }
        }
        if k < floor {
            return None;
        }
        if let Some(q) = self.quote_closes_at(k) {
            // « le groupe Facebook « Gilet jaune officiel » a donné »: a name in quotation marks ends the phrase
            if let Some(m) = self.quotes.get(q)
                && super::super::word_count(self.text.get(m.start..m.end).unwrap_or(""), 6) <= 5
                && m.open > floor
                && self.nominal(m.open - 1)
            {
                return self.np_ending(m.open - 1, floor).map(Ref::Np);
            }
            return Some(Ref::Quote(q));
        }
        let t = self.tok(k)?;
        // "some wrote that", "others said", « d'autres affirment »: a quantifier standing alone is people
        // described (those the sentence before spoke of), not a phrase with no head
        if k + 1 == first && self.quantifier_subject(k, first) {
            let d = k
                .checked_sub(1)
                .filter(|&d| self.is_word(k, word!("autres")) && self.any(d, words!["d"]));
            return Some(Ref::Np(Np {
                first: d.unwrap_or(k),
                last: k,
                head: Head::Desc,
                head_tok: k,
                inner: None,
                plural: true,
            }));
        }
        // « Ce dernier, … a affirmé »: the last person named
        if self.any(k, words!["dernier", "dernière", "latter"])
            && k > floor
            && self.any(k - 1, words!["ce", "cette", "the"])
        {
            return Some(Ref::Latter(k - 1));
        }
        if t.is(W::PRON_SING | W::PRON_PLUR) {
            // « il y a », « il n'y a »: no one
            if (k + 1..first).any(|j| self.is_word(j, word!("y"))) {
                return None;
            }
            return self.np_from(k, k + 1).map(Ref::Np);
        }
        if self.any(k, words!["qui", "who", "which"]) {
            let mut a = k.checked_sub(1)?;
            if self.punct(a) == ',' {
                a = a.checked_sub(1)?;
            }
            // an age after the antecedent (« un homme marocain de 26 ans qui aurait déclaré »): the one aged
            if a >= floor + 3
                && !self.nominal(a)
                && self.s(a - 1).bytes().all(|b| b.is_ascii_digit())
                && self.is_of(a - 2)
            {
                a -= 3;
            }
            // the nearest noun (« des représailles de [l'organisation islamique], qui affirme »), or the whole
            // phrase when that noun is no one (« la source proche de [l'enquête], qui a ajouté »)
            let near = self.np_ending_with(a, floor, false);
            if near.is_some_and(|np| np.head == Head::Other) {
                return self.np_ending_with(a, floor, true).or(near).map(Ref::Np);
            }
            return near.map(Ref::Np);
        }
        if self.any(k, words!["et", "and", "mais", "but", "puis", "then"]) {
            // « « … » et a déclaré que », « … comme « … », mais a souligné que »: the quotation's speaker
            let before = k.checked_sub(1).map(|j| {
                if self.punct(j) == ',' {
                    j.saturating_sub(1)
                } else {
                    j
                }
            });
            if let Some(q) = before.and_then(|j| self.quote_closes_at(j)) {
                let open = self.quotes.get(q).map_or(k, |m| m.open);
                // « X dit que « … » et réclame », "X said … "for months", and said": the speech verb the
                // quotation was reported under is the one coordinated, and its subject speaks
                if let Some(g) = self.speech_verb_before(open, floor) {
                    return Some(self.subject_of(&g));
                }
                // « trouve le moratoire « insuffisant » et réclame »: a quotation inside a clause is that
                // clause's object, the verb before it is the one coordinated
                let inside = open > floor
                    && self.tok(open - 1).is_some_and(|t| {
                        t.is_word() && t.q == NONE && !self.is_word(open - 1, word!("comme"))
                    });
                if !inside {
                    return Some(Ref::Quote(q));
                }
            }
            return match self.governing_verb(k) {
                Some(v) => {
                    let mut start = self.verb_group(v).map_or(v, |g| g.first);
                    // "X will be closing, and have said": the auxiliaries' chain from its first, where the
                    // subject ends (not "be", whose subject would be "will")
                    while start > floor
                        && self.is(start - 1, W::AUX)
                        && self.tok(start - 1).is_some_and(|t| t.q == NONE)
                    {
                        start -= 1;
                    }
                    self.subject_before_at(start, depth + 1)
                }
                // « La coordination … appel à un moratoire et fait savoir que »: the clause's first phrase
                None => self.clause_subject(floor, k),
            };
        }
        match t.punct {
            ',' => return self.apposition_chain(k, floor),
            ')' => {
                let open = (floor..k).rev().take(12).find(|&j| self.punct(j) == '(')?;
                return self.subject_before_at(open, depth + 1);
            }
            // "officials in Broward County — where Parkland is located — announced": a parenthetical between
            // dashes, as between brackets
            '—' | '–' => {
                let mut open = (floor..k)
                    .rev()
                    .take(16)
                    .find(|&j| self.punct(j) == t.punct)?;
                // (« officials in Broward County, Florida — … — »: the state after a comma is the place's, not
                // the subject)
                if let Some(p) = open.checked_sub(1)
                    && self.tok(p).is_some_and(|x| x.ment != NONE)
                    && self.mention_label(self.tok(p).map_or(0, |x| x.ment))
                        == Some(crate::Label::Loc)
                    && let Some(c) = self.mention_start(p).checked_sub(1)
                    && c > floor
                    && self.punct(c) == ','
                {
                    open = c;
                }
                return self.subject_before_at(open, depth + 1);
            }
            _ => {}
        }
        // "The nurse who stayed behind claimed": a restrictive relative is a clause of its own
        if let Some(n) = self.restrictive_antecedent(k, floor) {
            return Some(Ref::Np(n));
        }
        let mut np = self.np_ending(k, floor)?;
        // a prepositional phrase is no subject: « les médias affiliés [aux Gardiens de la révolution] ont »
        for _ in 0..2 {
            let Some(prep) = np.first.checked_sub(1) else {
                break;
            };
            if prep > floor + 1
                && self.any(prep, words!["by", "par"])
                && self.participle_like(prep - 1)
            {
                // "a letter seen by Sky News says", « un message relayé par X affirme »: a participle's agent
                match self.np_ending(prep - 2, floor) {
                    Some(n) => np = n,
                    None => break,
                }
            } else if prep > floor
                && self.is(prep, W::PREP)
                && !self.is_of(prep)
                && !self.subordinator(prep)
                && self.nominal(prep - 1)
            {
                // a complement of whom one speaks for stays in the name ("a spokesman for the company", not "a
                // spokesman"); a place or a time does not (« les médias affiliés aux Gardiens » is « les médias
                // affiliés »)
                let keep = self.any(prep, words!["for", "pour"]);
                match self.np_ending(prep - 1, floor) {
                    Some(n) if keep => np = Np { last: np.last, ..n },
                    Some(n) => np = n,
                    None => break,
                }
            } else {
                break;
            }
        }
        // a relative clause after a person, its closing comma missing: « Jean Dupont, qui dirige le syndicat
        // représentant … a affirmé », "John Smith, who heads the union … said": the person speaks, not the
        // relative's object
        if !matches!(np.head, Head::Entity(_) | Head::Pronoun { .. })
            && let Some(n) = self.person_before_open_relative(np.first, first, floor)
        {
            return Some(Ref::Np(n));
        }
        // "the logger who stayed back claimed", « l'homme qui était resté affirme »: a relative with no commas
        // whose words are no one; its antecedent speaks
        if np.head == Head::Other
            && let Some(r) = np.first.checked_sub(1)
            && r > floor
            && self.any(r, words!["who", "qui"])
            && self.nominal(r - 1)
            && let Some(n) = self.np_ending(r - 1, floor)
        {
            return Some(Ref::Np(n));
        }
        // a name set before its apposition: « Jean-Luc Mélenchon, le candidat du Front de gauche … avait appelé »,
        // also with a role before a name and no closing comma: « François Ruffin, député La France insoumise a »
        let role = np
            .first
            .checked_sub(1)
            .filter(|&r| r > floor && self.is(r, W::ROLE_PER));
        let person = |np: &Np| matches!(np.head, Head::Entity(m) if self.mention_label(m) == Some(crate::Label::Per));
        let first = role.unwrap_or(np.first);
        // a "name" with a lower-case word glued after it is a noun the tagger misread (« Eric Drouet, Gilet jaune
        // de Melun dit »): an apposition still
        let misread = |np: &Np| {
            matches!(np.head, Head::Entity(_)) && {
                let after = self.mention_end(np.head_tok);
                after <= np.last
                    && self
                        .tok(after)
                        .is_some_and(|t| t.is_word() && !t.cap() && !t.is(W::FUNCTION))
            }
        };
        if first > floor + 1
            && self.punct(first - 1) == ','
            && (!matches!(np.head, Head::Entity(_))
                || (role.is_some() && !person(&np))
                || misread(&np))
            && let Some(n) = self.np_ending(first - 2, floor)
            && let Head::Entity(m) = n.head
            && self.mention_label(m) == Some(crate::Label::Per)
            && (n.first == floor
                || matches!(self.punct(n.first - 1), ',' | ':' | ';' | '-' | '–' | '—'))
        {
            np = n;
        }
        Some(Ref::Np(np))
    }

    /// The token before an English adverbial that ends at `k` and stands between a subject and its verb: a word in
    /// « -ly » ("he proudly told") or a deictic time ("officials this week said"), right after what reads as a
    /// subject's head (a pronoun, a name, a role, people described), so that "the family said" stays a subject.
    fn adverbial_before_verb(&self, k: usize, floor: usize) -> Option<usize> {
        if self.lang() != super::super::lexicon::Lang::En {
            return None;
        }
        let plain = |j: usize| {
            self.tok(j).is_some_and(|t| {
                t.is_word()
                    && !t.cap()
                    && t.q == NONE
                    && t.ment == NONE
                    && !t.is(W::FUNCTION | W::ROLE_PER | W::ROLE_ORG | W::DESC | W::NOUN)
            })
        };
        let head = |j: usize| {
            j >= floor
                && self.tok(j).is_some_and(|t| {
                    t.q == NONE
                        && t.is_word()
                        && (t.ment != NONE
                            || t.cap()
                            || t.is(W::PRON_SING
                                | W::PRON_PLUR
                                | W::ROLE_PER
                                | W::ROLE_ORG
                                | W::DESC))
                })
                && !self.possessive(j)
        };
        if !plain(k) || k == 0 {
            return None;
        }
        let s = self.s(k);
        if s.len() > 4 && s.ends_with("ly") && head(k - 1) {
            return Some(k - 1);
        }
        if k >= 2 && self.any(k - 1, words!["this", "last", "next"]) && head(k - 2) {
            return Some(k - 2);
        }
        None
    }

    /// The person named before « , qui » / ", who" when the relative clause runs without a comma from there to
    /// the verb group at `verb` (the phrase found before the verb starting at `np_first`).
    fn person_before_open_relative(
        &self,
        np_first: usize,
        verb: usize,
        floor: usize,
    ) -> Option<Np> {
        let r = (np_first.saturating_sub(6).max(floor + 2)..np_first)
            .rev()
            .find(|&j| self.any(j, words!["qui", "who"]) && self.punct(j - 1) == ',')?;
        if (r + 1..verb).any(|j| {
            self.tok(j)
                .is_some_and(|t| t.q != NONE || matches!(t.punct, ',' | ';' | ':' | '(' | ')'))
        }) {
            return None;
        }
        let n = self.np_ending(r - 2, floor)?;
        let person =
            matches!(n.head, Head::Entity(m) if self.mention_label(m) == Some(crate::Label::Per));
        person.then_some(n)
    }

    /// The nearest speech verb group of the sentence before token `before` (not a participle's or an
    /// infinitive's).
    fn speech_verb_before(&self, before: usize, floor: usize) -> Option<super::Vg> {
        (floor..before)
            .rev()
            .take(40)
            .filter_map(|j| self.verb_group(j))
            .find(|g| !g.implicit && g.verb < before)
    }

    /// Whether token `k` reads as a past participle (« relayé », "seen", "published"): what an agent « par X »,
    /// "by X" hangs on.
    fn participle_like(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else { return false };
        if !t.is_word() || t.cap() || t.is(W::FUNCTION) || t.q != NONE {
            return false;
        }
        let s = self.s(k);
        t.is(W::PP)
            || ["ed", "en", "é", "ée", "és", "ées", "wn", "ne"]
                .iter()
                .any(|e| s.len() > 3 && s.ends_with(e))
            || matches!(
                s,
                "seen" | "made" | "sent" | "held" | "told" | "cited" | "quoted"
            )
    }
}
