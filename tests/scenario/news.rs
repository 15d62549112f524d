//! News from the web in the reader (issue 26), the whole app headless against servers on
//! 127.0.0.1 (never the network): feeds fetched at start while keys are answered, new articles
//! joining the list in place, one opened with its entities and bookmarked across a restart;
//! every misbehaving server one line, the rest intact; a reader on the seeds following the
//! library as another fetcher fills it. Reading the news (`liseuse URL`, links, the list by
//! date, unread marks) is `news_reading.rs`.

use crate::common::headless::Headless;
use crate::server::{Route, Server, article_page, news_page, rss};
use liseuse_library::fetch::{self, Feed, FeedStore, Limits};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// Subscribes the data directory `data` to `feeds` (title, address).
fn subscribe(data: &Path, feeds: &[(&str, String)]) {
    std::fs::create_dir_all(data).unwrap();
    let mut store = FeedStore::open(data);
    store
        .save(|list| {
            for (i, (title, url)) in feeds.iter().enumerate() {
                list.push(Feed {
                    url: url.clone(),
                    title: (*title).to_string(),
                    folder: format!("journal-{i}"),
                    ..Feed::default()
                });
            }
            (true, ())
        })
        .unwrap();
}

/// Limits short enough for a test: a silent server gives up in seconds.
pub fn quick() -> Limits {
    Limits {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(3),
        max_body: 1 << 20,
        max_retry_wait: Duration::from_secs(1),
        ..Limits::default()
    }
}

/// `feeds` feeds of `items` items, each page answered after `delay`.
fn journals(s: &Server, feeds: usize, items: usize, delay: Duration) -> Vec<(String, String)> {
    (0..feeds)
        .map(|f| {
            let list: Vec<_> = (0..items)
                .map(|i| {
                    let n = f * items + i;
                    let page = Route::html(news_page(n));
                    s.route(
                        &format!("/f{f}/{i}.html"),
                        Route::Delay(delay, Box::new(page)),
                    );
                    (
                        format!("Budget de Lyon, épisode {n}"),
                        format!("/f{f}/{i}.html"),
                        Some(format!("f{f}-{i}")),
                        format!("Résumé {n}."),
                    )
                })
                .collect();
            let path = format!("/f{f}.xml");
            s.route(&path, Route::rss(rss(&format!("Journal {f}"), &list)));
            (format!("Journal {f}"), s.url(&path))
        })
        .collect()
}

pub fn list_order(h: &Headless) -> Vec<String> {
    let app = h.app();
    app.list
        .rows(&app.library)
        .iter()
        .map(|&i| app.library.articles[i].title().to_string())
        .collect()
}

