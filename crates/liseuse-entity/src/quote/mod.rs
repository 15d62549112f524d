//! Who said what: the quotations of an article and their speakers, a stage after the entities.
//!
//! [`find`] reads a text and its [`DocEntities`] and gives every quotation it holds ([`Quote`]): direct (the
//! words between quotation marks, or after a colon) or indirect (a speech verb's clause, a source's « selon X »),
//! with its cue (« a déclaré », « said », « selon »), its speaker (an entity of the document, or the words that
//! describe someone: « de nombreux habitants »), and a confidence. French and English; the cue words are
//! `assets/quotes_fr.txt` and `assets/quotes_en.txt`.
//!
//! How it reads, one paragraph at a time and in one pass (`para.rs`: tokens, marks, sentences): quotation marks
//! are paired as writers use them (`marks.rs`); each quotation's cue is looked for after it, then before it in
//! its sentence, and its subject read from the words around the cue (`cue/`, `np/`); indirect speech is a
//! speech verb's complement, a postposed cue's clause or a source's (`indirect/`); speakers are resolved in
//! text order (`discourse/`): pronouns, roles, quotations that go on without a cue. Every look-around is
//! bounded by the sentence and a few tokens, so the cost is linear in the text (see `benches/quotes.rs`).
//!
//! Offsets are byte offsets into the text given, end exclusive, on char boundaries.

/// Words to compare tokens with ([`Para::any`]), packed at compile time with their filter
/// ([`word::Words`]): `words!["et", "and"]`.
macro_rules! words {
    ($($w:literal),+ $(,)?) => {{
        const KEYS: &[u128] = &[$($crate::quote::word::key($w)),+];
        const K: &$crate::quote::word::Words = &$crate::quote::word::Words::new(KEYS);
        K
    }};
}

/// One word packed at compile time (see [`words!`]).
macro_rules! word {
    ($w:literal) => {{
        const K: u128 = $crate::quote::word::key($w);
        K
    }};
}

mod cue;
mod direct;
mod discourse;
pub mod index;
mod indirect;
mod lexicon;
mod marks;
mod np;
mod para;
pub mod score;
mod settle;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_bodies;
#[cfg(test)]
mod tests_carry;
#[cfg(test)]
mod tests_clauses;
#[cfg(test)]
mod tests_cues;
#[cfg(test)]
mod tests_dev10;
#[cfg(test)]
mod tests_dev11;
#[cfg(test)]
mod tests_dev11b;
#[cfg(test)]
mod tests_dev12;
#[cfg(test)]
mod tests_dev5;
#[cfg(test)]
mod tests_dev6;
#[cfg(test)]
mod tests_dev8;
#[cfg(test)]
mod tests_dev9;
#[cfg(test)]
mod tests_fr2;
#[cfg(test)]
mod tests_heads;
#[cfg(test)]
mod tests_plural;
#[cfg(test)]
mod tests_pronouns;
#[cfg(test)]
mod tests_roles;
#[cfg(test)]
mod tests_sources;
#[cfg(test)]
mod tests_speakers;
#[cfg(test)]
mod tests_unsaid;
#[doc(hidden)]
pub mod trace;
mod word;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use self::cue::Ref;
use self::discourse::{Discourse, Spk};
use self::lexicon::{detect, lexicon};
use self::para::{Para, Scratch};
use self::settle::settle;
pub(crate) use self::settle::word_count;
use crate::DocEntities;
use crate::text::token::Token;

pub use index::QuoteIndex;

/// Direct: the speaker's own words. Indirect: reported speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The words themselves: between quotation marks, or after a colon.
    Direct,
    /// Reported speech: a speech verb's clause, a source's (« selon X »).
    Indirect,
}

impl QuoteKind {
    /// "direct" or "indirect", as the JSON export writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// Who said it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The entity's name as the article gives it in full, or the words that describe the speaker (« de
    /// nombreux habitants », « la direction »).
    pub name: String,
    /// The speaker's index among the document's entities ([`DocEntities::entities`]), when it is one.
    pub entity: Option<u32>,
    /// Where the text names the speaker for this quotation (the name, the pronoun, the description): byte
    /// offsets, end exclusive.
    pub start: u32,
    /// See [`Speaker::start`].
    pub end: u32,
}

