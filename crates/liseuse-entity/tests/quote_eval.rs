//! A ratchet on the quotation stage's scores on the shared set (`tests/fixtures/quotes/`, a copy of
//! `shared/eval/quotes/`: the seeds and the 15 dev texts, every quotation annotated by hand), as
//! `score_quotes.py` computes them: it fails if detection, speaker accuracy or end-to-end F1 drops below what the
//! stage reaches today, minus a hair. The stage was written looking at these texts: these figures say it reads
//! them, not how it does on unseen ones (the held-out texts of `tests/fixtures/quotes/heldout/` say that; their
//! figures are printed, `cargo test -p liseuse-entity --test quote_eval -- --nocapture`). Also checks the Rust
//! scorer against `score_quotes.py` on the same predictions.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use liseuse_entity::quote::score::{self, Figures, GoldRow, PredRow};
use liseuse_entity::quote::{self, QuoteKind};

fn fixtures() -> PathBuf {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/quotes"
    ))
    .to_path_buf()
}

/// A set's gold rows and annotated documents (`NAME.gold.json`, `NAME.docs.json` in `dir`).
fn set(dir: &Path, name: &str) -> (Vec<GoldRow>, BTreeSet<String>) {
    let gold: Vec<GoldRow> = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("{name}.gold.json"))).unwrap(),
    )
    .unwrap();
    let docs: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("{name}.docs.json"))).unwrap(),
    )
    .unwrap();
    let names = docs["annotated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    (gold, names)
}

/// The stage's predictions on the documents, read from `texts`.
fn predict(texts: &Path, docs: &BTreeSet<String>) -> Vec<PredRow> {
    let mut pred = Vec::new();
    for name in docs {
        let text = std::fs::read_to_string(texts.join(name)).unwrap();
        let ents = liseuse_entity::analyse(&text);
        pred.extend(score::predictions(name, &text, &quote::find(&text, &ents)));
    }
    pred
}

/// (direct, indirect, all) figures.
fn figures(gold: &[GoldRow], docs: &BTreeSet<String>, pred: &[PredRow]) -> [Figures; 3] {
    let res = score::score(gold, docs, pred);
    [
        score::figures(&res, gold, Some(QuoteKind::Direct)),
        score::figures(&res, gold, Some(QuoteKind::Indirect)),
        score::figures(&res, gold, None),
    ]
}

fn show(name: &str, f: &[Figures; 3]) {
    println!(
        "{name}\n{}",
        score::table(&[("direct", f[0]), ("indirect", f[1]), ("all", f[2])])
    );
}

/// (detection F1, speaker accuracy, end-to-end F1) floors, for direct, indirect, all.
fn at_least(name: &str, f: &[Figures; 3], floors: [[f64; 3]; 3]) {
    show(name, f);
    for (k, (got, want)) in f.iter().zip(floors).enumerate() {
        let kind = ["direct", "indirect", "all"][k];
        assert!(
            got.f1 >= want[0],
            "{name} {kind}: detection F1 {:.3} < {}",
            got.f1,
            want[0]
        );
        assert!(
            got.speaker_accuracy >= want[1],
            "{name} {kind}: speaker accuracy {:.3} < {}",
            got.speaker_accuracy,
            want[1]
        );
        assert!(
            got.e2e_f1 >= want[2],
            "{name} {kind}: end-to-end F1 {:.3} < {}",
            got.e2e_f1,
            want[2]
        );
    }
}

#[test]
fn quotes_shared_set_scores_do_not_drop() {
    let dir = fixtures();
    let (seeds, seed_docs) = set(&dir, "seeds");
    let (dev, dev_docs) = set(&dir, "dev");
    let texts = dir.join("texts");
    let pred_seeds = predict(&texts, &seed_docs);
    let pred_dev = predict(&texts, &dev_docs);
    // today (detection F1, speaker accuracy, end-to-end F1): seeds 1.000 1.000 1.000 of every kind; dev direct
    // 0.990 0.980 0.970, indirect 0.982 1.000 0.982, all 0.987 0.987 0.974; seeds + dev direct 0.995 0.989 0.984,
    // indirect 0.986 1.000 0.986, all 0.992 0.992 0.984 (the floors a thousandth under, for rounding)
    at_least(
        "seeds",
        &figures(&seeds, &seed_docs, &pred_seeds),
        [
            [0.999, 0.999, 0.999],
            [0.999, 0.999, 0.999],
            [0.999, 0.999, 0.999],
        ],
    );
    at_least(
        "dev",
        &figures(&dev, &dev_docs, &pred_dev),
        [
            [0.989, 0.979, 0.969],
            [0.981, 0.999, 0.981],
            [0.986, 0.986, 0.973],
        ],
    );
    let mut all_gold = seeds;
    all_gold.extend(dev);
    let mut all_docs = seed_docs;
    all_docs.extend(dev_docs);
    let mut all_pred = pred_seeds;
    all_pred.extend(pred_dev);
    at_least(
        "seeds + dev",
        &figures(&all_gold, &all_docs, &all_pred),
        [
            [0.994, 0.988, 0.983],
            [0.985, 0.999, 0.985],
            [0.991, 0.991, 0.983],
        ],
    );
}

