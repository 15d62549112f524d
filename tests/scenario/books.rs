//! Reading a book as readers of books expect (issue 23): chapters from the keys (`}` and `{`),
//! the chapter's name on the status bar and in `=`, the table of contents nested as the book's,
//! line breaks kept; and the text's width from the keys (`+`, `-`), kept for the next start.

use crate::common::headless::{Folder, Headless};
use std::io::{Cursor, Write};

/// A small valid EPUB 3 book: three chapters, the first with two sections its table of
/// contents nests inside it, a colophon of line breaks as Standard Ebooks writes it.
pub fn book() -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("mimetype", stored).unwrap();
    w.write_all(b"application/epub+zip").unwrap();
    let para = |what: &str| {
        format!(
            "<p>{what} Phileas Fogg traversa Londres sous la pluie, Passepartout sur ses talons, \
             et ni l’un ni l’autre ne dit un mot jusqu’au Reform-Club.</p>\n"
        )
    };
    let chapter = |title: &str, body: &str| {
        format!(
            "<?xml version='1.0' encoding='utf-8'?><html xmlns='http://www.w3.org/1999/xhtml'>\
             <head><title>{title}</title></head><body>{body}</body></html>"
        )
    };
    let ch1 = chapter(
        "I",
        &format!(
            "<h1>Le départ</h1>{}<h2 id='pari'>Le pari</h2>{}<section id='voyage'><h2>Le voyage</h2>{}</section>",
            para("Un.").repeat(6),
            para("Deux.").repeat(6),
            para("Trois.").repeat(6)
        ),
    );
    let ch2 = chapter(
        "II",
        &format!("<h1>Le retour</h1>{}", para("Quatre.").repeat(6)),
    );
    let colophon = chapter(
        "Colophon",
        "<h1>Colophon</h1><p>This ebook was produced for<br/>\n\t<a href='https://standardebooks.org'>Standard Ebooks</a><br/>\n\tby<br/>\n\t<a href='https://x.org'>David</a>.</p>",
    );
    let files = [
        (
            "META-INF/container.xml",
            r#"<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#.to_string(),
        ),
        (
            "OEBPS/content.opf",
            r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Le Tour du monde</dc:title><dc:creator>Jules Verne</dc:creator></metadata>
<manifest>
<item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="text/ch2.xhtml" media-type="application/xhtml+xml"/>
<item id="co" href="text/colophon.xhtml" media-type="application/xhtml+xml"/>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
</manifest>
<spine><itemref idref="c1"/><itemref idref="c2"/><itemref idref="co"/></spine>
</package>"#
                .to_string(),
        ),
        ("OEBPS/text/ch1.xhtml", ch1),
        ("OEBPS/text/ch2.xhtml", ch2),
        ("OEBPS/text/colophon.xhtml", colophon),
        (
            "OEBPS/nav.xhtml",
            "<html xmlns:epub='http://www.idpf.org/2007/ops'><body><nav epub:type='toc'><ol>\
             <li><a href='text/ch1.xhtml'>I. Le départ</a><ol>\
             <li><a href='text/ch1.xhtml#pari'>1. Le pari</a></li>\
             <li><a href='text/ch1.xhtml#voyage'>2. Le voyage</a></li></ol></li>\
             <li><a href='text/ch2.xhtml'>II. Le retour</a></li>\
             <li><a href='text/colophon.xhtml'>Colophon</a></li></ol></nav></body></html>"
                .to_string(),
        ),
    ];
    for (name, text) in files {
        w.start_file(name, deflated).unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn open_book(w: u16, h: u16) -> (Folder, Headless) {
    let f = Folder::new(&[]);
    let path = f.dir.path().join("tour.epub");
    std::fs::write(&path, book()).unwrap();
    let mut s = Headless::start(&[path], w, h);
    s.settle();
    (f, s)
}

/// The text of the reader's cursor line.
fn cursor_line(s: &Headless) -> String {
    let r = s.app().reader().unwrap();
    r.line_range(r.cursor)
        .map(|l| r.doc.text[l].to_string())
        .unwrap_or_default()
}

#[test]
fn chapters_from_the_keys_with_their_name_on_the_status_bar() {
    let (_f, mut s) = open_book(120, 40);
    s.keys("}");
    assert_eq!(cursor_line(&s), "Le départ");
    assert!(s.status().contains("I. Le départ"), "{}", s.status());
    s.keys("}");
    assert_eq!(
        cursor_line(&s),
        "Le retour",
        "the next chapter, past the sections"
    );
    assert!(s.status().contains("II. Le retour"), "{}", s.status());
    s.keys("=");
    let screen = s.screen();
    assert!(screen.contains("chapter 2/3"), "{screen}");
    // Back: this chapter's start from inside it, the previous one from its start.
    s.keys("jjj{");
    assert_eq!(cursor_line(&s), "Le retour");
    s.keys("{");
    assert_eq!(cursor_line(&s), "Le départ");
    // Counts, as for any move.
    s.keys("2}");
    assert_eq!(cursor_line(&s), "Colophon");
    s.keys("2{");
    assert_eq!(cursor_line(&s), "Le départ");
    s.keys("t");
    let screen = s.screen();
    let line = |title: &str| {
        screen
            .lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title} listed:\n{screen}"))
            .to_string()
    };
    let indent = |l: String| l.find(|c: char| c.is_alphanumeric()).unwrap();
    assert!(
        indent(line("1. Le pari")) > indent(line("I. Le départ")),
        "{screen}"
    );
    assert_eq!(indent(line("II. Le retour")), indent(line("I. Le départ")));
    // Inside a section, the bar says both.
    s.keys("j<Enter>");
    assert_eq!(cursor_line(&s), "Le pari");
    assert!(
        s.status().contains("I. Le départ › 1. Le pari"),
        "{}",
        s.status()
    );
}

#[test]
fn a_books_line_breaks_are_lines() {
    let (_f, mut s) = open_book(120, 40);
    s.keys("G");
    let screen = s.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("This ebook was produced for "))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(!lines[at].contains("Standard"), "{screen}");
    assert!(lines[at + 1].contains("   Standard Ebooks   "), "{screen}");
    assert!(!lines[at + 1].contains(" by"), "{screen}");
    assert!(lines[at + 2].contains("   by   "), "{screen}");
}

#[test]
fn the_texts_width_from_the_keys_is_kept_for_the_next_start() {
    let (f, mut s) = open_book(120, 40);
    let full = s.app().text_layout().0;
    s.keys("--");
    assert_eq!(s.app().text_layout().0, full - 8);
    let screen = s.screen();
    assert!(screen.contains("columns wide"), "{screen}");
    s.keys("q");
    let (_, home) = s.finish();
    let path = f.dir.path().join("tour.epub");
    let mut s = Headless::start_in(home, std::slice::from_ref(&path), 120, 40, |_| {});
    s.settle();
    assert_eq!(s.app().text_layout().0, full - 8, "kept");
    s.keys("5+");
    assert_eq!(s.app().text_layout().0, full, "back to the pane's width");
    assert_eq!(s.app().layout.max_text_width, 0, "and it follows the pane");
    s.keys("q");
    let (_, home) = s.finish();
    let s = Headless::start_in(home, &[path], 100, 30, |_| {});
    assert_eq!(s.app().layout.max_text_width, 0);
}
