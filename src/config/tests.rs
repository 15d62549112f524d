use super::*;
use crate::keys::action::Context;
use crate::keys::keymap::KeyCode;

fn problems(text: &str) -> Vec<String> {
    parse_all(text).1
}

#[test]
fn printed_defaults_parse_to_the_defaults() {
    let (c, said) = parse_all(&default_toml());
    assert_eq!(said, Vec::<String>::new());
    assert_eq!(c, Config::default());
}

#[test]
fn printed_defaults_list_every_action_with_its_keys() {
    let text = default_toml();
    assert!(
        !text.contains("--print-config-path") || text.contains("`liseuse --print-config-path`")
    );
    for &a in Action::ALL {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("# {} = [", a.name())))
            .unwrap_or_else(|| panic!("{} missing", a.name()));
        assert!(line.contains(a.help()), "{line}");
        // Uncommented, the line is a valid binding of that action's default keys.
        let uncommented = line.trim_start_matches("# ");
        let (c, said) = parse_all(&format!("[keys]\n{uncommented}\n"));
        assert!(said.is_empty(), "{line}: {said:?}");
        assert_eq!(
            c.keymap().keys_for(a),
            Keymap::default().keys_for(a),
            "{line}"
        );
    }
}

#[test]
fn valid_file_changes_what_it_says() {
    let (c, said) = parse_all(
        "reader_width = 72\ntheme = \"light\"\nlabels = [\"PER\"]\n[keys]\ndown = [\"n\"]\nnext = [\"X\"]\n[colors]\nperson = \"#ff0000\"\n",
    );
    assert_eq!(said, Vec::<String>::new());
    assert_eq!(c.reader_width, 72);
    assert_eq!(c.theme, ThemeName::Light);
    assert!(c.shows_label("PER") && !c.shows_label("ORG"));
    let km = c.keymap();
    assert_eq!(
        km.action(Key::plain(KeyCode::Char('n'))),
        Some(Action::Down)
    );
    assert_eq!(km.action(Key::plain(KeyCode::Char('j'))), None);
}

#[test]
fn every_mistake_is_said_with_its_line_and_the_rest_is_kept() {
    let text = "reader_width = 72\ntheme = dark\nfont = \"big\"\nlabels = [\"PER\", \"MISC\"]\n\
                [colors]\nperson = \"reddish\"\nplace = \"lightgreen\"\nsky = \"blue\"\n\
                [keys]\nfly = [\"f\"]\ndown = [\"Hyper-x\", \"n\"]\nbottom = [\"E\"]\nup = [\"k\"\n";
    let (c, said) = parse_all(text);
    let at = |line: usize, what: &str| {
        assert!(
            said.iter()
                .any(|s| s.starts_with(&format!("line {line}: ")) && s.contains(what)),
            "no line {line} with {what:?} in {said:#?}"
        );
    };
    at(2, "quoted");
    at(3, "font");
    at(4, "MISC");
    at(6, "reddish");
    at(8, "sky");
    at(10, "fly");
    at(11, "Hyper-x");
    at(13, "");
    for s in &said {
        assert!(!s.contains('\n'), "one line: {s:?}");
    }
    // What was right is kept.
    assert_eq!(c.reader_width, 72);
    assert_eq!(c.theme, ThemeName::Dark);
    assert_eq!(c.labels, ["PER"]);
    assert_eq!(
        c.colors.get("place").map(String::as_str),
        Some("lightgreen")
    );
    assert!(!c.colors.contains_key("person"));
    let km = c.keymap();
    assert_eq!(
        km.action(Key::plain(KeyCode::Char('n'))),
        Some(Action::Down)
    );
    assert_eq!(
        km.action(Key::plain(KeyCode::Char('E'))),
        Some(Action::Bottom)
    );
}

#[test]
fn an_unknown_colour_value_is_reported() {
    let said = problems("[colors]\nperson = \"reddish\"\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("line 2:") && said[0].contains("\"reddish\""),
        "{said:?}"
    );
}

#[test]
fn quit_can_never_be_left_without_a_key() {
    let (c, said) = parse_all("[keys]\nquit = []\n");
    assert!(
        said.iter()
            .any(|s| s.starts_with("line 2:") && s.contains("Ctrl-c")),
        "{said:?}"
    );
    let km = c.keymap();
    assert_eq!(km.action(Key::ctrl('c')), Some(Action::Quit));
    assert_eq!(km.action(Key::plain(KeyCode::Char('q'))), None);
    // Nor given away to another action.
    let (c, said) = parse_all("[keys]\ndown = [\"Ctrl-c\", \"j\"]\n");
    assert!(
        said.iter()
            .any(|s| s.starts_with("line 2:") && s.contains("always quits")),
        "{said:?}"
    );
    assert_eq!(c.keymap().action(Key::ctrl('c')), Some(Action::Quit));
    assert_eq!(
        c.keymap().action(Key::plain(KeyCode::Char('j'))),
        Some(Action::Down)
    );
}

