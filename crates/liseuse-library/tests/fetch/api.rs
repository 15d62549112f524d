//! Feeds and pages through the library API, as the reader will run them.

use liseuse_library::fetch::{self, FeedStore, FetchEvent, Library};

use crate::run::{context, failures, pages, quick, stored, update};
use crate::server::{Route, Server, article_page, news_corpus_dated, rss};

fn item(
    t: &str,
    link: &str,
    guid: Option<&str>,
    desc: &str,
) -> (String, String, Option<String>, String) {
    (t.into(), link.into(), guid.map(str::to_string), desc.into())
}

#[test]
fn a_feed_brings_whole_articles_once() {
    let s = Server::start();
    for i in 0..3 {
        s.route(
            &format!("/a/{i}.html"),
            Route::html(article_page(i, &format!("Budget {i}"))),
        );
    }
    let feed = rss(
        "Le Journal",
        &[
            item("Budget 0", "/a/0.html", Some("g0"), "résumé 0"),
            item("Budget 1", "a/1.html", Some("g1"), "résumé 1"),
            item("Budget 2", &s.url("/a/2.html"), None, "résumé 2"),
            item("Budget 0 again", "/a/0.html", Some("g0"), "doublon"),
        ],
    );
    s.route(
        "/feed.xml",
        Route::Conditional {
            etag: "\"v1\"".into(),
            body: feed.into_bytes(),
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path(), quick());
    let added = fetch::subscribe(&ctx, &s.url("/feed.xml")).unwrap();
    assert!(
        matches!(added, fetch::Added::New { items: 4, .. }),
        "{added:?}"
    );

    let (events, summary) = update(&ctx);
    assert!(failures(&events).is_empty(), "{:?}", failures(&events));
    assert_eq!(
        (summary.feeds, summary.feeds_failed, summary.new),
        (1, 0, 3)
    );
    let paths = stored(&events);
    assert_eq!(paths.len(), 3, "the duplicate GUID is one article");
    let lib = Library::open(dir.path()).unwrap();
    for p in &paths {
        assert!(
            p.starts_with(lib.root().join("le-journal")),
            "{}",
            p.display()
        );
        let meta = lib.meta_of(p).unwrap();
        assert!(meta.from_feed.is_none(), "the page's own article");
        assert_eq!(meta.feed.unwrap().title, "Le Journal");
        // The reader finds the article, not the page's furniture.
        let doc = liseuse_document::Document::from_bytes(
            &p.to_string_lossy(),
            &std::fs::read(p).unwrap(),
        )
        .unwrap();
        assert!(
            doc.text.contains("conseil municipal") && !doc.text.contains("Accueil"),
            "{}",
            doc.text
        );
    }
    assert!(matches!(events.last(), Some(FetchEvent::Finished(_))));
    assert!(events.contains(&FetchEvent::Progress {
        done: 1,
        of: 1,
        new: 3
    }));

    // Politeness: who we are, and the feed asked for conditionally the second time.
    let (events, summary) = update(&ctx);
    assert_eq!(summary.new, 0, "{events:?}");
    let feed_requests: Vec<_> = s
        .requests()
        .into_iter()
        .filter(|r| r.path == "/feed.xml")
        .collect();
    assert!(
        feed_requests
            .iter()
            .all(|r| r.headers["user-agent"].starts_with("liseuse/"))
    );
    assert_eq!(
        feed_requests
            .last()
            .unwrap()
            .headers
            .get("if-none-match")
            .map(String::as_str),
        Some("\"v1\"")
    );
    assert_eq!(s.hits("/a/0.html"), 1, "each page once");

    // An item that leaves the feed and comes back is not fetched again.
    let fewer = rss(
        "Le Journal",
        &[item("Budget 1", "/a/1.html", Some("g1"), "")],
    );
    s.route("/feed.xml", Route::rss(fewer));
    update(&ctx);
    // It comes back with another link (a tracking parameter): its GUID says it was seen.
    let back = rss(
        "Le Journal",
        &[
            item("Budget 0", "/a/0.html?from=rss", Some("g0"), "texte"),
            item("Budget 1", "/a/1.html", Some("g1"), ""),
        ],
    );
    s.route("/feed.xml", Route::rss(back));
    let (_, summary) = update(&ctx);
    assert_eq!((summary.new, s.hits("/a/0.html")), (0, 1));
    assert_eq!(s.hits("/a/0.html?from=rss"), 0);
    let store = FeedStore::open(dir.path());
    let f = &store.feeds()[0];
    assert!(f.last.as_ref().unwrap().ok);
    assert!(f.seen.len() >= 3, "{:?}", f.seen);
}

#[test]
fn the_feeds_text_stands_in_when_the_page_fails_and_says_so() {
    let s = Server::start();
    s.route(
        "/short.html",
        Route::html("<html><body><p>Trop court.</p></body></html>"),
    );
    s.route(
        "/feed.xml",
        Route::rss(rss(
            "Fil",
            &[
                item(
                    "Disparu",
                    "/gone.html",
                    Some("1"),
                    "Le texte du flux, entier.",
                ),
                item(
                    "Sans article",
                    "/short.html",
                    Some("2"),
                    "Le texte du flux pour la page courte.",
                ),
                item("Local", "file:///etc/passwd", Some("3"), "Texte local."),
                item("Rien", "/nothing.html", Some("4"), ""),
            ],
        )),
    );
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path(), quick());
    fetch::subscribe(&ctx, &s.url("/feed.xml")).unwrap();
    let (events, summary) = update(&ctx);
    assert_eq!((summary.feeds_failed, summary.new), (0, 3), "{events:?}");
    let lib = Library::open(dir.path()).unwrap();
    let whys: Vec<String> = stored(&events)
        .iter()
        .map(|p| lib.meta_of(p).unwrap().from_feed.unwrap())
        .collect();
    assert!(whys.iter().any(|w| w.contains("404")), "{whys:?}");
    assert!(
        whys.iter().any(|w| w == "the page held no article"),
        "{whys:?}"
    );
    assert!(whys.iter().any(|w| w.contains("not file:")), "{whys:?}");
    let fails = failures(&events);
    assert_eq!(fails.len(), 3, "{fails:?}");
    assert!(
        fails
            .iter()
            .any(|f| f.starts_with("Local: only http and https")),
        "{fails:?}"
    );
    assert!(
        !fails
            .iter()
            .any(|f| f.contains("/etc/passwd") && !f.contains("Local"))
    );
}

