//! Which colour values a config may give: the names, numbers and `#rrggbb` that the theme
//! (ratatui's `Color::from_str`) understands, checked here so that the core can say which line
//! is wrong without knowing the terminal library. `tests/config_file.rs` checks both agree.

/// The colour names, after the spellings are folded as the theme folds them.
const NAMES: &[&str] = &[
    "reset",
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

/// True when `s` names a colour: a name (`red`, `light-cyan`, `bright blue`, `grey`), a palette
/// number `0`–`255`, or `#rrggbb`.
pub fn is_color(s: &str) -> bool {
    let folded = s
        .to_lowercase()
        .replace([' ', '-', '_'], "")
        .replace("bright", "light")
        .replace("grey", "gray")
        .replace("silver", "gray")
        .replace("lightblack", "darkgray")
        .replace("lightwhite", "white")
        .replace("lightgray", "white");
    NAMES.contains(&folded.as_str()) || s.parse::<u8>().is_ok() || is_hex(s)
}

fn is_hex(s: &str) -> bool {
    s.len() == 7
        && s.starts_with('#')
        && s.get(1..)
            .is_some_and(|h| h.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_numbers_and_hex_are_colours() {
        for s in [
            "red",
            "LightCyan",
            "light-cyan",
            "bright blue",
            "grey",
            "200",
            "#ffaf5f",
        ] {
            assert!(is_color(s), "{s}");
        }
        for s in ["reddish", "", "256", "#fff", "#gggggg", "-1", "light"] {
            assert!(!is_color(s), "{s}");
        }
    }
}
