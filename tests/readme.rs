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

/// Issue 23 item 17: the set-up names the Rust version and edition the workspace asks for.
#[test]
fn readme_names_the_rust_version_the_workspace_needs() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let value = |key: &str| {
        manifest
            .lines()
            .find_map(|l| {
                l.strip_prefix(key)?
                    .trim()
                    .strip_prefix('=')?
                    .trim()
                    .strip_prefix('"')
            })
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or_else(|| panic!("{key} in Cargo.toml"))
            .to_string()
    };
    let setup = readme
        .split("## Set up on a fresh machine")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .unwrap();
    let version = value("rust-version");
    let edition = value("edition");
    assert!(setup.contains(&format!("Rust {version}")), "{setup}");
    assert!(setup.contains(&format!("edition {edition}")), "{setup}");
}
