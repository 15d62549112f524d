//! End to end: a click on the reader's scrollbar, sent by the terminal as a mouse report, goes
//! to the selected person's mention marked there.

mod common;
use common::*;

#[test]
fn a_click_on_a_scrollbar_tick_jumps_there() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 120, 40, home.path());
    s.wait_text("Le lendemain, un rapport");
    s.wait_for("entities", |t| t.contains("People"));
    s.keys(&[TAB, b"/"]);
    s.send(b"khamenei");
    s.keys(&[ENTER, ENTER, BACKTAB]);
    s.wait_text("n: Ali Khamenei");
    let g = liseuse::app::geometry::Geometry::compute(120, 40, &Default::default()).unwrap();
    let col = usize::from(g.reader.x + g.reader.width - 2);
    let screen = s.wait_for("ticks", |t| {
        t.lines()
            .filter(|l| l.chars().nth(col) == Some('•'))
            .count()
            >= 5
    });
    let row = screen
        .lines()
        .enumerate()
        .filter(|(_, l)| l.chars().nth(col) == Some('•'))
        .map(|(i, _)| i)
        .last()
        .unwrap();
    // SGR mouse report: button 0 pressed at 1-based column and row.
    s.send(
        format!(
            "\x1b[<0;{};{}M\x1b[<0;{};{}m",
            col + 1,
            row + 1,
            col + 1,
            row + 1
        )
        .as_bytes(),
    );
    s.wait_for("the view moved down", |t| {
        !t.contains("Le lendemain, un rapport") && t.contains("Khamenei")
    });
    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);
}
