//! Cues read in general: a postposed cue followed by its complements (« a martelé X devant la presse », "X told
//! the BBC on Monday"), a subject in apposition ("the mayor of Boston, John Smith, said"), a French postposed cue
//! with no comma, a source with its complements or a second source after it; a semicolon typed for a colon
//! between a speech verb and its quotation, « parler » a verb that introduces one (seen in dev7); on sentences
//! written for these tests.

use super::tests::{one, quotes};
use QuoteKind::{Direct, Indirect};

use super::QuoteKind;

#[test]
fn postposed_cue_with_complements_after_its_subject() {
    one(
        "Marie Durand dirige le syndicat. « Nous ne céderons pas », a martelé Marie Durand devant la presse.",
        Direct,
        "Nous ne céderons pas",
        "Durand",
    );
    one(
        "Le syndicat est en colère. La réforme sera votée en juin, a indiqué mardi le ministère de l'Intérieur dans un communiqué.",
        Indirect,
        "La réforme sera votée en juin",
        "ministère de l'Intérieur",
    );
    one(
        "John Smith leads the union. The reform will pass in June, Angela Merkel said in a statement on Monday.",
        Indirect,
        "The reform will pass in June",
        "Merkel",
    );
    one(
        "John Smith leads the union. The reform will pass in June, Angela Merkel told the BBC on Monday.",
        Indirect,
        "The reform will pass in June",
        "Merkel",
    );
}

