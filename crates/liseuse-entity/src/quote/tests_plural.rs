//! Plural referents and what a pronoun may stand for, written as general cases (faults seen in
//! dev7 or left by the sixth set's work, never in a test set): « ils », « eux », « ces derniers » the last group or body named as a subject;
//! a pronoun only someone named before it, not its own sentence's subject after it (« Selon lui, Paul Martin a
//! menti » is not Martin's) nor a name later in its sentence (« Il a crié « … » et réclamé la libération de X »);
//! « scander » a speech verb (« « Libérez nos camarades » scandent des manifestants »); "they" after a group
//! whose verb no list knows ("The unions met …", "Residents of the town gathered …": the phrase ends before it).

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

/// The one quotation of `text` is `words`, said by `who` exactly (not a phrase that runs on past it).
fn said_by(text: &str, words: &str, who: &str) {
    let got = quotes(text);
    assert_eq!(got.len(), 1, "{text}: {got:?}");
    assert_eq!(got[0].1, words, "{text}");
    assert_eq!(got[0].2.as_deref(), Some(who), "{text}");
}

#[test]
fn they_is_the_group_whose_verb_no_list_knows() {
    said_by(
        "The unions met the minister on Tuesday. They said that the strike would go on.",
        "the strike would go on",
        "The unions",
    );
    said_by(
        "Residents of the town gathered outside the court. They said that the verdict was unfair.",
        "the verdict was unfair",
        "Residents of the town",
    );
    said_by(
        "The newly elected mayor said that the town would change.",
        "the town would change",
        "The newly elected mayor",
    );
}
