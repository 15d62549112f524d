//! Keys for fast lookups: a small hasher, words packed in integers, and folding (lower case, no accents).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use unicode_normalization::UnicodeNormalization;

/// A small, fast hasher for short keys (FxHash).
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u128(&mut self, i: u128) {
        self.add(i as u64);
        self.add((i >> 64) as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A hash map with [`FxHasher`]: for short keys that no one outside chooses to collide.
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A word of 15 bytes or less as an integer: its bytes, then its length in the last byte.
#[inline]
pub fn pack(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    if b.len() > 15 {
        return None;
    }
    let mut k = [0u8; 16];
    for (d, s) in k.iter_mut().zip(b) {
        *d = *s;
    }
    k[15] = b.len() as u8;
    Some(u128::from_le_bytes(k))
}

/// [`pack`] of `bytes[start..end]`, read as one 16-byte load when the text goes on far enough.
#[inline]
pub fn pack_in(bytes: &[u8], start: usize, end: usize) -> Option<u128> {
    let len = end.checked_sub(start)?;
    if len > 15 {
        return None;
    }
    match bytes.get(start..start + 16) {
        Some(window) => {
            let mut k = [0u8; 16];
            k.copy_from_slice(window);
            let v = u128::from_le_bytes(k) & ((1u128 << (len * 8)) - 1);
            Some(v | ((len as u128) << 120))
        }
        None => std::str::from_utf8(bytes.get(start..end)?)
            .ok()
            .and_then(pack),
    }
}

/// [`pack`] of the ASCII lower case of an ASCII word.
#[inline]
pub fn pack_lower_ascii(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    if b.len() > 15 {
        return None;
    }
    let mut k = [0u8; 16];
    for (d, s) in k.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    k[15] = b.len() as u8;
    Some(u128::from_le_bytes(k))
}

/// Lower case without accents: "Téhéran" → "teheran", "Raïssi" → "raissi". Apostrophes become ASCII.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the folded form of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for c in s.chars() {
        fold_char(c, out);
    }
}

/// Folds one char: a table for ASCII and Latin-1, Unicode decomposition for the rest.
fn fold_char(c: char, out: &mut String) {
    const LATIN1: [char; 64] = [
        'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', 'd', 'n',
        'o', 'o', 'o', 'o', 'o', '×', 'o', 'u', 'u', 'u', 'u', 'y', 'þ', 's', 'a', 'a', 'a', 'a',
        'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', 'd', 'n', 'o', 'o', 'o', 'o',
        'o', '÷', 'o', 'u', 'u', 'u', 'u', 'y', 'þ', 'y',
    ];
    match c {
        '\0'..='\u{7f}' => out.push(c.to_ascii_lowercase()),
        'Æ' | 'æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        '\u{c0}'..='\u{ff}' => {
            out.push(LATIN1.get(c as usize - 0xc0).copied().unwrap_or(c));
        }
        '’' | 'ʼ' | '‘' => out.push('\''),
        'œ' | 'Œ' => out.push_str("oe"),
        _ => {
            for d in c.nfd() {
                if !unicode_normalization::char::is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }
        }
    }
}

/// Lower-cases `word` into `buf` (reused to avoid allocations) and returns it.
#[cfg(test)]
pub fn lower_into<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if word.is_ascii() {
        for b in word.bytes() {
            buf.push(b.to_ascii_lowercase() as char);
        }
    } else {
        for c in word.chars() {
            buf.extend(c.to_lowercase());
        }
    }
    buf.as_str()
}
