//! Every misbehaving server ends in one clear line for its page or feed, and the rest of the
//! run is intact.

use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use liseuse_library::fetch::{self, FeedStore, FetchEvent, Library};

use crate::run::{context, failures, pages, quick, stored, update};
use crate::server::{Gauge, Route, Server, article_page, rss};

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn each_bad_page_is_one_line_and_the_good_one_is_kept() {
    let s = Server::start();
    s.route("/good.html", Route::html(article_page(1, "Bonne page")));
    s.route(
        "/slow",
        Route::Slow(Duration::from_secs(1), vec![b'x'; 100]),
    );
    s.route("/endless", Route::Endless);
    s.route("/silent", Route::Hang);
    s.route("/loop1", Route::Redirect(302, "/loop2".into()));
    s.route("/loop2", Route::Redirect(301, "/loop1".into()));
    for i in 0..7 {
        s.route(
            &format!("/chain{i}"),
            Route::Redirect(302, format!("/chain{}", i + 1)),
        );
    }
    s.route("/error", Route::Status(500, Vec::new()));
    s.route(
        "/to-file",
        Route::Redirect(302, "file:///etc/passwd".into()),
    );
    s.route("/image", Route::ok("image/png", b"\x89PNG\r\n".to_vec()));
    s.route(
        "/zipped.html",
        Route::Ok {
            ctype: "text/html".into(),
            body: gzip(article_page(2, "Page compressée").as_bytes()),
            headers: vec![("Content-Encoding".into(), "gzip".into())],
        },
    );
    // 64 MB of zeros in about 64 KB: past the 1 MB cap once decoded.
    s.route(
        "/bomb",
        Route::Ok {
            ctype: "text/html".into(),
            body: gzip(&vec![0u8; 64 << 20]),
            headers: vec![("Content-Encoding".into(), "gzip".into())],
        },
    );
    // A port nothing listens on: refused.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path(), quick());
    let bad = [
        ("/slow", "timed out"),
        ("/endless", "larger than 1 MB"),
        ("/silent", "timed out"),
        ("/loop1", "redirect loop"),
        ("/chain0", "more than 5 redirects"),
        ("/error", "answered 500"),
        ("/to-file", "not file:"),
        ("/image", "not an article (image/png)"),
        ("/bomb", "larger than 1 MB"),
    ];
    let mut urls: Vec<String> = bad.iter().map(|(p, _)| s.url(p)).collect();
    urls.push(s.url("/good.html"));
    urls.push(s.url("/zipped.html"));
    urls.push(format!("http://{closed}/refused"));
    urls.push(format!("https://{}/tls", s.addr));
    let start = Instant::now();
    let (events, summary) = pages(&ctx, &urls);
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    let fails = failures(&events);
    assert_eq!(fails.len(), bad.len() + 2, "{fails:#?}");
    for (path, why) in bad {
        let line: Vec<_> = fails
            .iter()
            .filter(|f| f.starts_with(&s.url(path)))
            .collect();
        assert_eq!(line.len(), 1, "{path}: {fails:#?}");
        assert!(line[0].contains(why), "{path}: {}", line[0]);
    }
    assert!(
        fails
            .iter()
            .any(|f| f.contains("/refused: could not connect")),
        "{fails:#?}"
    );
    assert!(
        fails
            .iter()
            .any(|f| f.contains("/tls: secure connection failed")),
        "{fails:#?}"
    );
    assert_eq!((summary.new, summary.pages_failed), (2, bad.len() + 2));
    let kept = stored(&events);
    let text = std::fs::read_to_string(
        kept.iter()
            .find(|p| p.to_string_lossy().contains("compress"))
            .unwrap(),
    )
    .unwrap();
    assert!(text.contains("conseil municipal"), "stored decoded");
}

