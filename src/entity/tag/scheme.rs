//! The tags of the sequence model: BILOU over the three learned labels (PER, ORG, LOC), and which tag may follow
//! which. Dates are not learned: they follow our own convention, found by rules (see `date.rs`).

use crate::entity::Label;

/// The labels the tagger learns, in tag order.
pub const LABELS: [Label; 3] = [Label::Per, Label::Org, Label::Loc];

/// `O`, then for each label `B`, `I`, `L`, `U`.
pub const N_TAGS: usize = 1 + 4 * LABELS.len();

/// A score vector is padded to this many lanes, so that adding two is a few wide instructions.
pub const LANES: usize = 16;

pub const O: u8 = 0;

/// Where a token stands in its mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

/// The tag of `part` of a mention of label index `label` (0 PER, 1 ORG, 2 LOC).
pub const fn tag(label: usize, part: Part) -> u8 {
    let p = match part {
        Part::Begin => 0,
        Part::Inside => 1,
        Part::Last => 2,
        Part::Unit => 3,
    };
    (1 + 4 * label + p) as u8
}

/// The label index and part of a tag, `None` for `O`.
pub fn split(tag: u8) -> Option<(usize, Part)> {
    if tag == O || usize::from(tag) >= N_TAGS {
        return None;
    }
    let t = usize::from(tag) - 1;
    let part = match t % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    Some((t / 4, part))
}

/// A tag that ends a mention or stands outside one: what may come before `B`, `U` or `O`.
fn closes(tag: u8) -> bool {
    matches!(split(tag), None | Some((_, Part::Last | Part::Unit)))
}

/// Whether `next` may follow `prev`.
pub fn allowed(prev: u8, next: u8) -> bool {
    match split(next) {
        None | Some((_, Part::Begin | Part::Unit)) => closes(prev),
        Some((l, Part::Inside | Part::Last)) => {
            matches!(split(prev), Some((p, Part::Begin | Part::Inside)) if p == l)
        }
    }
}

/// Whether a tag may start a sequence (after an `O`), and whether it may end one (before an `O`).
pub fn may_start(tag: u8) -> bool {
    allowed(O, tag)
}
pub fn may_end(tag: u8) -> bool {
    closes(tag)
}

/// Tags of a sequence of tokens given its mentions as `(first token, end token, label index)`, sorted and
/// disjoint.
pub fn encode(n: usize, mentions: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut tags = vec![O; n];
    for &(a, e, l) in mentions {
        if a >= e || e > n {
            continue;
        }
        if e == a + 1 {
            if let Some(t) = tags.get_mut(a) {
                *t = tag(l, Part::Unit);
            }
            continue;
        }
        for (j, t) in tags.iter_mut().enumerate().take(e).skip(a) {
            *t = if j == a {
                tag(l, Part::Begin)
            } else if j + 1 == e {
                tag(l, Part::Last)
            } else {
                tag(l, Part::Inside)
            };
        }
    }
    tags
}

/// The mentions `(first token, end token, label index)` of a tag sequence. A sequence that breaks the rules
/// (as a perceptron's guess may not, but a hand-made one can) is read leniently: a mention runs from a `B` to
/// its `L`.
pub fn decode(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match split(t) {
            None => open = None,
            Some((l, Part::Unit)) => {
                open = None;
                out.push((i, i + 1, l));
            }
            Some((l, Part::Begin)) => open = Some((i, l)),
            Some((l, Part::Inside)) => {
                if open.is_none_or(|(_, ol)| ol != l) {
                    open = Some((i, l));
                }
            }
            Some((l, Part::Last)) => {
                let a = match open {
                    Some((a, ol)) if ol == l => a,
                    _ => i,
                };
                out.push((a, i + 1, l));
                open = None;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_and_decode_agree() {
        let m = vec![(0, 2, 0), (3, 4, 2), (5, 8, 1)];
        let tags = encode(9, &m);
        assert_eq!(decode(&tags), m);
        for w in tags.windows(2) {
            assert!(allowed(w[0], w[1]), "{tags:?}");
        }
        assert!(may_start(tags[0]) && may_end(tags[8]));
    }

    #[test]
    fn transitions() {
        let b = tag(0, Part::Begin);
        let l_per = tag(0, Part::Last);
        let l_org = tag(1, Part::Last);
        assert!(allowed(b, l_per) && !allowed(b, l_org) && !allowed(O, l_per));
        assert!(!allowed(b, O) && allowed(l_per, O) && allowed(l_per, b));
        assert_eq!(N_TAGS, 13);
        assert!(N_TAGS <= LANES);
    }
}
