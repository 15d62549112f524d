//! Re-anchoring, ids and exports.

use proptest::prelude::*;

use super::*;

const ARTICLE: &str = "Le conseil municipal s'est réuni mardi soir. \
Après trois heures de débat, la maire a annoncé que la piscine resterait ouverte tout l'été, \
contrairement à ce qui avait été prévu en janvier. Les syndicats ont salué la décision.\n\n\
Le budget sera revu en septembre, a précisé l'adjoint aux finances.";

const PASSAGE: &str = "la maire a annoncé que la piscine resterait ouverte tout l'été";

fn anchor_on(text: &str, passage: &str) -> Anchor {
    let start = text.find(passage).expect("passage in text");
    Anchor::new("a.txt", text, start, start + passage.len())
}

/// Checks `got` is `Moved` and covers exactly `expected` in `text`.
fn assert_moved_to(got: Located, text: &str, expected: &str) {
    match got {
        Located::Moved(r) => assert_eq!(&text[r], expected),
        other => panic!("expected Moved to {expected:?}, got {other:?}"),
    }
}

#[test]
fn bookmark_anchor_keeps_passage_and_context() {
    let a = anchor_on(ARTICLE, PASSAGE);
    assert_eq!(a.exact, PASSAGE);
    assert_eq!(a.prefix.chars().count(), CONTEXT_CHARS);
    assert!(ARTICLE[..a.start].ends_with(&a.prefix));
    assert!(ARTICLE[a.end..].starts_with(&a.suffix));
    assert_eq!(a.content_hash, content_hash(ARTICLE));
    assert_eq!(a.content_hash.len(), 32);
}

#[test]
fn bookmark_anchor_new_clamps_offsets_to_char_boundaries() {
    let text = "été";
    let a = Anchor::new("p", text, 1, 99);
    assert_eq!((a.start, a.end, a.exact.as_str()), (0, text.len(), "été"));
    let a = Anchor::new("p", text, 4, 2);
    assert_eq!((a.start, a.end, a.exact.as_str()), (3, 3, ""));
}

#[test]
fn bookmark_unchanged_text_is_exact() {
    let a = anchor_on(ARTICLE, PASSAGE);
    assert_eq!(locate(&a, ARTICLE), Located::Exact(a.start..a.end));
}

#[test]
fn bookmark_edit_after_passage_is_exact() {
    let a = anchor_on(ARTICLE, PASSAGE);
    let edited = ARTICLE.replace("septembre", "octobre prochain");
    assert_eq!(locate(&a, &edited), Located::Exact(a.start..a.end));
}

#[test]
fn bookmark_edit_before_passage_moves() {
    let a = anchor_on(ARTICLE, PASSAGE);
    let edited = ARTICLE.replace("mardi soir", "mardi 4 mars au soir, en séance publique");
    assert_moved_to(locate(&a, &edited), &edited, PASSAGE);
    // An edit right inside the prefix still finds it.
    let edited = ARTICLE.replace("Après trois heures de débat", "Après un long débat");
    assert_moved_to(locate(&a, &edited), &edited, PASSAGE);
}

#[test]
fn bookmark_edit_inside_passage_moves_to_edited_span() {
    let a = anchor_on(ARTICLE, PASSAGE);
    let new_passage =
        "la maire a annoncé jeudi que la piscine municipale resterait ouverte tout l'été";
    let edited = ARTICLE.replace(PASSAGE, new_passage);
    assert_moved_to(locate(&a, &edited), &edited, new_passage);
    // Edit at the very start of the passage: found by its prefix and tail.
    let new_passage = "Madame la maire a annoncé que la piscine resterait ouverte tout l'été";
    let edited = ARTICLE.replace(PASSAGE, new_passage);
    let got = locate(&a, &edited);
    let Located::Moved(r) = got else {
        panic!("{got:?}")
    };
    assert!(
        edited[r.clone()].ends_with("tout l'été"),
        "{:?}",
        &edited[r]
    );
}

#[test]
fn bookmark_crlf_resave_maps_to_real_offsets() {
    let text = "First line of the piece.\nThe passage we keep\nspans two lines here.\nEnd.\n";
    let a = anchor_on(text, "The passage we keep\nspans two lines");
    let crlf = text.replace('\n', "\r\n");
    assert_moved_to(
        locate(&a, &crlf),
        &crlf,
        "The passage we keep\r\nspans two lines",
    );
}

