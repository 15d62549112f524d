//! Trains the entity tagger on WiNER-fr's train split and writes `assets/entity_model.bin`.
//!
//! `cargo run --release -p liseuse-entity --example train -- --winer ../shared/eval/winer [--english DIR] [--epochs N] [--out PATH]
//! [--augment N] [--extra SET[:N],...] [--repeat N] [--orders N] [--seed N] [--cv] [--english-folds] [--gum-folds]
//! [--errors] [--report-test]`
//!
//! `--english DIR` is `shared/eval/english` (by default the `english` folder beside `--winer`'s): the `gum` set
//! of `--extra` is read from it (43 Wikinews articles of GUM; its `wikigold/` is never read here).
//!
//! The train split (the 964 articles of 2016–2017) is cut in two, by article and deterministically: every
//! tenth article in name order (`HELD_OUT`) is kept out of training, to choose the number of passes and to
//! report a figure on text the model has not seen. The test split (2018) is never read here.

#[path = "train/augment.rs"]
mod augment;
#[path = "train/data.rs"]
mod data;
#[path = "train/fit.rs"]
mod fit;
#[path = "train/lesson.rs"]
mod lesson;
#[path = "train/marked.rs"]
mod marked;

use std::path::{Path, PathBuf};
use std::time::Instant;

use data::{Doc, load, ours};
use fit::{Fit, Folds, GUM_FOLDS, ORDERS, Orders, fit, folds};
use lesson::{gold_tags, learnable};
use liseuse_entity::extract_with;
use liseuse_entity::score::{Gold, Pred, report, score};
use liseuse_entity::tag::features::Sequence;
use liseuse_entity::tag::scheme::LABELS;
use liseuse_entity::tag::train::{Example, Trainer};
use liseuse_entity::tag::weights::{Model, encode};
use liseuse_entity::tag::{self, Tagged};

/// What `--extra` trains on besides WiNER when it is not given: our annotated sets, `set:N` seen N times a pass.
const DEFAULT_EXTRA: &str = "seeds,dev,en:9,gum:2";

/// Every `HELD_OUT`-th article of the train split, in name order, is held out.
const HELD_OUT: usize = 10;
/// Of the articles trained on, one in `AUGMENT` gets a copy with its surnames in capitals, the next one a copy
/// with speaker lines (`--augment N`; 0 for none, the default: 8 was best on `--cv`, worse on the held-out tenth,
/// see the README).
const AUGMENT: usize = 0;

fn to_preds(doc: &Doc, seq: &Sequence, found: &[Tagged]) -> Vec<Pred> {
    let char_of = |b: usize| doc.text.get(..b).map_or(0, |s| s.chars().count());
    found
        .iter()
        .filter_map(|m| {
            let s = seq.toks.get(m.a)?.start as usize;
            let e = seq.toks.get(m.e - 1)?.end as usize;
            Some(Pred {
                doc: doc.name.clone(),
                start: char_of(s),
                end: char_of(e),
                label: LABELS.get(m.label)?.as_str().to_string(),
                entity: None,
            })
        })
        .collect()
}

/// Fits `p(right | margin) = 1 / (1 + e^-(a·margin + b))` to the held-out mentions (Newton's method on the
/// log-likelihood): what turns a margin into a confidence.
fn calibrate(docs: &[&Doc], model: &Model) -> (f32, f32) {
    let mut pts: Vec<(f64, f64)> = Vec::new();
    for d in docs {
        let seq = Sequence::new(&d.text);
        let found = tag::tag(&seq, model);
        let preds = to_preds(d, &seq, &found);
        for (m, p) in found.iter().zip(&preds) {
            let right = d
                .gold
                .iter()
                .any(|g| g.start == p.start && g.end == p.end && g.label == p.label);
            pts.push((f64::from(m.margin.min(50.0)), if right { 1.0 } else { 0.0 }));
        }
    }
    let (mut a, mut b) = (0.1f64, 0.0f64);
    for _ in 0..50 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-6, 0.0, 1e-6);
        for &(x, y) in &pts {
            let p = 1.0 / (1.0 + (-(a * x + b)).exp());
            let w = p * (1.0 - p);
            ga += (y - p) * x;
            gb += y - p;
            haa += w * x * x;
            hab += w * x;
            hbb += w;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-12 {
            break;
        }
        a += (hbb * ga - hab * gb) / det;
        b += (haa * gb - hab * ga) / det;
    }
    (a as f32, b as f32)
}

