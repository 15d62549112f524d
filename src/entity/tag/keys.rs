//! Feature keys: a feature is a 64-bit hash of its template and its value, computed without allocating. The
//! model maps the keys it knows to rows of weights (see `weights.rs`); any other key weighs nothing.

use xxhash_rust::xxh3::xxh3_64;

/// The templates. Their numbers are part of the model's format: renumbering one needs retraining.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum T {
    Bias = 1,
    Word,
    Fold,
    Shape,
    Pre2,
    Pre3,
    Suf2,
    Suf3,
    Suf4,
    Lex,
    Len,
    PosShape,
    PosDoc,
    Doc,
    PosFold,
    // neighbours: one template per offset and kind
    PrevFold2,
    PrevFold1,
    NextFold1,
    NextFold2,
    PrevShape1,
    NextShape1,
    PrevLex1,
    NextLex1,
    // the token in its context
    PrevFoldShape,
    Shape3,
    LineEndShape,
    PlacePart,
    NextFoldShape,
    PrevLexShape,
    PrevFold2Shape,
    Quote,
    ShoutPos,
    PrevLex2,
    NextLex2,
    PrevShapeSuf3,
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
