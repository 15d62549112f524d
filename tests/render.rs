//! Rendering: what a user sees, from the real app run headless on ratatui's TestBackend.

mod common;
use common::headless::Headless;

/// The seeds read and indexed in a `w`×`h` terminal.
fn app(w: u16, h: u16) -> Headless {
    let mut s = Headless::seeds(w, h);
    s.settle();
    s
}

#[test]
fn startup_120x40() {
    insta::assert_snapshot!(app(120, 40).screen());
}

#[test]
fn startup_80x24_folds_the_sidebar() {
    let s = app(80, 24).screen();
    assert!(!s.contains("Entities"));
    insta::assert_snapshot!(s);
}

#[test]
fn help_overlay_lists_every_action() {
    // Tall enough for every line at once.
    let mut a = app(120, 90);
    a.keys("?");
    let s = a.screen();
    for &action in liseuse::keys::action::Action::ALL {
        let first_words: String = action
            .help()
            .split(' ')
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(s.contains(&first_words), "help lacks {action:?}:\n{s}");
    }
    assert!(
        s.contains("Mentions: person organisation place date selected"),
        "legend:\n{s}"
    );
    assert!(
        s.contains("3·6 = 3 mentions in this article, 6 in all"),
        "{s}"
    );
}

/// Issue 15 item 7: at 80×24 the help reads whole lines and scrolls to every one of them.
#[test]
fn help_reads_at_80x24_and_scrolls_to_every_action() {
    let mut a = app(80, 24);
    a.keys("?");
    let mut seen = String::new();
    for _ in 0..20 {
        let s = a.screen();
        seen.push_str(&s);
        if s.contains("Quit liseuse") {
            break;
        }
        a.keys("<PgDn>");
    }
    for &action in liseuse::keys::action::Action::ALL {
        let words: String = action
            .help()
            .split(' ')
            .take(5)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(seen.contains(&words), "never shown: {action:?}\n{seen}");
    }
    // Every key line is one column, not two cut to a dozen characters.
    let s = a.screen();
    assert!(s.contains("j/k, Space scroll"), "{s}");
    assert!(a.app().overlay.is_some(), "scrolling keeps the help open");
    a.keys("x");
    assert!(a.app().overlay.is_none(), "another key closes it");
}

#[test]
fn too_small_says_so() {
    let s = app(30, 6).screen();
    assert!(s.contains("Terminal too small"), "{s}");
}

#[test]
fn bottom_then_focus_change_keeps_the_view() {
    let mut a = app(120, 40);
    a.keys("G");
    let bottom = a.screen();
    assert!(bottom.contains("practitioner.”"));
    a.keys("<Tab>j<Enter>");
    let after = a.screen();
    assert!(after.contains("practitioner.”"), "{after}");
}

#[test]
fn second_article_opens_from_the_list() {
    let mut a = app(120, 40);
    a.keys("<S-Tab>j<Enter>");
    let s = a.screen();
    assert!(s.contains("Le président iranien Ibrahim Raïssi"), "{s}");
    assert!(s.contains("2/2"));
    assert!(s.contains("2023-12 · source: Médias"));
}

#[test]
fn bookmarked_paragraph_has_a_gutter_mark() {
    let mut a = app(120, 40);
    a.keys("jjjjjb<Esc>");
    let s = a.screen();
    let marked: Vec<&str> = s
        .lines()
        .filter(|l| l.contains("┃ ┃ ") || l.contains("┃▌┃ "))
        .collect();
    assert!(marked.len() >= 5, "{s}");
}

#[test]
fn reader_width_limit_centres_the_text() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("config.toml"), "reader_width = 40\n").unwrap();
    let mut a = Headless::start_in(home, &[], 160, 40, |_| {});
    a.settle();
    let s = a.screen();
    let line = s.lines().find(|l| l.contains("Le lendemain")).unwrap();
    let start = line.find("Le lendemain").unwrap();
    let text_part: String = line[start..]
        .chars()
        .take_while(|c| *c != '┃' && *c != '│')
        .collect();
    assert!(text_part.trim_end().chars().count() <= 40, "{line}");
    let border = line.find('┃').unwrap();
    assert!(start - border > 10, "indented to centre: {line}");
}
