//! Any bytes read as markdown: no panic, no hang, and the document keeps every promise of
//! `Document::check` (ranges are slices of the text, in order; titles are one safe line).
#![no_main]
use libfuzzer_sys::fuzz_target;
use liseuse_document::format;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = format::read(format::Format::Markdown, "fuzz", data) {
        if let Err(e) = doc.check() {
            panic!("{e}");
        }
    }
});
