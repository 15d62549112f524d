//! The live folder at the App level: files added, removed and re-created while liseuse runs,
//! as the watcher and the walk report them.

use super::super::*;
use crate::app::test_util::{index_all, loads, message, up};
use crate::keys::keymap::{Key, KeyCode};
use liseuse_library::{self as library, Entry, Library, Origin};
use std::path::{Path, PathBuf};
use std::sync::Arc;

struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new(names: &[&str]) -> Folder {
        let f = Folder {
            dir: tempfile::tempdir().unwrap(),
        };
        for n in names {
            f.write(n);
        }
        f
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// An article titled by its file name, naming the same person as every other.
    fn write(&self, name: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        let text = format!(
            "Article {name}\n\nEmmanuel Macron a déclaré mardi à Paris que le projet avançait. \
             Selon Emmanuel Macron, la décision est prise.\n"
        );
        std::fs::write(&p, text).unwrap();
        p
    }

    fn entry(&self, name: &str) -> Entry {
        let p = self.path(name);
        Entry {
            path: p.to_string_lossy().into_owned(),
            name: library::file_name(&p),
            origin: Origin::File(p),
        }
    }

    /// An app over these files, as the first batch of the walk, everything read.
    fn app(&self, names: &[&str]) -> App {
        let entries = names.iter().map(|n| self.entry(n)).collect();
        let library = Library::under(vec![self.dir.path().to_path_buf()], entries);
        let mut app = App::new(library, Keymap::default(), (120, 40));
        for i in 0..app.library.len() {
            load(&mut app, i);
        }
        app
    }
}

/// Carries out a load effect as the loader would: read, then analysed.
fn load(app: &mut App, index: usize) {
    let entry = app.library.articles[index].entry.clone();
    let result = library::load(&entry).map(Arc::new);
    let text = result.as_ref().ok().map(|d| d.text.clone());
    up(
        app,
        Event::Loaded {
            index,
            result,
            modified: None,
        },
    );
    if text.is_some() {
        index_all(app);
    }
}

fn changed(app: &mut App, changes: Vec<(PathBuf, bool)>) -> Vec<Effect> {
    let effects = up(app, Event::FilesChanged(changes));
    for i in loads(&effects) {
        load(app, i);
    }
    effects
}

/// The list as shown: file names, first row first.
fn listed(app: &App) -> Vec<String> {
    app.library
        .order()
        .iter()
        .map(|&i| {
            let p = Path::new(&app.library.articles[i].entry.path);
            let rel = p.strip_prefix(p.ancestors().nth(2).unwrap()).unwrap();
            rel.to_string_lossy().into_owned()
        })
        .collect()
}

fn index_of(app: &App, f: &Folder, name: &str) -> usize {
    app.library.find(&f.path(name)).unwrap()
}

