//! Tokens → features. A text becomes a [`Sequence`]: its tokens, which of them the model scores, and for each
//! distinct word ("type") what its features are computed from. A token's features come in four groups, so that
//! the tagger can add up the weights of the first three once per type rather than once per token:
//! - [`word_keys`]: the word itself (form, fold, shape, affixes, gazetteers), the same wherever it stands;
//! - [`neighbour_keys`]: what a word tells the tokens one and two places away;
//! - [`type_pos_keys`]: the word with where it stands (sentence start, line start, headline) and what the
//!   document says of it (also written in lower case, capitalised inside a sentence);
//! - [`token_keys`]: pairs and triples with its neighbours, per token.
//!
//! Far from any capitalised word, a token is decided `O` without being scored: see [`Sequence::scored`].

use super::cache;
use super::keys::{T, bytes, k1, k2, k3};
use crate::entity::text::fold::{FxMap, fold_into, pack_in};
use crate::entity::text::lexicon::{
    DEMONYM, GEO_HEAD, GIVEN_NAME, LEX, LOC_BEFORE, Lexicon, ORG_HEAD, ORG_HEAD_LOWER, ORG_OF,
    PLACE, PLACE_PREFIX, SITE_HEAD, STOP, TITLE,
};
use crate::entity::text::token::{
    CAP, DIGIT, INNER_CAP, MIXED, NL, NUMBER, PUNCT, SENT, SPACE, Token, UPPER, tokenize,
};

/// How many tokens before a trigger word (see [`is_trigger`]) the model looks for the start of a mention:
/// « place de la République », « golfe d’Oman ».
pub const BEFORE: usize = 3;
/// How many tokens after one it looks for the end of a mention: « Confédération générale du travail ».
pub const AFTER: usize = 4;

/// The lexicon's head words of names (organisations, seas, sites, titles), told to the token two places away.
const HEADS: u32 = ORG_HEAD | ORG_HEAD_LOWER | GEO_HEAD | SITE_HEAD | TITLE | LOC_BEFORE | ORG_OF;

/// Bits of [`WordInfo::lex`] above the lexicon's own 32 list bits and 32 exact bits.
pub const ROMAN: u64 = 1 << 63;

/// What the document says of a word (see [`WordInfo::doc`]).
pub const DOC_LOWER: u8 = 1;
pub const DOC_MID_CAP: u8 = 1 << 1;
pub const DOC_MANY: u8 = 1 << 2;
pub const DOC_IN_NAME: u8 = 1 << 3;

/// The flags of a token that belong to its word, not to where it stands.
const WORD_FLAGS: u16 = !(NL | SPACE | SENT);

/// A distinct word of one text.
#[derive(Clone, Debug)]
pub struct WordInfo {
    /// Hash of the folded form (lower case, no accents).
    pub fold: u64,
    /// Hash of the shape (« Xxx », « XX », « Xd »).
    pub shape: u64,
    /// Lexicon flags: list flags in the low 32 bits, exact flags (given names, places) above, and [`ROMAN`].
    pub lex: u64,
    /// Token flags of the word (case, digits), without positional ones.
    pub flags: u16,
    /// What the document says of it: `DOC_*`.
    pub doc: u8,
    /// Hash of the word as written: its key in the caches of `cache.rs`.
    pub word: u64,
    /// Hash of the last three letters of its folded form (« -ale », « -ier » of the adjectives that end a
    /// body's name).
    pub suf3: u64,
}

/// A text ready for the tagger.
pub struct Sequence<'t> {
    pub text: &'t str,
    pub toks: Vec<Token>,
    /// The tokens the model scores; the others are `O`.
    pub scored: Vec<bool>,
    /// Each token's word among [`Sequence::types`], `u32::MAX` for a token too far from any scored one to matter.
    pub ty: Vec<u32>,
    pub types: Vec<WordInfo>,
    /// Where a token stands in a multi-word place of the gazetteer: 0 none, 1 first, 2 inside, 3 last.
    pub place: Vec<u8>,
    /// The index of the first token after the headline (the first line).
    pub body: usize,
}

/// A word that may start the model looking: capitalised, in capitals, « al-Deif », « McCain », « A20 »; not a
/// capitalised function word (« Le », « Selon »).
pub fn is_trigger(t: &Token, lex: u64) -> bool {
    t.flags & PUNCT == 0
        && t.flags & (CAP | UPPER | INNER_CAP | MIXED) != 0
        && lex & u64::from(STOP) == 0
}

