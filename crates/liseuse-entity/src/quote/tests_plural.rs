//! Plural referents and what a pronoun may stand for, written as general cases (the faults were first seen in
//! dev7, never in a test set): « ils », « eux », « ces derniers » the last group or body named as a subject;
//! a pronoun only someone named before it, not its own sentence's subject after it (« Selon lui, Paul Martin a
//! menti » is not Martin's) nor a name later in its sentence (« Il a crié « … » et réclamé la libération de X »);
//! « scander » a speech verb (« « Libérez nos camarades » scandent des manifestants »).

use super::QuoteKind::{Direct, Indirect};
use super::tests::{one, quotes};

#[test]
fn a_pronoun_is_not_its_own_sentence_s_subject_after_it() {
    one(
        "Jean Dupont était à Lyon mardi. Selon lui, Paul Martin a menti aux électeurs.",
        Indirect,
        "Paul Martin a menti aux électeurs",
        "Dupont",
    );
    one(
        "Les syndicats ont rencontré Paul Martin mardi. Selon eux, le gouvernement ne les écoute pas.",
        Indirect,
        "le gouvernement ne les écoute pas",
        "syndicats",
    );
}

#[test]
fn a_pronoun_is_no_one_named_after_it_in_its_sentence() {
    let text = "L'agresseur s'est rendu au supermarché. Il aurait crié « Je vous tuerai tous » et réclamé la \
                libération de Salah Abdeslam.";
    let got = quotes(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].0, got[0].1.as_str()),
        (Direct, "Je vous tuerai tous")
    );
    assert!(
        !got[0].2.as_deref().is_some_and(|s| s.contains("Abdeslam")),
        "{got:?}"
    );
}

#[test]
fn ces_derniers_is_the_last_group_named_as_a_subject() {
    one(
        "Les syndicats ont rencontré le ministre mardi. Ces derniers ont affirmé que la grève continuerait.",
        Indirect,
        "la grève continuerait",
        "syndicats",
    );
}

#[test]
fn scander_is_a_speech_verb() {
    one(
        "Un bus de police passe place de la Madeleine. « Libérez nos camarades » scandent une poignée de manifestants.",
        Direct,
        "Libérez nos camarades",
        "manifestants",
    );
}
