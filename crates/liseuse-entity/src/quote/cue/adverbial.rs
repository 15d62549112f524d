//! A verb group over any adverbial between its auxiliary and its participle: « a, mardi, déclaré », « a une
//! nouvelle fois affirmé », « a de nouveau déclaré », « a très clairement indiqué », « a dans la foulée
//! annoncé », « a par ailleurs assuré », "has on several occasions said", "was initially believed".

use super::super::lexicon::{Lang, W};
use super::super::para::{NONE, Para};

/// How far back from a participle its auxiliary is looked for, in tokens.
const REACH: usize = 9;

impl<'a> Para<'a> {
    /// The auxiliary of participle `c` over the adverbials between them: adverbs (listed, French ones in « -ment »,
    /// English ones in "-ly"), incises between commas, prepositional phrases (« dans la foulée », « à plusieurs
    /// reprises »), « une nouvelle fois ». Not over an object (« a une position affirmée »), a conjunction, a verb, a
    /// quotation.
    pub(super) fn aux_over_adverbials(&self, c: usize, floor: usize) -> Option<usize> {
        let from = c.saturating_sub(REACH).max(floor);
        let aux = (from..c).rev().find(|&j| self.is(j, W::AUX))?;
        if aux + 1 >= c {
            return None;
        }
        // read the filler forwards: after a preposition, a phrase's words are the phrase's
        let mut in_pp = false;
        let mut j = aux + 1;
        while j < c {
            let t = self.tok(j)?;
            if t.q != NONE || self.is(j, W::AUX | W::CONJ | W::SUB | W::CUE_VERB) {
                return None;
            }
            if t.punct == ',' {
                in_pp = false;
                j += 1;
                continue;
            }
            if !t.is_word() {
                return None;
            }
            // French adverbs in « -ment », English ones in "-ly" ("was initially believed", "has firmly said")
            let adverb = self.is(j, W::ADVERB)
                || self.skippable(j)
                || (!t.cap() && {
                    let s = self.s(j);
                    (s.len() > 5 && s.ends_with("ment"))
                        || (s.len() > 4
                            && s.ends_with("ly")
                            && t.ment == NONE
                            && self.lang() == Lang::En)
                });
            if self.is(j, W::PREP) && !self.is(j, W::CLITIC) {
                in_pp = true;
            } else if adverb || self.is(j, W::PRON_SING | W::PRON_PLUR) {
                // « a elle aussi relevé », « a mardi déclaré »
            } else if self.is(j, W::DET) && !in_pp {
                // « une nouvelle fois », « plusieurs fois »: a determiner opens no object only before « fois »
                let fois = (j + 1..(j + 3).min(c)).find(|&x| self.is_word(x, word!("fois")))?;
                j = fois + 1;
                continue;
            } else if !in_pp {
                return None;
            }
            j += 1;
        }
        Some(aux)
    }
}
