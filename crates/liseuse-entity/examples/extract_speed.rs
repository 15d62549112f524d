//! Analysis throughput (`entity::analyse`: extraction and grouping) on one core over the files given:
//! `cargo run --release -p liseuse-entity --example extract_speed -- FILE... | @LIST` prints MB/s (`@LIST`: a file of paths, one a
//! line). The texts are analysed again until a second has passed, so that a small set is measured too; the
//! benchmark does the same under criterion. `--once` analyses them once (under `valgrind --tool=callgrind`, whose
//! instruction counts are repeatable); `--digest` prints a hash of everything `analyse` returned, so that a
//! change meant to keep the output can be checked to keep it.
fn main() {
    let mut paths: Vec<String> = Vec::new();
    let (mut once, mut digest) = (false, false);
    for a in std::env::args().skip(1) {
        if a == "--once" {
            once = true;
            continue;
        }
        if a == "--digest" {
            digest = true;
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
    let bytes: usize = texts.iter().map(String::len).sum();
    // The model and the word lists are decoded on first use: timed apart, not part of the throughput (only
    // `analyse` is called, so that `benches/compare_rule_engine.sh` builds this same file against the rule engine).
    let t = std::time::Instant::now();
    let _ = liseuse_entity::analyse("Paris");
    let first_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = std::time::Instant::now();
    let mut passes = 0;
    let mut mentions = 0;
    if digest {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for text in &texts {
            format!("{:?}", liseuse_entity::analyse(text)).hash(&mut h);
        }
        println!("digest {:016x}", h.finish());
        return;
    }
    while passes == 0 || (!once && t.elapsed().as_secs_f64() < 1.0) {
        mentions = texts
            .iter()
            .map(|t| liseuse_entity::analyse(t).mentions.len())
            .sum();
        passes += 1;
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} texts, {:.1} MB, {mentions} mentions, {:.1} MB/s ({passes} passes; first use {first_ms:.0} ms)",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 * passes as f64 / 1e6 / s
    );
}
