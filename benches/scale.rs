//! A library at scale, made as `examples/gen_corpus` makes one (in a temporary folder when the
//! benchmark runs, never at build time): 1,000 articles by default, `LISEUSE_SCALE_N=1000,10000,
//! 100000` for more (100,000 articles are 785 MB: check the disk first). For each size:
//!
//! - the real binary in a 120×40 pseudo-terminal, as a person sees it: a cold start (empty
//!   cache) until every article is indexed (`indexing` gone from the status bar), its peak
//!   memory (VmHWM) and the cache's size on disk; a warm start (same cache) until the counts
//!   are final, its peak memory; `F` typed at once on a warm start until its first hits show.
//!   With `LISEUSE_SCALE_OLD=path/to/another/liseuse`, that binary is run the same way, the two
//!   alternately (`LISEUSE_SCALE_RUNS` rounds, default 2): old and new in the same run.
//! - in process (criterion, group `scale`): the first answer of `F` from the full-text index the
//!   cold start left (the index opened anew: the first query of a session), and the file list's
//!   title filter over every article, `A` (the articles naming an entity) and `A` by date.
//!
//! `cargo bench --bench scale`; the process figures are printed as a table.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[path = "../crates/liseuse-entity/benches/corpus.rs"]
mod corpus;

/// What one run of the binary showed.
#[derive(Debug, Default, Clone)]
struct Run {
    first_frame: Option<Duration>,
    done: Option<Duration>,
    hits: Option<Duration>,
    peak_kb: Option<u64>,
}

/// Runs `bin` on `lib` with `cache` in a pseudo-terminal until `indexing` (and `reading`) are
/// gone, or with `query` typed at the first frame until its hits show.
fn run(bin: &Path, lib: &Path, cache: &Path, query: Option<&str>) -> Run {
    let data = tempfile::tempdir().expect("data dir");
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut c = CommandBuilder::new(bin);
    c.args([
        "--cache-dir".as_ref(),
        cache.as_os_str(),
        "--data-dir".as_ref(),
        data.path().as_os_str(),
        lib.as_os_str(),
    ]);
    c.env("TERM", "xterm-256color");
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        NonZeroU16::new(40).expect("rows"),
        NonZeroU16::new(120).expect("cols"),
        0,
    )));
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(c).expect("spawn");
    let pid = child.process_id();
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    {
        let parser = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = parser.lock() {
                    p.process(&buf[..n]);
                }
            }
        });
    }
    let screen = || {
        parser
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    };
    let wait = |pred: &dyn Fn(&str) -> bool, limit: Duration| -> Option<Duration> {
        while start.elapsed() < limit {
            if pred(&screen()) {
                return Some(start.elapsed());
            }
            std::thread::sleep(Duration::from_micros(300));
        }
        None
    };
    let limit = Duration::from_secs(600);
    let mut out = Run {
        first_frame: wait(&|s| s.contains("Articles"), limit),
        ..Run::default()
    };
    match query {
        Some(q) => {
            let _ = writer.write_all(format!("F{q}").as_bytes());
            let _ = writer.flush();
            let typed = start.elapsed();
            out.hits = wait(
                &|s| {
                    s.lines().any(|l| {
                        l.contains("Search all articles:")
                            && !l.contains(": 0 hits")
                            && l.contains(" hits")
                    })
                },
                limit,
            )
            .map(|t| t - typed);
        }
        None => {
            let busy = |s: &str| s.contains("indexing") || s.contains("reading");
            // One of them shows first, unless the work ended before the first look.
            let _ = wait(&busy, start.elapsed() + Duration::from_secs(5));
            out.done = wait(&|s| !busy(s), limit);
            // The cache written at the end counts in the peak.
            std::thread::sleep(Duration::from_millis(1500));
        }
    }
    if let Some(pid) = pid
        && let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status"))
    {
        out.peak_kb = status
            .lines()
            .find(|l| l.starts_with("VmHWM"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok());
    }
    let _ = writer.write_all(b"q");
    let _ = writer.flush();
    std::thread::sleep(Duration::from_millis(300));
    let _ = child.kill();
    let _ = child.wait();
    out
}

