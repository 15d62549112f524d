//! A source: « selon X », « d'après X », « Pour X, » opening a sentence or between a subject and its verb (« La
//! réforme, pour Jean Dupont, est … »), « according to X », « selon ce qu'a confié X ».

use super::super::cue::Ref;
use super::super::lexicon::{Lang, W};
use super::super::np::{Head, Np};
use super::super::para::{NONE, Para};
use super::super::word::latin1_lower;

impl<'a> Para<'a> {
    /// A source at token `k`: « selon X », « d'après X », « Pour X, », « according to X ».
    pub fn source_at(&self, k: usize) -> Option<(usize, usize, Ref)> {
        let t = self.tok(k)?;
        if !t.is(W::ACCORDING) || t.q != NONE {
            return None;
        }
        // the word in lower case, compared packed (as `to_lowercase` would give it: a source word has no other
        // letter beyond ASCII than Latin-1's « è »)
        let lower = latin1_lower(t.key).unwrap_or(0);
        let (first, np_at) = match lower {
            w if w == word!("selon") => (k, k + 1),
            w if w == word!("après") => {
                let d = k.checked_sub(1).filter(|&d| self.any(d, words!["d"]))?;
                (d, k + 1)
            }
            w if w == word!("according") => {
                if !self.is_word(k + 1, word!("to")) {
                    return None;
                }
                (k, k + 2)
            }
            w if w == word!("pour") || w == word!("for") => {
                // « Pour X, … » or « Pour X : », « For X, … » at the start of a sentence, X someone
                let start = self.sent_start(k);
                // « Mais, pour M. Goudet, … »: a conjunction or a connective may come first
                let lead = (start..k).all(|j| {
                    !self.tok(j).is_some_and(|t| t.is_word()) || self.is(j, W::CONNECTIVE | W::CONJ)
                });
                // « La réforme, pour Jean Dupont, est une erreur »: between commas, a person named (checked
                // below)
                let inserted = k > start && self.punct(k - 1) == ',';
                if !lead && !inserted {
                    return None;
                }
                (k, k + 1)
            }
            _ => return None,
        };
        let ceil = self.sent_end(k);
        // « selon ce qu'a confié Rodrigue », « selon ce que le ministre a dit »: the subject of that verb
        if self.is_word(np_at, word!("ce")) && self.any(np_at + 1, words!["que", "qu"]) {
            let vg = (np_at + 2..(np_at + 8).min(ceil)).find_map(|v| self.verb_group(v))?;
            let Ref::Np(np) = self.subject_of(&vg) else {
                return None;
            };
            let last = np.last.max(vg.last);
            return Some((first, last, Ref::Np(np)));
        }
        let who = if self.any(
            np_at,
            words!["lui", "elle", "eux", "elles", "him", "her", "them"],
        ) {
            super::super::np::Np {
                first: np_at,
                last: np_at,
                head: Head::Pronoun {
                    plural: self.any(np_at, words!["eux", "elles", "them"]),
                },
                head_tok: np_at,
                inner: None,
                plural: self.any(np_at, words!["eux", "elles", "them"]),
            }
        } else {
            self.np_starting(np_at, ceil)?
        };
        // a source is someone: not « d'après un défenseur de la démocratie » (named after), « selon les
        // projections » (no one)
        if who.head == Head::Other && who.inner.is_none() && !self.authored(k, first, &who) {
            // « selon les informations que le procureur a confiées à l'AFP », « selon les chiffres publiés par
            // l'Insee »: what someone gave, that someone the source
            if self.any(k, words!["pour", "for"]) {
                return None;
            }
            let (who, last) = self.given_by(&who, ceil)?;
            return Some((first, last, Ref::Np(who)));
        }
        let who = self.title_then_name(self.named_apposition(who), ceil);
        if self.any(k, words!["pour", "for"]) {
            // past a short parenthesis after the name (« Pour le sociologue Yann Le Lann (Lille), … »)
            let after = match self.punct(who.last + 1) {
                '(' => (who.last + 2..(who.last + 8).min(ceil))
                    .find(|&j| self.punct(j) == ')')
                    .map_or(who.last + 1, |c| c + 1),
                _ => who.last + 1,
            };
            // someone: a person named, a pronoun, people described (not « Pour sa part », « For example »)
            let person = match who.head {
                Head::Entity(m) => {
                    self.mention_label(m) == Some(crate::Label::Per)
                        || self.is_word(k, word!("pour"))
                }
                Head::Pronoun { .. } | Head::Desc | Head::RolePer => true,
                // a body with its name (« Pour le ministère de l'Intérieur, … »), not a bare one (« Pour
                // l'entreprise, c'est une perte »: for whom, not whose opinion)
                Head::RoleOrg => who.inner.is_some() && self.is_word(k, word!("pour")),
                _ => false,
            };
            let someone = person;
            if !someone || !matches!(self.punct(after), ',' | ':') {
                return None;
            }
            // inside a sentence, only a person named: « …, pour les salariés, … » is no one's opinion
            let start = self.sent_start(k);
            let lead = (start..k).all(|j| {
                !self.tok(j).is_some_and(|t| t.is_word()) || self.is(j, W::CONNECTIVE | W::CONJ)
            });
            let named_person = matches!(who.head, Head::Entity(m) if self.mention_label(m) == Some(crate::Label::Per));
            // and between a subject and its verb (« La réforme, pour X, est … »), not a complement (« Il a
            // travaillé, pour X, pendant … »)
            let verb_next = self.is(after + 1, W::AUX)
                || self.any(
                    after + 1,
                    words![
                        "reste",
                        "demeure",
                        "constitue",
                        "représente",
                        "semble",
                        "paraît",
                        "remains",
                        "seems",
                        "represents",
                    ],
                );
            if !lead && (!named_person || self.punct(after) != ',' || !verb_next) {
                return None;
            }
        }
        Some((first, who.last, Ref::Np(who)))
    }
    /// The person named right after a title that the phrase `np` ends (« le ministre de l'Intérieur Jean Dupont »,
    /// « le ministre du Travail et de l'Emploi Jean Dupont », the title's complements coordinated), when a comma,
    /// a colon or the sentence's end follows the name; else `np`.
    fn title_then_name(&self, np: Np, ceil: usize) -> Np {
        if matches!(np.head, Head::Pronoun { .. })
            || matches!(np.head, Head::Entity(m) if self.mention_label(m) == Some(crate::Label::Per))
        {
            return np;
        }
        let mut j = np.last + 1;
        // « et de l'Emploi », "and Pensions": a second complement of the title
        if self.any(j, words!["et", "and"]) && self.is_of(j + 1) {
            j += 2;
            while j < ceil && self.is(j, W::DET) && self.per_org(j).is_none() {
                j += 1;
            }
            let from = j;
            while j < ceil
                && j < from + 4
                && self
                    .per_org(j)
                    .is_none_or(|m| self.mention_label(m) != Some(crate::Label::Per))
                && (self.nominal(j) || self.tok(j).is_some_and(|t| t.ment != NONE))
            {
                j += 1;
            }
            if j == from {
                return np;
            }
        }
        let person = self
            .per_org(j)
            .filter(|&m| self.mention_label(m) == Some(crate::Label::Per));
        if person.is_none() || self.mention_start(j) != j {
            return np;
        }
        let e = self.mention_end(j);
        if e < ceil && !matches!(self.punct(e), ',' | ':' | '.' | '(') {
            return np;
        }
        self.np_from(j, e).unwrap_or(np)
    }

