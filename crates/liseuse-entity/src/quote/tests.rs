//! Each construction the stage reads, in French and in English, on sentences written for these tests (names the
//! tagger knows, so that what is tested is the quotation stage); and hostile input.

use super::{QuoteKind, find};
use crate::analyse;

/// (kind, quoted words, speaker name) of each quotation of `text`.
pub(super) fn quotes(text: &str) -> Vec<(QuoteKind, String, Option<String>)> {
    find(text, &analyse(text))
        .into_iter()
        .map(|q| {
            (
                q.kind,
                text[q.range()].to_string(),
                q.speaker.map(|s| s.name),
            )
        })
        .collect()
}

/// The speaker of the quotation of `text` that is `words`, of `kind` (the test fails when there is none).
pub(super) fn speaker_of(text: &str, kind: QuoteKind, words: &str) -> Option<String> {
    let got = quotes(text);
    got.iter()
        .find(|q| q.0 == kind && q.1 == words)
        .unwrap_or_else(|| panic!("{text}: no {kind:?} {words:?} in {got:?}"))
        .2
        .clone()
}

/// The one quotation of `text` is `words`, of `kind`, said by someone whose name contains `who`.
pub(super) fn one(text: &str, kind: QuoteKind, words: &str, who: &str) {
    let got = quotes(text);
    assert_eq!(got.len(), 1, "{text}: {got:?}");
    let (k, w, s) = &got[0];
    assert_eq!((*k, w.as_str()), (kind, words), "{text}");
    assert!(
        s.as_deref().is_some_and(|s| s.contains(who)),
        "{text}: speaker {s:?}, wanted {who}"
    );
}

use QuoteKind::{Direct, Indirect};

#[test]
fn french_direct_quotations_with_cues_before_and_after() {
    one(
        "« Nous gagnerons cette élection », a déclaré Emmanuel Macron mardi.",
        Direct,
        "Nous gagnerons cette élection",
        "Macron",
    );
    one(
        "Emmanuel Macron a déclaré : « Nous gagnerons cette élection. »",
        Direct,
        "Nous gagnerons cette élection.",
        "Macron",
    );
    one(
        "Emmanuel Macron était à Lyon. « Nous gagnerons cette élection », explique-t-il.",
        Direct,
        "Nous gagnerons cette élection",
        "Macron",
    );
    // no spaces inside the marks, and a quotation never closed runs to its paragraph's end
    one(
        "Emmanuel Macron a déclaré :«Nous gagnerons cette élection».",
        Direct,
        "Nous gagnerons cette élection",
        "Macron",
    );
    one(
        "Emmanuel Macron a déclaré : « Nous gagnerons cette élection. Et la suivante",
        Direct,
        "Nous gagnerons cette élection. Et la suivante",
        "Macron",
    );
}

#[test]
fn an_incise_cuts_a_quotation_in_two_of_one_speaker() {
    let got = quotes(
        "Emmanuel Macron était à Lyon. « Nous gagnerons cette élection, a-t-il dit, dès le premier tour. »",
    );
    let words: Vec<&str> = got.iter().map(|(_, w, _)| w.as_str()).collect();
    assert_eq!(
        words,
        ["Nous gagnerons cette élection", "dès le premier tour."]
    );
    assert!(
        got.iter()
            .all(|(_, _, s)| s.as_deref() == Some("Emmanuel Macron")),
        "{got:?}"
    );
}

