//! Sources written as general cases (not read from any set's errors): a website named by its domain name
//! (« selon le site radars-auto.com », "according to techcrunch.com", « Le site X.com a affirmé ») is one phrase, a
//! body that speaks.

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
