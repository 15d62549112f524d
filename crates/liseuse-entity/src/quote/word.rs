//! A word as the quotation stage reads it: packed in an integer, its ASCII letters lower-cased ([`key`]), so that
//! comparing it with a word of the code is one integer comparison; and its bits in the lists ([`word_bits`]), looked
//! up by that key (an inverted verb, « a-t-il », gets its verb's).

use super::lexicon::{Lang, Lexicon, W};
use crate::text::token::{self, Token};

/// A word of 15 bytes or less packed as [`crate::text::fold::pack`] packs it, its ASCII letters lower-cased:
/// what [`Para::any`] compares a token with. Evaluated at compile time by [`words!`] (a longer word is an error).
pub const fn key(w: &str) -> u128 {
    assert!(w.len() <= 15, "a word of 15 bytes or less");
    let mut k = (w.len() as u128) << 120;
    let mut b = w.as_bytes();
    let mut shift = 0;
    while let [first, rest @ ..] = b {
        k |= (first.to_ascii_lowercase() as u128) << shift;
        shift += 8;
        b = rest;
    }
    k
}

/// A list of words to compare tokens with ([`words!`]), and a filter of one bit per word, the bit its key's low
/// half hashes to: most tokens are none of the words, and a list of a dozen costs a dozen comparisons for each
/// of them; the filter turns most away with one multiplication (a token whose bit is set is compared as before).
pub struct Words {
    pub keys: &'static [u128],
    filter: u64,
}

impl Words {
    pub const fn new(keys: &'static [u128]) -> Words {
        let mut filter = 0;
        let mut rest = keys;
        while let [first, more @ ..] = rest {
            filter |= bit(*first as u64);
            rest = more;
        }
        Words { keys, filter }
    }

    /// Whether a token whose key's low half is `low` may be one of the words (false: it is none of them).
    #[inline]
    pub fn may_hold(&self, low: u64) -> bool {
        self.filter & bit(low) != 0
    }
}

/// The filter bit of a key's low half: its top six bits once multiplied by an odd constant (every byte of the
/// word moves them).
#[inline]
const fn bit(low: u64) -> u64 {
    1 << (low.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58)
}

/// The high bit of every byte of a packed word: set where a byte is not ASCII.
const HIGH: u128 = 0x0080_8080_8080_8080_8080_8080_8080_8080;

/// The ASCII capitals of eight bytes lower-cased, other bytes as they are (no branch: one word at a time).
#[inline]
fn lower8(x: u64) -> u64 {
    const H: u64 = 0x8080_8080_8080_8080;
    let low7 = x & !H;
    let at_least_a = low7.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let past_z = low7.wrapping_add(0x2525_2525_2525_2525);
    let upper = at_least_a & !past_z & !x & H;
    x | (upper >> 2)
}

/// [`key`] of `bytes[start..start + len]` (`len` at most 15), read as one 16-byte load when the text goes on far
/// enough; its ASCII capitals lower-cased only when `capitals` says it may hold some.
#[inline]
fn key_at(bytes: &[u8], start: usize, len: usize, capitals: bool) -> u128 {
    let mut w = [0u8; 16];
    match bytes.get(start..start + 16) {
        Some(window) => w.copy_from_slice(window),
        None => {
            for (d, s) in w
                .iter_mut()
                .zip(bytes.get(start..start + len).unwrap_or_default())
            {
                *d = *s;
            }
        }
    }
    // the word's bytes only (`len` is 0 to 15), as two halves: no 128-bit shift
    let v = u128::from_le_bytes(w);
    let (lo, hi) = (v as u64, (v >> 64) as u64);
    let [lo_mask, hi_mask] = MASKS.get(len).copied().unwrap_or_default();
    let (lo, hi) = (lo & lo_mask, hi & hi_mask);
    let (lo, hi) = if capitals {
        (lower8(lo), lower8(hi))
    } else {
        (lo, hi)
    };
    u128::from(hi | ((len as u64) << 56)) << 64 | u128::from(lo)
}

/// The bytes a word of each length (0 to 15) holds in a 16-byte load, as masks of its two halves.
// Evaluated at compile time: an index out of bounds would be a compile error, never a panic.
#[allow(clippy::indexing_slicing)]
static MASKS: [[u64; 2]; 16] = {
    let mut m = [[0u64; 2]; 16];
    let mut len = 1;
    while len < 16 {
        m[len] = if len < 8 {
            [(1 << (8 * len)) - 1, 0]
        } else {
            [u64::MAX, (1 << (8 * (len - 8))) - 1]
        };
        len += 1;
    }
    m
};