#[test]
fn french_reported_speech() {
    one(
        "Emmanuel Macron a affirmé que le parti gagnerait l'élection.",
        Indirect,
        "le parti gagnerait l'élection",
        "Macron",
    );
    one(
        "Selon Emmanuel Macron, le parti gagnerait l'élection.",
        Indirect,
        "le parti gagnerait l'élection",
        "Macron",
    );
    one(
        "D'après Emmanuel Macron, le parti gagnerait l'élection.",
        Indirect,
        "le parti gagnerait l'élection",
        "Macron",
    );
    // a postposed cue, its subject after it
    one(
        "Le parti gagnerait l'élection, a indiqué le ministère de l'Intérieur.",
        Indirect,
        "Le parti gagnerait l'élection",
        "ministère",
    );
    // an assertive verb with an infinitive
    one(
        "Les Houthis ont déclaré la semaine dernière avoir abattu un drone américain.",
        Indirect,
        "avoir abattu un drone américain",
        "Houthis",
    );
    // a participle takes its clause's speaker
    let got = quotes(
        "Emmanuel Macron a salué les militants, ajoutant que le parti gagnerait l'élection.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2.as_deref(), Some("Emmanuel Macron"));
    // a denial reports nothing
    assert!(quotes("Emmanuel Macron n'a jamais dit que le parti gagnerait l'élection.").is_empty());
}

#[test]
fn french_speakers_through_roles_pronouns_and_descriptions() {
    one(
        "Le président Emmanuel Macron était à Lyon. Le président a déclaré que le parti gagnerait l'élection.",
        Indirect,
        "le parti gagnerait l'élection",
        "Macron",
    );
    one(
        "De nombreux habitants, témoins de la scène, ont déclaré : « Ils ont arraché la porte sacrée ».",
        Direct,
        "Ils ont arraché la porte sacrée",
        "De nombreux habitants",
    );
    one(
        "Le porte-parole du gouvernement a précisé que la réforme serait votée en juin.",
        Indirect,
        "la réforme serait votée en juin",
        "porte-parole",
    );
    // « Il » after a sentence naming two men: the one the sentence is about
    let got = quotes(
        "Emmanuel Macron a reçu Olaf Scholz à Paris. Il a déclaré : « Nous travaillerons ensemble pour l'Europe. »",
    );
    assert_eq!(got[0].2.as_deref(), Some("Emmanuel Macron"), "{got:?}");
}

#[test]
fn a_quotation_without_cue_goes_on_with_the_speaker_before() {
    let got = quotes(
        "Emmanuel Macron a déclaré : « Nous gagnerons cette élection. » « Nous gagnerons aussi la suivante, sans aucun doute. »",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got.iter()
            .all(|(_, _, s)| s.as_deref() == Some("Emmanuel Macron")),
        "{got:?}"
    );
}

#[test]
fn titles_terms_and_short_fragments_are_no_quotations() {
    assert!(
        quotes("La sculpture « La Petite danseuse de quatorze ans » est exposée à Paris.")
            .is_empty()
    );
    assert!(quotes("Le gouvernement a lancé l'opération « Tempête du désert » lundi.").is_empty());
    assert!(quotes("Emmanuel Macron a dénoncé une « faute ».").is_empty());
}

#[test]
fn english_direct_quotations() {
    one(
        "\"We will win this election,\" Angela Merkel said on Tuesday.",
        Direct,
        "We will win this election,",
        "Merkel",
    );
    one(
        "\"We will win this election,\" said Angela Merkel, the German chancellor.",
        Direct,
        "We will win this election,",
        "Merkel",
    );
    one(
        "Angela Merkel said: \"We will win this election.\"",
        Direct,
        "We will win this election.",
        "Merkel",
    );
    one(
        "Angela Merkel said “we will win this election”.",
        Direct,
        "we will win this election",
        "Merkel",
    );
    one(
        "\"We will win this election.\" — Angela Merkel",
        Direct,
        "We will win this election.",
        "Merkel",
    );
    one(
        "\"The plant will close,\" a spokesman for the company said.",
        Direct,
        "The plant will close,",
        "spokesman",
    );
    one(
        "Barack Obama met Angela Merkel in Berlin. \"This is a great day for Europe,\" he said.",
        Direct,
        "This is a great day for Europe,",
        "Obama",
    );
}

#[test]
fn english_reported_speech() {
    one(
        "Angela Merkel, the German chancellor, said the party would win the election.",
        Indirect,
        "the party would win the election",
        "Merkel",
    );
    one(
        "Angela Merkel said that the party would win the election.",
        Indirect,
        "the party would win the election",
        "Merkel",
    );
    one(
        "The party would win the election, Angela Merkel said.",
        Indirect,
        "The party would win the election",
        "Merkel",
    );
    one(
        "The party would win the election, according to Angela Merkel.",
        Indirect,
        "The party would win the election",
        "Merkel",
    );
    one(
        "Angela Merkel told reporters the party would win the election.",
        Indirect,
        "the party would win the election",
        "Merkel",
    );
    assert!(quotes("Angela Merkel did not say that the party would win the election.").is_empty());
}

#[test]
fn hostile_a_megabyte_paragraph_opened_by_a_mark_never_closed() {
    let text = format!(
        "Le ministre a déclaré : « {}",
        "nous ferons tout, ".repeat(60_000)
    );
    let got = find(&text, &analyse(&text));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].kind, Direct);
    assert!(got[0].end as usize <= text.len() && text.is_char_boundary(got[0].start as usize));
}

#[test]
fn hostile_thousands_of_quotation_marks() {
    let mut text = String::new();
    for i in 0..40_000 {
        text.push_str(["« ", "» ", "“ ", "\" ", "mot ", "» « ", "a déclaré : "][i % 7]);
        if i % 500 == 0 {
            text.push('\n');
        }
    }
    let got = find(&text, &analyse(&text));
    let mut last = 0;
    for q in &got {
        assert!(q.start <= q.end && q.end as usize <= text.len());
        assert!(text.is_char_boundary(q.start as usize) && text.is_char_boundary(q.end as usize));
        assert!(q.start >= last, "sorted");
        last = q.start;
    }
}

#[test]
fn hostile_controls_inside_quotations_are_kept_for_the_caller_to_sanitise() {
    let text = "Emmanuel Macron a déclaré : « Nous \u{1b}]0;pwned\u{7} gagnerons \u{202e}cette élection. »";
    let got = quotes(text);
    assert_eq!(got.len(), 1);
    assert!(
        got[0].1.contains('\u{1b}'),
        "the engine keeps the text as it is: the outputs sanitise it"
    );
}

proptest::proptest! {
    #[test]
    fn any_text_gives_quotations_on_char_boundaries(s in "(\\PC|[«»“”\"‹›:,.\n ]){0,300}") {
        let got = find(&s, &analyse(&s));
        for q in got {
            proptest::prop_assert!(q.start <= q.end && q.end as usize <= s.len());
            proptest::prop_assert!(s.is_char_boundary(q.start as usize) && s.is_char_boundary(q.end as usize));
            if let Some(c) = q.cue {
                proptest::prop_assert!(s.is_char_boundary(c.start as usize) && s.is_char_boundary(c.end as usize));
            }
        }
    }
}

/// Words counted by splitting, as `word_count` counted them before it read bytes: what it must agree with.
fn word_count_by_split(s: &str, most: usize) -> usize {
    s.split(|c: char| c.is_ascii_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| {
            w.bytes().any(|b| b.is_ascii_alphanumeric())
                || (!w.is_ascii() && w.chars().any(char::is_alphanumeric))
        })
        .take(most)
        .count()
}

proptest::proptest! {
    #[test]
    fn words_are_counted_as_by_splitting(s in "(\\PC|[ \u{a0}\u{202f}\t\n'’-]){0,80}", most in 0usize..12) {
        proptest::prop_assert_eq!(super::word_count(&s, most), word_count_by_split(&s, most));
    }
}
