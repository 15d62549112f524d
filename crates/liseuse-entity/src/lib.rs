#![doc = include_str!("../README.md")]
//!
//! ## The engine
//!
//! It finds the people (PER), organisations (ORG), places (LOC) and dates (DATE) that a news
//! article names, in French first and in English, and groups the mentions of one entity across a corpus.
//!
//! Two stages, so a corpus of thousands of files can be cached per file:
//! - [`analyse`] reads one text: [`extract`] finds the mentions (a tagger learnt from annotated articles, over
//!   capitalised words, their context and the gazetteers of `assets/`), then the mentions of one document are
//!   grouped into local entities ([`DocEntities`], serialisable, to be cached by content hash);
//! - [`EntityIndex::build`] merges the documents' local entities into corpus entities in near-linear time.
//!
//! Offsets are byte offsets into the whole text, end exclusive, always on char boundaries.
#![warn(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used)]
// A file can make any offset or length: no indexing that could panic on one, anywhere in the engine (issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

pub mod chunks;
pub mod corpus;
mod date;
mod edges;
pub mod export;
mod group;
mod local;
mod mend;
mod model;
pub mod quote;
pub mod score;
mod spans;
pub mod tag;
pub mod text;
mod union_find;
mod verdict;

use std::ops::Range;

pub use corpus::index::{
    Entity, EntityBuild, EntityId, EntityIndex, IntoEntities, Mention, PackedText,
};
pub use corpus::occurrences::Occurrences;
pub use corpus::packed::FlatMentions;
pub use corpus::places::Places;
pub use corpus::streamed::{DocPasses, InMemory, LocalIds, Pass, Streamed, build_streamed};
pub use group::names::surname_in;
pub use local::{DocEntities, DocMention, LocalEntity};
pub use model::{DEFAULT_MIN_CONFIDENCE, Label, Span};

/// Finds the entity mentions of a text: sorted, non-overlapping, on char boundaries. Never panics.
/// A text of more than a megabyte is read a piece at a time (see `chunks.rs`).
pub fn extract(text: &str) -> Vec<Span> {
    chunks::extract(text)
}

/// [`extract`] with another model than the shipped one (training and its tests), for a text of a megabyte or
/// less.
#[doc(hidden)]
pub fn extract_with(text: &str, model: &tag::weights::Model) -> Vec<Span> {
    spans::find_with(text, Some(model))
}

/// [`analyse`] with another model than the shipped one, for a text of a megabyte or less.
#[doc(hidden)]
pub fn analyse_with(text: &str, model: &tag::weights::Model) -> DocEntities {
    group::group_spans(text, &spans::find_with(text, Some(model)))
}

/// [`analyse_meta`], calling `done(bytes)` as a long text's pieces are read (see `chunks.rs`).
pub fn analyse_reporting(
    text: &str,
    meta: &[Range<usize>],
    done: &mut dyn FnMut(usize),
) -> DocEntities {
    let spans = chunks::extract_reporting(text, chunks::PIECE_BYTES, done);
    group::group_meta(text, &spans, meta)
}

/// Extracts the mentions of one document and groups them into the document's entities.
pub fn analyse(text: &str) -> DocEntities {
    group::group_spans(text, &extract(text))
}

/// [`analyse`], and the text's tokens, read once for both: what the quotation stage reads
/// ([`quote::find_tokens`]), which otherwise tokenises the text again. The tokens take about three bytes a byte
/// of text: a caller keeps them only while it finds the quotations.
pub fn analyse_tokens(text: &str) -> (DocEntities, Vec<text::token::Token>) {
    let (spans, tokens) = chunks::extract_tokens(text);
    (group::group_spans(text, &spans), tokens)
}

/// [`analyse_meta`] and the text's tokens (see [`analyse_tokens`]).
pub fn analyse_meta_tokens(
    text: &str,
    meta: &[Range<usize>],
) -> (DocEntities, Vec<text::token::Token>) {
    let (spans, tokens) = chunks::extract_tokens(text);
    (group::group_meta(text, &spans, meta), tokens)
}

/// [`analyse`] for a document whose text holds metadata at `meta` (sorted byte ranges: a leading
/// `date 2023-12`, a closing `Source: …`, see `Document::meta`): a date there is the article's date, which
/// weekdays are resolved by, and nothing there is a mention.
pub fn analyse_meta(text: &str, meta: &[Range<usize>]) -> DocEntities {
    group::group_meta(text, &extract(text), meta)
}
