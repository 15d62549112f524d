//! An article's quotations as its cache body keeps them (section `quotes-v2`): 3.8 million of
//! them at 100,000 articles took 73 MB as postcard wrote them (`quotes-v1`), 57 MB with LZ4.
//! Here each is a flags byte and small numbers: offsets from the quotation before or from its
//! own start, not from the text's, and the speaker's mention left out when it is the first
//! mention of the speaker's entity (as [`super::find`] makes it), found again from the
//! article's entities when read.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::{ArticleQuote, NONE};
use crate::cache::pack::{In, Out};
use liseuse_entity::DocEntities;
use liseuse_entity::quote::QuoteKind;

const INDIRECT: u8 = 1;
const CUE: u8 = 2;
const LOCAL: u8 = 4;
/// Its mention is written: it is not the first of its entity's.
const MENTION: u8 = 8;
/// It has no mention though its entity has one.
const NO_MENTION: u8 = 16;
const DESCRIBED: u8 = 32;

/// Each entity's first mention.
fn firsts(ents: &DocEntities) -> Vec<Option<(u32, u32)>> {
    let mut firsts = vec![None; ents.entities.len()];
    for m in &ents.mentions {
        if let Some(f) = firsts.get_mut(m.local() as usize)
            && f.is_none()
        {
            *f = Some((m.start, m.end));
        }
    }
    firsts
}

fn first_of(firsts: &[Option<(u32, u32)>], local: Option<u32>) -> Option<(u32, u32)> {
    firsts.get(local? as usize).copied().flatten()
}

/// The quotations of an article whose entities are `ents`.
pub(super) fn put(quotes: &[ArticleQuote], ents: &DocEntities) -> Vec<u8> {
    put_with(quotes, &firsts(ents))
}

/// The quotations, a speaker's mention left out when it is in `firsts` (each entity's first
/// mention; none: every mention written, the bytes then read back without the entities).
pub(super) fn put_with(quotes: &[ArticleQuote], firsts: &[Option<(u32, u32)>]) -> Vec<u8> {
    let mut out = Out::default();
    out.u(quotes.len() as u64);
    let mut prev_end = 0i64;
    for q in quotes {
        let start = i64::from(q.start);
        let (cue, local, mention) = (q.cue(), q.local(), q.mention());
        let first = first_of(firsts, local);
        let mut flags = 0;
        for (on, flag) in [
            (q.kind == QuoteKind::Indirect, INDIRECT),
            (cue.is_some(), CUE),
            (local.is_some(), LOCAL),
            (mention.is_some() && mention != first, MENTION),
            (mention.is_none() && first.is_some(), NO_MENTION),
            (q.described.is_some(), DESCRIBED),
        ] {
            if on {
                flags |= flag;
            }
        }
        out.byte(flags);
        out.i(start - prev_end);
        out.i(i64::from(q.end) - start);
        for (a, b) in cue
            .into_iter()
            .chain(mention.filter(|_| flags & MENTION != 0))
        {
            out.i(i64::from(a) - start);
            out.i(i64::from(b) - i64::from(a));
        }
        if let Some(l) = local {
            out.u(u64::from(l));
        }
        if let Some(d) = q.described() {
            out.bytes(d.as_bytes());
        }
        out.byte(q.confidence);
        prev_end = i64::from(q.end);
    }
    out.0
}

/// What [`put`] wrote, with the same entities; `None` when it is damaged.
pub(super) fn take(bytes: &[u8], ents: &DocEntities) -> Option<Vec<ArticleQuote>> {
    take_with(bytes, &firsts(ents))
}