/// The words that say it is reported speech (« a déclaré », « selon », « said »).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// Byte offset of its first character.
    pub start: u32,
    /// Byte offset just past its last character.
    pub end: u32,
}

/// A quotation: its words, its kind, who said it, the cue, and how sure the stage is (0–100).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Byte offset of the quoted words (no quotation mark, no space at either end).
    pub start: u32,
    /// Byte offset just past them.
    pub end: u32,
    /// Direct or reported.
    pub kind: QuoteKind,
    /// Who said it, when the text says (no guess otherwise).
    pub speaker: Option<Speaker>,
    /// The words that attribute it, when there are.
    pub cue: Option<Cue>,
    /// How sure the stage is, 0–100: how it was found (marks closed or not, a cue or none) and how its
    /// speaker was (named, described, a pronoun, the quotation before).
    pub confidence: u8,
}

impl Quote {
    /// The quoted words' bytes.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The quotations of `text`, whose entities are `doc` (what [`crate::analyse`] gave for it), each
/// line a paragraph. Sorted by start. Never panics.
pub fn find(text: &str, doc: &DocEntities) -> Vec<Quote> {
    find_in(text, doc, &lines(text))
}

/// [`find`] with the paragraphs given (a document's, whose line breaks inside a paragraph are soft): a
/// quotation never runs across two paragraphs.
pub fn find_in(text: &str, doc: &DocEntities, paragraphs: &[Range<usize>]) -> Vec<Quote> {
    find_paragraphs(text, doc, paragraphs, None)
}

/// [`find`] with the text's tokens as the entity stage kept them ([`crate::analyse_tokens`]): the text is not
/// tokenised again (the same quotations, at a fifth less of the stage's cost).
pub fn find_tokens(text: &str, doc: &DocEntities, tokens: &[Token]) -> Vec<Quote> {
    find_paragraphs(text, doc, &lines(text), Some(tokens))
}

/// [`find_in`] with the text's tokens (see [`find_tokens`]).
pub fn find_in_tokens(
    text: &str,
    doc: &DocEntities,
    paragraphs: &[Range<usize>],
    tokens: &[Token],
) -> Vec<Quote> {
    find_paragraphs(text, doc, paragraphs, Some(tokens))
}

/// Each line of `text`.
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push(start..i);
            start = i + 1;
        }
    }
    lines.push(start..text.len());
    lines
}

fn find_paragraphs(
    text: &str,
    doc: &DocEntities,
    paragraphs: &[Range<usize>],
    tokens: Option<&[Token]>,
) -> Vec<Quote> {
    let lex = lexicon(detect(text));
    let mut discourse = Discourse::new(doc);
    let mut pending = false;
    let mut scratch = Scratch::take();
    // gathered in the thread's buffer, handed out in one allocation of the right size
    let mut out = std::mem::take(&mut scratch.found);
    let mut cands = std::mem::take(&mut scratch.cands);
    let mut directs = std::mem::take(&mut scratch.directs);
    for range in paragraphs {
        if range.start >= range.end || range.end > text.len() {
            continue;
        }
        let p = Para::new(text, range.clone(), lex, doc, &mut scratch, tokens);
        if p.toks.is_empty() {
            p.recycle(&mut scratch);
            continue;
        }
        cands.clear();
        p.direct(
            std::mem::take(&mut pending).then_some(Ref::Before),
            &mut cands,
        );
        p.indirect(&mut cands);
        cands.sort_by_key(|c| (c.sent, c.pos, c.start));
        // only a quotation without cue needs to read as a sentence
        for c in cands
            .iter_mut()
            .filter(|c| c.kind == QuoteKind::Direct && c.who == Ref::None)
        {
            c.sentence_like = Cand::reads_as_sentence(text, c.start, c.end);
        }
        // titles and terms are nobody's words: they neither speak nor pass a speaker on
        for c in cands.iter_mut() {
            if c.term_like || c.title_like {
                c.keep = false;
            }
        }
        discourse.paragraph(&p, &mut cands);
        settle(text, &mut cands, &mut directs);
        for c in cands.iter_mut().filter(|c| c.keep) {
            if let Some(s) = c.speaker.as_mut() {
                s.name = discourse.name_of(s);
            }
        }
        // read in place, then dropped at once: a candidate is not moved out to be read
        for c in cands.iter().filter(|c| c.keep) {
            out.push(c.quote());
        }
        cands.clear();
        // a cue that ends the paragraph on a colon: its speaker is resolved here, where its words are
        if let Some(who) = p.ends_on_cue_colon() {
            discourse.cue_before_next(&p, who);
            pending = true;
        }
        p.recycle(&mut scratch);
    }
    cands.clear();
    out.sort_by_key(|q| (q.start, q.end));
    out.dedup_by(|b, a| a.start == b.start && a.end == b.end);
    // moved, not taken: the buffer keeps its room for the thread's next document
    let mut found = Vec::with_capacity(out.len());
    found.append(&mut out);
    (scratch.cands, scratch.directs, scratch.found) = (cands, directs, out);
    scratch.keep();
    found
}

