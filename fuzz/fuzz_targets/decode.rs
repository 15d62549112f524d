//! Any bytes: decoding, metadata and paragraphs never panic, every range lies inside the text
//! on character boundaries, in order, and what is drawn has no control character.
#![no_main]
use libfuzzer_sys::fuzz_target;
use liseuse_document::Document;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::from_bytes("fuzz.txt", data) else {
        return;
    };
    let mut prev = 0;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        assert!(p.range.start >= prev && p.range.start < p.range.end);
        assert!(doc.text.get(p.range.clone()).is_some());
        prev = p.range.end;
        let shown = liseuse_document::sanitize::display(doc.paragraph_text(i));
        assert!(!shown.chars().any(liseuse_document::sanitize::is_unsafe));
    }
    assert!(
        !liseuse_document::collapse_spaces(&doc.title)
            .chars()
            .any(liseuse_document::sanitize::is_unsafe)
    );
});
