use super::*;

#[test]
fn every_default_binding_parses() {
    for (k, _) in DEFAULT_BINDINGS {
        assert!(Key::parse(k).is_some(), "{k}");
    }
    assert_eq!(Keymap::default().bindings.len(), DEFAULT_BINDINGS.len());
}

#[test]
fn every_action_has_a_key() {
    for preset in [Preset::Liseuse, Preset::Less] {
        let km = Keymap::preset(preset);
        for &a in Action::ALL {
            // Searching backwards is `?`, which liseuse's own keys give to help.
            let none = preset == Preset::Liseuse && a == Action::SearchBack;
            assert_eq!(km.keys_for(a).is_empty(), none, "{preset:?}: {a:?}");
        }
    }
}

#[test]
fn the_less_preset_moves_bookmark_and_help_and_no_key_means_two_things() {
    let km = Keymap::preset(Preset::Less);
    let key = |s: &str| Key::parse(s).unwrap();
    let panes = Context::Panes;
    assert_eq!(km.action_in(key("b"), panes), Some(Action::PageUp));
    assert_eq!(km.action_in(key("f"), panes), Some(Action::PageDown));
    assert_eq!(km.action_in(key("?"), panes), Some(Action::SearchBack));
    assert_eq!(km.action_in(key("h"), panes), Some(Action::Help));
    assert_eq!(km.action_in(key("a"), panes), Some(Action::Bookmark));
    assert_eq!(km.action_in(key("&"), panes), Some(Action::Filter));
    for ctx in Context::ALL {
        for (k, _) in &km.bindings {
            let actions: Vec<Action> = km
                .bindings
                .iter()
                .filter(|(x, a)| x == k && a.applies(ctx))
                .map(|(_, a)| *a)
                .collect();
            assert!(actions.len() <= 1, "{k} in {ctx:?}: {actions:?}");
        }
    }
}

#[test]
fn lookup_and_rebind() {
    let mut km = Keymap::default();
    assert_eq!(
        km.action(Key::plain(KeyCode::Char('j'))),
        Some(Action::Down)
    );
    assert_eq!(km.action(Key::ctrl('c')), Some(Action::Quit));
    km.bind(Action::Down, &[Key::parse("n").unwrap()]);
    assert_eq!(km.action(Key::plain(KeyCode::Char('j'))), None);
    assert_eq!(
        km.action(Key::plain(KeyCode::Char('n'))),
        Some(Action::Down)
    );
}

#[test]
fn ctrl_c_always_quits_whatever_is_bound() {
    let mut km = Keymap::default();
    km.bind(Action::Quit, &[]);
    assert_eq!(km.action(Key::ctrl('c')), Some(Action::Quit));
    assert_eq!(km.keys_for(Action::Quit), [Key::ctrl('c')]);
    km.bind(
        Action::Down,
        &[Key::ctrl('c'), Key::plain(KeyCode::Char('j'))],
    );
    assert_eq!(km.action(Key::ctrl('c')), Some(Action::Quit));
    assert_eq!(km.keys_for(Action::Down), [Key::plain(KeyCode::Char('j'))]);
}

#[test]
fn keys_display_as_they_parse() {
    for s in ["j", "Ctrl-c", "Space", "Shift-Tab", "F1", "G"] {
        assert_eq!(Key::parse(s).unwrap().to_string(), s);
    }
}
