//! Extraction throughput on one core over the files given: `cargo run --release --example
//! extract_speed -- FILE...` prints MB/s (the benchmark does the same under criterion).
fn main() {
    let texts: Vec<String> = std::env::args()
        .skip(1)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    // The model and the gazetteers are decoded on first use: timed apart, not part of the throughput.
    let t = std::time::Instant::now();
    let _ = liseuse::entity::tag::MODEL.as_ref().map(|m| m.len());
    let model_ms = t.elapsed().as_secs_f64() * 1e3;
    let _ = liseuse::entity::analyse("Paris");
    println!(
        "first use: model decoded in {model_ms:.1} ms, gazetteers in {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3 - model_ms
    );
    let t = std::time::Instant::now();
    let mentions: usize = texts
        .iter()
        .map(|t| liseuse::entity::analyse(t).mentions.len())
        .sum();
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} texts, {:.1} MB, {mentions} mentions, {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / s
    );
}
