//! The learned tagger: features → tags. A linear model over the features of `features.rs`, decoded with
//! Viterbi over BILOU tags (`scheme.rs`, `decode.rs`), with weights from `assets/entity_model.bin`
//! (`weights.rs`), trained by `examples/train.rs` (`train.rs`).

pub mod cache;
pub mod decode;
pub mod features;
pub mod keys;
pub mod scheme;
pub mod train;
pub mod weights;
pub mod word;

use std::sync::LazyLock;

use decode::Decoder;
use features::Sequence;
use scheme::LANES;
use weights::Model;

use crate::entity::text::fold::FxMap;

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

/// The weights of a token's features, summed once per word and position rather than once per token: a word's
/// own features and what it tells its neighbours come from `cache.rs`, its features where it stands are
/// memoised for the document.
struct Emissions<'m> {
    model: &'m Model,
    /// Per type, the index of its sums in `store` (see [`cache::Sums`]), `u32::MAX` until needed.
    slot: Vec<u32>,
    store: Vec<cache::Sums>,
    /// `(type * 6 + position)` → the sum of its features where it stands.
    own: FxMap<u32, [f32; LANES]>,
    edge: [[f32; LANES]; 4],
    keys: Vec<u64>,
}

const OFFSETS: [i8; 4] = [-2, -1, 1, 2];

fn add(acc: &mut [f32; LANES], v: &[f32; LANES]) {
    for (a, b) in acc.iter_mut().zip(v) {
        *a += b;
    }
}

impl<'m> Emissions<'m> {
    fn new(seq: &Sequence, model: &'m Model) -> Emissions<'m> {
        let mut keys = Vec::new();
        let mut edge = [[0f32; LANES]; 4];
        for (e, &k) in edge.iter_mut().zip(&OFFSETS) {
            keys.clear();
            features::neighbour_keys(k, None, &mut keys);
            model.add(&keys, e);
        }
        Emissions {
            model,
            slot: vec![u32::MAX; seq.types.len()],
            store: Vec::new(),
            own: FxMap::default(),
            edge,
            keys,
        }
    }

    /// The sums of token `i`'s word.
    fn ready(&mut self, seq: &Sequence, i: usize) -> Option<&cache::Sums> {
        let ty = *seq.ty.get(i)? as usize;
        let at = *self.slot.get(ty)?;
        if at == u32::MAX {
            let s = cache::sums(self.model, seq.word(i), seq.info(i)?);
            if let Some(slot) = self.slot.get_mut(ty) {
                *slot = self.store.len() as u32;
            }
            self.store.push(s);
            return self.store.last();
        }
        self.store.get(at as usize)
    }

    fn at(&mut self, seq: &Sequence, i: usize) -> [f32; LANES] {
        let mut acc = [0f32; LANES];
        if let (Some(&ty), Some(info)) = (seq.ty.get(i), seq.info(i)) {
            if let Some(s) = self.ready(seq, i) {
                add(&mut acc, &s.own);
            }
            let pos = features::position(seq, i);
            let key = ty.wrapping_mul(6).wrapping_add(pos as u32);
            let v = match self.own.get(&key) {
                Some(v) => *v,
                None => {
                    let mut v = [0f32; LANES];
                    self.keys.clear();
                    features::type_pos_keys(info, pos, &mut self.keys);
                    self.model.add(&self.keys, &mut v);
                    self.own.insert(key, v);
                    v
                }
            };
            add(&mut acc, &v);
        }
        for (slot, &k) in OFFSETS.iter().enumerate() {
            let j = i
                .checked_add_signed(isize::from(k))
                .filter(|&j| j < seq.toks.len());
            match j {
                None => {
                    if let Some(e) = self.edge.get(slot) {
                        add(&mut acc, e);
                    }
                }
                Some(j) => {
                    if let Some(v) = self.ready(seq, j).and_then(|s| s.near.get(slot)) {
                        add(&mut acc, v);
                    }
                }
            }
        }
        self.keys.clear();
        features::token_keys(seq, i, &mut self.keys);
        self.model.add(&self.keys, &mut acc);
        acc
    }
}

/// The mentions of a sequence according to `model`.
pub fn tag(seq: &Sequence, model: &Model) -> Vec<Tagged> {
    let mut out = Vec::new();
    let mut dec = Decoder::default();
    let mut ems: Vec<[f32; LANES]> = Vec::new();
    let mut tags = Vec::new();
    let mut margins = Vec::new();
    let mut em = Emissions::new(seq, model);
    for (a, e) in train::runs(seq) {
        ems.clear();
        for i in a..e {
            ems.push(em.at(seq, i));
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

/// Each token's scores the plain way, every feature looked up for every token (what training does): the
/// memoised path must give the same.
#[cfg(test)]
fn plain(seq: &Sequence, model: &Model, i: usize) -> [f32; LANES] {
    let mut keys = Vec::new();
    seq.all_keys(i, &mut keys);
    let mut acc = [0f32; LANES];
    model.add(&keys, &mut acc);
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memoised_scores_are_the_plain_ones() {
        let Some(model) = MODEL.as_ref() else {
            panic!("the shipped model does not decode");
        };
        assert!(model.len() > 1000);
        let text = "Le président Emmanuel Macron a reçu à Paris Angela Merkel. Macron et Merkel ont parlé \
                    de la Banque centrale européenne (BCE).\nSelon Merkel, Paris et Berlin s'entendent.";
        let seq = Sequence::new(text);
        let mut em = Emissions::new(&seq, model);
        for i in (0..seq.toks.len()).filter(|&i| seq.scored[i]) {
            let (a, b) = (em.at(&seq, i), plain(&seq, model, i));
            for (x, y) in a.iter().zip(&b) {
                assert!((x - y).abs() < 1e-3, "token {i}: {a:?} / {b:?}");
            }
        }
        let found = tag(&seq, model);
        assert!(
            found
                .iter()
                .any(|m| seq.word(m.a) == "Emmanuel" && m.e == m.a + 2)
        );
    }
}
