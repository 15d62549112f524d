//! One paragraph as the quotation stage reads it: its tokens (the entity tokenizer's), what each word is to the
//! stage (its [`W`] bits), the entity mention it belongs to, the quotation it stands in, and its sentences, cut
//! outside quotations only (a period inside « … » ends no sentence of the paragraph unless the quotation ends
//! there).

use super::lexicon::{Lang, Lexicon, W};
use super::marks::{self, Marked};
use crate::DocEntities;
use crate::text::fold::pack_in;
use crate::text::token::{self, Token};

/// No mention, no quotation.
pub const NONE: u32 = u32::MAX;

/// The longest reported clause or statement read, in tokens: a sentence of a megabyte (a file without
/// punctuation) costs what its pieces cost, never a walk across all of it per cue.
pub const MAX_CLAUSE: usize = 160;

#[derive(Clone, Copy, Debug)]
pub struct Tok {
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
}

/// Abbreviations after which a period ends no sentence.
const ABBREV: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "mr", "mrs", "ms", "jr", "sr",
    "inc", "co", "corp", "ltd", "no", "etc", "av", "apr", "vs", "gen", "gov", "sen", "rep", "lt",
    "col", "capt", "prof",
];

impl<'a> Para<'a> {
    /// Reads `text[range]`. `mentions` are the document's, sorted; `from` is where to start looking in them.
    pub fn new(
        text: &'a str,
        range: std::ops::Range<usize>,
        lex: &'static Lexicon,
        doc: &'a DocEntities,
        buf: &mut String,
    ) -> Para<'a> {
        let slice = text.get(range.clone()).unwrap_or("");
        let base = range.start as u32;
        let raw = token::tokenize(slice);
        let mut toks = Vec::with_capacity(raw.len());
        let mut m = doc
            .mentions
            .partition_point(|x| (x.end as usize) <= range.start);
        for t in raw.iter() {
            // An apostrophe is never a quotation mark: « l'Iran », « qu'il », « Apple's » read as words.
            if matches!(t.punct, '\'' | '’') {
                continue;
            }
            let (start, end) = (t.start + base, t.end + base);
            while doc.mentions.get(m).is_some_and(|x| x.end <= start) {
                m += 1;
            }
            let ment = match doc.mentions.get(m) {
                Some(x) if x.start <= start && end <= x.end => m as u32,
                _ => NONE,
            };
            let w = if t.flags & token::PUNCT == 0 {
                word_bits(lex, slice, t, buf)
            } else {
                0
            };
            toks.push(Tok {
                start,
                end,
                flags: t.flags,
                punct: t.punct,
                w,
                ment,
                q: NONE,
            });
        }
        let quotes = marks::pair(text, &toks, range.end);
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
            sent: Vec::new(),
            sent_starts: Vec::new(),
        };
        p.split_sentences();
        p
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

    /// The folded text of token `i` is `w`.
    pub fn is_word(&self, i: usize, w: &str) -> bool {
        let s = self.s(i);
        s.len() == w.len() && s.eq_ignore_ascii_case(w)
    }

    /// Whether the token is one of these (ASCII, any case).
    pub fn any(&self, i: usize, words: &[&str]) -> bool {
        let s = self.s(i);
        words.iter().any(|w| s.eq_ignore_ascii_case(w))
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

    fn split_sentences(&mut self) {
        let n = self.toks.len();
        self.sent = vec![0; n];
        self.sent_starts = vec![0];
        let mut cur = 0u32;
        let mut i = 0;
        while i < n {
            if let Some(s) = self.sent.get_mut(i) {
                *s = cur;
            }
            if self.ends_sentence(i) && i + 1 < n {
                cur += 1;
                self.sent_starts.push(i + 1);
            }
            i += 1;
        }
    }

    /// Whether a sentence ends after token `i`: a final mark outside quotations, or a quotation closed after a
    /// final mark, followed by a capital, a quotation mark or a number.
    fn ends_sentence(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        // words end no sentence: most tokens stop here
        if t.is_word() {
            return false;
        }
        let Some(next) = self.toks.get(i + 1) else {
            return true;
        };
        let next_opens = next.cap()
            || matches!(
                next.punct,
                '«' | '“' | '"' | '‹' | '„' | '(' | '[' | '—' | '–' | '-'
            )
            || next.flags & token::DIGIT != 0;
        if t.q != NONE {
            // inside a quotation: only its closing mark, after a final mark
            let q = self.quotes.get(t.q as usize);
            let closes_here = q.is_some_and(|q| q.close == Some(i));
            let final_inside = i
                .checked_sub(1)
                .and_then(|k| self.toks.get(k))
                .is_some_and(|p| matches!(p.punct, '.' | '!' | '?' | '…'));
            return closes_here && final_inside && next_opens;
        }
        if !matches!(t.punct, '.' | '!' | '?' | '…') {
            return false;
        }
        if next.flags & (token::SPACE | token::NL) == 0 && next.is_word() {
            return false; // « 3.5 », « U.S. »
        }
        if t.punct == '.' && i > 0 {
            let prev = self.s(i - 1);
            let initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
            if initial || ABBREV.iter().any(|a| prev.eq_ignore_ascii_case(a)) {
                return false;
            }
        }
        next_opens || next.punct == '.'
    }
}

/// The bits of a word token; an inverted verb (« a-t-il », « explique-t-elle ») gets its verb's bits and
/// [`W::INVERTED`].
fn word_bits(lex: &Lexicon, slice: &str, t: &Token, buf: &mut String) -> u32 {
    let word = slice.get(t.range()).unwrap_or("");
    // folding would make these function words others (« à » « a », « où » « ou »)
    if word.len() <= 4 && !word.is_ascii() {
        match word {
            "à" | "À" | "dès" | "Dès" => return W::PREP,
            "où" | "Où" => return W::SUB,
            "là" | "Là" => return W::ADVERB,
            _ => {}
        }
    }
    // an acronym is none of the lists' words (« WHO », « US »)
    if t.flags & token::UPPER != 0 {
        return 0;
    }
    // most words are lower case already: looked up as they stand, packed in an integer, no copy
    let cased = token::CAP | token::UPPER | token::MIXED | token::INNER_CAP;
    let lower: &str = if t.flags & cased == 0 {
        if let Some(k) = pack_in(slice.as_bytes(), t.start as usize, t.end as usize) {
            let bits = lex.get_packed(k);
            if bits != 0 || lex.lang != Lang::Fr || !word.contains('-') {
                return bits;
            }
        }
        word
    } else {
        buf.clear();
        if word.is_ascii() {
            buf.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            buf.extend(word.chars().flat_map(char::to_lowercase));
        }
        buf.as_str()
    };
    let bits = lex.get(lower);
    if bits != 0 || lex.lang != Lang::Fr || !lower.contains('-') {
        return bits;
    }
    // « ex-députée », « ex-président »: the role
    if let Some(rest) = lower.strip_prefix("ex-") {
        let b = lex.get(rest);
        if b != 0 {
            return b;
        }
    }
    for (suffix, plural) in [
        ("-t-il", false),
        ("-t-elle", false),
        ("-t-on", false),
        ("-t-ils", true),
        ("-t-elles", true),
        ("-il", false),
        ("-elle", false),
        ("-ils", true),
        ("-elles", true),
    ] {
        if let Some(verb) = lower.strip_suffix(suffix) {
            let b = lex.get(verb);
            if b != 0 {
                let plur = if plural { W::INV_PLUR } else { 0 };
                return b | W::INVERTED | plur;
            }
        }
    }
    bits
}
