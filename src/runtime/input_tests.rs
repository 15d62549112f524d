use super::*;

fn keys(events: &[Event]) -> Vec<Key> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Key(k) => Some(*k),
            _ => None,
        })
        .collect()
}

fn k(code: KeyCode) -> Key {
    Key::plain(code)
}

#[test]
fn keys_are_read_as_crossterm_reads_them() {
    let mut p = Parser::default();
    let now = Instant::now();
    let got = keys(&p.feed(
        b"j\r\t\x7f\x03\x1b[A\x1b[B\x1bOC\x1b[1;5D\x1b[Z\x1b[5~\x1b[6~\x1b[3~\x1b[H\x1b[4~\x1bOP\x1b[15~\x1bx\xc3\xa9",
        now,
    ));
    assert_eq!(
        got,
        [
            k(KeyCode::Char('j')),
            k(KeyCode::Enter),
            k(KeyCode::Tab),
            k(KeyCode::Backspace),
            Key::ctrl('c'),
            k(KeyCode::Up),
            k(KeyCode::Down),
            k(KeyCode::Right),
            Key {
                code: KeyCode::Left,
                ctrl: true,
                alt: false
            },
            k(KeyCode::BackTab),
            k(KeyCode::PageUp),
            k(KeyCode::PageDown),
            k(KeyCode::Delete),
            k(KeyCode::Home),
            k(KeyCode::End),
            k(KeyCode::F(1)),
            k(KeyCode::F(5)),
            Key {
                code: KeyCode::Char('x'),
                ctrl: false,
                alt: true
            },
            k(KeyCode::Char('é')),
        ]
    );
    // A lone escape at the end of a read is Esc; a sequence cut by a read waits.
    assert_eq!(keys(&p.feed(b"\x1b", now)), [k(KeyCode::Esc)]);
    assert!(p.feed(b"\x1b[", now).is_empty());
    assert_eq!(keys(&p.feed(b"6~", now)), [k(KeyCode::PageDown)]);
    assert!(p.feed(b"\xc3", now).is_empty());
    assert_eq!(keys(&p.feed(b"\xa0", now)), [k(KeyCode::Char('à'))]);
}

#[test]
fn the_mouse_clicks_and_scrolls() {
    let mut p = Parser::default();
    let got = p.feed(
        b"\x1b[<0;5;3M\x1b[<0;5;3m\x1b[<65;1;1M\x1b[<32;9;9M\x1b[M `!",
        Instant::now(),
    );
    let mice: Vec<Mouse> = got
        .into_iter()
        .filter_map(|e| match e {
            Event::Mouse(m) => Some(m),
            _ => None,
        })
        .collect();
    assert_eq!(
        mice,
        [
            Mouse::Click { x: 4, y: 2 },
            Mouse::Scroll {
                x: 0,
                y: 0,
                down: true
            },
            Mouse::Click { x: 63, y: 0 },
        ]
    );
}

#[test]
fn a_paste_is_one_event_even_across_reads() {
    let mut p = Parser::default();
    let now = Instant::now();
    assert!(p.feed(b"\x1b[200~une\rli", now).is_empty());
    assert!(p.feed(b"gne\x1b[2", now).is_empty());
    let got = p.feed(b"01~j", now);
    assert!(
        matches!(&got[0], Event::Paste(t) if t == "une\rligne"),
        "{got:?}"
    );
    assert_eq!(keys(&got), [k(KeyCode::Char('j'))]);
}

/// Issue 24.13: `ESC[200~` without its end swallowed every key until `ESC[201~`.
#[test]
fn a_paste_without_its_end_marker_ends_after_its_bound() {
    let mut p = Parser::default();
    let t0 = Instant::now();
    assert!(p.feed(b"\x1b[200~abc", t0).is_empty());
    assert!(p.tick(t0 + PASTE_TIME / 2).is_empty());
    let got = p.tick(t0 + PASTE_TIME);
    assert!(
        matches!(&got[..], [Event::Paste(t)] if t == "abc"),
        "{got:?}"
    );
    assert_eq!(
        keys(&p.feed(b"j", t0 + PASTE_TIME)),
        [k(KeyCode::Char('j'))]
    );
    // Keys typed into it meanwhile end it too, once past the time.
    assert!(p.feed(b"\x1b[200~x", t0).is_empty());
    let got = p.feed(b"q", t0 + PASTE_TIME * 2);
    assert!(
        matches!(&got[..], [Event::Paste(t)] if t == "xq"),
        "{got:?}"
    );
    assert_eq!(
        keys(&p.feed(b"j", t0 + PASTE_TIME * 2)),
        [k(KeyCode::Char('j'))]
    );
    // And a huge one ends at its size.
    let mut p = Parser::default();
    let big = vec![b'a'; MAX_PASTE_BYTES];
    assert!(p.feed(b"\x1b[200~", t0).is_empty());
    let got = p.feed(&big, t0);
    assert!(matches!(&got[..], [Event::Paste(t)] if t.len() == MAX_PASTE_BYTES));
}
