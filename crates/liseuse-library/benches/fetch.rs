//! Fetching news (issue 26): 50 feeds × 20 items from a server on 127.0.0.1 into the library,
//! whole; the same pass once every item is seen (the feeds alone); and liseuse's own work per
//! article apart from the network (the page's article found, the article stored; the feed's
//! parse per item). `cargo bench --bench fetch`.

#[path = "../tests/fetch/server/mod.rs"]
mod server;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use liseuse_document::Document;
use liseuse_library::fetch::{
    self, ArticleMeta, Client, Context, Feed, FeedStore, Library, Limits, NewArticle,
};
use server::{Server, news_corpus, news_page};

fn subscribe_all(dir: &Path, urls: &[String]) {
    let mut store = FeedStore::open(dir);
    store
        .save(|feeds| {
            for (i, u) in urls.iter().enumerate() {
                feeds.push(Feed {
                    url: u.clone(),
                    title: format!("Journal {i}"),
                    folder: format!("journal-{i}"),
                    ..Feed::default()
                });
            }
            (true, ())
        })
        .unwrap();
}

fn update(ctx: &Context) -> fetch::Summary {
    let summary = fetch::update_feeds(ctx, &[], Arc::new(|_| {}))
        .unwrap()
        .join();
    assert_eq!(summary.feeds_failed, 0);
    summary
}

fn bench(c: &mut Criterion) {
    let s = Server::start();
    let urls = news_corpus(&s, 50, 20);
    let client = Arc::new(Client::new(Limits::default()).unwrap());
    let mut g = c.benchmark_group("fetch");
    g.sample_size(10).measurement_time(Duration::from_secs(30));

    g.bench_function(
        "50 feeds x 20 articles, whole, into an empty library",
        |b| {
            b.iter_batched(
                || {
                    let dir = tempfile::tempdir().unwrap();
                    subscribe_all(dir.path(), &urls);
                    dir
                },
                |dir| {
                    let ctx = Context {
                        client: Arc::clone(&client),
                        data_dir: dir.path().to_path_buf(),
                    };
                    assert_eq!(update(&ctx).new, 1000);
                    dir
                },
                BatchSize::PerIteration,
            )
        },
    );

    let seen = tempfile::tempdir().unwrap();
    subscribe_all(seen.path(), &urls);
    let ctx = Context {
        client: Arc::clone(&client),
        data_dir: seen.path().to_path_buf(),
    };
    update(&ctx);
    g.bench_function(
        "50 feeds x 20 items, every item seen (the feeds alone)",
        |b| b.iter(|| assert_eq!(update(&ctx).new, 0)),
    );

    // Apart from the network: what each article costs liseuse itself.
    let page = news_page(7).into_bytes();
    g.bench_function("own work per article: the page's article found", |b| {
        b.iter(|| Document::from_bytes("page.html", &page).unwrap())
    });
    let store = tempfile::tempdir().unwrap();
    let lib = Library::open(store.path()).unwrap();
    let mut n = 0u64;
    g.bench_function(
        "own work per article: stored (file and metadata, fsynced)",
        |b| {
            b.iter(|| {
                n += 1;
                let url = format!("http://example.org/a/{n}");
                lib.put(NewArticle {
                    folder: "journal".into(),
                    date: Some("2026-05-05".into()),
                    ext: "html",
                    bytes: page.clone(),
                    meta: ArticleMeta {
                        requested: url.clone(),
                        url,
                        title: format!("Budget {n}"),
                        ..ArticleMeta::default()
                    },
                })
                .unwrap()
            })
        },
    );
    let feed = {
        let mut r = ureq::get(&urls[0]).call().unwrap();
        r.body_mut().read_to_vec().unwrap()
    };
    let base = fetch::address::parse_web(&urls[0]).unwrap();
    g.bench_function("own work per feed of 20 items: parsed", |b| {
        b.iter(|| fetch::parse_feed(&feed, &base, 500).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
