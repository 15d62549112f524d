//! `liseuse URL` through the real binary in a pseudo-terminal: the reader at once, the page
//! opened once stored, then read from the library with the server gone.

use crate::common::Session;
use crate::server::{Route, Server, article_page};
use std::time::Duration;

#[test]
fn liseuse_url_opens_the_page_once_fetched_and_then_offline() {
    let s = Server::start();
    s.route(
        "/a.html",
        Route::Delay(
            Duration::from_millis(300),
            Box::new(Route::html(article_page(1, "Le budget voté"))),
        ),
    );
    let url = s.url("/a.html");
    let home = tempfile::tempdir().unwrap();
    let mut r = Session::start(&[&url], 120, 40, home.path());
    let screen = r.wait_text("Le budget voté");
    assert!(screen.contains("▸Le budget voté"), "{screen}");
    r.keys(&[b"q"]);
    assert_eq!(r.wait_exit(), 0);
    drop(s);
    // No server: the library has it (and with no path, the library is what opens).
    let mut r = Session::start(&[&url], 120, 40, home.path());
    let screen = r.wait_text("Le budget voté");
    assert!(screen.contains("Articles 1"), "{screen}");
    r.keys(&[b"q"]);
    assert_eq!(r.wait_exit(), 0);
}

#[test]
fn an_address_of_another_kind_is_one_line() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .arg("ftp://example.org/a.html")
        .env("LISEUSE_DATA_DIR", home.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("only web addresses"), "{err}");
}
