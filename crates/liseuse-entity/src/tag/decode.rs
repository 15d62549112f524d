//! Viterbi over BILOU tags: the best tag sequence of a run of scored tokens, given each token's score for each
//! tag and a score for each pair of consecutive tags. The tokens before and after the run are `O`.
//!
//! The same pass gives, for each token, how much the best sequence beats the best one that tags that token
//! otherwise (max-marginals, from a backward pass): the margin a mention's confidence is read from.

use super::scheme::{LANES, N_TAGS, O, allowed};

/// Scores below this are impossible transitions.
const NEG: f32 = -1.0e30;

/// Transition scores as rows of [`LANES`] (`rows[prev][next]`) and columns (`cols[next][prev]`), impossible
/// transitions and padding lanes at [`NEG`]: the best predecessor of every tag at once is a few wide maxima.
#[derive(Clone, Debug)]
pub struct Transitions {
    rows: [[f32; LANES]; N_TAGS],
    cols: [[f32; LANES]; N_TAGS],
}

impl Transitions {
    /// Learned scores, `prev * N_TAGS + next`; forbidden transitions are made impossible whatever they hold.
    pub fn new(raw: &[f32]) -> Transitions {
        let mut t = Transitions {
            rows: [[NEG; LANES]; N_TAGS],
            cols: [[NEG; LANES]; N_TAGS],
        };
        for (p, row) in t.rows.iter_mut().enumerate() {
            for (n, v) in row.iter_mut().enumerate().take(N_TAGS) {
                if allowed(p as u8, n as u8) {
                    *v = raw.get(p * N_TAGS + n).copied().unwrap_or(0.0);
                }
            }
        }
        for (n, col) in t.cols.iter_mut().enumerate() {
            for (p, v) in col.iter_mut().enumerate().take(N_TAGS) {
                *v = t.rows.get(p).and_then(|r| r.get(n)).copied().unwrap_or(NEG);
            }
        }
        t
    }
}

/// Working memory reused from one run to the next.
#[derive(Default)]
pub struct Decoder {
    fwd: Vec<[f32; LANES]>,
}

// The loops below index arrays of LANES with indices below N_TAGS ≤ LANES, and tags read back from `back`,
// written below N_TAGS: indexing with constant bounds lets the compiler drop the checks and vectorise the
// hottest loop of the engine.
#[allow(clippy::indexing_slicing, clippy::needless_range_loop)]
impl Decoder {
    /// A decoder with room for runs of `n` tokens.
    pub fn with_capacity(n: usize) -> Decoder {
        Decoder {
            fwd: Vec::with_capacity(n),
        }
    }

    /// The best tags of a run (`emissions[k]` the scores of its k-th token), written into `out`. When `margins`
    /// is given and the run holds a mention, it receives for each token from the first one tagged (not `O`) on
    /// the score lost by tagging it otherwise than the best sequence does, 0 for the tokens before (and is left
    /// empty when the run holds none).
    pub fn best(
        &mut self,
        emissions: &[[f32; LANES]],
        trans: &Transitions,
        out: &mut Vec<u8>,
        margins: Option<&mut Vec<f32>>,
    ) {
        out.clear();
        let n = emissions.len();
        let Some(first) = emissions.first() else {
            return;
        };
        self.fwd.clear();
        let o = usize::from(O);
        let mut score = [NEG; LANES];
        for t in 0..LANES {
            score[t] = trans.rows[o][t] + first[t];
        }
        self.fwd.push(score);
        for em in &emissions[1..] {
            // maxima only, one wide compare-and-select a lane; the best predecessors are found again on the way
            // back, for the chosen path alone
            let mut best = [NEG; LANES];
            for p in 0..N_TAGS {
                let s = score[p];
                let row = &trans.rows[p];
                for t in 0..LANES {
                    let v = s + row[t];
                    best[t] = if v > best[t] { v } else { best[t] };
                }
            }
            for t in 0..LANES {
                score[t] = best[t] + em[t];
            }
            self.fwd.push(score);
        }
        let mut best = NEG;
        let mut arg = 0usize;
        for t in 0..N_TAGS {
            let v = score[t] + trans.rows[t][o];
            if v > best {
                best = v;
                arg = t;
            }
        }
        out.resize(n, O);
        let mut t = arg;
        for k in (0..n).rev() {
            out[k] = t as u8;
            if k == 0 {
                break;
            }
            let prev = &self.fwd[k - 1];
            let col = &trans.cols[t];
            let mut m = NEG;
            let mut arg = 0usize;
            for p in 0..N_TAGS {
                let v = prev[p] + col[p];
                if v > m {
                    m = v;
                    arg = p;
                }
            }
            t = arg;
        }
        if let Some(m) = margins {
            m.clear();
            if out.iter().any(|&t| t != O) {
                self.margins(emissions, trans, out, best, m);
            }
        }
    }

