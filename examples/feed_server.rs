//! The bench's news server on 127.0.0.1, kept up to compare `liseuse feed update` with another
//! feed reader as whole processes, and to try the reader on: `cargo run --release --example
//! feed_server -- DIR [SECONDS]` serves 50 feeds × 20 items (pages of about 60 KB, dated
//! through November and December 2026) and writes `DIR/urls` (one feed a line, as newsboat
//! reads them) and `DIR/feeds.opml` (`liseuse feed import DIR/feeds.opml`), then stays up
//! SECONDS (default 600).

#[path = "../crates/liseuse-library/tests/fetch/server/mod.rs"]
mod server;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: feed_server DIR [SECONDS]");
        std::process::exit(2);
    };
    let secs: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(600);
    let s = server::Server::start();
    let urls = server::news_corpus_dated(&s, 50, 20);
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("urls"), urls.join("\n") + "\n").unwrap();
    let outlines: String = urls
        .iter()
        .enumerate()
        .map(|(i, u)| format!("<outline text=\"Journal {i}\" xmlUrl=\"{u}\"/>\n"))
        .collect();
    std::fs::write(
        dir.join("feeds.opml"),
        format!("<?xml version=\"1.0\"?><opml version=\"2.0\"><body>\n{outlines}</body></opml>\n"),
    )
    .unwrap();
    println!("serving {} feeds at {} for {secs} s", urls.len(), s.addr);
    std::thread::sleep(std::time::Duration::from_secs(secs));
}
