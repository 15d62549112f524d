//! A mention's edges, after the tagger and before the document's passes (`verdict.rs`): it ends on no
//! function word, quote mark or apostrophe (« l’Union » », « Apple Computer' » of « Apple Computer's »), a
//! person's starts on no English title (« President Joe Biden »), and an English month or weekday alone is
//! none (« since December »). English had no training data: these are what its articles showed the model
//! doing that no French article does.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::Label;
use super::mend::title_at;
use super::tag::features::Sequence;
use super::text::lexicon::STOP;
use super::text::token::{CAP, PUNCT, UPPER};
use super::verdict::Found;

/// The months and weekdays as English writes them, capitalised.
const ENGLISH_CALENDAR: [&str; 19] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// After [`within_lines`](super::verdict::within_lines): a mention's last word is no lower-case function word (« de », « of ») and no punctuation but a
/// full stop (« Inc. »), its first no punctuation and, for a person, no title; a mention of one word that is
/// an English month or weekday is none (« in February » is no place; « Theresa May » is two words, and her
/// surname comes back in [`surnames`](super::verdict::surnames)). French writes them in lower case: its « Mars » is the planet.
pub fn edges(seq: &Sequence, found: &mut Vec<Found>) {
    let punct = |i: usize| seq.toks.get(i).is_some_and(|t| t.flags & PUNCT != 0);
    let lex = |i: usize| seq.info(i).map_or(0, |w| w.lex);
    let function_word = |i: usize| {
        seq.toks
            .get(i)
            .is_some_and(|t| t.flags & (CAP | UPPER) == 0)
            && lex(i) & u64::from(STOP) != 0
    };
    for f in found.iter_mut() {
        while f.e > f.a {
            let last = f.e - 1;
            if function_word(last) || punct(last) && seq.word(last) != "." {
                f.e = last;
            } else {
                break;
            }
        }
        let title = |a: usize| f.label == Label::Per && f.e > a + 1 && title_at(seq, a);
        // « Mr. Joe Biden »: a title, its full stop, a title again…
        while f.a < f.e && (punct(f.a) || title(f.a)) {
            f.a += 1;
        }
    }
    found.retain(|f| f.a < f.e && !(f.e == f.a + 1 && ENGLISH_CALENDAR.contains(&seq.word(f.a))));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::tests::at;

    #[test]
    fn a_mention_ends_on_no_function_word_nor_quote_and_no_month_is_a_place() {
        let seq = Sequence::new("Apple Computer's chief said « l’Union » fell in February.");
        let f = |a: usize, e: usize| Found {
            a,
            e,
            label: Label::Org,
            p: 0.8,
        };
        let apple = at(&seq, "Apple", 0);
        let union = at(&seq, "Union", 0);
        let feb = at(&seq, "February", 0);
        // « Apple Computer' » (the possessive's apostrophe), « Union » » and « February »
        let mut found = vec![f(apple, apple + 3), f(union, union + 2), f(feb, feb + 1)];
        edges(&seq, &mut found);
        let got: Vec<(usize, usize)> = found.iter().map(|f| (f.a, f.e)).collect();
        assert_eq!(got, [(apple, apple + 2), (union, union + 1)]);
        assert_eq!(seq.word(apple + 1), "Computer");
    }

    #[test]
    fn an_english_title_is_no_part_of_a_name_a_french_capitalised_one_is() {
        let seq = Sequence::new("Mr. Joe Biden a croisé le Capitaine Flam.");
        let mr = at(&seq, "Mr", 0);
        let cap = at(&seq, "Capitaine", 0);
        let per = |a: usize, e: usize| Found {
            a,
            e,
            label: Label::Per,
            p: 0.8,
        };
        let mut found = vec![per(mr, mr + 4), per(cap, cap + 2)];
        edges(&seq, &mut found);
        let got: Vec<(usize, usize)> = found.iter().map(|f| (f.a, f.e)).collect();
        assert_eq!(got, [(mr + 2, mr + 4), (cap, cap + 2)]);
        assert_eq!(seq.word(mr + 2), "Joe");
    }
}
