//! Tokens → features. A text becomes a [`Sequence`] (see `sequence.rs`): its tokens, which of them the model
//! scores, and for each distinct word ("type") what its features are computed from. A token's features come in
//! four groups, so that the tagger can add up the weights of the first three once per type rather than once per
//! token:
//! - [`word_keys`]: the word itself (form, fold, shape, affixes, gazetteers), the same wherever it stands;
//! - [`neighbour_keys`]: what a word tells the tokens one and two places away;
//! - [`type_pos_keys`]: the word with where it stands (sentence start, line start, headline) and what the
//!   document says of it (also written in lower case, capitalised inside a sentence);
//! - [`token_keys`]: pairs and triples with its neighbours, per token.
//!
//! Far from any capitalised word, a token is decided `O` without being scored: see [`Sequence::scored`].

use super::keys::{T, k1, k2, k3};
pub use super::sequence::{AFTER, BEFORE, Sequence, language};
pub use super::word::{
    DOC_IN_NAME, DOC_LOWER, DOC_MANY, DOC_MID_CAP, WordInfo, is_trigger, neighbour_keys, shape,
    word_keys,
};
use super::word::{EDGE_AFTER, EDGE_BEFORE};
use crate::text::token::{CAP, NL, PUNCT, SENT, UPPER};

/// Where a token stands: 0 inside a sentence, 1 at a sentence's start, 2 at a line's start; plus 3 in the
/// headline; plus 8 in an English text (see [`language`]).
pub fn position(seq: &Sequence, i: usize) -> u64 {
    let t = seq.toks.get(i).map_or(0, |t| t.flags);
    let p = if t & NL != 0 {
        2
    } else if t & SENT != 0 {
        1
    } else {
        0
    };
    p + if i < seq.body { 3 } else { 0 } + 8 * seq.english
}

/// The features of a word where it stands (`at`, see [`position`]) and of what the document says of it.
pub fn type_pos_keys(info: &WordInfo, at: u64, out: &mut Vec<u64>) {
    let pos = at & 7;
    // the same, told apart by language: where English capitalises (headlines, titles), French may not
    out.push(k2(T::LangPosShape, at, info.shape));
    out.push(k2(T::LangPosDoc, at, u64::from(info.doc)));
    out.push(k2(T::PosShape, pos, info.shape));
    out.push(k2(T::PosDoc, pos, u64::from(info.doc)));
    let mut d = info.doc;
    while d != 0 {
        out.push(k1(T::Doc, u64::from(d.trailing_zeros())));
        d &= d - 1;
    }
    if !pos.is_multiple_of(3) {
        out.push(k2(T::PosFold, pos, info.fold));
    }
}

/// The features that tie a token to its neighbours: pairs and triples, the end of its line, a multi-word place.
pub fn token_keys(seq: &Sequence, i: usize, out: &mut Vec<u64>) {
    let (prev, me, next) = seq.around(i);
    prev_pair_keys(prev, me, out);
    next_pair_keys(me, next, out);
    shape_keys(prev, me, next, seq.line_end(i), seq.place_part(i), out);
}

fn shape_of_or(w: Option<&WordInfo>, edge: u64) -> u64 {
    w.map_or(edge, |w| w.shape)
}

/// The token's features with the word before it (see [`token_keys`]): what only those two words decide.
pub fn prev_pair_keys(prev: Option<&WordInfo>, me: Option<&WordInfo>, out: &mut Vec<u64>) {
    let s0 = shape_of_or(me, 0);
    out.push(k2(
        T::PrevFoldShape,
        prev.map_or(EDGE_BEFORE, |w| w.fold),
        s0,
    ));
    // « Parquet national financier », « Crédit agricole »: an ending after a capitalised word
    if let Some(m) = me
        && m.flags & (CAP | UPPER | PUNCT) == 0
    {
        out.push(k2(T::PrevShapeSuf3, shape_of_or(prev, EDGE_BEFORE), m.suf3));
    }
}

/// The token's features with the word after it.
pub fn next_pair_keys(me: Option<&WordInfo>, next: Option<&WordInfo>, out: &mut Vec<u64>) {
    out.push(k2(
        T::NextFoldShape,
        shape_of_or(me, 0),
        next.map_or(EDGE_AFTER, |w| w.fold),
    ));
}

/// The token's features of shapes alone: its shape between its neighbours', at the end of its line, a part of
/// a multi-word place (`place`, see [`Sequence::place`]).
pub fn shape_keys(
    prev: Option<&WordInfo>,
    me: Option<&WordInfo>,
    next: Option<&WordInfo>,
    line_end: bool,
    place: u8,
    out: &mut Vec<u64>,
) {
    let s0 = shape_of_or(me, 0);
    out.push(k3(
        T::Shape3,
        shape_of_or(prev, EDGE_BEFORE),
        s0,
        shape_of_or(next, EDGE_AFTER),
    ));
    out.push(k2(T::LineEndShape, u64::from(line_end), s0));
    if place != 0 {
        out.push(k1(T::PlacePart, u64::from(place)));
    }
}

#[cfg(test)]
#[cfg(test)]
mod tests {
    use super::*;

    fn shape_of(w: &str) -> String {
        let mut b = [0u8; 8];
        let n = shape(w, &mut b);
        String::from_utf8_lossy(&b[..n]).into_owned()
    }

    #[test]
    fn shapes() {
        assert_eq!(shape_of("Paris"), "Xxx");
        assert_eq!(shape_of("CGT"), "XX");
        assert_eq!(shape_of("A20"), "Xdd");
        assert_eq!(shape_of("Jean-Marie"), "Xxx-Xxx");
        assert_eq!(shape_of("l"), "x");
    }

    #[test]
    fn a_text_reads_as_english_or_not() {
        let en = "The minister said that the plan was ready, and the vote is on Monday.";
        let fr =
            "Le ministre a dit que le plan est prêt et que le vote aura lieu lundi dans la soirée.";
        let lang = |t: &str| Sequence::new(t).english;
        assert_eq!((lang(en), lang(fr), lang("Paris")), (1, 0, 0));
        // an English text's words stand apart from a French one's where they stand
        let seq = Sequence::new(en);
        assert_eq!(position(&seq, 0), 2 + 8);
    }
}
