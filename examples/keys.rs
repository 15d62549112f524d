//! Prints the README's key table from the default keymap.
fn main() {
    print!(
        "{}",
        liseuse::keys::keymap::markdown_table(&liseuse::keys::keymap::Keymap::default())
    );
}
