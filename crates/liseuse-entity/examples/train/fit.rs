//! Fitting the perceptron: the examples of the articles trained on (WiNER's, then ours as many times a pass as
//! each set says, then the made-over copies), learnt in several orders at once, the pass kept that does best on
//! the held-out articles; and the figure of one of our sets in folds (`--english-folds`, `--gum-folds`).

use std::time::Instant;

use liseuse_entity::score::{Pred, report, score};
use liseuse_entity::tag::features::Sequence;
use liseuse_entity::tag::train::{self, Example, Trainer, shuffle};
use liseuse_entity::tag::weights::Model;

use crate::{Doc, augment, calibrate, evaluate, gold_tags, learnable, pipeline};

/// Weights: keys, per-key tag weights, transitions (see [`Trainer::averaged`]).
pub type Parts = (Vec<u64>, Vec<f32>, Vec<f32>);

/// How a model is fitted.
pub struct Fit {
    pub epochs: usize,
    pub min_count: u32,
    /// One article in `every` also seen made over (`--augment`), 0 for none.
    pub every: usize,
    /// Orders learnt at once (`--orders`).
    pub orders: usize,
    /// Added to the seeds of the orders (`--seed N`, 0 by default): another draw of the same training, to tell a
    /// change's effect from the noise of the order examples are seen in.
    pub seed: u64,
}

/// How many times the perceptron is trained over the same examples, each in its own order, the shipped weights
/// being their mean (`--orders N`; see [`train::mean`]).
pub const ORDERS: usize = 5;

/// The same examples learnt in `n` orders at once: one trainer per order, all cloned from the one that holds
/// the examples' features, so that they number them alike. Order 0 is the single order of `--orders 1`.
pub struct Orders {
    runs: Vec<Trainer>,
    /// Each trainer's order, shuffled again every pass.
    orders: Vec<Vec<usize>>,
    /// See [`Fit::seed`].
    seed: u64,
}

impl Orders {
    pub fn new(trainer: Trainer, n: usize, seed: u64) -> Orders {
        Orders {
            runs: vec![trainer; n.max(1)],
            orders: vec![Vec::new(); n.max(1)],
            seed,
        }
    }

    /// One pass of each trainer over `refs`; the number of runs the first one got wrong.
    pub fn epoch(&mut self, refs: &[&Example], epoch: usize) -> usize {
        let mut wrong = 0;
        for (o, (t, order)) in self.runs.iter_mut().zip(&mut self.orders).enumerate() {
            if order.len() != refs.len() {
                *order = (0..refs.len()).collect();
            }
            let salt = 7_777_777u64.wrapping_mul(self.seed);
            shuffle(order, 0x5eed + epoch as u64 + 1_000_003 * o as u64 + salt);
            let w = t.epoch(refs, order);
            if o == 0 {
                wrong = w;
            }
        }
        wrong
    }

    pub fn averaged(&self, min_count: u32) -> (Vec<u64>, Vec<f32>, Vec<f32>) {
        let parts: Vec<_> = self
            .runs
            .iter()
            .map(|t| t.averaged(min_count, 1e-6))
            .collect();
        match parts.as_slice() {
            [one] => one.clone(),
            _ => train::mean(&parts),
        }
    }
}

