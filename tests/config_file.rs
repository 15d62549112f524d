//! Issue 15.9 and 16.7 from outside: the colours the config accepts are the ones the theme can
//! draw, and `--print-config` is a complete, valid config that lists every action.

use std::process::Command;
use std::str::FromStr;

use liseuse::config::{self, is_color};
use liseuse::keys::action::Action;
use ratatui::style::Color;

fn agree(s: &str) {
    assert_eq!(is_color(s), Color::from_str(s).is_ok(), "{s:?}");
}

#[test]
fn the_config_accepts_exactly_the_colours_the_theme_draws() {
    for s in [
        "red",
        "Red",
        "light-red",
        "light_red",
        "LightRed",
        "bright red",
        "grey",
        "dark gray",
        "silver",
        "lightblack",
        "lightwhite",
        "lightgray",
        "reset",
        "white",
        "reddish",
        "",
        "0",
        "255",
        "256",
        "-1",
        "#ff8800",
        "#FF8800",
        "#ff880",
        "#ff88000",
        "ff8800",
        "#gg8800",
        "light",
        "bright",
        "+1",
        "007",
    ] {
        agree(s);
    }
}

proptest::proptest! {
    #[test]
    fn colours_agree_on_anything(s in "[a-zA-Z0-9#_ -]{0,12}|(light|bright|dark)[ _-]?(red|gr[ae]y|cyan|black|white)") {
        proptest::prop_assert_eq!(is_color(&s), Color::from_str(&s).is_ok(), "{:?}", s);
    }
}

#[test]
fn print_config_is_valid_and_lists_every_action() {
    let out = Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .arg("--print-config")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, config::default_toml());
    let (parsed, said) = config::parse_all(&text);
    assert!(said.is_empty(), "{said:?}");
    assert_eq!(parsed, config::Config::default());
    for &a in Action::ALL {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("# {} = [", a.name()))),
            "{} missing",
            a.name()
        );
    }
    // The option the header names exists.
    assert!(text.contains("`liseuse --print-config-path`"));
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .arg("--print-config-path")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("cfg"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let path = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        path.trim_end(),
        home.path()
            .join("cfg/liseuse/config.toml")
            .display()
            .to_string()
    );
}
