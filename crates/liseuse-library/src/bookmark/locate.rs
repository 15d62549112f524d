//! Re-anchoring: finding a bookmarked passage again in a possibly edited article.
//!
//! 1. If the passage and its context are still at the stored offsets: [`Located::Exact`].
//! 2. Otherwise everything is compared with whitespace runs collapsed (so CRLF/LF changes and
//!    re-wrapped lines don't matter), and candidates are scored by how much of the stored prefix
//!    and suffix surround them, ties going to the one nearest the old offsets:
//!    - every occurrence of the whole passage;
//!    - spans that start at the passage's head (or just after its prefix) and end at its tail (or
//!      just before its suffix), of a plausible length, for passages edited inside.
//! 3. Nothing plausible: [`Located::Orphaned`].
//!
//! Every step is a linear scan (substring search, one Aho-Corasick pass) plus work bounded by
//! constants, so it stays fast on very large texts.

use std::cell::OnceCell;
use std::ops::Range;

use aho_corasick::AhoCorasick;

use super::anchor::{Anchor, first_chars, last_chars};
use super::normalize::{Normalized, collapse};

/// Characters of the passage's head and tail used to find a passage edited inside.
const KEY_CHARS: usize = 32;
/// Keys shorter than this (in bytes) match too often to be worth searching.
const MIN_KEY_BYTES: usize = 4;
/// At most this many start (and end) candidates, the nearest to the old offset, are paired.
const MAX_CANDIDATES: usize = 512;
/// Agreement with the passage's own head/tail counts up to this many bytes.
const INSIDE_CAP: usize = 64;
/// A whole-passage match beats a head/tail span with the same context by this much.
const WHOLE_BONUS: usize = 16;
/// A head/tail span needs this much (or the whole passage if shorter) agreement with the passage.
const MIN_INSIDE: usize = 16;

/// Where a bookmarked passage is in the current text of its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Located {
    /// Found at its stored offsets, with the same text.
    Exact(Range<usize>),
    /// Found somewhere else, or found after edits (possibly inside the passage itself).
    Moved(Range<usize>),
    /// Not found: the passage was deleted or rewritten beyond recognition.
    Orphaned,
}

/// Finds `anchor`'s passage in `text`. Never panics; any range returned lies inside `text` on
/// character boundaries.
///
/// To locate several anchors in the same text, use one [`Locator`]: it collapses the whitespace
/// of the text once.
pub fn locate(anchor: &Anchor, text: &str) -> Located {
    Locator::new(text).locate(anchor)
}

/// Locates many anchors in one text, collapsing its whitespace at most once.
pub struct Locator<'t> {
    text: &'t str,
    normalized: OnceCell<Normalized>,
}

