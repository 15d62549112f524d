use super::*;

fn article(url: &str, requested: &str, title: &str) -> NewArticle {
    NewArticle {
        folder: "Le Fil".into(),
        date: Some("2026-05-05T10:00:00Z".into()),
        ext: "html",
        bytes: b"<html><title>x</title></html>".to_vec(),
        meta: ArticleMeta {
            requested: requested.into(),
            url: url.into(),
            title: title.into(),
            fetched: "2026-05-05T11:00:00Z".into(),
            ..ArticleMeta::default()
        },
    }
}

#[test]
fn one_address_is_one_article() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    assert!(!has_articles(lib.root()));
    let a = "http://example.org/a";
    let Put::Stored(path) = lib.put(article(a, "http://t.co/x", "Un titre")).unwrap() else {
        panic!("not stored");
    };
    assert!(path.starts_with(lib.root().join("le-fil")));
    assert!(
        path.file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("2026-05-05-un-titre-")
    );
    assert!(has_articles(lib.root()));
    // The same address, or the one that redirected to it, is the same article.
    assert_eq!(
        lib.put(article(a, a, "Autre")).unwrap(),
        Put::Already(path.clone())
    );
    assert_eq!(
        lib.put(article("http://example.org/b", "http://t.co/x", "B"))
            .unwrap(),
        Put::Already(path.clone())
    );
    assert_eq!(lib.find("http://t.co/x").unwrap().0, path);
    let meta = lib.meta_of(&path).unwrap();
    assert_eq!(meta.url, a);
    assert_eq!(meta.title, "Un titre");
}

#[test]
fn hostile_titles_and_damaged_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let mut art = article(
        "http://example.org/p",
        "http://example.org/p",
        "../../../etc/passwd",
    );
    art.folder = "../../outside".into();
    let Put::Stored(path) = lib.put(art).unwrap() else {
        panic!()
    };
    assert!(path.starts_with(lib.root()), "{}", path.display());
    assert!(!dir.path().join("outside").exists());
    // A damaged metadata file at an address's key is left as it is; the next key is used.
    let url = "http://example.org/q";
    let damaged = lib.meta_path(&key(url, 0));
    std::fs::write(&damaged, "{ damaged").unwrap();
    let Put::Stored(q) = lib.put(article(url, url, "Q")).unwrap() else {
        panic!()
    };
    assert_eq!(std::fs::read_to_string(&damaged).unwrap(), "{ damaged");
    assert_eq!(lib.find(url).unwrap().0, q);
    // A metadata file pointing outside the library is not followed.
    let evil = ArticleMeta {
        url: "http://e/".into(),
        file: "../../etc/passwd".into(),
        ..ArticleMeta::default()
    };
    std::fs::write(
        lib.meta_path(&key("http://e/", 0)),
        serde_json::to_vec(&evil).unwrap(),
    )
    .unwrap();
    assert!(lib.find("http://e/").is_none());
}
