//! Feature keys: a feature is a 64-bit hash of its template and its value, computed without allocating. The
//! model maps the keys it knows to rows of weights (see `weights.rs`); any other key weighs nothing.

use xxhash_rust::xxh3::xxh3_64;

/// The templates. Their numbers are part of the model's format: renumbering one needs retraining.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum T {
    /// Always present: the weight of each tag by itself.
    Bias = 1,
    /// The word as written.
    Word,
    /// The word folded (accents and case removed).
    Fold,
    /// The word's shape (« Xxxx », « XX », « dd »).
    Shape,
    /// Its first two characters.
    Pre2,
    /// Its first three characters.
    Pre3,
    /// Its last two characters.
    Suf2,
    /// Its last three characters.
    Suf3,
    /// Its last four characters.
    Suf4,
    /// A gazetteer or word list holding it (one feature per flag).
    Lex,
    /// Its length in characters (bucketed) with its capitalisation.
    Len,
    /// Its shape where it stands (inside a sentence, at its start, at a line's start, in the headline).
    PosShape,
    /// What the document says of it (`DOC_*` of `word.rs`) where it stands.
    PosDoc,
    /// What the document says of it, one flag at a time.
    Doc,
    /// Its folded form where it stands.
    PosFold,
    // neighbours: one template per offset and kind
    /// The folded word two places before.
    PrevFold2,
    /// The folded word just before.
    PrevFold1,
    /// The folded word just after.
    NextFold1,
    /// The folded word two places after.
    NextFold2,
    /// The shape of the word just before.
    PrevShape1,
    /// The shape of the word just after.
    NextShape1,
    /// A list flag of the word just before.
    PrevLex1,
    /// A list flag of the word just after.
    NextLex1,
    // the token in its context
    /// The folded word before with this word's shape.
    PrevFoldShape,
    /// The shapes of the word before, this one and the word after.
    Shape3,
    /// Its shape, and whether it ends its line.
    LineEndShape,
    /// Where it stands in a multi-word place of the gazetteer.
    PlacePart,
    /// Its shape with the folded word after.
    NextFoldShape,
    /// Unused: kept so that the templates after it keep their numbers.
    PrevLexShape,
    /// Unused: kept so that the templates after it keep their numbers.
    PrevFold2Shape,
    /// Unused: kept so that the templates after it keep their numbers.
    Quote,
    /// Unused: kept so that the templates after it keep their numbers.
    ShoutPos,
    /// A head word (of an institution, a sea, a site, a title) two places before.
    PrevLex2,
    /// A head word two places after.
    NextLex2,
    /// The shape of the word before with this word's last three characters (« Parquet national financier »).
    PrevShapeSuf3,
    /// The word's shape where it stands, in an English or a French text (see `features::language`).
    LangPosShape,
    /// What the document says of the word where it stands, in an English or a French text.
    LangPosDoc,
}

/// The splitmix64 finaliser: every bit of the input moves about half the bits of the output.
#[inline]
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The hash of some bytes (a word, a folded form, a shape).
#[inline]
pub fn bytes(b: &[u8]) -> u64 {
    xxh3_64(b)
}

/// A feature: template `t` with value `a`.
#[inline]
pub fn k1(t: T, a: u64) -> u64 {
    mix(a ^ (t as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// A feature: template `t` with values `a` and `b`.
#[inline]
pub fn k2(t: T, a: u64, b: u64) -> u64 {
    mix(k1(t, a) ^ b.rotate_left(23))
}

/// A feature: template `t` with values `a`, `b` and `c`.
#[inline]
pub fn k3(t: T, a: u64, b: u64, c: u64) -> u64 {
    mix(k2(t, a, b) ^ c.rotate_left(41))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_by_template_and_value() {
        let w = bytes(b"Paris");
        assert_ne!(k1(T::Word, w), k1(T::Fold, w));
        assert_ne!(k2(T::Shape3, 1, 2), k2(T::Shape3, 2, 1));
        assert_eq!(k1(T::Word, w), k1(T::Word, bytes(b"Paris")));
    }
}