/// The whole pipeline's mentions (tagger, document passes, dates) as predictions.
fn pipeline(d: &Doc, model: &Model) -> Vec<Pred> {
    let char_of = |b: usize| d.text.get(..b).map_or(0, |s| s.chars().count());
    extract_with(&d.text, model)
        .into_iter()
        .map(|s| Pred {
            doc: d.name.clone(),
            start: char_of(s.start),
            end: char_of(s.end),
            label: s.label.as_str().to_string(),
            entity: None,
        })
        .collect()
}

fn evaluate(docs: &[&Doc], model: &Model) -> (f64, String) {
    let mut preds = Vec::new();
    let mut gold = Vec::new();
    for d in docs {
        preds.extend(pipeline(d, model));
        gold.extend(d.gold.iter().cloned());
    }
    let labels = ["PER", "ORG", "LOC"];
    let s = score(&gold, &preds, &labels);
    (s.rows.get("ALL").map_or(0.0, |r| r.f1), report(&s, &labels))
}

/// Misses and false alarms of the held-out articles or of a fold not trained on (never of a test split).
fn errors(docs: &[&Doc], model: &Model) {
    for d in docs {
        let preds: Vec<Pred> = pipeline(d, model)
            .into_iter()
            .filter(|p| p.label != "DATE")
            .collect();
        let chars: Vec<char> = d.text.chars().collect();
        let sub = |s: usize, e: usize| {
            chars
                .get(s..e)
                .map(|c| c.iter().collect::<String>())
                .unwrap_or_default()
        };
        let hit = |p: &Pred, g: &Gold| {
            p.label == g.label
                && ((p.start, p.end) == (g.start, g.end) || g.alt.contains(&(p.start, p.end)))
        };
        for g in d.gold.iter().filter(|g| !g.optional && g.label != "DATE") {
            if !preds.iter().any(|p| hit(p, g)) {
                let ctx = sub(g.start.saturating_sub(25), g.end + 25).replace('\n', " ");
                println!("MISS  {} {:4} {:30} | {ctx}", d.name, g.label, g.text);
            }
        }
        for p in &preds {
            if !d.gold.iter().any(|g| hit(p, g)) {
                let ctx = sub(p.start.saturating_sub(25), p.end + 25).replace('\n', " ");
                println!(
                    "FALSE {} {:4} {:30} | {ctx}",
                    d.name,
                    p.label,
                    sub(p.start, p.end)
                );
            }
        }
    }
}