#[test]
fn a_page_that_names_its_feed_is_followed() {
    let s = Server::start();
    s.route("/", Route::html("<html><head><link rel=\"alternate\" type=\"application/atom+xml\" href=\"/atom\"></head><body>Accueil</body></html>"));
    s.route("/atom", Route::ok("application/atom+xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atomique</title><entry><id>x</id><title>X</title><link href=\"/x\"/></entry></feed>"));
    s.route(
        "/plain",
        Route::html("<html><body>No feed here</body></html>"),
    );
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path(), quick());
    match fetch::subscribe(&ctx, &s.url("/")).unwrap() {
        fetch::Added::New { feed, via_page, .. } => {
            assert_eq!(feed.url, s.url("/atom"));
            assert_eq!(feed.title, "Atomique");
            assert_eq!(via_page, Some(s.url("/")));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        fetch::subscribe(&ctx, &s.url("/atom")).unwrap(),
        fetch::Added::Already(_)
    ));
    let err = fetch::subscribe(&ctx, &s.url("/plain")).unwrap_err();
    assert!(err.contains("names no feed"), "{err}");
    assert_eq!(FeedStore::open(dir.path()).feeds().len(), 1);
}

#[test]
fn gone_and_moved_feeds_update_the_subscription() {
    let s = Server::start();
    s.route("/old.xml", Route::Redirect(301, "/new.xml".into()));
    s.route("/new.xml", Route::rss(rss("Nouveau", &[])));
    s.route("/temp.xml", Route::Redirect(302, "/new2.xml".into()));
    s.route("/new2.xml", Route::rss(rss("Temp", &[])));
    s.route("/dead.xml", Route::rss(rss("Mort", &[])));
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path(), quick());
    for f in ["/old.xml", "/temp.xml", "/dead.xml"] {
        fetch::subscribe(&ctx, &s.url(f)).unwrap();
    }
    // Subscribing follows a permanent move at once; let the old address be the one kept.
    let mut store = FeedStore::open(dir.path());
    store
        .save(|f| {
            f[0].url = s.url("/old.xml");
            (true, ())
        })
        .unwrap();
    s.route("/dead.xml", Route::Status(410, Vec::new()));
    let (events, summary) = update(&ctx);
    assert_eq!(summary.feeds_failed, 1, "{events:?}");
    assert!(
        events.iter().any(
            |e| matches!(e, FetchEvent::Note { note, .. } if note.contains("moved permanently"))
        )
    );
    assert!(
        failures(&events)
            .iter()
            .any(|f| f.contains("gone for good (410)"))
    );
    let store = FeedStore::open(dir.path());
    let urls: Vec<&str> = store.feeds().iter().map(|f| f.url.as_str()).collect();
    assert_eq!(
        urls,
        [s.url("/new.xml"), s.url("/temp.xml"), s.url("/dead.xml")]
    );
    assert!(store.feeds()[2].gone.is_some());
    // A gone feed is not asked again, and is no failure any more.
    let hits = s.hits("/dead.xml");
    let (events, summary) = update(&ctx);
    assert_eq!(
        (summary.feeds_failed, s.hits("/dead.xml")),
        (0, hits),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(e, FetchEvent::Note { note, .. } if note.starts_with("gone since")))
    );
}

