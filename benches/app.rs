//! What a user waits for, measured headless: start to first frame on a library of 10,000
//! articles, key to frame on a small and on a 50 MB article, who appears with whom and when,
//! extraction on all cores; and key to frame in the whole runtime while 50 feeds of 20 whole
//! articles are fetched from a server on 127.0.0.1 (`key_while_fetching`). `cargo bench --bench
//! app`; set `LISEUSE_BENCH_N` and `LISEUSE_BENCH_LONG_MB` for other sizes (defaults 10,000 and
//! 50). Cold and warm starts, the search across articles, the list's sorts and filters and
//! memory at 1,000 to 100,000 articles are `benches/scale.rs`.

#[path = "../crates/liseuse-entity/benches/corpus.rs"]
mod corpus;
#[path = "app/fetching.rs"]
mod fetching;
#[path = "../crates/liseuse-library/tests/fetch/server/mod.rs"]
mod server;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use liseuse::app::{App, Event};
use liseuse::keys::keymap::{Key, KeyCode, Keymap};
use liseuse::ui::{self, Theme};
use liseuse_document::Document;
use liseuse_library::IndexUpdate;
use liseuse_library::{self as library, Library};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rayon::prelude::*;
use std::sync::Arc;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn draw(term: &mut Terminal<TestBackend>, app: &App, theme: &Theme) {
    term.draw(|f| ui::draw(f, app, theme)).ok();
}

/// An app with one article loaded and shown.
fn app_with(doc: Document) -> App {
    let lib = Library::new(library::seeds().into_iter().take(1).collect());
    let mut app = App::new(lib, Keymap::default(), (120, 40));
    up(
        &mut app,
        Event::Loaded {
            index: 0,
            result: Ok(Arc::new(doc)),
            modified: None,
        },
    );
    app
}

/// One event through `update`, its effects left aside (nothing here saves or reads).
fn up(app: &mut App, ev: Event) {
    app.update(ev, &mut Vec::new());
}

fn key(c: KeyCode) -> Event {
    Event::Key(Key::plain(c))
}

