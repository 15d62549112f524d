//! Named-entity engine: finds the people (PER), organisations (ORG), places (LOC) and dates (DATE) that a news
//! article names, in French first and in English, and groups the mentions of one entity across a corpus.
//!
//! Two stages, so a corpus of thousands of files can be cached per file:
//! - [`analyse`] reads one text: [`extract`] finds the mentions (rules over capitalised words, their context and
//!   the gazetteers of `assets/`), then the mentions of one document are grouped into local entities
//!   ([`DocEntities`], serialisable, to be cached by content hash);
//! - [`EntityIndex::build`] merges the documents' local entities into corpus entities in near-linear time.
//!
//! Offsets are byte offsets into the whole text, end exclusive, always on char boundaries.

mod chunks;
mod classify;
mod cue;
mod date;
pub mod export;
mod extract;
mod group;
mod index;
mod local;
mod merge;
mod org;
mod resolve;
pub mod score;
pub mod tag;
pub mod text;

use text::lexicon as gazetteer;
use text::token;

use serde::{Deserialize, Serialize};

pub use group::{DocEntities, Entity, EntityId, EntityIndex, LocalEntity, Mention};

/// The kind of an entity mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "DATE")]
    Date,
}

/// The number's bits in a [`Label::tag`]: a billion entities, far beyond any library.
const TAG_MASK: u32 = (1 << 30) - 1;

impl Label {
    /// Every label, in display order.
    pub const ALL: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Date];

    /// A label and a number below 2^30 in one `u32`: millions of mentions are held at once,
    /// and a separate label byte would pad each by four.
    pub(crate) fn tag(self, n: u32) -> u32 {
        let l = match self {
            Label::Per => 0,
            Label::Org => 1,
            Label::Loc => 2,
            Label::Date => 3,
        };
        // The label in the low bits: the cache's variable-length integers stay short.
        ((n & TAG_MASK) << 2) | l
    }

    /// The label and the number of a [`Label::tag`].
    pub(crate) fn untag(tagged: u32) -> (Label, u32) {
        let label = match tagged & 3 {
            0 => Label::Per,
            1 => Label::Org,
            2 => Label::Loc,
            _ => Label::Date,
        };
        (label, tagged >> 2)
    }

    /// "PER", "ORG", "LOC" or "DATE".
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Date => "DATE",
        }
    }

    /// Parses "PER", "ORG", "LOC" or "DATE".
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One mention found in a text: byte offsets, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: Label,
}

/// Finds the entity mentions of a text: sorted, non-overlapping, on char boundaries. Never panics.
/// A text of more than a megabyte is read a piece at a time (see `chunks.rs`).
pub fn extract(text: &str) -> Vec<Span> {
    chunks::extract(text)
}

/// Extracts the mentions of one document and groups them into the document's entities.
pub fn analyse(text: &str) -> DocEntities {
    group::analyse(text)
}
