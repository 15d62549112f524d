//! Speaker faults read in dev10's errors (the tenth held-out set, real news pages: `tests/fixtures/quotes/heldout10/`),
//! each written as a general case on sentences of its own: a phrase of the predicate read as the subject (the
//! cue word the object noun of another verb, an adverb or a time between the subject and its verb), a body's name
//! cut to the place it is named after.

use super::QuoteKind::{Direct, Indirect};
use super::tests::{one, quotes, speaker_of};

#[test]
fn a_cue_noun_object_of_another_verb_is_said_by_that_verbs_subject() {
    one(
        "Yesterday Minister Jane Walsh made a bold claim on the radio that the council had no plan for winter.",
        Indirect,
        "the council had no plan for winter",
        "Jane Walsh",
    );
    // the quotation after it goes to her too, not to "a bold"
    let text = "Yesterday Minister Jane Walsh made a bold claim on the radio that the council had no plan for \
                winter. She said: \"We asked them what we would do.\"";
    assert_eq!(
        speaker_of(text, Direct, "We asked them what we would do.").as_deref(),
        Some("Jane Walsh")
    );
    // a verb of its own after a subject with a determiner is still the verb
    one(
        "The council claims that the roads are safe.",
        Indirect,
        "the roads are safe",
        "council",
    );
}

#[test]
fn an_adverb_or_a_time_between_subject_and_verb_is_not_the_subject() {
    one(
        "Mark Brennan spoke at the hearing. He proudly told the court that his son had passed the exam.",
        Indirect,
        "his son had passed the exam",
        "Mark Brennan",
    );
    one(
        "City health officials this week said that the cases had doubled in a month.",
        Indirect,
        "the cases had doubled in a month",
        "health officials",
    );
}

#[test]
fn a_body_named_after_a_place_keeps_its_whole_name() {
    // (its name inside the quotation is what makes the tagger name the place alone)
    let text = "12:05 John Kelly\n\nBallyduff Leisure Centre - closed until further notice after tonight\n\n\"It is \
                with a heavy heart we bring the news that we are closing our doors here at Ballyduff Leisure \
                Centre.\n\n\"We thank every member for the \
                support.\"";
    assert_eq!(
        speaker_of(text, Direct, "We thank every member for the support.").as_deref(),
        Some("Ballyduff Leisure Centre")
    );
}

#[test]
fn a_demonstrative_opening_the_sentence_says_nothing() {
    let got = quotes("That said the council has argued that fees will rise next year.");
    assert!(
        got.len() == 1 && got[0].1 == "fees will rise next year",
        "{got:?}"
    );
    let got = quotes("Cela dit, le maire a assuré que les travaux finiraient en mai.");
    assert!(
        got.len() == 1 && got[0].1 == "les travaux finiraient en mai",
        "{got:?}"
    );
}
