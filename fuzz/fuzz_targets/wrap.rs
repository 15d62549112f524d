//! Any text at every width from 1 to 300: wrapping loses, reorders and overflows nothing.
#![no_main]
use libfuzzer_sys::fuzz_target;
use liseuse_document::sanitize::{self, is_break_space};
use liseuse_document::wrap::wrap;
use unicode_segmentation::UnicodeSegmentation;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let strip = |t: &str| {
        t.chars()
            .filter(|c| !is_break_space(*c))
            .collect::<String>()
    };
    let want = strip(&s);
    for w in 1..=300 {
        let mut prev = 0;
        let mut kept = String::new();
        for r in wrap(&s, w) {
            assert!(r.start >= prev && r.start <= r.end);
            let line = s.get(r.clone()).expect("a line is a slice of the text");
            if line.graphemes(true).count() > 1 {
                assert!(sanitize::width(line) <= w, "{line:?} wider than {w}");
            }
            kept.push_str(line);
            prev = r.end;
        }
        assert_eq!(strip(&kept), want, "width {w}");
        // Wider than the text: nothing changes past this width.
        if sanitize::width(&s) < w {
            break;
        }
    }
});
