//! A text ready for the tagger: its tokens, which of them the model scores (those near a capitalised word), its
//! distinct words with what the tagger needs of each, where a multi-word place stands, its headline and its
//! language. The features themselves are computed from it in `features.rs`.

use super::cache;
use super::features::{position, token_keys, type_pos_keys};
use super::keys::bytes;
use super::word::{
    DOC_IN_NAME, DOC_LOWER, DOC_MANY, DOC_MID_CAP, WordInfo, is_trigger, neighbour_keys, word_keys,
};
use crate::text::fold::{FxMap, fold_into};
use crate::text::lexicon::{LEX, PLACE_PREFIX};
use crate::text::token::{CAP, DIGIT, INNER_CAP, MIXED, NL, PUNCT, SENT, Token, UPPER, tokenize};

/// How many tokens before a trigger word (see [`is_trigger`]) the model looks for the start of a mention:
/// « place de la République », « golfe d’Oman ».
pub const BEFORE: usize = 3;
/// How many tokens after one it looks for the end of a mention: « Confédération générale du travail ».
pub const AFTER: usize = 4;

/// A text ready for the tagger.
pub struct Sequence<'t> {
    /// The text the tokens point into.
    pub text: &'t str,
    /// Its tokens (see `text/token.rs`).
    pub toks: Vec<Token>,
    /// The tokens the model scores; the others are `O`.
    pub scored: Vec<bool>,
    /// Each token's word among [`Sequence::types`], `u32::MAX` for a token too far from any scored one to matter.
    pub ty: Vec<u32>,
    /// The distinct words of the scored tokens' neighbourhoods, each with what the tagger needs of it.
    pub types: Vec<WordInfo>,
    /// Where a token stands in a multi-word place of the gazetteer: 0 none, 1 first, 2 inside, 3 last.
    pub place: Vec<u8>,
    /// The index of the first token after the headline (the first line, when it is short and another
    /// follows; else 0: no headline).
    pub body: usize,
    /// 1 when the text reads as English, 0 otherwise (French, or too little to tell): see [`language`].
    pub english: u64,
    /// The tokens written with a capital ([`CAP`] or [`UPPER`]), in order: what the passes that look for a name
    /// the tagger missed walk, not every token of the text.
    pub caps: Vec<u32>,
}

/// A first line longer than this is no headline (about 200 characters, as `Document` reads plain text).
const MAX_HEADLINE_BYTES: usize = 300;

/// How many words of a text's start are read to tell its language.
const LANGUAGE_WORDS: usize = 1000;

/// 1 when more of the first words of a text are English function words than French ones: English and French
/// capitalise differently (headlines, titles, demonyms), and the features of a word's place say so apart.
pub fn language(text: &str, toks: &[Token]) -> u64 {
    let (mut en, mut fr) = (0u32, 0u32);
    for t in toks.iter().take(LANGUAGE_WORDS) {
        // every word looked for has two to four letters
        if t.flags & (PUNCT | CAP | UPPER | DIGIT) != 0 || !(2..=4).contains(&(t.end - t.start)) {
            continue;
        }
        // bytes, not a `str`: no char boundary to check (a token's range is one)
        match text.as_bytes().get(t.range()).unwrap_or_default() {
            b"the" | b"and" | b"of" | b"to" | b"is" | b"was" | b"that" | b"with" | b"for"
            | b"in" | b"on" => en += 1,
            b"le" | b"la" | b"les" | b"et" | b"des" | b"du" | b"est" | b"que" | b"une"
            | b"dans" | b"pour" => fr += 1,
            _ => {}
        }
    }
    u64::from(en > fr)
}

/// The distinct words of a text, each with its [`WordInfo`].
struct Words<'t> {
    ids: FxMap<u64, u32>,
    text: Vec<&'t str>,
    types: Vec<WordInfo>,
}

impl<'t> Words<'t> {
    fn with_capacity(n: usize) -> Words<'t> {
        Words {
            ids: FxMap::with_capacity_and_hasher(n, Default::default()),
            text: Vec::with_capacity(n),
            types: Vec::with_capacity(n),
        }
    }

    /// The type of token `t`'s word in `text`: hashed from its bytes, read as a `str` (its char boundaries
    /// checked) only when it is new.
    fn intern(&mut self, text: &'t str, t: &Token) -> u32 {
        let key = bytes(text.as_bytes().get(t.range()).unwrap_or_default());
        let next = self.types.len() as u32;
        let id = *self.ids.entry(key).or_insert(next);
        if id == next {
            let w = text.get(t.range()).unwrap_or("");
            self.types.push(cache::word_info_keyed(key, w, t));
            self.text.push(w);
        }
        id
    }
}

