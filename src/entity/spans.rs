//! Tags → spans: the tagger's mentions (PER, ORG, LOC) with their confidence, and the rules that are verdicts,
//! applied last and by name: dates by our convention (`date.rs`), which win over anything the tagger saw in
//! the same words.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::tag::features::Sequence;
use super::tag::scheme::LABELS;
use super::tag::{self, MODEL, Tagged};
use super::text::token::Token;
use super::{Label, Span, date};

/// The confidence (0–100) of a tagged mention whose best tagging beats the best other one by `margin`: the
/// model's calibration (see `weights.rs`) turns the margin into the probability that the mention is right.
fn confidence(margin: f32, calibration: (f32, f32)) -> u8 {
    let (a, b) = calibration;
    let p = 1.0 / (1.0 + (-(a * margin + b)).exp());
    (p * 100.0).round().clamp(0.0, 100.0) as u8
}

fn byte_span(toks: &[Token], a: usize, e: usize) -> Option<(usize, usize)> {
    let s = toks.get(a)?.start as usize;
    let z = toks.get(e.checked_sub(1)?)?.end as usize;
    (s < z).then_some((s, z))
}

/// The mentions of a text (of a megabyte or less: see `chunks.rs`), sorted and disjoint.
pub fn find(text: &str) -> Vec<Span> {
    let seq = Sequence::new(text);
    let dates = date::find(text, &seq.toks);
    let (tagged, calibration): (Vec<Tagged>, (f32, f32)) = match &*MODEL {
        Some(m) => (tag::tag(&seq, m), m.calibration),
        None => (Vec::new(), (1.0, 0.0)),
    };
    let mut out: Vec<Span> = Vec::with_capacity(tagged.len() + dates.len());
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
    for m in &tagged {
        // a date wins over a mention that shares a word with it
        while dates.get(di).is_some_and(|d| d.e <= m.a) {
            di += 1;
        }
        if dates.get(di).is_some_and(|d| d.a < m.e) {
            continue;
        }
        let (Some((start, end)), Some(&label)) = (byte_span(&seq.toks, m.a, m.e), LABELS.get(m.label))
        else {
            continue;
        };
        out.push(Span {
            start,
            end,
            label,
            confidence: confidence(m.margin, calibration),
        });
    }
    out.sort_by_key(|s| (s.start, s.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_margin_becomes_a_probability() {
        assert_eq!(confidence(0.0, (1.0, 0.0)), 50);
        assert!(confidence(10.0, (1.0, 0.0)) >= 99);
        assert!(confidence(1.0, (0.5, -2.0)) < 30);
    }
}
