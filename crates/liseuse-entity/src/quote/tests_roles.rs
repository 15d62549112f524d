//! A bare role given to no one (« le ministre », « la chancelière », "the chancellor" with no name after it
//! anywhere before): the person named whom the sentences before are about, when the role's gender allows;
//! never after a possessive (« selon son avocat » is someone else's lawyer).

use super::QuoteKind::Indirect;
use super::tests::{one, quotes};

#[test]
fn a_bare_role_given_to_no_one_is_the_person_the_text_is_about() {
    one(
        "Christophe Castaner est arrivé à Paris mardi. Le sommet a commencé à midi. Le ministre a déclaré que \
         l'accord était proche.",
        Indirect,
        "l'accord était proche",
        "Christophe Castaner",
    );
    one(
        "Angela Merkel arrived in Paris on Tuesday. The summit began at noon. The chancellor said that a deal \
         was close.",
        Indirect,
        "a deal was close",
        "Angela Merkel",
    );
}

#[test]
fn a_bare_role_is_no_one_of_another_gender_nor_after_a_possessive() {
    let said = |text: &str| quotes(text).first().and_then(|q| q.2.clone());
    assert_eq!(
        said("Christophe Castaner est arrivé à Paris mardi. La chancelière a déclaré que l'accord était proche.")
            .as_deref(),
        Some("La chancelière")
    );
    assert_ne!(
        said("Dilma Rousseff fait appel de sa destitution. Selon son avocat, le procès doit être rouvert.")
            .as_deref(),
        Some("Dilma Rousseff")
    );
}