impl<'t> Sequence<'t> {
    /// Tokenizes a text and finds what the tagger needs of it.
    pub fn new(text: &'t str) -> Sequence<'t> {
        let toks = tokenize(text);
        let n = toks.len();
        // Each distinct word is looked up once, by the hash that also keys the caches of `cache.rs`.
        let mut words = Words::with_capacity(n / 8 + 16);
        // 1. capitalised words: their lexicon flags, and which are triggers
        let mut ty = vec![u32::MAX; n];
        let mut trigger = vec![false; n];
        let mut caps = Vec::new();
        for (i, ((t, tr), slot)) in toks
            .iter()
            .zip(trigger.iter_mut())
            .zip(ty.iter_mut())
            .enumerate()
        {
            if t.flags & (CAP | UPPER) != 0 {
                caps.push(i as u32);
            }
            if t.flags & PUNCT == 0 && t.flags & (CAP | UPPER | INNER_CAP | MIXED) != 0 {
                let id = words.intern(text, t);
                *slot = id;
                *tr = is_trigger(t, words.types.get(id as usize).map_or(0, |w| w.lex));
            }
        }
        // 2. the scored tokens: within BEFORE / AFTER of a trigger
        let mut scored = vec![false; n];
        let mut last_trigger: Option<usize> = None;
        for i in 0..n {
            if trigger.get(i).copied().unwrap_or(false) {
                last_trigger = Some(i);
                for s in scored
                    .get_mut(i.saturating_sub(BEFORE)..=i)
                    .unwrap_or_default()
                {
                    *s = true;
                }
            } else if last_trigger.is_some_and(|t| i - t <= AFTER)
                && let Some(s) = scored.get_mut(i)
            {
                *s = true;
            }
        }
        // 3. the words of the scored tokens and of their neighbours (two places away); the others have none. A
        // token is near one when the last scored token up to two places after it is at most two places before
        // it (read as the tokens go, no marks written around each scored one)
        let is_scored = |j: usize| scored.get(j).copied().unwrap_or(false);
        let mut last: Option<usize> = (0..2).rev().find(|&j| is_scored(j));
        for (j, (t, slot)) in toks.iter().zip(ty.iter_mut()).enumerate() {
            if is_scored(j + 2) {
                last = Some(j + 2);
            }
            let m = last.is_some_and(|s| s + 2 >= j);
            if !m {
                *slot = u32::MAX;
            } else if *slot == u32::MAX {
                *slot = words.intern(text, t);
            }
        }
        // the first line is a headline when another follows and it is short: a long one is a paragraph that
        // happens to come first (a text of one line, an article without its title)
        let body = toks
            .iter()
            .skip(1)
            .position(|t| t.flags & NL != 0)
            .map(|p| p + 1)
            .filter(|&b| {
                toks.get(b)
                    .is_some_and(|t| t.start as usize <= MAX_HEADLINE_BYTES)
            })
            .unwrap_or(0);
        let mut seq = Sequence {
            text,
            toks,
            scored,
            ty,
            types: words.types,
            place: vec![0; n],
            body,
            english: 0,
            caps,
        };
        seq.english = language(text, &seq.toks);
        seq.document_stats(&words.text, &trigger);
        seq.places();
        seq
    }

    /// The word of token `i`, when it has one.
    #[inline]
    pub fn info(&self, i: usize) -> Option<&WordInfo> {
        let t = *self.ty.get(i)?;
        self.types.get(t as usize)
    }

    /// The words of the tokens before, at and after `i`.
    #[inline]
    pub fn around(&self, i: usize) -> (Option<&WordInfo>, Option<&WordInfo>, Option<&WordInfo>) {
        (
            i.checked_sub(1).and_then(|j| self.info(j)),
            self.info(i),
            i.checked_add(1).and_then(|j| self.info(j)),
        )
    }

    /// Token `i` ends its line (or the text).
    #[inline]
    pub fn line_end(&self, i: usize) -> bool {
        self.toks.get(i + 1).is_none_or(|t| t.flags & NL != 0)
    }

    /// Where token `i` stands in a multi-word place (see [`Sequence::place`]).
    #[inline]
    pub fn place_part(&self, i: usize) -> u8 {
        self.place.get(i).copied().unwrap_or(0)
    }

    /// The text of token `i`.
    #[inline]
    pub fn word(&self, i: usize) -> &'t str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.range()))
            .unwrap_or("")
    }

    /// Every feature of token `i`, in a fixed order (training, and the tests of the fast path).
    pub fn all_keys(&self, i: usize, out: &mut Vec<u64>) {
        if let Some(info) = self.info(i) {
            let w = self.word(i);
            let mut folded = String::new();
            fold_into(w, &mut folded);
            word_keys(w, &folded, info, out);
            type_pos_keys(info, position(self, i), out);
        }
        for k in [-2i8, -1, 1, 2] {
            let j = i.checked_add_signed(isize::from(k));
            let w = j
                .filter(|&j| j < self.toks.len())
                .and_then(|j| self.info(j));
            neighbour_keys(k, w, out);
        }
        token_keys(self, i, out);
    }

