//! The open articles: the seeds, reading a file (capped, previewed), finding articles.

use super::*;
use std::fs;

#[test]
fn seeds_are_embedded_and_load() {
    let s = seeds();
    assert_eq!(s.len(), 2);
    let d = load(&s[0]).unwrap();
    assert!(d.title.starts_with("Qaani"));
}

#[test]
fn folders_are_walked_in_natural_order() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "10.txt",
        "2.txt",
        "b/1.md",
        "c/page.HTML",
        "c/livre.epub",
        "notes.pdf",
    ] {
        let p = dir.path().join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, "Titre\ntexte\n").unwrap();
    }
    let d = discover(&[dir.path().to_path_buf()]).unwrap();
    let names: Vec<_> = d.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        ["2.txt", "10.txt", "1.md", "livre.epub", "page.HTML"]
    );
}

/// Paths are found by their hash, then compared: with the tests' keys (three for every
/// path), most share theirs with another path.
#[test]
fn every_path_finds_its_first_article_whatever_paths_share_its_hash() {
    let entry = |p: &str| Entry {
        path: p.to_string(),
        name: file_name(Path::new(p)),
        origin: Origin::File(PathBuf::from(p)),
    };
    let paths: Vec<String> = (0..40).map(|i| format!("lib/d{}/{i}.txt", i % 4)).collect();
    let mut l = Library::new(paths.iter().map(|p| entry(p)).collect());
    let again = l.push(entry(&paths[7]));
    for (i, p) in paths.iter().enumerate() {
        assert_eq!(l.find(Path::new(p)), Some(i), "{p}");
    }
    assert_eq!(again, paths.len());
    assert_eq!(l.find(Path::new("lib/d3//7.txt")), Some(7));
    assert_eq!(l.find(Path::new("lib/d3/41.txt")), None);
    let under: Vec<usize> = (0..40).filter(|i| i % 4 == 1).collect();
    assert_eq!(l.under_folder(Path::new("lib/d1")), under);
    assert_eq!(
        l.under_folder(Path::new("lib")),
        (0..40).collect::<Vec<_>>()
    );
}

#[test]
fn missing_path_and_empty_folder_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let err = discover(&[dir.path().join("nope")]).unwrap_err();
    assert!(err.contains("No such file"), "{err}");
    let err = discover(&[dir.path().to_path_buf()]).unwrap_err();
    assert!(err.starts_with("no articles"), "{err}");
    assert!(err.contains(".html") && err.contains(".epub"), "{err}");
}