fn to_list(app: &mut App) {
    up(app, Event::Action(crate::keys::action::Action::FocusPrev));
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn an_added_file_takes_its_natural_place_and_the_selection_stays() {
    let f = Folder::new(&["d/1.txt", "d/3.txt", "d/10.txt"]);
    let mut app = f.app(&["d/1.txt", "d/3.txt", "d/10.txt"]);
    to_list(&mut app);
    up(&mut app, Event::Key(Key::plain(KeyCode::Char('j'))));
    let selected = index_of(&app, &f, "d/3.txt");
    assert_eq!(app.list.selected, selected);

    let effects = changed(
        &mut app,
        vec![(f.write("d/2.txt"), true), (f.write("d/0.txt"), true)],
    );
    assert_eq!(
        listed(&app),
        ["d/0.txt", "d/1.txt", "d/2.txt", "d/3.txt", "d/10.txt"]
    );
    // New articles are appended to `articles`: indices already handed out do not move.
    assert_eq!(index_of(&app, &f, "d/2.txt"), 3);
    assert_eq!(loads(&effects), [3, 4]);
    assert_eq!(
        app.list.selected, selected,
        "the selection stays on its article"
    );
    assert_eq!(app.selected_row(), 3);
    assert_eq!(app.list.top, 0, "a short list shows its new first row");
    assert_eq!(message(&app), Some("folder changed: 2 added"));
}

#[test]
fn the_walk_does_not_list_twice_a_file_the_watcher_added_first() {
    let f = Folder::new(&["d/1.txt", "d/2.txt", "d/3.txt"]);
    let mut app = f.app(&["d/1.txt"]);
    changed(&mut app, vec![(f.path("d/3.txt"), true)]);
    let effects = up(
        &mut app,
        Event::Discovered(library::Discovery {
            entries: vec![f.entry("d/2.txt"), f.entry("d/3.txt")],
            skipped: Vec::new(),
        }),
    );
    assert_eq!(listed(&app), ["d/1.txt", "d/2.txt", "d/3.txt"]);
    assert_eq!(app.library.len(), 3);
    assert_eq!(loads(&effects), [2]);
    assert_eq!(effects.len(), 1);
}

/// `F` on a warm start of a large library answers before the walk lists every article: an
/// article it finds ahead of the walk is listed in its place, read, and its hits open it; the
/// walk then passes over it.
#[test]
fn a_search_hit_ahead_of_the_walk_lists_its_article_once() {
    use liseuse_library::search_all::{Found, Hit};
    let f = Folder::new(&["d/1.txt", "d/2.txt", "d/3.txt"]);
    let mut app = f.app(&["d/1.txt"]);
    up(&mut app, Event::Key(Key::plain(KeyCode::Char('F'))));
    let asked = up(&mut app, Event::Key(Key::plain(KeyCode::Char('m'))));
    let roots = asked.iter().find_map(|e| match e {
        Effect::SearchCorpus { roots, .. } => Some(roots.to_vec()),
        _ => None,
    });
    assert_eq!(roots, Some(vec![f.dir.path().to_path_buf()]));
    let hit = |article: Found| Hit {
        article,
        range: 20..27,
        title: "Article".into(),
        context: "Emmanuel Macron".into(),
        at: 9..15,
    };
    let ahead: Arc<Path> = f.path("d/3.txt").into();
    let answer = crate::event::CorpusAnswer {
        generation: app.corpus_generation,
        hits: vec![
            hit(Found::Listed(0)),
            hit(Found::Ahead(ahead.clone())),
            hit(Found::Ahead(ahead)),
        ],
        done: true,
        ..Default::default()
    };
    let effects = up(&mut app, Event::Hits(Box::new(answer)));
    assert_eq!(listed(&app), ["d/1.txt", "d/3.txt"]);
    assert_eq!(loads(&effects), [1], "read once, as the walk would have");
    let Some(Overlay::Corpus(c)) = &app.overlay else {
        panic!("the search is open")
    };
    let articles: Vec<usize> = c.hits.iter().map(|h| h.article).collect();
    assert_eq!(articles, [0, 1, 1]);
    let effects = up(
        &mut app,
        Event::Discovered(library::Discovery {
            entries: vec![f.entry("d/2.txt"), f.entry("d/3.txt")],
            skipped: Vec::new(),
        }),
    );
    assert_eq!(listed(&app), ["d/1.txt", "d/2.txt", "d/3.txt"]);
    assert_eq!(app.library.len(), 3);
    assert_eq!(loads(&effects), [2]);
}

#[test]
fn a_removed_file_leaves_the_list_and_the_selection_stays_on_its_article() {
    let f = Folder::new(&["d/1.txt", "d/2.txt", "d/3.txt", "d/4.txt"]);
    let mut app = f.app(&["d/1.txt", "d/2.txt", "d/3.txt", "d/4.txt"]);
    assert_eq!(app.open(), Some(0));
    to_list(&mut app);
    up(&mut app, Event::Key(Key::plain(KeyCode::Char('G'))));
    let last = index_of(&app, &f, "d/4.txt");
    assert_eq!(app.list.selected, last);

    std::fs::remove_file(f.path("d/2.txt")).unwrap();
    let effects = changed(&mut app, vec![(f.path("d/2.txt"), false)]);
    assert_eq!(listed(&app), ["d/1.txt", "d/3.txt", "d/4.txt"]);
    assert!(effects.iter().any(|e| matches!(e, Effect::Forget(1))));
    assert_eq!((app.list.selected, app.selected_row()), (last, 2));
    assert_eq!(message(&app), Some("folder changed: 1 removed"));

    // The selected article itself: the selection goes to the one that took its row, or the
    // one above at the end of the list.
    up(&mut app, Event::Key(Key::plain(KeyCode::Char('k'))));
    assert_eq!(app.list.selected, index_of(&app, &f, "d/3.txt"));
    changed(&mut app, vec![(f.path("d/3.txt"), false)]);
    assert_eq!(app.list.selected, last);
    changed(&mut app, vec![(f.path("d/4.txt"), false)]);
    assert_eq!(app.list.selected, 0);
    assert_eq!(listed(&app), ["d/1.txt"]);

    // Re-created: back in its place.
    changed(&mut app, vec![(f.write("d/3.txt"), true)]);
    assert_eq!(listed(&app), ["d/1.txt", "d/3.txt"]);
    assert_eq!(message(&app), Some("folder changed: 1 added"));
}

#[test]
fn the_open_article_removed_stays_readable_until_another_is_opened() {
    let f = Folder::new(&["d/1.txt", "d/2.txt", "d/3.txt"]);
    let mut app = f.app(&["d/1.txt", "d/2.txt", "d/3.txt"]);
    to_list(&mut app);
    up(&mut app, Event::Key(Key::plain(KeyCode::Char('j'))));
    up(&mut app, Event::Key(Key::plain(KeyCode::Enter)));
    assert_eq!(app.open(), Some(1));

    std::fs::remove_file(f.path("d/2.txt")).unwrap();
    changed(&mut app, vec![(f.path("d/2.txt"), false)]);
    assert_eq!(listed(&app), ["d/1.txt", "d/2.txt", "d/3.txt"]);
    assert!(app.library.articles[1].removed);
    assert_eq!(app.open(), Some(1));
    let reader = app.reader().unwrap();
    assert!(reader.doc.text.contains("Emmanuel Macron"));

    // Moving in the list keeps it; opening another article lets it go.
    to_list(&mut app);
    up(&mut app, Event::Key(Key::plain(KeyCode::Char('j'))));
    assert_eq!(listed(&app).len(), 3);
    up(&mut app, Event::Key(Key::plain(KeyCode::Enter)));
    assert_eq!(app.open(), Some(2));
    assert_eq!(listed(&app), ["d/1.txt", "d/3.txt"]);
    assert_eq!((app.list.selected, app.selected_row()), (2, 1));
}

#[test]
fn the_list_keeps_its_scroll_when_rows_come_and_go_above() {
    let names: Vec<String> = (1..=60).map(|i| format!("d/{i}.txt")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let f = Folder::new(&names);
    let mut app = f.app(&names);
    to_list(&mut app);
    for _ in 0..40 {
        up(&mut app, Event::Key(Key::plain(KeyCode::Char('j'))));
    }
    let (selected, on_screen) = (app.list.selected, app.selected_row() - app.list.top);
    assert!(app.list.top > 0);
    changed(&mut app, vec![(f.write("d/0.txt"), true)]);
    assert_eq!(app.list.selected, selected);
    assert_eq!(app.selected_row() - app.list.top, on_screen);
    std::fs::remove_file(f.path("d/2.txt")).unwrap();
    std::fs::remove_file(f.path("d/3.txt")).unwrap();
    changed(
        &mut app,
        vec![(f.path("d/2.txt"), false), (f.path("d/3.txt"), false)],
    );
    assert_eq!(app.list.selected, selected);
    assert_eq!(app.selected_row() - app.list.top, on_screen);
}

#[test]
fn n_follows_the_list_order_across_articles() {
    let f = Folder::new(&["d/1.txt", "d/3.txt"]);
    let mut app = f.app(&["d/1.txt", "d/3.txt"]);
    changed(&mut app, vec![(f.write("d/2.txt"), true)]);
    let id = app
        .entities
        .index
        .entities()
        .iter()
        .find(|e| e.name().contains("Macron"))
        .map(|e| e.id)
        .expect("Macron found");
    app.select_entity(id);
    let mut visited = Vec::new();
    for _ in 0..6 {
        up(&mut app, Event::Key(Key::plain(KeyCode::Char('n'))));
        visited.push(app.open().unwrap());
    }
    // Indices 0, 2 (added), 1: rows 0, 1, 2, twice each mention, then round again.
    assert_eq!(visited, [0, 0, 2, 2, 1, 1]);
    assert!(
        app.mention_status()
            .unwrap()
            .ends_with("mention 6/6 · article 3/3"),
        "{:?}",
        app.mention_status()
    );
    up(&mut app, Event::Key(Key::plain(KeyCode::Char('N'))));
    up(&mut app, Event::Key(Key::plain(KeyCode::Char('N'))));
    assert_eq!(app.open(), Some(2));
    assert!(
        app.mention_status()
            .unwrap()
            .ends_with("mention 4/6 · article 2/3")
    );
    // `M` lists them in the same order.
    let occ = app.entities.index.occurrences(id);
    let docs: Vec<u32> = app
        .mentions_in_list_order()
        .iter()
        .filter_map(|&k| occ.get(k).map(|o| o.0))
        .collect();
    assert_eq!(docs, [0, 0, 2, 2, 1, 1]);
}

#[test]
fn an_unreadable_article_falls_through_to_the_next_in_the_list() {
    let f = Folder::new(&["d/1.txt", "d/3.txt"]);
    let entries = vec![f.entry("d/1.txt"), f.entry("d/3.txt")];
    let library = Library::under(vec![f.dir.path().to_path_buf()], entries);
    let mut app = App::new(library, Keymap::default(), (120, 40));
    changed(&mut app, vec![(f.write("d/2.txt"), true)]);
    up(
        &mut app,
        Event::Loaded {
            index: 0,
            result: Err("permission denied".into()),
            modified: None,
        },
    );
    load(&mut app, 1);
    assert_eq!(
        app.open(),
        None,
        "d/2.txt comes next in the list, not d/3.txt"
    );
    load(&mut app, 2);
    assert_eq!(app.open(), Some(2));
}

/// Articles whose entities a damaged cache could not give back: said once, and asked for again
/// (but one deleted meanwhile).
#[test]
fn articles_a_damaged_cache_lost_are_asked_for_again() {
    let f = Folder::new(&["a.txt", "b.txt", "c.txt"]);
    let mut app = f.app(&["a.txt", "b.txt", "c.txt"]);
    let gone = index_of(&app, &f, "c.txt");
    std::fs::remove_file(f.path("c.txt")).unwrap();
    changed(&mut app, vec![(f.path("c.txt"), false)]);
    let a = index_of(&app, &f, "a.txt");
    let effects = up(&mut app, Event::CacheDamaged(vec![a, gone]));
    assert_eq!(loads(&effects), [a]);
    assert_eq!(
        message(&app),
        Some("the cache is damaged: 1 article analysed again")
    );
    // None listed: nothing to say or ask.
    assert!(up(&mut app, Event::CacheDamaged(vec![gone])).is_empty());
}
