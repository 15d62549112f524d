//! The tests of `lexicon.rs`: the assets loaded and looked up.

use super::*;

#[test]
fn loads_the_assets() {
    assert!(LEX.exact_flags("Téhéran") & PLACE != 0);
    assert!(LEX.exact_flags("Nadine") & GIVEN_NAME != 0);
    assert!(LEX.lower_flags("président") & TITLE != 0);
    assert!(LEX.multi.contains_key("San"));
    assert_eq!(LEX.place_id("Etats-Unis"), LEX.place_id("United States"));
    assert!(LEX.place_id("Etats-Unis").is_some());
}

#[test]
fn knows_demonyms() {
    for w in [
        "Iraniens",
        "Palestiniens",
        "Américains",
        "Venezuelan",
        "American",
        "Pakistani",
        "Français",
    ] {
        assert!(LEX.is_demonym(w), "{w}");
    }
    for w in ["Hamas", "Houthis", "Khamenei", "Reuters"] {
        assert!(!LEX.is_demonym(w), "{w}");
    }
}

#[test]
fn us_in_capitals_is_a_name_and_greek_a_demonym() {
    // « US » is the country, not the pronoun « us » of the stop list; « Us » and « us » still are
    assert_eq!(LEX.token_flags("US", true)[1] & STOP, 0);
    assert_ne!(LEX.token_flags("Us", true)[1] & STOP, 0);
    assert_ne!(LEX.token_flags("Greek", true)[1] & DEMONYM, 0);
}

#[test]
fn folds() {
    assert_eq!(fold("Raïssi"), "raissi");
    assert_eq!(fold("d’Oman"), "d'oman");
    assert_eq!(fold("ÉTATS"), "etats");
}
