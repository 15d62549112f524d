//! The quotation stage (`entity::quote::find`, after the entities) against the entity analysis it follows
//! (`entity::analyse`), on one core: 10,000 small generated articles (`corpus.rs`), one 50 MB article of the same
//! prose, the news articles of the repository repeated to a few MB, and two hostile texts (a megabyte-long
//! paragraph opened by a « never closed, and one of thousands of quotation marks). `cargo bench --bench quotes`;
//! `LISEUSE_BENCH_N` and `LISEUSE_BENCH_LONG_MB` change the sizes. One timed pass of each is printed first: MB/s
//! of both stages, the quote stage's cost as a share of the analysis's, and its cost per MB on the long article
//! against the small ones (flat in size: about 1).

mod corpus;

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use liseuse_entity::{DocEntities, analyse, quote};

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The news articles of the repository, repeated to about 4 MB.
fn news() -> Vec<String> {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let mut one = Vec::new();
    for dir in ["tests/fixtures/quotes/texts", "tests/fixtures/winer/texts"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.sort();
        for p in paths {
            if let Ok(t) = std::fs::read_to_string(p) {
                one.push(t);
            }
        }
    }
    let size: usize = one.iter().map(String::len).sum();
    let copies = (4_000_000 / size.max(1)).max(1);
    (0..copies).flat_map(|_| one.iter().cloned()).collect()
}

/// A megabyte-long paragraph opened by a « that never closes, and a megabyte of quotation marks.
fn hostile() -> Vec<String> {
    let sentence =
        "Il a déclaré que la situation « était grave, a-t-il dit, et selon lui, il faut agir » ";
    let unclosed = format!(
        "Le ministre a déclaré : « {}",
        "nous ferons tout, ".repeat(60_000)
    );
    let marks = sentence.repeat(1_000_000 / sentence.len());
    let mut stray = String::new();
    for i in 0..200_000 {
        stray.push_str(["« ", "» ", "“ ", "\" ", "mot "][i % 5]);
    }
    vec![unclosed, marks, stray]
}

/// (MB/s of `analyse`, MB/s of the quote stage) in one pass.
fn one_pass(name: &str, docs: &[String], ents: &[DocEntities]) -> (f64, f64) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let start = Instant::now();
    for d in docs {
        black_box(analyse(d));
    }
    let analysis = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let mut quotes = 0;
    for (d, e) in docs.iter().zip(ents) {
        quotes += quote::find(d, e).len();
    }
    let stage = start.elapsed().as_secs_f64();
    println!(
        "{name}: {mb:.1} MB in {} texts, {quotes} quotations; analyse {:.1} MB/s, quotes {:.1} MB/s: the quote stage \
         costs {:.3} of the analysis (one pass, one core)",
        docs.len(),
        mb / analysis,
        mb / stage,
        stage / analysis,
    );
    (mb / analysis, mb / stage)
}

fn bench(c: &mut Criterion) {
    let n = env("LISEUSE_BENCH_N", 10_000);
    let long_mb = env("LISEUSE_BENCH_LONG_MB", 50);
    let sets = [
        (format!("small_{n}"), corpus::articles(n)),
        (
            format!("long_{long_mb}mb"),
            vec![corpus::long_article(long_mb)],
        ),
        ("news".to_string(), news()),
        ("hostile".to_string(), hostile()),
    ];
    // the model, the gazetteers and the cue lists are decoded on first use: not part of the throughput
    let warm = "Le président a déclaré : « Nous partirons. »";
    let _ = quote::find(warm, &analyse(warm));
    let ents: Vec<Vec<DocEntities>> = sets
        .iter()
        .map(|(_, docs)| docs.iter().map(|d| analyse(d)).collect())
        .collect();
    let mut per_mb = Vec::new();
    for ((name, docs), e) in sets.iter().zip(&ents) {
        per_mb.push(one_pass(name, docs, e).1);
    }
    if let (Some(small), Some(long)) = (per_mb.first(), per_mb.get(1)) {
        println!(
            "quote stage, cost per MB of the long article / of the small ones: {:.2}",
            small / long
        );
    }
    let mut g = c.benchmark_group("quotes");
    g.sample_size(10);
    for ((name, docs), e) in sets.iter().zip(&ents) {
        let bytes: usize = docs.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(format!("find_{name}"), |b| {
            b.iter(|| {
                for (d, e) in docs.iter().zip(e) {
                    black_box(quote::find(black_box(d), e));
                }
            })
        });
        g.bench_function(format!("analyse_{name}"), |b| {
            b.iter(|| {
                for d in docs.iter() {
                    black_box(analyse(black_box(d)));
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
