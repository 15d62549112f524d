//! Where a bookmark points: a byte range of an article's decoded text, kept together with the
//! quoted passage and its surroundings so that it can be found again after the article changes.

use liseuse_entity::text::bounds::{ceil_boundary, floor_boundary};
use serde::{Deserialize, Serialize};

/// How many characters of context an anchor keeps on each side of the passage.
pub const CONTEXT_CHARS: usize = 32;

/// The xxh3-128 hash of an article's decoded text, as 32 lower-case hex digits.
///
/// Stored with anchors and reading positions to tell whether an article changed since.
pub fn content_hash(text: &str) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

/// A passage of an article.
///
/// `start`/`end` are byte offsets into the article's decoded text at the time the anchor was made.
/// `exact`, `prefix` and `suffix` form a W3C Web Annotation `TextQuoteSelector`: the passage and up
/// to [`CONTEXT_CHARS`] characters before and after it. They are what [`super::locate`] uses to find
/// the passage again when the offsets no longer fit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The article's path, as it was opened.
    pub path: String,
    /// [`content_hash`] of the article's decoded text when the anchor was made.
    pub content_hash: String,
    /// Byte offset of the passage's first byte.
    pub start: usize,
    /// Byte offset just past the passage.
    pub end: usize,
    /// The passage itself.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters just before the passage.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters just after the passage.
    pub suffix: String,
    /// Fields this version does not know: kept and written back as they were.
    #[serde(flatten)]
    pub extra: super::Extra,
}

impl Anchor {
    /// Builds the anchor of `text[start..end]`.
    ///
    /// Out-of-range or reversed offsets are clamped into `text`, and offsets that fall inside a
    /// character are moved outwards to the nearest character boundary, so this never panics.
    pub fn new(path: &str, text: &str, start: usize, end: usize) -> Anchor {
        let start = floor_boundary(text, start.min(text.len()));
        let end = ceil_boundary(text, end.clamp(start, text.len()));
        Anchor {
            path: path.to_owned(),
            content_hash: content_hash(text),
            start,
            end,
            exact: text[start..end].to_owned(),
            prefix: last_chars(&text[..start], CONTEXT_CHARS).to_owned(),
            suffix: first_chars(&text[end..], CONTEXT_CHARS).to_owned(),
            extra: super::Extra::new(),
        }
    }
}

/// The first `n` characters of `s` (all of it if shorter).
pub(crate) fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The last `n` characters of `s` (all of it if shorter).
pub(crate) fn last_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    match s.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}
