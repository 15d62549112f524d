//! Viterbi over BILOU tags: the best tag sequence of a run of scored tokens, given each token's score for each
//! tag and a score for each pair of consecutive tags. The tokens before and after the run are `O`.
//!
//! The same pass gives, for each token, how much the best sequence beats the best one that tags that token
//! otherwise (max-marginals, from a backward pass): the margin a mention's confidence is read from.

use super::scheme::{LANES, N_TAGS, O, allowed};

/// Scores below this are impossible transitions.
const NEG: f32 = -1.0e30;

/// Transition scores, `prev * N_TAGS + next`, with the forbidden ones already at [`NEG`].
#[derive(Clone, Debug)]
pub struct Transitions(pub [f32; N_TAGS * N_TAGS]);

impl Transitions {
    /// Learned scores; forbidden transitions are made impossible whatever they hold.
    pub fn new(raw: &[f32]) -> Transitions {
        let mut t = [0f32; N_TAGS * N_TAGS];
        for (i, v) in t.iter_mut().enumerate() {
            let (p, n) = ((i / N_TAGS) as u8, (i % N_TAGS) as u8);
            *v = if allowed(p, n) {
                raw.get(i).copied().unwrap_or(0.0)
            } else {
                NEG
            };
        }
        Transitions(t)
    }

    #[inline]
    fn at(&self, prev: usize, next: usize) -> f32 {
        self.0.get(prev * N_TAGS + next).copied().unwrap_or(NEG)
    }
}

/// Working memory reused from one run to the next.
#[derive(Default)]
pub struct Decoder {
    back: Vec<[u8; N_TAGS]>,
    fwd: Vec<[f32; N_TAGS]>,
}

impl Decoder {
    /// The best tags of a run (`emissions[k]` the scores of its k-th token), written into `out`. When `margins`
    /// is given, it receives for each token the score lost by tagging it otherwise than the best sequence does.
    pub fn best(
        &mut self,
        emissions: &[[f32; LANES]],
        trans: &Transitions,
        out: &mut Vec<u8>,
        margins: Option<&mut Vec<f32>>,
    ) {
        out.clear();
        let n = emissions.len();
        if n == 0 {
            return;
        }
        self.back.clear();
        self.fwd.clear();
        let mut score = [NEG; N_TAGS];
        if let Some(first) = emissions.first() {
            for (t, s) in score.iter_mut().enumerate() {
                *s = trans.at(usize::from(O), t) + first.get(t).copied().unwrap_or(0.0);
            }
        }
        self.fwd.push(score);
        self.back.push([0; N_TAGS]);
        for em in emissions.iter().skip(1) {
            let mut next = [NEG; N_TAGS];
            let mut back = [0u8; N_TAGS];
            for (t, (nx, bk)) in next.iter_mut().zip(back.iter_mut()).enumerate() {
                let mut best = NEG;
                let mut arg = 0u8;
                for (p, &s) in score.iter().enumerate() {
                    let v = s + trans.at(p, t);
                    if v > best {
                        best = v;
                        arg = p as u8;
                    }
                }
                *nx = best + em.get(t).copied().unwrap_or(0.0);
                *bk = arg;
            }
            score = next;
            self.fwd.push(score);
            self.back.push(back);
        }
        let mut best = NEG;
        let mut arg = 0u8;
        for (t, &s) in score.iter().enumerate() {
            let v = s + trans.at(t, usize::from(O));
            if v > best {
                best = v;
                arg = t as u8;
            }
        }
        out.resize(n, O);
        let mut t = arg;
        for k in (0..n).rev() {
            if let Some(o) = out.get_mut(k) {
                *o = t;
            }
            t = self
                .back
                .get(k)
                .and_then(|b| b.get(usize::from(t)))
                .copied()
                .unwrap_or(O);
        }
        if let Some(m) = margins {
            self.margins(emissions, trans, out, best, m);
        }
    }

    /// For each token, the best total score with its tag changed, subtracted from the best total.
    fn margins(
        &mut self,
        emissions: &[[f32; LANES]],
        trans: &Transitions,
        tags: &[u8],
        best: f32,
        out: &mut Vec<f32>,
    ) {
        let n = emissions.len();
        out.clear();
        out.resize(n, 0.0);
        // backward max-sum: bwd[t] = best score of the rest of the run after a token tagged t
        let mut bwd = [0f32; N_TAGS];
        for (t, b) in bwd.iter_mut().enumerate() {
            *b = trans.at(t, usize::from(O));
        }
        for k in (0..n).rev() {
            let fwd = self.fwd.get(k).copied().unwrap_or([NEG; N_TAGS]);
            let chosen = tags.get(k).copied().map_or(0, usize::from);
            let mut alt = NEG;
            for (t, (&f, &b)) in fwd.iter().zip(bwd.iter()).enumerate() {
                if t != chosen && f + b > alt {
                    alt = f + b;
                }
            }
            if let Some(o) = out.get_mut(k) {
                *o = best - alt;
            }
            if k == 0 {
                break;
            }
            let em = emissions.get(k).copied().unwrap_or([0.0; LANES]);
            let mut prev = [NEG; N_TAGS];
            for (p, pv) in prev.iter_mut().enumerate() {
                let mut m = NEG;
                for (t, &b) in bwd.iter().enumerate() {
                    let v = trans.at(p, t) + em.get(t).copied().unwrap_or(0.0) + b;
                    if v > m {
                        m = v;
                    }
                }
                *pv = m;
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
        let l = tag(0, Part::Last);
        let u = tag(2, Part::Unit);
        // the second token alone prefers L-PER, which needs a B-PER before it
        let ems = [em(&[(b, 1.0), (u, 1.5)]), em(&[(l, 3.0)]), em(&[(O, 0.5)])];
        let mut d = Decoder::default();
        let mut out = Vec::new();
        let mut margins = Vec::new();
        d.best(&ems, &trans, &mut out, Some(&mut margins));
        assert_eq!(out, [b, l, O]);
        // the best alternative for the first token is U-LOC then O: 1.5 + 0 + 0.5, against 1 + 3 + 0.5
        assert!((margins[0] - 2.5).abs() < 1e-4, "{margins:?}");
        assert!(margins.iter().all(|&m| m >= 0.0));
    }

    #[test]
    fn an_empty_run_has_no_tags() {
        let mut d = Decoder::default();
        let mut out = vec![1];
        d.best(&[], &Transitions::new(&[]), &mut out, None);
        assert!(out.is_empty());
    }
}
