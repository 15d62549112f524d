//! Pronouns and the subjects they stand for, written as general cases (not read from any set's errors): the
//! subject of the sentence before past a fronted clause (« Après avoir rencontré X, Y est rentré. Il … » is Y);
//! « celui-ci », « celle-ci » the latter, not the subject; "it" a body, never a person; an English verb in the
//! past that no list knows ends the subject phrase before it ("Police arrested X. They said …" is the police); a
//! relative clause after a person left without its closing comma (« X, qui dirige le syndicat … a affirmé »); a
//! fronted participle before the subject of a clause that ends on a colon (« Interrogée par …, X reste prudente : »);
//! a gendered pronoun whose known-gender candidates all misfit takes the last person whose gender is unknown.

use super::tests::one;
use QuoteKind::Indirect;

use super::QuoteKind;

#[test]
fn the_subject_before_is_read_past_a_fronted_clause() {
    one(
        "Après avoir rencontré Paul Martin, Jean Dupont est rentré à Paris. Il a déclaré que la réforme serait votée.",
        Indirect,
        "la réforme serait votée",
        "Dupont",
    );
}

#[test]
fn celui_ci_is_the_latter() {
    one(
        "La ministre Marie Dupont a reçu Paul Martin. Celui-ci a déclaré que la réforme était injuste.",
        Indirect,
        "la réforme était injuste",
        "Martin",
    );
    one(
        "Paul Martin a reçu la ministre Marie Dupont et son adjoint. Celle-ci a déclaré que la réforme était injuste.",
        Indirect,
        "la réforme était injuste",
        "Marie Dupont",
    );
}

#[test]
fn it_is_a_body() {
    one(
        "Microsoft released a new browser on Tuesday. It said that the browser was faster than the old one.",
        Indirect,
        "the browser was faster than the old one",
        "Microsoft",
    );
}

#[test]
fn an_unlisted_past_tense_verb_ends_the_subject() {
    one(
        "Police arrested John Smith on Tuesday. They said that he had stolen a car.",
        Indirect,
        "he had stolen a car",
        "Police",
    );
}

#[test]
fn a_relative_clause_left_open_before_the_verb_is_no_subject() {
    one(
        "John Smith, who heads the union representing thousands of workers at the plant said the strike would continue.",
        Indirect,
        "the strike would continue",
        "Smith",
    );
    one(
        "Jean Dupont, qui dirige le syndicat représentant des milliers d'ouvriers de l'usine a affirmé que la grève continuerait.",
        Indirect,
        "la grève continuerait",
        "Dupont",
    );
}

#[test]
fn a_fronted_participle_is_passed_before_a_colon_s_subject() {
    one(
        "Interrogée par Le Monde, Marie Dupont reste prudente : « Rien n'est encore décidé à ce stade des négociations. »",
        QuoteKind::Direct,
        "Rien n'est encore décidé à ce stade des négociations.",
        "Dupont",
    );
}

#[test]
fn a_pronoun_s_gender_rules_out_the_others_not_the_unknown() {
    one(
        "Xylia Brontar, 45 ans, a été élue maire. Paul Martin l'a félicitée. Elle a déclaré que la ville allait changer.",
        Indirect,
        "la ville allait changer",
        "Brontar",
    );
}
