//! Sources written as general cases: a website named by its domain name (« selon le site radars-auto.com »,
//! "according to techcrunch.com", « Le site X.com a affirmé ») is one phrase, a body that speaks; seen in dev7
//! (never a test set): a source after a time and a street leads its clause (« Vers 14h15, rue Vignon, selon X,
//! … »), and a clause opening on a pronoun after a colon goes on with its report (« … : il a été blessé »).

use super::tests::one;
use QuoteKind::Indirect;

use super::QuoteKind;

#[test]
fn a_domain_name_is_a_source() {
    one(
        "Selon le site radars-auto.com, 60 % des radars ont été détruits depuis le début du mouvement.",
        Indirect,
        "60 % des radars ont été détruits depuis le début du mouvement",
        "radars-auto.com",
    );
    one(
        "According to techcrunch.com, the company will lay off 500 employees next month.",
        Indirect,
        "the company will lay off 500 employees next month",
        "techcrunch.com",
    );
    one(
        "Le site radars-auto.com a affirmé que le ministre avait menti.",
        Indirect,
        "le ministre avait menti",
        "radars-auto.com",
    );
}

#[test]
fn a_source_after_a_time_and_a_street_leads_its_clause() {
    one(
        "Vers 14h15, rue Vignon, selon Marie Dupont, Paul Martin a été arrêté par des gendarmes.",
        Indirect,
        "Paul Martin a été arrêté par des gendarmes",
        "Dupont",
    );
}

#[test]
fn a_clause_on_a_pronoun_after_a_colon_goes_on_with_the_source_s_report() {
    one(
        "Selon Marie Dupont, Paul Martin a été arrêté par des gendarmes : il a été blessé.",
        Indirect,
        "Paul Martin a été arrêté par des gendarmes : il a été blessé",
        "Dupont",
    );
}
