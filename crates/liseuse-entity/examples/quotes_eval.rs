//! Scores the quotation stage on the shared set (`tests/fixtures/quotes/`, a copy of `shared/eval/quotes/`) as
//! `score_quotes.py` does: detection P/R/F1, speaker accuracy, end to end, by kind, for the seeds, the dev texts,
//! their French and English parts, and all.
//!
//! `cargo run --release -p liseuse-entity --example quotes_eval -- [--heldout] [--heldout3] [--heldout4] [--heldout5]
//! [--heldout6] [--heldout7] [--heldout8] [--heldout11] [--heldout12] [--set NAME]…
//! [--errors] [--json FILE] [--text TEXT [--mentions]]`
//!
//! The sets: `seeds`, `dev` (the default), `dev2`, `test2` (`--heldout`), `dev3`, `test3` (`--heldout3`), `dev4`,
//! `test4` (`--heldout4`), `dev5`, `test5` (`--heldout5`), `dev6`, `test6` (`--heldout6`), `dev7`,
//! `test7` (`--heldout7`), `dev8`, `test8` (`--heldout8`), `dev11`, `test11` (`--heldout11`), `dev12`, `test12`
//! (`--heldout12`; both WiNER-fr articles the entity tagger trains on). The ninth and tenth sets are web pages
//! outside the repository (`heldout9/run.sh`, `heldout10/run.sh`).
//! `--errors` lists every miss, false quotation and wrong speaker of each set read for errors (never of a test set:
//! those are measured only); `--json FILE` writes the predictions as `liseuse quotes --format json` does, for
//! `score_quotes.py`.

use std::collections::BTreeSet;
use std::path::Path;

