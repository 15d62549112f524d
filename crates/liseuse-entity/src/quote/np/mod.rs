//! Noun phrases, read without a parser from the word lists and the entity mentions: where one starts and
//! ends, and what its head is: an entity (« le président pakistanais Arif Rehman Alvi »), a role (« le
//! président de la République »), a body (« la direction », « le ministère de l'Intérieur »), people described
//! (« de nombreux habitants »), a statement (« le communiqué du ministère »), or a pronoun. Every walk is
//! bounded: a phrase is at most [`MAX_NP`] tokens.

mod clause;
mod head;

use super::lexicon::W;
use super::para::{NONE, Para};
use crate::Label;

/// The longest noun phrase read, in tokens.
pub const MAX_NP: usize = 14;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// A person or an organisation named: the mention's index in the document.
    Entity(u32),
    /// A person's role (« le président »): someone named elsewhere.
    RolePer,
    /// A body (« la direction », « le gouvernement malien »).
    RoleOrg,
    /// People described (« de nombreux habitants », « Supporters of the blackout »).
    Desc,
    /// A statement (« le communiqué », « a statement »): its author speaks.
    Statement,
    Pronoun {
        plural: bool,
    },
    /// A name the entities do not hold: capitalised words only (« Castaner », « Professor Eastman »).
    Name,
    /// A noun that is none of these (« une analyse »).
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Np {
    pub first: usize,
    pub last: usize,
    pub head: Head,
    /// The head word's token.
    pub head_tok: usize,
    /// A person or organisation named in a complement (« le ministère de l'Intérieur », « Apple's website »).
    pub inner: Option<u32>,
    /// Plural head (« les responsables »).
    pub plural: bool,
}

impl<'a> Para<'a> {
    /// Whether token `i` is part of a PER or ORG mention.
    pub fn per_org(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if t.ment == NONE {
            return None;
        }
        let m = self.doc.mentions.get(t.ment as usize)?;
        matches!(m.label(), Label::Per | Label::Org).then_some(t.ment)
    }

    pub fn mention_label(&self, m: u32) -> Option<Label> {
        self.doc.mentions.get(m as usize).map(|x| x.label())
    }

    /// A word that may stand in a noun phrase: a mention, a capitalised word, a noun or an adjective (a word of
    /// none of the function classes, and no verb unless it is also a noun).
    pub fn nominal(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if !t.is_word() || t.q != NONE {
            return false;
        }
        if t.ment != NONE || t.is(W::ROLE_PER | W::ROLE_ORG | W::DESC | W::NOUN) {
            return true;
        }
        if t.is(W::FUNCTION | W::ADVERB | W::CONNECTIVE | W::STOP_CLAUSE) {
            return false;
        }
        if t.is(W::FORMS) && t.is(W::CUE_VERB) {
            return false;
        }
        true
    }

    /// The « s » of an English possessive: right after a word, no space between (the apostrophe is no token).
    pub fn possessive(&self, i: usize) -> bool {
        self.lang() == super::lexicon::Lang::En
            && self.is_word(i, word!("s"))
            && self
                .tok(i)
                .is_some_and(|t| t.flags & crate::text::token::SPACE == 0)
    }

    /// « de », « du », « des », « d' », « of »: what ties a noun to its complement.
    pub fn is_of(&self, i: usize) -> bool {
        self.any(i, words!["de", "du", "des", "d", "of"])
    }

    /// The noun phrase that ends at token `last`, if one does (bounded walk to the left, at most to `floor`),
    /// with its complements (« un responsable du Hamas »).
    pub fn np_ending(&self, last: usize, floor: usize) -> Option<Np> {
        self.np_ending_with(last, floor, true)
    }

