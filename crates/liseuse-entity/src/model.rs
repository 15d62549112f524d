//! The types every stage shares: labels, spans with their confidence, and how a mention packs its label,
//! confidence and entity number.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use serde::{Deserialize, Serialize};

/// The kind of an entity mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organisation: a party, a company, an institution, a newspaper, an armed group.
    #[serde(rename = "ORG")]
    Org,
    /// A place: a country, a region, a town, a sea, a site.
    #[serde(rename = "LOC")]
    Loc,
    /// A date, found by rule: « 7 octobre », « 15 novembre 2023 », « mardi ».
    #[serde(rename = "DATE")]
    Date,
}

/// The confidence, 0–100, under which a mention is not listed in the sidebar by default.
pub const DEFAULT_MIN_CONFIDENCE: u8 = 50;

/// Confidence levels kept in a packed mention (see [`Label::tag`]): 0–31.
const LEVELS: u32 = 31;
/// The number's bits in a [`Label::tag`]: 33 million entities, far beyond any library (a file is at most
/// 64 MB, and a mention takes two bytes or more).
const NUMBER_BITS: u32 = 25;
const NUMBER_MASK: u32 = (1 << NUMBER_BITS) - 1;

impl Label {
    /// Every label, in display order.
    pub const ALL: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Date];

    /// A label, a confidence (0–100) and a number below 2^25 in one `u32`: millions of mentions are held at
    /// once, and separate fields would pad each by four bytes.
    pub(crate) fn tag(self, confidence: u8, n: u32) -> u32 {
        let l = match self {
            Label::Per => 0,
            Label::Org => 1,
            Label::Loc => 2,
            Label::Date => 3,
        };
        let level = (u32::from(confidence.min(100)) * LEVELS + 50) / 100;
        // The label in the low bits: the cache's variable-length integers stay short.
        ((n & NUMBER_MASK) << 7) | (level << 2) | l
    }

    /// [`Label::tag`] with the confidence already a level (0–31, as [`Label::level_of`] reads it):
    /// what a cache that stores levels gives back. `None` for a level or a number out of range.
    pub(crate) fn tag_level(self, level: u8, n: u32) -> Option<u32> {
        let l = match self {
            Label::Per => 0,
            Label::Org => 1,
            Label::Loc => 2,
            Label::Date => 3,
        };
        (u32::from(level) <= LEVELS && n <= NUMBER_MASK)
            .then_some((n << 7) | (u32::from(level) << 2) | l)
    }

    /// The confidence level (0–31) of a [`Label::tag`].
    pub(crate) fn level_of(tagged: u32) -> u8 {
        ((tagged >> 2) & LEVELS) as u8
    }

    /// The label, the confidence (0–100) and the number of a [`Label::tag`].
    pub(crate) fn untag(tagged: u32) -> (Label, u8, u32) {
        let label = match tagged & 3 {
            0 => Label::Per,
            1 => Label::Org,
            2 => Label::Loc,
            _ => Label::Date,
        };
        let level = (tagged >> 2) & LEVELS;
        let confidence = u8::try_from((level * 100 + LEVELS / 2) / LEVELS).unwrap_or(100);
        (label, confidence, tagged >> 7)
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

/// One mention found in a text: byte offsets, end exclusive, and how sure the engine is of it (0–100: the
/// tagger's probability that this very span and label are right; 100 for a date, found by rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// What it names.
    pub label: Label,
    /// How sure the engine is of it, 0–100.
    pub confidence: u8,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_keeps_label_confidence_and_number() {
        for label in Label::ALL {
            for c in [0u8, 3, 50, 77, 100] {
                for n in [0, 1, 4321, NUMBER_MASK] {
                    let (l, conf, m) = Label::untag(label.tag(c, n));
                    assert_eq!((l, m), (label, n));
                    assert!(conf.abs_diff(c) <= 2, "{c} -> {conf}");
                }
            }
        }
    }
}
