//! French speaker faults read in the dev sets' errors (WiNER's dev halves and dev9's French pages), each written as
//! a general case on sentences of its own: an incise of adverbs and a pronoun between the subject and its verb, « ce
//! dernier » before a negation, a present participle fronting the clause before a colon, a speech verb's form that
//! is an adjective after another verb's object.

use super::QuoteKind::{Direct, Indirect};
use super::tests::{one, speaker_of};

#[test]
fn an_incise_of_adverbs_and_a_pronoun_is_no_subject() {
    one(
        "Le maire a présenté son budget mardi. Marie Dubois, quant à elle, affirme que « ce budget ne tient pas ».",
        Direct,
        "ce budget ne tient pas",
        "Marie Dubois",
    );
    one(
        "Le conseil a voté le plan. Jean Lefort, lui aussi, a déclaré que la ville manquait de moyens.",
        Indirect,
        "la ville manquait de moyens",
        "Jean Lefort",
    );
    // a fronted phrase of adverbs still ends the chain: the subject is the name after it
    one(
        "Le conseil a voté le plan. Quant à lui, Jean Lefort a déclaré que la ville manquait de moyens.",
        Indirect,
        "la ville manquait de moyens",
        "Jean Lefort",
    );
}

#[test]
fn ce_dernier_before_a_negation_is_the_latter() {
    let text = "Paul Martin a présenté son budget. « Nous irons loin », a-t-il dit. Le local appartenait à un \
                voisin, Marc Petit. Ce dernier n'était pas au courant : « je ne savais rien de tout cela », \
                déclare-t-il.";
    assert_eq!(
        speaker_of(text, Direct, "je ne savais rien de tout cela").as_deref(),
        Some("Marc Petit")
    );
}

#[test]
fn a_participle_after_an_inverted_cue_does_not_make_it_go_on() {
    // « ajoutant » after the comma is the new speaker's next words, not « a-t-il ajouté »
    let text = "Paul Martin a présenté son budget. « Nous irons loin », a-t-il dit. Le local appartenait à un \
                voisin, Marc Petit. Ce dernier n'était pas au courant : « je ne savais rien de tout cela », \
                déclare-t-il, ajoutant qu'« il ne parlait jamais de ses projets ».";
    assert_eq!(
        speaker_of(text, Direct, "je ne savais rien de tout cela").as_deref(),
        Some("Marc Petit")
    );
}

#[test]
fn a_present_participle_fronting_the_clause_is_no_subject() {
    one(
        "Paul Martin a parlé hier. Concernant le budget, Marie Dubois reste prudente : « il faudra attendre ».",
        Direct,
        "il faudra attendre",
        "Marie Dubois",
    );
}

#[test]
fn a_speech_verb_after_another_verbs_object_is_an_adjective() {
    one(
        "Paul Martin a quitté la mairie en mars. Dix ans plus tard, il jette — avec une certaine amertume — un \
         regard critique sur son mandat : « Nous avons trop promis ».",
        Direct,
        "Nous avons trop promis",
        "Paul Martin",
    );
    one(
        "Sophie Lenoir a quitté le groupe. Elle porte un jugement critique sur ses anciens amis : « Ils ont \
         tout oublié ».",
        Direct,
        "Ils ont tout oublié",
        "Sophie Lenoir",
    );
    // a noun phrase that is the subject keeps its verb
    one(
        "Le syndicat critique le projet : « Il coûte trop cher ».",
        Direct,
        "Il coûte trop cher",
        "syndicat",
    );
}