/// Lexicon flags of a word as written (see [`WordInfo::lex`]).
pub fn lexicon_flags(lex: &Lexicon, w: &str, t: &Token, packed: Option<u128>) -> u64 {
    if t.flags & PUNCT != 0 || w.len() > 40 {
        return 0;
    }
    if t.flags & (CAP | UPPER | INNER_CAP) != 0 && t.flags & NUMBER == 0 {
        let [ex, mut low] = lex.token_flags_packed(w, packed, true);
        if ex & (PLACE | GIVEN_NAME | PLACE_PREFIX) == 0
            && low == 0
            && t.flags & CAP != 0
            && lex.is_demonym(w)
        {
            low |= DEMONYM;
        }
        let mut bits = u64::from(low) | (u64::from(ex) << 32);
        if is_roman(w) {
            bits |= ROMAN;
        }
        bits
    } else {
        u64::from(lex.lower_token_flags(w, packed))
    }
}

/// What a word's features are computed from (`doc` left empty: the document fills it).
pub fn new_word_info(w: &str, t: &Token) -> WordInfo {
    let mut folded = String::new();
    fold_into(w, &mut folded);
    let mut sh = [0u8; 8];
    let sn = shape(w, &mut sh);
    WordInfo {
        fold: bytes(folded.as_bytes()),
        shape: bytes(sh.get(..sn).unwrap_or_default()),
        lex: lexicon_flags(&LEX, w, t, pack_in(w.as_bytes(), 0, w.len())),
        flags: t.flags & WORD_FLAGS,
        doc: 0,
        word: bytes(w.as_bytes()),
        suf3: bytes(
            folded
                .char_indices()
                .nth_back(2)
                .and_then(|(i, _)| folded.get(i..))
                .unwrap_or(&folded)
                .as_bytes(),
        ),
    }
}

/// A Roman numeral, maybe ordinal: « XIV », « XVe », « IIIe ».
fn is_roman(w: &str) -> bool {
    let head = w.trim_end_matches(['e', 'è', 'm', 'r']);
    (2..=7).contains(&head.len())
        && head
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'))
}

/// The shape of a word: each run of capitals, lower-case letters or digits written once, twice when it is
/// longer than one (« Paris » → « Xxx », « CGT » → « XX », « A20 » → « Xdd », « l’ » → « x’ »), at most 8 marks.
pub fn shape(w: &str, out: &mut [u8; 8]) -> usize {
    let mut n = 0;
    let mut last = 0u8;
    let mut run = 0;
    for c in w.chars() {
        let k = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_alphabetic() {
            b'a'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'~'
        };
        if k == last {
            run += 1;
            if run == 2
                && let Some(slot) = out.get_mut(n)
            {
                *slot = k;
                n += 1;
            }
            continue;
        }
        last = k;
        run = 1;
        if let Some(slot) = out.get_mut(n) {
            *slot = k;
            n += 1;
        }
    }
    n
}

fn len_bucket(chars: usize) -> u64 {
    match chars {
        0..=1 => 1,
        2 => 2,
        3 => 3,
        4..=5 => 4,
        6..=8 => 5,
        _ => 6,
    }
}

/// The features of a word wherever it stands: its form, fold, shape, affixes, length and gazetteer flags.
/// `folded` is its folded form.
pub fn word_keys(w: &str, folded: &str, info: &WordInfo, out: &mut Vec<u64>) {
    out.push(k1(T::Bias, 0));
    out.push(k1(T::Word, bytes(w.as_bytes())));
    out.push(k1(T::Fold, info.fold));
    out.push(k1(T::Shape, info.shape));
    let chars = folded.chars().count();
    out.push(k2(
        T::Len,
        len_bucket(chars),
        u64::from(info.flags & (CAP | UPPER)),
    ));
    if info.flags & PUNCT == 0 && chars >= 3 {
        let cut = |n: usize| {
            folded
                .char_indices()
                .nth(n)
                .map_or(folded.len(), |(i, _)| i)
        };
        let back = |n: usize| folded.char_indices().nth_back(n - 1).map_or(0, |(i, _)| i);
        let pre = |n: usize| folded.get(..cut(n)).unwrap_or("");
        let suf = |n: usize| folded.get(back(n)..).unwrap_or("");
        out.push(k1(T::Pre2, bytes(pre(2).as_bytes())));
        out.push(k1(T::Pre3, bytes(pre(3).as_bytes())));
        out.push(k1(T::Suf2, bytes(suf(2).as_bytes())));
        out.push(k1(T::Suf3, bytes(suf(3).as_bytes())));
        if chars >= 4 {
            out.push(k1(T::Suf4, bytes(suf(4).as_bytes())));
        }
    }
    let mut lex = info.lex;
    while lex != 0 {
        let bit = lex.trailing_zeros();
        out.push(k1(T::Lex, u64::from(bit)));
        lex &= lex - 1;
    }
}

/// Sentinels for a neighbour before the text's start or past its end.
const EDGE_BEFORE: u64 = 0x5eed_0000_0000_0001;
const EDGE_AFTER: u64 = 0x5eed_0000_0000_0002;

