//! Scores the entity engine as `shared/eval/score.py` does: per-label precision, recall and F1 (PER, ORG, LOC),
//! the grouping figures, DATE apart.
//!
//! `cargo run --release -p liseuse-entity --example eval -- [SET...] [--winer DIR] [--model PATH] [--json OUT_DIR] [--errors]`
//!
//! SET: `seeds`, `dev` (with its French and English parts), `english` (the 18 English articles of
//! `tests/fixtures/english/`, annotated inline; the shipped model is trained on them, so this is a trained-on figure), `winer-slice` (the WiNER test articles copied into
//! `tests/fixtures/winer/`), with `--winer DIR` (shared/eval/winer): `winer-train` (its held-out tenth and
//! the rest apart) and `winer-test` (all, the « gilets jaunes » articles and the others apart), and with
//! `--english DIR` (shared/eval/english; by default the `english` folder beside `--winer`'s): `gum` (43 Wikinews
//! articles of GUM, news and interviews apart; trained on, so a trained-on figure: `train --gum-folds` gives the
//! unseen one) and `wikigold` (145 Wikipedia articles, measured only, never trained on). No SET: seeds and dev. `--model` scores another model than the shipped one; `--json` writes the `liseuse entities
//! --format json` output of each set (to check against score.py); `--errors` lists every miss and false alarm.

use std::path::{Path, PathBuf};

#[path = "train/marked.rs"]
mod marked;

use liseuse_entity::export::{ExportDoc, to_json};
use liseuse_entity::score::{Gold, Pred, predictions, report, score};
use liseuse_entity::tag::weights::Model;
use liseuse_entity::{DocEntities, EntityIndex, analyse, analyse_with};

/// (file name, text) of each document, in name order.
type Docs = Vec<(String, String)>;

/// Which texts of a folder a set takes.
type Keep = Box<dyn Fn(&str) -> bool>;

/// Every text of `texts` whose name `keep` accepts, with the gold rows of `gold` (a text may have none).
fn load(
    texts: &Path,
    gold: &Path,
    keep: &dyn Fn(&str) -> bool,
) -> Result<(Docs, Vec<Gold>), Box<dyn std::error::Error>> {
    let gold: Vec<Gold> = serde_json::from_str(&std::fs::read_to_string(gold)?)?;
    let mut names: Vec<String> = std::fs::read_dir(texts)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") && keep(n))
        .collect();
    names.sort();
    let mut docs = Vec::new();
    for n in names {
        let t = std::fs::read_to_string(texts.join(&n))?;
        docs.push((n, t));
    }
    let kept: std::collections::BTreeSet<&str> = docs.iter().map(|(n, _)| n.as_str()).collect();
    let gold = gold
        .into_iter()
        .filter(|g| kept.contains(g.doc.as_str()))
        .collect();
    Ok((docs, gold))
}

fn errors(docs: &[(String, String)], gold: &[Gold], pred: &[Pred]) {
    let labels = ["PER", "ORG", "LOC", "DATE"];
    let same = |p: &Pred, g: &Gold| {
        p.doc == g.doc
            && p.label == g.label
            && ((p.start, p.end) == (g.start, g.end) || g.alt.contains(&(p.start, p.end)))
    };
    for (name, text) in docs {
        let chars: Vec<char> = text.chars().collect();
        let sub = |s: usize, e: usize| {
            chars
                .get(s.min(chars.len())..e.min(chars.len()))
                .map(|c| c.iter().collect::<String>())
                .unwrap_or_default()
        };
        for g in gold
            .iter()
            .filter(|g| &g.doc == name && !g.optional && labels.contains(&g.label.as_str()))
        {
            if !pred.iter().any(|p| same(p, g)) {
                println!("  MISS {name} {} {:?} [{}]", g.label, g.text, g.id);
            }
        }
        for p in pred.iter().filter(|p| &p.doc == name) {
            if !gold.iter().any(|g| same(p, g)) {
                println!("  FALSE {name} {} {:?}", p.label, sub(p.start, p.end));
            }
        }
    }
}

