use super::*;
use crate::library::Origin;
use std::cell::RefCell;

fn entry(dir: &std::path::Path, name: &str, text: &str) -> Entry {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    Entry {
        path: p.to_string_lossy().into_owned(),
        name: name.into(),
        origin: Origin::File(p),
    }
}

/// Three articles indexed, and the table the loader keeps.
fn library(dir: &std::path::Path) -> (FullText, Articles) {
    let ft = FullText::open(None);
    let table: Articles = Arc::default();
    let texts = [
        ("a.txt", "Gaza\n\nLe Hamas a nié. Le HAMAS a nié encore.\n"),
        (
            "b.txt",
            "Téhéran\n\nLe Hamas et le Hezbollah ; le Hamas a parlé, il a nié.\n",
        ),
        ("c.txt", "Berlin\n\nRien à voir.\n"),
    ];
    for (i, (name, text)) in texts.iter().enumerate() {
        let e = entry(dir, name, text);
        let id = crate::fulltext::id_of(&e.path);
        ft.put(id, i as u64, None, &e.path, name, text);
        table.write().unwrap().insert(id, (i, Arc::new(e)));
    }
    ft.commit();
    (ft, table)
}

fn run(ft: &FullText, table: &Articles, query: &str) -> Vec<Answer> {
    run_in(ft, table, query, &[])
}

/// A search of the library opened from `roots`.
fn run_in(ft: &FullText, table: &Articles, query: &str, roots: &[PathBuf]) -> Vec<Answer> {
    let sent = RefCell::new(Vec::new());
    let req = Request {
        generation: 7,
        query: query.into(),
        roots: roots.into(),
    };
    assert!(search(&req, ft, table, &|| false, &|a| {
        sent.borrow_mut().push(a);
        true
    }));
    sent.into_inner()
}

#[test]
fn hits_are_found_in_the_text_grouped_by_article_with_their_context() {
    let dir = tempfile::tempdir().unwrap();
    let (ft, table) = library(dir.path());
    let answers = run(&ft, &table, "hamas a nie");
    let last = answers.last().unwrap();
    assert!(last.done && !last.no_word);
    assert_eq!(last.generation, 7);
    assert_eq!(last.indexed, 3);
    // Article a: twice (case and accents aside); article b holds the words, not the phrase.
    assert_eq!(last.articles, 2);
    assert_eq!(last.searched, 2);
    let arts: Vec<usize> = last.hits.iter().map(|h| listed(&h.article)).collect();
    assert_eq!(arts, [0, 0]);
    let h = &last.hits[0];
    assert_eq!(&h.context[h.at.clone()], "Hamas a nié");
    assert_eq!(&*h.title, "Gaza");
    // Smart case: a capital asks for it.
    let last = run(&ft, &table, "HAMAS").pop().unwrap();
    assert_eq!(last.hits.len(), 1);
    let h = &last.hits[0];
    assert_eq!(&h.context[h.at.clone()], "HAMAS");
    // Grouped: each article's hits together, best article first.
    let last = run(&ft, &table, "hamas").pop().unwrap();
    let arts: Vec<usize> = last.hits.iter().map(|h| listed(&h.article)).collect();
    assert_eq!(arts.len(), 4);
    let mut grouped = arts.clone();
    grouped.dedup();
    assert_eq!(grouped.len(), 2, "{arts:?}");
}

#[test]
fn a_query_with_no_word_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (ft, table) = library(dir.path());
    let answers = run(&ft, &table, " ; ");
    assert_eq!(answers.len(), 1);
    assert!(answers[0].no_word && answers[0].done && answers[0].hits.is_empty());
}

#[test]
fn an_article_gone_from_the_table_is_not_shown() {
    let dir = tempfile::tempdir().unwrap();
    let (ft, table) = library(dir.path());
    table.write().unwrap().retain(|_, (i, _)| *i != 0);
    let last = run(&ft, &table, "hamas").pop().unwrap();
    assert!(last.hits.iter().all(|h| h.article == Found::Listed(1)));
}

fn listed(f: &Found) -> usize {
    match f {
        Found::Listed(i) => *i,
        Found::Ahead(p) => panic!("{} is not listed", p.display()),
    }
}

/// `F` typed before the walk reached an article: it is read from the path the index kept.
#[test]
fn an_article_not_listed_yet_is_found_where_the_index_says() {
    let dir = tempfile::tempdir().unwrap();
    let (ft, table) = library(dir.path());
    table.write().unwrap().retain(|_, (i, _)| *i != 0);
    let last = run_in(&ft, &table, "hamas", &[dir.path().to_path_buf()])
        .pop()
        .unwrap();
    let a: Arc<Path> = dir.path().join("a.txt").into();
    let found: Vec<&Found> = last.hits.iter().map(|h| &h.article).collect();
    assert!(found.contains(&&Found::Ahead(a)), "{found:?}");
    assert!(found.contains(&&Found::Listed(1)), "{found:?}");
    // Its hits are found in its text, as a listed article's are.
    let hit = last
        .hits
        .iter()
        .find(|h| matches!(h.article, Found::Ahead(_)));
    assert_eq!(&*hit.unwrap().title, "Gaza");
}

/// The index also holds the articles of folders opened before (until the next save): they are
/// not this library's, nor is a path that climbs out of its folder, nor a file no walk takes.
#[test]
fn an_unlisted_article_outside_the_library_is_not_shown() {
    let dir = tempfile::tempdir().unwrap();
    let (ft, table) = library(dir.path());
    table.write().unwrap().clear();
    let other = dir.path().join("other");
    let answers = run_in(&ft, &table, "hamas", std::slice::from_ref(&other));
    assert!(answers.iter().all(|a| a.hits.is_empty()), "{answers:?}");
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let climbing = sub.join("..").join("a.txt");
    let pdf = sub.join("a.pdf");
    std::fs::write(&pdf, "Le Hamas").unwrap();
    for (id, p) in [(100, &climbing), (101, &pdf)] {
        ft.put(id, 1, None, &p.to_string_lossy(), "", "Le Hamas");
    }
    ft.commit();
    let answers = run_in(&ft, &table, "hamas", std::slice::from_ref(&sub));
    assert!(answers.iter().all(|a| a.hits.is_empty()), "{answers:?}");
}
