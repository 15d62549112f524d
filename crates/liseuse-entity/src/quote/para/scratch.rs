//! The buffers a paragraph is read with, handed from one paragraph (and one document) to the next, and where a
//! paragraph's first token and mention are looked for from where the paragraph before ended.

use super::Tok;
use crate::quote::marks::Marked;
use crate::quote::{Cand, Quote};
use crate::text::token::Token;

/// The buffers of a paragraph, handed from one paragraph to the next: once they have grown to the longest
/// paragraph, reading one allocates nothing.
#[derive(Default)]
pub struct Scratch {
    pub(super) raw: Vec<Token>,
    pub(super) toks: Vec<Tok>,
    pub(super) quotes: Vec<Marked>,
    pub(super) sent: Vec<u32>,
    pub(super) sent_starts: Vec<usize>,
    pub(super) cues: Vec<usize>,
    pub(super) colons: Vec<usize>,
    pub(super) named: Vec<usize>,
    pub(super) marks: Vec<usize>,
    /// The marks a sentence may end on (final marks, quotation marks), in order.
    pub(super) stops: Vec<usize>,
    /// A word lower-cased for its lookup.
    pub buf: String,
    /// A paragraph's candidates, and its direct quotations by start, while they are settled (`super::settle`).
    pub cands: Vec<Cand>,
    pub directs: Vec<(usize, usize, usize)>,
    /// A document's quotations while they are found.
    pub found: Vec<Quote>,
    /// Where the last paragraph's tokens and mentions ended: the next paragraph's are looked for from there
    /// (see [`seek`]); reset for each document.
    pub(super) tok_from: usize,
    pub(super) ment_from: usize,
}

/// Buffers past this many tokens (a few megabytes) are not kept for the next document.
const KEEP_TOKENS: usize = 1 << 16;

thread_local! {
    /// The paragraph buffers of the thread's last document: a library's documents are read one after another
    /// on each thread of its pool, and the next starts with buffers grown already.
    static KEPT: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

impl Scratch {
    /// The thread's buffers, as its last document left them (empty at first), for a new document.
    pub fn take() -> Scratch {
        let mut s = KEPT.with(std::cell::Cell::take);
        (s.tok_from, s.ment_from) = (0, 0);
        s
    }

    /// Keeps the buffers for the thread's next document, unless a huge paragraph grew them.
    pub fn keep(self) {
        if self.toks.capacity() <= KEEP_TOKENS
            && self.raw.capacity() <= KEEP_TOKENS
            && self.cands.capacity() <= KEEP_TOKENS / 16
            && self.found.capacity() <= KEEP_TOKENS / 16
        {
            KEPT.with(|k| k.set(self));
        }
    }
}

/// Makes `v` empty with room for `n`: a buffer too small is replaced rather than grown, which would copy what it
/// held (of no use any more) at every doubling.
pub(super) fn room<T>(v: &mut Vec<T>, n: usize) {
    v.clear();
    if v.capacity() < n {
        *v = Vec::with_capacity(n.max(2 * v.capacity()));
    }
}

/// `v.partition_point(pred)` (`pred` true then false along `v`), looked for from `hint` first: a document's
/// paragraphs come in order, and the next one's first token or mention is where the last one's ended, or a few
/// further; two binary searches over the whole text's tokens for each paragraph cost more. A hint past the
/// answer is not used.
pub(super) fn seek<T>(v: &[T], hint: usize, pred: impl Fn(&T) -> bool) -> usize {
    const NEAR: usize = 8;
    let before_holds = match hint.checked_sub(1) {
        None => true,
        Some(h) => v.get(h).is_some_and(&pred),
    };
    if !before_holds {
        return v.partition_point(pred);
    }
    let mut i = hint;
    while i < hint + NEAR {
        match v.get(i) {
            Some(x) if pred(x) => i += 1,
            _ => return i,
        }
    }
    i + v.get(i..).unwrap_or_default().partition_point(pred)
}
