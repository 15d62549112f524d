//! Prints the share of scored tokens of some files (a development aid).
fn main() {
    let mut n = 0usize;
    let mut s = 0usize;
    let mut runs = 0usize;
    for p in std::env::args().skip(1) {
        let t = std::fs::read_to_string(p).unwrap_or_default();
        let seq = liseuse::entity::tag::features::Sequence::new(&t);
        n += seq.toks.len();
        s += seq.scored.iter().filter(|&&x| x).count();
        runs += liseuse::entity::tag::train::runs(&seq).len();
    }
    println!(
        "{n} tokens, {s} scored ({:.1}%), {runs} runs",
        100.0 * s as f64 / n.max(1) as f64
    );
}