#[test]
fn a_page_fetched_twice_is_one_article() {
    let s = Server::start();
    s.route("/p.html", Route::html(article_page(1, "Une page")));
    s.route("/short", Route::Redirect(302, "/p.html".into()));
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path(), quick());
    let (events, summary) = pages(&ctx, &[s.url("/p.html")]);
    assert_eq!(summary.new, 1, "{events:?}");
    let path = stored(&events)[0].clone();
    assert!(path.starts_with(dir.path().join("library/pages")));
    let (events, _) = pages(&ctx, &[s.url("/p.html"), s.url("/short")]);
    let already: Vec<_> = events
        .iter()
        .filter(|e| matches!(e, FetchEvent::Already { .. }))
        .collect();
    assert_eq!(already.len(), 2, "{events:?}");
    assert_eq!(
        s.hits("/p.html"),
        2,
        "the redirected address was fetched, then found"
    );
}

#[test]
fn dated_items_are_filed_under_their_day() {
    let s = Server::start();
    let feeds = news_corpus_dated(&s, 2, 3);
    let dir = tempfile::tempdir().unwrap();
    let mut store = FeedStore::open(dir.path());
    store
        .save(|list| {
            for (i, url) in feeds.iter().enumerate() {
                list.push(fetch::Feed {
                    url: url.clone(),
                    title: format!("Journal {i}"),
                    folder: format!("journal-{i}"),
                    ..fetch::Feed::default()
                });
            }
            (true, ())
        })
        .unwrap();
    let (events, summary) = update(&context(dir.path(), quick()));
    assert_eq!(summary.new, 6, "{:#?}", failures(&events));
    let mut days: Vec<String> = stored(&events)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy()[..10].to_string())
        .collect();
    days.sort();
    assert_eq!(
        days,
        [
            "2026-11-01",
            "2026-11-07",
            "2026-11-11",
            "2026-12-04",
            "2026-12-08",
            "2026-12-14"
        ]
    );
}
