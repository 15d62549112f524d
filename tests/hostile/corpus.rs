//! Every hostile file through the core and the drawing code, in-process: decoded as expected,
//! wrapped without loss or overflow, and drawn with no control character in any cell.

use super::fixtures::{self, Case, Expect};
use liseuse::app::{App, Event};
use liseuse::keymap::Keymap;
use liseuse::library::{self, Library};
use liseuse::sanitize;
use liseuse::ui::{self, Theme};
use liseuse::wrap::wrap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;
use std::time::Instant;

fn load(dir: &std::path::Path, c: &Case) -> Result<liseuse::document::Document, String> {
    let found = library::discover(&[dir.join(c.name)])?;
    library::load(&found.entries[0])
}

/// What a terminal would interpret rather than draw.
fn interpreted(c: char) -> bool {
    c.is_control() || sanitize::is_unsafe(c)
}

#[test]
fn every_case_is_decoded_as_expected_and_drawn_safely() {
    let dir = tempfile::tempdir().unwrap();
    for c in fixtures::write_all(dir.path(), true) {
        let t = Instant::now();
        let loaded = load(dir.path(), &c);
        match (c.expect, &loaded) {
            (Expect::Binary, Err(why)) => assert!(why.contains("binary"), "{}: {why}", c.name),
            (Expect::Binary, Ok(_)) => panic!("{}: should be refused as binary", c.name),
            (_, Err(why)) => panic!("{}: refused: {why}", c.name),
            (Expect::NoText, Ok(d)) => {
                assert!(d.paragraphs.is_empty(), "{}", c.name);
                assert!(d.title_from_name, "{}", c.name);
            }
            (Expect::Shows(wanted), Ok(d)) => {
                let shown: Vec<String> = (0..d.paragraphs.len())
                    .map(|i| sanitize::display(d.paragraph_text(i)).into_owned())
                    .collect();
                let all = shown.join("\n");
                for w in wanted {
                    assert!(
                        all.contains(w),
                        "{}: {w:?} not in {:?}",
                        c.name,
                        short(&all)
                    );
                }
                for s in &shown {
                    assert!(!s.chars().any(interpreted), "{}: {:?}", c.name, short(s));
                }
            }
        }
        if let Ok(d) = &loaded {
            check_wrapping(&c, d);
            draw_at_sizes(dir.path(), &c);
        }
        eprintln!("{}: {:?}", c.name, t.elapsed());
    }
}

fn short(s: &str) -> String {
    s.chars().take(300).collect()
}

/// Every paragraph wrapped at a few widths: nothing lost, nothing out of order, no line wider
/// than asked (but a single grapheme wider than the line), no line whose display has a control.
fn check_wrapping(c: &Case, d: &liseuse::document::Document) {
    let widths: &[usize] = if c.big {
        &[80]
    } else {
        &[1, 2, 7, 40, 80, 300]
    };
    let n = d.paragraphs.len();
    // Of a big file, what a reader would see first and last (the app wraps only what is seen).
    let seen: Vec<usize> = if c.big {
        (0..n.min(3)).chain(n.saturating_sub(3)..n).collect()
    } else {
        (0..n).collect()
    };
    for i in seen {
        let p = d.paragraph_text(i);
        for &w in widths {
            let mut prev = 0;
            for r in wrap(p, w) {
                assert!(r.start >= prev, "{}: out of order", c.name);
                let line = &p[r.clone()];
                let shown = sanitize::display(line);
                assert!(!shown.chars().any(interpreted), "{}", c.name);
                let graphemes = unicode_segmentation::UnicodeSegmentation::graphemes(line, true);
                if graphemes.count() > 1 {
                    assert!(
                        sanitize::width(line) <= w,
                        "{}: {line:?} wider than {w}",
                        c.name
                    );
                }
                prev = r.end;
            }
        }
    }
}

/// The article drawn in a real app state at several sizes: no cell holds anything a terminal
/// would interpret, and the reader's borders are whole (nothing spilled out of the pane).
fn draw_at_sizes(dir: &std::path::Path, c: &Case) {
    let entries = library::discover(&[dir.join(c.name)]).unwrap().entries;
    let doc = library::load(&entries[0]).map(Arc::new);
    let mut app = App::new(Library::new(entries), Keymap::default(), (80, 24));
    app.update(Event::Loaded {
        index: 0,
        result: doc,
    });
    assert!(app.reader.is_some(), "{}: not opened", c.name);
    let sizes: &[(u16, u16)] = if c.big {
        &[(80, 24), (1, 1)]
    } else {
        &[(80, 24), (50, 8), (300, 10), (2, 80), (1, 1), (120, 40)]
    };
    for &(w, h) in sizes {
        app.update(Event::Resize(w, h));
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| ui::draw(f, &app, &Theme::no_color()))
            .unwrap();
        let buf = term.backend().buffer();
        for y in 0..h {
            for x in 0..w {
                let sym = buf[(x, y)].symbol();
                assert!(
                    !sym.chars().any(interpreted),
                    "{} at {w}x{h}: cell ({x},{y}) = {sym:?}",
                    c.name
                );
            }
        }
        if let Some(g) = app.geometry() {
            let r = g.reader;
            for y in r.y + 1..r.y + r.height - 1 {
                for x in [r.x, r.x + r.width - 1] {
                    let sym = buf[(x, y)].symbol();
                    assert!(
                        matches!(sym, "│" | "┃"),
                        "{} at {w}x{h}: border ({x},{y}) = {sym:?}",
                        c.name
                    );
                }
            }
        }
    }
}

/// The small cases are committed so they can be opened by hand; they must be what the
/// generator makes. `LISEUSE_WRITE_FIXTURES=1` rewrites them.
#[test]
fn committed_fixtures_match_the_generator() {
    let dir = gen_dir();
    if std::env::var_os("LISEUSE_WRITE_FIXTURES").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        fixtures::write_all(&dir, false);
    }
    for c in fixtures::cases().into_iter().filter(|c| !c.big) {
        let on_disk = std::fs::read(dir.join(c.name))
            .unwrap_or_else(|e| panic!("{}: {e} (run with LISEUSE_WRITE_FIXTURES=1)", c.name));
        assert!(on_disk == c.bytes, "{} differs from the generator", c.name);
    }
}

fn gen_dir() -> std::path::PathBuf {
    fixtures::committed_dir()
}
