//! Faults read in dev8's errors (the eighth held-out set, `tests/fixtures/quotes/heldout8/`), each written as a
//! general case on sentences of its own: a source followed by a relative clause on it (« selon le ministère qui
//! l'a confirmé »), « Pour » and a body with its name as a source (« Pour le ministère de l'Intérieur, … »), a
//! participle's subject past a modal (« X devrait officialiser …, estimant que … »).

use super::QuoteKind::Indirect;
use super::tests::{one, quotes};

#[test]
fn a_relative_clause_on_a_source_ends_its_sentence() {
    one(
        "Parmi les otages figure un Français, selon le ministère de l'Intérieur qui l'a confirmé jeudi.",
        Indirect,
        "Parmi les otages figure un Français",
        "ministère",
    );
}

#[test]
fn pour_and_a_named_body_is_a_source() {
    one(
        "Le bilan s'est alourdi. Pour le ministère de l'Intérieur, cette explosion serait le fait d'un kamikaze.",
        Indirect,
        "cette explosion serait le fait d'un kamikaze",
        "ministère",
    );
    // a bare body is whom it is for, not whose opinion
    let text = "Pour l'entreprise, c'est une perte importante.";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
}

#[test]
fn a_participle_shares_the_subject_of_a_modal_before_it() {
    one(
        "François Hollande devrait officialiser sa candidature, estimant que ses promesses ont été respectées.",
        Indirect,
        "ses promesses ont été respectées",
        "Hollande",
    );
}
