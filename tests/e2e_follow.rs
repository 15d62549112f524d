//! End to end: follow one person through both bundled articles with Enter and n.

mod common;
use common::*;

#[test]
fn follow_abdollahian_through_both_articles_until_the_counter_wraps() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 120, 40, home.path());
    s.wait_text("Le lendemain, un rapport");
    s.wait_for("entities", |t| t.contains("People"));
    // To the sidebar, filter to the person, select him.
    s.keys(&[TAB, b"/"]);
    s.send(b"abdollahian");
    s.keys(&[ENTER, ENTER]);
    s.wait_text("Hossein Amir Abdollahian · 6 mentions in 2 articles");

    let mut seen = Vec::new();
    let mut spellings = std::collections::BTreeSet::new();
    for k in 1..=7 {
        s.keys(&[b"n"]);
        let want = if k == 7 { 1 } else { k };
        let screen = s.wait_for(&format!("mention {want}/6"), |t| {
            t.lines()
                .last()
                .is_some_and(|l| l.contains(&format!("mention {want}/6 ")))
        });
        let status = screen.lines().last().unwrap().to_string();
        let article = if status.contains("article 1/2") { 1 } else { 2 };
        // The reader shows the mention under either spelling, in the article the counter says.
        let reader_text: String = screen
            .lines()
            .map(|l| {
                l.split('┃')
                    .nth(1)
                    .or_else(|| l.split('│').nth(3))
                    .unwrap_or("")
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            reader_text.contains("Abdollahian") || reader_text.contains("Abdullahian"),
            "mention {want} not on screen:\n{screen}"
        );
        // The cursor is on the mention's line (the name may wrap onto the next one).
        let lines: Vec<&str> = reader_text.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with('▌'))
            .expect("cursor line");
        let near = lines[at..(at + 2).min(lines.len())].join(" ");
        for spelling in ["Abdollahian", "Abdullahian"] {
            if near.contains(spelling) {
                spellings.insert(spelling);
            }
        }
        assert!(
            near.contains("Abd") || near.contains("Hossein"),
            "cursor not on the mention:\n{screen}"
        );
        let title_marker = if article == 1 { "1/2" } else { "2/2" };
        assert!(screen.contains(title_marker), "{screen}");
        seen.push((want, article));
    }
    // Both articles were visited, in order, and the counter wrapped to the first mention.
    assert!(
        seen.iter().any(|&(_, a)| a == 1) && seen.iter().any(|&(_, a)| a == 2),
        "{seen:?}"
    );
    assert_eq!(seen.last(), Some(&(1, 1)));
    assert_eq!(spellings.len(), 2, "both spellings followed: {spellings:?}");
    s.keys(&[b"q"]);
    assert_eq!(s.wait_exit(), 0);
}