/// The token flags of a word in which a letter is a capital.
const CASED: u16 = token::CAP | token::UPPER | token::MIXED | token::INNER_CAP;

/// The token flags of a word that may hold an ASCII capital: the tokenizer sets one of them on any word holding an
/// upper-case letter (« 3M », whose one letter is neither first nor after another, has [`token::DIGIT`]).
const MAY_HOLD_CAPITALS: u16 =
    token::CAP | token::UPPER | token::MIXED | token::INNER_CAP | token::DIGIT;

/// A packed word lower-cased as `char::to_lowercase` would, when every letter it holds beyond ASCII is one of
/// Latin-1's (« É », « À », « Ç », two bytes each, lower-cased by one bit), ASCII already being lower-cased by
/// [`key_at`]; `None` for any other (its lower case may change its length: the slow way).
pub fn latin1_lower(key: u128) -> Option<u128> {
    let mut b = key.to_le_bytes();
    let len = usize::from(b[15]).min(15);
    let mut i = 0;
    while let Some(&x) = b.get(i).filter(|_| i < len) {
        match x {
            0..=0x7f => {}
            0xc2 => i += 1,
            0xc3 => {
                i += 1;
                // U+00C0–U+00DE but « × »: capitals, their small letter 0x20 further
                if let Some(c) = b
                    .get_mut(i)
                    .filter(|c| (0x80..=0x9e).contains(*c) && **c != 0x97)
                {
                    *c += 0x20;
                }
            }
            _ => return None,
        }
        i += 1;
    }
    Some(u128::from_le_bytes(b))
}

/// Whether a packed word holds a hyphen: its 16 bytes tested at once, a byte equal to '-' made 0 and a zero byte
/// found by the borrow it takes (exact for whether there is one: a false mark only ever follows a true one; the
/// padding bytes are 0 and the length byte at most 15, neither is '-').
#[inline]
fn has_hyphen(key: u128) -> bool {
    const ONES: u128 = u128::MAX / 255;
    let v = key ^ (ONES * u128::from(b'-'));
    v.wrapping_sub(ONES) & !v & (ONES << 7) != 0
}

/// The bits of a word token and its [`key`]; an inverted verb (« a-t-il », « explique-t-elle ») gets its verb's
/// bits and [`W::INVERTED`]. Inlined: it is called for every word of the text, most of them ASCII and looked up at
/// once (the rest by [`bits_of`]).
#[inline]
pub fn word_bits(
    lex: &Lexicon,
    text: &str,
    t: &Token,
    base: usize,
    buf: &mut String,
) -> (u32, u128) {
    let (start, end) = (t.start as usize + base, t.end as usize + base);
    let len = end.saturating_sub(start);
    let key = if len <= 15 {
        key_at(
            text.as_bytes(),
            start,
            len,
            t.flags & MAY_HOLD_CAPITALS != 0,
        )
    } else {
        0
    };
    // what `bits_of` does first, for most words: an acronym is none of the lists' words; an ASCII word or a word
    // in lower case is looked up by its key (but « à », « où », « là », which the lists fold into others)
    // (a role written as one, « le PDG », is looked up where a phrase's head is read: `Para::acronym_role`)
    if t.flags & token::UPPER != 0 {
        return (0, key);
    }
    let ascii = key & HIGH == 0;
    if key != 0 && (ascii || t.flags & CASED == 0) {
        if !ascii && len <= 4 {
            const A: u128 = self::key("à");
            const DES: u128 = self::key("dès");
            const OU: u128 = self::key("où");
            const LA: u128 = self::key("là");
            match key {
                A | DES => return (W::PREP, key),
                OU => return (W::SUB, key),
                LA => return (W::ADVERB, key),
                _ => {}
            }
        }
        let bits = lex.get_packed(key);
        if bits != 0 || lex.lang != Lang::Fr || !has_hyphen(key) {
            return (bits, key);
        }
    }
    (bits_of(lex, text, start..end, t.flags, key, buf), key)
}

