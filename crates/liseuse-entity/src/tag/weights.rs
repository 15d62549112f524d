//! The model: weights of the features it knows, dense (`row * LANES + tag`), found by key through an
//! open-addressed table; the transition scores. Stored in `assets/entity_model.bin`, embedded in the binary and
//! decoded once.
//!
//! Format (little-endian): `LSMODEL1`, then u32 tag count, u32 feature count, f32 scale, the two f32 of the
//! calibration, the transition scores
//! (`N_TAGS²` f32), the feature keys (u64 each, in row order), then for each row a u16 bit mask of the tags it
//! weighs and the i16 weights of those tags. A weight is `i16 * scale`.

use super::decode::Transitions;
use super::scheme::{LANES, N_TAGS};

const MAGIC: &[u8; 8] = b"LSMODEL1";

/// A decoded model.
pub struct Model {
    /// `(fingerprint << 32) | (row + 1)`, 0 for an empty slot.
    slots: Vec<u64>,
    mask: usize,
    /// Row `r` is `weights[r * LANES..][..LANES]`, already scaled.
    weights: Vec<f32>,
    /// The scores of one tag following another, and of a tag opening or closing a run.
    pub trans: Transitions,
    /// `(a, b)`: a mention whose tagging wins by margin `m` is right with probability `1 / (1 + e^-(a·m + b))`,
    /// fitted on held-out articles by `examples/train.rs`.
    pub calibration: (f32, f32),
    rows: usize,
    /// Unique to this model in this process: what `cache.rs` keys its sums by.
    pub(crate) id: u64,
}

static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Why a model file could not be read.
#[derive(Debug, PartialEq, Eq)]
pub struct BadModel(pub &'static str);

impl std::fmt::Display for BadModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "entity model: {}", self.0)
    }
}

impl std::error::Error for BadModel {}

#[inline]
fn fingerprint(key: u64) -> u64 {
    (key >> 32) | 1
}

