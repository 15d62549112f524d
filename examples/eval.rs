//! Scores the entity engine on the seed and development gold, as `shared/eval/score.py` does.
//!
//! `cargo run --release --example eval [-- --json OUT_DIR] [--errors]`: prints precision, recall and F1 per
//! label and the grouping figures; `--json` also writes the `liseuse entities --format json` output of each
//! set (to check against score.py); `--errors` lists every miss and false alarm.

use std::path::{Path, PathBuf};

use liseuse::entity::export::{ExportDoc, to_json};
use liseuse::entity::score::{Gold, Pred, predictions, report, score, subset};
use liseuse::entity::{EntityIndex, analyse};

/// (file name, text) of each document, in name order.
type Docs = Vec<(String, String)>;

fn load(texts: &Path, gold: &Path) -> Result<(Docs, Vec<Gold>), Box<dyn std::error::Error>> {
    let gold: Vec<Gold> = serde_json::from_str(&std::fs::read_to_string(gold)?)?;
    let mut names: Vec<String> = gold.iter().map(|g| g.doc.clone()).collect();
    names.sort();
    names.dedup();
    let mut docs = Vec::new();
    for n in names {
        docs.push((n.clone(), std::fs::read_to_string(texts.join(&n))?));
    }
    Ok((docs, gold))
}

fn errors(docs: &[(String, String)], gold: &[Gold], pred: &[Pred]) {
    let labels = ["PER", "ORG", "LOC", "DATE"];
    for (name, text) in docs {
        let chars: Vec<char> = text.chars().collect();
        let sub = |s: usize, e: usize| {
            chars[s.min(chars.len())..e.min(chars.len())]
                .iter()
                .collect::<String>()
        };
        for g in gold
            .iter()
            .filter(|g| &g.doc == name && !g.optional && labels.contains(&g.label.as_str()))
        {
            let hit = pred.iter().any(|p| {
                &p.doc == name
                    && p.label == g.label
                    && ((p.start, p.end) == (g.start, g.end) || g.alt.contains(&(p.start, p.end)))
            });
            if !hit {
                println!("  MISS {name} {} {:?} [{}]", g.label, g.text, g.id);
            }
        }
        for p in pred.iter().filter(|p| &p.doc == name) {
            let ok = gold.iter().any(|g| {
                &g.doc == name
                    && g.label == p.label
                    && ((p.start, p.end) == (g.start, g.end) || g.alt.contains(&(p.start, p.end)))
            });
            if !ok {
                println!("  FALSE {name} {} {:?}", p.label, sub(p.start, p.end));
            }
        }
    }
}

/// Gold entities split over several predicted ids, and predicted ids spanning several gold entities.
fn grouping_errors(gold: &[Gold], pred: &[Pred]) {
    use std::collections::{BTreeMap, BTreeSet};
    let mut by_gold: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut by_pred: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for p in pred {
        let hit = gold.iter().find(|g| {
            g.doc == p.doc
                && g.label == p.label
                && !g.optional
                && ((p.start, p.end) == (g.start, g.end) || g.alt.contains(&(p.start, p.end)))
        });
        if let (Some(g), Some(e)) = (hit, p.entity.as_deref()) {
            by_gold.entry(&g.id).or_default().insert(e);
            by_pred.entry(e).or_default().insert(&g.id);
        }
    }
    for (g, ids) in &by_gold {
        if ids.len() > 1 {
            println!("  SPLIT {g}: {ids:?}");
        }
    }
    for (p, ids) in &by_pred {
        if ids.len() > 1 {
            println!("  MERGED {p}: {ids:?}");
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let json_dir = args
        .iter()
        .position(|a| a == "--json")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let show = args.iter().any(|a| a == "--errors");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sets = [
        (
            "seeds",
            root.join("seeds"),
            root.join("tests/fixtures/seeds.gold.json"),
        ),
        (
            "dev",
            root.join("tests/fixtures/dev/texts"),
            root.join("tests/fixtures/dev/dev.gold.json"),
        ),
    ];
    for (name, texts, gold_path) in sets {
        let (docs, gold) = load(&texts, &gold_path)?;
        let analysed: Vec<_> = docs.iter().map(|(_, t)| analyse(t)).collect();
        let index = EntityIndex::build(&analysed);
        let pred = predictions(&docs, &index);
        let mut parts = vec![(name.to_string(), gold.clone())];
        if name == "dev" {
            parts.push(("dev French (fr_*)".into(), subset(&gold, "fr_")));
            parts.push(("dev English (en_*)".into(), subset(&gold, "en_")));
        }
        for (title, g) in parts {
            let pred: Vec<Pred> = pred
                .iter()
                .filter(|p| g.iter().any(|x| x.doc == p.doc))
                .cloned()
                .collect();
            println!("== {title}: PER, ORG, LOC");
            print!(
                "{}",
                report(
                    &score(&g, &pred, &["PER", "ORG", "LOC"]),
                    &["PER", "ORG", "LOC"]
                )
            );
            let d = score(&g, &pred, &["DATE"]);
            let r = d.rows.get("DATE").copied().unwrap_or_default();
            println!(
                "DATE  P={:.3} R={:.3} F1={:.3}  (tp {}, fp {}, fn {})   (--labels=DATE)",
                r.precision, r.recall, r.f1, r.tp, r.fp, r.fn_
            );
            let all = score(&g, &pred, &["PER", "ORG", "LOC", "DATE"]);
            println!(
                "F1={:.3}   (--labels=PER,ORG,LOC,DATE)\n",
                all.rows.get("ALL").map_or(0.0, |r| r.f1)
            );
        }
        if show {
            errors(&docs, &gold, &pred);
            grouping_errors(&gold, &pred);
        }
        if let Some(dir) = &json_dir {
            std::fs::create_dir_all(dir)?;
            let paths: Vec<String> = docs
                .iter()
                .map(|(n, _)| texts.join(n).display().to_string())
                .collect();
            let exp: Vec<ExportDoc> = docs
                .iter()
                .zip(&paths)
                .map(|((_, t), p)| ExportDoc {
                    path: p,
                    title: t.lines().next().unwrap_or("").trim(),
                    text: t,
                })
                .collect();
            std::fs::write(dir.join(format!("{name}.pred.json")), to_json(&exp, &index))?;
        }
    }
    Ok(())
}