/// The lists' bits of the word at `range` whose [`key`] is `key` (0 for a word of more than 15 bytes).
#[inline(never)]
fn bits_of(
    lex: &Lexicon,
    text: &str,
    range: std::ops::Range<usize>,
    flags: u16,
    key: u128,
    buf: &mut String,
) -> u32 {
    let ascii = key != 0 && key & HIGH == 0;
    // folding would make these function words others (« à » « a », « où » « ou »)
    if range.len() <= 4 && !ascii {
        match text.get(range.clone()).unwrap_or("") {
            "à" | "À" | "dès" | "Dès" => return W::PREP,
            "où" | "Où" => return W::SUB,
            "là" | "Là" => return W::ADVERB,
            _ => {}
        }
    }
    // an acronym is none of the lists' words (« WHO », « US »)
    if flags & token::UPPER != 0 {
        return 0;
    }
    let cased = CASED;
    // most words are lower case already, or capitalised ASCII (« Le », « Selon »), or capitalised with French
    // accents (« Élysée », « À »): looked up by their key, lower-cased in place
    let lowered = match key {
        0 => None,
        _ if flags & cased == 0 || ascii => Some(key),
        _ => latin1_lower(key),
    };
    if let Some(k) = lowered {
        let bits = lex.get_packed(k);
        if bits != 0 || lex.lang != Lang::Fr || !has_hyphen(k) {
            return bits;
        }
    }
    let word = text.get(range).unwrap_or("");
    let hyphen = |w: &str| w.bytes().any(|b| b == b'-');
    let lower: &str = if flags & cased == 0 {
        word
    } else {
        buf.clear();
        if word.is_ascii() {
            buf.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            buf.extend(word.chars().flat_map(char::to_lowercase));
        }
        buf.as_str()
    };
    let bits = lex.get(lower);
    if bits != 0 || lex.lang != Lang::Fr || !hyphen(lower) {
        return bits;
    }
    // « ex-députée », « ex-président »: the role
    if let Some(rest) = lower.strip_prefix("ex-") {
        let b = lex.get(rest);
        if b != 0 {
            return b;
        }
    }
    for (suffix, plural) in [
        ("-t-il", false),
        ("-t-elle", false),
        ("-t-on", false),
        ("-t-ils", true),
        ("-t-elles", true),
        ("-il", false),
        ("-elle", false),
        ("-ils", true),
        ("-elles", true),
    ] {
        if let Some(verb) = lower.strip_suffix(suffix) {
            let b = lex.get(verb);
            if b != 0 {
                let plur = if plural { W::INV_PLUR } else { 0 };
                return b | W::INVERTED | plur;
            }
        }
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hyphen_is_found_wherever_it_stands_in_a_packed_word() {
        for w in [
            "a-t-il",
            "-x",
            "x-",
            "ex-député",
            "abcdefgh-ijklmn",
            "abcdefg-",
            "abcdefghijklmn-",
        ] {
            assert!(has_hyphen(key_at(w.as_bytes(), 0, w.len(), true)), "{w}");
        }
        for w in ["", "a", "abcdefghijklmno", "Élysée", "--"] {
            let k = key_at(w.as_bytes(), 0, w.len(), true);
            assert_eq!(has_hyphen(k), w.contains('-'), "{w}");
        }
    }

    #[test]
    fn latin1_words_are_lower_cased_as_to_lowercase_does() {
        for w in [
            "Élysée",
            "À",
            "ÇA",
            "Hélène",
            "Zürich",
            "ÀÉÎÕÜÝÞ",
            "Straße",
            "×Ö",
            "Genève",
        ] {
            let key = key_at(w.as_bytes(), 0, w.len(), true);
            let lower = w.to_lowercase();
            assert_eq!(
                latin1_lower(key),
                Some(key_at(lower.as_bytes(), 0, lower.len(), true)),
                "{w}"
            );
        }
        // beyond Latin-1 the slow way: « Œ » lower-cases to another code point
        for w in ["Œuvre", "Ἀθῆναι", "İstanbul"] {
            assert_eq!(
                latin1_lower(key_at(w.as_bytes(), 0, w.len().min(15), true)),
                None,
                "{w}"
            );
        }
    }

    #[test]
    fn a_word_the_tokenizer_flags_no_capital_holds_no_ascii_capital() {
        let text = "3M aB x-Y ªB éA 2Ème iPhone McCormick NeXT al-Deif U.S. l'ONU 4x4 e-Mail ÉTÉ xY-z \
                    Ça déjà-vu a1B 1aB ß-Q";
        let mut toks = Vec::new();
        token::tokenize_into(text, &mut toks);
        for t in toks.iter().filter(|t| t.is_word() && t.end - t.start <= 15) {
            let (start, len) = (t.start as usize, (t.end - t.start) as usize);
            let lowered = key_at(text.as_bytes(), start, len, true);
            if t.flags & MAY_HOLD_CAPITALS == 0 {
                assert_eq!(
                    key_at(text.as_bytes(), start, len, false),
                    lowered,
                    "{:?}",
                    t
                );
            }
        }
    }
}