/// Model selection without the held-out articles: the other nine tenths cut in nine folds by article, each
/// scored by a model trained on the eight others; the counts of all folds pooled.
fn cross_validate(
    docs: &[Doc],
    cfg: &Fit,
    calibration: (f32, f32),
) -> Result<(), Box<dyn std::error::Error>> {
    let labels = ["PER", "ORG", "LOC"];
    let mut preds = Vec::new();
    let mut gold = Vec::new();
    for fold in 1..HELD_OUT {
        let mut trainer = Trainer::default();
        let mut examples = Vec::new();
        let mut lost = 0;
        let mut test = Vec::new();
        let mut train = Vec::new();
        for (i, d) in docs.iter().enumerate() {
            match i % HELD_OUT {
                0 => {}
                k if k == fold => test.push(d),
                _ => train.push(d),
            }
        }
        let made_over = augment::copies(&train, cfg.every);
        for d in train.into_iter().chain(&made_over) {
            let seq = Sequence::new(&d.text);
            let tags = gold_tags(&seq, &learnable(d), &mut lost);
            examples.extend(trainer.examples(&seq, &tags));
        }
        let refs: Vec<&Example> = examples.iter().collect();
        let mut runs = Orders::new(trainer, cfg.orders, cfg.seed);
        for epoch in 1..=cfg.epochs {
            runs.epoch(&refs, epoch);
        }
        let (keys, weights, trans) = runs.averaged(cfg.min_count);
        let mut model = Model::from_parts(&keys, &weights, &trans);
        model.calibration = calibration;
        for d in test {
            preds.extend(pipeline(d, &model));
            gold.extend(d.gold.iter().cloned());
        }
    }
    let s = score(&gold, &preds, &labels);
    println!(
        "cross-validation, {} passes:\n{}",
        cfg.epochs,
        report(&s, &labels)
    );
    Ok(())
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let winer = PathBuf::from(arg(&args, "--winer").ok_or("--winer PATH (shared/eval/winer)")?);
    let epochs: usize = arg(&args, "--epochs").map_or(Ok(12), |s| s.parse())?;
    let out = arg(&args, "--out").map_or_else(
        || Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("assets/entity_model.bin"),
        PathBuf::from,
    );
    let min_count: u32 = arg(&args, "--min-count").map_or(Ok(2), |s| s.parse())?;
    let every: usize = arg(&args, "--augment").map_or(Ok(AUGMENT), |s| s.parse())?;
    let orders: usize = arg(&args, "--orders").map_or(Ok(ORDERS), |s| s.parse())?;
    let seed: u64 = arg(&args, "--seed").map_or(Ok(0), |s| s.parse())?;
    let cfg = Fit {
        epochs,
        min_count,
        every,
        orders,
        seed,
    };
    let english = arg(&args, "--english")
        .map(PathBuf::from)
        .or_else(|| winer.parent().map(|p| p.join("english")));
    let t0 = Instant::now();
    let docs = load(&winer, "train")?;
    if args.iter().any(|a| a == "--cv") {
        // the calibration of a model trained on the same data, fitted on the held-out articles
        let cal = arg(&args, "--calibration").unwrap_or_else(|| "0.0974,-0.5649".into());
        let (a, b) = cal.split_once(',').ok_or("--calibration A,B")?;
        return cross_validate(&docs, &cfg, (a.parse()?, b.parse()?));
    }
    let held: Vec<&Doc> = docs.iter().step_by(HELD_OUT).collect();
    let train: Vec<&Doc> = docs
        .iter()
        .enumerate()
        .filter(|(i, _)| i % HELD_OUT != 0)
        .map(|(_, d)| d)
        .collect();
    println!(
        "{} articles: {} to train on, {} held out",
        docs.len(),
        train.len(),
        held.len()
    );
    // the seeds, dev/ and the English articles teach our convention, each seen REPEAT times a pass (a few
    // articles among 867), or as `set:N` says: the 18 short English ones nine times (see the README)
    let extra_sets = arg(&args, "--extra").unwrap_or_else(|| DEFAULT_EXTRA.into());
    let repeat: usize = arg(&args, "--repeat").map_or(Ok(3), |s| s.parse())?;
    let mut extra: Vec<(Doc, usize)> = Vec::new();
    for set in extra_sets.split(',').filter(|s| !s.is_empty()) {
        let (name, times) = match set.split_once(':') {
            Some((n, t)) => (n, t.parse()?),
            None => (set, repeat),
        };
        extra.extend(
            ours(name, english.as_deref())?
                .into_iter()
                .map(|d| (d, times)),
        );
    }
    if args.iter().any(|a| a == "--english-folds") {
        let en = ours("en", None)?;
        let f = Folds {
            title: "English articles",
            set: &en,
            k: 3,
            show: args.iter().any(|a| a == "--errors"),
        };
        return folds(f, &train, &held, &extra, &cfg);
    }
    if args.iter().any(|a| a == "--gum-folds") {
        let gum = ours("gum", english.as_deref())?;
        let f = Folds {
            title: "GUM",
            set: &gum,
            k: GUM_FOLDS,
            show: args.iter().any(|a| a == "--errors"),
        };
        return folds(f, &train, &held, &extra, &cfg);
    }
    let best = fit(&train, &extra, &held, &cfg, t0);
    let (keys, weights, trans) = &best.2;
    let calibration = calibrate(&held, &Model::from_parts(keys, weights, trans));
    let bytes = encode(keys, weights, trans, calibration);
    let model = Model::decode(&bytes)?;
    println!("calibration: a={:.4} b={:.4}", calibration.0, calibration.1);
    let (_, rep) = evaluate(&held, &model);
    println!(
        "best: epoch {}, held-out (WiNER convention):\n{rep}",
        best.1
    );
    std::fs::write(&out, &bytes)?;
    if args.iter().any(|a| a == "--errors") {
        errors(&held, &model);
    }
    if args.iter().any(|a| a == "--report-test") {
        // measuring only: nothing above depends on this
        let test = load(&winer, "test")?;
        let (gj, other): (Vec<&Doc>, Vec<&Doc>) = test
            .iter()
            .partition(|d| d.text.to_lowercase().contains("gilets jaunes"));
        let all: Vec<&Doc> = test.iter().collect();
        for (name, part) in [
            ("test", &all),
            ("test gilets jaunes", &gj),
            ("test other", &other),
        ] {
            let (f1, rep) = evaluate(part, &model);
            println!("== {name} ({} articles): F1 {f1:.3}\n{rep}", part.len());
        }
    }
    println!(
        "wrote {} ({} bytes) in {:.1}s",
        out.display(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}