impl Model {
    /// A model from its features' keys, their weights (`N_TAGS` per key, unscaled) and the transitions.
    pub fn from_parts(keys: &[u64], weights: &[f32], trans: &[f32]) -> Model {
        let rows = keys.len();
        let cap = (rows * 2).next_power_of_two().max(16);
        let mut m = Model {
            slots: vec![0; cap],
            mask: cap - 1,
            weights: vec![0.0; rows * LANES],
            trans: Transitions::new(trans),
            calibration: (1.0, 0.0),
            rows,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        for (r, &k) in keys.iter().enumerate() {
            m.insert(k, r);
            for t in 0..N_TAGS {
                if let (Some(d), Some(&w)) = (
                    m.weights.get_mut(r * LANES + t),
                    weights.get(r * N_TAGS + t),
                ) {
                    *d = w;
                }
            }
        }
        m
    }

    fn insert(&mut self, key: u64, row: usize) {
        let fp = fingerprint(key);
        let mut s = (key as usize) & self.mask;
        loop {
            match self.slots.get_mut(s) {
                Some(slot) if *slot == 0 => {
                    *slot = (fp << 32) | (row as u64 + 1);
                    return;
                }
                Some(slot) if *slot >> 32 == fp => return, // a fingerprint twin: the first one stays
                Some(_) => s = (s + 1) & self.mask,
                None => return,
            }
        }
    }

    /// The row of a feature, when the model knows it.
    #[inline]
    pub fn row(&self, key: u64) -> Option<&[f32]> {
        let fp = fingerprint(key);
        let mut s = (key as usize) & self.mask;
        loop {
            let slot = *self.slots.get(s)?;
            if slot == 0 {
                return None;
            }
            if slot >> 32 == fp {
                let r = (slot & 0xffff_ffff) as usize - 1;
                return self.weights.get(r * LANES..(r + 1) * LANES);
            }
            s = (s + 1) & self.mask;
        }
    }

    /// Adds the weights of `keys` to `acc`.
    #[inline]
    pub fn add(&self, keys: &[u64], acc: &mut [f32; LANES]) {
        for &k in keys {
            if let Some(row) = self.row(k) {
                for (a, w) in acc.iter_mut().zip(row) {
                    *a += w;
                }
            }
        }
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether it has no feature at all.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Reads a model file.
    pub fn decode(b: &[u8]) -> Result<Model, BadModel> {
        let mut r = Reader(b);
        if r.take(8)? != MAGIC {
            return Err(BadModel("not a model file"));
        }
        if r.u32()? as usize != N_TAGS {
            return Err(BadModel("another tag set"));
        }
        let rows = r.u32()? as usize;
        let scale = f32::from_bits(r.u32()?);
        let calibration = (f32::from_bits(r.u32()?), f32::from_bits(r.u32()?));
        let mut trans = vec![0f32; N_TAGS * N_TAGS];
        for t in trans.iter_mut() {
            *t = f32::from_bits(r.u32()?);
        }
        let mut keys = Vec::with_capacity(rows.min(b.len() / 8));
        for _ in 0..rows {
            keys.push(r.u64()?);
        }
        let mut weights = vec![0f32; keys.len() * N_TAGS];
        for row in weights.chunks_exact_mut(N_TAGS) {
            let mask = r.u16()?;
            for (t, w) in row.iter_mut().enumerate() {
                if mask & (1 << t) != 0 {
                    *w = f32::from(r.u16()? as i16) * scale;
                }
            }
        }
        if !r.0.is_empty() {
            return Err(BadModel("trailing bytes"));
        }
        let mut m = Model::from_parts(&keys, &weights, &trans);
        m.calibration = calibration;
        Ok(m)
    }
}

/// Writes a model file: `weights` holds `N_TAGS` unscaled weights per key; they are stored as i16 of one
/// scale, and the zeros left out.
pub fn encode(keys: &[u64], weights: &[f32], trans: &[f32], calibration: (f32, f32)) -> Vec<u8> {
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    let mut out = Vec::with_capacity(32 + keys.len() * 20);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
    out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_bits().to_le_bytes());
    out.extend_from_slice(&calibration.0.to_bits().to_le_bytes());
    out.extend_from_slice(&calibration.1.to_bits().to_le_bytes());
    for t in 0..N_TAGS * N_TAGS {
        out.extend_from_slice(&trans.get(t).copied().unwrap_or(0.0).to_bits().to_le_bytes());
    }
    for k in keys {
        out.extend_from_slice(&k.to_le_bytes());
    }
    for row in weights.chunks_exact(N_TAGS) {
        let q: Vec<i16> = row
            .iter()
            .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        let mask = q
            .iter()
            .enumerate()
            .fold(0u16, |m, (t, &v)| if v != 0 { m | (1 << t) } else { m });
        out.extend_from_slice(&mask.to_le_bytes());
        for v in q.iter().filter(|&&v| v != 0) {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    out
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], BadModel> {
        if self.0.len() < n {
            return Err(BadModel("truncated"));
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }
    fn u16(&mut self) -> Result<u16, BadModel> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([
            b.first().copied().unwrap_or(0),
            b.get(1).copied().unwrap_or(0),
        ]))
    }
    fn u32(&mut self) -> Result<u32, BadModel> {
        let mut a = [0u8; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(a))
    }
    fn u64(&mut self) -> Result<u64, BadModel> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_finds_rows() {
        let keys = [17u64, 1 << 40, 99];
        let mut w = vec![0f32; 3 * N_TAGS];
        w[0] = 1.5;
        w[N_TAGS + 3] = -2.0;
        w[2 * N_TAGS + N_TAGS - 1] = 0.25;
        let trans: Vec<f32> = (0..N_TAGS * N_TAGS).map(|i| i as f32 * 0.01).collect();
        let m = Model::decode(&encode(&keys, &w, &trans, (0.5, -1.0))).unwrap();
        assert_eq!(m.calibration, (0.5, -1.0));
        assert_eq!(m.len(), 3);
        assert!((m.row(17).unwrap()[0] - 1.5).abs() < 1e-3);
        assert!((m.row(1 << 40).unwrap()[3] + 2.0).abs() < 1e-3);
        assert!((m.row(99).unwrap()[N_TAGS - 1] - 0.25).abs() < 1e-3);
        assert!(m.row(5).is_none());
        assert_eq!(
            Model::decode(b"LSMODEL1\x01").err(),
            Some(BadModel("truncated"))
        );
        assert!(Model::decode(b"nonsense").is_err());
    }
}
