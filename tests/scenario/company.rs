//! Issue "What no reader has…": who appears with whom, where a person is named in the
//! article, when across the library.

use crate::common::headless::Headless;

fn seeds() -> Headless {
    let mut s = Headless::seeds(120, 40);
    s.settle();
    s
}

#[test]
fn who_appears_with_whom_and_the_passages_naming_both() {
    let mut s = seeds();
    s.keys("w");
    assert!(
        s.status().contains("select an entity first"),
        "{}",
        s.status()
    );
    s.keys("<Tab>/khamenei<Enter><Enter>w");
    let screen = s.screen();
    assert!(screen.contains("Who appears with Ali Khamenei"), "{screen}");
    let haniyeh = screen
        .lines()
        .find(|l| l.contains("Ismail Haniyeh") && l.contains(" · "))
        .expect("Haniyeh listed");
    assert!(
        haniyeh.contains("5 · 1"),
        "5 passages in 1 article: {haniyeh}"
    );
    for heading in ["People", "Organisations", "Places"] {
        assert!(screen.contains(heading), "grouped by type: {screen}");
    }
    s.keys("<Enter>");
    assert!(
        s.screen()
            .contains("Ali Khamenei & Ismail Haniyeh · 5 passages"),
        "{}",
        s.screen()
    );
    s.keys("<Enter>");
    assert!(s.app().overlay.is_none());
    assert!(s.status().contains("passage 1/5"), "{}", s.status());
    let first = s.cursor();
    s.keys("n");
    assert!(s.status().contains("passage 2/5"), "{}", s.status());
    assert_ne!(s.cursor(), first, "n went to the next shared passage");
    s.keys("N");
    assert!(s.status().contains("passage 1/5"), "{}", s.status());
    // Esc forgets the walk; n follows searches again.
    s.keys("<Esc>/reuters<Enter>n");
    assert!(s.status().contains("n: /reuters 2/"), "{}", s.status());
}
