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
    assert!(matches!(app.overlay, Some(Overlay::Help)));
    assert!(
        app.update(key('q')).is_empty(),
        "q closes help rather than quitting"
    );
    assert!(app.overlay.is_none());
    assert!(app.update(key('q')).contains(&Effect::Quit));
    assert!(
        app.update(Event::Key(Key::ctrl('c')))
            .contains(&Effect::Quit)
    );
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

/// Carries out bookmark effects on a store in `dir`, as main.rs does, feeding the result back.
fn run_effects(app: &mut App, store: &mut crate::store::BookmarkStore, effects: Vec<Effect>) {
    for e in effects {
        let msg = match e {
            Effect::AddBookmark(b) => store.add(b).err(),
            Effect::DeleteBookmark(id) => match store.delete(&id) {
                Ok(Some(b)) => {
                    app.remember_deleted(b);
                    None
                }
                Ok(None) => None,
                Err(e) => Some(e),
            },
            Effect::SetNote(id, n) => store.set_note(&id, &n).err(),
            _ => None,
        };
        app.update(Event::Bookmarks {
            list: store.bookmarks().to_vec(),
            read_only: None,
            message: msg.map(|e| e.to_string()),
        });
    }
}

fn type_keys(app: &mut App, store: &mut crate::store::BookmarkStore, keys: &[Key]) {
    for k in keys {
        let effects = app.update(Event::Key(*k));
        run_effects(app, store, effects);
    }
}

fn chars(s: &str) -> Vec<Key> {
    s.chars().map(|c| Key::plain(KeyCode::Char(c))).collect()
}

#[test]
fn bookmark_with_note_marks_the_gutter_and_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = crate::store::BookmarkStore::open(dir.path());
    let mut app = seeded_app();
    type_keys(&mut app, &mut store, &chars("jjjjjb"));
    assert!(app.input.is_some(), "note prompt opens: {:?}", app.message);
    type_keys(&mut app, &mut store, &chars("à relire"));
    type_keys(&mut app, &mut store, &[Key::plain(KeyCode::Enter)]);
    assert_eq!(store.bookmarks().len(), 1);
    assert_eq!(store.bookmarks()[0].note, "à relire");
    assert!(
        store.bookmarks()[0]
            .anchor
            .exact
            .starts_with("Le lendemain")
    );
    let r = app.reader.as_ref().unwrap();
    let line = r.line_range(r.cursor).unwrap();
    assert!(
        r.is_marked(&line),
        "gutter mark on the bookmarked paragraph"
    );

    // The list, delete, undo.
    type_keys(&mut app, &mut store, &chars("B"));
    let Some(Overlay::Bookmarks(list)) = &app.overlay else {
        panic!("no list")
    };
    assert_eq!(list.rows.len(), 1);
    assert_eq!(list.rows[0].note, "à relire");
    type_keys(&mut app, &mut store, &chars("d"));
    assert!(store.bookmarks().is_empty());
    type_keys(&mut app, &mut store, &chars("u"));
    assert_eq!(store.bookmarks().len(), 1);
    // Edit the note.
    type_keys(&mut app, &mut store, &chars("e"));
    type_keys(&mut app, &mut store, &[Key::ctrl('u')]);
    type_keys(&mut app, &mut store, &chars("vu"));
    type_keys(&mut app, &mut store, &[Key::plain(KeyCode::Enter)]);
    assert_eq!(store.bookmarks()[0].note, "vu");
    // Jump: from the other article, Enter in the list opens the passage.
    type_keys(&mut app, &mut store, &[Key::plain(KeyCode::Esc)]);
    app.update(Event::Key(Key::plain(KeyCode::BackTab)));
    type_keys(&mut app, &mut store, &chars("j"));
    type_keys(&mut app, &mut store, &[Key::plain(KeyCode::Enter)]);
    assert_eq!(app.open, Some(1));
    type_keys(&mut app, &mut store, &chars("B"));
    type_keys(&mut app, &mut store, &[Key::plain(KeyCode::Enter)]);
    assert_eq!(app.open, Some(0));
    assert!(app.overlay.is_none());
    let r = app.reader.as_ref().unwrap();
    assert!(r.doc.text[r.line_range(r.cursor).unwrap()].starts_with("Le lendemain"));
}

#[test]
fn visual_selection_bookmarks_a_range_of_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = crate::store::BookmarkStore::open(dir.path());
    let mut app = seeded_app();
    type_keys(&mut app, &mut store, &chars("jjjjjjvjb"));
    type_keys(&mut app, &mut store, &[Key::plain(KeyCode::Esc)]);
    let b = &store.bookmarks()[0];
    assert!(b.note.is_empty(), "Esc skips the note");
    assert!(
        b.anchor.exact.starts_with("guide suprême"),
        "{:?}",
        b.anchor.exact
    );
    assert!(b.anchor.exact.len() < 200, "two lines, not the paragraph");
}

#[test]
fn mouse_clicks_pick_articles_lines_and_mentions() {
    use crate::app::mouse::Mouse;
    let mut app = seeded_app();
    for (index, e) in library::seeds().iter().enumerate() {
        let d = library::load(e).unwrap();
        app.update(Event::Analysed {
            index,
            entities: crate::entity::analyse(&d.text),
        });
    }
    let g = app.geometry().unwrap();
    // Second article in the list (rows 3-4 inside the border).
    app.update(Event::Mouse(Mouse::Click {
        x: g.list.x + 2,
        y: g.list.y + 3,
    }));
    assert_eq!(app.open, Some(1));
    assert_eq!(
        app.focus,
        Focus::Reader,
        "opening moves to the reader, as Enter does"
    );
    // Wheel over the reader scrolls it.
    let before = app.reader.as_ref().unwrap().top;
    app.update(Event::Mouse(Mouse::Scroll {
        x: g.reader.x + 5,
        y: g.reader.y + 5,
        down: true,
    }));
    assert!(app.reader.as_ref().unwrap().top > before);
    // Click on "Ibrahim Raïssi" in the first paragraph of the second article.
    app.update(Event::Action(Action::Top));
    app.focus = Focus::Reader;
    app.update(Event::Action(Action::Top));
    let r = app.reader.as_ref().unwrap();
    let (row, line) = r
        .visible()
        .into_iter()
        .enumerate()
        .find_map(|(i, l)| match l.text {
            Some(reader::LineText::Doc(rg)) if r.doc.text[rg.clone()].contains("Raïssi") => {
                Some((i, r.doc.text[rg].to_string()))
            }
            _ => None,
        })
        .unwrap();
    let col = line[..line.find("Raïssi").unwrap()].chars().count() as u16;
    let x = g.reader.x + 1 + geometry::GUTTER + col + 1;
    app.update(Event::Mouse(Mouse::Click {
        x,
        y: g.reader.y + 1 + row as u16,
    }));
    let id = app.entities.selected.expect("an entity was selected");
    assert!(
        app.entities
            .index
            .entity(id)
            .unwrap()
            .name
            .contains("Raïssi")
    );
}
