use super::*;
use crate::app::test_util::*;
use crate::keys::action::Action;
use crate::keys::keymap::{Key, KeyCode};
use liseuse_library::bookmark::content_hash;
use liseuse_library::{self as library, Library};
use std::sync::Arc;

fn quits(fx: &[Effect]) -> bool {
    fx.iter().any(Effect::is_quit)
}

#[test]
fn first_article_opens_when_read() {
    let app = seeded_app();
    assert_eq!(app.open(), Some(0));
    assert_eq!(app.focus, Focus::Reader);
    assert!(app.reader().unwrap().doc.title.starts_with("Qaani"));
}

#[test]
fn tab_cycles_focus_and_enter_opens_from_the_list() {
    let mut app = seeded_app();
    up(&mut app, Event::Key(Key::plain(KeyCode::Tab)));
    up(&mut app, Event::Key(Key::plain(KeyCode::Tab)));
    assert_eq!(app.focus, Focus::List);
    up(&mut app, key('j'));
    assert_eq!(app.list.selected, 1);
    up(&mut app, Event::Key(Key::plain(KeyCode::Enter)));
    assert_eq!(app.open(), Some(1));
    assert_eq!(app.focus, Focus::Reader);
    up(&mut app, Event::Key(Key::plain(KeyCode::BackTab)));
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn reader_keys_scroll() {
    let mut app = seeded_app();
    up(&mut app, key('G'));
    assert_eq!(app.reader().unwrap().position_label(), "Bot");
    up(&mut app, key('g'));
    assert_eq!(app.reader().unwrap().position_label(), "Top");
    up(&mut app, key(' '));
    assert_ne!(app.reader().unwrap().top, reader::Pos::default());
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut app = seeded_app();
    up(&mut app, key('?'));
    assert!(matches!(app.overlay, Some(Overlay::Help(_))));
    assert!(
        up(&mut app, key('q')).is_empty(),
        "q closes help rather than quitting"
    );
    assert!(app.overlay.is_none());
    assert!(quits(&up(&mut app, key('q'))));
    up(&mut app, key('?'));
    assert!(quits(&up(&mut app, Event::Key(Key::ctrl('c')))));
}

#[test]
fn narrow_terminal_hides_the_sidebar_and_s_shows_it() {
    let mut app = seeded_app();
    up(&mut app, Event::Resize(80, 24));
    assert!(app.geometry().unwrap().sidebar.is_none());
    up(&mut app, key('s'));
    assert!(app.geometry().unwrap().sidebar.is_some());
    up(&mut app, key('s'));
    assert!(app.geometry().unwrap().sidebar.is_none());
}

#[test]
fn unreadable_first_article_falls_through_to_the_next() {
    let entries = library::seeds();
    let mut app = App::new(Library::new(entries.clone()), Keymap::default(), (120, 40));
    up(
        &mut app,
        Event::Loaded {
            index: 0,
            result: Err("permission denied".into()),
            modified: None,
        },
    );
    assert!(
        app.status
            .current()
            .unwrap()
            .0
            .contains("permission denied")
    );
    let result = library::load(&entries[1]).map(Arc::new);
    up(
        &mut app,
        Event::Loaded {
            index: 1,
            result,
            modified: None,
        },
    );
    assert_eq!(app.open(), Some(1));
}

/// Carries out bookmark effects on a store in `dir`, as main.rs does, feeding the result back.
fn run_effects(
    app: &mut App,
    store: &mut liseuse_library::store::BookmarkStore,
    effects: Vec<Effect>,
) {
    for e in effects {
        let msg = match e {
            Effect::AddBookmark(b) => store.add(b).err(),
            Effect::DeleteBookmark(id) => match store.delete(&id) {
                Ok(Some(b)) => {
                    app.bookmarks.undo = Some(b);
                    None
                }
                Ok(None) => None,
                Err(e) => Some(e),
            },
            Effect::SetNote(id, n) => store.set_note(&id, &n).err(),
            _ => None,
        };
        up(
            app,
            Event::Bookmarks {
                list: std::sync::Arc::new(liseuse_library::bookmark::BookmarkSet::new(
                    store.bookmarks().to_vec(),
                )),
                read_only: None,
                message: msg.map(|e| e.to_string()),
            },
        );
    }
}

fn type_keys(app: &mut App, store: &mut liseuse_library::store::BookmarkStore, keys: &[Key]) {
    for k in keys {
        let effects = up(app, Event::Key(*k));
        run_effects(app, store, effects);
    }
}

fn chars(s: &str) -> Vec<Key> {
    s.chars().map(|c| Key::plain(KeyCode::Char(c))).collect()
}

#[test]
fn bookmark_with_note_marks_the_gutter_and_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = liseuse_library::store::BookmarkStore::open(dir.path());
    let mut app = seeded_app();
    type_keys(&mut app, &mut store, &chars("jjjjjb"));
    assert!(
        app.input.is_some(),
        "note prompt opens: {:?}",
        app.status.current()
    );
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
    let r = app.reader().unwrap();
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
    up(&mut app, Event::Key(Key::plain(KeyCode::BackTab)));
    type_keys(&mut app, &mut store, &chars("j"));
    type_keys(&mut app, &mut store, &[Key::plain(KeyCode::Enter)]);
    assert_eq!(app.open(), Some(1));
    type_keys(&mut app, &mut store, &chars("B"));
    type_keys(&mut app, &mut store, &[Key::plain(KeyCode::Enter)]);
    assert_eq!(app.open(), Some(0));
    assert!(app.overlay.is_none());
    let r = app.reader().unwrap();
    assert!(r.doc.text[r.line_range(r.cursor).unwrap()].starts_with("Le lendemain"));
}

