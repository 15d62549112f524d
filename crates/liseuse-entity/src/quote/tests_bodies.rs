//! Bodies and terms, faults read in the tuned sets' errors (dev7, dev8), each written as a general case on
//! sentences of its own: a body's name holding « et » or a complement the tagger cut (« la Direction des examens
//! et concours », « le Haut Commissaire … aux droits de l'homme »), « ils » for someone speaking for a body (« un
//! porte-parole du ministère …, ont-ils ajouté »), « « … », a-t-il ajouté » read as « il »'s sentence, a fronted
//! clause longer than a few words (« Après avoir dirigé …, X a pris sa retraite »), the verbs written before
//! an irregular one on its lexicon line (« qualifier » in « a qualifié X de « … » », « se plaindre »), a
//! description cut inside a participle's phrase (« les secours dépêchés [sur les lieux] ») (dev2, dev3), a
//! relative's antecedent before an age (« un homme de 26 ans qui aurait déclaré »).

use super::QuoteKind::{Direct, Indirect};
use super::tests::{one, quotes};

#[test]
fn a_body_s_name_holding_et_is_one_speaker() {
    one(
        "La Direction des examens et concours a déclaré que les candidats n'ont pas été rachetés.",
        Indirect,
        "les candidats n'ont pas été rachetés",
        "Direction des examens",
    );
    // its words without a speech verb: the subject of the clause they stand in
    one(
        "La Direction des examens et concours avait alors donné la même explication à cette baisse, « cette \
         année on n'a pas du tout racheté les candidats ».",
        Direct,
        "cette année on n'a pas du tout racheté les candidats",
        "Direction des examens",
    );
    // two bodies are not one
    let got = quotes("Le Hamas et ses alliés ont affirmé que la trêve était rompue.");
    assert!(
        got.iter()
            .all(|q| q.2.as_deref() != Some("Hamas et ses alliés")),
        "{got:?}"
    );
}

#[test]
fn a_body_s_name_cut_before_its_complement_is_given_in_full() {
    let got = quotes(
        "Le Haut Commissaire des Nations Unies aux droits de l'homme a déclaré que les évènements sont un \
         exemple type de nettoyage ethnique.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].2.as_deref(),
        Some("Haut Commissaire des Nations Unies aux droits de l'homme")
    );
}

#[test]
fn ils_may_stand_for_someone_speaking_for_a_body() {
    one(
        "Un porte-parole du ministère des Affaires étrangères a confirmé la présence d'un ressortissant. « Nous \
         n'avons aucune information sur les auteurs », ont-ils ajouté.",
        Direct,
        "Nous n'avons aucune information sur les auteurs",
        "porte-parole",
    );
}

#[test]
fn a_sentence_of_a_quotation_and_an_inverted_pronoun_is_the_pronoun_s() {
    // « « … », a-t-il ajouté » is « il »'s sentence, not one with no subject hiding the one before
    one(
        "Un porte-parole du ministère a confirmé la présence d'un ressortissant. « Nous n'avons aucune \
         information sur les auteurs », a-t-il ajouté.",
        Direct,
        "Nous n'avons aucune information sur les auteurs",
        "porte-parole",
    );
}

#[test]
fn a_long_fronted_clause_does_not_hide_the_subject() {
    // not the first person the sentence names (in the fronted clause)
    one(
        "Après avoir notamment dirigé le groupe d'entraînement des astronautes au centre spatial Johnson, Alan \
         Bean a pris sa retraite en 1981. Il a déclaré que la peinture était devenue sa passion.",
        Indirect,
        "la peinture était devenue sa passion",
        "Bean",
    );
    // nor, through the pronoun of the sentence after, the one a quotation's « a-t-il » stands for
    one(
        "Après avoir notamment dirigé le groupe d'entraînement des astronautes au centre spatial Johnson, Alan \
         Bean a pris sa retraite en 1981. Il consacre alors sa vie à la peinture. « Tout artiste a la Terre ou \
         son imagination pour inspirer ses peintures », a-t-il expliqué en 1994.",
        Direct,
        "Tout artiste a la Terre ou son imagination pour inspirer ses peintures",
        "Bean",
    );
}

#[test]
fn qualifier_x_de_is_the_subject_s_words() {
    one(
        "Hope Solo a qualifié ses adversaires de « bande de lâches ».",
        Direct,
        "bande de lâches",
        "Hope Solo",
    );
    one(
        "Le maire s'est plaint que les travaux ont pris du retard.",
        Indirect,
        "les travaux ont pris du retard",
        "maire",
    );
}

#[test]
fn a_description_cut_inside_a_participle_s_phrase_ends_before_it() {
    let said = |text: &str| quotes(text).first().and_then(|q| q.2.clone());
    assert_eq!(
        said("D'après les secours dépêchés sur les lieux du drame, il n'y aurait aucun survivant.")
            .as_deref(),
        Some("les secours")
    );
    // a participle that ends the phrase is part of it
    assert_eq!(
        said("Les policiers blessés ont déclaré que la foule était violente.").as_deref(),
        Some("Les policiers blessés")
    );
}

#[test]
fn an_age_after_a_relative_s_antecedent_is_passed() {
    // « qui » stands for the one aged, and « il » after it for the same (dev7)
    one(
        "L'assaillant a été tué par le GIGN. Il s'agit d'un homme marocain de 26 ans qui aurait déclaré agir au \
         nom de Daesh.",
        Indirect,
        "agir au nom de Daesh",
        "homme marocain",
    );
}
