//! A paragraph's sentences: cut after a final mark outside quotations (or a quotation closed after one), never
//! after an abbreviation or an initial.

use super::scratch::room;
use super::{NONE, Para};
use crate::text::token;

/// Abbreviations after which a period ends no sentence.
const ABBREV: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "mr", "mrs", "ms", "jr", "sr",
    "inc", "co", "corp", "ltd", "no", "etc", "av", "apr", "vs", "gen", "gov", "sen", "rep", "lt",
    "col", "capt", "prof",
];

/// [`ABBREV`] packed as a token's key is ([`super::super::word::key`]: ASCII letters lower-cased), sorted: a word
/// before a period is looked for by one binary search of its key, not compared with each abbreviation's letters.
// Evaluated at compile time: an index out of bounds would be a compile error, never a panic.
#[allow(clippy::indexing_slicing)]
static ABBREV_KEYS: [u128; ABBREV.len()] = {
    let mut k = [0u128; ABBREV.len()];
    let mut i = 0;
    while i < ABBREV.len() {
        k[i] = super::super::word::key(ABBREV[i]);
        i += 1;
    }
    // sorted at compile time (an insertion sort of 31 keys)
    let mut j = 1;
    while j < k.len() {
        let mut m = j;
        while m > 0 && k[m - 1] > k[m] {
            let x = k[m];
            k[m] = k[m - 1];
            k[m - 1] = x;
            m -= 1;
        }
        j += 1;
    }
    k
};

impl Para<'_> {
    /// Cuts the paragraph into sentences where one of `stops` ends one (no other token can: see
    /// [`Para::ends_sentence`]), then gives each token its sentence, a run at a time.
    pub(super) fn split_sentences(&mut self, stops: &[usize]) {
        let n = self.toks.len();
        self.sent_starts.clear();
        self.sent_starts.push(0);
        for &i in stops {
            if i + 1 < n && self.ends_sentence(i) {
                self.sent_starts.push(i + 1);
            }
        }
        let mut sent = std::mem::take(&mut self.sent);
        room(&mut sent, n);
        for (s, &a) in self.sent_starts.iter().enumerate() {
            let b = self.sent_starts.get(s + 1).copied().unwrap_or(n);
            sent.extend(std::iter::repeat_n(s as u32, b.saturating_sub(a)));
        }
        self.sent = sent;
    }

    /// Whether a sentence ends after token `i`: a final mark outside quotations, or a quotation closed after a
    /// final mark, followed by a capital, a quotation mark or a number.
    fn ends_sentence(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        // words end no sentence: most tokens stop here
        if t.is_word() {
            return false;
        }
        let Some(next) = self.toks.get(i + 1) else {
            return true;
        };
        let next_opens = next.cap()
            || matches!(
                next.punct,
                '«' | '“' | '"' | '‹' | '„' | '(' | '[' | '—' | '–' | '-'
            )
            || next.flags & token::DIGIT != 0;
        if t.q != NONE {
            // inside a quotation: only its closing mark, after a final mark
            let q = self.quotes.get(t.q as usize);
            let closes_here = q.is_some_and(|q| q.close == Some(i));
            let final_inside = i
                .checked_sub(1)
                .and_then(|k| self.toks.get(k))
                .is_some_and(|p| matches!(p.punct, '.' | '!' | '?' | '…'));
            return closes_here && final_inside && next_opens;
        }
        if !matches!(t.punct, '.' | '!' | '?' | '…') {
            return false;
        }
        if next.flags & (token::SPACE | token::NL) == 0 && next.is_word() {
            return false; // « 3.5 », « U.S. »
        }
        if t.punct == '.' && i > 0 {
            let prev = self.s(i - 1);
            // one character: four bytes at most, no second char
            let mut chars = prev.chars();
            let initial = prev.len() <= 4
                && chars.next().is_some_and(char::is_uppercase)
                && chars.next().is_none();
            // the abbreviations are short: a longer word is none of them
            // the word's key is its ASCII letters lower-cased: equal to an abbreviation's exactly where
            // `eq_ignore_ascii_case` would find them equal (a punctuation mark's key is 0, no abbreviation's)
            let key = self.toks.get(i - 1).map_or(0, |p| p.key);
            if initial || (prev.len() <= 5 && ABBREV_KEYS.binary_search(&key).is_ok()) {
                return false;
            }
        }
        next_opens || next.punct == '.'
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_abbreviation_is_found_by_its_key_in_any_case_and_nothing_else_is() {
        for a in ABBREV {
            for w in [a.to_string(), a.to_uppercase(), {
                let mut c = a.chars();
                c.next()
                    .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
            }] {
                let text = format!("{w}. Suite");
                let mut toks = Vec::new();
                token::tokenize_into(&text, &mut toks);
                let t = toks.first().expect("a word");
                let (_, key) = crate::quote::word::word_bits(
                    crate::quote::lexicon::lexicon(crate::quote::lexicon::Lang::Fr),
                    &text,
                    t,
                    0,
                    &mut String::new(),
                );
                assert!(ABBREV_KEYS.binary_search(&key).is_ok(), "{w}");
            }
        }
        for w in ["mmm", "Dre", "é", "M2", "etcetera", "Paris"] {
            let key = crate::quote::word::key(w);
            assert!(ABBREV_KEYS.binary_search(&key).is_err(), "{w}");
        }
    }
}