/// What a word tells the token `k` places before it (`k` = -1, -2) or after it (1, 2); `None` for a place
/// outside the text.
pub fn neighbour_keys(k: i8, info: Option<&WordInfo>, out: &mut Vec<u64>) {
    let edge = if k < 0 { EDGE_BEFORE } else { EDGE_AFTER };
    let (fold, shape, lex) = info.map_or((edge, edge, 0), |w| (w.fold, w.shape, w.lex));
    match k {
        -2 | 2 => {
            let (f, l) = if k < 0 {
                (T::PrevFold2, T::PrevLex2)
            } else {
                (T::NextFold2, T::NextLex2)
            };
            out.push(k1(f, fold));
            // « détroit de Morvak », « ministère de l’Intérieur »: a head word two places away
            let mut lex = lex & u64::from(HEADS);
            while lex != 0 {
                out.push(k1(l, u64::from(lex.trailing_zeros())));
                lex &= lex - 1;
            }
        }
        -1 | 1 => {
            let (f, s, l) = if k < 0 {
                (T::PrevFold1, T::PrevShape1, T::PrevLex1)
            } else {
                (T::NextFold1, T::NextShape1, T::NextLex1)
            };
            out.push(k1(f, fold));
            out.push(k1(s, shape));
            let mut lex = lex;
            while lex != 0 {
                let bit = lex.trailing_zeros();
                out.push(k1(l, u64::from(bit)));
                lex &= lex - 1;
            }
        }
        _ => {}
    }
}

/// Where a token stands: 0 inside a sentence, 1 at a sentence's start, 2 at a line's start; plus 3 in the
/// headline.
pub fn position(seq: &Sequence, i: usize) -> u64 {
    let t = seq.toks.get(i).map_or(0, |t| t.flags);
    let p = if t & NL != 0 {
        2
    } else if t & SENT != 0 {
        1
    } else {
        0
    };
    p + if i < seq.body { 3 } else { 0 }
}

/// The features of a word where it stands (`pos`, see [`position`]) and of what the document says of it.
pub fn type_pos_keys(info: &WordInfo, pos: u64, out: &mut Vec<u64>) {
    out.push(k2(T::PosShape, pos, info.shape));
    out.push(k2(T::PosDoc, pos, u64::from(info.doc)));
    let mut d = info.doc;
    while d != 0 {
        out.push(k1(T::Doc, u64::from(d.trailing_zeros())));
        d &= d - 1;
    }
    if !pos.is_multiple_of(3) {
        out.push(k2(T::PosFold, pos, info.fold));
    }
}

/// The features that tie a token to its neighbours: pairs and triples, the end of its line, a multi-word place.
pub fn token_keys(seq: &Sequence, i: usize, out: &mut Vec<u64>) {
    let at = |j: Option<usize>| j.and_then(|j| seq.info(j));
    let me = seq.info(i);
    let prev = at(i.checked_sub(1));
    let next = at(i.checked_add(1));
    let shape = |w: Option<&WordInfo>, edge| w.map_or(edge, |w| w.shape);
    let fold = |w: Option<&WordInfo>, edge| w.map_or(edge, |w| w.fold);
    let s0 = shape(me, 0);
    out.push(k2(T::PrevFoldShape, fold(prev, EDGE_BEFORE), s0));
    out.push(k2(T::NextFoldShape, s0, fold(next, EDGE_AFTER)));
    // « Parquet national financier », « Crédit agricole »: an ending after a capitalised word
    if let Some(m) = me
        && m.flags & (CAP | UPPER | PUNCT) == 0
    {
        out.push(k2(T::PrevShapeSuf3, shape(prev, EDGE_BEFORE), m.suf3));
    }
    out.push(k3(
        T::Shape3,
        shape(prev, EDGE_BEFORE),
        s0,
        shape(next, EDGE_AFTER),
    ));
    let line_end = seq.toks.get(i + 1).is_none_or(|t| t.flags & NL != 0);
    out.push(k2(T::LineEndShape, u64::from(line_end), s0));
    if let Some(&p) = seq.place.get(i)
        && p != 0
    {
        out.push(k1(T::PlacePart, u64::from(p)));
    }
}