    /// Who gave what a phrase of no one names (« les informations que le procureur a confiées », « les
    /// renseignements confiés par une source », "figures released by the ministry"): the subject of a relative
    /// clause on it, or the agent of a participle after it, when that names someone; with the source's last token.
    fn given_by(&self, what: &Np, ceil: usize) -> Option<(Np, usize)> {
        let j = what.last + 1;
        // a short phrase: « les informations », not a clause's worth of words
        if what.last > what.first + 3 {
            return None;
        }
        let np = if self.any(j, words!["que", "qu"]) {
            // « que le procureur a confiées », « qu'a obtenues l'AFP »: a subject and a compound verb, in
            // either order
            if self.is(j + 1, W::AUX) {
                let np = self.np_starting(j + 3, ceil)?;
                let last = np.last;
                (np, last)
            } else {
                let np = self.np_starting(j + 1, ceil)?;
                if !self.is(np.last + 1, W::AUX) || self.quote_at(np.last + 2).is_some() {
                    return None;
                }
                let last = np.last + 2;
                (np, last)
            }
        } else {
            // « confiés par une source », "released by the ministry": a participle (the phrase may have read it
            // as its own word), then its agent
            let participle = |j: usize| {
                self.tok(j)
                    .is_some_and(|w| w.is_word() && !w.cap() && w.q == NONE)
                    && self.any(j + 1, words!["par", "by"])
                    && [
                        "é", "ée", "és", "ées", "is", "ise", "ises", "ie", "ies", "us", "ue",
                        "ues", "ed", "en",
                    ]
                    .iter()
                    .any(|x| self.s(j).ends_with(x))
            };
            let p = (what.first + 1..=j).find(|&p| participle(p))?;
            let np = self.np_starting(p + 2, ceil)?;
            let last = np.last;
            (np, last)
        };
        let (who, last) = np;
        matches!(
            who.head,
            Head::Entity(_) | Head::Name | Head::RolePer | Head::RoleOrg | Head::Desc
        )
        .then_some((who, last))
    }

