//! Any config text: parsing never panics, and a parsed config builds a keymap.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match liseuse::config::parse(text) {
        Ok(c) => {
            let _ = c.keymap();
        }
        Err(e) => assert!(!e.contains('\n'), "one line: {e:?}"),
    }
});
