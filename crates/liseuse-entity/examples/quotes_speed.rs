//! The quotation stage's throughput on one core over the files given, against the entity analysis it follows:
//! `cargo run --release -p liseuse-entity --example quotes_speed -- FILE... | @LIST`. Each text is analysed once (its entities
//! kept), then both stages are run again until a second has passed each, so that a small set is measured too.
//! `--quotes-only` runs only the quote stage's loop (for a profiler).
use std::time::Instant;

fn main() {
    let mut paths: Vec<String> = Vec::new();
    let mut quotes_only = false;
    for a in std::env::args().skip(1) {
        if a == "--quotes-only" {
            quotes_only = true;
            continue;
        }
        match a.strip_prefix('@') {
            Some(list) => paths.extend(
                std::fs::read_to_string(list)
                    .unwrap_or_default()
                    .lines()
                    .map(str::to_string),
            ),
            None => paths.push(a),
        }
    }
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let ents: Vec<_> = texts.iter().map(|t| liseuse_entity::analyse(t)).collect();
    let time = |f: &dyn Fn() -> usize| {
        let t = Instant::now();
        let mut passes = 0;
        let mut n = 0;
        while passes == 0 || t.elapsed().as_secs_f64() < 1.0 {
            n += f();
            passes += 1;
        }
        (mb * passes as f64 / t.elapsed().as_secs_f64(), n / passes)
    };
    if std::env::args().any(|a| a == "--tokens") {
        let (t, n) = time(&|| {
            texts
                .iter()
                .map(|t| liseuse_entity::text::token::tokenize(t).len())
                .sum()
        });
        println!("tokenize {t:.1} MB/s ({n} tokens)");
    }
    let (q, nq) = time(&|| {
        texts
            .iter()
            .zip(&ents)
            .map(|(t, e)| liseuse_entity::quote::find(t, e).len())
            .sum()
    });
    if quotes_only {
        println!("quotes {q:.1} MB/s ({nq} quotations in {mb:.2} MB)");
        return;
    }
    let (a, _) = time(&|| {
        texts
            .iter()
            .map(|t| liseuse_entity::analyse(t).mentions.len())
            .sum()
    });
    println!(
        "analyse {a:.1} MB/s, quotes {q:.1} MB/s ({nq} quotations in {mb:.2} MB): the quote stage costs {:.3} of the analysis",
        a / q
    );
}
