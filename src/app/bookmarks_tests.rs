use super::*;
use crate::app::Event;
use crate::app::test_util::*;
use crate::keys::keymap::{Key, KeyCode};
use liseuse_library::store::{Outcome, Pending, StoreReport};

/// Issue 24.9: with 100,000 bookmarks, `b` took 1.5 s, `Enter` 1.7 s. The loop's work for
/// a key must not grow with their number: the store's list is the saver's own snapshot,
/// taken in as it is (the very `Arc` the saver built, never copied), through `b` and
/// `Enter` too (their change kept apart until the store's report holds it), and an
/// article's bookmarks are found through the snapshot's indexes.
#[test]
fn keys_take_the_stores_list_as_it_is_and_never_copy_it() {
    let mut app = seeded_app();
    let text = "Un passage d’un autre article.";
    let mut list: Vec<Bookmark> = (0..20_000)
        .map(|i| {
            let mut b = Bookmark::new("T", Anchor::new(&format!("ailleurs/{i}.txt"), text, 0, 9));
            b.id = format!("o{i}");
            b
        })
        .collect();
    let doc = app
        .reader()
        .map(|r| r.doc.clone())
        .expect("an article open");
    let path = app.library.articles[0].entry.path.clone();
    let start = doc.text.find("Le lendemain").expect("the seed");
    let mut mine = Bookmark::new("Qaani", Anchor::new(&path, &doc.text, start, start + 40));
    mine.id = String::from("mine");
    list.push(mine);
    let set = Arc::new(BookmarkSet::new(list));
    up(
        &mut app,
        Event::Bookmarks {
            list: set.clone(),
            read_only: None,
            message: None,
        },
    );
    assert!(Arc::ptr_eq(&app.bookmarks.saved, &set), "taken in as it is");
    assert_eq!(
        app.reader().map(|r| r.marks().len()),
        Some(1),
        "its own found"
    );

    let fx = up(&mut app, key('b'));
    let Some(Effect::AddBookmark(added)) =
        fx.into_iter().find(|e| matches!(e, Effect::AddBookmark(_)))
    else {
        panic!("b makes a bookmark");
    };
    up(&mut app, Event::Key(Key::plain(KeyCode::Enter)));
    assert!(
        Arc::ptr_eq(&app.bookmarks.saved, &set),
        "not copied by b and Enter"
    );
    assert_eq!(
        app.bookmarks.local.len(),
        1,
        "b kept apart (Enter changed no note)"
    );
    assert_eq!(
        app.reader().map(|r| r.marks().len()),
        Some(2),
        "shown at once"
    );
    assert!(!app.all_saved());

    // The saver's report: its new snapshot, holding the change, swapped in.
    let mut with = set.all().to_vec();
    with.push(added);
    let next = Arc::new(BookmarkSet::new(with));
    let report = StoreReport {
        outcome: Outcome::Saved(liseuse_library::store::Kept::Bookmarks),
        bookmarks: Some(next.clone()),
        applied: 1,
        read_only: None,
        pending: Pending::default(),
    };
    let fx = up(&mut app, Event::Store(Box::new(report)));
    assert!(Arc::ptr_eq(&app.bookmarks.saved, &next));
    // The old one is handed back to be freed beside the loop, not freed by it.
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Release(old) if Arc::ptr_eq(old, &set)))
    );
    assert!(app.bookmarks.local.is_empty() && app.all_saved());
    assert_eq!(app.reader().map(|r| r.marks().len()), Some(2));
}

/// A bookmark whose file moved is looked for in the files of the same name without reading
/// any on the update path: an unread one is the answer for now (a list showing the bookmark
/// asks for its text), until the texts read say which holds the passage.
#[test]
fn a_moved_bookmark_is_placed_from_the_texts_read_and_none_is_read_here() {
    let dir = tempfile::tempdir().unwrap();
    let passage = "Le passage gardé, mot pour mot, dans le second fichier.";
    let files = [
        (
            "a/x.txt",
            "Autre\n\nUn autre texte du même nom.\n".to_string(),
        ),
        (
            "b/x.txt",
            format!("Titre\n\nUne ligne de plus.\n\n{passage}\n"),
        ),
    ];
    let entries: Vec<liseuse_library::Entry> = files
        .iter()
        .map(|(name, text)| {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, text).unwrap();
            liseuse_library::Entry {
                path: p.to_string_lossy().into_owned(),
                name: "x.txt".into(),
                origin: liseuse_library::Origin::File(p),
            }
        })
        .collect();
    let mut library = Library::under(vec![dir.path().to_path_buf()], entries.clone());
    let old = format!("Titre\n\n{passage}\n");
    let start = old.find("Le passage").unwrap();
    let gone = dir.path().join("old/x.txt");
    let anchor = Anchor::new(&gone.to_string_lossy(), &old, start, start + passage.len());
    assert_eq!(
        resolve_article(&library, &anchor),
        Some(0),
        "unread: for now"
    );
    let read = |library: &mut Library, i: usize| {
        let doc = liseuse_library::load(&entries[i]).map(Arc::new).unwrap();
        library.articles[i].doc = Some(doc);
    };
    read(&mut library, 0);
    assert_eq!(
        resolve_article(&library, &anchor),
        Some(1),
        "the next unread"
    );
    // Its file gone from disk meanwhile: nothing is read here, the answer is the same.
    std::fs::remove_file(&entries[1].path).unwrap();
    assert_eq!(resolve_article(&library, &anchor), Some(1));
    std::fs::write(&entries[1].path, &files[1].1).unwrap();
    read(&mut library, 1);
    assert_eq!(
        resolve_article(&library, &anchor),
        Some(1),
        "it holds the passage"
    );
    assert!(locate_in(&library, Some(1), &anchor).is_some());
}
