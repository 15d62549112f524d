//! Speaker faults left in dev11's errors after q29s11 (French news: `tests/fixtures/quotes/heldout11/`), each
//! written as a general case on sentences of its own: a definite noun of a body (« le journal ») that stands
//! for the organisation of that kind named before it; a report that ran on across a second one (« qu'« … » et
//! qu'il « … » », « … et ajoute que »).

use super::QuoteKind::{Direct, Indirect};
use super::tests::{quotes, speaker_of};

#[test]
fn a_noun_of_the_press_is_the_paper_named_before_it() {
    // the paper named by its title in the sentence, « le journal » after it: the paper
    let text = "Mardi, Le Parisien dénonce des « pressions » dont le journal est la cible et estime qu'elles \
                « menacent la presse » .";
    assert_eq!(
        speaker_of(text, Direct, "menacent la presse").as_deref(),
        Some("Le Parisien")
    );
    // a sentence later, and the paper given its noun before (« le quotidien Le Parisien »)
    let text = "Le quotidien Le Parisien a refusé de publier le texte. « Nous ne céderons pas » , a \
                déclaré le journal.";
    assert_eq!(
        speaker_of(text, Direct, "Nous ne céderons pas").as_deref(),
        Some("Le Parisien")
    );
}

#[test]
fn a_noun_of_a_body_is_never_an_organisation_of_another_kind() {
    // the paper named before, the ministry someone else: « le ministère » stays the ministry
    let text = "Le Parisien a révélé l'affaire mardi. Le ministère a assuré que « la réforme sera menée à son \
                terme » .";
    let got = quotes(text);
    let said = got
        .iter()
        .find(|q| q.1.contains("la réforme sera menée à son terme"))
        .unwrap_or_else(|| panic!("{text}: {got:?}"));
    assert!(
        said.2.as_deref().is_some_and(|s| !s.contains("Parisien")),
        "{text}: {got:?}"
    );
    // a ministry named before by its name is what « le ministère » stands for
    let text = "Le ministère de la Santé a publié un rapport mardi. « La situation reste fragile » , a \
                indiqué le ministère.";
    assert_eq!(
        speaker_of(text, Direct, "La situation reste fragile").as_deref(),
        Some("ministère de la Santé")
    );
}

#[test]
fn a_second_clause_of_a_report_after_a_quotation_is_reported_apart() {
    // « qu'« … » et qu'il « … » »: two quotations, not one report running across both
    let text = "Le maire Paul Durand a assuré qu'« aucun arbre ne sera abattu » et qu'il « veillera lui-même au \
                chantier » .";
    let got = quotes(text);
    assert_eq!(
        got,
        vec![
            (
                Direct,
                "aucun arbre ne sera abattu".into(),
                Some("Paul Durand".into())
            ),
            (
                Direct,
                "veillera lui-même au chantier".into(),
                Some("Paul Durand".into())
            ),
        ],
        "{text}"
    );
    // « que « … » , et que … »: the second clause set apart by a comma is a report of its own
    let text = "Paul Durand a affirmé que « la ligne rouvrira en mars » , et que les travaux sont « presque \
                terminés » .";
    assert_eq!(
        speaker_of(text, Direct, "la ligne rouvrira en mars").as_deref(),
        Some("Paul Durand")
    );
    assert_eq!(
        speaker_of(text, Indirect, "les travaux sont « presque terminés »").as_deref(),
        Some("Paul Durand")
    );
    // a second clause with words of its own, no comma: one report, as before
    let text =
        "Paul Durand affirme que « le compte n'y est pas » et qu'il ne sait « plus quoi faire » .";
    assert_eq!(
        speaker_of(
            text,
            Indirect,
            "« le compte n'y est pas » et qu'il ne sait « plus quoi faire »"
        )
        .as_deref(),
        Some("Paul Durand")
    );
}

#[test]
fn a_speech_verb_coordinated_after_a_report_starts_a_new_one() {
    // « estime avoir … et ajoute que … »: the first report ends before « et ajoute »
    let text = "Paul Durand estime avoir « bien agi » en refusant le texte et ajoute que la mairie « ne cédera \
                jamais » .";
    assert_eq!(
        speaker_of(text, Indirect, "avoir « bien agi » en refusant le texte").as_deref(),
        Some("Paul Durand")
    );
    // a verb of the report's own (no speech verb, no « que ») stays in it
    let text = "Paul Durand dit que les prix montent et baissent chaque semaine.";
    assert_eq!(
        speaker_of(
            text,
            Indirect,
            "les prix montent et baissent chaque semaine"
        )
        .as_deref(),
        Some("Paul Durand")
    );
}