#[test]
fn feeds_fetched_at_start_join_the_list_in_place_while_keys_are_answered() {
    let s = Server::start();
    let feeds = journals(&s, 3, 4, Duration::from_millis(300));
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let named: Vec<(&str, String)> = feeds.iter().map(|(t, u)| (t.as_str(), u.clone())).collect();
    subscribe(&data, &named);
    // No path and an empty library: the seeds are shown, and the library is followed.
    let mut h = Headless::start_in(home, &[], 120, 40, |_| {});
    let screen = h.wait_text("feeds ·");
    assert!(
        screen.contains("fetching 0/3 feeds") || screen.contains("fetching 1/3 feeds"),
        "progress on the status bar:\n{screen}"
    );
    // Keys are answered while the pages come: the list takes the focus and moves.
    h.keys("<S-Tab>j");
    assert_eq!(h.app().focus, liseuse::app::Focus::List);
    assert!(h.app().fetching.feeds.is_some(), "still fetching");
    h.wait_for("every article, the run over", |s| {
        s.contains("Articles 14") && !s.contains("fetching")
    });
    assert!(
        h.messages()
            .iter()
            .any(|m| m == "feeds fetched: 12 new articles"),
        "{:?}",
        h.messages()
    );
    // The watcher reports a burst once it has been quiet for a while: let it.
    let until = std::time::Instant::now() + Duration::from_millis(1500);
    while std::time::Instant::now() < until {
        h.pump();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !h.messages().iter().any(|m| m.contains("folder changed")),
        "articles it stored are no news from the watcher: {:?}",
        h.messages()
    );
    // In place: the library's folders in natural order, each feed's articles by name.
    h.settle();
    let titles = list_order(&h);
    let episodes: Vec<&String> = titles.iter().filter(|t| t.contains("épisode")).collect();
    let want: Vec<String> = (0..12)
        .map(|n| format!("Budget de Lyon, épisode {n}"))
        .collect();
    assert_eq!(episodes, want.iter().collect::<Vec<_>>(), "{titles:#?}");
    let screen = h.screen();
    assert_eq!(
        screen.matches("•Budget de Lyon").count(),
        12,
        "unread:\n{screen}"
    );
    assert!(screen.contains(" · Journ"), "date and source:\n{screen}");
    let sources: Vec<Option<String>> = h
        .app()
        .library
        .articles
        .iter()
        .filter(|a| a.title().contains("épisode 5"))
        .map(|a| a.source().map(str::to_string))
        .collect();
    assert_eq!(sources, [Some("Journal 1".to_string())]);
    // `/` with a feed's name keeps its articles.
    h.keys("/Journal 2<Enter>");
    h.wait_text("Articles 4/14");
    let kept: Vec<String> = (8..12)
        .map(|n| format!("Budget de Lyon, épisode {n}"))
        .collect();
    assert_eq!(list_order(&h), kept);
    h.keys("<Esc>/épisode 5<Enter><Enter>");
    h.wait_until("episode 5 open", |a| {
        a.reader()
            .is_some_and(|r| r.doc.title.contains("épisode 5"))
    });
    h.settle();
    h.wait_text("Doucet");
    h.keys("<Esc>");
    let screen = h.wait_text("Articles 14");
    assert_eq!(screen.matches("•Budget de Lyon").count(), 11, "{screen}");
    h.keys("jjjjb");
    h.wait_until("the bookmark saved", |a| {
        a.bookmarks.all().len() == 1 && a.bookmarks.unsaved.is_none()
    });
    h.keys("q");
    let (_, home) = h.finish();

    // Next time: the library (as `liseuse` with no path opens it), the bookmark and what was
    // read still there.
    let library = fetch::library_dir(&data);
    let mut h = Headless::start_in(home, std::slice::from_ref(&library), 120, 40, |o| {
        o.fetch_limits = Some(quick());
    });
    h.settle();
    let screen = h.screen();
    assert!(screen.contains("Articles 12"), "{screen}");
    let unread = |h: &Headless, n: usize| {
        let app = h.app();
        let a = app
            .library
            .articles
            .iter()
            .find(|a| a.title() == format!("Budget de Lyon, épisode {n}"))
            .expect("listed");
        app.list.is_unread(&a.entry.path)
    };
    assert!(!unread(&h, 5), "read stays read:\n{screen}");
    assert!(unread(&h, 6), "{screen}");
    h.keys("B");
    let screen = h.wait_text("Bookmarks");
    assert!(screen.contains("épisode 5"), "{screen}");
}

