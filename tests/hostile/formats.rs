//! Issue 17, hostile files in every format: markup nested 100,000 deep, a 50 MB attribute,
//! escape sequences inside tags, zip bombs and books that point outside themselves, malformed
//! XML. Each is read with a clear message or shown, never a crash or a hang; and the fuzz
//! targets `markdown`, `html` and `epub` as property tests.

use liseuse_document::sanitize;
use liseuse_document::{Document, format};
use proptest::prelude::*;
use std::io::{Cursor, Write};

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("mimetype", stored).unwrap();
    w.write_all(b"application/epub+zip").unwrap();
    for (name, bytes) in files {
        w.start_file(*name, stored).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const CONTAINER: &[u8] = br#"<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>"#;

fn book_with(opf: &str, chapter: &[u8]) -> Vec<u8> {
    zip_of(&[
        ("META-INF/container.xml", CONTAINER),
        ("content.opf", opf.as_bytes()),
        ("ch.xhtml", chapter),
    ])
}

const OPF: &str = r#"<package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title></metadata><manifest><item id="c" href="ch.xhtml"/></manifest><spine><itemref idref="c"/></spine></package>"#;

/// Nothing a terminal would interpret in what is drawn: the text, shown line by line, and
/// the title.
fn safe_on_screen(d: &Document) {
    d.check().unwrap();
    for (i, _) in d.paragraphs.iter().enumerate() {
        let shown = sanitize::display(d.paragraph_text(i));
        assert!(!shown.chars().any(sanitize::is_unsafe));
    }
    assert!(!d.title.chars().any(sanitize::is_unsafe));
}

#[test]
fn html_nested_100000_deep_is_read() {
    let n = 100_000;
    let page = "<html><body>".to_string()
        + &"<div>".repeat(n)
        + "<p>Au fond de la page.</p>"
        + &"</div>".repeat(n)
        + "</body></html>";
    let d = Document::from_bytes("deep.html", page.as_bytes()).unwrap();
    assert!(d.text.contains("Au fond de la page."));
    safe_on_screen(&d);
    let lists = "<ul><li>".repeat(n) + "fin";
    let d = Document::from_bytes("deep.html", lists.as_bytes()).unwrap();
    assert!(d.text.contains("fin"));
    let quotes = ">".repeat(n) + " fin\n\n" + &"- ".repeat(10_000) + "x";
    let d = Document::from_bytes("deep.md", quotes.as_bytes()).unwrap();
    safe_on_screen(&d);
}

#[test]
fn a_50_mb_attribute_is_read() {
    let page = format!(
        "<html><body><p data-x=\"{}\">Un paragraphe.</p><p>Un autre.</p></body></html>",
        "a".repeat(50 << 20)
    );
    let d = Document::from_bytes("big.html", page.as_bytes()).unwrap();
    assert!(d.text.contains("Un paragraphe.") && d.text.len() < 1000);
}

#[test]
fn escape_sequences_inside_tags_never_reach_the_screen() {
    let page = "<html><head><title>\x1b]0;pwned\x07Titre</title></head><body>\
        <p title=\"\x1b[2J\">Texte \x1b[31mrouge\x1b[0m et \u{202e}inversé.</p>\
        <a href=\"javascript:\x1b[6n\">lien\x1b[1m</a></body></html>";
    let d = Document::from_bytes("esc.html", page.as_bytes()).unwrap();
    safe_on_screen(&d);
    let md = "# \x1b]52;c;aGk=\x07Titre\n\n[lien\x1b[5m](http://x\x1b.org) `\x1b[?1049h`\n";
    let d = Document::from_bytes("esc.md", md.as_bytes()).unwrap();
    safe_on_screen(&d);
    let book = book_with(
        &OPF.replace("<dc:title>T", "<dc:title>\x1b[2JT"),
        b"<p>\x1b[31mx</p>",
    );
    match Document::from_bytes("esc.epub", &book) {
        Ok(d) => safe_on_screen(&d),
        Err(e) => assert!(!e.to_string().chars().any(sanitize::is_unsafe)),
    }
}

#[test]
fn broken_books_are_refused_with_a_message() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("not a zip", b"PK\x03\x04\x14\0\0\0garbage".to_vec()),
        (
            "malformed opf",
            book_with("<package><spine><itemref idref=", b""),
        ),
        ("no spine", book_with("<package><manifest/></package>", b"")),
        (
            "spine outside",
            book_with(&OPF.replace("ch.xhtml", "../../../../etc/passwd"), b""),
        ),
        (
            "entity bomb",
            book_with(
                &format!(
                    "<!DOCTYPE p [<!ENTITY a \"{}\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>{}",
                    "x".repeat(100),
                    OPF.replace("<dc:title>T", "<dc:title>&c;&c;&c;&c;&c;&c;")
                ),
                b"",
            ),
        ),
    ];
    for (what, bytes) in cases {
        match Document::from_bytes("x.epub", &bytes) {
            Err(e) => {
                let m = e.to_string();
                assert!(m.starts_with("not a readable EPUB book: "), "{what}: {m}");
                assert!(!m.contains('\n'), "{what}: {m}");
            }
            Ok(d) => {
                assert!(!d.notices.is_empty() || d.title.len() < 20_000, "{what}");
                safe_on_screen(&d);
            }
        }
    }
}

#[test]
fn a_book_of_too_many_files_is_refused() {
    let names: Vec<String> = (0..20_001).map(|i| format!("f{i}")).collect();
    let files: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let e = Document::from_bytes("many.epub", &zip_of(&files)).unwrap_err();
    assert!(e.to_string().contains("files in it"), "{e}");
}

fn markupish() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,400}",
        "((# |## |> |- |1. |\\* |\\*\\*|_|`|```\\n|\\[a\\]|\\(http://x\\)|!\\[|\\| a \\| b \\||---\\n|<b>|</b>|&amp;|\\n|\\n\\n|mot |\\u{1b}\\[31m|é){0,80})",
        "((<p>|</p>|<div>|</div>|<ul>|<li>|<ol start=3>|<pre>|</pre>|<code>|<table><tr><td>|</td><td>|<h2>|</h2>|<blockquote>|<a href=x>|</a>|<em>|<br>|<hr>|<script>|</script>|<noscript>|&nbsp;|&#x1b;|mot |\\u{1b}|\\n){0,80})",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn markdown_keeps_its_promises(s in markupish()) {
        // Refused as binary (control bytes are most of it) or read: never broken.
        if let Ok(d) = format::read(format::Format::Markdown, "p.md", s.as_bytes()) {
            prop_assert!(d.check().is_ok(), "{:?}", d.check());
        }
    }

    #[test]
    fn html_keeps_its_promises(s in markupish()) {
        // Refused as binary (control bytes are most of it) or read: never broken.
        if let Ok(d) = format::read(format::Format::Html, "p.html", s.as_bytes()) {
            prop_assert!(d.check().is_ok(), "{:?}", d.check());
        }
    }

    #[test]
    fn a_damaged_book_is_read_or_refused(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..12)) {
        let mut bytes = book_with(OPF, b"<html><body><h1>Un</h1><p>Texte du chapitre.</p></body></html>");
        for (i, b) in flips {
            let at = i.index(bytes.len());
            bytes[at] = b;
        }
        if let Ok(d) = format::read(format::Format::Epub, "p.epub", &bytes) {
            prop_assert!(d.check().is_ok(), "{:?}", d.check());
        }
    }
}
