//! How long the keys that touch bookmarks take with a large bookmarks file (issue 24.9): the
//! whole app, headless (the real runtime on ratatui's `TestBackend`, as the scenario tests run
//! it), over the two bundled articles, with N bookmarks of other articles in its data dir.
//!
//! `cargo run --release --example bookmark_keys -- [N...]` (default: 0 20000 100000)
//!
//! For each N: `b` (the note prompt shown), `Enter` (the note kept, the prompt gone), the
//! bookmark on disk (the store's work, beside the loop) and the longest the loop was busy with
//! one step meanwhile (taking the store's reports in: a key pressed then waits that long), `q`
//! (until the loop ends: it waits for what is not on disk yet) and what quitting then does
//! (`finish`: what is pending saved), each the median of a few runs; and how many runs lost
//! the bookmark on the way out.

use liseuse::app::Event;
use liseuse::keys::keymap::{Key, KeyCode};
use liseuse::runtime::{self, Options};
use liseuse_library::Discovery;
use liseuse_library::bookmark::{Anchor, Bookmark};
use liseuse_library::store::BookmarkStore;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::time::{Duration, Instant};

const RUNS: usize = 5;

/// Writes `bookmarks.json` with `n` bookmarks of articles not open (written whole: adding
/// them one by one through the store would look each one up among the others).
fn bookmarks_file(dir: &Path, n: usize) -> Result<u64, Box<dyn std::error::Error>> {
    let mut list = Vec::with_capacity(n);
    let text = "Un paragraphe d’un autre article, assez long pour peser ce que pèse un passage \
                gardé d’ordinaire : deux ou trois phrases, une citation entre guillemets, un nom. "
        .repeat(3);
    for i in 0..n {
        let anchor = Anchor::new(&format!("ailleurs/{i:06}.txt"), &text, 0, text.len() / 2);
        let mut b = Bookmark::new(&format!("Article {i}"), anchor);
        b.id = format!("b{i:06}");
        b.note = String::from("une note");
        list.push(b);
    }
    let file = serde_json::json!({ "schema": 1, "bookmarks": list });
    std::fs::write(
        dir.join("bookmarks.json"),
        serde_json::to_vec_pretty(&file)?,
    )?;
    if BookmarkStore::open(dir).read_only().is_some() {
        return Err("the file written is not one the store reads".into());
    }
    Ok(std::fs::metadata(dir.join("bookmarks.json"))
        .map(|m| m.len())
        .unwrap_or(0))
}

fn key(c: char) -> Event {
    Event::Key(Key::plain(KeyCode::Char(c)))
}

fn enter() -> Event {
    Event::Key(Key::plain(KeyCode::Enter))
}

/// One session: the times of `b`, `Enter`, the save, `q` and `finish`, and whether the
/// bookmark was lost on the way out.
fn session(home: &Path) -> Result<([Duration; 6], bool), Box<dyn std::error::Error>> {
    let opts = Options {
        data_dir: Some(home.join("data")),
        cache_dir: Some(home.join("cache")),
        config: Some(home.join("config.toml")),
        no_color: true,
        ..Options::default()
    };
    std::fs::write(home.join("config.toml"), "")?;
    let found = Discovery {
        entries: liseuse_library::seeds(),
        skipped: Vec::new(),
    };
    let mut rt = runtime::boot(
        &opts,
        found,
        None,
        Terminal::new(TestBackend::new(120, 40))?,
    )?;
    let deadline = Instant::now() + Duration::from_secs(60);
    while rt.app().reader().is_none() && Instant::now() < deadline {
        rt.step(Some(Duration::from_millis(10)))?;
    }
    rt.draw()?;
    let first_inode = {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(home.join("data/bookmarks.json"))
            .map(|m| m.ino())
            .unwrap_or(0)
    };

    let t = Instant::now();
    rt.handle(key('b'))?;
    rt.draw()?;
    let b = t.elapsed();

    let t = Instant::now();
    rt.handle(enter())?;
    rt.draw()?;
    let enter = t.elapsed();

    // On disk: the file replaced by the store's save (beside the loop; the loop runs on).
    let file = home.join("data/bookmarks.json");
    let inode = |f: &Path| {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(f).map(|m| m.ino()).unwrap_or(0)
    };
    let t = Instant::now();
    let deadline = t + Duration::from_secs(60);
    // And the longest the loop was busy with one step meanwhile (taking the store's reports
    // in): a key pressed then waits that long.
    let mut busiest = Duration::ZERO;
    while inode(&file) == first_inode {
        if Instant::now() > deadline {
            return Err("never saved".into());
        }
        let s = Instant::now();
        rt.step(Some(Duration::from_millis(1)))?;
        busiest = busiest.max(s.elapsed().saturating_sub(Duration::from_millis(1)));
    }
    let saved = t.elapsed();

    let t = Instant::now();
    rt.handle(key('q'))?;
    while !rt.quitting() && t.elapsed() < Duration::from_secs(60) {
        rt.step(Some(Duration::from_millis(1)))?;
    }
    let q = t.elapsed();
    let t = Instant::now();
    let ending = rt.finish();
    let finish = t.elapsed();
    Ok(([b, enter, saved, busiest, q, finish], ending.lost))
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let counts: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let counts = if counts.is_empty() {
        vec![0, 20_000, 100_000]
    } else {
        counts
    };
    println!(
        "bookmarks\tfile MB\tb ms\tEnter ms\ton disk ms\tbusiest step ms\tq ms\tfinish ms\tlost"
    );
    for n in counts {
        let mut runs: Vec<[Duration; 6]> = Vec::new();
        let (mut size, mut lost) = (0, 0);
        for _ in 0..RUNS {
            let home = tempfile::tempdir()?;
            std::fs::create_dir_all(home.path().join("data"))?;
            size = bookmarks_file(&home.path().join("data"), n)?;
            let (times, gone) = session(home.path())?;
            runs.push(times);
            lost += usize::from(gone);
        }
        let median = |k: usize| {
            let mut v: Vec<Duration> = runs.iter().map(|r| r[k]).collect();
            v.sort();
            v[v.len() / 2]
        };
        println!(
            "{n}\t{:.1}\t{}\t{}\t{}\t{}\t{}\t{}\t{lost}/{RUNS}",
            size as f64 / 1e6,
            ms(median(0)),
            ms(median(1)),
            ms(median(2)),
            ms(median(3)),
            ms(median(4)),
            ms(median(5)),
        );
    }
    Ok(())
}