impl<'t> Sequence<'t> {
    /// Tokenizes a text and finds what the tagger needs of it.
    pub fn new(text: &'t str) -> Sequence<'t> {
        let toks = tokenize(text);
        let n = toks.len();
        let word = |t: &Token| text.get(t.range()).unwrap_or("");
        // 1. capitalised words: their lexicon flags, and which are triggers
        let mut trigger = vec![false; n];
        for (t, tr) in toks.iter().zip(trigger.iter_mut()) {
            if t.flags & PUNCT == 0 && t.flags & (CAP | UPPER | INNER_CAP | MIXED) != 0 {
                *tr = is_trigger(t, cache::word_info(word(t), t).lex);
            }
        }
        // 2. the scored tokens: within BEFORE / AFTER of a trigger
        let mut scored = vec![false; n];
        let mut last_trigger: Option<usize> = None;
        for i in 0..n {
            if trigger.get(i).copied().unwrap_or(false) {
                last_trigger = Some(i);
                for s in scored.iter_mut().take(i + 1).skip(i.saturating_sub(BEFORE)) {
                    *s = true;
                }
            } else if last_trigger.is_some_and(|t| i - t <= AFTER)
                && let Some(s) = scored.get_mut(i)
            {
                *s = true;
            }
        }
        // 3. the words of the scored tokens and of their neighbours
        let mut seq = Sequence {
            text,
            toks,
            scored,
            ty: vec![u32::MAX; n],
            types: Vec::new(),
            place: vec![0; n],
            body: n,
        };
        seq.body = seq
            .toks
            .iter()
            .skip(1)
            .position(|t| t.flags & NL != 0)
            .map_or(n, |p| p + 1);
        let mut ids: FxMap<&'t str, u32> = FxMap::default();
        let mut near = vec![false; n];
        for (i, &s) in seq.scored.iter().enumerate() {
            if s {
                for m in near.iter_mut().take(i + 3).skip(i.saturating_sub(2)) {
                    *m = true;
                }
            }
        }
        for (i, &m) in near.iter().enumerate() {
            if !m {
                continue;
            }
            let Some(&t) = seq.toks.get(i) else { continue };
            let w = word(&t);
            let id = match ids.get(w) {
                Some(&id) => id,
                None => {
                    let id = seq.types.len() as u32;
                    seq.types.push(cache::word_info(w, &t));
                    ids.insert(w, id);
                    id
                }
            };
            if let Some(slot) = seq.ty.get_mut(i) {
                *slot = id;
            }
        }
        seq.document_stats(&ids, &trigger);
        seq.places();
        seq
    }

    /// The word of token `i`, when it has one.
    #[inline]
    pub fn info(&self, i: usize) -> Option<&WordInfo> {
        let t = *self.ty.get(i)?;
        self.types.get(t as usize)
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
    /// next to another capitalised word.
    fn document_stats(&mut self, ids: &FxMap<&'t str, u32>, trigger: &[bool]) {
        let mut lower: FxMap<u64, ()> = FxMap::default();
        for t in &self.toks {
            if t.flags & (PUNCT | CAP | UPPER | DIGIT) == 0 {
                let w = self.text.get(t.range()).unwrap_or("");
                lower.insert(bytes(w.as_bytes()), ());
            }
        }
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
        let mut low = String::new();
        for (w, &id) in ids {
            let Some(info) = self.types.get_mut(id as usize) else {
                continue;
            };
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
            if lower.contains_key(&bytes(low.as_bytes())) {
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
mod tests {
    use super::*;

    fn shape_of(w: &str) -> String {
        let mut b = [0u8; 8];
        let n = shape(w, &mut b);
        String::from_utf8_lossy(&b[..n]).into_owned()
    }

    #[test]
    fn shapes() {
        assert_eq!(shape_of("Paris"), "Xxx");
        assert_eq!(shape_of("CGT"), "XX");
        assert_eq!(shape_of("A20"), "Xdd");
        assert_eq!(shape_of("Jean-Marie"), "Xxx-Xxx");
        assert_eq!(shape_of("l"), "x");
    }

    #[test]
    fn only_tokens_near_a_capitalised_word_are_scored() {
        let text = "il a dit que le temps était beau et que la pluie viendrait plus tard dans la \
                    semaine selon Météo France hier";
        let seq = Sequence::new(text);
        let scored: Vec<&str> = (0..seq.toks.len())
            .filter(|&i| seq.scored[i])
            .map(|i| seq.word(i))
            .collect();
        assert_eq!(
            scored,
            ["la", "semaine", "selon", "Météo", "France", "hier"]
        );
        assert!(!seq.scored[0]);
    }

    #[test]
    fn the_document_says_what_a_word_is() {
        let seq =
            Sequence::new("Selon lui, Paris est loin.\nIl parle selon Paris et Marine Le Pen.");
        let doc = |w: &str| {
            let i = (0..seq.toks.len()).find(|&i| seq.word(i) == w).unwrap();
            seq.info(i).map(|x| x.doc).unwrap_or(0)
        };
        assert!(doc("Selon") & DOC_LOWER != 0);
        assert!(doc("Paris") & DOC_MID_CAP != 0);
        assert!(doc("Marine") & DOC_IN_NAME != 0);
        assert!(doc("Paris") & DOC_LOWER == 0);
    }
}
