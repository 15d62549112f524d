//! The real binary in a pseudo-terminal: the terminal stays liseuse's whatever the files, the
//! sizes and the keys. Checks the raw bytes liseuse wrote, not only the emulated screen.

use super::fixtures;
use crate::common::*;
use std::time::{Duration, Instant};

/// Records what the file could have made a terminal do, when the raw output is replayed.
#[derive(Default)]
struct Hijacks(Vec<String>);

impl vt100::Callbacks for Hijacks {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.0.push("bell".into());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.0
            .push(format!("icon {}", String::from_utf8_lossy(name)));
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.0
            .push(format!("title {}", String::from_utf8_lossy(title)));
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], data: &[u8]) {
        self.0
            .push(format!("clipboard {}", String::from_utf8_lossy(data)));
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, params: &[&[u8]]) {
        self.0.push(format!("osc {params:?}"));
    }
}

/// Sequences from the corpus that crossterm and ratatui never write themselves.
const FILE_SEQUENCES: &[&[u8]] = &[
    b"\x1b[7777;7777H",
    b"\x1b[31;5;7m",
    b"\x1b[?1049l",
    b"\x1b[1;999r",
    b"\x1b[3J",
    b"\x1b[201~",
    b"\x1b[200~",
    b"\x1bc",
    b"\x1b7",
    b"\x1b8",
];

/// Nothing from a file reached the terminal: no OSC, DCS, APC, PM or SOS at all, no C1 control,
/// none of the corpus's sequences, no `pwned` payload right after an escape other than the
/// cursor moves and colours liseuse draws with; replayed, no title, clipboard or bell.
fn assert_terminal_kept(raw: &[u8]) {
    let text = std::str::from_utf8(raw).expect("liseuse writes UTF-8 only");
    if let Some(c) = text.chars().find(|c| ('\u{80}'..='\u{9f}').contains(c)) {
        panic!("C1 control U+{:04X} written", c as u32);
    }
    for intro in [b"\x1b]", b"\x1bP", b"\x1b_", b"\x1b^", b"\x1bX"] {
        assert!(
            !raw.windows(2).any(|w| w == intro),
            "{:?} written",
            String::from_utf8_lossy(intro)
        );
    }
    for seq in FILE_SEQUENCES {
        assert!(
            !raw.windows(seq.len()).any(|w| w == *seq),
            "{:?} written",
            String::from_utf8_lossy(seq)
        );
    }
    // Every escape liseuse writes starts a CSI sequence with numeric parameters (cursor moves,
    // colours, modes), so no payload can sit inside one.
    for (i, _) in text.match_indices('\x1b') {
        let rest = &text.as_bytes()[i + 1..];
        let params = rest
            .iter()
            .skip(1)
            .take_while(|b| b"0123456789;?".contains(b))
            .count();
        // The capture may end inside the last sequence (the terminal read while liseuse was
        // still writing it): a cut tail is no payload.
        let cut = rest.first().is_none_or(|b| *b == b'[') && 1 + params >= rest.len();
        let ok = cut
            || rest.first() == Some(&b'[')
                && rest
                    .get(1 + params)
                    .is_some_and(|b| b.is_ascii_alphabetic());
        assert!(
            ok,
            "escape not a CSI: {:?}",
            String::from_utf8_lossy(&rest[..rest.len().min(20)])
        );
    }
    let mut replay = vt100::Parser::new_with_callbacks(nz(40), nz(120), 0, Hijacks::default());
    replay.process(raw);
    assert!(
        replay.callbacks().0.is_empty(),
        "{:?}",
        replay.callbacks().0
    );
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

/// The reader pane's borders are whole on every row: no article text spilled out of it.
fn assert_reader_intact(s: &Session, cols: u16, rows: u16) {
    let g = liseuse::app::geometry::Geometry::compute(cols, rows, &Default::default()).unwrap();
    let r = g.reader;
    s.with_screen(|screen| {
        for y in r.y + 1..r.y + r.height - 1 {
            for x in [r.x, r.x + r.width - 1] {
                let sym: String = screen
                    .cell(y, x)
                    .map(|c| c.contents())
                    .unwrap_or_default()
                    .into();
                assert!(
                    sym == "│" || sym == "┃",
                    "border ({x},{y}) = {sym:?}\n{}",
                    screen.contents()
                );
            }
        }
    });
}

#[test]
fn every_hostile_file_leaves_the_terminal_to_liseuse() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    let cases = fixtures::write_all(&dir, false);
    // A file name is hostile input too.
    std::fs::write(
        dir.join("\x1b]0;pwned-name\x07\u{9b}2J.txt"),
        "Nom piégé\nTexte.\n",
    )
    .unwrap();
    let n = cases.len() + 1;
    // The list's order (natural, as liseuse sorts), to know which entries cannot open.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort_by(|a, b| natord::compare(a, b));
    let binary = |name: &str| {
        cases
            .iter()
            .any(|c| c.name == name && c.expect == fixtures::Expect::Binary)
    };
    let (cols, rows) = (120, 40);
    let mut s = Session::start(&[dir.to_str().unwrap()], cols, rows, home.path());
    s.wait_text(&format!("Articles {n}"));
    s.wait_for("every file read", |t| !t.contains("reading "));
    for (i, name) in names.iter().enumerate() {
        // To the list, the next article, open it, page through it.
        s.keys(&[BACKTAB, b"g"]);
        for _ in 0..i {
            s.send(b"j");
        }
        s.keys(&[ENTER, PGDN, PGDN]);
        if binary(name) {
            // Not opened: focus stays on the list; back to the reader for the next round.
            s.keys(&[TAB]);
        } else {
            s.wait_text(&format!("{}/{n}", i + 1));
        }
        assert_reader_intact(&s, cols, rows);
    }
    let raw = s.raw_bytes();
    assert!(s.alternate_screen(), "still on liseuse's screen");
    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);
    assert_terminal_kept(&raw);
    assert!(
        !s.alternate_screen() && !s.cursor_hidden(),
        "terminal restored"
    );
}