    /// [`Para::np_ending`]; without `chain`, the nearest noun only (« des représailles de [l'organisation
    /// islamique], qui affirme »: a relative clause's antecedent).
    pub fn np_ending_with(&self, last: usize, floor: usize, chain: bool) -> Option<Np> {
        let t = self.tok(last)?;
        if t.is(W::PRON_SING | W::PRON_PLUR) {
            return self.np_from(last, last + 1);
        }
        if !self.nominal(last) {
            return None;
        }
        let mut start = last;
        let mut k = last;
        if self.tok(last).is_some_and(|t| t.ment != NONE) {
            start = self.mention_start(last).max(floor);
            k = start;
        }
        while k > floor && last - k < MAX_NP {
            let prev = k - 1;
            // a mention is one unit (« V. Sapounov »)
            if self
                .tok(prev)
                .is_some_and(|t| t.ment != NONE && t.q == NONE)
            {
                start = self.mention_start(prev).max(floor);
                k = start;
                continue;
            }
            if self.nominal(prev) {
                start = prev;
                k = prev;
                continue;
            }
            // « le site Mediapart.fr »: a domain name is one unit
            if self.punct(prev) == '.' && prev > floor && self.domain_dot(prev) {
                start = prev - 1;
                k = prev - 1;
                continue;
            }
            // « du Hamas », « des Affaires étrangères »: a complement of the noun before
            if chain && self.is_of(prev) && prev > floor && self.nominal(prev - 1) {
                k = prev - 1;
                start = k;
                continue;
            }
            if self.w(prev) & W::DET != 0 {
                start = prev;
                // « de la CGT », « des Affaires étrangères »: a chain goes on to the noun before « de »
                if chain
                    && prev > floor
                    && self.is_of(prev - 1)
                    && prev >= floor + 2
                    && self.nominal(prev - 2)
                {
                    k = prev - 2;
                    start = k;
                    continue;
                }
                // « de nombreux habitants »: « de » before a determiner-adjective opens the phrase
                if prev > floor
                    && self.is_word(prev - 1, word!("de"))
                    && self.any(prev, words!["nombreux", "nombreuses", "multiples"])
                {
                    start = prev - 1;
                }
                break;
            }
            // English possessive: « Apple's website », « the report's authors »
            if self.possessive(prev) && prev > floor && self.nominal(prev - 1) {
                k = prev - 1;
                start = k;
                continue;
            }
            // « la Direction des examens et concours »: a body's name holding « et », cut there by the tagger
            if chain && prev > floor && self.cut_at_and(prev, k, last) {
                start = self.mention_start(prev - 1).max(floor);
                k = start;
                continue;
            }
            break;
        }
        self.np_from(start, last + 1)
    }

    /// The noun phrase that starts at token `first` (bounded walk to the right, never past `ceil`).
    pub fn np_starting(&self, first: usize, ceil: usize) -> Option<Np> {
        let t = self.tok(first)?;
        if t.is(W::PRON_SING | W::PRON_PLUR) {
            return self.np_from(first, first + 1);
        }
        let ceil = ceil.min(first + MAX_NP).min(self.toks.len());
        let mut k = first;
        // determiners, « de nombreux », numbers
        while k < ceil
            && (self.w(k) & W::DET != 0 || self.is_word(k, word!("de")))
            && self.tok(k).is_some_and(|t| t.ment == NONE)
        {
            k += 1;
        }
        let mut end = k;
        let mut complements = 0;
        let mut named = false;
        while k < ceil {
            // a mention is one unit (« V. Sapounov »); a second name ends the phrase (« à l'agence RIA Novosti
            // Valentine Sapounov »)
            if self.tok(k).is_some_and(|t| t.ment != NONE && t.q == NONE) {
                let person_or_org = self.per_org(k).is_some();
                if person_or_org && named && !self.classified_person(k, first) {
                    break;
                }
                named |= person_or_org;
                k = self.mention_end(k).min(ceil.max(k + 1));
                end = k;
                continue;
            }
            if self.nominal(k) && !self.past_tense_after_noun(k, first) {
                k += 1;
                end = k;
                continue;
            }
            // a complement: « de la CGT », « of the blackout »; at most two
            if self.is_of(k) && complements < 2 && end > first {
                let mut j = k + 1;
                while j < ceil
                    && self.w(j) & W::DET != 0
                    && self.tok(j).is_some_and(|t| t.ment == NONE)
                {
                    j += 1;
                }
                if j < ceil && self.nominal(j) {
                    complements += 1;
                    k = j;
                    continue;
                }
            }
            if self.possessive(k) && k > first {
                k += 1;
                continue;
            }
            // a domain name: « le site radars-auto.com », "techcrunch.com"
            if self.punct(k) == '.' && k > first && self.domain_dot(k) {
                k += 2;
                end = k;
                continue;
            }
            // initials: « K.C. Maurer »
            if self.punct(k) == '.'
                && k > first
                && self.s(k - 1).chars().count() == 1
                && self.tok(k - 1).is_some_and(|t| t.cap())
                && self.tok(k + 1).is_some_and(|t| t.cap())
            {
                k += 1;
                continue;
            }
            break;
        }
        if end == first {
            return None;
        }
        self.np_from(first, end)
    }

