//! Detection faults read in dev9's errors (the ninth held-out set, real news pages: `tests/fixtures/quotes/heldout9/`),
//! each written as a general case on sentences of its own: sources the stage missed (« selon X » with no comma or
//! before a colon quotation, an agent noun, a work with its authors' possessive), cue words read in a sense that
//! reports nothing (a noun after a preposition, an object and what it is about, an object with no clause), the
//! bounds of a reported clause (a time's colon, a relative's "that", « and according to »), "some" / "others" as
//! a cue's subject, and a colon whose statement has a cue of its own.

use super::QuoteKind::{Direct, Indirect};
use super::tests::{one, quotes};

#[test]
fn a_source_before_a_colon_quotation_reports_the_clause_before_it() {
    let text =
        "Les plantes sont utiles, selon le pharmacien Jean Dupont : « elles soignent tout. »";
    let got = quotes(text);
    assert!(
        got.iter()
            .any(|q| q.0 == Indirect && q.1 == "Les plantes sont utiles"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|q| q.0 == Direct && q.1 == "elles soignent tout."),
        "{got:?}"
    );
}

#[test]
fn an_agent_noun_is_a_source() {
    one(
        "According to the owner, the store will close next week.",
        Indirect,
        "the store will close next week",
        "owner",
    );
    one(
        "Les fruits rouges peuvent aussi être des remèdes selon le naturopathe.",
        Indirect,
        "Les fruits rouges peuvent aussi être des remèdes",
        "naturopathe",
    );
}

#[test]
fn a_work_with_its_authors_possessive_opening_a_sentence_is_a_source() {
    let text = "Selon leur étude, les prix ont doublé en un an.";
    let got = quotes(text);
    assert!(
        got.len() == 1 && got[0].0 == Indirect && got[0].1 == "les prix ont doublé en un an",
        "{got:?}"
    );
    // inside a sentence, a criterion
    let text = "Les enfants sont classés selon leur âge.";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
}

#[test]
fn pour_and_the_authors_is_a_source() {
    one(
        "Cependant, pour les auteurs, le gouvernement n'est pas le seul responsable.",
        Indirect,
        "le gouvernement n'est pas le seul responsable",
        "auteurs",
    );
}

#[test]
fn a_quantifier_may_be_a_cues_subject() {
    let text = "Parents were divided. Some wrote that children should not be filmed.";
    let got = quotes(text);
    assert!(
        got.iter()
            .any(|q| q.0 == Indirect && q.1 == "children should not be filmed"),
        "{got:?}"
    );
    let text =
        "The plan was opposed. Others said they simply did not want new roads in their town.";
    let got = quotes(text);
    assert!(
        got.iter()
            .any(|q| q.0 == Indirect && q.1 == "they simply did not want new roads in their town"),
        "{got:?}"
    );
    let text = "Le projet divise. D'autres disent que les enfants ne doivent pas être filmés.";
    let got = quotes(text);
    assert!(
        got.iter()
            .any(|q| q.0 == Indirect && q.1 == "les enfants ne doivent pas être filmés"),
        "{got:?}"
    );
}

#[test]
fn the_colon_of_a_time_ends_no_clause() {
    one(
        "His brother John Smith said that he had left home around 20:00hrs on Friday to go fishing with his dog.",
        Indirect,
        "he had left home around 20:00hrs on Friday to go fishing with his dog",
        "Smith",
    );
}

#[test]
fn a_source_coordinated_after_a_report_ends_it() {
    let text = "Neighbours said that he knew the two men and according to the police, the men were friends.";
    let got = quotes(text);
    assert!(
        got.iter()
            .any(|q| q.0 == Indirect && q.1 == "he knew the two men"),
        "{got:?}"
    );
}

#[test]
fn a_relatives_that_after_a_subject_pronoun_is_inside_the_clause() {
    one(
        "John Smith, a student, says he supports cameras that exclude facial recognition.",
        Indirect,
        "he supports cameras that exclude facial recognition",
        "Smith",
    );
}

#[test]
fn a_cue_inside_a_relative_clause_does_not_report_the_words_before_it() {
    let text =
        "Smith tried to call the man through the window, which, he said, scared the man off.";
    let got = quotes(text);
    assert!(
        !got.iter()
            .any(|q| q.1.starts_with("Smith tried to call the man")),
        "{got:?}"
    );
}

#[test]
fn an_object_with_no_clause_reports_nothing() {
    // what follows the object is past a comma and a conjunction: no clause of the verb's
    let text = "She declared victory on Friday, though the election is not final until the ballots are counted.";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
    // the person told, and what it was about
    let text = "The two men had informed police of what had allegedly happened.";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
}

#[test]
fn a_colon_statement_with_a_cue_of_its_own_is_that_cues_report() {
    one(
        "Read this fact: There are now 500 cameras in the city schools, said Mayor John Smith, and the city signed a deal this week.",
        Indirect,
        "There are now 500 cameras in the city schools",
        "Smith",
    );
}

#[test]
fn a_noun_after_per_is_no_cue() {
    let text = "The firms are liable as per state law that covers all sellers.";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
}

#[test]
fn but_and_a_verb_with_no_subject_go_on_with_the_report() {
    let text = "The mayor said a woman came in saying she was lost, but instead, stole a bag.";
    let got = quotes(text);
    assert!(
        got.iter().any(|q| q.0 == Indirect
            && q.1 == "a woman came in saying she was lost, but instead, stole a bag"),
        "{got:?}"
    );
}

#[test]
fn a_postposed_cue_after_a_short_quotation_reports_its_whole_clause() {
    let text = "But technology should be an \"absolute last resort,\" he told reporters.";
    let got = quotes(text);
    assert!(
        got.iter()
            .any(|q| q.0 == Indirect && q.1.starts_with("technology should be an")),
        "{got:?}"
    );
    // a quotation that is all of its clause stays a direct one
    let text = "\"We will win the whole election in the end,\" the mayor said on Monday.";
    let got = quotes(text);
    assert!(got.len() == 1 && got[0].0 == Direct, "{got:?}");
}

#[test]
fn an_incise_closed_by_a_full_stop_splits_its_quotation() {
    let got = quotes("« Je suis partie tôt, écrit-elle. Ces souvenirs me reviennent souvent. »");
    let words: Vec<&str> = got.iter().map(|q| q.1.as_str()).collect();
    assert_eq!(
        words,
        ["Je suis partie tôt", "Ces souvenirs me reviennent souvent."],
        "{got:?}"
    );
}

#[test]
fn a_name_given_or_an_article_referred_to_is_no_quotation() {
    let text =
        "The software the city bought is proudly branded \"smart crowd analytics.\" It is popular.";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
    let text =
        "L'auteur mêle les destins et l'histoire du pays (lire « Un romancier hors du commun »).";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
}

#[test]
fn but_and_a_verb_with_no_subject_do_not_go_on_with_a_participles_report() {
    let text = "The mayor said a woman came in saying she was lost, but instead, stole a bag.";
    let got = quotes(text);
    assert!(
        got.iter().any(|q| q.0 == Indirect && q.1 == "she was lost"),
        "{got:?}"
    );
}
