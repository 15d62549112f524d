//! The tests of `sequence.rs`: a text's headline, the tokens scored, what the document says of a word.

use super::*;

#[test]
fn a_short_first_line_is_a_headline_a_long_one_a_paragraph() {
    let body = "Le ministre a parlé hier soir devant les députés de la majorité. ".repeat(6);
    let short = Sequence::new("Grève à Paris\nLe ministre a parlé.");
    assert_eq!((position(&short, 0), position(&short, 3)), (2 + 3, 2));
    let text = format!("{body}\nLe ministre a parlé.");
    let long = Sequence::new(&text);
    assert_eq!(position(&long, 0), 2);
    assert_eq!(long.body, 0);
    assert_eq!(Sequence::new("Grève à Paris").body, 0);
}

#[test]
fn only_tokens_near_a_capitalised_word_are_scored() {
    let text = "il a dit que le temps était beau et que la pluie viendrait plus tard dans la \
                semaine selon Météo France hier";
    let seq = Sequence::new(text);
    let scored: Vec<&str> = (0..seq.toks.len())
        .filter(|&i| seq.scored[i])
        .map(|i| seq.word(i))
        .collect();
    assert_eq!(
        scored,
        ["la", "semaine", "selon", "Météo", "France", "hier"]
    );
    assert!(!seq.scored[0]);
}

#[test]
fn the_document_says_what_a_word_is() {
    let seq = Sequence::new("Selon lui, Paris est loin.\nIl parle selon Paris et Marine Le Pen.");
    let doc = |w: &str| {
        let i = (0..seq.toks.len()).find(|&i| seq.word(i) == w).unwrap();
        seq.info(i).map(|x| x.doc).unwrap_or(0)
    };
    assert!(doc("Selon") & DOC_LOWER != 0);
    assert!(doc("Paris") & DOC_MID_CAP != 0);
    assert!(doc("Marine") & DOC_IN_NAME != 0);
    assert!(doc("Paris") & DOC_LOWER == 0);
}
