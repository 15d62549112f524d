//! Issue "Articles as people save them…": a Markdown note's table of contents and links, from
//! the keys, headless.

use crate::common::headless::{Folder, Headless};

const NOTE: &str = "---\ntitle: Notes de lecture\n---\n\n# Notes de lecture\n\nUn premier paragraphe qui cite [le rapport](https://example.org/rapport) du ministère.\n\n## Deuxième partie\n\nEmmanuel Macron a parlé à Paris, voir [la source](https://example.org/source).\n\n## Troisième partie\n\nFin.\n";

#[test]
fn a_markdown_note_has_its_contents_and_its_links() {
    let f = Folder::new(&[("note.md", NOTE)]);
    let mut s = Headless::start(&[f.path("note.md")], 120, 40);
    s.settle();
    let screen = s.screen();
    assert!(
        screen.contains("Deuxième partie") && !screen.contains("## "),
        "{screen}"
    );
    assert!(!screen.contains("]("), "no markup on screen: {screen}");
    s.keys("t");
    let screen = s.screen();
    assert!(screen.contains("Contents · "), "{screen}");
    assert!(screen.contains("Troisième partie"), "{screen}");
    // The last heading, from wherever the list starts.
    s.keys("G<Enter>");
    let r = s.app().reader().unwrap();
    let line = &r.doc.text[r.line_range(r.cursor).unwrap()];
    assert!(line.contains("Troisième partie"), "{line}");
    s.keys("l");
    assert!(
        s.screen().contains("https://example.org/rapport"),
        "{}",
        s.screen()
    );
    s.keys("j<Enter>");
    assert!(
        s.status().contains("link to https://example.org/source"),
        "{}",
        s.status()
    );
}