#[test]
fn hostile_feeds_each_fail_alone() {
    let s = Server::start();
    s.route(
        "/ok.xml",
        Route::rss(rss(
            "Sain",
            &[("Un".into(), "/p1".into(), Some("1".into()), "texte".into())],
        )),
    );
    s.route("/p1", Route::html(article_page(1, "Un")));
    s.route(
        "/page.html",
        Route::html("<html><body>Pas un flux</body></html>"),
    );
    s.route(
        "/broken.xml",
        Route::rss("<rss version=\"2.0\"><channel><title>Cassé</title><item><title>x</ti"),
    );
    s.route("/500.xml", Route::Status(500, Vec::new()));
    s.route(
        "/busy.xml",
        Route::Status(429, vec![("Retry-After".into(), "3600".into())]),
    );
    s.route("/laughs.xml", Route::rss(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\
         <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>\
         <rss version=\"2.0\"><channel><title>&d;</title></channel></rss>",
    ));
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path(), quick());
    let mut store = FeedStore::open(dir.path());
    let paths = [
        "/ok.xml",
        "/page.html",
        "/broken.xml",
        "/500.xml",
        "/busy.xml",
        "/laughs.xml",
    ];
    store
        .save(|feeds| {
            for (i, p) in paths.iter().enumerate() {
                feeds.push(fetch::Feed {
                    url: s.url(p),
                    title: format!("F{i}"),
                    folder: format!("f{i}"),
                    ..Default::default()
                });
            }
            (true, ())
        })
        .unwrap();
    let (events, summary) = update(&ctx);
    let fails = failures(&events);
    assert_eq!(summary.new, 1, "{events:#?}");
    assert!(
        fails.contains(&"F1: not a feed (a web page)".to_string()),
        "{fails:#?}"
    );
    assert!(
        fails.iter().any(|f| f.starts_with("F2: not a valid feed")),
        "{fails:#?}"
    );
    assert!(
        fails
            .iter()
            .any(|f| f.starts_with("F3: the server answered 500")),
        "{fails:#?}"
    );
    assert!(
        fails
            .iter()
            .any(|f| f.starts_with("F4: the server is busy (429) and asks to come back in 60 min")),
        "{fails:#?}"
    );
    // The entity bomb is refused or read small; either way, one line at most and no hang.
    assert!(fails.iter().filter(|f| f.starts_with("F5")).count() <= 1);
    assert!(summary.feeds_failed >= 4);
    let store = FeedStore::open(dir.path());
    assert!(store.feeds()[4].not_before.is_some(), "the wait is kept");
    let hits = s.hits("/busy.xml");
    let (events, _) = update(&ctx);
    assert_eq!(
        s.hits("/busy.xml"),
        hits,
        "not asked again before the time it gave"
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(e, FetchEvent::Note { what, .. } if what == "F4"))
    );
}

