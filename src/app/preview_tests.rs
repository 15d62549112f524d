//! A long article shows its beginning first; the whole text then takes its place.
use super::*;
use crate::app::test_util::*;
use crate::keys::keymap::Key;
use crate::keys::keymap::KeyCode;
use liseuse_library::{self as library, Entry, Library, Origin};
use std::sync::Arc;

/// A file over the preview's threshold, every paragraph different, and an app waiting for it.
fn long_file() -> (tempfile::TempDir, Entry, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let mut text = String::from("Le très long rapport\n\n");
    let mut k = 0;
    while text.len() as u64 <= library::PREVIEW_ABOVE + 100_000 {
        text.push_str(&format!(
            "Paragraphe {k}: le conseil municipal a débattu du budget pendant des heures.\n\n"
        ));
        k += 1;
    }
    std::fs::write(&path, &text).unwrap();
    let entry = Entry {
        path: path.display().to_string(),
        name: "long.txt".to_string(),
        origin: Origin::File(path),
    };
    let app = App::new(
        Library::new(vec![entry.clone()]),
        Keymap::default(),
        (120, 40),
    );
    (dir, entry, app)
}

fn preview(app: &mut App, entry: &Entry) {
    let mut doc = None;
    let _ = library::load_with(entry, |d| doc = Some(Arc::new(d)));
    let doc = doc.expect("a long file has a preview");
    let ev = Event::Preview { index: 0, doc };
    assert!(
        app.awaits(&ev),
        "the article the user waits for is drawn at once"
    );
    up(app, ev);
}

fn whole(app: &mut App, entry: &Entry) {
    let result = library::load(entry).map(Arc::new);
    up(
        app,
        Event::Loaded {
            index: 0,
            result,
            modified: None,
        },
    );
}

fn reader(app: &App) -> &Reader {
    app.reader().expect("the article is open")
}

#[test]
fn the_whole_text_replaces_the_preview_at_the_same_place() {
    let (_dir, entry, mut app) = long_file();
    preview(&mut app, &entry);
    assert!(reader(&app).doc.preview.is_some());
    let preview_len = reader(&app).doc.text.len();
    for _ in 0..50 {
        up(&mut app, Event::Key(Key::plain(KeyCode::PageDown)));
    }
    let at = reader(&app).offset_of(reader(&app).top);
    assert!(at > 0 && at < preview_len);
    whole(&mut app, &entry);
    let r = reader(&app);
    assert!(r.doc.preview.is_none() && r.doc.text.len() > preview_len);
    assert_eq!(r.offset_of(r.top), at);
}

#[test]
fn bottom_pressed_in_the_preview_lands_at_the_end_of_the_whole_text() {
    let (_dir, entry, mut app) = long_file();
    preview(&mut app, &entry);
    let preview_len = reader(&app).doc.text.len();
    up(&mut app, Event::Key(Key::plain(KeyCode::Char('G'))));
    let label = reader(&app).position_label();
    assert!(
        label.ends_with('%'),
        "the preview's end is not the article's: {label}"
    );
    whole(&mut app, &entry);
    let r = reader(&app);
    assert_eq!(r.position_label(), "Bot");
    assert!(r.offset_of(r.top) > preview_len);
}

#[test]
fn a_saved_place_beyond_the_preview_waits_for_the_whole_text() {
    let (_dir, entry, mut app) = long_file();
    let place = Place {
        top: 2_000_000,
        cursor: 2_000_000,
    };
    app.reading.remember(&entry.path, place);
    preview(&mut app, &entry);
    assert!(app.reader().is_none(), "the preview cannot show that place");
    whole(&mut app, &entry);
    let at = reader(&app).offset_of(reader(&app).top);
    assert!((1_900_000..=2_000_000).contains(&at), "{at}");
}

#[test]
fn no_place_is_saved_from_a_preview() {
    let (_dir, entry, mut app) = long_file();
    preview(&mut app, &entry);
    let effects = up(&mut app, Event::Key(Key::plain(KeyCode::Char('q'))));
    assert_eq!(effects.len(), 1);
    assert!(effects[0].is_quit());
}