    /// Whether word `k` is a noun of a person by its suffix (« le naturopathe », "the owner"); with `doer`, also
    /// the French nouns of one who does (« l'agresseur », « la manifestante »).
    pub fn agent_noun(&self, k: usize, doer: bool) -> bool {
        let w = self.s(k).to_lowercase();
        match self.lang() {
            Lang::En => ["er", "ers", "or", "ors", "ist", "ists", "ian", "ians"]
                .iter()
                .any(|x| w.len() >= x.len() + 3 && w.ends_with(x)),
            Lang::Fr => {
                let doers: &[&str] = if doer {
                    &["eur", "eurs", "euse", "euses", "trice", "trices"]
                } else {
                    &[]
                };
                [
                    "iste", "istes", "logue", "logues", "pathe", "pathes", "ien", "iens", "ienne",
                    "iennes",
                ]
                .iter()
                .chain(doers)
                .any(|x| w.len() > x.len() + 2 && w.ends_with(x))
            }
        }
    }

    /// Whether a source the lexicon does not know still names someone: a person by the suffix of an agent
    /// noun (« selon le naturopathe », "according to the owner"), or, opening its sentence, a work with its
    /// authors' possessive (« Selon leur étude, … »: theirs; « selon leur âge » inside a sentence is a
    /// criterion).
    fn authored(&self, k: usize, first: usize, who: &super::super::np::Np) -> bool {
        let Some(t) = self.tok(who.head_tok) else {
            return false;
        };
        if !t.is_word() || t.cap() || who.head_tok != who.last || who.last > who.first + 2 {
            return false;
        }
        let agent = self.agent_noun(who.head_tok, false);
        // a definite article before it (« le », "the"): someone known to the reader
        let definite = self.any(who.first, words!["le", "la", "les", "l", "the"]);
        if agent && definite {
            return true;
        }
        let possessive = self.any(
            who.first,
            words![
                "son", "sa", "ses", "leur", "leurs", "his", "her", "their", "its"
            ],
        );
        let floor = self.sent_start(k);
        let lead = (floor..first).all(|j| {
            !self.tok(j).is_some_and(|t| t.is_word()) || self.is(j, W::CONNECTIVE | W::CONJ)
        });
        possessive && lead && self.punct(who.last + 1) == ','
    }
}