/// The best pass's held-out F1, its number and its weights.
pub fn fit(
    train: &[&Doc],
    extra: &[(Doc, usize)],
    held: &[&Doc],
    cfg: &Fit,
    t0: Instant,
) -> (f64, usize, Parts) {
    // names in capitals, which the articles never write (see `train/augment.rs`)
    let made_over = augment::copies(train, cfg.every);
    println!("{} made-over copies (every {})", made_over.len(), cfg.every);
    let mut trainer = Trainer::default();
    let mut examples: Vec<Example> = Vec::new();
    let mut lost = 0;
    let mut spans = 0;
    let mut order_docs: Vec<&Doc> = train.to_vec();
    let most = extra.iter().map(|&(_, t)| t).max().unwrap_or(0);
    for round in 0..most {
        order_docs.extend(extra.iter().filter(|(_, t)| round < *t).map(|(d, _)| d));
    }
    order_docs.extend(made_over.iter());
    for d in order_docs {
        let seq = Sequence::new(&d.text);
        let m = learnable(d);
        spans += m.spans.len();
        let tags = gold_tags(&seq, &m, &mut lost);
        examples.extend(trainer.examples(&seq, &tags));
    }
    println!(
        "{} runs, {} mentions ({} outside the scored tokens or off token boundaries), {} features, {:.1}s",
        examples.len(),
        spans,
        lost,
        trainer.features(),
        t0.elapsed().as_secs_f64()
    );
    let refs: Vec<&Example> = examples.iter().collect();
    let mut runs = Orders::new(trainer, cfg.orders, cfg.seed);
    let mut best = (0.0, 0usize, (Vec::new(), Vec::new(), Vec::new()));
    for epoch in 1..=cfg.epochs {
        let wrong = runs.epoch(&refs, epoch);
        let (keys, weights, trans) = runs.averaged(cfg.min_count);
        let model = Model::from_parts(&keys, &weights, &trans);
        let (f1, _) = evaluate(held, &model);
        println!(
            "epoch {epoch}: {wrong} runs wrong, held-out F1 {f1:.3} ({} features kept), {:.1}s",
            keys.len(),
            t0.elapsed().as_secs_f64()
        );
        if f1 > best.0 {
            best = (f1, epoch, (keys, weights, trans));
        }
    }
    best
}

/// A set scored in folds: its name, its articles, how many folds, whether each fold's misses and false alarms
/// are printed.
pub struct Folds<'a> {
    pub title: &'a str,
    pub set: &'a [Doc],
    pub k: usize,
    pub show: bool,
}

/// How many folds `--gum-folds` cuts GUM's 43 articles in.
pub const GUM_FOLDS: usize = 5;

/// One of our sets (`set`: the English articles, GUM) in `k` folds (every k-th article in name order): each fold
/// scored by a model trained as the shipped one is, with the other folds in place of the whole set; the counts
/// pooled. What the set teaches, measured on articles of its kind the model has not seen.
pub fn folds(
    Folds {
        title,
        set,
        k,
        show,
    }: Folds,
    train: &[&Doc],
    held: &[&Doc],
    extra: &[(Doc, usize)],
    cfg: &Fit,
) -> Result<(), Box<dyn std::error::Error>> {
    let times = extra
        .iter()
        .find(|(d, _)| set.iter().any(|e| e.name == d.name))
        .map_or(0, |&(_, t)| t);
    let others: Vec<(Doc, usize)> = extra
        .iter()
        .filter(|(d, _)| !set.iter().any(|e| e.name == d.name))
        .map(|(d, t)| (d.clone(), *t))
        .collect();
    let labels = ["PER", "ORG", "LOC"];
    let (mut gold, mut preds): (Vec<_>, Vec<Pred>) = (Vec::new(), Vec::new());
    for fold in 0..k {
        let mut with = others.clone();
        let mut test = Vec::new();
        for (i, d) in set.iter().enumerate() {
            if i % k == fold {
                test.push(d);
            } else if times > 0 {
                with.push((d.clone(), times));
            }
        }
        let (_, _, (keys, weights, trans)) = fit(train, &with, held, cfg, Instant::now());
        let mut model = Model::from_parts(&keys, &weights, &trans);
        model.calibration = calibrate(held, &model);
        if show {
            crate::errors(&test, &model);
        }
        for d in test {
            preds.extend(pipeline(d, &model));
            gold.extend(d.gold.iter().cloned());
        }
    }
    let s = score(&gold, &preds, &labels);
    println!(
        "{title}, {k} folds (each seen {times} times a pass when trained on):\n{}",
        report(&s, &labels)
    );
    Ok(())
}
