//! Training: an averaged structured perceptron over the runs of scored tokens, decoded with the same Viterbi as
//! at run time. Deterministic: the examples are visited in an order drawn from a fixed seed, and nothing
//! depends on a hash map's iteration order. Only `examples/train.rs` and the tests call this.

use std::collections::HashMap;

use super::decode::{Decoder, Transitions};
use super::features::Sequence;
use super::scheme::{LANES, N_TAGS, O};

/// A gold tag no one knows: the token lies in a span whose annotation does not tell our labels (an event or a
/// product of WiNER, where websites and companies are too). Training takes the best tagging that agrees with
/// the known tags as the gold one.
pub const UNKNOWN: u8 = u8::MAX;

/// One run of scored tokens: each token's feature indices, and its gold tag (or [`UNKNOWN`]).
pub struct Example {
    /// Per token, the indices of its features' rows.
    pub feats: Vec<Vec<u32>>,
    /// Per token, its gold tag (see [`super::scheme::tag`]), or [`UNKNOWN`].
    pub gold: Vec<u8>,
}

/// The runs of consecutive scored tokens of a sequence, as `[start, end)` token ranges.
pub fn runs(seq: &Sequence) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &s) in seq.scored.iter().enumerate() {
        match (s, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((a, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((a, seq.scored.len()));
    }
    out
}

/// Weights being learned, with their running sums for the average.
#[derive(Clone)]
pub struct Trainer {
    index: HashMap<u64, u32>,
    keys: Vec<u64>,
    counts: Vec<u32>,
    w: Vec<f32>,
    acc: Vec<f64>,
    trans: Vec<f32>,
    trans_acc: Vec<f64>,
    /// Updates so far (the perceptron's clock).
    step: u64,
}

impl Default for Trainer {
    fn default() -> Self {
        Trainer {
            index: HashMap::new(),
            keys: Vec::new(),
            counts: Vec::new(),
            w: Vec::new(),
            acc: Vec::new(),
            trans: vec![0.0; N_TAGS * N_TAGS],
            trans_acc: vec![0.0; N_TAGS * N_TAGS],
            step: 1,
        }
    }
}

impl Trainer {
    fn intern(&mut self, key: u64) -> u32 {
        if let Some(&i) = self.index.get(&key) {
            if let Some(c) = self.counts.get_mut(i as usize) {
                *c += 1;
            }
            return i;
        }
        let i = self.keys.len() as u32;
        self.index.insert(key, i);
        self.keys.push(key);
        self.counts.push(1);
        self.w.extend([0.0; N_TAGS]);
        self.acc.extend([0.0; N_TAGS]);
        i
    }

    /// The examples of one text, `gold` its tokens' tags.
    pub fn examples(&mut self, seq: &Sequence, gold: &[u8]) -> Vec<Example> {
        let mut keys = Vec::new();
        let mut out = Vec::new();
        for (a, e) in runs(seq) {
            let mut feats = Vec::with_capacity(e - a);
            for i in a..e {
                keys.clear();
                seq.all_keys(i, &mut keys);
                feats.push(keys.iter().map(|&k| self.intern(k)).collect());
            }
            let g = (a..e).map(|i| gold.get(i).copied().unwrap_or(O)).collect();
            out.push(Example { feats, gold: g });
        }
        out
    }

    fn emissions(&self, ex: &Example, out: &mut Vec<[f32; LANES]>) {
        out.clear();
        for f in &ex.feats {
            let mut acc = [0f32; LANES];
            for &i in f {
                let base = i as usize * N_TAGS;
                for (t, a) in acc.iter_mut().enumerate().take(N_TAGS) {
                    *a += self.w.get(base + t).copied().unwrap_or(0.0);
                }
            }
            out.push(acc);
        }
    }

    fn bump(&mut self, feats: &[u32], tag: u8, by: f32) {
        let c = self.step as f64;
        for &i in feats {
            let j = i as usize * N_TAGS + usize::from(tag);
            if let (Some(w), Some(a)) = (self.w.get_mut(j), self.acc.get_mut(j)) {
                *w += by;
                *a += c * f64::from(by);
            }
        }
    }

    fn bump_trans(&mut self, prev: u8, next: u8, by: f32) {
        let c = self.step as f64;
        let j = usize::from(prev) * N_TAGS + usize::from(next);
        if let (Some(w), Some(a)) = (self.trans.get_mut(j), self.trans_acc.get_mut(j)) {
            *w += by;
            *a += c * f64::from(by);
        }
    }

    /// One pass over the examples in the given order; returns the number of runs it got wrong.
    pub fn epoch(&mut self, examples: &[&Example], order: &[usize]) -> usize {
        let mut dec = Decoder::default();
        let mut ems = Vec::new();
        let mut pred = Vec::new();
        let mut wrong = 0;
        for &x in order {
            let Some(ex) = examples.get(x) else { continue };
            self.emissions(ex, &mut ems);
            let trans = Transitions::new(&self.trans);
            dec.best(&ems, &trans, &mut pred, None);
            let gold = if ex.gold.contains(&UNKNOWN) {
                // the best tagging that keeps every known tag
                let mut forced = ems.clone();
                for (e, &g) in forced.iter_mut().zip(&ex.gold) {
                    if let Some(v) = e.get_mut(usize::from(g)) {
                        *v += 1.0e5;
                    }
                }
                let mut g = Vec::new();
                dec.best(&forced, &trans, &mut g, None);
                g
            } else {
                ex.gold.clone()
            };
            if pred == gold {
                self.step += 1;
                continue;
            }
            wrong += 1;
            for (k, f) in ex.feats.iter().enumerate() {
                let (g, p) = (
                    gold.get(k).copied().unwrap_or(O),
                    pred.get(k).copied().unwrap_or(O),
                );
                if g != p {
                    self.bump(f, g, 1.0);
                    self.bump(f, p, -1.0);
                }
            }
            let path = |tags: &[u8]| {
                let mut v = vec![O];
                v.extend_from_slice(tags);
                v.push(O);
                v
            };
            let (gp, pp) = (path(&gold), path(&pred));
            for w in gp.windows(2) {
                if let [a, b] = *w {
                    self.bump_trans(a, b, 1.0);
                }
            }
            for w in pp.windows(2) {
                if let [a, b] = *w {
                    self.bump_trans(a, b, -1.0);
                }
            }
            self.step += 1;
        }
        wrong
    }

    /// The averaged weights of the features seen at least `min_count` times whose weights are not all
    /// (nearly) zero: keys, `N_TAGS` weights per key, transitions.
    pub fn averaged(&self, min_count: u32, min_weight: f32) -> (Vec<u64>, Vec<f32>, Vec<f32>) {
        let c = self.step as f64;
        let avg = |w: f32, a: f64| (f64::from(w) - a / c) as f32;
        let mut keys = Vec::new();
        let mut weights = Vec::new();
        for (i, &k) in self.keys.iter().enumerate() {
            if self.counts.get(i).copied().unwrap_or(0) < min_count {
                continue;
            }
            let row: Vec<f32> = (0..N_TAGS)
                .map(|t| {
                    let j = i * N_TAGS + t;
                    avg(
                        self.w.get(j).copied().unwrap_or(0.0),
                        self.acc.get(j).copied().unwrap_or(0.0),
                    )
                })
                .collect();
            if row.iter().all(|w| w.abs() < min_weight) {
                continue;
            }
            keys.push(k);
            weights.extend(row);
        }
        let trans = self
            .trans
            .iter()
            .zip(&self.trans_acc)
            .map(|(&w, &a)| avg(w, a))
            .collect();
        (keys, weights, trans)
    }

    /// Number of features seen.
    pub fn features(&self) -> usize {
        self.keys.len()
    }
}

/// The weights of a model trained several times over the same examples in different orders, as
/// [`Trainer::averaged`] gives each: the mean of each feature's weights (a feature one run dropped counts as
/// zeros there) and of the transitions. A perceptron's weights depend on the order it saw its examples in; the
/// mean keeps what the orders agree on. Keys come out sorted, so the result does not depend on a map's order.
pub fn mean(parts: &[(Vec<u64>, Vec<f32>, Vec<f32>)]) -> (Vec<u64>, Vec<f32>, Vec<f32>) {
    let n = parts.len().max(1) as f32;
    let mut rows: std::collections::BTreeMap<u64, [f32; N_TAGS]> = Default::default();
    let mut trans = vec![0.0f32; N_TAGS * N_TAGS];
    for (keys, weights, tr) in parts {
        for (k, row) in keys.iter().zip(weights.chunks_exact(N_TAGS)) {
            let sum = rows.entry(*k).or_insert([0.0; N_TAGS]);
            for (s, w) in sum.iter_mut().zip(row) {
                *s += w / n;
            }
        }
        for (s, w) in trans.iter_mut().zip(tr) {
            *s += w / n;
        }
    }
    let keys = rows.keys().copied().collect();
    let weights = rows.values().flatten().copied().collect();
    (keys, weights, trans)
}

/// A deterministic shuffle (xorshift64*), the same on every machine.
pub fn shuffle(order: &mut [usize], seed: u64) {
    let mut s = seed | 1;
    for i in (1..order.len()).rev() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        let r = (s.wrapping_mul(0x2545_f491_4f6c_dd1d) % (i as u64 + 1)) as usize;
        order.swap(i, r);
    }
}
