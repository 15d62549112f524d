//! A cue's subject: the phrase before the verb group (over appositions and clitics), the one after it in an
//! inverted or postposed cue, the subject of the verb it is coordinated with, or none written.

use super::super::lexicon::{Lang, W};
use super::super::np::{Head, Np};
use super::super::para::{NONE, Para};
use super::{Ref, Vg};

impl<'a> Para<'a> {
    /// Who the verb group says speaks.
    pub fn subject_of(&self, vg: &Vg) -> Ref {
        if let Some(plural) = vg.inverted {
            return Ref::Np(Np {
                first: vg.first,
                last: vg.first,
                head: Head::Pronoun { plural },
                head_tok: vg.first,
                inner: None,
                plural,
            });
        }
        if vg.implicit {
            let floor = self.sent_start(vg.verb);
            // « Khamenei disant », « a statement saying »
            let p = vg.first.checked_sub(1).filter(|&p| p >= floor);
            if let Some(p) = p
                && self.per_org(p).is_some()
            {
                let m = self.mention_start(p);
                if let Some(np) = self.np_from(m, p + 1) {
                    return Ref::Np(np);
                }
            }
            // "…, the government recommending "…"", « …, le ministère précisant que »: a body or a person's role
            // right before the participle is its subject
            if let Some(p) = p
                && self.is(p, W::ROLE_ORG | W::ROLE_PER)
                && let Some(np) = self.np_ending(p, floor)
                && matches!(np.head, Head::RoleOrg | Head::RolePer)
                && np.first > floor
                && self.punct(np.first - 1) == ','
            {
                return Ref::Np(np);
            }
            let noun = (floor..vg.first)
                .rev()
                .take(4)
                .find(|&k| self.is(k, W::NOUN));
            return Ref::Implicit {
                after_noun: noun,
                after: vg.first,
            };
        }
        // « l'individu arrêté la veille pour avoir appelé à « … » »: the phrase the infinitive hangs on
        if self.any(vg.first, words!["avoir", "être", "having", "being"]) {
            let floor = self.sent_start(vg.first);
            let prep = vg.first.checked_sub(1).filter(|&p| {
                p > floor
                    && self.any(
                        p,
                        words![
                            "pour", "sans", "après", "de", "d", "for", "after", "without",
                        ],
                    )
            });
            // the nearest phrase before it that names someone (« l'individu arrêté la veille »)
            let named = prep.and_then(|p| {
                (p.saturating_sub(8).max(floor)..p)
                    .rev()
                    .filter_map(|j| self.np_ending(j, floor))
                    .find(|np| np.head != Head::Other)
            });
            if let Some(np) = named {
                return Ref::Np(np);
            }
            // « un vigile …, a été interpellé à la sortie de son domicile pour avoir appelé à « … » »: the
            // infinitive's subject is that of the clause it hangs on, passive or not
            let governing = prep.and_then(|p| {
                (floor..p).rev().take(30).find(|&j| {
                    self.tok(j).is_some_and(|t| t.q == NONE)
                        && (self.is(j, W::AUX) || self.verb_group(j).is_some_and(|g| !g.implicit))
                })
            });
            return governing
                .and_then(|v| self.subject_before(self.verb_group(v).map_or(v, |g| g.first)))
                .filter(|r| matches!(r, Ref::Np(_) | Ref::Latter(_)))
                .unwrap_or(Ref::None);
        }
        if vg.coord {
            return match self.aux_before(vg.verb, self.sent_start(vg.verb)) {
                Some(a) => self.subject_before(a).unwrap_or(Ref::None),
                None => Ref::None,
            };
        }
        let before = vg.first.checked_sub(1);
        let open_left = before.is_none_or(|b| {
            b < self.sent_start(vg.first)
                || self.punct(b) == ','
                || self.quote_closes_at(b).is_some()
                || self.punct(b) == '-'
                // « comme l'a dit X », « ce qu'a confié X »: inverted after « comme » and « ce que »
                || (self.lang() == Lang::Fr
                    && (self.is_word(b, word!("comme"))
                        || (self.any(b, words!["que", "qu"])
                            && b.checked_sub(1).is_some_and(|c| self.is_word(c, word!("ce"))))))
        });
        if open_left && let Some(np) = self.inverted_subject(vg) {
            return Ref::Np(np);
        }
        self.subject_before(vg.first).unwrap_or(Ref::None)
    }

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
                    let start = self.verb_group(v).map_or(v, |g| g.first);
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
                match self.np_ending(prep - 1, floor) {
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

    /// A past participle opening a clause (« Interrogée par … , », "Asked about …,"), no name.
    fn fronted_participle(&self, s: usize) -> bool {
        let Some(t) = self.tok(s) else { return false };
        if !t.is_word() || t.ment != NONE || t.q != NONE {
            return false;
        }
        let w = self.s(s);
        w.len() > 4
            && ["é", "ée", "és", "ées", "ed"]
                .iter()
                .any(|e| w.ends_with(e))
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

    /// The subject of the clause a quotation opened at `open` stands in, when a verb of that clause comes before
    /// it and its subject is someone: a relative's antecedent (« le gouvernement, qui ne veut pas « … » »), the
    /// subject of a verb before it (« Le Medef a décidé de « rester solidaire » »). Not a phrase right before the
    /// quotation: « Édouard Philippe « a pris en compte … » » is what someone else says of him.
    pub fn clause_of_quote(&self, open: usize) -> Option<Ref> {
        // a name right before: the quotation names it (« le groupe Facebook « Gilet jaune officiel » »)
        if open
            .checked_sub(1)
            .and_then(|j| self.tok(j))
            .is_some_and(|t| t.ment != NONE || t.cap())
        {
            return None;
        }
        let floor = self.sent_start(open);
        let mut k = open;
        let mut words = 0;
        while k > floor && words < 12 {
            k -= 1;
            let t = self.tok(k)?;
            if t.q != NONE || matches!(t.punct, ',' | ';' | ':' | '(' | ')') {
                break;
            }
            if self.any(k, words!["qui", "who"]) {
                return self.subject_before(k + 1).filter(someone);
            }
            if self.is(k, W::AUX) || self.verb_group(k).is_some() {
                return self.subject_before(k).filter(someone);
            }
            words += 1;
        }
        None
    }

    /// The first phrase of the clause that starts at `floor`, after a fronted phrase (« Pour se justifier, »,
    /// « Dans l'interview, »).
    pub fn clause_subject(&self, floor: usize, limit: usize) -> Option<Ref> {
        let mut s = floor;
        while s < limit && !self.tok(s).is_some_and(|t| t.is_word() && t.q == NONE) {
            s += 1;
        }
        // (« Des captures d'écran du dernier, 29 ans , montrent » opens on its subject: « des » is no preposition)
        // a fronted participle too: « Interrogée par Le Monde, X reste prudente : », "Asked about it, X …"
        if (self.is(s, W::PREP | W::ADVERB | W::CONNECTIVE) || self.fronted_participle(s))
            && !(self.is(s, W::DET) && self.nominal(s + 1))
            && let Some(c) = (s..(s + 8).min(limit)).find(|&j| self.punct(j) == ',')
        {
            s = c + 1;
        }
        self.np_starting(s, limit).map(Ref::Np)
    }
}

/// A subject that names or stands for someone (not « la réunion », not a statement).
fn someone(r: &Ref) -> bool {
    matches!(
        r,
        Ref::Np(Np {
            head: Head::Entity(_)
                | Head::Pronoun { .. }
                | Head::RolePer
                | Head::RoleOrg
                | Head::Desc
                | Head::Name,
            ..
        }) | Ref::Latter(_)
    )
}
