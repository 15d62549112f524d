//! Any anchor in any text: re-anchoring returns a range of the text on character boundaries,
//! or orphaned; never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use liseuse_library::bookmark::{Anchor, Located, locate};

fuzz_target!(|data: &[u8]| {
    // Layout: two offsets, then the text and the anchor's quote, prefix and suffix split by 0xff.
    if data.len() < 4 {
        return;
    }
    let start = usize::from(u16::from_le_bytes([data[0], data[1]]));
    let end = usize::from(u16::from_le_bytes([data[2], data[3]]));
    let mut parts = data[4..].split(|b| *b == 0xff).map(String::from_utf8_lossy);
    let text = parts.next().unwrap_or_default();
    let mut anchor = Anchor::new("a.txt", &text, start, end);
    if let Some(exact) = parts.next() {
        anchor.exact = exact.into_owned();
        anchor.prefix = parts.next().unwrap_or_default().into_owned();
        anchor.suffix = parts.next().unwrap_or_default().into_owned();
        anchor.start = start;
        anchor.end = end;
    }
    match locate(&anchor, &text) {
        Located::Exact(r) | Located::Moved(r) => {
            assert!(r.start <= r.end && text.get(r).is_some());
        }
        Located::Orphaned => {}
    }
});
