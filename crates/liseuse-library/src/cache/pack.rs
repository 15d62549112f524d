//! The dense encoding of what a cache body holds that is mostly numbers: variable-length
//! integers ([`Out`], [`In`]), and an article's mentions ([`put_mentions`], [`take_mentions`]).
//!
//! Mentions were most of the cache (at 100,000 articles, 13 million of them: 79 MB as postcard
//! wrote them, which no compressor shrank). Here each costs about two bytes before zstd: the
//! gap from the mention before (not its offset), its entity by how recently it was named
//! (move to front: a new entity is the next one), its length only when it is not that of its
//! entity's mention before, its label only when it is not its entity's. Anything a writer did
//! not expect (a length no form has, a mention of no entity, overlaps) is written in full:
//! every mention comes back as it was.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use liseuse_entity::{DocMention, Label, LocalEntity};

/// Bytes being written: integers as LEB128 (seven bits a byte).
#[derive(Debug, Default)]
pub(crate) struct Out(pub Vec<u8>);

impl Out {
    pub fn u(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }

    /// A signed integer, small when near zero (zigzag).
    pub fn i(&mut self, v: i64) {
        self.u(((v << 1) ^ (v >> 63)) as u64);
    }

    pub fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    /// Bytes, after their length.
    pub fn bytes(&mut self, b: &[u8]) {
        self.u(b.len() as u64);
        self.0.extend_from_slice(b);
    }
}

/// Bytes being read: every read checked (`None` past the end or for a malformed integer).
#[derive(Debug, Clone, Copy)]
pub(crate) struct In<'a>(pub &'a [u8]);

impl<'a> In<'a> {
    pub fn u(&mut self) -> Option<u64> {
        // Most are one byte.
        if let Some((&b, rest)) = self.0.split_first()
            && b < 0x80
        {
            self.0 = rest;
            return Some(u64::from(b));
        }
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    pub fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.u()?).ok()
    }

    pub fn i(&mut self) -> Option<i64> {
        let u = self.u()?;
        Some(((u >> 1) as i64) ^ -((u & 1) as i64))
    }

    pub fn byte(&mut self) -> Option<u8> {
        let (b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(*b)
    }

    /// Bytes written by [`Out::bytes`].
    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = usize::try_from(self.u()?).ok()?;
        let (b, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(b)
    }

    /// A number of things that take a byte or more each: never more than the bytes left (what
    /// a lying count could make us allocate is bounded by what was read).
    pub fn count(&mut self) -> Option<usize> {
        let n = usize::try_from(self.u()?).ok()?;
        (n <= self.0.len()).then_some(n)
    }

    /// `n` bytes.
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (b, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(b)
    }
}

/// A mention's tag byte: its level (five bits), whether its length is that of its entity's
/// mention before, whether its label is written.
const LEVEL: u8 = 0x1f;
const SAME_LEN: u8 = 0x20;
const LABEL_WRITTEN: u8 = 0x80;

fn label_byte(l: Label) -> u8 {
    match l {
        Label::Per => 0,
        Label::Org => 1,
        Label::Loc => 2,
        Label::Date => 3,
    }
}

fn label_of(b: u8) -> Option<Label> {
    Label::ALL.get(usize::from(b)).copied()
}

/// Writes `mentions` (of the entities `entities`, which are read back first): a count, then
/// their tag bytes, then their entities (move to front: how many others were named since),
/// then each one's gap from the end of the one before and what its tag byte says is written
/// out. Like values are together, which zstd's entropy coding makes the most of.
pub(crate) fn put_mentions(out: &mut Out, mentions: &[DocMention], entities: &[LocalEntity]) {
    out.u(mentions.len() as u64);
    let mut locals = Out::default();
    let mut rest = Out::default();
    // The entities named so far, the latest first, with their last mention's length.
    let mut recent: Vec<(u32, i64)> = Vec::new();
    let mut next_new = 0i64;
    let mut prev_end = 0i64;
    for m in mentions {
        let len = i64::from(m.end) - i64::from(m.start);
        let label_written = entities
            .get(m.local() as usize)
            .is_none_or(|e| e.label != m.label());
        let same_len = match recent.iter().position(|&(l, _)| l == m.local()) {
            Some(p) => {
                locals.u(p as u64 + 1);
                let moved = recent.get_mut(..=p).unwrap_or_default();
                moved.rotate_right(1);
                let same = moved.first().is_some_and(|&(_, was)| was == len);
                if let Some(first) = moved.first_mut() {
                    first.1 = len;
                }
                same
            }
            None => {
                locals.u(0);
                locals.i(i64::from(m.local()) - next_new);
                next_new = next_new.max(i64::from(m.local()) + 1);
                recent.insert(0, (m.local(), len));
                false
            }
        };
        out.byte(
            m.level()
                | if same_len { SAME_LEN } else { 0 }
                | if label_written { LABEL_WRITTEN } else { 0 },
        );
        rest.i(i64::from(m.start) - prev_end);
        if !same_len {
            rest.i(len);
        }
        if label_written {
            rest.byte(label_byte(m.label()));
        }
        prev_end = i64::from(m.end);
    }
    out.bytes(&locals.0);
    out.0.extend_from_slice(&rest.0);
}

