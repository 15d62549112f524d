//! Speaker faults read in dev11's errors (the eleventh held-out set, French news: `tests/fixtures/quotes/heldout11/`),
//! each written as a general case on sentences of its own: a postposed subject past a complement set between it and
//! its verb, a source named by its title and then its name, a source that is the report of someone named in a
//! relative or after « par ».

use super::QuoteKind::{Direct, Indirect};
use super::tests::{one, quotes, speaker_of};

#[test]
fn a_postposed_subject_past_a_complement_between_commas() {
    one(
        "« Le chantier a pris du retard » , a confié, à l'AFP, le porte-parole de la mairie, Julien Marchand.",
        Direct,
        "Le chantier a pris du retard",
        "Julien Marchand",
    );
    // the quotation after it, « selon lui », goes to him too
    let text = "« Le chantier a pris du retard » , a confié, à l'AFP, le porte-parole de la mairie, Julien \
                Marchand. « Ça va coûter cher » , selon lui.";
    assert_eq!(
        speaker_of(text, Direct, "Ça va coûter cher").as_deref(),
        Some("Julien Marchand")
    );
}

#[test]
fn a_postposed_subject_past_a_complement_that_would_swallow_it() {
    // « pour sa part », « de son côté »: the subject is the person named after it, not « sa part Julien Marchand »
    one(
        "« Le chantier a pris du retard » , estime pour sa part Julien Marchand.",
        Direct,
        "Le chantier a pris du retard",
        "Julien Marchand",
    );
    // a complement that names a place before the person (« à Radio Nord », the tagger reading « Nord » alone)
    one(
        "« Le chantier a pris du retard » , a raconté à France Culture Julien Marchand, adjoint au maire.",
        Direct,
        "Le chantier a pris du retard",
        "Julien Marchand",
    );
    // a person as the complement and another as the subject: the subject is the second
    one(
        "« Le chantier a pris du retard » , a répondu à Paul Durand le porte-parole de la mairie.",
        Direct,
        "Le chantier a pris du retard",
        "porte-parole",
    );
    // a name after « by » is the agent's whole name, not a subject found inside it: no report
    let text = "She holds a copy of the novel Gone for Ever critical of the church, written by Anna Price.";
    assert_eq!(quotes(text), vec![], "{text}");
}

#[test]
fn a_source_named_by_a_title_then_a_name() {
    // the title's complements coordinated: the source is the person named after them, and so is the incise after
    let text = "Pour le ministre du Travail et de l'Emploi Paul Durand, cependant, les usines « sont prêtes » . \
                « C'est une erreur de la direction » , ajoute-t-il.";
    assert_eq!(
        speaker_of(text, Indirect, "les usines « sont prêtes »").as_deref(),
        Some("Paul Durand")
    );
    assert_eq!(
        speaker_of(text, Direct, "C'est une erreur de la direction").as_deref(),
        Some("Paul Durand")
    );
    one(
        "Selon le ministre du Travail et de l'Emploi Paul Durand, les usines sont prêtes.",
        Indirect,
        "les usines sont prêtes",
        "Paul Durand",
    );
    // a title with one complement before the name
    one(
        "Pour le ministre de l'Intérieur Paul Durand, les usines sont prêtes.",
        Indirect,
        "les usines sont prêtes",
        "Paul Durand",
    );
}

#[test]
fn quotations_opening_a_clause_before_a_postposed_cue_stay_direct() {
    // once the subject past « pour sa part » is found, the clause is still two quotations, not one report
    let text = "« Tout retard dans un chantier de cette nature est très grave » , bien que, dans le cas actuel, cela \
                ne « devrait pas coûter plus cher » , estime pour sa part Julien Marchand.";
    assert_eq!(
        speaker_of(text, Direct, "devrait pas coûter plus cher").as_deref(),
        Some("Julien Marchand")
    );
    assert_eq!(
        speaker_of(
            text,
            Direct,
            "Tout retard dans un chantier de cette nature est très grave"
        )
        .as_deref(),
        Some("Julien Marchand")
    );
}

#[test]
fn a_source_that_is_what_someone_gave() {
    // the subject of a relative clause on the source's noun
    one(
        "Selon les détails que le juge a livrés au Monde, les policiers ont saisi trois ordinateurs.",
        Indirect,
        "les policiers ont saisi trois ordinateurs",
        "le juge",
    );
    // after a fronted adverbial, the source's complement before its comma
    one(
        "Au total, selon les détails que le juge a livrés au Monde, les policiers ont saisi trois ordinateurs.",
        Indirect,
        "les policiers ont saisi trois ordinateurs",
        "le juge",
    );
    // the agent of a participle after it, and the quotation it introduces
    let text = "Selon les éléments transmis par un enquêteur à Ouest-France, « les voleurs sont partis vers le nord » .";
    assert_eq!(
        speaker_of(text, Direct, "les voleurs sont partis vers le nord").as_deref(),
        Some("un enquêteur")
    );
    // a source that is no one's stays none: « selon les projections »
    let text = "Selon les projections du jour, la pluie tombera sur la ville.";
    assert_eq!(quotes(text), vec![], "{text}");
}

#[test]
fn a_passive_agent_after_the_quotation_said_it() {
    one(
        "Le maire est décrit comme « un homme discret et travailleur » par un de ses voisins.",
        Direct,
        "un homme discret et travailleur",
        "un de ses voisins",
    );
    one(
        "Les deux frères sont qualifiés de « garçons sans histoire et très polis » par leur entraîneur.",
        Direct,
        "garçons sans histoire et très polis",
        "leur entraîneur",
    );
}
