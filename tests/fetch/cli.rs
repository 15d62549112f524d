//! The real binary, with temporary data and cache folders.

use std::path::Path;
use std::process::{Command, Output};

use crate::server::{Route, Server, article_page, rss};

fn liseuse(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_liseuse"));
    cmd.arg("--data-dir")
        .arg(dir.join("data"))
        .arg("--cache-dir")
        .arg(dir.join("cache"))
        .args(args)
        .env_remove("LISEUSE_DATA_DIR")
        .env_remove("LISEUSE_CACHE_DIR");
    for v in [
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "no_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "NO_PROXY",
    ] {
        cmd.env_remove(v);
    }
    cmd.envs(env.iter().copied());
    cmd.output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn server_with_two_feeds() -> Server {
    let s = Server::start();
    for i in 0..3 {
        s.route(
            &format!("/a{i}.html"),
            Route::html(article_page(i, &format!("Conseil {i}"))),
        );
    }
    let items: Vec<_> = (0..3)
        .map(|i| {
            (
                format!("Conseil {i}"),
                format!("/a{i}.html"),
                Some(format!("id{i}")),
                String::from("résumé"),
            )
        })
        .collect();
    s.route("/rss.xml", Route::rss(rss("La Gazette \u{1b}[31m", &items)));
    s.route("/", Route::html("<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss.xml\"></head><body></body></html>"));
    s.route("/down.xml", Route::rss(rss("Panne", &[])));
    s
}

#[test]
fn feeds_from_the_command_line_for_cron() {
    let s = server_with_two_feeds();
    let dir = tempfile::tempdir().unwrap();
    let out = liseuse(dir.path(), &["feed", "add", &s.url("/")], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("names its feed"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        liseuse(dir.path(), &["feed", "add", &s.url("/down.xml")], &[])
            .status
            .success()
    );

    let out = liseuse(dir.path(), &["feed", "update"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("3 new articles"), "{stdout}");
    assert!(
        !stdout.contains('\u{1b}') && !text(&out.stderr).contains('\u{1b}'),
        "{stdout:?}"
    );

    // A feed that fails: one line on stderr, status 1, the other feed still updated.
    s.route("/down.xml", Route::Status(503, Vec::new()));
    s.route(
        "/rss.xml",
        Route::rss(rss(
            "La Gazette",
            &[(
                "Nouveau".into(),
                "/a0.html".into(),
                Some("new".into()),
                String::new(),
            )],
        )),
    );
    let out = liseuse(dir.path(), &["feed", "update"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("liseuse: Panne: the server is busy (503)"),
        "{stderr}"
    );
    assert!(
        text(&out.stdout).contains("2 feeds, 0 new articles, 1 could not be reached"),
        "{}",
        text(&out.stdout)
    );

    let list = text(&liseuse(dir.path(), &["feed", "list"], &[]).stdout);
    assert!(list.contains("  1  La Gazette ␛[31m  http://"), "{list}");
    assert!(list.contains("the server is busy (503)"), "{list}");

    let opml = text(&liseuse(dir.path(), &["feed", "export"], &[]).stdout);
    assert!(
        opml.contains(&format!("xmlUrl=\"{}\"", s.url("/rss.xml"))),
        "{opml}"
    );
    let other = tempfile::tempdir().unwrap();
    let file = other.path().join("feeds.opml");
    std::fs::write(&file, &opml).unwrap();
    let out = liseuse(
        other.path(),
        &["feed", "import", file.to_str().unwrap()],
        &[],
    );
    assert!(
        text(&out.stdout).starts_with("2 feeds added"),
        "{}",
        text(&out.stdout)
    );

    let out = liseuse(dir.path(), &["feed", "remove", "2"], &[]);
    assert!(
        text(&out.stdout).contains("unsubscribed from Panne"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(
        text(&liseuse(dir.path(), &["feed", "list"], &[]).stdout)
            .lines()
            .count(),
        1
    );
    assert_eq!(
        liseuse(dir.path(), &["feed", "remove", "nothing"], &[])
            .status
            .code(),
        Some(2)
    );

    // With no path, the commands that read articles read the library.
    let out = liseuse(dir.path(), &["entities", "--format", "tsv"], &[]);
    let tsv = text(&out.stdout);
    assert!(tsv.contains("/library/la-gazette-31m/"), "{tsv}");
    let lib = text(&liseuse(dir.path(), &["--print-library-path"], &[]).stdout);
    assert_eq!(
        lib.trim(),
        dir.path().join("data/library").to_str().unwrap()
    );
}

#[test]
fn fetch_prints_where_each_page_went() {
    let s = server_with_two_feeds();
    let dir = tempfile::tempdir().unwrap();
    // With an empty library, the seeds are what is read.
    let seeds = text(&liseuse(dir.path(), &["entities", "--format", "tsv"], &[]).stdout);
    assert!(seeds.contains("Khamenei"), "{seeds}");
    let out = liseuse(
        dir.path(),
        &[
            "fetch",
            &s.url("/a1.html"),
            &s.url("/missing"),
            "file:///etc/passwd",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let path = stdout.trim();
    assert!(Path::new(path).is_file(), "{stdout}");
    assert!(path.contains("/library/pages/"), "{path}");
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(
        stderr.contains("file:///etc/passwd: only http and https"),
        "{stderr}"
    );
    let out = liseuse(dir.path(), &["fetch", &s.url("/a1.html")], &[]);
    assert!(out.status.success());
    assert!(text(&out.stdout).ends_with("(already in the library)\n"));
    let cat = text(&liseuse(dir.path(), &["cat"], &[]).stdout);
    assert!(
        cat.contains("Conseil 1") && cat.contains("conseil municipal"),
        "{cat}"
    );
}

#[test]
fn the_proxy_variables_are_honoured() {
    let proxy = Server::start();
    proxy.route("/page.html", Route::html(article_page(7, "Par le proxy")));
    let dir = tempfile::tempdir().unwrap();
    let through = format!("http://{}", proxy.addr);
    // news.example is not resolved here: the proxy is asked for it.
    let out = liseuse(
        dir.path(),
        &["fetch", "http://news.example/page.html"],
        &[("http_proxy", &through)],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let asked: Vec<String> = proxy.requests().iter().map(|r| r.target.clone()).collect();
    assert!(
        asked == ["news.example:80", "/page.html"] || asked == ["http://news.example/page.html"],
        "{asked:?}"
    );
    // no_proxy: the same page from the proxy's own address, asked directly.
    let out = liseuse(
        dir.path(),
        &["fetch", &proxy.url("/page.html")],
        &[
            ("http_proxy", "http://127.0.0.1:9"),
            ("no_proxy", "news.example"),
        ],
    );
    assert!(
        out.status.success(),
        "loopback is never proxied: {}",
        text(&out.stderr)
    );
}