fn benches(c: &mut Criterion) {
    let n = env("LISEUSE_BENCH_N", 10_000);
    let long_mb = env("LISEUSE_BENCH_LONG_MB", 50);
    let dir = tempfile::tempdir().expect("temp dir");
    let lib_dir = dir.path().join("lib");
    let bytes = corpus::write_library(&lib_dir, n).expect("write corpus");
    let theme = Theme::dark();

    let mut g = c.benchmark_group("start");
    g.sample_size(10);
    g.bench_function(format!("first_frame_{n}_articles"), |b| {
        b.iter(|| {
            let found = library::discover(std::slice::from_ref(&lib_dir)).expect("discover");
            let app = App::new(Library::new(found.entries), Keymap::default(), (120, 40));
            let mut term = Terminal::new(TestBackend::new(120, 40)).expect("term");
            draw(&mut term, &app, &theme);
        })
    });
    g.finish();

    let texts = corpus::articles(n);
    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("all_cores", |b| {
        b.iter(|| {
            texts
                .par_iter()
                .map(|t| liseuse_entity::analyse(t).mentions.len())
                .sum::<usize>()
        })
    });
    g.finish();

    let analysed: Vec<_> = texts
        .par_iter()
        .map(|t| liseuse_entity::analyse(t))
        .collect();
    let index = liseuse_entity::EntityIndex::build(&analysed);
    // Who appears with the most mentioned entity of the library (issue 18: within 50 ms),
    // and its timeline.
    let paragraphs: Vec<Vec<std::ops::Range<usize>>> = texts
        .iter()
        .map(|t| {
            Document::from_text("a.txt", t.clone())
                .paragraphs
                .iter()
                .map(|p| p.range.clone())
                .collect()
        })
        .collect();
    let top = index
        .entities()
        .iter()
        .max_by_key(|e| e.mentions)
        .map(|e| e.id)
        .expect("entities");
    let mut g = c.benchmark_group("company");
    g.sample_size(10);
    g.bench_function(format!("most_mentioned_of_{n}_articles"), |b| {
        let paras = |d: usize, o: usize| {
            let ps = paragraphs.get(d)?;
            ps.get(ps.partition_point(|p| p.end <= o)).cloned()
        };
        b.iter(|| liseuse_library::company::companions(&index, &paras, top).len())
    });
    g.bench_function(format!("timeline_of_{n}_articles"), |b| {
        b.iter(|| {
            liseuse_library::timeline::timeline(&index, top, |d| {
                let month = 1 + (d % 12) as u32;
                Some((
                    liseuse_library::calendar::When::Month(2024, month),
                    liseuse_library::timeline::Source::Line,
                ))
            })
            .bins
            .len()
        })
    });
    g.finish();

    // Key to frame: the same keys on a 10 KB article and on the long one.
    let small = Document::from_text("small.txt", texts[..2].concat());
    let long = Document::from_text("long.txt", corpus::long_article(long_mb));
    let mut g = c.benchmark_group("key_to_frame");
    for (name, doc) in [("small", small), ("long", long)] {
        let mut term = Terminal::new(TestBackend::new(120, 40)).expect("term");
        let base = app_with(doc);
        for (kname, k) in [
            ("j", KeyCode::Char('j')),
            ("PgDn", KeyCode::PageDown),
            ("G", KeyCode::Char('G')),
            ("g", KeyCode::Char('g')),
        ] {
            g.bench_function(format!("{name}_{kname}"), |b| {
                let mut app = app_with(base.reader().map_or_else(
                    || Document::from_text("x", String::new()),
                    |r| (*r.doc).clone(),
                ));
                b.iter(|| {
                    up(&mut app, key(k));
                    draw(&mut term, &app, &theme);
                })
            });
        }
        // `n` to the most mentioned person's next mention, and one key typed in a search of
        // the article (the search-as-you-type runs at each key).
        let mut app = app_with(base.reader().map_or_else(
            || Document::from_text("x", String::new()),
            |r| (*r.doc).clone(),
        ));
        let text = app.reader().map(|r| r.doc.text.clone()).unwrap_or_default();
        let update = IndexUpdate::of_docs(&[liseuse_entity::analyse(&text)]);
        up(&mut app, Event::Indexed(Box::new(update)));
        app.entities.selected = app
            .entities
            .index
            .entities()
            .iter()
            .filter(|e| e.label == liseuse_entity::Label::Per)
            .max_by_key(|e| e.mentions)
            .map(|e| e.id);
        g.bench_function(format!("{name}_n_mention"), |b| {
            b.iter(|| {
                up(&mut app, key(KeyCode::Char('n')));
                draw(&mut term, &app, &theme);
            })
        });
        app.entities.selected = None;
        up(&mut app, key(KeyCode::Char('/')));
        for ch in "ministr".chars() {
            up(&mut app, key(KeyCode::Char(ch)));
        }
        g.bench_function(format!("{name}_search_key"), |b| {
            b.iter(|| {
                up(&mut app, key(KeyCode::Backspace));
                up(&mut app, key(KeyCode::Char('r')));
                draw(&mut term, &app, &theme);
            })
        });
        g.bench_function(format!("{name}_open_first_screen"), |b| {
            let doc = base.reader().map(|r| r.doc.clone());
            b.iter_batched(
                || doc.clone(),
                |d| {
                    let mut app = App::new(
                        Library::new(library::seeds().into_iter().take(1).collect()),
                        Keymap::default(),
                        (120, 40),
                    );
                    if let Some(d) = d {
                        up(
                            &mut app,
                            Event::Loaded {
                                index: 0,
                                result: Ok(d),
                                modified: None,
                            },
                        );
                    }
                    draw(&mut term, &app, &theme);
                },
                BatchSize::SmallInput,
            )
        });
    }
    g.finish();
}

criterion_group!(app, benches, fetching::keys_while_fetching);
criterion_main!(app);