fn print_scores(title: &str, gold: &[Gold], pred: &[Pred]) {
    let names: std::collections::BTreeSet<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let pred: Vec<Pred> = pred
        .iter()
        .filter(|p| names.contains(p.doc.as_str()))
        .cloned()
        .collect();
    let pol = ["PER", "ORG", "LOC"];
    println!("== {title}: PER, ORG, LOC");
    print!("{}", report(&score(gold, &pred, &pol), &pol));
    let d = score(gold, &pred, &["DATE"]);
    let r = d.rows.get("DATE").copied().unwrap_or_default();
    println!(
        "DATE  P={:.3} R={:.3} F1={:.3}  (tp {}, fp {}, fn {})   (--labels=DATE)\n",
        r.precision, r.recall, r.f1, r.tp, r.fp, r.fn_
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let json_dir = value("--json").map(PathBuf::from);
    let winer = value("--winer").map(PathBuf::from);
    let english = value("--english").map(PathBuf::from).or_else(|| {
        winer
            .as_ref()
            .and_then(|w| w.parent())
            .map(|p| p.join("english"))
    });
    let model = match value("--model") {
        Some(p) => Some(Model::decode(&std::fs::read(p)?)?),
        None => None,
    };
    let show = args.iter().any(|a| a == "--errors");
    let flags_with_value = ["--json", "--winer", "--model", "--english"];
    let mut sets: Vec<&str> = Vec::new();
    for (i, a) in args.iter().enumerate() {
        let is_value = i > 0
            && args
                .get(i - 1)
                .is_some_and(|p| flags_with_value.contains(&p.as_str()));
        if !a.starts_with("--") && !is_value {
            sets.push(a);
        }
    }
    if sets.is_empty() {
        sets = vec!["seeds", "dev"];
    }
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    for set in sets {
        let need_winer = || {
            winer
                .clone()
                .ok_or("this set needs --winer DIR (shared/eval/winer)")
        };
        let need_english = || {
            english
                .clone()
                .ok_or("this set needs --english DIR (shared/eval/english) or --winer DIR")
        };
        let all = |_: &str| true;
        let (texts, docs, gold) = if set == "english" || set.starts_with("english=") {
            let dir = set
                .strip_prefix("english=")
                .map_or(root.join(marked::EN_TEXTS), PathBuf::from);
            let mut docs = Vec::new();
            let mut gold = Vec::new();
            for (name, text, rows) in marked::load(&dir)? {
                docs.push((name, text));
                gold.extend(rows);
            }
            (dir, docs, gold)
        } else {
            let (texts, gold_path, keep): (PathBuf, PathBuf, Keep) = match set {
                "seeds" => (
                    root.join("seeds"),
                    root.join("tests/fixtures/seeds.gold.json"),
                    Box::new(all),
                ),
                "dev" => (
                    root.join("tests/fixtures/dev/texts"),
                    root.join("tests/fixtures/dev/dev.gold.json"),
                    Box::new(all),
                ),
                "winer-slice" => (
                    root.join("tests/fixtures/winer/texts"),
                    root.join("tests/fixtures/winer/slice.gold.json"),
                    Box::new(all),
                ),
                "winer-train" => {
                    let w = need_winer()?;
                    (
                        w.join("texts"),
                        w.join("train.gold.json"),
                        Box::new(|n: &str| n.starts_with("2016_") || n.starts_with("2017_")),
                    )
                }
                "gum" | "wikigold" => {
                    let e = need_english()?.join(set);
                    (e.join("texts"), e.join("gold.json"), Box::new(all))
                }
                "winer-test" => {
                    let w = need_winer()?;
                    (
                        w.join("texts"),
                        w.join("test.gold.json"),
                        Box::new(|n: &str| n.starts_with("2018_")),
                    )
                }
                other => return Err(format!("unknown set {other}").into()),
            };
            let (docs, gold) = load(&texts, &gold_path, &*keep)?;
            (texts, docs, gold)
        };
        let analysed: Vec<DocEntities> = docs
            .iter()
            .map(|(_, t)| match &model {
                Some(m) => analyse_with(t, m),
                None => analyse(t),
            })
            .collect();
        let index = EntityIndex::build(&analysed);
        let pred = predictions(&docs, &index);
        let part = |f: &dyn Fn(usize, &str, &str) -> bool| -> Vec<Gold> {
            let names: std::collections::BTreeSet<&str> = docs
                .iter()
                .enumerate()
                .filter(|(i, (n, t))| f(*i, n, t))
                .map(|(_, (n, _))| n.as_str())
                .collect();
            gold.iter()
                .filter(|g| names.contains(g.doc.as_str()))
                .cloned()
                .collect()
        };
        print_scores(set, &gold, &pred);
        match set {
            "dev" => {
                print_scores(
                    "dev French (fr_*)",
                    &part(&|_, n, _| n.starts_with("fr_")),
                    &pred,
                );
                print_scores(
                    "dev English (en_*)",
                    &part(&|_, n, _| n.starts_with("en_")),
                    &pred,
                );
            }
            "gum" => {
                print_scores(
                    "gum news",
                    &part(&|_, n, _| n.starts_with("GUM_news")),
                    &pred,
                );
                print_scores(
                    "gum interview",
                    &part(&|_, n, _| n.starts_with("GUM_interview")),
                    &pred,
                );
            }
            "winer-train" => {
                // the tenth held out of training by examples/train.rs: every tenth article in name order
                print_scores(
                    "winer-train held out (1 in 10)",
                    &part(&|i, _, _| i % 10 == 0),
                    &pred,
                );
                print_scores(
                    "winer-train trained on",
                    &part(&|i, _, _| i % 10 != 0),
                    &pred,
                );
            }
            "winer-test" | "winer-slice" => {
                let gj = |t: &str| t.to_lowercase().contains("gilets jaunes");
                print_scores(
                    &format!("{set} gilets jaunes"),
                    &part(&|_, _, t| gj(t)),
                    &pred,
                );
                print_scores(&format!("{set} other"), &part(&|_, _, t| !gj(t)), &pred);
            }
            _ => {}
        }
        if show {
            errors(&docs, &gold, &pred);
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
            std::fs::write(dir.join(format!("{set}.pred.json")), to_json(&exp, &index))?;
        }
    }
    Ok(())
}
