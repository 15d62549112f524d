//! What a paragraph's candidates come to once their speakers are known: too short, a title, a quotation without
//! speaker that reads as no sentence are dropped; a clause that is mostly one quotation is that quotation, the
//! fragments quoted inside a clause are the clause's.

use super::{Cand, Path, QuoteKind};

/// Settles what a paragraph found: a quotation of fewer than three words, a title or a quotation without
/// speaker that reads as no sentence is dropped; a clause that is mostly one quotation is that quotation
/// (« a déclaré qu'« il ne pourra plus … » »), the fragments quoted inside a clause are the clause's.
pub(super) fn settle(text: &str, cands: &mut [Cand], directs: &mut Vec<(usize, usize, usize)>) {
    for c in cands.iter_mut() {
        if c.kind != QuoteKind::Direct {
            // a report of one word is no clause, nor one of two unless a subject and its verb (« a annoncé qu'il
            // démissionnait », "said he resigned"; not « a dit non merci »)
            let words = text.get(c.start..c.end).unwrap_or("");
            let n = word_count(words, 3);
            if n < 2 || (n == 2 && !subject_and_verb(words)) {
                c.keep = false;
            }
            continue;
        }
        let words = word_count(text.get(c.start..c.end).unwrap_or(""), 3);
        let no_cue = c.path == Path::None;
        if words < 3
            || (c.title_like && no_cue)
            || (no_cue && c.speaker.is_none() && !c.sentence_like)
        {
            c.keep = false;
        }
        if c.title_like || c.term_like {
            c.keep = false;
        }
        // a statement after a colon is kept only when someone is found to have said it
        if c.no_marks && c.speaker.is_none() {
            c.keep = false;
        }
    }
    // the direct quotations by start (they do not overlap one another): each clause meets its own only
    directs.clear();
    directs.extend(
        cands
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind == QuoteKind::Direct)
            .map(|(j, c)| (c.start, c.end, j)),
    );
    directs.sort_unstable();
    for i in 0..cands.len() {
        let Some((start, end, speaker)) = cands
            .get(i)
            .filter(|c| c.kind == QuoteKind::Indirect && c.keep)
            .map(|c| (c.start, c.end, c.speaker.clone()))
        else {
            continue;
        };
        let ind = Span { start, end };
        let len = ind.end.saturating_sub(ind.start).max(1);
        let from = directs.partition_point(|&(_, e, _)| e <= ind.start);
        let inside = || {
            directs
                .get(from..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&(s, _, _)| s < ind.end)
                .map(|&(_, _, j)| j)
        };
        // one quotation makes half of the clause or more (« a déclaré qu'« il ne pourra plus … » »): it is the
        // report; otherwise the clause is, and the words quoted inside it are fragments of it
        let covered = inside()
            .filter_map(|j| cands.get(j))
            .any(|d| d.end > ind.start && (d.end.min(ind.end) - d.start.max(ind.start)) * 2 >= len);
        // a clause that is nothing but quotations joined by a comma or a conjunction (« affirme que « … », « … »
        // et « … » »): each is a report (not « que cette menace « … », « … » », whose subject is the reporter's)
        let list = !covered && inside().count() >= 2 && {
            let (mut outside, mut at) = (0, ind.start);
            for d in inside().filter_map(|j| cands.get(j)) {
                let n = word_count(text.get(at..d.start).unwrap_or(""), 3);
                outside += if at == ind.start { 2 * n } else { n };
                at = at.max(d.end);
            }
            outside + word_count(text.get(at..ind.end).unwrap_or(""), 3) <= 1
        };
        let covered = covered || list;
        let (from, to) = (from, from + inside().count());
        for k in from..to {
            let Some(&(_, _, j)) = directs.get(k) else {
                continue;
            };
            let Some(d) = cands.get_mut(j) else { continue };
            if d.end <= ind.start {
                continue;
            }
            let overlap = d.end.min(ind.end) - d.start.max(ind.start);
            if overlap * 2 >= len || (list && d.start >= ind.start && d.end <= ind.end) {
                if d.speaker.is_none() {
                    d.speaker = speaker.clone();
                }
                d.keep = true;
            } else if d.start >= ind.start && d.end <= ind.end {
                d.keep = false;
            }
        }
        if covered && let Some(c) = cands.get_mut(i) {
            c.keep = false;
        }
    }
}

/// Whether two words are a clause of their own: a subject pronoun or a name, then a word in lower case (« il
/// démissionnait », « Macron ment », "he resigned").
fn subject_and_verb(words: &str) -> bool {
    let mut it = words.split_whitespace();
    let (Some(a), Some(b)) = (it.next(), it.next()) else {
        return false;
    };
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let pronoun = matches!(
        a.to_lowercase().as_str(),
        "il" | "elle"
            | "ils"
            | "elles"
            | "on"
            | "he"
            | "she"
            | "they"
            | "we"
            | "it"
            | "nous"
            | "vous"
    );
    let name = a.chars().next().is_some_and(char::is_uppercase) && a.chars().count() > 1;
    (pronoun || name) && lower(b) && b.chars().all(|ch| ch.is_alphabetic() || ch == '-')
}

/// A byte range of the text.
struct Span {
    start: usize,
    end: usize,
}

/// What [`word_count`] reads of each byte: [`SPACE`] for an ASCII space, [`ALNUM`] for an ASCII letter or digit,
/// [`HIGH`] for a byte past ASCII, 0 for the rest (punctuation).
// Evaluated at compile time: an index out of bounds would be a compile error, never a panic.
#[allow(clippy::indexing_slicing)]
static BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            HIGH
        } else if c.is_ascii_whitespace() {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    t
};
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const HIGH: u8 = 4;

/// Words as a reader counts them, up to `most`: runs between spaces holding a letter or a digit
/// (« l'inondation d'Al-Aqsa » is two). A byte at a time, one table read each (a word once counted is skipped
/// to its end by a loop of its own), a char decoded only beyond ASCII.
pub(crate) fn word_count(s: &str, most: usize) -> usize {
    let bytes = s.as_bytes();
    let class = |i: usize| {
        bytes
            .get(i)
            .map(|&b| BYTE.get(usize::from(b)).copied().unwrap_or(0))
    };
    let (mut n, mut counted) = (0, false);
    let mut i = 0;
    while n < most
        && let Some(c) = class(i)
    {
        if c & HIGH == 0 {
            i += 1;
            if c == SPACE {
                counted = false;
            } else if c == ALNUM && !counted {
                n += 1;
                counted = true;
            }
            if counted {
                // the rest of the word: only a space or a char past ASCII may end it
                while class(i).is_some_and(|c| c & (SPACE | HIGH) == 0) {
                    i += 1;
                }
            }
            continue;
        }
        let c = s.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
        i += c.len_utf8();
        if c == '\u{a0}' || c == '\u{202f}' {
            counted = false;
        } else if !counted && c.is_alphanumeric() {
            n += 1;
            counted = true;
        }
    }
    n
}

impl Cand {
    /// Whether the candidate reads as a sentence of its own (a quotation without cue is kept only then):
    /// five words or more ending on a final mark, or eight words or more.
    pub fn reads_as_sentence(text: &str, start: usize, end: usize) -> bool {
        let s = text.get(start..end).unwrap_or("");
        let words = word_count(s, 8);
        let final_mark = s.trim_end().ends_with(['.', '!', '?', '…']);
        (words >= 5 && final_mark) || words >= 8
    }
}