#[test]
fn retry_after_is_honoured_within_its_bound() {
    let s = Server::start();
    s.route(
        "/p.html",
        Route::Busy {
            status: 503,
            secs: 1,
            times: 1,
            then: Box::new(Route::html(article_page(1, "Patience"))),
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path(), quick());
    let start = Instant::now();
    let (events, summary) = pages(&ctx, &[s.url("/p.html")]);
    assert_eq!(summary.new, 1, "{events:?}");
    assert!(start.elapsed() >= Duration::from_secs(1));
    assert_eq!(s.hits("/p.html"), 2);
}

#[test]
fn a_huge_feed_and_a_hostile_one_are_bounded_and_made_safe() {
    let s = Server::start();
    // 100,000 items, none with a page: the feed's own text is what is kept.
    let mut big = String::from("<rss version=\"2.0\"><channel><title>Énorme</title>");
    for i in 0..100_000 {
        big.push_str(&format!(
            "<item><guid>{i}</guid><title>N{i}</title><description>texte {i}</description></item>"
        ));
    }
    big.push_str("</channel></rss>");
    s.route("/big.xml", Route::rss(big));
    let evil = "<rss version=\"2.0\"><channel><title>\u{1b}]0;pwned\u{7}\u{1b}[2J Titre</title>\
        <item><title>../../../../etc/passwd \u{1b}[31m</title><link>/p</link><guid>a</guid><description>x</description></item>\
        <item><title>\u{9b}31m C1</title><link>/q</link><guid>b</guid></item></channel></rss>";
    s.route("/evil.xml", Route::rss(evil));
    s.route(
        "/p",
        Route::html(article_page(1, "\u{1b}[31mRouge\u{1b}[0m")),
    );
    s.route("/q", Route::Status(404, Vec::new()));
    let dir = tempfile::tempdir().unwrap();
    let mut limits = quick();
    limits.max_body = 20 << 20;
    limits.max_items = 50;
    let ctx = context(dir.path(), limits);
    fetch::subscribe(&ctx, &s.url("/big.xml")).unwrap();
    fetch::subscribe(&ctx, &s.url("/evil.xml")).unwrap();
    let (events, summary) = update(&ctx);
    assert_eq!(summary.new, 51, "{:?}", failures(&events));
    assert!(events.iter().any(|e| matches!(e, FetchEvent::Note { note, .. } if note == "holds 100000 items: the first 50 are read")));
    for e in &events {
        let shown = format!("{e:?}");
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{9b}') && !shown.contains('\u{7}'),
            "{shown}"
        );
    }
    let lib = Library::open(dir.path()).unwrap();
    for p in stored(&events) {
        assert!(p.starts_with(lib.root()), "{}", p.display());
        assert!(!p.to_string_lossy().contains(".."), "{}", p.display());
    }
    assert!(!dir.path().join("etc").exists());
    let store = FeedStore::open(dir.path());
    assert!(store.feeds()[0].seen.len() >= 50 && store.feeds()[0].seen.len() <= 2000);
}

#[test]
fn two_requests_per_server_and_eight_in_all() {
    let gauge = Arc::new(Gauge::default());
    let one = Server::with_gauge(Arc::new(Gauge::default()));
    let many: Vec<Server> = (0..6)
        .map(|_| Server::with_gauge(Arc::clone(&gauge)))
        .collect();
    let slow = |n| {
        Route::Delay(
            Duration::from_millis(150),
            Box::new(Route::html(article_page(n, &format!("P{n}")))),
        )
    };
    let mut urls = Vec::new();
    for i in 0..8 {
        one.route(&format!("/{i}"), slow(i));
        urls.push(one.url(&format!("/{i}")));
    }
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path(), quick());
    let (_, summary) = pages(&ctx, &urls);
    assert_eq!(summary.new, 8);
    assert_eq!(
        one.gauge.max.load(std::sync::atomic::Ordering::SeqCst),
        2,
        "two at a time to one server"
    );

    let mut urls = Vec::new();
    for (k, s) in many.iter().enumerate() {
        for i in 0..4 {
            s.route(&format!("/{i}"), slow(100 + k * 10 + i));
            urls.push(s.url(&format!("/{i}")));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path(), quick());
    let (_, summary) = pages(&ctx, &urls);
    assert_eq!(summary.new, 24);
    let max = gauge.max.load(std::sync::atomic::Ordering::SeqCst);
    assert!((3..=8).contains(&max), "at most eight in all: {max}");
}

#[test]
fn a_run_is_cancelled_at_once() {
    let s = Server::start();
    let mut urls = Vec::new();
    for i in 0..20 {
        s.route(
            &format!("/{i}"),
            Route::Slow(Duration::from_millis(200), vec![b'x'; 50]),
        );
        urls.push(fetch::address::parse_web(&s.url(&format!("/{i}"))).unwrap());
    }
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path(), quick());
    let (tx, rx) = std::sync::mpsc::channel();
    let start = Instant::now();
    let handle = fetch::fetch_pages(&ctx, urls, fetch::channel_sink(tx)).unwrap();
    assert!(
        start.elapsed() < Duration::from_millis(200),
        "the caller never waits"
    );
    std::thread::sleep(Duration::from_millis(300));
    handle.cancel();
    let summary = handle.join();
    assert!(summary.cancelled);
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    let events: Vec<_> = rx.try_iter().collect();
    assert!(matches!(events.last(), Some(FetchEvent::Finished(s)) if s.cancelled));
    assert!(s.requests().len() < 20, "queued work dropped");
}
