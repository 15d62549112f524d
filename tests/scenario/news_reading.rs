//! Reading the news (issue 26), the whole app headless against servers on 127.0.0.1: a page
//! by its address opened once stored, then offline; a link fetched and read, given to the
//! browser, copied; the list by date, its unread marks and `U`.

use crate::common::headless::{Folder, Headless};
use crate::news::list_order;
use crate::server::{Route, Server, article_page};
use liseuse_library::fetch;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[test]
fn a_page_by_its_address_opens_when_stored_and_then_offline() {
    let s = Server::start();
    s.route(
        "/a.html",
        Route::Delay(
            Duration::from_millis(500),
            Box::new(Route::html(article_page(1, "Le budget voté"))),
        ),
    );
    let url = s.url("/a.html");
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut h = Headless::start_in(home, &[], 120, 40, |o| o.urls = vec![url.clone()]);
    // The reader is there at once, the page on its way.
    assert!(h.screen().contains("fetching 0/1 pages"), "{}", h.screen());
    h.wait_until("the page open", |a| {
        a.reader().is_some_and(|r| r.doc.title == "Le budget voté")
    });
    let screen = h.screen();
    assert!(screen.contains("▸Le budget voté"), "{screen}");
    let (_, home) = h.finish();
    drop(s);
    let pages = fetch::library_dir(&data).join(fetch::PAGES_FOLDER);
    let files = || std::fs::read_dir(&pages).unwrap().count();
    assert_eq!(files(), 1);
    // The server is gone: the same address is the article kept, and it is one article.
    let mut h = Headless::start_in(home, &[], 120, 40, |o| o.urls = vec![url.clone()]);
    h.wait_until("the kept page open", |a| {
        a.reader().is_some_and(|r| r.doc.title == "Le budget voté")
    });
    assert_eq!(files(), 1);
    assert!(h.messages().iter().all(|m| !m.contains("could not")));
}

#[test]
fn a_link_is_fetched_and_read_given_to_the_browser_or_copied() {
    let s = Server::start();
    let para = "Le conseil municipal a voté jeudi soir le budget de la ville, après un long débat \
                sur les transports publics et la rénovation des écoles du centre. ";
    s.route(
        "/a.html",
        Route::html(format!(
            "<html><head><title>Le budget</title></head><body><article><h1>Le budget</h1>\
             <p>{p}</p><p>{p} Lire <a href=\"/suite.html\">la suite</a>.</p><p>{p}</p>\
             </article></body></html>",
            p = para.repeat(2)
        )),
    );
    s.route(
        "/suite.html",
        Route::html(article_page(2, "La suite du budget")),
    );
    let dir = tempfile::tempdir().unwrap();
    let browser = dir.path().join("browser.sh");
    let opened = dir.path().join("opened");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > {}\n", opened.display()),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let home = tempfile::tempdir().unwrap();
    let mut h = Headless::start_in(home, &[], 120, 40, |o| {
        o.urls = vec![s.url("/a.html")];
        o.browser = Some(browser.display().to_string());
    });
    h.wait_until("the page open", |a| {
        a.reader().is_some_and(|r| r.doc.title == "Le budget")
    });
    let suite = s.url("/suite.html");
    // The link's address, made whole against the page's.
    h.keys("l");
    let screen = h.wait_text("Links · 1");
    assert!(screen.contains(&suite), "{screen}");
    assert!(screen.contains("a read here"), "{screen}");
    h.keys("o");
    for _ in 0..200 {
        if std::fs::read_to_string(&opened).is_ok_and(|t| !t.is_empty()) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(std::fs::read_to_string(&opened).unwrap(), suite);
    // A copy where the terminal cannot take one is said, with the address to select.
    h.keys("lc");
    let status = h.wait_text("the address:");
    assert!(status.contains(&suite), "{status}");
    let copied = Arc::new(Mutex::new(Vec::new()));
    let into = Arc::clone(&copied);
    h.on_copy(Ok(Box::new(move |t: &str| {
        into.lock().unwrap().push(t.to_string());
        Ok(())
    })));
    h.keys("c");
    h.wait_text(&format!("copied {suite}"));
    assert_eq!(*copied.lock().unwrap(), vec![suite.clone()]);
    // `a`: fetched into the library and read here.
    h.keys("a");
    h.wait_until("the linked page open", |a| {
        a.reader()
            .is_some_and(|r| r.doc.title == "La suite du budget")
    });
    assert_eq!(s.hits("/suite.html"), 1);
    // Once more: the article kept, not fetched again.
    h.keys("<S-Tab>/Le budget<Enter><Enter>");
    h.wait_until("back", |a| {
        a.reader().is_some_and(|r| r.doc.title == "Le budget")
    });
    h.keys("la");
    h.wait_until("the kept linked page", |a| {
        a.reader()
            .is_some_and(|r| r.doc.title == "La suite du budget")
    });
    assert_eq!(s.hits("/suite.html"), 1);
}

#[test]
fn the_list_by_date_its_unread_marks_and_u() {
    let lib = Folder::new(&[
        ("a.txt", "date 2024-01-01 Article A\n\nTexte de A."),
        ("b.txt", "date 2025-06-01 Article B\n\nTexte de B."),
        ("c.txt", "Article C\n\nTexte de C, sans date."),
        ("d.txt", "date 2023-05-05 Article D\n\nTexte de D."),
    ]);
    let paths: Vec<PathBuf> = vec![lib.root().to_path_buf()];
    let mut h = Headless::start(&paths, 120, 40);
    h.settle();
    let screen = h.screen();
    // A is open (read); the others are marked.
    assert!(screen.contains("▸Article A"), "{screen}");
    for t in ["•Article B", "•Article C", "•Article D"] {
        assert!(screen.contains(t), "{t}:\n{screen}");
    }
    h.keys("S");
    let screen = h.wait_text("Articles 4 · by date");
    assert_eq!(
        list_order(&h),
        ["Article C", "Article B", "Article A", "Article D"],
        "newest first, C by its file's time (today):\n{screen}"
    );
    // `U`: the next unread after the open article (A), round to the top, then none.
    for want in ["Article D", "Article C", "Article B"] {
        h.keys("U");
        h.wait_until(want, |a| a.reader().is_some_and(|r| r.doc.title == want));
    }
    h.keys("U");
    h.wait_text("every article of the list has been read");
    let (_, home) = h.finish();
    let mut h = Headless::start_in(home, &paths, 120, 40, |_| {});
    h.settle();
    let screen = h.screen();
    assert!(!screen.contains('•'), "all read, kept:\n{screen}");
    assert_eq!(h.app().list.sort, liseuse::app::list::Sort::Path);
}
