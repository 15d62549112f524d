//! The README says what is true.

#[test]
fn readme_key_table_matches_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = liseuse::keys::keymap::markdown_table(&liseuse::keys::keymap::Keymap::default());
    assert!(
        readme.contains(&table),
        "README's key table is stale: paste the output of `cargo run --example keys`:\n{table}"
    );
}

#[test]
fn readme_gives_the_two_set_up_commands() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains("cargo run --release "));
    assert!(readme.contains("cargo test "));
}