#[test]
fn bookmark_rewrapped_lines_are_found() {
    let text = "Intro words here.\n\nThe council met on Tuesday and\ndecided to keep the pool open\nall summer long.\n\nOther news.";
    let passage = "decided to keep the pool open\nall summer";
    let a = anchor_on(text, passage);
    let rewrapped = "Intro words here.\n\nThe council met on Tuesday and decided to\nkeep the pool open all summer\nlong.\n\nOther news.";
    assert_moved_to(
        locate(&a, rewrapped),
        rewrapped,
        "decided to\nkeep the pool open all summer",
    );
}

#[test]
fn bookmark_duplicate_passages_resolved_by_context() {
    let text = "In Paris, the mayor said: we will act. \
In Lyon, the prefect said: we will act. \
In Lille, nobody said anything.";
    let second = text.rfind("we will act.").expect("second");
    let a = Anchor::new("a", text, second, second + "we will act.".len());
    // Shift everything so the first occurrence is nearer the old offset than the second one.
    let edited = text.replace(
        "In Paris, the mayor said:",
        "In Paris, after a long and heated meeting on Tuesday evening, the mayor said:",
    );
    let got = locate(&a, &edited);
    let expected = edited.rfind("we will act.").expect("second");
    assert_eq!(
        got,
        Located::Moved(expected..expected + "we will act.".len())
    );
}

#[test]
fn bookmark_duplicates_with_same_context_prefer_nearest() {
    let unit = "Refrain: la la la. ";
    let text = unit.repeat(6);
    let third = unit.len() * 3 + "Refrain: ".len();
    let a = Anchor::new("a", &text, third, third + "la la la.".len());
    let edited = format!("X{text}");
    assert_eq!(
        locate(&a, &edited),
        Located::Moved(third + 1..third + 1 + "la la la.".len())
    );
}

#[test]
fn bookmark_deleted_passage_is_orphaned() {
    let a = anchor_on(ARTICLE, PASSAGE);
    let edited = ARTICLE.replace(PASSAGE, "");
    assert_eq!(locate(&a, &edited), Located::Orphaned);
    let rewritten = ARTICLE.replace(
        PASSAGE,
        "les bassins fermeront dès le premier juillet, faute de personnel",
    );
    assert_eq!(locate(&a, &rewritten), Located::Orphaned);
    assert_eq!(locate(&a, ""), Located::Orphaned);
}

#[test]
fn bookmark_ids_are_unique() {
    let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_id()).collect();
    assert_eq!(ids.len(), 1000);
    let b = Bookmark::new("T", anchor_on(ARTICLE, PASSAGE));
    assert!(
        b.created.ends_with('Z') && b.created.len() == 20,
        "{}",
        b.created
    );
}

#[test]
fn bookmark_export_markdown_reads_as_notes() {
    let mut b = Bookmark::new("La piscine\nreste ouverte", anchor_on(ARTICLE, PASSAGE));
    b.note = "À citer dans l'article de jeudi.".into();
    b.created = "2025-03-01T10:00:00Z".into();
    let md = export_markdown(&[b]);
    assert!(md.contains("## La piscine reste ouverte\n"), "{md}");
    assert!(md.contains(&format!("> {PASSAGE}\n")), "{md}");
    assert!(md.contains("\nÀ citer dans l'article de jeudi.\n"), "{md}");
    assert!(md.contains("— 2025-03-01"), "{md}");
}

#[test]
fn bookmark_export_json_is_web_annotations() {
    let b = Bookmark::new("T", anchor_on(ARTICLE, PASSAGE));
    let v: serde_json::Value = serde_json::from_str(&export_json(&[b])).expect("json");
    assert_eq!(v[0]["type"], "Annotation");
    assert_eq!(v[0]["target"]["selector"]["type"], "TextQuoteSelector");
    assert_eq!(v[0]["target"]["selector"]["exact"], PASSAGE);
}

