//! Time to read and lay out one article: `cargo run --release --example open_speed -- FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: open_speed FILE");
        return;
    };
    let t = std::time::Instant::now();
    let Ok(bytes) = std::fs::read(&path) else {
        return;
    };
    let read = t.elapsed();
    let doc = liseuse_document::Document::from_bytes("f.txt", &bytes);
    let all = t.elapsed();
    let n = doc.map(|d| d.paragraphs.len()).unwrap_or(0);
    println!(
        "read {:.1} ms, document {:.1} ms, {n} paragraphs",
        read.as_secs_f64() * 1e3,
        (all - read).as_secs_f64() * 1e3
    );
}
