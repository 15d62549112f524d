//! One paragraph as the quotation stage reads it: its tokens (the entity tokenizer's), what each word is to the
//! stage (its [`W`] bits), the entity mention it belongs to, the quotation it stands in, and its sentences, cut
//! outside quotations only (a period inside « … » ends no sentence of the paragraph unless the quotation ends
//! there).

mod scratch;
mod sentences;

pub use scratch::Scratch;
use scratch::{room, seek};

use super::lexicon::{Lang, Lexicon, W};
use super::marks::{self, Marked};
use super::word::{Words, word_bits};
use crate::DocEntities;

use crate::text::token::{self, Token};

/// No mention, no quotation.
pub const NONE: u32 = u32::MAX;

/// The longest reported clause or statement read, in tokens: a sentence of a megabyte (a file without
/// punctuation) costs what its pieces cost, never a walk across all of it per cue.
pub const MAX_CLAUSE: usize = 160;

/// What a comma between digits (« 92,000 ») reads as: no clause's bound.
const DIGIT_GROUP: char = '\u{2009}';

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    /// The word packed with its ASCII letters lower-cased ([`super::word::key`]), 0 for a punctuation mark or a word of more
    /// than 15 bytes.
    pub key: u128,
    pub start: u32,
    pub end: u32,
    /// The tokenizer's flags (`token::CAP`, `token::PUNCT`, …).
    pub flags: u16,
    /// A punctuation mark's char, '\0' for a word.
    pub punct: char,
    /// The word's [`W`] bits.
    pub w: u32,
    /// The index of the document mention it belongs to, or [`NONE`].
    pub ment: u32,
    /// The index in [`Para::quotes`] of the quotation it stands in (its marks included), or [`NONE`].
    pub q: u32,
}

impl Tok {
    #[inline]
    pub fn is_word(&self) -> bool {
        self.flags & token::PUNCT == 0
    }
    #[inline]
    pub fn is(&self, bits: u32) -> bool {
        self.w & bits != 0
    }
    #[inline]
    pub fn cap(&self) -> bool {
        self.is_word() && self.flags & (token::CAP | token::UPPER) != 0
    }
}

pub struct Para<'a> {
    pub text: &'a str,
    pub doc: &'a DocEntities,
    pub lex: &'static Lexicon,
    pub toks: Vec<Tok>,
    /// The quotations between marks, outermost only, in text order.
    pub quotes: Vec<Marked>,
    /// Each token's sentence, counted from 0 in the paragraph.
    pub sent: Vec<u32>,
    /// Where each sentence starts (token index).
    pub sent_starts: Vec<usize>,
    /// The words that may open a report outside quotations (a speech verb, a source, a statement), in order:
    /// the only tokens the search for indirect speech starts from.
    pub cues: Vec<usize>,
    /// The colons (not a time's, « 20:00 »), in order: the only tokens a statement after a colon is looked for
    /// from (`colon_statements`), not every token of the paragraph.
    pub colons: Vec<usize>,
    /// The subjects read before its verbs, kept for a second reading ([`Para::subject_before`]).
    pub subjects: super::cue::Subjects,
    /// The tokens that stand in a mention, in order: where a sentence's names are looked for
    /// (`Discourse::sentence`), not at every token of the sentence.
    pub named: Vec<usize>,
}

/// Gives each token of `toks` (in text order) the mention it stands in, whole: a mention's tokens are found from
/// its start, mention after mention, walking on from the last one's end (one pass over the paragraph). The
/// mentions are sorted and do not overlap. Returns the first mention past the paragraph's (where the next
/// paragraph's are looked for from, [`seek`]'s hint). The tokens given a mention are listed in `named`.
fn mark_mentions(
    toks: &mut [Tok],
    mentions: &[crate::DocMention],
    hint: usize,
    range: &std::ops::Range<usize>,
    named: &mut Vec<usize>,
) -> usize {
    let mut m = seek(mentions, hint, |x| (x.end as usize) <= range.start);
    let mut k = 0;
    while let Some(x) = mentions.get(m) {
        if x.start as usize >= range.end {
            break;
        }
        // the mention's first token: a few tokens on, walked to (a search costs more than the walk)
        while toks.get(k).is_some_and(|t| t.start < x.start) {
            k += 1;
        }
        while let Some(t) = toks.get_mut(k).filter(|t| t.start < x.end) {
            if t.end <= x.end {
                t.ment = m as u32;
                named.push(k);
            }
            k += 1;
        }
        m += 1;
    }
    m
}

