//! less's keys as an option (issue 23): `keys = "less"` in the config gives `b`/`f` pages, `?`
//! a search backwards, `h` the help, `&pattern` only the matching paragraphs; the keys they
//! take move (bookmark to `a`), and the help says so. The default stays as it is.

use crate::common::headless::Headless;
use liseuse::app::Overlay;

fn with_config(config: &str) -> Headless {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("config.toml"), config).unwrap();
    let mut s = Headless::start_in(home, &[], 120, 40, |_| {});
    s.settle();
    s
}

fn top(s: &Headless) -> usize {
    let r = s.app().reader().unwrap();
    r.offset_of(r.top)
}

#[test]
fn less_keys_page_search_backwards_and_move_bookmark_and_help() {
    for config in ["keys = \"less\"\n", "[keys]\npreset = \"less\"\n"] {
        let mut s = with_config(config);
        assert!(!s.screen().contains("config"), "{config}: {}", s.screen());
        s.keys("f");
        let paged = top(&s);
        assert!(paged > 0, "f pages down");
        s.keys("b");
        assert_eq!(top(&s), 0, "b pages up");
        assert!(s.app().bookmarks.all().is_empty(), "b no longer bookmarks");

        // ? searches backwards: from the top, the last match; n goes on up, N down.
        s.keys("?hamas<Enter>");
        assert!(s.status().contains("n: ?hamas 13/13"), "{}", s.status());
        s.keys("n");
        assert!(s.status().contains("n: ?hamas 12/13"), "{}", s.status());
        s.keys("NN");
        assert!(s.status().contains("n: ?hamas 1/13"), "{}", s.status());

        // h is the help, and it says what moved.
        s.keys("h");
        assert!(matches!(s.app().overlay, Some(Overlay::Help(_))));
        let screen = s.screen();
        assert!(screen.contains("keys = \"less\""), "{screen}");
        assert!(screen.contains("bookmarking moved to a"), "{screen}");
        s.keys("<Esc>");

        // a bookmarks.
        s.keys("gjjjjjjj<Esc>a");
        s.wait_until("the bookmark", |a| a.bookmarks.all().len() == 1);
        s.keys("<Esc>");
    }
}

#[test]
fn ampersand_shows_only_the_matching_paragraphs() {
    let mut s = with_config("keys = \"less\"\n");
    let all = s.app().reader().unwrap().blocks.len();
    s.keys("&khamenei<Enter>");
    let screen = s.screen();
    assert!(screen.contains("&khamenei"), "the bar says so: {screen}");
    let r = s.app().reader().unwrap();
    let shown = r.blocks.len();
    assert!(shown < all, "{shown} of {all}");
    // Every paragraph shown names him.
    for b in &r.blocks[2..] {
        if let liseuse::app::reader::BlockText::Doc(range) = &b.text {
            let text = r.doc.text[range.clone()].to_lowercase();
            assert!(text.contains("khamenei"), "{text}");
        }
    }
    // & then Enter shows every paragraph again.
    s.keys("&<Enter>");
    assert_eq!(s.app().reader().unwrap().blocks.len(), all);
    assert!(!s.status().contains("&khamenei"), "{}", s.status());
}

#[test]
fn the_default_keys_stay_as_they_are() {
    let mut s = with_config("");
    s.keys("jjjjjjjb<Esc>");
    s.wait_until("b bookmarks", |a| a.bookmarks.all().len() == 1);
    s.keys("?");
    assert!(
        matches!(s.app().overlay, Some(Overlay::Help(_))),
        "? is help"
    );
    assert!(!s.screen().contains("keys = \"less\""));
}
