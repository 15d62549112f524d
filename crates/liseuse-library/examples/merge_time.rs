//! What a cold start's final merge costs: `merge_time [--streamed] CACHE_DIR [RUNS] [OUT_DIR]` reads the
//! saved index's article order from a copy of a cache (the lock is taken: never the folder of a
//! running liseuse), merges every article's entities as the index loop does (streamed, read
//! from the cache twice, each document's corpus ids asked for) and prints the milliseconds of
//! the merge, of the same merge from memory, and whether what it would save is the saved index.
//! With OUT_DIR, the index it would save is written there (`cmp` it with CACHE_DIR's).
//! With `--streamed`, only the merges streamed from the cache (every article held in memory for
//! the others): the process's peak resident memory (`/usr/bin/time -v`) is then the merge's.
//! Run it under `perf record` or `valgrind --tool=callgrind` (RUNS 1) for where the time goes.
use liseuse_entity::{DocEntities, DocPasses, InMemory, Pass, build_streamed};
use liseuse_library::cache::{index_file, store};
use std::sync::Arc;
use std::time::Instant;

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// The articles read from the cache, once per pass, as the loader's merge reads them.
struct FromCache<'a> {
    cache: &'a store::ArticleCache,
    hashes: &'a [String],
}

impl DocPasses for FromCache<'_> {
    type Doc = Arc<DocEntities>;
    fn pass(&mut self, _: Pass) -> impl Iterator<Item = Option<Self::Doc>> + Send + '_ {
        self.cache
            .reader_for(self.hashes)
            .bodies()
            .map(|b| b.map(|b| Arc::new(b.entities)))
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().collect();
    let streamed_only = args.iter().any(|a| a == "--streamed");
    args.retain(|a| a != "--streamed");
    let Some(dir) = args.get(1).map(std::path::PathBuf::from) else {
        eprintln!("usage: merge_time [--streamed] CACHE_DIR [RUNS] [OUT_DIR]");
        std::process::exit(2);
    };
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(3);
    let out = args.get(3).map(std::path::PathBuf::from);
    let Some(saved) = index_file::load(&dir) else {
        eprintln!("no saved index in {}", dir.display());
        std::process::exit(1);
    };
    let hashes = saved.hashes.clone();
    drop(saved);
    let cache = store::ArticleCache::open(Some(&dir));
    for run in 0..runs {
        let t = Instant::now();
        let merged = build_streamed(
            &mut FromCache {
                cache: &cache,
                hashes: &hashes,
            },
            true,
        );
        let streamed = ms(t);
        let Some(merged) = merged else {
            eprintln!("the merge failed");
            std::process::exit(1);
        };
        let entities = merged.index.entities().len();
        if run == 0
            && let (Some(out), Some(ids)) = (&out, merged.local_ids)
        {
            let s = index_file::SavedIndex::with_ids(&merged.index, ids, hashes.clone());
            if let Err(e) = std::fs::create_dir_all(out).and_then(|_| index_file::save(out, &s)) {
                eprintln!("cannot save to {}: {e}", out.display());
            }
        }
        println!("streamed from the cache {streamed:.0} ms ({entities} entities)");
    }
    if streamed_only {
        return;
    }
    // The same merge with every article in memory: the merge alone, without reading.
    let docs: Vec<Arc<DocEntities>> = cache
        .reader_for(&hashes)
        .bodies()
        .map(|b| Arc::new(b.map(|b| b.entities).unwrap_or_default()))
        .collect();
    for _ in 0..runs {
        let t = Instant::now();
        let merged = build_streamed(&mut InMemory(&docs), true);
        println!(
            "in memory {:.0} ms ({} entities)",
            ms(t),
            merged.map_or(0, |m| m.index.entities().len())
        );
    }
}