impl<'a> Para<'a> {
    /// Reads `text[range]` with the buffers of `scratch` (give them back with [`Para::recycle`]); `shared` are
    /// the whole text's tokens when the entity stage kept them (`crate::analyse_tokens`), else the paragraph is
    /// tokenised here.
    pub fn new(
        text: &'a str,
        range: std::ops::Range<usize>,
        lex: &'static Lexicon,
        doc: &'a DocEntities,
        scratch: &mut Scratch,
        shared: Option<&[Token]>,
    ) -> Para<'a> {
        let slice = text.get(range.clone()).unwrap_or("");
        let (raw, base): (&[Token], u32) = match shared {
            Some(all) => {
                let a = seek(all, scratch.tok_from, |t| (t.start as usize) < range.start);
                // the tokens' ends grow as their starts do: the same bound as a search of all of them
                let rest = all.get(a..).unwrap_or_default();
                let b = a + rest.partition_point(|t| (t.end as usize) <= range.end);
                scratch.tok_from = b;
                (all.get(a..b).unwrap_or_default(), 0)
            }
            None => {
                token::tokenize_into(slice, &mut scratch.raw);
                (&scratch.raw, range.start as u32)
            }
        };
        let mut toks = std::mem::take(&mut scratch.toks);
        let mut cues = std::mem::take(&mut scratch.cues);
        let mut colons = std::mem::take(&mut scratch.colons);
        room(&mut toks, raw.len());
        cues.clear();
        colons.clear();
        let (marks_at, stops) = (&mut scratch.marks, &mut scratch.stops);
        marks_at.clear();
        stops.clear();
        for t in raw {
            let (start, end) = (t.start + base, t.end + base);
            let mut punct = t.punct;
            let (w, key) = if t.flags & token::PUNCT == 0 {
                word_bits(lex, text, t, base as usize, &mut scratch.buf)
            } else {
                // An apostrophe is never a quotation mark: « l'Iran », « qu'il », « Apple's » read as words.
                // (a word's char is '\0': only a mark is tested)
                if matches!(punct, '\'' | '’') {
                    continue;
                }
                // a comma inside a number (« 92,000 ») or the colon of a time (« 20:00 ») is no punctuation of
                // the sentence
                if matches!(punct, ',' | ':')
                    && text
                        .as_bytes()
                        .get(start as usize + 1)
                        .is_some_and(u8::is_ascii_digit)
                    && (start as usize)
                        .checked_sub(1)
                        .and_then(|b| text.as_bytes().get(b))
                        .is_some_and(u8::is_ascii_digit)
                {
                    punct = DIGIT_GROUP;
                } else if punct == ':' {
                    colons.push(toks.len());
                }
                if marks::is_mark(t.punct) {
                    marks_at.push(toks.len());
                    stops.push(toks.len());
                } else if matches!(t.punct, '.' | '!' | '?' | '…') {
                    stops.push(toks.len());
                }
                (0, 0)
            };
            if w & (W::SAY | W::ACCORDING | W::NOUN) != 0 {
                cues.push(toks.len());
            }
            toks.push(Tok {
                key,
                start,
                end,
                flags: t.flags,
                punct,
                w,
                ment: NONE,
                q: NONE,
            });
        }
        // the paragraph's first token opens a line and a sentence, whichever way it was tokenised (set here, not
        // tested at every token)
        if raw.first().is_some_and(|t| !matches!(t.punct, '\'' | '’'))
            && let Some(first) = toks.first_mut()
        {
            first.flags |= token::NL | token::SENT;
        }
        let mut named = std::mem::take(&mut scratch.named);
        named.clear();
        scratch.ment_from = mark_mentions(
            &mut toks,
            &doc.mentions,
            scratch.ment_from,
            &range,
            &mut named,
        );
        let mut quotes = std::mem::take(&mut scratch.quotes);
        marks::pair(text, &toks, range.end, &mut quotes, &scratch.marks);
        for (qi, q) in quotes.iter().enumerate() {
            let last = q.close.unwrap_or(q.last).min(toks.len().saturating_sub(1));
            for t in toks.get_mut(q.open..=last).into_iter().flatten() {
                t.q = qi as u32;
            }
        }
        let mut p = Para {
            text,
            doc,
            lex,
            toks,
            quotes,
            sent: std::mem::take(&mut scratch.sent),
            sent_starts: std::mem::take(&mut scratch.sent_starts),
            cues,
            colons,
            subjects: super::cue::Subjects::default(),
            named,
        };
        p.split_sentences(&scratch.stops);
        p
    }

    /// Gives the paragraph's buffers back for the next one.
    pub fn recycle(self, scratch: &mut Scratch) {
        scratch.toks = self.toks;
        scratch.quotes = self.quotes;
        scratch.sent = self.sent;
        scratch.sent_starts = self.sent_starts;
        scratch.cues = self.cues;
        scratch.colons = self.colons;
        scratch.named = self.named;
    }

    pub fn lang(&self) -> Lang {
        self.lex.lang
    }

    #[inline]
    pub fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// The token's text.
    pub fn s(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start as usize..t.end as usize))
            .unwrap_or("")
    }

    /// Token `i` is the word `w` (its ASCII letters in any case): `w` packed by [`super::word::key`] (see [`words!`]).
    #[inline]
    pub fn is_word(&self, i: usize, w: u128) -> bool {
        self.toks.get(i).is_some_and(|t| t.key == w && w != 0)
    }

    /// Whether the token is one of these words (ASCII letters in any case), given packed by [`words!`]: one
    /// integer comparison each, no string read.
    #[inline]
    pub fn any(&self, i: usize, words: &Words) -> bool {
        // the list's filter first (most tokens are none of the words), then the keys' low halves: one comparison
        // with each word, the high half only where the low one matches
        self.toks.get(i).is_some_and(|t| {
            let low = t.key as u64;
            words.may_hold(low)
                && t.key != 0
                && words.keys.iter().any(|&w| w as u64 == low && w == t.key)
        })
    }

    pub fn w(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(0, |t| t.w)
    }

    pub fn punct(&self, i: usize) -> char {
        self.toks.get(i).map_or('\0', |t| t.punct)
    }

    pub fn sent_of(&self, i: usize) -> u32 {
        self.sent.get(i).copied().unwrap_or(0)
    }

    /// The first token of token `i`'s sentence.
    pub fn sent_start(&self, i: usize) -> usize {
        self.sent_starts
            .get(self.sent_of(i) as usize)
            .copied()
            .unwrap_or(0)
    }

    /// One past the last token of token `i`'s sentence.
    pub fn sent_end(&self, i: usize) -> usize {
        self.sent_starts
            .get(self.sent_of(i) as usize + 1)
            .copied()
            .unwrap_or(self.toks.len())
    }

    /// The quotation token `i` stands in (its marks included).
    pub fn quote_at(&self, i: usize) -> Option<usize> {
        self.toks
            .get(i)
            .filter(|t| t.q != NONE)
            .map(|t| t.q as usize)
    }
}
