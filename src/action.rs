//! What the user can ask for. Keys map to these through the keymap; `App::update` carries them
//! out. Every bindable action has a stable name (used in the config file and the help overlay).

macro_rules! actions {
    ($($variant:ident => $name:literal, $help:literal;)*) => {
        /// A user command, independent of the key that asked for it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action {
            $(#[doc = $help] $variant,)*
        }

        impl Action {
            /// Every action, in the order the help overlay lists them.
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];

            /// The name used in the config file.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name,)* }
            }

            /// One line for the help overlay.
            pub fn help(self) -> &'static str {
                match self { $(Action::$variant => $help,)* }
            }

            pub fn from_name(name: &str) -> Option<Action> {
                match name { $($name => Some(Action::$variant),)* _ => None }
            }
        }
    };
}

actions! {
    Down => "down", "Move down one line (or to the next item)";
    Up => "up", "Move up one line (or to the previous item)";
    PageDown => "page_down", "Move down one page";
    PageUp => "page_up", "Move up one page";
    Top => "top", "Go to the start";
    Bottom => "bottom", "Go to the end";
    Open => "open", "Open the selected article";
    FocusNext => "focus_next", "Focus the next pane";
    FocusPrev => "focus_prev", "Focus the previous pane";
    ToggleSidebar => "toggle_sidebar", "Show or hide the entity sidebar";
    ToggleScope => "toggle_scope", "Sidebar: switch between this article's entities and all articles'";
    Mentions => "mentions", "List every mention of the selected entity";
    Bookmark => "bookmark", "Bookmark the paragraph at the cursor (or the selected lines)";
    Select => "select", "Start or stop selecting lines to bookmark";
    Bookmarks => "bookmarks", "List the bookmarks of all articles";
    EditNote => "edit_note", "In the bookmark list: edit the note";
    Delete => "delete", "In the bookmark list: delete the bookmark";
    Undo => "undo", "In the bookmark list: undo the last delete";
    Next => "next", "Next mention of the selected entity, or next search match";
    Prev => "prev", "Previous mention of the selected entity, or previous search match";
    SearchAll => "search_all", "Search all articles";
    Search => "search", "Search the article as you type, or filter the list in focus";
    Help => "help", "Show or hide this help";
    Cancel => "cancel", "Close the overlay or clear the selection";
    Quit => "quit", "Quit liseuse";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(a));
            assert!(seen.insert(a.name()));
            assert!(!a.help().is_empty());
        }
    }
}
