//! The learned tagger: features → tags. A linear model over the features of `features.rs`, decoded with
//! Viterbi over BILOU tags (`scheme.rs`, `decode.rs`), with weights from `assets/entity_model.bin`
//! (`weights.rs`), trained by `examples/train.rs` (`train.rs`).

pub mod cache;
pub mod decode;
pub mod features;
pub mod keys;
pub mod scheme;
pub mod sequence;
pub mod train;
pub mod weights;
pub mod word;

use std::sync::LazyLock;

use decode::Decoder;
use features::Sequence;
use scheme::LANES;
use weights::Model;

static MODEL_BYTES: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/entity_model.bin"
));

/// The shipped model, decoded on first use. A model that cannot be read tags nothing (a test makes sure the
/// shipped one can).
pub static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| Model::decode(MODEL_BYTES).ok());

/// A mention found by the tagger: tokens `[a, e)`, the label's index in [`scheme::LABELS`], and the margin of
/// the best tagging over the best one that tags any of its tokens otherwise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tagged {
    /// Its first token.
    pub a: usize,
    /// Its end: the token after its last.
    pub e: usize,
    /// Its label's index in [`scheme::LABELS`].
    pub label: usize,
    /// How far the best tagging wins over the best one that tags any of its tokens otherwise.
    pub margin: f32,
}

/// The weights of a token's features, summed once per word and position rather than once per token: a word's
/// own features and what it tells its neighbours come from `cache.rs`, and so do the sums of what a few words
/// decide together (its features where it stands, with the word before, with the word after, the shapes
/// around it), memoised by a hash of those words across documents.
struct Emissions<'m> {
    model: &'m Model,
    /// Per type, the index of its sums in `store` (see [`cache::Sums`]), `u32::MAX` until needed.
    slot: Vec<u32>,
    store: Vec<cache::Sums>,
    memo: cache::Memo,
    edge: [[f32; LANES]; 4],
    keys: Vec<u64>,
}

const OFFSETS: [i8; 4] = [-2, -1, 1, 2];

/// Which sum a memo entry holds (see [`Emissions::at`]).
const POS: u64 = 1;
const PREV: u64 = 2;
const NEXT: u64 = 3;
const SHAPES: u64 = 4;

/// A memo key from what decides a sum: `a`, `b` and `c` are hashes already, so one finaliser mixes them.
#[inline]
fn memo_key(what: u64, a: u64, b: u64, c: u64) -> u64 {
    keys::mix(
        what ^ a.wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ b.wrapping_mul(0xc2b2_ae3d_27d4_eb4f).rotate_left(29)
            ^ c.rotate_left(47),
    )
}

fn add(acc: &mut [f32; LANES], v: &[f32; LANES]) {
    for (a, b) in acc.iter_mut().zip(v) {
        *a += b;
    }
}

impl Drop for Emissions<'_> {
    fn drop(&mut self) {
        std::mem::take(&mut self.memo).give_back();
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
            // nearly every word gets its sums (the types are the scored tokens' words and their neighbours'):
            // room for all at once, not regrown and copied (a sum is 160 bytes)
            store: Vec::with_capacity(seq.types.len()),
            memo: cache::Memo::take(model),
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

    /// The scores of the tokens `[a, e)` of a run, pushed onto `out`. The sums of every word within two places
    /// of the run are made ready first; then a window of the five tokens around each one slides along the run,
    /// each neighbour looked up once rather than once per token it is a neighbour of.
    fn run(&mut self, seq: &Sequence, a: usize, e: usize, out: &mut Vec<[f32; LANES]>) {
        let n = seq.toks.len();
        for p in a.saturating_sub(2)..e.saturating_add(2).min(n) {
            self.ready(seq, p);
        }
        let Emissions {
            model,
            slot,
            store,
            memo,
            edge,
            keys,
        } = self;
        let mut scorer = Scorer {
            model,
            memo,
            edge,
            keys,
        };
        let near = |p: Option<usize>| match p.filter(|&p| p < n) {
            None => Near::Edge,
            Some(p) => {
                let sums = seq
                    .ty
                    .get(p)
                    .and_then(|&t| slot.get(t as usize))
                    .and_then(|&at| store.get(at as usize));
                match (seq.info(p), sums) {
                    (Some(w), Some(s)) => Near::Word(w, s),
                    _ => Near::Far,
                }
            }
        };
        let mut w = [
            near(a.checked_sub(2)),
            near(a.checked_sub(1)),
            near(Some(a)),
            near(a.checked_add(1)),
            near(a.checked_add(2)),
        ];
        for i in a..e {
            out.push(scorer.at(seq, i, &w));
            w.rotate_left(1);
            w[4] = near(i.checked_add(3));
        }
    }
}

/// A token of the window around the one scored: past the text's edge, a token with no word (too far from any
/// scored one), or a word with its sums.
#[derive(Clone, Copy)]
enum Near<'s> {
    Edge,
    Far,
    Word(&'s features::WordInfo, &'s cache::Sums),
}

impl<'s> Near<'s> {
    fn info(self) -> Option<&'s features::WordInfo> {
        match self {
            Near::Word(w, _) => Some(w),
            _ => None,
        }
    }
}

