//! A cue word that is an adjective, not a verb: in French an adjective follows its noun, so a speech verb's form
//! right after the object of another verb qualifies that object (« il jette un regard critique sur … », « elle
//! porte un jugement critique »): no one speaks there, and the object is no subject.

use super::super::lexicon::{Lang, W};
use super::super::para::{NONE, Para};

impl<'a> Para<'a> {
    /// Whether the finite form at `c` follows « SUBJECT VERB DET NOUN » (a pronoun or a name the subject): the determiner's phrase is the
    /// object of the verb the pronoun is the subject of, and the word after its noun an adjective. French only:
    /// English drops "that" (« he said the mayor claims »: a verb).
    pub(super) fn adjective_after_object(&self, c: usize, floor: usize) -> bool {
        if self.lang() != Lang::Fr || c < floor + 4 {
            return false;
        }
        let plain = |j: usize| {
            self.tok(j).is_some_and(|t| {
                t.is_word() && !t.cap() && t.q == NONE && t.ment == NONE && !t.is(W::FUNCTION)
            })
        };
        let (noun, det) = (c - 1, c - 2);
        // the verb, over a parenthetical between dashes or commas (« il jette — avec lucidité — un regard »)
        let mut verb = c - 3;
        if matches!(self.punct(verb), '—' | '–' | ',') {
            let close = self.punct(verb);
            let Some(open) = (verb.saturating_sub(10).max(floor + 2)..verb)
                .rev()
                .find(|&j| self.punct(j) == close)
            else {
                return false;
            };
            verb = open - 1;
        }
        let subject = verb - 1;
        plain(noun)
            && self.is(det, W::DET)
            && !self.is(det, W::CLITIC)
            // (an article, not the « de » of an adverbial: « montre de façon précise que » stays read as it was)
            && !self.any(det, words!["de", "d"])
            && plain(verb)
            && !self.is(verb, W::CUE_VERB | W::AUX)
            && (self.is(subject, W::PRON_SING | W::PRON_PLUR) || self.per_org(subject).is_some())
            && !self.is(subject, W::CLITIC)
    }
}