#[test]
fn quotes_tuned_held_out_scores_do_not_drop() {
    // dev2 … dev8: held-out texts annotated before the stage read them, whose errors were then read to fix
    // general faults (tuned on since; their test halves are measured only and not here). Today: direct 0.958
    // 0.956 0.916, indirect 0.922 0.988 0.911, all 0.943 0.970 0.914 (the floors a thousandth under)
    let dir = fixtures();
    let (mut gold, mut docs, mut pred) = (Vec::new(), BTreeSet::new(), Vec::new());
    for (folder, name) in [
        ("heldout", "dev2"),
        ("heldout3", "dev3"),
        ("heldout4", "dev4"),
        ("heldout5", "dev5"),
        ("heldout6", "dev6"),
        ("heldout7", "dev7"),
        ("heldout8", "dev8"),
    ] {
        let (g, d) = set(&dir.join(folder), name);
        pred.extend(predict(&dir.join(folder).join("texts"), &d));
        gold.extend(g);
        docs.extend(d);
    }
    at_least(
        "dev2 + dev3 + dev4 + dev5 + dev6 + dev7 + dev8",
        &figures(&gold, &docs, &pred),
        [
            [0.957, 0.955, 0.915],
            [0.921, 0.987, 0.910],
            [0.942, 0.969, 0.913],
        ],
    );
}

#[test]
fn quotes_tuned_dev11_scores_do_not_drop() {
    // dev11: French WiNER-fr articles annotated blind (0.876 / 0.707 / 0.619 at first read), whose errors were
    // then read to fix general faults (test11 stays measured only, not here). Today: direct 0.962 0.889 0.855,
    // indirect 0.843 0.886 0.747, all 0.916 0.888 0.813 (the floors a thousandth under)
    let dir = fixtures().join("heldout11");
    let (gold, docs) = set(&dir, "dev11");
    let pred = predict(&dir.join("texts"), &docs);
    at_least(
        "dev11",
        &figures(&gold, &docs, &pred),
        [
            [0.961, 0.888, 0.854],
            [0.842, 0.885, 0.746],
            [0.915, 0.887, 0.812],
        ],
    );
}

#[test]
fn quotes_dev12_scores_do_not_drop() {
    // dev12: French WiNER-fr articles annotated blind (q29h12: 0.844 / 0.947 / 0.800 at first read), whose errors
    // were then read to fix general faults (q29s12; test12 stays measured only, not here). Today: direct 0.957
    // 1.000 0.957, indirect 1.000 0.917 0.917, all 0.979 0.957 0.936 (the floors a thousandth under; indirect
    // speakers 27 → 33 right, their share lower as the rows found grew)
    let dir = fixtures().join("heldout12");
    let (gold, docs) = set(&dir, "dev12");
    let pred = predict(&dir.join("texts"), &docs);
    at_least(
        "dev12",
        &figures(&gold, &docs, &pred),
        [
            [0.956, 0.999, 0.956],
            [0.999, 0.916, 0.916],
            [0.978, 0.956, 0.935],
        ],
    );
}

#[test]
fn quotes_held_out_figures_are_printed() {
    // not a ratchet: test2 is measured only, never tuned on (see tests/fixtures/quotes/heldout/build.py)
    let dir = fixtures().join("heldout");
    for name in ["dev2", "test2"] {
        let (gold, docs) = set(&dir, name);
        let pred = predict(&dir.join("texts"), &docs);
        show(name, &figures(&gold, &docs, &pred));
    }
}

/// Predictions in `liseuse quotes --format json` form (byte offsets), in characters.
fn read_program_output(path: &Path, texts: &Path) -> Vec<PredRow> {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = Vec::new();
    for d in v["documents"].as_array().unwrap() {
        let name = d["path"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string();
        let text = std::fs::read_to_string(texts.join(&name)).unwrap();
        for q in d["quotes"].as_array().unwrap() {
            let (s, e) = (
                q["start"].as_u64().unwrap() as usize,
                q["end"].as_u64().unwrap() as usize,
            );
            out.push(PredRow {
                doc: name.clone(),
                start: score::char_offset(&text, s),
                end: score::char_offset(&text, e),
                speaker: q["speaker"]["name"].as_str().map(str::to_string),
                kind: if q["kind"] == "indirect" {
                    QuoteKind::Indirect
                } else {
                    QuoteKind::Direct
                },
            });
        }
    }
    out
}

#[test]
fn quotes_rust_scorer_agrees_with_score_quotes_py() {
    // `scorer_check/pred.json`: the stage's first, imperfect output on the held-out texts (misses, false
    // quotations, wrong speakers); `expected.json`: what score_quotes.py --json printed for it
    let dir = fixtures();
    let held = dir.join("heldout");
    let (mut gold, mut docs) = set(&held, "dev2");
    let (g2, d2) = set(&held, "test2");
    gold.extend(g2);
    docs.extend(d2);
    let pred = read_program_output(&dir.join("scorer_check/pred.json"), &held.join("texts"));
    let got = figures(&gold, &docs, &pred);
    let expected: BTreeMap<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("scorer_check/expected.json")).unwrap(),
    )
    .unwrap();
    for (k, f) in ["direct", "indirect", "all"].iter().zip(got) {
        let e = &expected[*k];
        let count = |n: &str| e[n].as_u64().unwrap() as usize;
        assert_eq!(
            (f.gold, f.pred, f.tp, f.fp, f.fn_, f.speaker_ok),
            (
                count("gold"),
                count("pred"),
                count("tp"),
                count("fp"),
                count("fn"),
                count("speaker_ok")
            ),
            "{k}"
        );
        for (got, name) in [
            (f.precision, "precision"),
            (f.recall, "recall"),
            (f.f1, "f1"),
            (f.speaker_accuracy, "speaker_accuracy"),
            (f.e2e_precision, "e2e_precision"),
            (f.e2e_recall, "e2e_recall"),
            (f.e2e_f1, "e2e_f1"),
        ] {
            let want = e[name].as_f64().unwrap();
            assert!(
                (got - want).abs() < 0.0006,
                "{k} {name}: {got:.4} against {want}"
            );
        }
    }
}
