//! Where a report is and is not, faults read in the tuned sets' errors (dev7) or left open in news in general:
//! a colon after a speech verb and its definite object opens the writer's explanation, not the words (« Le
//! Myanmar nie les accusations : … »); a reported clause of two words, a subject and its verb, is a report
//! (« a annoncé qu'il démissionnait », "said he resigned").

use super::QuoteKind::{Direct, Indirect};
use super::tests::{one, quotes};

#[test]
fn a_colon_after_a_verb_s_definite_object_opens_no_statement() {
    let text = "Le Myanmar nie les accusations : la Birmanie n'étant pas membre du tribunal international, la CPI \
                n'y est pas compétente.";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
    let text =
        "The ministry denied the allegations: the company had never been a supplier of the army.";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
    // an indefinite object is what the words tell (« une histoire différente »)
    one(
        "En septembre, Paul Martin avait raconté une histoire différente : la fille et un autre garçon seraient \
         seulement montés dans sa voiture.",
        Direct,
        "la fille et un autre garçon seraient seulement montés dans sa voiture.",
        "Paul Martin",
    );
}

#[test]
fn a_reported_clause_of_a_subject_and_its_verb_is_a_report() {
    one(
        "Le ministre a annoncé mardi qu'il démissionnait.",
        Indirect,
        "il démissionnait",
        "ministre",
    );
    one(
        "The minister said on Tuesday he resigned.",
        Indirect,
        "he resigned",
        "minister",
    );
    // not two words of no clause
    let text = "Le ministre a répondu que non merci.";
    assert!(
        quotes(text).iter().all(|q| q.0 != Indirect),
        "{:?}",
        quotes(text)
    );
}
