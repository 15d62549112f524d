//! Where a speaker carries on, read in dev10's errors (the tenth held-out set: `tests/fixtures/quotes/heldout10/`)
//! and written as general cases on sentences of their own: a quotation's later paragraphs after a narrator's
//! paragraph, a pronoun after a verb of telling and its object, "They said:" after a heading naming a body, the
//! subject of a verb coordinated after a chain of auxiliaries; and a passive read as a cue over the adverb between
//! its auxiliary and its participle.

use super::QuoteKind::{Direct, Indirect};
use super::tests::{one, quotes, speaker_of};

#[test]
fn a_quotation_goes_on_past_a_narrators_paragraph() {
    let text = "Minister Paul Martin explained: \"We planned a short break. It was meant to bring the cases down \
                again.\n\nIn short, most shops would close and the roads would stay open.\n\n\"We asked whether four \
                weeks would do. Nobody could tell us.\"\n\n\"We asked about the schools as well, and nobody could \
                answer.\"";
    assert_eq!(
        speaker_of(
            text,
            Direct,
            "We asked whether four weeks would do. Nobody could tell us."
        )
        .as_deref(),
        Some("Paul Martin")
    );
    assert_eq!(
        speaker_of(
            text,
            Direct,
            "We asked about the schools as well, and nobody could answer."
        )
        .as_deref(),
        Some("Paul Martin")
    );
    // a heading between is no narrator's sentence: the quotation after it is no one's the text names
    let text = "Minister Paul Martin explained: \"We planned a short break. It was meant to bring the cases down \
                again.\"\n\nSchools\n\n\"The schools will stay open until the end of the month.\"";
    assert_eq!(
        speaker_of(
            text,
            Direct,
            "The schools will stay open until the end of the month."
        ),
        None
    );
    // nor does the speaker carry over a narrator's paragraph that names someone else
    let text = "Minister Paul Martin explained: \"We planned a short break. It was meant to bring the cases down \
                again.\"\n\nIn short, the shops would close, as Sarah Quinn had asked in May.\n\n\"We asked \
                whether four weeks would do. Nobody could tell us.\"";
    assert_ne!(
        speaker_of(
            text,
            Direct,
            "We asked whether four weeks would do. Nobody could tell us."
        )
        .as_deref(),
        Some("Paul Martin")
    );
}

#[test]
fn a_pronoun_after_telling_someone_is_not_the_one_told() {
    // the subject (a body: no "he") told Paul Martin; "he" is the person named before, not the one told
    let text = "Health news\n\nOn Monday, Dr Tony Hale outlined the reasons the panel wanted new limits.\n\nThe \
                health office told Paul Martin that the limits were needed as he warned the wards could be full by \
                May.";
    assert_eq!(
        speaker_of(text, Indirect, "the wards could be full by May").as_deref(),
        Some("Tony Hale")
    );
    // a subject who is a person goes on speaking, as before
    let text = "Tony Hale told Paul Martin that the limits were needed, and he warned that the wards could be full \
                by May.";
    assert_eq!(
        speaker_of(text, Indirect, "the wards could be full by May").as_deref(),
        Some("Tony Hale")
    );
}

#[test]
fn they_after_a_heading_naming_a_body_is_that_body() {
    let text = "Live updates\n\n09:15 John Kelly\n\nDays out - National Gallery of Ireland's café to close\n\nThey \
                said: \"The café will be closed from tomorrow. We will open again in the spring.\"";
    assert_eq!(
        speaker_of(
            text,
            Direct,
            "The café will be closed from tomorrow. We will open again in the spring."
        )
        .as_deref(),
        Some("National Gallery of Ireland")
    );
    // a heading that names a person too (here as a cue's speaker) is not a body's alone
    let text = "Live updates\n\n09:15 John Kelly\n\nDays out - National Gallery of Ireland's café to close, says \
                John Kelly\n\nThey said: \"The café will be closed from tomorrow. We will open again in the \
                spring.\"";
    assert_ne!(
        speaker_of(
            text,
            Direct,
            "The café will be closed from tomorrow. We will open again in the spring."
        )
        .as_deref(),
        Some("National Gallery of Ireland")
    );
}

#[test]
fn a_passive_with_an_adverb_before_its_participle_is_no_one_speaking() {
    for text in [
        "It was initially believed that the driver had fallen asleep at the wheel.",
        "It was widely reported that the talks had failed.",
    ] {
        let got = quotes(text);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
    // an active verb with an adverb is still a cue
    one(
        "Paul Martin has firmly said that the talks had failed.",
        Indirect,
        "the talks had failed",
        "Paul Martin",
    );
}

#[test]
fn a_verb_coordinated_after_a_chain_of_auxiliaries_has_the_first_ones_subject() {
    one(
        "Popular bakery The Corner House will be closing, and have said it is unlikely they will be back in three \
         weeks.",
        Indirect,
        "it is unlikely they will be back in three weeks",
        "Corner House",
    );
}