#[test]
fn an_empty_or_conflicting_binding_is_reported_with_its_line() {
    let said = problems("[keys]\ndown = []\n");
    assert!(
        said.iter()
            .any(|s| s.starts_with("line 2:") && s.contains("without a key")),
        "{said:?}"
    );
    let (c, said) = parse_all("[keys]\ndown = [\"X\"]\nup = [\"X\", \"k\"]\n");
    assert!(
        said.iter()
            .any(|s| s.starts_with("line 3:") && s.contains("both down (line 2) and up")),
        "{said:?}"
    );
    let km = c.keymap();
    assert_eq!(
        km.action(Key::plain(KeyCode::Char('X'))),
        Some(Action::Down)
    );
    assert_eq!(km.action(Key::plain(KeyCode::Char('k'))), Some(Action::Up));
    // Two actions that never apply in one place may share a key.
    let (c, said) = parse_all("[keys]\ndelete = [\"X\"]\nfocus_next = [\"X\"]\n");
    assert!(said.is_empty(), "{said:?}");
    assert_eq!(c.keys.get("delete").map(Vec::len), Some(1));
    assert_eq!(c.keys.get("focus_next").map(Vec::len), Some(1));
    // Taking another action's only key leaves that one without: said too.
    let said = problems("[keys]\ndown = [\"n\", \"j\"]\n");
    assert!(
        said.iter()
            .any(|s| s.starts_with("line 2:") && s.contains("key of next")),
        "{said:?}"
    );
}

#[test]
fn syntax_errors_name_their_line_and_spoil_only_it() {
    let (c, said) =
        parse_all("reader_width = 72\ntheme = dark\n[keys]\ndown = [\"n\"\nup = [\"i\"]\n");
    assert!(said.iter().any(|s| s.starts_with("line 2:")), "{said:?}");
    assert_eq!(c.reader_width, 72);
    let said = problems("reader_width = 1\nreader_width = 2\n");
    assert!(
        said.iter()
            .any(|s| s.starts_with("line 2:") && s.contains("duplicate")),
        "{said:?}"
    );
}

#[test]
fn wrong_types_are_errors() {
    for (text, line) in [
        ("reader_width = \"wide\"\n", 1),
        ("\nreader_width = -3\n", 2),
        ("reader_width = 70000\n", 1),
        ("theme = 3\n", 1),
        ("labels = \"PER\"\n", 1),
        ("[keys]\ndown = \"j\"\n", 2),
        ("colors = 1\n", 1),
    ] {
        let said = problems(text);
        assert!(
            said.iter().any(|s| s.starts_with(&format!("line {line}:"))),
            "{text:?}: {said:?}"
        );
    }
}

#[test]
fn missing_explicit_file_falls_back_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let (c, said) = load_all(Some(&dir.path().join("none.toml")));
    assert_eq!(c, Config::default());
    assert!(said[0].contains("using the defaults"), "{said:?}");
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "theme = 3\nreader_width = 60\nlabels = [1]\n").unwrap();
    let (c, said) = load_all(Some(&bad));
    assert_eq!(c.reader_width, 60);
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said[0].contains("line 1") && said[1].contains("line 3"),
        "{said:?}"
    );
    let (_, one) = load(Some(&bad));
    assert!(one.unwrap().ends_with("(and 1 more)"));
}

#[test]
fn a_hostile_file_name_or_value_is_shown_safely() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("c\u{1b}]0;x\u{7}.toml");
    std::fs::write(&bad, "theme = \"\u{1b}[2J\"\n").unwrap();
    let (_, said) = load_all(Some(&bad));
    assert_eq!(said.len(), 1);
    assert!(
        !said[0].chars().any(liseuse_document::sanitize::is_unsafe),
        "{said:?}"
    );
}

/// Issue 23: less's keys as a preset, alone or in `[keys]` with bindings of its own; a wrong
/// preset is said and the default keys stay.
#[test]
fn the_less_preset_and_its_mistakes() {
    let key = |s: &str| Key::parse(s).unwrap();
    let (c, said) = parse_all("keys = \"less\"\n");
    assert_eq!(said, Vec::<String>::new());
    let km = c.keymap();
    assert_eq!(km.action_in(key("b"), Context::Panes), Some(Action::PageUp));
    assert_eq!(km.keys_for(Action::Bookmark), [key("a")]);

    let (c, said) = parse_all("[keys]\nbookmark = [\"Ctrl-k\"]\npreset = \"less\"\n");
    assert_eq!(said, Vec::<String>::new());
    let km = c.keymap();
    assert_eq!(
        km.keys_for(Action::Bookmark),
        [key("Ctrl-k")],
        "its own binding wins"
    );
    assert_eq!(
        km.action_in(key("f"), Context::Panes),
        Some(Action::PageDown)
    );

    let said = problems("keys = \"vim\"\n");
    assert!(
        said[0].starts_with("line 1: unknown keys preset"),
        "{said:?}"
    );
    let (c, _) = parse_all("keys = \"vim\"\n");
    assert_eq!(c.keymap().keys_for(Action::Bookmark), [key("b")]);
}
