//! A text's hash as the article cache's maps keep it: the 16 bytes its 32 hexadecimal digits
//! say, not a `String` (24 bytes and a heap block of 32 more, in each of the two maps: at
//! 100,000 articles 3.2 MB of blocks a map, and 8 bytes more in each of its records). A hash in
//! any other form (none the cache makes; tests use words) is kept as it is. The cache's file
//! and the hashes given and returned are the same strings as before.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum TextHash {
    /// 32 lowercase hexadecimal digits, as bytes.
    Hex([u8; 16]),
    Other(Box<str>),
}

fn digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

impl TextHash {
    pub(crate) fn of(hash: &str) -> TextHash {
        let b = hash.as_bytes();
        let mut out = [0u8; 16];
        let parsed = b.len() == 32
            && out.iter_mut().zip(b.chunks_exact(2)).all(|(o, pair)| {
                match (
                    pair.first().and_then(|&h| digit(h)),
                    pair.get(1).and_then(|&l| digit(l)),
                ) {
                    (Some(h), Some(l)) => {
                        *o = (h << 4) | l;
                        true
                    }
                    _ => false,
                }
            });
        match parsed {
            true => TextHash::Hex(out),
            false => TextHash::Other(hash.into()),
        }
    }
}

impl TextHash {
    /// The hash as it was given: made for every article a warm start finds unchanged, so
    /// digit by digit rather than through `fmt` (sixteen formatted writes a hash).
    pub(crate) fn text(&self) -> String {
        match self {
            TextHash::Hex(b) => {
                let mut s = String::with_capacity(32);
                for x in b {
                    s.extend(char::from_digit(u32::from(x >> 4), 16));
                    s.extend(char::from_digit(u32::from(x & 0xf), 16));
                }
                s
            }
            TextHash::Other(s) => s.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_kept_in_sixteen_bytes_and_given_back_as_it_was() {
        let hex = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(b"Macron"));
        let h = TextHash::of(&hex);
        assert!(matches!(h, TextHash::Hex(_)), "{h:?}");
        assert_eq!(h.text(), hex);
        for other in [
            "hash-a",
            "",
            &hex.to_uppercase(),
            &hex[..31],
            &format!("+{}", &hex[1..]),
        ] {
            let h = TextHash::of(other);
            assert!(matches!(h, TextHash::Other(_)), "{other}: {h:?}");
            assert_eq!(h.text(), other);
        }
        assert_ne!(TextHash::of(&hex), TextHash::of(&hex.to_uppercase()));
    }
}