use liseuse_entity::quote::score::{self, GoldRow, PredRow};
use liseuse_entity::quote::{self, QuoteKind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let errors = args.iter().any(|a| a == "--errors");
    let json = args
        .iter()
        .position(|a| a == "--json")
        .and_then(|i| args.get(i + 1));
    if let Some(t) = args
        .iter()
        .position(|a| a == "--text")
        .and_then(|i| args.get(i + 1))
    {
        // one text given on the command line: its quotations, one a line
        let ents = liseuse_entity::analyse(t);
        if args.iter().any(|a| a == "--mentions") {
            for m in &ents.mentions {
                println!("  {:?} {:?}", m.label(), t.get(m.range()).unwrap_or(""));
            }
        }
        for q in quote::find(t, &ents) {
            println!(
                "{:?} {:?} [{}] cue {:?} speaker {:?} ({})",
                q.kind,
                t.get(q.range()).unwrap_or(""),
                q.confidence,
                q.cue
                    .map(|c| t.get(c.start as usize..c.end as usize).unwrap_or("")),
                q.speaker.as_ref().map(|s| s.name.as_str()),
                q.speaker
                    .as_ref()
                    .and_then(|s| s.entity)
                    .map_or(-1, i64::from),
            );
        }
        return Ok(());
    }
    let dir =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/quotes");
    // (set, its folder): the shared set, or the held-out texts annotated for this stage
    let folder = |set: &str| match set {
        "dev2" | "test2" => dir.join("heldout"),
        "dev3" | "test3" => dir.join("heldout3"),
        "dev4" | "test4" => dir.join("heldout4"),
        "dev5" | "test5" => dir.join("heldout5"),
        "dev6" | "test6" => dir.join("heldout6"),
        "dev7" | "test7" => dir.join("heldout7"),
        "dev8" | "test8" => dir.join("heldout8"),
        "dev11" | "test11" => dir.join("heldout11"),
        "dev12" | "test12" => dir.join("heldout12"),
        _ => dir.clone(),
    };
    let mut names: Vec<&str> = Vec::new();
    for (i, a) in args.iter().enumerate() {
        match a.as_str() {
            "--heldout" => names.extend(["dev2", "test2"]),
            "--heldout3" => names.extend(["dev3", "test3"]),
            "--heldout4" => names.extend(["dev4", "test4"]),
            "--heldout5" => names.extend(["dev5", "test5"]),
            "--heldout6" => names.extend(["dev6", "test6"]),
            "--heldout7" => names.extend(["dev7", "test7"]),
            "--heldout8" => names.extend(["dev8", "test8"]),
            "--heldout11" => names.extend(["dev11", "test11"]),
            "--heldout12" => names.extend(["dev12", "test12"]),
            "--set" => names.extend(args.get(i + 1).map(String::as_str)),
            _ => {}
        }
    }
    if names.is_empty() {
        names.extend(["seeds", "dev"]);
    }
    let folders: Vec<(&str, std::path::PathBuf)> = names.iter().map(|n| (*n, folder(n))).collect();
    let mut gold: Vec<GoldRow> = Vec::new();
    let mut sets: Vec<(String, BTreeSet<String>)> = Vec::new();
    let mut text_dir: std::collections::BTreeMap<String, std::path::PathBuf> = Default::default();
    for (set, folder) in &folders {
        let rows: Vec<GoldRow> = serde_json::from_str(&std::fs::read_to_string(
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
        for n in &names {
            text_dir.insert(n.clone(), folder.join("texts"));
        }
        gold.extend(rows);
        sets.push((set.to_string(), names));
    }
    let all: BTreeSet<String> = sets.iter().flat_map(|(_, d)| d.iter().cloned()).collect();
    let mut pred: Vec<PredRow> = Vec::new();
    let mut out_docs = Vec::new();
    for name in &all {
        let text = std::fs::read_to_string(
            text_dir
                .get(name)
                .map_or(dir.join("texts"), |d| d.clone())
                .join(name),
        )?;
        let ents = liseuse_entity::analyse(&text);
        let quotes = quote::find(&text, &ents);
        pred.extend(score::predictions(name, &text, &quotes));
        let qs: Vec<serde_json::Value> = quotes
            .iter()
            .map(|q| {
                serde_json::json!({
                    "start": q.start, "end": q.end, "text": text.get(q.range()).unwrap_or(""),
                    "kind": q.kind.as_str(),
                    "speaker": q.speaker.as_ref().map(|s| serde_json::json!({"name": s.name, "entity": s.entity})),
                    "cue": q.cue.map(|c| serde_json::json!({"start": c.start, "end": c.end, "text": text.get(c.start as usize..c.end as usize).unwrap_or("")})),
                    "confidence": q.confidence,
                })
            })
            .collect();
        out_docs.push(serde_json::json!({"path": name, "quotes": qs}));
    }
    if let Some(path) = json {
        std::fs::write(
            path,
            serde_json::to_string(&serde_json::json!({"documents": out_docs}))?,
        )?;
    }
    // each set's French and English texts apart, then all
    let mut parts = sets.clone();
    for (name, docs) in &sets {
        let (fr, en): (BTreeSet<String>, BTreeSet<String>) = docs.iter().cloned().partition(|n| {
            let t = std::fs::read_to_string(
                text_dir
                    .get(n)
                    .map_or(dir.join("texts"), |d| d.clone())
                    .join(n),
            )
            .unwrap_or_default();
            !(n.starts_with("en_") || n.starts_with("GUM_") || t.contains(" the "))
        });
        if !fr.is_empty() && !en.is_empty() {
            parts.push((format!("{name}-fr"), fr));
            parts.push((format!("{name}-en"), en));
        }
    }
    if sets.len() > 1 {
        parts.push((
            sets.iter()
                .map(|(s, _)| s.as_str())
                .collect::<Vec<_>>()
                .join(" + "),
            all.clone(),
        ));
    }
    for (name, docs) in &parts {
        let g: Vec<GoldRow> = gold
            .iter()
            .filter(|r| docs.contains(&r.doc))
            .cloned()
            .collect();
        let res = score::score(&g, docs, &pred);
        let rows = [
            ("direct", score::figures(&res, &g, Some(QuoteKind::Direct))),
            (
                "indirect",
                score::figures(&res, &g, Some(QuoteKind::Indirect)),
            ),
            ("all", score::figures(&res, &g, None)),
        ];
        println!("{name}\n{}", score::table(&rows));
        // a test set's errors are never printed: its figures are measured only
        if errors && sets.iter().any(|(s, _)| s == name) && !name.starts_with("test") {
            print_errors(&res, &g, &pred, &text_dir, &dir);
        }
    }
    Ok(())
}

/// Every miss, false quotation and wrong speaker of one set.
fn print_errors(
    res: &score::Matching,
    g: &[GoldRow],
    pred: &[PredRow],
    text_dir: &std::collections::BTreeMap<String, std::path::PathBuf>,
    dir: &Path,
) {
    for &j in &res.fn_ {
        if let Some(r) = g.get(j) {
            println!(
                "MISSED  {:24} {}-{} {:?} {:?}: {:?}",
                r.doc,
                r.start,
                r.end,
                r.kind,
                r.speaker,
                clip(&r.text)
            );
        }
    }
    for &(i, k) in &res.fp {
        if let Some(p) = pred.get(i) {
            let folder = text_dir.get(&p.doc).cloned().unwrap_or(dir.join("texts"));
            let text = std::fs::read_to_string(folder.join(&p.doc)).unwrap_or_default();
            let s: String = text.chars().skip(p.start).take(p.end - p.start).collect();
            println!(
                "FALSE   {:24} {}-{} {:?} {:?}: {:?}",
                p.doc,
                p.start,
                p.end,
                k,
                p.speaker,
                clip(&s)
            );
        }
    }
    for &(i, j, ok) in &res.matches {
        if let (false, Some(p), Some(r)) = (ok, pred.get(i), g.get(j)) {
            println!(
                "SPEAKER {:24} {}-{} predicted {:?}, gold {:?}: {:?}",
                r.doc,
                r.start,
                r.end,
                p.speaker,
                r.speaker,
                clip(&r.text)
            );
        }
    }
}

fn clip(s: &str) -> String {
    s.chars().take(90).collect()
}