impl<'t> Locator<'t> {
    /// A locator for anchors in `text`.
    pub fn new(text: &'t str) -> Locator<'t> {
        Locator {
            text,
            normalized: OnceCell::new(),
        }
    }

    /// See [`locate`].
    pub fn locate(&self, anchor: &Anchor) -> Located {
        let text = self.text;
        if in_place(anchor, text) {
            return Located::Exact(anchor.start..anchor.end);
        }
        let norm = self.normalized.get_or_init(|| Normalized::new(text));
        let query = Query::new(anchor);
        let Some((s, e)) = search(norm, &query, anchor.start) else {
            return Located::Orphaned;
        };
        let range = norm.original(s)..norm.original(e);
        if range.start > range.end || text.get(range.clone()).is_none() {
            return Located::Orphaned;
        }
        if range == (anchor.start..anchor.end) && text.get(range.clone()) == Some(&anchor.exact[..])
        {
            Located::Exact(range)
        } else {
            Located::Moved(range)
        }
    }
}

/// The passage and its whole stored context are still at the stored offsets.
fn in_place(anchor: &Anchor, text: &str) -> bool {
    text.get(anchor.start..anchor.end) == Some(&anchor.exact[..])
        && text
            .get(..anchor.start)
            .is_some_and(|before| before.ends_with(&anchor.prefix))
        && text
            .get(anchor.end..)
            .is_some_and(|after| after.starts_with(&anchor.suffix))
}

/// The anchor's quote with whitespace collapsed, split into prefix, passage and suffix.
struct Query {
    prefix: String,
    needle: String,
    suffix: String,
}

impl Query {
    fn new(anchor: &Anchor) -> Query {
        // Collapsing is local, so collapse(p) is a prefix of collapse(p + x): this keeps a
        // whitespace run that straddles a boundary as a single space.
        let with_exact = format!("{}{}", anchor.prefix, anchor.exact);
        let all = collapse(&format!("{with_exact}{}", anchor.suffix));
        let mut a = collapse(&anchor.prefix).len().min(all.len());
        let mut b = collapse(&with_exact).len().clamp(a, all.len());
        let bytes = all.as_bytes();
        while a < b && bytes[a] == b' ' {
            a += 1;
        }
        while b > a && bytes[b - 1] == b' ' {
            b -= 1;
        }
        match (all.get(..a), all.get(a..b), all.get(b..)) {
            (Some(p), Some(n), Some(s)) => Query {
                prefix: p.to_owned(),
                needle: n.to_owned(),
                suffix: s.to_owned(),
            },
            _ => Query {
                prefix: String::new(),
                needle: collapse(anchor.exact.trim()),
                suffix: String::new(),
            },
        }
    }
}

/// Best candidate so far: (score, distance to the old offset, start, end), in normalized offsets.
#[derive(Clone, Copy)]
struct Best {
    score: usize,
    distance: usize,
    start: usize,
    end: usize,
}

impl Best {
    fn better_than(&self, other: &Option<Best>) -> bool {
        other.is_none_or(|o| (self.score, o.distance) > (o.score, self.distance))
    }
}

/// The best span of `norm` for `q`, in normalized offsets.
fn search(norm: &Normalized, q: &Query, old_start: usize) -> Option<(usize, usize)> {
    let hay = norm.text.as_bytes();
    let full_context = q.prefix.len() + q.suffix.len();
    let mut best: Option<Best> = None;
    if !q.needle.is_empty() {
        let whole = 2 * inside_cap(q) + WHOLE_BONUS;
        for (s, _) in norm.text.match_indices(&q.needle) {
            let e = s + q.needle.len();
            let score = context_before(hay, q, s) + context_after(hay, q, e) + whole;
            if best.is_some_and(|b| score < b.score) {
                continue; // (skips the offset mapping, which matters on repetitive texts)
            }
            let cand = Best {
                score,
                distance: norm.original(s).abs_diff(old_start),
                start: s,
                end: e,
            };
            if cand.better_than(&best) {
                best = Some(cand);
            }
        }
        if best.is_some_and(|b| b.score >= full_context + whole) {
            return best.map(|b| (b.start, b.end));
        }
    }
    if let Some(cand) = search_spans(norm, q, old_start)
        && cand.better_than(&best)
    {
        best = Some(cand);
    }
    best.map(|b| (b.start, b.end))
}

/// Spans from the passage's head (or the end of its prefix) to its tail (or the start of its
/// suffix): finds a passage edited inside.
fn search_spans(norm: &Normalized, q: &Query, old_start: usize) -> Option<Best> {
    let hay = norm.text.as_bytes();
    let needle_chars = q.needle.chars().count();
    let half = needle_chars.div_ceil(2).min(KEY_CHARS);
    let head = first_chars(&q.needle, half);
    let tail = last_chars(&q.needle, half);
    let before = last_chars(&q.prefix, KEY_CHARS);
    let after = first_chars(&q.suffix, KEY_CHARS);

    let mut patterns: Vec<&str> = Vec::new();
    for key in [head, tail, before, after] {
        if key.len() >= MIN_KEY_BYTES && !patterns.contains(&key) {
            patterns.push(key);
        }
    }
    if patterns.is_empty() {
        return None;
    }
    let ac = AhoCorasick::new(&patterns).ok()?;
    let (mut starts, mut ends) = (Vec::new(), Vec::new());
    for m in ac.find_overlapping_iter(hay) {
        let key = patterns[m.pattern().as_usize()];
        if key == head && head.len() >= MIN_KEY_BYTES {
            starts.push(m.start());
        }
        if key == before && before.len() >= MIN_KEY_BYTES {
            let s = m.end();
            let skip = !q.needle.is_empty() && hay.get(s) == Some(&b' ');
            starts.push(s + usize::from(skip));
        }
        if key == tail && tail.len() >= MIN_KEY_BYTES {
            ends.push(m.end());
        }
        if key == after && after.len() >= MIN_KEY_BYTES {
            let e = m.start();
            let back = !q.needle.is_empty() && e > 0 && hay.get(e - 1) == Some(&b' ');
            ends.push(e - usize::from(back));
        }
        // Keys that match everywhere ("aaaa" in "aaaaaa…"): keep memory bounded.
        if starts.len() > 4 * MAX_CANDIDATES {
            starts = nearest(norm, starts, old_start);
        }
        if ends.len() > 4 * MAX_CANDIDATES {
            ends = nearest(norm, ends, old_start);
        }
    }
    let starts = nearest(norm, starts, old_start);
    let ends = nearest(norm, ends, old_start);
    let start_scores: Vec<usize> = starts.iter().map(|&s| start_score(hay, q, s)).collect();
    let end_scores: Vec<usize> = ends.iter().map(|&e| end_score(hay, q, e)).collect();

    let n = q.needle.len();
    let (min_len, max_len) = if n == 0 {
        (0, 2 * INSIDE_CAP)
    } else {
        ((n / 2).max(1), 2 * n + INSIDE_CAP)
    };
    let min_inside = n.min(MIN_INSIDE);
    let mut best: Option<Best> = None;
    for (&s, &ss) in starts.iter().zip(&start_scores) {
        let lo = ends.partition_point(|&e| e < s + min_len);
        let hi = ends.partition_point(|&e| e <= s + max_len);
        for (&e, &es) in ends[lo..hi].iter().zip(&end_scores[lo..hi]) {
            let inside = inside_score_start(hay, q, s) + inside_score_end(hay, q, e);
            if inside < min_inside {
                continue;
            }
            let cand = Best {
                score: ss + es,
                distance: norm.original(s).abs_diff(old_start),
                start: s,
                end: e,
            };
            if cand.better_than(&best) {
                best = Some(cand);
            }
        }
    }
    best
}

/// Sorted, deduplicated positions, cut down to the [`MAX_CANDIDATES`] nearest to `old_start`.
fn nearest(norm: &Normalized, mut positions: Vec<usize>, old_start: usize) -> Vec<usize> {
    positions.sort_unstable();
    positions.dedup();
    if positions.len() > MAX_CANDIDATES {
        positions
            .select_nth_unstable_by_key(MAX_CANDIDATES, |&p| norm.original(p).abs_diff(old_start));
        positions.truncate(MAX_CANDIDATES);
        positions.sort_unstable();
    }
    positions
}

fn inside_cap(q: &Query) -> usize {
    q.needle.len().min(INSIDE_CAP)
}

/// How much of the stored prefix is just before `s`.
fn context_before(hay: &[u8], q: &Query, s: usize) -> usize {
    common_suffix(hay.get(..s).unwrap_or(&[]), q.prefix.as_bytes())
}

/// How much of the stored suffix is just after `e`.
fn context_after(hay: &[u8], q: &Query, e: usize) -> usize {
    common_prefix(hay.get(e..).unwrap_or(&[]), q.suffix.as_bytes())
}

/// How well the text at `s` agrees with the prefix before it and the passage's head after it.
fn start_score(hay: &[u8], q: &Query, s: usize) -> usize {
    context_before(hay, q, s) + inside_score_start(hay, q, s)
}

/// How well the text at `e` agrees with the passage's tail before it and the suffix after it.
fn end_score(hay: &[u8], q: &Query, e: usize) -> usize {
    inside_score_end(hay, q, e) + context_after(hay, q, e)
}

fn inside_score_start(hay: &[u8], q: &Query, s: usize) -> usize {
    let cap = inside_cap(q);
    let text = hay.get(s..).unwrap_or(&[]);
    common_prefix(&text[..text.len().min(cap)], &q.needle.as_bytes()[..cap])
}

fn inside_score_end(hay: &[u8], q: &Query, e: usize) -> usize {
    let cap = inside_cap(q);
    let text = hay.get(..e).unwrap_or(&[]);
    let needle = q.needle.as_bytes();
    common_suffix(
        &text[text.len().saturating_sub(cap)..],
        &needle[needle.len() - cap..],
    )
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    if a.starts_with(b) {
        return b.len(); // (one memcmp: the common case on repetitive texts)
    }
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    if a.ends_with(b) {
        return b.len();
    }
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}
