//! Is a pronoun's referent worth learning? Every pronoun the quotation stage resolved for a quotation of the
//! annotated texts (« il a ajouté », « he said »), with the referents it could have chosen (the last speaker,
//! the last subject, the first person of the sentence before, the last person named, the last one before the
//! paragraph) and their features; the hand rule's choice against an averaged perceptron ranking them, trained
//! leaving one text out (and trained on the sets tuned on, seeds + dev … dev5, tested on test2 … test5: their
//! counts only; `--cases` lists no test set's pronouns).
//!
//! `cargo run --release -p liseuse-entity --example quotes_learn -- [--cases]`

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use liseuse_entity::quote::score::{self, GoldRow};
use liseuse_entity::quote::{self, trace};

/// One pronoun with its referents, which of them are right, and the rule's choice.
struct Item {
    doc: String,
    set: String,
    feats: Vec<Vec<usize>>,
    names: Vec<String>,
    right: Vec<bool>,
    rule: Option<usize>,
    gold: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let show = std::env::args().any(|a| a == "--cases");
    let dir =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/quotes");
    let sets: [(&str, PathBuf); 10] = [
        ("seeds", dir.clone()),
        ("dev", dir.clone()),
        ("dev2", dir.join("heldout")),
        ("test2", dir.join("heldout")),
        ("dev3", dir.join("heldout3")),
        ("test3", dir.join("heldout3")),
        ("dev4", dir.join("heldout4")),
        ("test4", dir.join("heldout4")),
        ("dev5", dir.join("heldout5")),
        ("test5", dir.join("heldout5")),
    ];
    let mut vocab: BTreeMap<String, usize> = BTreeMap::new();
    let mut items: Vec<Item> = Vec::new();
    for (set, folder) in &sets {
        let gold: Vec<GoldRow> = serde_json::from_str(&std::fs::read_to_string(
            folder.join(format!("{set}.gold.json")),
        )?)?;
        let docs: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
            folder.join(format!("{set}.docs.json")),
        )?)?;
        let names: BTreeSet<String> = docs["annotated"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        for name in &names {
            let text = std::fs::read_to_string(folder.join("texts").join(name))?;
            let ents = liseuse_entity::analyse(&text);
            trace::start();
            let _ = quote::find(&text, &ents);
            let cases = trace::take();
            // the last resolution recorded for each quotation
            let mut by_range: BTreeMap<(usize, usize), trace::Case> = BTreeMap::new();
            for c in cases {
                by_range.insert((c.start, c.end), c);
            }
            for ((s, e), case) in by_range {
                let (s, e) = (score::char_offset(&text, s), score::char_offset(&text, e));
                // the gold row it overlaps most, if it has a speaker
                let Some(g) = gold
                    .iter()
                    .filter(|g| &g.doc == name && g.speaker.is_some())
                    .map(|g| (g.end.min(e).saturating_sub(g.start.max(s)), g))
                    .filter(|(o, _)| *o > 0)
                    .max_by_key(|(o, _)| *o)
                    .map(|(_, g)| g)
                else {
                    continue;
                };
                let feats = case
                    .alts
                    .iter()
                    .map(|a| {
                        let mut f: Vec<usize> = a
                            .features
                            .iter()
                            .map(|x| {
                                let n = vocab.len();
                                *vocab.entry(x.clone()).or_insert(n)
                            })
                            .collect();
                        f.sort_unstable();
                        f
                    })
                    .collect();
                items.push(Item {
                    doc: name.clone(),
                    set: set.to_string(),
                    feats,
                    names: case.alts.iter().map(|a| a.name.clone()).collect(),
                    right: case
                        .alts
                        .iter()
                        .map(|a| score::speaker_ok(Some(&a.name), g))
                        .collect(),
                    rule: case.rule,
                    gold: g.speaker.clone().unwrap_or_default(),
                });
            }
        }
    }
    let dim = vocab.len();
    if show {
        // a test set's pronouns are never listed: its figures are measured only
        for it in items.iter().filter(|it| !it.set.starts_with("test")) {
            println!(
                "{:6} {:28} gold {:22} rule {:?}",
                it.set,
                it.doc,
                it.gold,
                it.rule.and_then(|r| it.names.get(r))
            );
            for ((n, f), r) in it.names.iter().zip(&it.feats).zip(&it.right) {
                let f: Vec<&str> = f
                    .iter()
                    .filter_map(|i| vocab.iter().find(|(_, v)| *v == i).map(|(k, _)| k.as_str()))
                    .collect();
                println!(
                    "    {} {:22} {}",
                    if *r { "+" } else { " " },
                    n,
                    f.join(" ")
                );
            }
        }
    }
    let ok = |it: &Item, pick: Option<usize>| pick.is_some_and(|p| it.right.get(p) == Some(&true));
    let report = |label: &str, test: &[&Item], picks: &[Option<usize>]| {
        let n = test.len();
        let rule = test.iter().filter(|it| ok(it, it.rule)).count();
        let learned = test.iter().zip(picks).filter(|(it, p)| ok(it, **p)).count();
        let oracle = test.iter().filter(|it| it.right.contains(&true)).count();
        println!(
            "{label:34} pronouns {n:3}  rule {rule:3} ({:.3})  learned {learned:3} ({:.3})  oracle {oracle:3} ({:.3})",
            rule as f64 / n.max(1) as f64,
            learned as f64 / n.max(1) as f64,
            oracle as f64 / n.max(1) as f64
        );
    };
    // leave one text out over a group of sets
    let tuned = ["seeds", "dev", "dev2", "dev3", "dev4", "dev5"];
    for group in [
        &["seeds", "dev"][..],
        &["seeds", "dev", "dev2"][..],
        &tuned[..],
    ] {
        let pool: Vec<&Item> = items
            .iter()
            .filter(|it| group.contains(&it.set.as_str()))
            .collect();
        let docs: BTreeSet<&str> = pool.iter().map(|it| it.doc.as_str()).collect();
        let mut picks = Vec::new();
        let mut test = Vec::new();
        for d in &docs {
            let train: Vec<&Item> = pool.iter().copied().filter(|it| it.doc != *d).collect();
            let w = perceptron(&train, dim);
            for it in pool.iter().copied().filter(|it| it.doc == *d) {
                picks.push(best(&w, it));
                test.push(it);
            }
        }
        report(
            &format!("leave-one-text-out {}", group.join("+")),
            &test,
            &picks,
        );
    }
    // trained on the sets tuned on, tested on the test halves (their figures only)
    let train: Vec<&Item> = items
        .iter()
        .filter(|it| tuned.contains(&it.set.as_str()))
        .collect();
    let test: Vec<&Item> = items
        .iter()
        .filter(|it| !tuned.contains(&it.set.as_str()))
        .collect();
    let w = perceptron(&train, dim);
    let picks: Vec<Option<usize>> = test.iter().map(|it| best(&w, it)).collect();
    report("train seeds+dev..dev5, test test2..5", &test, &picks);
    Ok(())
}

