//! Prints the README's key table from the default keymap.
fn main() {
    print!(
        "{}",
        liseuse::keymap::markdown_table(&liseuse::keymap::Keymap::default())
    );
}
