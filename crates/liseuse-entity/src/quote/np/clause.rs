//! Where a subject phrase stands when clause structure, not the words' lists, says so: the antecedent of a
//! restrictive relative between a subject and its verb ("The nurse who stayed behind claimed", « Le voisin qui a
//! tout vu a déclaré »), a subordinator that opens a clause of its own ("… after the owner said"), and a person
//! named after a classifying noun that follows another name ("Throgs Neck resident Jane Doe").

use super::super::lexicon::W;
use super::super::para::{NONE, Para};
use super::Np;

/// The longest restrictive relative read between an antecedent and the verb after it, in tokens.
const RELATIVE_REACH: usize = 7;

impl<'a> Para<'a> {
    /// The antecedent of a restrictive relative (« qui », "who", no comma before it) that runs from it to token
    /// `last`, right before the verb group: the relative's words are its own clause, the antecedent is the
    /// subject of the verb after it.
    pub fn restrictive_antecedent(&self, last: usize, floor: usize) -> Option<Np> {
        let mut r = last;
        for _ in 0..RELATIVE_REACH {
            if r <= floor + 1 {
                return None;
            }
            let t = self.tok(r)?;
            // the relative's words hold no punctuation nor quotation
            if t.q != NONE || !t.is_word() {
                return None;
            }
            if self.any(r, words!["qui", "who"]) {
                let a = r - 1;
                return (self.punct(a) != ',' && self.nominal(a))
                    .then(|| self.np_ending(a, floor))
                    .flatten();
            }
            r -= 1;
        }
        None
    }

    /// Whether token `k` is an English subordinator that also reads as a preposition ("after", "before",
    /// "since", "until"): the phrase after it, right before a verb, is that clause's subject, not a complement
    /// of the noun before it. (French « après », « avant », « depuis » take « que » to open a clause.)
    pub fn subordinator(&self, k: usize) -> bool {
        self.any(k, words!["after", "before", "since", "until"])
    }

    /// Whether the person named at token `k` follows a lower-case noun that follows a name within the phrase that
    /// starts at `first` ("Throgs Neck resident Jane Doe", "Apple chief Tim Cook"): that person is the phrase's
    /// head, the words before classify them.
    pub fn classified_person(&self, k: usize, first: usize) -> bool {
        k > first + 1
            && self
                .per_org(k)
                .is_some_and(|m| self.mention_label(m) == Some(crate::Label::Per))
            && self.tok(k - 1).is_some_and(|t| {
                t.is_word() && !t.cap() && t.ment == NONE && t.q == NONE && !t.is(W::FUNCTION)
            })
            && self.nominal(k - 1)
            && self.tok(k - 2).is_some_and(|t| t.cap())
    }
}
