//! What making text safe for the screen costs: `sanitize::display` and `sanitize::width` over
//! 2 MB of French prose (the first seed, 200 times), line by line as the reader draws it.
//! Meant for an instruction count, repeatable on a noisy machine:
//!
//! ```sh
//! cargo build --release --example sanitize_cost
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg target/release/examples/sanitize_cost
//! ```
fn main() {
    let seed = include_str!("../seeds/000_aae40d40de2e278c.txt");
    let text: String = seed.repeat(200);
    let mut n = 0usize;
    for line in text.lines() {
        n += liseuse_document::sanitize::display(line).len();
        n += liseuse_document::sanitize::width(line);
    }
    println!("{n} cells and bytes over {} bytes", text.len());
}