/// The referent the weights rank first (the first of equals).
fn best(w: &[f64], it: &Item) -> Option<usize> {
    let mut out: Option<(usize, f64)> = None;
    for (i, f) in it.feats.iter().enumerate() {
        let s: f64 = f.iter().map(|&k| w.get(k).copied().unwrap_or(0.0)).sum();
        if out.is_none_or(|(_, b)| s > b) {
            out = Some((i, s));
        }
    }
    out.map(|(i, _)| i)
}

/// An averaged perceptron ranking referents, trained on the pronouns whose right referent is among them.
fn perceptron(train: &[&Item], dim: usize) -> Vec<f64> {
    let mut w = vec![0.0; dim];
    let mut sum = vec![0.0; dim];
    let mut steps: f64 = 0.0;
    for _ in 0..20 {
        for it in train {
            let Some(gold) = it.right.iter().position(|&r| r) else {
                continue;
            };
            if let Some(p) = best(&w, it)
                && !it.right.get(p).copied().unwrap_or(false)
            {
                for &k in it.feats.get(gold).into_iter().flatten() {
                    w[k] += 1.0;
                }
                for &k in it.feats.get(p).into_iter().flatten() {
                    w[k] -= 1.0;
                }
            }
            for (s, x) in sum.iter_mut().zip(&w) {
                *s += x;
            }
            steps += 1.0;
        }
    }
    sum.iter().map(|s| s / steps.max(1.0)).collect()
}
