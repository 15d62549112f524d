//! A word's own features: what its form, fold, shape, affixes and gazetteer flags are ([`WordInfo`]), the
//! features it has wherever it stands ([`word_keys`]) and what it tells the tokens around it
//! ([`neighbour_keys`]). Computed once per distinct word (see `cache.rs`).

use super::keys::{T, bytes, k1, k2};
use crate::text::fold::{fold_into, pack_in};
use crate::text::lexicon::{
    DEMONYM, GEO_HEAD, GIVEN_NAME, LEX, LOC_BEFORE, Lexicon, ORG_HEAD, ORG_HEAD_LOWER, ORG_OF,
    PLACE, PLACE_PREFIX, SITE_HEAD, STOP, SURNAME, TITLE, pack,
};
use crate::text::token::{CAP, INNER_CAP, MIXED, NL, NUMBER, PUNCT, SENT, SPACE, Token, UPPER};

/// What the document says of a word (see [`WordInfo::doc`]): also written in lower case, capitalised inside a
/// sentence, three times or more, next to another capitalised word.
pub const DOC_LOWER: u8 = 1;
/// Capitalised inside a sentence somewhere in the document.
pub const DOC_MID_CAP: u8 = 1 << 1;
/// Three times or more in the document.
pub const DOC_MANY: u8 = 1 << 2;
/// Next to another capitalised word somewhere in the document.
pub const DOC_IN_NAME: u8 = 1 << 3;

/// The lexicon's head words of names (organisations, seas, sites, titles), told to the token two places away.
const HEADS: u32 = ORG_HEAD | ORG_HEAD_LOWER | GEO_HEAD | SITE_HEAD | TITLE | LOC_BEFORE | ORG_OF;

/// Bits of [`WordInfo::lex`] above the lexicon's own 32 list bits and 32 exact bits.
pub const ROMAN: u64 = 1 << 63;
/// A word in capitals whose capitalised form is a given name or surname of the lists (« MACRON »); its exact
/// flags are that form's.
pub const CAPS_KNOWN: u64 = 1 << 62;
/// The flags of a token that belong to its word, not to where it stands.
pub(super) const WORD_FLAGS: u16 = !(NL | SPACE | SENT);

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
        let [mut ex, mut low] = lex.token_flags_packed(w, packed, true);
        // « MÉLENCHON », « EMMANUEL » of a transcript: a given name or surname of the lists written in capitals
        // (four letters or more: « SAD », « ONU » are acronyms far more often than names)
        let mut caps = 0;
        if ex == 0
            && t.flags & UPPER != 0
            && w.chars().count() >= 4
            && let Some(cap) = capitalised(w)
        {
            ex = lex.token_flags_packed(&cap, pack(&cap), true)[0] & (GIVEN_NAME | SURNAME);
            if ex != 0 {
                caps = CAPS_KNOWN;
            }
        }
        if ex & (PLACE | GIVEN_NAME | PLACE_PREFIX) == 0
            && low == 0
            && t.flags & CAP != 0
            && lex.is_demonym(w)
        {
            low |= DEMONYM;
        }
        let mut bits = u64::from(low) | (u64::from(ex) << 32) | caps;
        if is_roman(w) {
            bits |= ROMAN;
        }
        bits
    } else {
        u64::from(lex.lower_token_flags(w, packed))
    }
}

/// A word in capitals written as a name is (« ROSSIGNOL-DUMAS » → « Rossignol-Dumas »), `None` for one too long
/// to be a name.
pub fn capitalised(w: &str) -> Option<String> {
    if w.len() > 40 {
        return None;
    }
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in w.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, '-' | '\'' | '’');
    }
    Some(out)
}

/// What a word's features are computed from (`doc` left empty: the document fills it).
pub fn new_word_info(w: &str, t: &Token) -> WordInfo {
    let mut folded = String::new();
    fold_into(w, &mut folded);
    let lex = lexicon_flags(&LEX, w, t, pack_in(w.as_bytes(), 0, w.len()));
    let mut sh = [0u8; 8];
    // a known given name or surname in capitals has the shape of a name
    let sn = match (lex & CAPS_KNOWN != 0).then(|| capitalised(w)).flatten() {
        Some(cap) if lex & (u64::from(GIVEN_NAME | SURNAME) << 32) != 0 => shape(&cap, &mut sh),
        _ => shape(w, &mut sh),
    };
    WordInfo {
        fold: bytes(folded.as_bytes()),
        shape: bytes(sh.get(..sn).unwrap_or_default()),
        lex,
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
pub(super) const EDGE_BEFORE: u64 = 0x5eed_0000_0000_0001;
pub(super) const EDGE_AFTER: u64 = 0x5eed_0000_0000_0002;

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