    /// The `DOC_*` bits of each word: written in lower case elsewhere, capitalised inside a sentence, frequent,
    /// next to another capitalised word. `words` holds the text of each type.
    fn document_stats(&mut self, words: &[&'t str], trigger: &[bool]) {
        let mut count = vec![0u32; self.types.len()];
        for (i, t) in self.toks.iter().enumerate() {
            let Some(&ty) = self.ty.get(i) else { continue };
            let Some(info) = self.types.get_mut(ty as usize) else {
                continue;
            };
            if let Some(c) = count.get_mut(ty as usize) {
                *c += 1;
                if *c >= 3 {
                    info.doc |= DOC_MANY;
                }
            }
            if t.flags & (CAP | UPPER) != 0 && t.flags & SENT == 0 {
                info.doc |= DOC_MID_CAP;
            }
            let toks = &self.toks;
            let beside =
                |j: Option<usize>| j.and_then(|j| toks.get(j)).is_some_and(|n| n.is_namey());
            if trigger.get(i).copied().unwrap_or(false)
                && (beside(i.checked_sub(1)) && t.flags & NL == 0
                    || beside(i.checked_add(1))
                        && self.toks.get(i + 1).is_some_and(|n| n.flags & NL == 0))
            {
                info.doc |= DOC_IN_NAME;
            }
        }
        // Written in lower case elsewhere: the lower-case forms of the capitalised words are looked for among
        // the text's lower-case tokens, only those of a first byte and length one of them has being hashed.
        let mut want: FxMap<u64, bool> = FxMap::default();
        let mut lows: Vec<(usize, u64)> = Vec::new();
        let mut filter = [0u64; 256];
        let mut low = String::new();
        for (id, (info, w)) in self.types.iter().zip(words).enumerate() {
            if info.flags & (CAP | UPPER) == 0 || info.flags & PUNCT != 0 {
                continue;
            }
            low.clear();
            if info.flags & UPPER != 0 {
                low.extend(w.chars().flat_map(char::to_lowercase));
            } else {
                let mut cs = w.chars();
                if let Some(c) = cs.next() {
                    low.extend(c.to_lowercase());
                }
                low.push_str(cs.as_str());
            }
            let h = bytes(low.as_bytes());
            want.insert(h, false);
            lows.push((id, h));
            if let Some(&b) = low.as_bytes().first()
                && let Some(f) = filter.get_mut(usize::from(b))
            {
                *f |= 1 << (low.len() % 64);
            }
        }
        if lows.is_empty() {
            return;
        }
        for t in &self.toks {
            if t.flags & (PUNCT | CAP | UPPER | DIGIT) != 0 {
                continue;
            }
            let w = self.text.as_bytes().get(t.range()).unwrap_or_default();
            let Some(&b) = w.first() else {
                continue;
            };
            if filter.get(usize::from(b)).copied().unwrap_or(0) & (1 << (w.len() % 64)) == 0 {
                continue;
            }
            if let Some(seen) = want.get_mut(&bytes(w)) {
                *seen = true;
            }
        }
        for (id, h) in lows {
            if want.get(&h).copied().unwrap_or(false)
                && let Some(info) = self.types.get_mut(id)
            {
                info.doc |= DOC_LOWER;
            }
        }
    }

    /// Marks the multi-word places of the gazetteer (« New York », « Pays de la Loire »).
    fn places(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let starts = self
                .info(i)
                .is_some_and(|w| w.lex & (u64::from(PLACE_PREFIX) << 32) != 0);
            let Some(list) = starts.then(|| LEX.multi.get(self.word(i))).flatten() else {
                i += 1;
                continue;
            };
            let mut matched = 0;
            for m in list {
                let ok = m.rest.iter().enumerate().all(|(k, r)| {
                    let j = i + 1 + k;
                    self.toks.get(j).is_some_and(|t| t.flags & NL == 0) && self.word(j) == &**r
                });
                if ok {
                    matched = m.rest.len();
                    break;
                }
            }
            if matched == 0 {
                i += 1;
                continue;
            }
            for (k, p) in self.place.iter_mut().skip(i).take(matched + 1).enumerate() {
                *p = if k == 0 {
                    1
                } else if k == matched {
                    3
                } else {
                    2
                };
            }
            i += matched + 1;
        }
    }
}

#[cfg(test)]
#[path = "sequence_tests.rs"]
mod tests;
