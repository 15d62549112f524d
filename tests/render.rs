//! Rendering on ratatui's TestBackend: what a user sees for given states.

use liseuse::app::{App, Event};
use liseuse::keymap::{Key, KeyCode, Keymap};
use liseuse::library::{self, Library};
use liseuse::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

fn app(w: u16, h: u16) -> App {
    let entries = library::seeds();
    let mut app = App::new(Library::new(entries.clone()), Keymap::default(), (w, h));
    for (index, e) in entries.iter().enumerate() {
        let result = library::load(e).map(Arc::new);
        app.update(Event::Loaded { index, result });
    }
    app
}

fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw(f, app, &Theme::no_color())).unwrap();
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for k in keys {
        app.update(Event::Key(Key::plain(*k)));
    }
}

#[test]
fn startup_120x40() {
    insta::assert_snapshot!(screen(&app(120, 40)));
}

#[test]
fn startup_80x24_folds_the_sidebar() {
    let s = screen(&app(80, 24));
    assert!(!s.contains("Entities"));
    insta::assert_snapshot!(s);
}

#[test]
fn help_overlay_lists_every_action() {
    let mut a = app(100, 30);
    press(&mut a, &[KeyCode::Char('?')]);
    let s = screen(&a);
    for &action in liseuse::action::Action::ALL {
        assert!(s.contains(action.help()), "help lacks {action:?}");
    }
    assert!(
        s.contains("Mentions: person  organisation  place  date"),
        "legend:\n{s}"
    );
}

#[test]
fn help_fits_80x24_in_two_columns() {
    let mut a = app(80, 24);
    press(&mut a, &[KeyCode::Char('?')]);
    let s = screen(&a);
    for &action in liseuse::action::Action::ALL {
        let keys: Vec<String> = a
            .keymap
            .keys_for(action)
            .iter()
            .map(|k| k.to_string())
            .collect();
        let keys = format!(" {}  ", keys.join(", "));
        assert!(s.contains(&keys), "no keys for {action:?}:\n{s}");
    }
    assert!(s.contains("Any key closes this help."));
}

#[test]
fn too_small_says_so() {
    let s = screen(&app(30, 6));
    assert!(s.contains("Terminal too small"), "{s}");
}

#[test]
fn bottom_then_focus_change_keeps_the_view() {
    let mut a = app(120, 40);
    press(&mut a, &[KeyCode::Char('G')]);
    let bottom = screen(&a);
    assert!(bottom.contains("practitioner.”"));
    press(&mut a, &[KeyCode::Tab, KeyCode::Char('j'), KeyCode::Enter]);
    let after = screen(&a);
    assert!(after.contains("practitioner.”"), "{after}");
}

#[test]
fn second_article_opens_from_the_list() {
    let mut a = app(120, 40);
    press(
        &mut a,
        &[KeyCode::BackTab, KeyCode::Char('j'), KeyCode::Enter],
    );
    let s = screen(&a);
    assert!(s.contains("Le président iranien Ibrahim Raïssi"), "{s}");
    assert!(s.contains("2/2"));
    assert!(s.contains("2023-12 · source: Médias"));
}

#[test]
fn bookmarked_paragraph_has_a_gutter_mark() {
    let mut a = app(120, 40);
    for _ in 0..5 {
        press(&mut a, &[KeyCode::Char('j')]);
    }
    let effects = a.update(Event::Key(Key::plain(KeyCode::Char('b'))));
    let Some(liseuse::app::Effect::AddBookmark(b)) = effects.into_iter().next() else {
        panic!("no bookmark effect")
    };
    a.update(Event::Bookmarks {
        list: vec![b],
        read_only: None,
        message: None,
    });
    press(&mut a, &[KeyCode::Esc]);
    let s = screen(&a);
    let marked: Vec<&str> = s
        .lines()
        .filter(|l| l.contains("┃ ┃ ") || l.contains("┃▌┃ "))
        .collect();
    assert!(marked.len() >= 5, "{s}");
}

#[test]
fn reader_width_limit_centres_the_text() {
    let mut a = app(160, 40);
    a.max_text_width = 40;
    a.update(Event::Resize(160, 40));
    let s = screen(&a);
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
