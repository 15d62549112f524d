//! Entity extraction throughput: the seed and development articles, each analysed on its own, repeated to a few
//! MB. `cargo bench --bench extract` (criterion reports the throughput; the MB/s line is printed too).

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use liseuse::entity::extract;

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut one = Vec::new();
    for dir in ["seeds", "tests/fixtures/dev/texts"] {
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

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let _ = extract("Le président Ibrahim Raïssi"); // parse the gazetteers once, outside the timing
    let start = Instant::now();
    let spans: usize = docs.iter().map(|d| extract(d).len()).sum();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "extract: {:.1} MB in {} articles, {spans} mentions, {:.1} MB/s (one pass)",
        bytes as f64 / 1e6,
        docs.len(),
        bytes as f64 / secs / 1e6
    );
    let mut g = c.benchmark_group("entity");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("extract", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(extract(black_box(d)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
