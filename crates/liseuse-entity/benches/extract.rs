//! Entity analysis (extraction and grouping, `entity::analyse`, what the app runs on each article) on one core:
//! 10,000 small generated articles (`corpus.rs`, as `examples/gen_corpus.rs` writes them), one 50 MB article of
//! the same prose, and real news (the seed, `dev/` and WiNER-slice articles of the repository, repeated to a
//! few MB). `cargo bench -p liseuse-entity --bench extract`; `LISEUSE_BENCH_N` and `LISEUSE_BENCH_LONG_MB` change the sizes.
//! Criterion reports each throughput; one timed pass of each is printed first, with the cost per megabyte of the
//! long article against the small ones. The rule engine of before (commit 72768f1) is measured against this one
//! by `benches/compare_rule_engine.sh`.

mod corpus;

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use liseuse_entity::analyse;

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
    for dir in [
        "seeds",
        "tests/fixtures/dev/texts",
        "tests/fixtures/winer/texts",
    ] {
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

fn one_pass(name: &str, docs: &[String]) -> f64 {
    let bytes: usize = docs.iter().map(String::len).sum();
    let start = Instant::now();
    let mentions: usize = docs.iter().map(|d| analyse(d).mentions.len()).sum();
    let secs = start.elapsed().as_secs_f64();
    let mb_s = bytes as f64 / secs / 1e6;
    println!(
        "analyse {name}: {:.1} MB in {} articles, {mentions} mentions, {mb_s:.1} MB/s (one pass, one core)",
        bytes as f64 / 1e6,
        docs.len(),
    );
    mb_s
}

fn bench(c: &mut Criterion) {
    let n = env("LISEUSE_BENCH_N", 10_000);
    let long_mb = env("LISEUSE_BENCH_LONG_MB", 50);
    let small = corpus::articles(n);
    let long = vec![corpus::long_article(long_mb)];
    let news = news();
    // the model and the gazetteers are decoded on first use: not part of the throughput
    let _ = analyse("Le président Ibrahim Raïssi est arrivé à Paris.");
    let s = one_pass(&format!("{n} small articles"), &small);
    let l = one_pass(&format!("one {long_mb} MB article"), &long);
    one_pass("news of the repository", &news);
    println!(
        "cost per MB of the long article / of the small ones: {:.2}",
        s / l
    );
    let mut g = c.benchmark_group("analyse");
    g.sample_size(10);
    for (name, docs) in [
        (format!("small_{n}"), &small),
        (format!("long_{long_mb}mb"), &long),
        ("news".to_string(), &news),
    ] {
        let bytes: usize = docs.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(name, |b| {
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
