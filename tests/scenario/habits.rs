//! The habits of less and vim a reader brings: half pages, scrolling under the cursor, counts,
//! next and previous article, file information, the reader alone, the list's width, marks,
//! `Q`, and a word for a key that does nothing.

use crate::common::headless::Headless;

fn seeds() -> Headless {
    let mut s = Headless::seeds(120, 40);
    s.settle();
    s
}

fn cursor_line(s: &Headless) -> liseuse::app::reader::Pos {
    s.app().reader().map(|r| r.cursor).unwrap_or_default()
}

fn top_line(s: &Headless) -> liseuse::app::reader::Pos {
    s.app().reader().map(|r| r.top).unwrap_or_default()
}

#[test]
fn half_pages_and_scrolling_under_the_cursor() {
    let mut s = seeds();
    s.keys("<C-d>");
    let half = s.cursor().unwrap();
    assert!(half > 0);
    assert_ne!(top_line(&s), Default::default(), "the view moved with it");
    s.keys("<C-u>");
    assert_eq!(s.cursor(), Some(0));
    s.keys("d");
    assert_eq!(s.cursor(), Some(half), "d is Ctrl-d");
    s.keys("u");
    assert_eq!(s.cursor(), Some(0));

    s.keys("jjjjjjjjjj");
    let (cursor, top) = (cursor_line(&s), top_line(&s));
    s.keys("<C-e>");
    assert_eq!(cursor_line(&s), cursor, "the cursor stays on its line");
    assert!(top_line(&s) > top, "the view scrolled");
    s.keys("<C-y>");
    assert_eq!(top_line(&s), top);
}

#[test]
fn counts_go_that_far() {
    let mut s = seeds();
    s.keys("5j");
    let five = s.cursor();
    s.keys("g");
    s.keys("jjjjj");
    assert_eq!(s.cursor(), five, "5j is j five times");
    s.keys("g10G");
    let ten = s.cursor();
    s.keys("g");
    s.keys("jjjjjjjjj");
    assert_eq!(s.cursor(), ten, "10G is the tenth line");
    s.keys("50%");
    let label = s.app().reader().unwrap().position_label();
    let pct: usize = label.trim_end_matches('%').parse().unwrap_or(0);
    assert!((40..=60).contains(&pct), "{label}");
    s.keys("%");
    assert!(s.status().contains("50% goes half way"), "{}", s.status());
}

#[test]
fn next_and_previous_article_by_key_and_by_command() {
    let mut s = seeds();
    s.keys("]");
    assert_eq!(s.app().open(), Some(1));
    s.keys("]");
    assert!(s.status().contains("the last article"), "{}", s.status());
    s.keys("[");
    assert_eq!(s.app().open(), Some(0));
    s.keys(":n<Enter>");
    assert_eq!(s.app().open(), Some(1));
    s.keys(":p<Enter>");
    assert_eq!(s.app().open(), Some(0));
    s.keys(":frobnicate<Enter>");
    assert!(s.status().contains("not a command"), "{}", s.status());
}

#[test]
fn info_shows_file_position_and_size() {
    let mut s = seeds();
    for keys in ["=", "<C-g>"] {
        s.keys(keys);
        let status = s.status();
        assert!(status.contains("000_aae40d40de2e278c.txt"), "{status}");
        assert!(
            status.contains("KB") || status.contains("bytes"),
            "{status}"
        );
        assert!(status.contains("article 1/2"), "{status}");
        s.keys("<Esc>");
    }
}

#[test]
fn the_reader_alone_and_the_list_wider_or_narrower() {
    let mut s = seeds();
    s.keys("z");
    let alone = s.screen();
    assert!(!alone.contains("Articles 2"), "{alone}");
    assert!(!alone.contains("People"), "{alone}");
    s.keys("z");
    assert!(s.screen().contains("Articles 2"));
    let width = |s: &mut Headless| s.app().geometry().and_then(|g| g.list).map(|l| l.width);
    let before = width(&mut s);
    s.keys(">");
    assert!(width(&mut s) > before);
    s.keys("<lt><lt>");
    assert!(width(&mut s) < before);
}

#[test]
fn marks_are_kept_per_article() {
    let mut s = seeds();
    s.keys("jjjjjjjjma");
    let marked = s.cursor();
    s.keys("G'a");
    assert_eq!(s.cursor(), marked);
    s.keys("]'a");
    assert!(
        s.status().contains("no mark a in this article"),
        "{}",
        s.status()
    );
    s.keys("['a");
    assert_eq!(s.cursor(), marked, "each article has its own marks");
}

#[test]
fn capital_q_quits_and_an_unknown_key_says_so() {
    let mut s = seeds();
    s.keys("X");
    assert!(
        s.status().contains("X: not a key here, ? for help"),
        "{}",
        s.status()
    );
    s.keys("Q");
    assert!(s.quitting());
}