#[test]
fn visual_selection_bookmarks_a_range_of_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = liseuse_library::store::BookmarkStore::open(dir.path());
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
    let mut app = seeded_app();
    index_all(&mut app);
    let g = app.geometry().unwrap();
    let list = g.list.unwrap();
    // Second article in the list (rows 3-4 inside the border).
    up(
        &mut app,
        Event::Mouse(Mouse::Click {
            x: list.x + 2,
            y: list.y + 3,
        }),
    );
    assert_eq!(app.open(), Some(1));
    assert_eq!(
        app.focus,
        Focus::Reader,
        "opening moves to the reader, as Enter does"
    );
    // Wheel over the reader scrolls it.
    let before = app.reader().unwrap().top;
    up(
        &mut app,
        Event::Mouse(Mouse::Scroll {
            x: g.reader.x + 5,
            y: g.reader.y + 5,
            down: true,
        }),
    );
    assert!(app.reader().unwrap().top > before);
    // Click on "Ibrahim Raïssi" in the first paragraph of the second article.
    up(&mut app, Event::Action(Action::Top));
    app.focus = Focus::Reader;
    up(&mut app, Event::Action(Action::Top));
    let r = app.reader().unwrap();
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
    up(
        &mut app,
        Event::Mouse(Mouse::Click {
            x,
            y: g.reader.y + 1 + row as u16,
        }),
    );
    let id = app.entities.selected.expect("an entity was selected");
    assert!(
        app.entities
            .index
            .entity(id)
            .unwrap()
            .name()
            .contains("Raïssi")
    );
}

/// `F` typed before any article is indexed: the search is asked again as articles are indexed, one
/// search at a time, rather than staying at "0 hits" until the query is typed again.
#[test]
fn search_all_is_asked_again_as_articles_are_indexed() {
    let entries = library::seeds();
    let mut app = App::new(Library::new(entries.clone()), Keymap::default(), (120, 40));
    up(&mut app, key('F'));
    let asked = |fx: &[Effect]| {
        fx.iter()
            .filter_map(|e| match e {
                Effect::SearchCorpus { generation, .. } => Some(*generation),
                _ => None,
            })
            .next_back()
    };
    let generation = asked(&up(&mut app, key('e'))).expect("a search asked");
    // Before the search has answered, it says it searches, not that it found nothing.
    let waiting = screen_of(&app);
    assert!(waiting.contains("Searching"), "{waiting}");
    assert!(!waiting.contains("0 hits"), "{waiting}");
    let described = |i: usize| {
        let doc = library::load(&entries[i]).unwrap();
        Event::Described {
            index: i,
            meta: Box::new(liseuse_library::cache::ArticleMeta::of_document(&doc, None)),
            hash: content_hash(&doc.entity_text()),
        }
    };
    let answer = |generation: u64, indexed: usize| {
        Event::Hits(Box::new(crate::event::CorpusAnswer {
            generation,
            indexed,
            done: true,
            ..Default::default()
        }))
    };
    let merged = || Event::Indexed(Box::new(IndexUpdate::of_docs(&[])));
    // Indexed while the first search runs: asked again only once its answer is in, when a
    // merge says the index moved on.
    assert_eq!(asked(&up(&mut app, described(0))), None);
    assert_eq!(asked(&up(&mut app, merged())), None, "the first still runs");
    assert_eq!(asked(&up(&mut app, answer(generation, 0))), None);
    let again = asked(&up(&mut app, merged())).expect("asked again");
    // The index holds every article read: nothing more is asked.
    assert_eq!(asked(&up(&mut app, answer(again, 1))), None);
    assert_eq!(asked(&up(&mut app, merged())), None);
    assert_eq!(asked(&up(&mut app, described(1))), None);
    let third = asked(&up(&mut app, merged())).expect("asked for the second article");
    assert_eq!(asked(&up(&mut app, answer(third, 2))), None);
    // The overlay says how far the index is.
    let Some(Overlay::Corpus(c)) = &app.overlay else {
        panic!("the search is open")
    };
    assert_eq!(c.indexed, 2);
    // While the index is still being built, the search says how much of the library it holds.
    let last = app.corpus_generation;
    up(&mut app, answer(last, 1));
    let screen = screen_of(&app);
    assert!(screen.contains("1/2 indexed so far"), "{screen}");
}

fn screen_of(app: &App) -> String {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    term.draw(|f| crate::ui::draw(f, app, &crate::ui::Theme::no_color()))
        .unwrap();
    term.backend()
        .buffer()
        .content
        .iter()
        .map(|c| c.symbol())
        .collect()
}
