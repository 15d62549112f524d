//! Rendering of entities: the sidebar, highlighted mentions, the status line while following one.

use liseuse::app::{App, Event};
use liseuse::keys::keymap::{Key, KeyCode, Keymap};
use liseuse::ui::{self, Theme};
use liseuse_entity as entity;
use liseuse_library::IndexUpdate;
use liseuse_library::{self as library, Library};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use std::sync::Arc;

fn app(w: u16, h: u16) -> App {
    let entries = library::seeds();
    let mut app = App::new(Library::new(entries.clone()), Keymap::default(), (w, h));
    let mut docs = Vec::new();
    for (index, e) in entries.iter().enumerate() {
        let doc = Arc::new(library::load(e).unwrap());
        docs.push(doc.clone());
        app.update(
            Event::Loaded {
                index,
                result: Ok(doc),
                modified: None,
            },
            &mut Vec::new(),
        );
    }
    // As the loader's indexer sends it.
    let analysed: Vec<_> = docs.iter().map(|d| entity::analyse(&d.text)).collect();
    let update = IndexUpdate::of_docs(&analysed);
    app.update(Event::Indexed(Box::new(update)), &mut Vec::new());
    app
}

fn render(app: &App, theme: &Theme) -> Buffer {
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw(f, app, theme)).unwrap();
    term.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let a = buf.area;
    (0..a.height)
        .map(|y| {
            (0..a.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The cell position of the first occurrence of `needle` on screen.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let a = buf.area;
    for y in 0..a.height {
        let cells: Vec<&str> = (0..a.width).map(|x| buf[(x, y)].symbol()).collect();
        let line: String = cells.concat();
        if let Some(byte) = line.find(needle) {
            let col = line[..byte].chars().count();
            return Some((col as u16, y));
        }
    }
    None
}

fn press(app: &mut App, keys: &[Key]) {
    for k in keys {
        app.update(Event::Key(*k), &mut Vec::new());
    }
}

fn k(c: char) -> Key {
    Key::plain(KeyCode::Char(c))
}

#[test]
fn sidebar_lists_the_article_people_with_counts() {
    let a = app(120, 40);
    let s = text(&render(&a, &Theme::no_color()));
    assert!(s.contains("This article (here·all)"), "{s}");
    assert!(s.contains("People"), "{s}");
    let khamenei = s
        .lines()
        .find(|l| l.contains("Ali Khamenei") && l.contains('·'))
        .unwrap();
    assert!(khamenei.contains("12·12"), "{khamenei}");
    // Most mentioned first: Khamenei is the first person.
    let people_at = s.find("People").unwrap();
    let first_entity_line = s[people_at..].lines().nth(1).unwrap();
    assert!(
        first_entity_line.contains("Ali Khamenei"),
        "{first_entity_line}"
    );
}

#[test]
fn corpus_scope_and_filter() {
    let mut a = app(120, 40);
    press(&mut a, &[Key::plain(KeyCode::Tab), k('c')]);
    let s = text(&render(&a, &Theme::no_color()));
    assert!(s.contains("All articles (here·all)"));
    press(&mut a, &[k('/'), k('r'), k('a'), k('i'), k('s')]);
    let s = text(&render(&a, &Theme::no_color()));
    // Accent-insensitive: « rais » finds Raïssi.
    assert!(s.contains("Raïssi"), "{s}");
    let listed = |name: &str| s.lines().any(|l| l.contains(name) && l.contains("12·12"));
    assert!(!listed("Ali Khamenei"), "{s}");
}

#[test]
fn mentions_are_coloured_by_label_and_the_selected_one_stands_out() {
    let mut a = app(120, 40);
    let theme = Theme::dark();
    let buf = render(&a, &theme);
    let (x, y) = find(&buf, "Ali Khamenei au chef").unwrap();
    assert_eq!(
        buf[(x, y)].fg,
        theme.per.fg.unwrap(),
        "a person is in the person colour"
    );
    let (ox, oy) = find(&buf, "Gardiens de la").unwrap();
    assert_eq!(buf[(ox, oy)].fg, theme.org.fg.unwrap());
    let (px, py) = find(&buf, "Téhéran de").unwrap();
    assert_eq!(buf[(px, py)].fg, theme.loc.fg.unwrap());
    // Select Khamenei from the reader's line: his mentions are reversed, others are not.
    for _ in 0..6 {
        press(&mut a, &[k('j')]);
    }
    press(&mut a, &[Key::plain(KeyCode::Enter)]);
    let buf = render(&a, &theme);
    let (x, y) = find(&buf, "Ali Khamenei au chef").unwrap();
    assert!(
        buf[(x, y)].modifier.contains(Modifier::REVERSED),
        "selected entity reversed"
    );
    let (ox, oy) = find(&buf, "Gardiens de la").unwrap();
    assert!(!buf[(ox, oy)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn no_color_mentions_differ_by_attributes() {
    let a = app(120, 40);
    let theme = Theme::no_color();
    let buf = render(&a, &theme);
    let (x, y) = find(&buf, "Ali Khamenei au chef").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(x, y)].fg, ratatui::style::Color::Reset);
    let (ox, oy) = find(&buf, "Gardiens de la").unwrap();
    assert!(buf[(ox, oy)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn status_line_while_following_a_person() {
    let mut a = app(120, 40);
    press(&mut a, &[Key::plain(KeyCode::Tab), k('/')]);
    for c in "abdollahian".chars() {
        press(&mut a, &[k(c)]);
    }
    press(
        &mut a,
        &[Key::plain(KeyCode::Enter), Key::plain(KeyCode::Enter)],
    );
    for _ in 0..4 {
        press(&mut a, &[k('n')]);
    }
    let s = text(&render(&a, &Theme::no_color()));
    let status = s.lines().last().unwrap();
    assert!(
        status.contains("Hossein Amir Abdollahian · mention 4/6 · article 2/2"),
        "{status}"
    );
}