#[test]
fn tiny_huge_and_storms_of_sizes_end_on_a_right_screen() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 100, 30, home.path());
    s.wait_text("Qaani au commandant");
    for (c, r) in [(1, 1), (2, 80), (300, 10), (49, 7), (100, 30)] {
        s.resize(c, r);
        if c < 50 || r < 8 {
            // The message is cut to what fits (one cell at 1×1), wrapped in a narrow terminal,
            // and names the size: the screen left by the size before does not pass for it.
            let said = format!("Terminaltoosmall({c}×{r})");
            s.wait_for("too small", |t| {
                let flat: String = t.chars().filter(|c| !c.is_whitespace()).collect();
                if (c, r) == (1, 1) {
                    flat == "T"
                } else {
                    flat.contains(&said)
                }
            });
        } else {
            s.wait_for("drawn", |t| {
                !t.contains("Terminal too small") && t.contains("Qaani")
            });
        }
    }
    // 200 resize events in one second.
    let start = Instant::now();
    for i in 0..200u16 {
        let (c, r) = [(1, 1), (80, 24), (300, 10), (2, 80), (55, 9)][usize::from(i % 5)];
        s.resize(c, r);
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(start.elapsed() < Duration::from_secs(3));
    s.resize(100, 30);
    s.wait_for("settled", |t| {
        !t.contains("Terminal too small") && t.contains("Qaani")
    });
    std::thread::sleep(Duration::from_millis(300));
    s.wait_text("Qaani au commandant");
    assert_reader_intact(&s, 100, 30);
    let raw = s.raw_bytes();
    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);
    assert_terminal_kept(&raw);
}

#[test]
fn a_megabyte_pasted_and_ten_thousand_keys_at_once() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 100, 30, home.path());
    s.wait_text("Qaani au commandant");

    // Pasted into the reader: ignored as a whole, no key of it runs a command (it has q and b).
    let mut paste = b"\x1b[200~".to_vec();
    let line = "quelques mots à coller, bq avec \x1b]0;pwned-paste\x07 dedans\n";
    while paste.len() < 1024 * 1024 {
        paste.extend_from_slice(line.as_bytes());
    }
    paste.extend_from_slice(b"\x1b[201~");
    s.send(&paste);
    s.wait_text("paste ignored");

    // Pasted into the search prompt: kept to the prompt's limit, on one line.
    s.keys(&[b"/"]);
    s.send(&paste);
    // The end of what was kept shows, and that it was cut.
    s.wait_text("(paste cut to 500 characters");
    s.keys(&[ESC]);
    // Read alone before the flood below: Esc and j in one read are Alt-j.
    s.wait_for("the prompt closed", |screen| {
        !screen.contains("(paste cut to 500 characters")
    });

    // 10,000 keys in one write: moves, pages, panes and the help overlay. Single-byte keys: a
    // flood cut into reads at arbitrary points can split an escape sequence, which no terminal
    // program can tell from Esc followed by letters.
    // Three Tabs a round, 714 rounds: focus ends where it began, on the reader.
    let round = b"jjjkG g\t\tj\tk?x";
    let keys: Vec<u8> = (0..10_000).map(|i| round[i % round.len()]).collect();
    s.send(&keys);
    s.keys(&[ESC, b"g"]);
    s.wait_for("back at the top", |t| {
        t.contains("Le lendemain, un rapport")
    });
    assert_reader_intact(&s, 100, 30);
    let raw = s.raw_bytes();
    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);
    assert_eq!(
        std::fs::read_dir(home.path().join("liseuse-data"))
            .map(|d| d
                .flatten()
                .filter(|e| e.file_name() == "bookmarks.json")
                .count())
            .unwrap_or(0),
        0,
        "no bookmark was made by pasted text"
    );
    assert_terminal_kept(&raw);
}

#[test]
fn a_20_mb_line_and_a_folder_of_100_000_files_stay_responsive() {
    let home = tempfile::tempdir().unwrap();
    let big = home.path().join("long_line_20mb.txt");
    std::fs::write(&big, vec![b'x'; 20 * 1024 * 1024]).unwrap();
    let mut s = Session::start(&[big.to_str().unwrap()], 100, 30, home.path());
    s.wait_text("16 KB");
    let t = Instant::now();
    s.keys(&[b"G"]);
    s.wait_text("Bot");
    s.keys(&[b"g"]);
    s.wait_text("Top");
    s.resize(60, 20);
    s.resize(100, 30);
    s.wait_text("Top");
    assert!(
        t.elapsed() < Duration::from_secs(10),
        "slow: {:?}",
        t.elapsed()
    );
    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);

    let folder = home.path().join("many");
    std::fs::create_dir(&folder).unwrap();
    super::files::make_empty_files(&folder, 100_000);
    // Discovery alone, in-process: natural order, in reasonable time.
    let t = Instant::now();
    let found = liseuse_library::discover(std::slice::from_ref(&folder)).unwrap();
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
    assert_eq!(found.entries.len(), 100_000);
    assert_eq!(found.entries[1].name, "1.txt");
    assert_eq!(found.entries[99_999].name, "99999.txt");
    let mut s = Session::start(&[folder.to_str().unwrap()], 100, 30, home.path());
    s.wait_text("Articles 100000");
    s.keys(&[BACKTAB, b"G"]);
    s.wait_text("99999");
    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);
}
