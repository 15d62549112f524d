//! Words in marks that are a title or a term, nobody's words: a work's or an operation's name, a short phrase
//! after a determiner with no speech verb for it, a cross-reference to another article (« (lire « … ») »).

use super::super::lexicon::W;
use super::super::para::{NONE, Para};

impl<'a> Para<'a> {
    /// Whether the quotation opened at `open` is a title or a term rather than someone's words: mostly a name,
    /// mostly capitalised words (« "Andy Warhol: Photographs and Prints from the University Collection" »), or
    /// after a noun or a participle that announces a title (« la sculpture « … » », « the text "…" », « a screen
    /// print called "…" »).
    pub(super) fn title_like(&self, open: usize, first: usize, last: usize) -> bool {
        let words = (first..=last)
            .filter(|&j| self.tok(j).is_some_and(|t| t.is_word()))
            .count();
        let named = (first..=last)
            .filter(|&j| self.tok(j).is_some_and(|t| t.is_word() && t.ment != NONE))
            .count();
        // mostly names: a name or a list of them (« Roméo et Juliette »), unless the words between say something
        // of them (« Emmanuel Macron et Giorgia Meloni se trompent »: a sentence)
        if words > 0 && named * 2 > words && !self.says_something(first, last) {
            return true;
        }
        let lettered = |j: usize| {
            self.tok(j)
                .is_some_and(|t| t.is_word() && t.flags & crate::text::token::ALPHA != 0)
        };
        // the lettered words after the first (40 at most), and how many of them are capitalised
        let (mut after_first, mut capitals) = (0, 0);
        for j in (first..=last).filter(|&j| lettered(j)).skip(1).take(40) {
            after_first += 1;
            capitals += usize::from(self.tok(j).is_some_and(|t| t.cap()));
        }
        let final_mark = (first..=last)
            .rev()
            .find(|&j| self.tok(j).is_some_and(|t| !t.is_word() || lettered(j)))
            .is_some_and(|j| matches!(self.punct(j), '.' | '!' | '?' | '…'));
        if after_first >= 3 && capitals * 5 >= after_first * 3 && !final_mark {
            return true;
        }
        let before = |d: usize| open.checked_sub(d).map(|j| self.w(j)).unwrap_or(0);
        if before(1) & W::TITLE != 0 || (before(1) & W::DET != 0 && before(2) & W::TITLE != 0) {
            return true;
        }
        // a role's body: « porte-parole des « Gilets jaunes libres » », "leader of the "…""
        let of = |d: usize| open.checked_sub(d).is_some_and(|j| self.is_of(j));
        let role = W::ROLE_PER | W::ROLE_ORG;
        if words <= 4
            && ((of(1) && before(2) & role != 0)
                || (before(1) & W::DET != 0 && of(2) && before(3) & role != 0))
        {
            return true;
        }
        // « a screen print called "…" », « une émission intitulée « … » »
        let naming = |j: usize| {
            self.any(
                j,
                words![
                    "called",
                    "named",
                    "titled",
                    "entitled",
                    "intitulé",
                    "intitulée",
                    "intitulés",
                    "intitulées",
                    "nommé",
                    "nommée",
                    "baptisé",
                    "baptisée",
                    "surnommé",
                    "surnommée",
                    "branded",
                    "dubbed",
                    "labelled",
                    "labeled",
                    "billed",
                ],
            )
        };
        // « (lire « … ») », "(see "…")": a cross-reference to another article, by its title
        let reference = open.checked_sub(2).is_some_and(|p| {
            self.punct(p) == '(' && self.any(p + 1, words!["lire", "voir", "read", "see"])
        });
        // (an adverb between: « benignly branded "…" »)
        let adverb = |j: usize| self.is(j, W::ADVERB | W::DET) || self.s(j).ends_with("ly");
        reference
            || open
                .checked_sub(1)
                .is_some_and(|j| naming(j) || (adverb(j) && j.checked_sub(1).is_some_and(naming)))
    }

    /// Whether words `first..=last` hold, outside the names, a word in lower case that is no function word: a
    /// verb or a noun saying something of the names (« se trompent », "are wrong"), which a name or a list of
    /// names (« Roméo et Juliette », « Tintin au Congo ») does not hold.
    fn says_something(&self, first: usize, last: usize) -> bool {
        const FUNCTION: u32 = W::DET
            | W::PREP
            | W::CONJ
            | W::SUB
            | W::CLITIC
            | W::PRON_SING
            | W::PRON_PLUR
            | W::ACCORDING
            | W::ADVERB
            | W::CONNECTIVE;
        (first..=last).any(|j| {
            self.tok(j).is_some_and(|t| {
                t.is_word()
                    && t.ment == NONE
                    && !t.cap()
                    && t.flags & crate::text::token::ALPHA != 0
                    && t.w & FUNCTION == 0
            })
        })
    }
}
