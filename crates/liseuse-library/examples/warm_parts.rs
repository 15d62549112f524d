//! What a warm start's reading of the cache costs, part by part, on one thread:
//! `warm_parts CACHE_DIR [RUNS]` prints, for each run, the milliseconds of the article log's scan,
//! its heads' decoding, the whole `ArticleCache::open` (a copy of the folder's cache, read
//! only: the lock is another process's when liseuse runs), and the saved index's loading.
//! Run it under `valgrind --tool=callgrind` (RUNS 1) for repeatable instruction counts.
use liseuse_library::cache::{ENGINE_VERSION, index_file, log, record, store};
use std::time::Instant;

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1).map(std::path::PathBuf::from) else {
        eprintln!("usage: warm_parts CACHE_DIR [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(3);
    let path = dir.join(format!("articles-v{ENGINE_VERSION}.log"));
    for _ in 0..runs {
        let t = Instant::now();
        let (frames, _) = log::scan(&path, ENGINE_VERSION, store::FORMAT);
        let scan = ms(t);
        let t = Instant::now();
        let heads: usize = frames
            .iter()
            .filter_map(|f| record::decode_heads(&f.head))
            .map(|h| h.len())
            .sum();
        let decode = ms(t);
        let t = Instant::now();
        let cache = store::ArticleCache::open(Some(&dir));
        let open = ms(t);
        let records = cache.records();
        drop(cache);
        let t = Instant::now();
        let saved = index_file::load(&dir);
        let load = ms(t);
        let entities = saved.as_ref().map_or(0, |s| s.entities.len());
        println!(
            "scan {scan:.1} ms, heads {decode:.1} ms ({heads}), open {open:.1} ms ({records}), \
             saved index {load:.1} ms ({entities} entities)"
        );
    }
}
