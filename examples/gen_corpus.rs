//! Writes a deterministic library of realistic French news articles for benchmarks:
//! `cargo run --release --example gen_corpus -- DIR [N] [LONG_MB]`
//! makes `DIR/lib/` with N articles (default 10,000, about 6 KB each, in nested folders of 100)
//! and `DIR/long.txt`, one article of LONG_MB megabytes (default 50).

#[path = "../crates/liseuse-entity/benches/corpus.rs"]
mod corpus;

use std::path::Path;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let dir = Path::new(args.get(1).map_or("target/bench-corpus", String::as_str)).to_path_buf();
    let n: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let long_mb: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(50);
    let bytes = corpus::write_library(&dir.join("lib"), n)?;
    let long = corpus::long_article(long_mb);
    std::fs::write(dir.join("long.txt"), &long)?;
    println!(
        "{n} articles ({:.1} MB) in {}, and a {:.1} MB article in {}",
        bytes as f64 / 1e6,
        dir.join("lib").display(),
        long.len() as f64 / 1e6,
        dir.join("long.txt").display()
    );
    Ok(())
}
