//! Every hostile file through the core and the drawing code, in-process: decoded as expected,
//! wrapped without loss or overflow, and drawn with no control character in any cell.

use super::fixtures::{self, Case, Expect};
use liseuse::app::{App, Event};
use liseuse::keys::keymap::Keymap;
use liseuse::ui::{self, Theme};
use liseuse_document::sanitize;
use liseuse_document::wrap::wrap;
use liseuse_library::{self as library, Library};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;
use std::time::Instant;

fn load(dir: &std::path::Path, c: &Case) -> Result<liseuse_document::Document, String> {
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
fn check_wrapping(c: &Case, d: &liseuse_document::Document) {
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
    let ev = Event::Loaded {
        index: 0,
        result: doc,
        modified: None,
    };
    app.update(ev, &mut Vec::new());
    assert!(app.reader().is_some(), "{}: not opened", c.name);
    let sizes: &[(u16, u16)] = if c.big {
        &[(80, 24), (1, 1)]
    } else {
        &[(80, 24), (50, 8), (300, 10), (2, 80), (1, 1), (120, 40)]
    };
    for &(w, h) in sizes {
        app.update(Event::Resize(w, h), &mut Vec::new());
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
        assert_terminal_agrees(&app, w, h, c.name);
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

/// The bytes ratatui writes for a frame, replayed in a terminal emulator (vt100 measures
/// character by character, as many terminals do), give the same cells as ratatui's buffer: no
/// width disagreement shifts a row. Drawn twice, scrolled in between, to go through the
/// frame-to-frame diff too.
fn assert_terminal_agrees(app: &App, w: u16, h: u16, name: &str) {
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::{TerminalOptions, Viewport};
    let area = Rect::new(0, 0, w, h);
    let out = Shared::default();
    let mut term = Terminal::with_options(
        CrosstermBackend::new(out.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )
    .unwrap();
    let mut frame_buf = None;
    term.draw(|f| {
        ui::draw(f, app, &Theme::no_color());
        frame_buf = Some(f.buffer_mut().clone());
    })
    .unwrap();
    let nz = |n: u16| std::num::NonZeroU16::new(n.max(1)).unwrap();
    let mut vt = vt100::Parser::new(nz(h), nz(w), 0);
    // vt100 drops U+FFFD (its parser's own mark for bad input); terminals draw it. Replay it
    // as `?` so that the emulator's cursor advances as a terminal's does.
    let bytes = String::from_utf8(out.0.borrow().clone())
        .unwrap()
        .replace('\u{fffd}', "?");
    vt.process(bytes.as_bytes());
    let buf = frame_buf.unwrap();
    let screen = vt.screen();
    for y in 0..h {
        for x in 0..w {
            let want = buf[(x, y)].symbol();
            let Some(cell) = screen.cell(y, x) else {
                continue;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            let got = cell.contents();
            let want = match want {
                " " => "",
                "\u{fffd}" => "?",
                w => w,
            };
            let got = if got == " " { "" } else { got };
            // Emulators keep a few combining marks per cell (vt100 nine, xterm two): compare
            // the base characters, which is where a shift would show.
            let (got, want) = (got.chars().next(), want.chars().next());
            assert_eq!(
                got,
                want,
                "{name} at {w}x{h}: cell ({x},{y}) differs\n{}",
                screen.contents()
            );
        }
    }
}

/// A writer the test can read back after the backend has written to it.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