#[test]
fn told_with_an_object_and_no_clause_reports_nothing() {
    // "told the BBC on Monday": whom it was told, not what
    let got = quotes(
        "The union is angry. \"The reform will pass in June,\" Angela Merkel told the BBC on Monday.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, Direct);
}

#[test]
fn subject_in_apposition_between_quotation_and_verb() {
    one(
        "The union is angry. \"The reform will pass in June,\" the mayor of Boston, John Smith, said.",
        Direct,
        "The reform will pass in June,",
        "John Smith",
    );
    one(
        "The union is angry. \"The reform will pass in June,\" John Smith, 45, said.",
        Direct,
        "The reform will pass in June,",
        "John Smith",
    );
}

#[test]
fn french_postposed_cue_without_comma() {
    one(
        "L'avion s'est écrasé. La piste terroriste aurait été écartée a fait savoir la police russe.",
        Indirect,
        "La piste terroriste aurait été écartée",
        "police",
    );
    // a subject before the verb is no postposed cue
    assert!(quotes("Le ministre de l'Intérieur précise la procédure.").is_empty());
}

#[test]
fn source_with_complements_or_a_second_source() {
    one(
        "Marie Durand dirige le syndicat. La réforme sera votée en juin, selon ce qu'a confié Marie Durand au Monde.",
        Indirect,
        "La réforme sera votée en juin",
        "Durand",
    );
    one(
        "La ville est assiégée. Des milliers de personnes attendent toujours de pouvoir quitter Alep selon le Comité international de la Croix-Rouge et un responsable rebelle.",
        Indirect,
        "Des milliers de personnes attendent toujours de pouvoir quitter Alep",
        "Croix-Rouge",
    );
    // a semicolon ends the clause a postposed source reports
    one(
        "Ils sont accusés de vol ; ils ont ensuite été placés en détention provisoire, selon ce qu'a confié Marie Durand à l'Agence France-Presse.",
        Indirect,
        "ils ont ensuite été placés en détention provisoire",
        "Durand",
    );
}

#[test]
fn verb_group_over_any_adverbial() {
    for text in [
        "Jean Dupont a, mardi, déclaré que la réforme serait votée en juin.",
        "Jean Dupont a une nouvelle fois affirmé que la réforme serait votée en juin.",
        "Jean Dupont a de nouveau déclaré que la réforme serait votée en juin.",
        "Jean Dupont a très clairement indiqué que la réforme serait votée en juin.",
        "Jean Dupont a dans la foulée annoncé que la réforme serait votée en juin.",
        "Jean Dupont a par ailleurs assuré que la réforme serait votée en juin.",
    ] {
        one(text, Indirect, "la réforme serait votée en juin", "Dupont");
    }
    // an object between the auxiliary and a participle: an adjective, no cue
    assert!(quotes("Il a une position affirmée sur la question depuis des années.").is_empty());
}

#[test]
fn english_subject_over_an_adverbial() {
    one(
        "The strike goes on. John Smith on Tuesday said that the reform would pass in June.",
        Indirect,
        "the reform would pass in June",
        "John Smith",
    );
    one(
        "The strike goes on. The reform would pass in June, John Smith later told reporters.",
        Indirect,
        "The reform would pass in June",
        "John Smith",
    );
    assert!(quotes("The strike goes on. John Smith told the court on Monday.").is_empty());
}

#[test]
fn any_english_speech_verb_inverts_before_a_named_subject() {
    for v in [
        "replied",
        "countered",
        "tweeted",
        "stressed",
        "conceded",
        "remarked",
    ] {
        one(
            &format!(
                "John Smith leads the union. \"We will never give up on this point,\" {v} John Smith."
            ),
            Direct,
            "We will never give up on this point,",
            "John Smith",
        );
    }
    // not before a phrase that names no one
    assert!(
        quotes("The storm hit the coast. The flooding lasted three days, claimed the lives of 20 people.")
            .is_empty()
    );
}

#[test]
fn french_speech_verbs_of_the_press() {
    for v in ["a fustigé", "a taclé", "martèle", "a réaffirmé"] {
        one(
            &format!(
                "Marie Durand dirige le syndicat. « Nous ne céderons jamais sur ce point », {v} Marie Durand."
            ),
            Direct,
            "Nous ne céderons jamais sur ce point",
            "Durand",
        );
    }
}

#[test]
fn english_clause_without_that_with_an_irregular_past() {
    one(
        "The case is closed. John Smith stated Angela Merkel left the company in Berlin on September 24.",
        Indirect,
        "Angela Merkel left the company in Berlin on September 24",
        "John Smith",
    );
}

#[test]
fn a_role_in_apposition_before_a_name_is_that_person_s() {
    one(
        "Le ministre de l'Intérieur, Jean Dupont, s'est rendu à Lyon. « La réforme sera votée en juin », a déclaré le ministre.",
        Direct,
        "La réforme sera votée en juin",
        "Jean Dupont",
    );
    // a role that is someone else's: the object of a clause before the name
    let got = quotes(
        "Après avoir rencontré le ministre, Jean Dupont est parti. « La réforme sera votée en juin », a déclaré le ministre.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        !got[0].2.as_deref().unwrap_or("").contains("Dupont"),
        "{got:?}"
    );
}

#[test]
fn english_clause_after_a_time_adverbial() {
    one(
        "The strike goes on. John Smith said on Tuesday the reform would pass in June.",
        Indirect,
        "the reform would pass in June",
        "John Smith",
    );
}

#[test]
fn a_postposed_cue_over_its_verb_group() {
    for v in [
        "fait valoir",
        "a, mardi, déclaré",
        "a une nouvelle fois déclaré",
    ] {
        one(
            &format!(
                "Jean Dupont dirige le syndicat. « La réforme est une erreur historique », {v} Jean Dupont."
            ),
            Direct,
            "La réforme est une erreur historique",
            "Dupont",
        );
    }
}

#[test]
fn a_person_s_opinion_between_subject_and_verb() {
    one(
        "Jean Dupont dirige le syndicat. La réforme, pour Jean Dupont, est une erreur historique.",
        Indirect,
        "La réforme, pour Jean Dupont, est une erreur historique",
        "Dupont",
    );
    // working for someone is no opinion of theirs
    assert!(quotes("Jean Dupont dirige le syndicat. Il a travaillé, pour Jean Dupont, pendant dix ans à Paris.").is_empty());
}

#[test]
fn a_statement_s_author_after_from_by_or_par() {
    one(
        "The strike goes on. The reform will pass in June, according to a statement from the Interior Ministry.",
        Indirect,
        "The reform will pass in June",
        "Interior Ministry",
    );
    one(
        "La grève continue. Selon un communiqué publié par le syndicat, la réforme sera votée en juin.",
        Indirect,
        "la réforme sera votée en juin",
        "syndicat",
    );
}

#[test]
fn a_sentence_about_people_named_in_it_is_a_quotation_not_a_title() {
    // mostly names, but a sentence: a verb of its own and a final mark, after a cue and a colon
    one(
        "Olaf Scholz a affirmé : « Emmanuel Macron et Giorgia Meloni se trompent. »",
        Direct,
        "Emmanuel Macron et Giorgia Meloni se trompent.",
        "Scholz",
    );
    one(
        "Olaf Scholz said: \"Emmanuel Macron and Giorgia Meloni are wrong.\"",
        Direct,
        "Emmanuel Macron and Giorgia Meloni are wrong.",
        "Scholz",
    );
    // the final mark outside the quotation, as French often writes it, and the cue after it
    one(
        "« Emmanuel Macron et Giorgia Meloni se trompent », a affirmé Olaf Scholz.",
        Direct,
        "Emmanuel Macron et Giorgia Meloni se trompent",
        "Scholz",
    );
    // names alone, or names and function words, are still a name or a list: nobody's words
    assert!(quotes("Olaf Scholz a cité « Emmanuel Macron et Giorgia Meloni » hier.").is_empty());
    assert!(
        quotes("Olaf Scholz a affirmé : « Emmanuel Macron, Giorgia Meloni et Pedro Sánchez. »")
            .is_empty()
    );
}

#[test]
fn a_semicolon_typed_for_a_colon_before_a_quotation() {
    one(
        "Le déploiement a été annoncé par le président Donald Trump qui avait déclaré ; « Nous allons protéger notre \
         frontière avec notre armée ».",
        Direct,
        "Nous allons protéger notre frontière avec notre armée",
        "Trump",
    );
}

#[test]
fn parler_introduces_a_quotation() {
    let text = "Paul Martin aurait dit qu'il envisage de vendre son journal au groupe Lagardère qui lui est plus fidèle \
                et parlant de la presse : « Les journalistes ne sont jamais repris par personne ».";
    let got = quotes(text);
    let direct = got.iter().find(|(k, _, _)| *k == Direct);
    assert_eq!(
        direct.map(|(_, w, s)| (w.as_str(), s.as_deref())),
        Some((
            "Les journalistes ne sont jamais repris par personne",
            Some("Paul Martin")
        )),
        "{got:?}"
    );
}
