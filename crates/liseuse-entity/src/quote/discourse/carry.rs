//! What a paragraph passes on to the next ones: the speaker of a quotation carried over a narrator's paragraph,
//! and the body a heading names.
//!
//! News quotes someone over several paragraphs and sets a sentence of its own between two of them (« X explained:
//! "…" / In short, the plan would close the shops. / "…" »): a paragraph that opens on a quotation with no cue
//! is still that speaker's unless the paragraph between names someone else, has a subject of its own, quotes,
//! or is a heading (no sentence's end). And a live blog's entry opens on a heading naming a body and goes on
//! with « They said: "…" »: "they" with no one else to stand for is that body.

use super::super::Cand;
use super::super::para::{NONE, Para};
use super::{Discourse, Spk};
use crate::Label;

/// How many sentences a narrator's paragraph between two quoting ones may have: a longer one moves on.
const NARRATOR_SENTENCES: usize = 2;

/// How many tokens a heading may have.
const HEADING_TOKENS: usize = 24;

/// What a paragraph passes on to the next ones.
#[derive(Default)]
pub(super) struct Carry {
    /// The speaker of the last quotation of the last paragraph that quoted someone, and how many narrator's
    /// paragraphs came after it.
    speaker: Option<(Spk, u8)>,
    /// The one body the paragraph before names, when that paragraph is a heading.
    heading: Option<Spk>,
}

/// Whether `a` and `b` are the same speaker.
fn same(a: &Spk, b: &Spk) -> bool {
    a.entity == b.entity && (a.entity.is_some() || a.name == b.name)
}

impl<'a> Discourse<'a> {
    /// At the end of paragraph `p` (its candidates resolved, its subject read at sentences from `first`): what it
    /// passes on.
    pub(super) fn pass_on(&mut self, p: &Para, cands: &[Cand], first: u64) {
        let last = p.toks.len().saturating_sub(1);
        let ends_sentence = matches!(p.punct(last), '.' | '!' | '?' | '…');
        // a heading ends on a word (no sentence's end, no colon, no closing mark)
        self.carry.heading = if p.tok(last).is_some_and(|t| t.is_word()) {
            self.heading_body(p)
        } else {
            None
        };
        if let Some(c) = cands.iter().rev().find(|c| c.keep) {
            self.carry.speaker = c.speaker.clone().map(|s| (s, 0));
            return;
        }
        let carried = self.carry.speaker.take();
        // a narrator's paragraph: a sentence or two, no quotation, no one else named, no subject of its own
        let narrator = ends_sentence
            && cands.is_empty()
            && p.quotes.is_empty()
            && p.sent_starts.len() <= NARRATOR_SENTENCES;
        self.carry.speaker = match carried {
            Some((spk, 0)) if narrator && self.only_names(p, &spk, first) => Some((spk, 1)),
            _ => None,
        };
    }

    /// Whether paragraph `p` names no person or body but `spk`, and no subject of its sentences (read from
    /// sentence `first` on) is someone else.
    fn only_names(&self, p: &Para, spk: &Spk, first: u64) -> bool {
        let other_subject = self
            .last_subject
            .iter()
            .chain(self.prev_subject.iter())
            .any(|(s, g)| *g >= first && !s.nobody && !same(s, spk));
        !other_subject
            && p.named.iter().all(|&k| {
                let Some(m) = p.tok(k).map(|t| t.ment).filter(|&m| m != NONE) else {
                    return true;
                };
                let mention = self.doc.mentions.get(m as usize);
                !mention.is_some_and(|x| matches!(x.label(), Label::Per | Label::Org))
                    || mention.map(|x| x.local()) == spk.entity
            })
    }

    /// The one organisation heading `p` names (a short line with no sentence's end), if it names one.
    fn heading_body(&mut self, p: &Para) -> Option<Spk> {
        if p.toks.len() > HEADING_TOKENS || p.sent_starts.len() > 1 {
            return None;
        }
        let mut body: Option<(u32, usize)> = None;
        for &k in &p.named {
            let Some(m) = p.tok(k).map(|t| t.ment) else {
                continue;
            };
            let Some(x) = self.doc.mentions.get(m as usize) else {
                continue;
            };
            match x.label() {
                Label::Org => match body {
                    Some((local, _)) if local != x.local() => return None,
                    Some(_) => {}
                    None => body = Some((x.local(), k)),
                },
                // a person named too: the heading is not a body's alone
                Label::Per => return None,
                _ => {}
            }
        }
        let (_, k) = body?;
        let m = p.tok(k).map_or(NONE, |t| t.ment);
        let e = p.mention_end(k);
        let spk = self.of_mention(p, m, k, e);
        Some(Spk { body: true, ..spk })
    }

    /// The speaker a quotation with no cue opening paragraph `p` carries on from the paragraph before the one
    /// before (a narrator's one between).
    pub(super) fn carried(&self, p: &Para, c: &Cand) -> Option<Spk> {
        let opens = c.sent == 0
            && c.sentence_like
            && c.quote
                .and_then(|q| p.quotes.get(q))
                .is_some_and(|q| q.open == 0);
        match &self.carry.speaker {
            Some((spk, 1)) if opens => Some(spk.clone()),
            _ => None,
        }
    }

    /// `chosen`, else, for "they" or "it" (`body`: a pronoun that may stand for a body) at token `k` in the
    /// paragraph's first sentence, the body the heading just before names.
    pub(super) fn or_heading(
        &self,
        body: bool,
        chosen: Option<Spk>,
        p: &Para,
        k: usize,
    ) -> Option<Spk> {
        match chosen {
            None if body && p.sent_of(k) == 0 => self.carry.heading.clone(),
            _ => chosen,
        }
    }
}