#[test]
fn every_misbehaving_server_is_one_line_and_the_rest_is_intact() {
    let s = Server::start();
    s.route(
        "/ok.xml",
        Route::rss(rss(
            "Sain",
            &[
                (
                    "Bon".into(),
                    "/good.html".into(),
                    Some("g".into()),
                    "x".into(),
                ),
                (
                    "Sans page".into(),
                    "/missing.html".into(),
                    Some("m".into()),
                    "Le texte du flux lui-même, faute de page : le conseil a voté.".into(),
                ),
            ],
        )),
    );
    s.route("/good.html", Route::html(article_page(1, "Bonne page")));
    s.route("/missing.html", Route::Status(404, Vec::new()));
    s.route("/500.xml", Route::Status(500, Vec::new()));
    s.route("/gone.xml", Route::Status(410, Vec::new()));
    s.route("/loop1", Route::Redirect(302, "/loop2".into()));
    s.route("/loop2", Route::Redirect(301, "/loop1".into()));
    s.route(
        "/page.html",
        Route::html("<html><body>Pas un flux</body></html>"),
    );
    s.route("/silent.xml", Route::Hang);
    s.route(
        "/broken.xml",
        Route::rss("<rss version=\"2.0\"><channel><title>Cassé</title><item><title>x</ti"),
    );
    s.route(
        "/escapes.xml",
        Route::rss(rss(
            "\u{1b}]0;pwned\u{7}Piégé\u{1b}[31m",
            &[(
                "\u{1b}[2JTitre piégé".into(),
                "/good2.html".into(),
                Some("e".into()),
                "x".into(),
            )],
        )),
    );
    s.route(
        "/good2.html",
        Route::html(article_page(2, "Autre bonne page")),
    );
    let bad = [
        ("Erreur", "/500.xml", "answered 500"),
        ("Parti", "/gone.xml", "gone"),
        ("Boucle", "/loop1", "redirect loop"),
        ("Page", "/page.html", "not a feed"),
        ("Muet", "/silent.xml", "timed out"),
        ("Cassé", "/broken.xml", "not a valid feed"),
    ];
    let mut feeds: Vec<(&str, String)> = vec![("Sain", s.url("/ok.xml"))];
    feeds.extend(bad.iter().map(|(t, p, _)| (*t, s.url(p))));
    feeds.push(("", s.url("/escapes.xml")));
    let home = tempfile::tempdir().unwrap();
    subscribe(&home.path().join("data"), &feeds);
    let mut h = Headless::start_in(home, &[], 120, 40, |o| o.fetch_limits = Some(quick()));
    h.wait_until("the feeds done", |a| a.fetching.feeds.is_none());
    let messages = h.messages();
    for (title, _, why) in bad {
        let lines: Vec<&String> = messages
            .iter()
            .filter(|m| m.starts_with(&format!("{title}: ")))
            .collect();
        assert_eq!(lines.len(), 1, "{title}: {messages:#?}");
        assert!(lines[0].contains(why), "{title}: {}", lines[0]);
    }
    assert!(
        messages
            .iter()
            .any(|m| m.contains("/missing.html") && m.contains("feed's text is kept")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m == "feeds fetched: 3 new articles · 6 of 8 not reached"),
        "{messages:#?}"
    );
    // The good articles are in the list, the hostile title shown harmless.
    h.settle();
    let titles = list_order(&h);
    for t in ["Bonne page", "Autre bonne page", "Sans page"] {
        assert!(titles.iter().any(|x| x == t), "{t}: {titles:#?}");
    }
    let buffer = h.buffer();
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| !c.symbol().contains('\u{1b}')),
        "no escape reaches the terminal"
    );
    // The feed's own text says so in the reader.
    h.keys("<S-Tab>/Sans page<Enter><Enter>");
    h.wait_until("the feed's text open", |a| {
        a.reader().is_some_and(|r| r.doc.title == "Sans page")
    });
    let screen = h.wait_text("the feed's own text, not the page's");
    assert!(screen.contains("Sain"), "its source:\n{screen}");
}

#[test]
fn a_reader_on_the_seeds_follows_the_library_as_another_fetcher_fills_it() {
    let s = Server::start();
    for i in 0..3 {
        s.route(
            &format!("/p{i}.html"),
            Route::html(article_page(i, &format!("Page numéro {i}"))),
        );
    }
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut h = Headless::start_in(home, &[], 120, 40, |_| {});
    h.settle();
    assert!(h.screen().contains("Articles 2"), "the seeds");
    // `liseuse fetch` (or `feed update` from cron) in another process, as far as the reader
    // knows: the library's own API, on this thread.
    let ctx = fetch::Context {
        client: Arc::new(fetch::Client::new(quick()).unwrap()),
        data_dir: data,
    };
    let urls = (0..3)
        .map(|i| fetch::address::parse_web(&s.url(&format!("/p{i}.html"))).unwrap())
        .collect();
    let summary = fetch::fetch_pages(&ctx, urls, Arc::new(|_| {}))
        .unwrap()
        .join();
    assert_eq!(summary.new, 3);
    h.wait_text("Articles 5");
    h.settle();
    let titles = list_order(&h);
    for i in 0..3 {
        let t = format!("Page numéro {i}");
        assert!(titles.contains(&t), "{t}: {titles:#?}");
    }
}
