//! Any bytes as `bookmarks.json`: parsing never panics, and a file it refuses says why in one
//! line.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match liseuse_library::store::parse_bookmarks(data) {
        Ok(list) => {
            for b in list {
                let _ = liseuse_library::bookmark::locate(&b.anchor, "Un texte court. Un autre.");
            }
        }
        Err(why) => assert!(!why.contains('\n'), "one line: {why:?}"),
    }
});
