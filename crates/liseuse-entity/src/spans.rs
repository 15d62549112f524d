//! Tags → spans: the tagger's mentions (PER, ORG, LOC) with their confidence, and the rules that are verdicts,
//! applied last and by name: dates by our convention (`date.rs`), which win over anything the tagger saw in
//! the same words.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::tag::features::Sequence;
use super::tag::scheme::LABELS;
use super::tag::weights::Model;
use super::tag::{self, MODEL, Tagged};
use super::text::token::Token;
use super::verdict::{self, Found};
use super::{Label, Span, date, edges, mend};

/// The probability that a tagged mention is right, given the margin by which its tagging beats the best
/// other one: the model's calibration (see `weights.rs`).
fn probability(margin: f32, calibration: (f32, f32)) -> f32 {
    let (a, b) = calibration;
    1.0 / (1.0 + (-(a * margin + b)).exp())
}

fn byte_span(toks: &[Token], a: usize, e: usize) -> Option<(usize, usize)> {
    let s = toks.get(a)?.start as usize;
    let z = toks.get(e.checked_sub(1)?)?.end as usize;
    (s < z).then_some((s, z))
}

/// The mentions of a text (of a megabyte or less: see `chunks.rs`), sorted and disjoint.
pub fn find(text: &str) -> Vec<Span> {
    find_with(text, MODEL.as_ref())
}

/// [`find`] with another model (training and its tests); `None` finds dates only.
pub fn find_with(text: &str, model: Option<&Model>) -> Vec<Span> {
    find_with_tokens(text, model).0
}

/// [`find`], and the text's tokens it read them from (the quotation stage reads the same: see
/// [`crate::analyse_tokens`]).
pub fn find_tokens(text: &str) -> (Vec<Span>, Vec<Token>) {
    find_with_tokens(text, MODEL.as_ref())
}

fn find_with_tokens(text: &str, model: Option<&Model>) -> (Vec<Span>, Vec<Token>) {
    let seq = Sequence::new(text);
    let dates = date::find(text, &seq.toks);
    let mut found: Vec<Found> = match model {
        Some(m) => tag::tag(&seq, m)
            .into_iter()
            .filter_map(|t: Tagged| {
                Some(Found {
                    a: t.a,
                    e: t.e,
                    label: *LABELS.get(t.label)?,
                    p: probability(t.margin, m.calibration),
                })
            })
            .collect(),
        None => Vec::new(),
    };
    verdict::within_lines(&seq, &mut found);
    edges::edges(&seq, &mut found);
    mend::mend(&seq, &mut found);
    verdict::one_label_per_name(&seq, &mut found);
    verdict::surnames(&seq, &mut found);
    verdict::propagate(&seq, &mut found);
    verdict::english_article(&seq, &mut found);
    let mut out: Vec<Span> = Vec::with_capacity(found.len() + dates.len());
    for d in &dates {
        if let Some((start, end)) = byte_span(&seq.toks, d.a, d.e) {
            out.push(Span {
                start,
                end,
                label: Label::Date,
                confidence: 100,
            });
        }
    }
    let mut di = 0;
    for m in &found {
        // a date wins over a mention that shares a word with it
        while dates.get(di).is_some_and(|d| d.e <= m.a) {
            di += 1;
        }
        if dates.get(di).is_some_and(|d| d.a < m.e) {
            continue;
        }
        let Some((start, end)) = byte_span(&seq.toks, m.a, m.e) else {
            continue;
        };
        out.push(Span {
            start,
            end,
            label: m.label,
            confidence: (m.p * 100.0).round().clamp(0.0, 100.0) as u8,
        });
    }
    out.sort_by_key(|s| (s.start, s.end));
    (out, seq.toks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_margin_becomes_a_probability() {
        assert!((probability(0.0, (1.0, 0.0)) - 0.5).abs() < 1e-6);
        assert!(probability(10.0, (1.0, 0.0)) > 0.99);
        assert!(probability(1.0, (0.5, -2.0)) < 0.3);
    }
}
