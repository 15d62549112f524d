//! French or English: which of the two lists a text is read with.

use super::Lang;

/// A word of five ASCII letters or less as an integer, its bytes in order.
pub(super) const fn key(w: &str) -> u64 {
    let mut b = w.as_bytes();
    let mut k = 0u64;
    while let [first, rest @ ..] = b {
        k = (k << 8) | *first as u64;
        b = rest;
    }
    k
}

/// Each byte lower-cased if it is an ASCII letter, 0 if it is none: one load tells both.
// Evaluated at compile time: an index out of bounds would be a compile error, never a panic.
#[allow(clippy::indexing_slicing)]
static LETTER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// The votes of one word (packed by [`key`]) as (French, English).
#[inline]
fn vote(word: u64, len: usize) -> (u32, u32) {
    const LE: u64 = key("le");
    const LA: u64 = key("la");
    const LES: u64 = key("les");
    const DES: u64 = key("des");
    const DU: u64 = key("du");
    const ET: u64 = key("et");
    const UNE: u64 = key("une");
    const EST: u64 = key("est");
    const DANS: u64 = key("dans");
    const QUE: u64 = key("que");
    const QUI: u64 = key("qui");
    const POUR: u64 = key("pour");
    const SUR: u64 = key("sur");
    const AU: u64 = key("au");
    const AUX: u64 = key("aux");
    const IL: u64 = key("il");
    const ELLE: u64 = key("elle");
    const ONT: u64 = key("ont");
    const PAS: u64 = key("pas");
    const THE: u64 = key("the");
    const AND: u64 = key("and");
    const OF: u64 = key("of");
    const TO: u64 = key("to");
    const IS: u64 = key("is");
    const WAS: u64 = key("was");
    const THAT: u64 = key("that");
    const WITH: u64 = key("with");
    const FOR: u64 = key("for");
    const ON: u64 = key("on");
    const HE: u64 = key("he");
    const SHE: u64 = key("she");
    const IT: u64 = key("it");
    const ARE: u64 = key("are");
    const BY: u64 = key("by");
    const HAS: u64 = key("has");
    const HIS: u64 = key("his");
    const HER: u64 = key("her");
    const FROM: u64 = key("from");
    const SAID: u64 = key("said");
    const WILL: u64 = key("will");
    const WE: u64 = key("we");
    const THIS: u64 = key("this");
    const THEY: u64 = key("they");
    const WOULD: u64 = key("would");
    const PAR: u64 = key("par");
    const AVEC: u64 = key("avec");
    const SONT: u64 = key("sont");
    const NOUS: u64 = key("nous");
    const CETTE: u64 = key("cette");
    if len > 5 {
        return (0, 0);
    }
    match word {
        LE | LA | LES | DES | DU | ET | UNE | EST | DANS | QUE | QUI | POUR | SUR | AU | AUX
        | IL | ELLE | ONT | PAS | PAR | AVEC | SONT | NOUS | CETTE => (1, 0),
        THE | AND | OF | TO | IS | WAS | THAT | WITH | FOR | ON | HE | SHE | IT | ARE | BY
        | HAS | HIS | HER | FROM | SAID | WILL | WE | THIS | THEY | WOULD => (0, 1),
        _ => (0, 0),
    }
}

/// The language of a text, from its commonest function words: read until one language leads by eight of them,
/// in the first kilobyte at most; ASCII words only, each packed in an integer as it is read.
pub fn detect(text: &str) -> Lang {
    let head = text
        .as_bytes()
        .get(..text.len().min(1024))
        .unwrap_or_default();
    let (mut fr, mut en) = (0u32, 0u32);
    let (mut word, mut len) = (0u64, 0usize);
    // a word ends at any byte that is no ASCII letter, and where the head ends; one longer than 5 letters counts
    // for neither
    let mut decided = false;
    for &b in head {
        let c = LETTER.get(usize::from(b)).copied().unwrap_or(0);
        if c != 0 {
            word = (word << 8) | u64::from(c);
            len += 1;
            continue;
        }
        let (f, e) = vote(word, len);
        (fr, en) = (fr + f, en + e);
        word = 0;
        len = 0;
        // decided: no need to read on
        if fr.abs_diff(en) >= 8 {
            decided = true;
            break;
        }
    }
    if !decided {
        let (f, e) = vote(word, len);
        (fr, en) = (fr + f, en + e);
    }
    if en > fr { Lang::En } else { Lang::Fr }
}