    /// For each token from the first one tagged on, the best total score with its tag changed, subtracted from
    /// the best total. The tokens before are left at 0: a margin is read for the tokens of a mention only, and
    /// the backward pass stops at the first (it runs from the run's end).
    fn margins(
        &mut self,
        emissions: &[[f32; LANES]],
        trans: &Transitions,
        tags: &[u8],
        best: f32,
        out: &mut Vec<f32>,
    ) {
        let n = emissions.len().min(self.fwd.len()).min(tags.len());
        out.resize(n, 0.0);
        let o = usize::from(O);
        let first = tags.iter().position(|&t| t != O).unwrap_or(n);
        // backward max-sum: bwd[t] = best score of the rest of the run after a token tagged t
        let mut bwd = trans.cols[o];
        for k in (first..n).rev() {
            let fwd = &self.fwd[k];
            let chosen = usize::from(tags[k]);
            let mut alt = NEG;
            for t in 0..N_TAGS {
                let v = fwd[t] + bwd[t];
                if t != chosen && v > alt {
                    alt = v;
                }
            }
            out[k] = best - alt;
            if k == first {
                break;
            }
            let em = &emissions[k];
            let mut prev = [NEG; LANES];
            for t in 0..N_TAGS {
                let a = em[t] + bwd[t];
                let col = &trans.cols[t];
                for p in 0..LANES {
                    let v = col[p] + a;
                    prev[p] = if v > prev[p] { v } else { prev[p] };
                }
            }
            bwd = prev;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::scheme::{Part, tag};
    use super::*;

    fn em(scores: &[(u8, f32)]) -> [f32; LANES] {
        let mut e = [0f32; LANES];
        for &(t, s) in scores {
            e[usize::from(t)] = s;
        }
        e
    }

    #[test]
    fn finds_the_best_legal_sequence() {
        let trans = Transitions::new(&[0.0; N_TAGS * N_TAGS]);
        let b = tag(0, Part::Begin);
        let i = tag(0, Part::Inside);
        let loc = tag(2, Part::Begin);
        // the second token alone prefers I-PER, which needs a PER before it
        let ems = [
            em(&[(b, 1.0), (loc, 1.5)]),
            em(&[(i, 3.0)]),
            em(&[(O, 0.5)]),
        ];
        let mut d = Decoder::default();
        let mut out = Vec::new();
        let mut margins = Vec::new();
        d.best(&ems, &trans, &mut out, Some(&mut margins));
        assert_eq!(out, [b, i, O]);
        // the best sequence that tags the first token otherwise starts a place there (I-PER cannot follow):
        // 1.5 + 0 + 0.5, against 1 + 3 + 0.5
        assert!((margins[0] - 2.5).abs() < 1e-4, "{margins:?}");
        assert!(margins.iter().all(|&m| m >= 0.0));
    }

    #[test]
    fn margins_start_at_the_first_mention() {
        let trans = Transitions::new(&[0.0; N_TAGS * N_TAGS]);
        let b = tag(0, Part::Begin);
        let i = tag(0, Part::Inside);
        let loc = tag(2, Part::Begin);
        let run = [
            em(&[(b, 1.0), (loc, 1.5)]),
            em(&[(i, 3.0)]),
            em(&[(O, 0.5)]),
        ];
        let mut d = Decoder::default();
        let (mut out, mut alone) = (Vec::new(), Vec::new());
        d.best(&run, &trans, &mut out, Some(&mut alone));
        // the same run after a token that is plainly O: its margins are the run's alone, the first is not read
        let mut after = vec![em(&[(O, 10.0)])];
        after.extend(run);
        let mut margins = Vec::new();
        d.best(&after, &trans, &mut out, Some(&mut margins));
        assert_eq!(out, [O, b, i, O]);
        assert_eq!(margins.len(), 4);
        assert_eq!(margins[0], 0.0);
        for (x, y) in margins[1..].iter().zip(&alone) {
            assert!((x - y).abs() < 1e-4, "{margins:?} / {alone:?}");
        }
    }

    #[test]
    fn an_empty_run_has_no_tags() {
        let mut d = Decoder::default();
        let mut out = vec![1];
        d.best(&[], &Transitions::new(&[]), &mut out, None);
        assert!(out.is_empty());
    }
}