/// What scoring a token reads and writes besides its window.
struct Scorer<'a> {
    model: &'a Model,
    memo: &'a mut cache::Memo,
    edge: &'a [[f32; LANES]; 4],
    keys: &'a mut Vec<u64>,
}

impl Scorer<'_> {
    /// The memoised sum of the keys `f` writes, under `key`.
    fn memo(&mut self, key: u64, f: impl FnOnce(&mut Vec<u64>)) -> [f32; LANES] {
        let (model, keys) = (self.model, &mut *self.keys);
        self.memo.get(key, || {
            keys.clear();
            f(keys);
            let mut v = [0f32; LANES];
            model.add(keys, &mut v);
            v
        })
    }

    /// The scores of token `i`, given the five tokens around it (`w[2]` itself). The parts are added in a fixed
    /// order: its word, its word where it stands, its neighbours two and one before, one and two after, then
    /// the pairs and shapes around it.
    fn at(&mut self, seq: &Sequence, i: usize, w: &[Near; 5]) -> [f32; LANES] {
        let mut acc = [0f32; LANES];
        let [n0, n1, me, n3, n4] = *w;
        if let Near::Word(info, s) = me {
            add(&mut acc, &s.own);
            let pos = features::position(seq, i);
            let v = self.memo(memo_key(POS, info.word, pos, u64::from(info.doc)), |k| {
                features::type_pos_keys(info, pos, k)
            });
            add(&mut acc, &v);
        }
        for (k, nb) in [n0, n1, n3, n4].into_iter().enumerate() {
            let v = match nb {
                Near::Edge => self.edge.get(k),
                Near::Far => None,
                Near::Word(_, s) => s.near.get(k),
            };
            if let Some(v) = v {
                add(&mut acc, v);
            }
        }
        let (prev, me, next) = (n1.info(), me.info(), n3.info());
        let word = |w: Option<&features::WordInfo>, edge: u64| w.map_or(edge, |w| w.word);
        let (pw, mw, nw) = (word(prev, 1), word(me, 2), word(next, 3));
        let v = self.memo(memo_key(PREV, pw, mw, 0), |k| {
            features::prev_pair_keys(prev, me, k)
        });
        add(&mut acc, &v);
        let v = self.memo(memo_key(NEXT, mw, nw, 0), |k| {
            features::next_pair_keys(me, next, k)
        });
        add(&mut acc, &v);
        let shape = |w: Option<&features::WordInfo>, edge: u64| w.map_or(edge, |w| w.shape);
        let (line_end, place) = (seq.line_end(i), seq.place_part(i));
        // one key of the three shapes, the line's end and the place part told apart by the key's kind (one
        // hash, not one of the shapes then another with the rest)
        let kind = SHAPES | (u64::from(line_end) * 4 + u64::from(place)) << 8;
        let v = self.memo(
            memo_key(kind, shape(prev, 1), shape(me, 2), shape(next, 3)),
            |k| features::shape_keys(prev, me, next, line_end, place, k),
        );
        add(&mut acc, &v);
        acc
    }
}

/// The mentions of a sequence according to `model`.
pub fn tag(seq: &Sequence, model: &Model) -> Vec<Tagged> {
    let mut out = Vec::new();
    let runs = train::runs(seq);
    // the run buffers made once for the longest run, not grown (and copied) run after run
    let longest = runs.iter().map(|&(a, e)| e - a).max().unwrap_or(0);
    let mut dec = Decoder::with_capacity(longest);
    let mut ems: Vec<[f32; LANES]> = Vec::with_capacity(longest);
    let mut tags = Vec::with_capacity(longest);
    let mut margins = Vec::with_capacity(longest);
    let mut em = Emissions::new(seq, model);
    let mut found = Vec::new();
    for (a, e) in runs {
        ems.clear();
        em.run(seq, a, e, &mut ems);
        dec.best(&ems, &model.trans, &mut tags, Some(&mut margins));
        if margins.is_empty() {
            continue; // no mention in the run
        }
        scheme::decode_into(&tags, &mut found);
        for &(s, t, l) in &found {
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
        let mut scored = 0;
        for (a, e) in train::runs(&seq) {
            let mut ems = Vec::new();
            em.run(&seq, a, e, &mut ems);
            assert_eq!(ems.len(), e - a);
            for (i, a) in (a..e).zip(&ems) {
                assert!(seq.scored[i]);
                scored += 1;
                let b = plain(&seq, model, i);
                for (x, y) in a.iter().zip(&b) {
                    assert!((x - y).abs() < 1e-3, "token {i}: {a:?} / {b:?}");
                }
            }
        }
        assert_eq!(scored, seq.scored.iter().filter(|&&s| s).count());
        let found = tag(&seq, model);
        assert!(
            found
                .iter()
                .any(|m| seq.word(m.a) == "Emmanuel" && m.e == m.a + 2)
        );
    }

    #[test]
    fn caches_released_are_emptied_and_tag_the_same() {
        let Some(model) = MODEL.as_ref() else {
            panic!("the shipped model does not decode");
        };
        let seq = Sequence::new("Le président Emmanuel Macron a reçu Angela Merkel à Paris.");
        let before = tag(&seq, model);
        assert!(cache::cached_words() > 0);
        cache::release();
        assert_eq!(cache::cached_words(), 0);
        assert_eq!(tag(&seq, model), before);
    }
}
