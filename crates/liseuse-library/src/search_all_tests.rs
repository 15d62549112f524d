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
        ft.put(id, i as u64, None, name, text);
        table.write().unwrap().insert(id, (i, e));
    }
    ft.commit();
    (ft, table)
}

fn run(ft: &FullText, table: &Articles, query: &str) -> Vec<Answer> {
    let sent = RefCell::new(Vec::new());
    let req = Request {
        generation: 7,
        query: query.into(),
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
    let arts: Vec<usize> = last.hits.iter().map(|h| h.article).collect();
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
    let arts: Vec<usize> = last.hits.iter().map(|h| h.article).collect();
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
    assert!(last.hits.iter().all(|h| h.article == 1));
}