#[test]
fn bookmark_locate_large_text_is_fast() {
    // A passage that was deleted forces every pass over the whole text.
    let para = "Some paragraph of an article, with words and more words.\r\n";
    let mut text = para.repeat(300_000); // ~18 MB
    let mid = text.len() / 2;
    let mid = text[..mid].rfind('\n').expect("newline") + 1;
    text.insert_str(mid, "A unique passage worth keeping, about the pool. ");
    let a = anchor_on(&text, "A unique passage worth keeping");
    let edited = text.replacen("A unique passage worth keeping, about the pool. ", "", 1);
    let rewrapped = text.replace("\r\n", "\n");
    // Speed is measured in benchmarks, not asserted here: this checks the answers on a text
    // large enough that a quadratic pass would not finish.
    assert_eq!(locate(&a, &edited), Located::Orphaned);
    assert!(matches!(locate(&a, &rewrapped), Located::Moved(_)));
}

#[test]
fn bookmark_locate_degenerate_repetitive_text_is_bounded() {
    // Every key matches everywhere: candidate lists must stay bounded, and the answer sane.
    let text = "ab ".repeat(2_000_000);
    let a = Anchor::new("p", &text, 3_000_000, 3_000_050);
    let edited = format!("ab{text}");
    let got = locate(&a, &edited);
    assert!(matches!(got, Located::Moved(_)), "{got:?}");
    let a = Anchor::new("p", &text, 3_000_000, 3_000_001);
    assert!(!matches!(locate(&a, &edited), Located::Orphaned));
}

#[test]
fn bookmark_passage_at_start_or_end_of_text() {
    let text = "Opening words of the piece. Middle part here. Closing words of it.";
    let a = anchor_on(text, "Opening words");
    assert!(a.prefix.is_empty());
    let edited = format!("NEW HEADLINE\r\n\r\n{}", text.replace(". ", ".\r\n"));
    assert_moved_to(locate(&a, &edited), &edited, "Opening words");
    let a = anchor_on(text, "Closing words of it.");
    assert!(a.suffix.is_empty());
    let edited = text.replace("Closing words", "Closing  words\n");
    assert_moved_to(locate(&a, &edited), &edited, "Closing  words\n of it.");
}

#[test]
fn bookmark_short_passage_edited_inside() {
    let text = "The vote was close: 12 in favour, 11 against, two abstentions.";
    let a = anchor_on(text, "12 in favour, 11 against");
    let edited = text.replace("12 in favour, 11 against", "12 in favour and 11 against");
    assert_moved_to(locate(&a, &edited), &edited, "12 in favour and 11 against");
}

fn text_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("a"),
            Just("b"),
            Just(" "),
            Just("\n"),
            Just("\r\n"),
            Just("é"),
            Just("\u{a0}"),
            Just("日本"),
            Just("🙂"),
            Just("ab "),
            Just("\t")
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn bookmark_locate_never_panics_and_stays_in_bounds(
        text in text_strategy(),
        old in text_strategy(),
        start in 0usize..200,
        len in 0usize..80,
        raw in proptest::option::of((text_strategy(), text_strategy(), text_strategy())),
    ) {
        let mut a = Anchor::new("p", &old, start, start + len);
        if let Some((prefix, exact, suffix)) = raw {
            a.prefix = prefix;
            a.exact = exact;
            a.suffix = suffix;
            a.start = start;
            a.end = len * 3; // sometimes before start, sometimes past the text

        }
        match locate(&a, &text) {
            Located::Exact(r) | Located::Moved(r) => {
                prop_assert!(r.start <= r.end && r.end <= text.len());
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            }
            Located::Orphaned => {}
        }
    }

    #[test]
    fn bookmark_edits_away_from_passage_keep_it_found(
        before in text_strategy(),
        after in text_strategy(),
        ins_before in text_strategy(),
        ins_after in text_strategy(),
    ) {
        let passage = "UNIQUE kept passage, 42 words";
        let text = format!("{before}{passage}{after}");
        let a = anchor_on(&text, passage);
        let edited = format!("{ins_before}{before}{passage}{after}{ins_after}");
        let expected = ins_before.len() + before.len();
        let got = locate(&a, &edited);
        let range = match got {
            Located::Exact(r) | Located::Moved(r) => r,
            Located::Orphaned => return Err(TestCaseError::fail("orphaned")),
        };
        prop_assert_eq!(range, expected..expected + passage.len());
    }

    #[test]
    fn bookmark_locate_finds_unedited_passage(text in text_strategy(), start in 0usize..200, len in 1usize..80) {
        let a = Anchor::new("p", &text, start, start + len);
        prop_assert_eq!(locate(&a, &text), Located::Exact(a.start..a.end));
    }
}
