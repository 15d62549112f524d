//! The tests of `token.rs`: words, elisions, hyphens, quotes and their flags.

use super::*;

fn words(t: &str) -> Vec<&str> {
    tokenize(t).iter().map(|k| &t[k.range()]).collect()
}

#[test]
fn splits_elisions_hyphens_and_quotes() {
    assert_eq!(
        words("l’Iran, Moyen-Orient « Hamas » al-Deif's"),
        [
            "l",
            "’",
            "Iran",
            ",",
            "Moyen-Orient",
            "«",
            "Hamas",
            "»",
            "al-Deif",
            "'",
            "s"
        ]
    );
    let t = tokenize("al-Deif CGT NeXT 2023-12 a-");
    assert!(t[0].is(INNER_CAP) && !t[0].is(CAP));
    assert!(t[1].is(UPPER));
    assert!(t[2].is(MIXED) && t[2].is(CAP));
    assert!(t[3].is(DIGIT));
    assert_eq!(words("a- b"), ["a", "-", "b"]);
}

#[test]
fn marks_sentence_starts() {
    let t = tokenize("Il dit. Le Hamas\nTéhéran : Nous");
    let s: Vec<bool> = t.iter().map(|k| k.is(SENT)).collect();
    assert_eq!(s, [true, false, false, true, false, true, false, true]);
}