/// Reads what [`put_mentions`] wrote, with the same `entities`: one pass, its columns read
/// side by side.
pub(crate) fn take_mentions(input: &mut In, entities: &[LocalEntity]) -> Option<Vec<DocMention>> {
    let n = input.count()?;
    let tags = input.take(n)?;
    let mut locals = In(input.bytes()?);
    let mut recent: Vec<(u32, i64)> = Vec::new();
    let mut next_new = 0i64;
    let mut mentions = Vec::with_capacity(n);
    let mut prev_end = 0i64;
    for &tag in tags {
        let rank = locals.u()?;
        let start = prev_end.checked_add(input.i()?)?;
        let (local, len) = if rank == 0 {
            let l = u32::try_from(next_new.checked_add(locals.i()?)?).ok()?;
            next_new = next_new.max(i64::from(l) + 1);
            let len = if tag & SAME_LEN != 0 {
                return None;
            } else {
                input.i()?
            };
            recent.insert(0, (l, len));
            (l, len)
        } else {
            // The p-th most recent comes to the front.
            let p = usize::try_from(rank - 1).ok()?;
            let moved = recent.get_mut(..=p)?;
            moved.rotate_right(1);
            let first = moved.first_mut()?;
            if tag & SAME_LEN == 0 {
                first.1 = input.i()?;
            }
            *first
        };
        let end = start.checked_add(len)?;
        let label = if tag & LABEL_WRITTEN != 0 {
            label_of(input.byte()?)?
        } else {
            entities.get(local as usize)?.label
        };
        let (start32, end32) = (u32::try_from(start).ok()?, u32::try_from(end).ok()?);
        mentions.push(DocMention::with_level(
            start32,
            end32,
            label,
            tag & LEVEL,
            local,
        )?);
        prev_end = end;
    }
    locals.0.is_empty().then_some(mentions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(mentions: &[DocMention], entities: &[LocalEntity]) -> Vec<u8> {
        let mut out = Out::default();
        put_mentions(&mut out, mentions, entities);
        let mut input = In(&out.0);
        assert_eq!(
            take_mentions(&mut input, entities).as_deref(),
            Some(mentions)
        );
        assert!(input.0.is_empty());
        out.0
    }

    #[test]
    fn integers_read_back_and_a_malformed_one_is_refused() {
        let mut out = Out::default();
        let values = [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX];
        for v in values {
            out.u(v);
        }
        for v in [0i64, -1, 1, -64, 64, i64::MIN, i64::MAX] {
            out.i(v);
        }
        out.bytes(b"abc");
        let mut input = In(&out.0);
        for v in values {
            assert_eq!(input.u(), Some(v));
        }
        for v in [0i64, -1, 1, -64, 64, i64::MIN, i64::MAX] {
            assert_eq!(input.i(), Some(v));
        }
        assert_eq!(input.bytes(), Some(&b"abc"[..]));
        assert_eq!(input.u(), None, "at the end");
        // Eleven continuation bytes: more than 64 bits.
        assert_eq!(In(&[0xff; 11]).u(), None);
        assert_eq!(In(&[0xff, 0xff]).u(), None, "cut");
        assert_eq!(In(&[200, 1, 2]).bytes(), None, "longer than what is left");
        assert_eq!(In(&[5, 1, 2]).count(), None, "more things than bytes");
    }

    #[test]
    fn an_articles_mentions_read_back() {
        // Offsets past 128: a paragraph said a few times.
        let e = liseuse_entity::analyse(
            &"Le président Emmanuel Macron à Paris. Macron a vu Olaf Scholz à Berlin le 3 mai \
              2024, puis Macron est rentré à Paris.\n\n"
                .repeat(4),
        );
        assert!(e.mentions.len() >= 6);
        let bytes = round_trip(&e.mentions, &e.entities);
        // Smaller than postcard's (three integers each, offsets whole).
        let postcard = postcard::to_stdvec(&e.mentions).unwrap();
        assert!(
            bytes.len() * 4 <= postcard.len() * 3,
            "{} bytes for {} mentions, postcard {}",
            bytes.len(),
            e.mentions.len(),
            postcard.len()
        );
        round_trip(&[], &[]);
    }

    /// What the writer did not expect is written in full and comes back as it was.
    #[test]
    fn odd_mentions_read_back_as_they_were() {
        let e = LocalEntity::new(Label::Per, &["Jean Dupont", "Dupont"], &[], None, None);
        let m = |s: u32, t: u32, l: Label, c: u8, n: u32| DocMention::new(s, t, l, c, n);
        let odd = [
            m(50, 61, Label::Per, 90, 0),
            // Before the one before, overlapping it, another label, another length.
            m(10, 70, Label::Org, 0, 0),
            // No such entity, a later one first.
            m(0, 0, Label::Date, 100, 7),
            m(u32::MAX - 1, u32::MAX, Label::Loc, 33, 3),
            m(5, 11, Label::Per, 50, 0),
            m(5, 11, Label::Per, 50, (1 << 25) - 1),
        ];
        round_trip(&odd, std::slice::from_ref(&e));
        round_trip(&odd, &[]);
    }

    /// Every cut and every flipped byte is refused or read as something, never a panic; a
    /// count larger than what follows allocates nothing.
    #[test]
    fn damaged_mentions_are_refused_without_a_panic() {
        let e = liseuse_entity::analyse("Emmanuel Macron à Paris. Macron à Lyon. Olaf Scholz.");
        let mut out = Out::default();
        put_mentions(&mut out, &e.mentions, &e.entities);
        let good = out.0;
        for cut in 0..good.len() {
            let got = take_mentions(&mut In(&good[..cut]), &e.entities);
            assert!(got.is_none_or(|m| m.len() < e.mentions.len()), "cut {cut}");
        }
        for i in 0..good.len() {
            for bit in 0..8 {
                let mut bad = good.clone();
                bad[i] ^= 1 << bit;
                let _ = take_mentions(&mut In(&bad), &e.entities);
                let _ = take_mentions(&mut In(&bad), &[]);
            }
        }
        let mut lying = Out::default();
        lying.u(u64::MAX);
        assert_eq!(take_mentions(&mut In(&lying.0), &e.entities), None);
    }
}
