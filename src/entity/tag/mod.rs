//! The learned tagger: features → tags. A linear model over the features of `features.rs`, decoded with
//! Viterbi over BILOU tags (`scheme.rs`, `decode.rs`), with weights from `assets/entity_model.bin`
//! (`weights.rs`), trained by `examples/train.rs` (`train.rs`).

pub mod decode;
pub mod features;
pub mod keys;
pub mod scheme;
pub mod train;
pub mod weights;

use std::sync::LazyLock;

use decode::Decoder;
use features::Sequence;
use scheme::LANES;
use weights::Model;

static MODEL_BYTES: &[u8] = include_bytes!("../../../assets/entity_model.bin");

/// The shipped model, decoded on first use. A model that cannot be read tags nothing (a test makes sure the
/// shipped one can).
pub static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| Model::decode(MODEL_BYTES).ok());

/// A mention found by the tagger: tokens `[a, e)`, the label's index in [`scheme::LABELS`], and the margin of
/// the best tagging over the best one that tags any of its tokens otherwise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tagged {
    pub a: usize,
    pub e: usize,
    pub label: usize,
    pub margin: f32,
}

/// The mentions of a sequence according to `model`.
pub fn tag(seq: &Sequence, model: &Model) -> Vec<Tagged> {
    let mut out = Vec::new();
    let mut dec = Decoder::default();
    let mut ems: Vec<[f32; LANES]> = Vec::new();
    let mut tags = Vec::new();
    let mut margins = Vec::new();
    let mut keys = Vec::new();
    for (a, e) in train::runs(seq) {
        ems.clear();
        for i in a..e {
            keys.clear();
            seq.all_keys(i, &mut keys);
            let mut acc = [0f32; LANES];
            model.add(&keys, &mut acc);
            ems.push(acc);
        }
        dec.best(&ems, &model.trans, &mut tags, Some(&mut margins));
        for (s, t, l) in scheme::decode(&tags) {
            let margin = margins
                .get(s..t)
                .unwrap_or_default()
                .iter()
                .fold(f32::INFINITY, |m, &x| m.min(x));
            out.push(Tagged {
                a: a + s,
                e: a + t,
                label: l,
                margin,
            });
        }
    }
    out
}