/// What [`put_with`] wrote, with the same `firsts`; `None` when it is damaged.
pub(super) fn take_with(bytes: &[u8], firsts: &[Option<(u32, u32)>]) -> Option<Vec<ArticleQuote>> {
    let mut input = In(bytes);
    let n = input.count()?;
    let mut quotes = Vec::with_capacity(n);
    let offset = |base: i64, d: i64| u32::try_from(base.checked_add(d)?).ok();
    let mut prev_end = 0i64;
    for _ in 0..n {
        let flags = input.byte()?;
        let start = offset(prev_end, input.i()?)?;
        let end = offset(i64::from(start), input.i()?)?;
        let pair = |input: &mut In| -> Option<(u32, u32)> {
            let a = offset(i64::from(start), input.i()?)?;
            Some((a, offset(i64::from(a), input.i()?)?))
        };
        let cue = if flags & CUE != 0 {
            Some(pair(&mut input)?)
        } else {
            None
        };
        let written = if flags & MENTION != 0 {
            Some(pair(&mut input)?)
        } else {
            None
        };
        let local = if flags & LOCAL != 0 {
            Some(input.u32()?)
        } else {
            None
        };
        let mention = match (written, flags & NO_MENTION != 0) {
            (Some(m), _) => Some(m),
            (None, true) => None,
            (None, false) => first_of(firsts, local),
        };
        let described = if flags & DESCRIBED != 0 {
            Some(String::from_utf8(input.bytes()?.to_vec()).ok()?)
        } else {
            None
        };
        let confidence = input.byte()?;
        // What stands for « none » in memory is not a value read.
        if [start, end, local.unwrap_or(0)].contains(&NONE) {
            return None;
        }
        let kind = if flags & INDIRECT != 0 {
            QuoteKind::Indirect
        } else {
            QuoteKind::Direct
        };
        quotes.push(ArticleQuote::new(
            start..end,
            kind,
            cue,
            local,
            mention,
            described,
            confidence,
        ));
        prev_end = i64::from(end);
    }
    input.0.is_empty().then_some(quotes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ents() -> DocEntities {
        liseuse_entity::analyse("Emmanuel Macron a parlé. Olaf Scholz aussi. Macron encore.")
    }

    fn quotes(ents: &DocEntities) -> Vec<ArticleQuote> {
        let first = ents.mentions.first().map(|m| (m.local(), (m.start, m.end)));
        let (l, m) = first.unwrap();
        vec![
            // Its speaker's first mention: not written.
            ArticleQuote::new(
                30..60,
                QuoteKind::Direct,
                Some((20, 29)),
                Some(l),
                Some(m),
                None,
                76,
            ),
            // Another mention, and none at all though it has an entity.
            ArticleQuote::new(
                70..75,
                QuoteKind::Indirect,
                None,
                Some(l),
                Some((61, 66)),
                None,
                50,
            ),
            ArticleQuote::new(71..72, QuoteKind::Indirect, None, Some(l), None, None, 0),
            // A speaker who is no entity; before the one before; an entity it does not know.
            ArticleQuote::new(
                2..9,
                QuoteKind::Direct,
                Some((40, 41)),
                None,
                None,
                Some("des habitants".into()),
                100,
            ),
            ArticleQuote::new(0..0, QuoteKind::Direct, None, Some(999), None, None, 1),
            ArticleQuote::new(
                5..u32::MAX - 1,
                QuoteKind::Direct,
                None,
                None,
                Some((3, 4)),
                None,
                255,
            ),
        ]
    }

    #[test]
    fn quotations_read_back_with_their_mentions() {
        let e = ents();
        let q = quotes(&e);
        let bytes = put(&q, &e);
        assert_eq!(take(&bytes, &e), Some(q.clone()));
        assert_eq!(take(&put(&[], &e), &e), Some(vec![]));
        // The first is a flags byte and five small numbers.
        let one = put(&q[..1], &e);
        assert!(one.len() <= 1 + 1 + 6 + 1 + 1, "{one:?}");
    }

    #[test]
    fn damaged_quotations_are_refused_without_a_panic() {
        let e = ents();
        let good = put(&quotes(&e), &e);
        for cut in 0..good.len() {
            assert_eq!(take(&good[..cut], &e), None, "cut at {cut}");
        }
        for i in 0..good.len() {
            for bit in 0..8 {
                let mut bad = good.clone();
                bad[i] ^= 1 << bit;
                let _ = take(&bad, &e);
            }
        }
        let mut lying = Out::default();
        lying.u(u64::MAX);
        assert_eq!(take(&lying.0, &e), None);
        let mut trailing = good.clone();
        trailing.push(0);
        assert_eq!(take(&trailing, &e), None);
    }
}
