//! The fuzz targets of `fuzz/` as property tests, so `cargo test` keeps checking what the
//! fuzzers found true: decoding never panics, entity spans are well-formed, re-anchoring gives
//! a range of the text or orphaned, config and bookmark files never panic. (Wrapping's property
//! test is in `crates/liseuse-document/src/wrap.rs`.)

use liseuse::config;
use liseuse_document::Document;
use liseuse_document::sanitize;
use liseuse_entity as entity;
use liseuse_library::bookmark::{Anchor, Located, locate};
use liseuse_library::store;
use proptest::prelude::*;

/// Text with what hostile files are made of: controls, escapes, bidi, joiners, accents,
/// capitalised words (for the entity rules), whitespace of every kind.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,300}",
        "[A-Za-zéÉ \\n\\r\\t.,«»'’\\-\\u{0}\\u{1b}\\u{9b}\\u{202e}\\u{200d}\\u{301}0-9]{0,300}",
        "((M\\. |Emmanuel |Macron |Paris |le |la |de |ONU |CGT |2023 |janvier |\\u{1b}\\]0;|\\n){0,60})",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn decoding_never_panics_and_ranges_are_slices(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(doc) = Document::from_bytes("p.txt", &bytes) {
            let mut prev = 0;
            for (i, p) in doc.paragraphs.iter().enumerate() {
                prop_assert!(p.range.start >= prev && p.range.start < p.range.end);
                prop_assert!(doc.text.get(p.range.clone()).is_some());
                prev = p.range.end;
                prop_assert!(!sanitize::display(doc.paragraph_text(i)).chars().any(sanitize::is_unsafe));
            }
        }
    }

    #[test]
    fn decoding_hostile_text_never_panics(s in hostile_text()) {
        let _ = Document::from_bytes("p.txt", s.as_bytes());
    }

    #[test]
    fn entity_spans_are_in_order_on_char_boundaries_inside_the_text(text in hostile_text()) {
        let mut prev = 0;
        for s in entity::extract(&text) {
            prop_assert!(s.start >= prev && s.start < s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            prev = s.end;
        }
        let doc = entity::analyse(&text);
        let index = entity::EntityIndex::build(std::slice::from_ref(&doc));
        for m in index.doc_mentions(0).iter() {
            prop_assert!(text.get(m.range()).is_some());
        }
    }

    #[test]
    fn reanchoring_gives_a_range_of_the_text_or_orphaned(
        old in hostile_text(),
        new in hostile_text(),
        start in 0usize..400,
        len in 0usize..100,
    ) {
        let anchor = Anchor::new("a.txt", &old, start, start + len);
        for text in [&old, &new, &format!("{new}{old}")] {
            match locate(&anchor, text) {
                Located::Exact(r) | Located::Moved(r) => {
                    prop_assert!(r.start <= r.end && text.get(r).is_some());
                }
                Located::Orphaned => {}
            }
        }
        // An anchor whose stored fields are nonsense for the text.
        let mut odd = anchor.clone();
        odd.start = start * 7;
        odd.end = start;
        odd.exact = new.chars().take(len).collect();
        if let Located::Exact(r) | Located::Moved(r) = locate(&odd, &old) {
            prop_assert!(old.get(r).is_some());
        }
    }

    #[test]
    fn config_parsing_never_panics_and_errors_are_one_line(
        text in "\\PC{0,200}|((theme|reader_width|labels|\\[keys\\]|\\[colors\\]|quit|person|=| |\"|\\[|\\]|,|\\n|[0-9]{1,6}|#)){0,40}"
    ) {
        match config::parse(&text) {
            Ok(c) => { let _ = c.keymap(); }
            Err(e) => prop_assert!(!e.contains('\n'), "{:?}", e),
        }
    }

    #[test]
    fn bookmark_files_never_panic_and_refusals_are_one_line(
        text in "\\PC{0,200}|((\\{|\\}|\\[|\\]|\"schema\"|\"bookmarks\"|\"id\"|\"anchor\"|\"start\"|:|,|1|2|-1|1e99|\"x\"|null)){0,50}"
    ) {
        match store::parse_bookmarks(text.as_bytes()) {
            Ok(list) => for b in list { let _ = locate(&b.anchor, "Un texte."); },
            Err(e) => prop_assert!(!e.contains('\n'), "{:?}", e),
        }
    }
}