    /// Whether the dot at `k` joins a word to a top-level domain (« radars-auto.com »), no space on either side.
    pub fn domain_dot(&self, k: usize) -> bool {
        let glued = |j: usize| {
            self.tok(j)
                .is_some_and(|t| t.flags & crate::text::token::SPACE == 0)
        };
        self.punct(k) == '.'
            && glued(k)
            && glued(k + 1)
            && self.tok(k - 1).is_some_and(|t| t.is_word())
            && self.any(
                k + 1,
                words![
                    "com", "fr", "org", "net", "info", "io", "eu", "be", "ch", "uk", "ca", "ru"
                ],
            )
    }

    /// An English verb in the past right after a noun (« Police arrested John Smith », "The unions met the
    /// minister", "Residents of the town gathered"): the phrase ends before it (a lower-case word in « -ed », or
    /// a common irregular past, after a capitalised word, a listed noun, a plural noun or a noun after its
    /// determiner; not after an adverb: « the newly elected mayor »).
    fn past_tense_after_noun(&self, k: usize, first: usize) -> bool {
        if self.lang() != super::lexicon::Lang::En || k <= first {
            return false;
        }
        if self.tok(k).is_none_or(|t| t.cap() || t.ment != NONE) {
            return false;
        }
        let s = self.s(k);
        let past = (s.len() > 4 && s.ends_with("ed"))
            || (s.len() <= 7
                && self.any(
                    k,
                    words![
                        "met", "held", "told", "made", "took", "gave", "went", "came", "left",
                        "found", "saw", "began", "brought", "kept", "sent", "won", "lost", "led",
                        "fled", "wrote", "spoke", "chose", "rose", "fell", "drew", "knew",
                        "sought", "fought", "built", "paid", "stood", "struck", "ran", "thought"
                    ],
                ));
        if !past {
            return false;
        }
        let prev = self.s(k - 1);
        self.tok(k - 1).is_some_and(|t| {
            t.is_word()
                && (t.ment != NONE
                    || t.cap()
                    || t.is(W::ROLE_PER | W::ROLE_ORG | W::DESC | W::NOUN)
                    || (!prev.ends_with("ly")
                        && ((prev.len() > 3 && prev.ends_with('s') && !prev.ends_with("ss"))
                            || (k - 1 > first && self.is(k - 2, W::DET)))))
        })
    }

    pub fn is(&self, i: usize, bits: u32) -> bool {
        self.w(i) & bits != 0
    }

    /// A first name the tagger named alone, then particles and a capitalised name (« Thomas de la Morlais »,
    /// « Ludwig van Beethoven »): one past the name's last token, `e` being one past the first name's.
    pub fn particle_name_end(&self, e: usize) -> Option<usize> {
        let first = e.checked_sub(1)?;
        if self.mention_start(first) != first {
            return None;
        }
        let mut k = e;
        // (a particle is a lower-case word of three letters at most: most words are ruled out before the list)
        while self
            .tok(k)
            .is_some_and(|t| !t.cap() && t.end - t.start <= 3)
            && self.any(
                k,
                words![
                    "de", "d", "du", "des", "la", "le", "van", "von", "der", "den", "al", "el",
                    "ben", "bin", "ibn", "da", "di", "dos", "do"
                ],
            )
        {
            k += 1;
        }
        if k == e {
            return None;
        }
        let name = |j: usize| {
            self.tok(j).is_some_and(|t| t.cap() && t.q == NONE)
                && self
                    .per_org(j)
                    .is_none_or(|m| self.mention_label(m) != Some(Label::Per))
        };
        let start = k;
        while name(k) && k < start + 3 {
            k += 1;
        }
        (k > start).then_some(k)
    }

    /// One past the last token of the mention token `i` belongs to.
    pub fn mention_end(&self, i: usize) -> usize {
        let Some(m) = self.tok(i).map(|t| t.ment) else {
            return i + 1;
        };
        let mut k = i + 1;
        while self.tok(k).is_some_and(|t| t.ment == m && m != NONE) {
            k += 1;
        }
        k
    }

    /// The first token of the mention token `i` belongs to.
    pub fn mention_start(&self, i: usize) -> usize {
        let Some(m) = self.tok(i).map(|t| t.ment) else {
            return i;
        };
        let mut k = i;
        while k > 0 && m != NONE && self.tok(k - 1).is_some_and(|t| t.ment == m) {
            k -= 1;
        }
        k
    }

    /// The phrase's text as written (« De nombreux habitants »).
    pub fn np_text(&self, np: &Np) -> &'a str {
        let (Some(a), Some(b)) = (self.tok(np.first), self.tok(np.last)) else {
            return "";
        };
        self.text
            .get(a.start as usize..b.end as usize)
            .unwrap_or("")
    }
}
