use super::*;
use crate::keymap::KeyCode;
use crate::library::{self, Library};

fn key(c: char) -> Event {
    Event::Key(Key::plain(KeyCode::Char(c)))
}

fn seeded_app() -> App {
    let entries = library::seeds();
    let mut app = App::new(Library::new(entries.clone()), Keymap::default(), (120, 40));
    for (index, e) in entries.iter().enumerate() {
        let result = library::load(e).map(Arc::new);
        app.update(Event::Loaded { index, result });
    }
    app
}

#[test]
fn first_article_opens_when_read() {
    let app = seeded_app();
    assert_eq!(app.open, Some(0));
    assert_eq!(app.focus, Focus::Reader);
    assert!(app.reader.as_ref().unwrap().doc.title.starts_with("Qaani"));
}

#[test]
fn tab_cycles_focus_and_enter_opens_from_the_list() {
    let mut app = seeded_app();
    app.update(Event::Key(Key::plain(KeyCode::Tab)));
    app.update(Event::Key(Key::plain(KeyCode::Tab)));
    assert_eq!(app.focus, Focus::List);
    app.update(key('j'));
    assert_eq!(app.selected, 1);
    app.update(Event::Key(Key::plain(KeyCode::Enter)));
    assert_eq!(app.open, Some(1));
    assert_eq!(app.focus, Focus::Reader);
    app.update(Event::Key(Key::plain(KeyCode::BackTab)));
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn reader_keys_scroll() {
    let mut app = seeded_app();
    app.update(key('G'));
    assert_eq!(app.reader.as_ref().unwrap().position_label(), "Bot");
    app.update(key('g'));
    assert_eq!(app.reader.as_ref().unwrap().position_label(), "Top");
    app.update(key(' '));
    assert_ne!(app.reader.as_ref().unwrap().top, reader::Pos::default());
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut app = seeded_app();
    app.update(key('?'));
    assert!(app.help);
    assert!(
        app.update(key('q')).is_empty(),
        "q closes help rather than quitting"
    );
    assert!(!app.help);
    assert_eq!(app.update(key('q')), vec![Effect::Quit]);
    assert_eq!(app.update(Event::Key(Key::ctrl('c'))), vec![Effect::Quit]);
}

#[test]
fn narrow_terminal_hides_the_sidebar_and_s_shows_it() {
    let mut app = seeded_app();
    app.update(Event::Resize(80, 24));
    assert!(app.geometry().unwrap().sidebar.is_none());
    app.update(key('s'));
    assert!(app.geometry().unwrap().sidebar.is_some());
    app.update(key('s'));
    assert!(app.geometry().unwrap().sidebar.is_none());
}

#[test]
fn unreadable_first_article_falls_through_to_the_next() {
    let entries = library::seeds();
    let mut app = App::new(Library::new(entries.clone()), Keymap::default(), (120, 40));
    app.update(Event::Loaded {
        index: 0,
        result: Err("permission denied".into()),
    });
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("permission denied")
    );
    let result = library::load(&entries[1]).map(Arc::new);
    app.update(Event::Loaded { index: 1, result });
    assert_eq!(app.open, Some(1));
}