fn dir_size(p: &Path) -> u64 {
    walkdir::WalkDir::new(p)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

fn ms(d: Option<Duration>) -> String {
    d.map_or("—".into(), |d| format!("{:.0} ms", d.as_secs_f64() * 1e3))
}

fn mb(kb: Option<u64>) -> String {
    kb.map_or("—".into(), |k| format!("{} MB", k / 1024))
}

fn sizes() -> Vec<usize> {
    std::env::var("LISEUSE_SCALE_N")
        .unwrap_or_else(|_| "1000".into())
        .split(',')
        .filter_map(|n| n.trim().replace('_', "").parse().ok())
        .collect()
}

fn benches(c: &mut Criterion) {
    let new = PathBuf::from(env!("CARGO_BIN_EXE_liseuse"));
    let old = std::env::var_os("LISEUSE_SCALE_OLD").map(PathBuf::from);
    let rounds: usize = std::env::var("LISEUSE_SCALE_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(2);
    let mut table = Vec::new();
    for n in sizes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let lib = dir.path().join("lib");
        let bytes = corpus::write_library(&lib, n).expect("write the library");
        let mut bins = vec![("new", new.clone())];
        if let Some(o) = &old {
            bins.push(("old", o.clone()));
        }
        for round in 0..rounds {
            for (name, bin) in &bins {
                let cache = dir.path().join(format!("cache-{name}"));
                let _ = std::fs::remove_dir_all(&cache);
                let cold = run(bin, &lib, &cache, None);
                let cache_bytes = dir_size(&cache);
                let warm = run(bin, &lib, &cache, None);
                let search = run(bin, &lib, &cache, Some("budget"));
                let line = format!(
                    "| {n} | {name} | {} | {} / {} | {} / {} | {} | {:.0} MB |",
                    ms(cold.first_frame),
                    ms(cold.done),
                    mb(cold.peak_kb),
                    ms(warm.done),
                    mb(warm.peak_kb),
                    ms(search.hits),
                    cache_bytes as f64 / 1e6,
                );
                println!("round {round}: {line}");
                table.push(line);
            }
        }
        // In process: F's first answer from the index the cold start left, opened anew.
        let cache = dir.path().join("cache-new");
        let articles: liseuse_library::search_all::Articles = Arc::default();
        let found = liseuse_library::discover(std::slice::from_ref(&lib)).expect("walk");
        if let Ok(mut a) = articles.write() {
            for (i, e) in found.entries.iter().enumerate() {
                a.insert(
                    liseuse_library::fulltext::id_of(&e.path),
                    (i, std::sync::Arc::new(e.clone())),
                );
            }
        }
        let mut g = c.benchmark_group("scale");
        g.sample_size(10);
        g.bench_function(format!("search_first_answer_{n}"), |b| {
            b.iter_batched(
                || (),
                |()| {
                    let ft = liseuse_library::fulltext::FullText::open(Some(&cache));
                    liseuse_library::search_all::first_answer(
                        &ft,
                        &articles,
                        "budget",
                        std::slice::from_ref(&lib),
                    )
                    .map(|a| a.hits.len())
                },
                BatchSize::PerIteration,
            )
        });
        // The same before the walk has listed anything: the articles' paths read from the index.
        let unlisted: liseuse_library::search_all::Articles = Arc::default();
        g.bench_function(format!("search_first_answer_unlisted_{n}"), |b| {
            b.iter_batched(
                || (),
                |()| {
                    let ft = liseuse_library::fulltext::FullText::open(Some(&cache));
                    let lib = std::slice::from_ref(&lib);
                    liseuse_library::search_all::first_answer(&ft, &unlisted, "budget", lib)
                        .map(|a| a.hits.len())
                },
                BatchSize::PerIteration,
            )
        });
        let ft = liseuse_library::fulltext::FullText::open(Some(&cache));
        g.bench_function(format!("search_next_answer_{n}"), |b| {
            b.iter(|| {
                liseuse_library::search_all::first_answer(
                    &ft,
                    &articles,
                    "reforme",
                    std::slice::from_ref(&lib),
                )
                .map(|a| a.hits.len())
            })
        });
        drop(ft);
        // The file list's title filter over every article, as typed.
        let mut library = liseuse_library::Library::new(found.entries.clone());
        for (i, a) in library.articles.iter_mut().enumerate() {
            a.meta = Some(Box::new(liseuse_library::cache::ArticleMeta {
                title: format!("Paris : Jean Martin a parlé, article {i}"),
                ..Default::default()
            }));
        }
        let mut list = liseuse::app::list::FileList::new(0);
        g.bench_function(format!("list_title_filter_{n}"), |b| {
            b.iter(|| {
                list.set_filter(&library, "martin");
                list.rows(&library).len()
            })
        });
        // `A`: the articles naming an entity (a third of them here), then `S` by date with it;
        // each answered from what the list holds.
        list.set_filter(&library, "");
        list.narrow = Some(liseuse::app::list_narrow::Narrow::Naming {
            id: liseuse_entity::EntityId(0),
            name: "Jean Martin".to_string(),
            articles: (0..library.len()).map(|i| i % 3 == 0).collect(),
        });
        g.bench_function(format!("list_naming_{n}"), |b| {
            b.iter(|| {
                list.refilter(&library);
                list.rows(&library).len()
            })
        });
        g.bench_function(format!("list_naming_by_date_{n}"), |b| {
            b.iter(|| {
                list.set_sort(&library, liseuse::app::list::Sort::Date);
                list.rows(&library).len()
            })
        });
        g.finish();
        println!(
            "{n} articles, {:.1} MB: figures above and in the group `scale`",
            bytes as f64 / 1e6
        );
    }
    println!(
        "| articles | binary | first frame | cold: indexed / peak | warm: final counts / peak | F: first hits | cache |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for l in table {
        println!("{l}");
    }
}

criterion_group!(scale, benches);
criterion_main!(scale);