/// How a quotation and its cue were found: what its confidence starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Path {
    /// A cue after the quotation (« », a indiqué X », « explique-t-il »).
    After,
    /// A cue before it in its sentence (« X a déclaré : « … » »).
    Before,
    /// A source (« selon X », « according to X »).
    According,
    /// A colon after a name or a speech verb, no marks.
    Colon,
    /// A speech verb's clause (« a déclaré que … »).
    Que,
    /// A postposed cue (« …, a indiqué la direction »).
    Postposed,
    /// A statement given by someone (« l'assurance donnée par X … que … »).
    Noun,
    /// No cue: the speaker of the quotation before, if any.
    None,
}

/// A quotation found, before its speaker is resolved and overlaps are settled.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// The token it is ordered by in its paragraph.
    pub pos: usize,
    pub sent: u32,
    pub cue: Option<(usize, usize)>,
    pub who: Ref,
    pub path: Path,
    /// Its index among the paragraph's quotations between marks.
    pub quote: Option<usize>,
    pub closed: bool,
    pub no_marks: bool,
    pub title_like: bool,
    /// A short phrase after a determiner with no speech verb for it: a term.
    pub term_like: bool,
    pub sentence_like: bool,
    pub speaker: Option<Spk>,
    pub keep: bool,
}

impl Cand {
    pub fn new(start: usize, end: usize, kind: QuoteKind, pos: usize, sent: u32) -> Cand {
        Cand {
            start,
            end,
            kind,
            pos,
            sent,
            cue: None,
            who: Ref::None,
            path: Path::None,
            quote: None,
            closed: true,
            no_marks: false,
            title_like: false,
            term_like: false,
            sentence_like: false,
            speaker: None,
            keep: true,
        }
    }

    /// Sets the cue (tokens `a..=b` of `p`) and who it says speaks.
    pub fn set_cue(&mut self, p: &Para, a: usize, b: usize, who: Ref, path: Path) {
        if let (Some(x), Some(y)) = (p.tok(a), p.tok(b)) {
            self.cue = Some((x.start as usize, y.end as usize));
        }
        self.who = who;
        self.path = path;
    }

    fn quote(&self) -> Quote {
        let speaker = self.speaker.as_ref().map(|s| Speaker {
            name: String::from(&*s.name),
            entity: s.entity,
            start: s.start,
            end: s.end,
        });
        let detection: u32 = match (self.kind, self.path) {
            (QuoteKind::Direct, _) if self.no_marks => 70,
            (QuoteKind::Direct, _) if !self.closed => 80,
            (QuoteKind::Direct, _) => 95,
            (_, Path::Que) => 85,
            (_, Path::Noun) => 65,
            _ => 80,
        };
        let who: u32 = match (&self.speaker, self.path) {
            (None, _) => 40,
            (Some(s), _) if s.guess => 55,
            (Some(_), Path::None) => 60,
            (Some(s), _) if s.entity.is_some() => 90,
            (Some(_), _) => 75,
        };
        Quote {
            start: self.start as u32,
            end: self.end as u32,
            kind: self.kind,
            speaker,
            cue: self.cue.map(|(s, e)| Cue {
                start: s as u32,
                end: e as u32,
            }),
            confidence: u8::try_from(detection * who / 100).unwrap_or(100),
        }
    }
}
