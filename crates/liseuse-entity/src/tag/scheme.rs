//! The tags of the sequence model: BIO over the three learned labels (PER, ORG, LOC), and which tag may follow
//! which. Dates are not learned: they follow our own convention, found by rules (see `date.rs`).
//!
//! BIO rather than BILOU: seven tags fit a score vector of eight lanes, and decoding costs the square of the
//! tag count; on the held-out articles BILOU was no better (see `examples/train.rs`).

use crate::Label;

/// The labels the tagger learns, in tag order.
pub const LABELS: [Label; 3] = [Label::Per, Label::Org, Label::Loc];

/// `O`, then for each label `B` and `I`.
pub const N_TAGS: usize = 1 + 2 * LABELS.len();

/// A score vector is padded to this many lanes, so that adding two is a few wide instructions.
pub const LANES: usize = 8;

/// The tag of a token outside any mention.
pub const O: u8 = 0;

const _: () = assert!(N_TAGS <= LANES);

/// Where a token stands in its mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The mention's first token.
    Begin,
    /// A token after its first.
    Inside,
}

/// The tag of `part` of a mention of label index `label` (0 PER, 1 ORG, 2 LOC).
pub const fn tag(label: usize, part: Part) -> u8 {
    let p = match part {
        Part::Begin => 0,
        Part::Inside => 1,
    };
    (1 + 2 * label + p) as u8
}

/// The label index and part of a tag, `None` for `O`.
pub fn split(tag: u8) -> Option<(usize, Part)> {
    if tag == O || usize::from(tag) >= N_TAGS {
        return None;
    }
    let t = usize::from(tag) - 1;
    let part = if t % 2 == 0 {
        Part::Begin
    } else {
        Part::Inside
    };
    Some((t / 2, part))
}

/// Whether `next` may follow `prev`: an `I` only continues a mention of its label.
pub fn allowed(prev: u8, next: u8) -> bool {
    match split(next) {
        None | Some((_, Part::Begin)) => true,
        Some((l, Part::Inside)) => matches!(split(prev), Some((p, _)) if p == l),
    }
}

/// Tags of a sequence of tokens given its mentions as `(first token, end token, label index)`, sorted and
/// disjoint.
pub fn encode(n: usize, mentions: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut tags = vec![O; n];
    for &(a, e, l) in mentions {
        if a >= e || e > n {
            continue;
        }
        for (j, t) in tags.iter_mut().enumerate().take(e).skip(a) {
            *t = tag(l, if j == a { Part::Begin } else { Part::Inside });
        }
    }
    tags
}

/// The mentions `(first token, end token, label index)` of a tag sequence; an `I` without its `B` (which the
/// decoder never gives) opens a mention.
pub fn decode(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    decode_into(tags, &mut out);
    out
}

/// [`decode`] into `out` (emptied first), so that a buffer serves every run of a text.
pub fn decode_into(tags: &[u8], out: &mut Vec<(usize, usize, usize)>) {
    out.clear();
    let mut open: Option<(usize, usize)> = None;
    let close = |open: &mut Option<(usize, usize)>, i: usize, out: &mut Vec<_>| {
        if let Some((a, l)) = open.take() {
            out.push((a, i, l));
        }
    };
    for (i, &t) in tags.iter().enumerate() {
        match split(t) {
            None => close(&mut open, i, out),
            Some((l, Part::Begin)) => {
                close(&mut open, i, out);
                open = Some((i, l));
            }
            Some((l, Part::Inside)) => {
                if open.is_none_or(|(_, ol)| ol != l) {
                    close(&mut open, i, out);
                    open = Some((i, l));
                }
            }
        }
    }
    close(&mut open, tags.len(), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_and_decode_agree() {
        let m = vec![(0, 2, 0), (2, 3, 2), (5, 8, 1)];
        let tags = encode(9, &m);
        assert_eq!(decode(&tags), m);
        for w in tags.windows(2) {
            assert!(allowed(w[0], w[1]), "{tags:?}");
        }
    }

    #[test]
    fn transitions() {
        let b = tag(0, Part::Begin);
        let i_per = tag(0, Part::Inside);
        let i_org = tag(1, Part::Inside);
        assert!(allowed(b, i_per) && !allowed(b, i_org) && !allowed(O, i_per));
        assert!(allowed(b, O) && allowed(i_per, b));
        assert_eq!(N_TAGS, 7);
    }
}
