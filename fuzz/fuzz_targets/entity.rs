//! Any text: entity spans are sorted, non-overlapping, on character boundaries, inside the
//! text; grouping and the corpus index never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use liseuse_entity as entity;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let spans = entity::extract(&text);
    let mut prev = 0;
    for s in &spans {
        assert!(s.start >= prev && s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prev = s.end;
    }
    let doc = entity::analyse(&text);
    let index = entity::EntityIndex::build(std::slice::from_ref(&doc));
    for m in index.doc_mentions(0) {
        assert!(text.get(m.range()).is_some());
    }
});
