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
    Down => "down", "Move down one line (or to the next item); a count moves that many";
    Up => "up", "Move up one line (or to the previous item)";
    PageDown => "page_down", "Move down one page";
    PageUp => "page_up", "Move up one page";
    HalfPageDown => "half_page_down", "Move down half a page";
    HalfPageUp => "half_page_up", "Move up half a page";
    ScrollDown => "scroll_down", "Scroll the text down one line, the cursor staying put";
    ScrollUp => "scroll_up", "Scroll the text up one line";
    Top => "top", "Go to the start (with a count: to that line)";
    Bottom => "bottom", "Go to the end (with a count: to that line)";
    Percent => "percent", "With a count: go that far into the article (50% is half way)";
    Open => "open", "Open the selected article, or select the entity on the line";
    NextArticle => "next_article", "Open the next article of the list";
    PrevArticle => "prev_article", "Open the previous article of the list";
    NextUnread => "next_unread", "Open the next unread article of the list (unread: never opened)";
    SortList => "sort_list", "Sort the list by date, newest first, or by path, in turn";
    ListNaming => "list_naming", "List only the articles naming the selected entity (again: all)";
    UnreadOnly => "unread_only", "List only the articles never opened (again: all)";
    FocusNext => "focus_next", "Focus the next pane";
    FocusPrev => "focus_prev", "Focus the previous pane";
    ToggleSidebar => "toggle_sidebar", "Show or hide the entity sidebar";
    Zoom => "zoom", "Reader only: hide the file list and the sidebar, or show them again";
    WiderList => "wider_list", "Make the file list wider";
    NarrowerList => "narrower_list", "Make the file list narrower";
    WiderText => "wider_text", "Make the text wider (kept for the next start)";
    NarrowerText => "narrower_text", "Make the text narrower, centred (kept for the next start)";
    NextChapter => "next_chapter", "Next chapter of a book (or top heading of an article)";
    PrevChapter => "prev_chapter", "This chapter's start, or the previous chapter from there";
    ToggleScope => "toggle_scope", "Sidebar: switch between this article's entities and all articles'";
    ShowPeople => "show_people", "Highlight and list people, or not";
    ShowOrganisations => "show_organisations", "Highlight and list organisations, or not";
    ShowPlaces => "show_places", "Highlight and list places, or not";
    ShowDates => "show_dates", "Highlight and list dates, or not";
    Mentions => "mentions", "List every mention of the selected entity";
    Timeline => "timeline", "When the selected entity is named: mentions per month, the articles by date";
    Correct => "correct", "Correct the entity engine here: not an entity, its type, its name, the same as another, two, undo";
    Company => "company", "Who appears with the selected entity (and who speaks of whom): Enter lists the passages naming both";
    Said => "said", "What the selected person said across the library: Enter opens a quotation, n/N walk them";
    Bookmark => "bookmark", "Bookmark the paragraph at the cursor (or the selected lines)";
    Select => "select", "Start or stop selecting lines to bookmark";
    Bookmarks => "bookmarks", "List the bookmarks of all articles";
    EditNote => "edit_note", "In the bookmark list: edit the note";
    Delete => "delete", "In the bookmark list: delete the bookmark";
    Undo => "undo", "In the bookmark list: undo the last delete";
    SetMark => "set_mark", "Mark the place with the letter typed next (kept per article)";
    GotoMark => "goto_mark", "Go back to the mark of the letter typed next";
    Next => "next", "Next mention of the entity or next match, whichever was asked last";
    Prev => "prev", "Previous mention or match, whichever was asked last";
    SearchAll => "search_all", "Search all articles";
    Search => "search", "Search the article as you type, or filter the list in focus (titles, sources)";
    SearchBack => "search_back", "Search the article backwards: n then goes up, N down";
    Filter => "filter", "Show only the paragraphs matching a pattern (& then Enter shows all)";
    Command => "command", "A command: :n next article, :p previous, :q quit, :NUMBER line";
    Contents => "contents", "The article's headings or a book's chapters: Enter goes there";
    Links => "links", "The article's links with their addresses";
    FetchLink => "fetch_link", "In the links: fetch the page into the library and read it here";
    BrowseLink => "browse_link", "In the links: open the page in the web browser ($BROWSER)";
    CopyLink => "copy_link", "In the links: copy the address (where the terminal allows it)";
    RefreshFeeds => "refresh_feeds", "Fetch the feeds' new articles in the background (liseuse feed add subscribes)";
    Info => "info", "Show the file, the position and the size";
    Redraw => "redraw", "Redraw the screen";
    Suspend => "suspend", "Suspend liseuse to the shell (fg brings it back)";
    Help => "help", "Show or hide this help";
    Cancel => "cancel", "Close the overlay, clear the selection, the search and filters";
    Quit => "quit", "Quit liseuse";
}

/// Where a key is pressed: each place takes only the actions that mean something there, so
/// one key can mean two things in two places (`d`: half a page in the reader, delete in the
/// bookmark list) and never two things in one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// The three panes, no overlay open.
    Panes,
    /// The help overlay.
    Help,
    /// The bookmark list.
    Bookmarks,
    /// The other list overlays (search results, mentions).
    List,
}

impl Context {
    pub const ALL: [Context; 4] = [
        Context::Panes,
        Context::Help,
        Context::Bookmarks,
        Context::List,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Context::Panes => "panes",
            Context::Help => "help",
            Context::Bookmarks => "bookmark list",
            Context::List => "lists",
        }
    }
}

impl Action {
    /// Whether the action means something in `ctx`.
    pub fn applies(self, ctx: Context) -> bool {
        use Action as A;
        let moves = matches!(
            self,
            A::Down | A::Up | A::PageDown | A::PageUp | A::Top | A::Bottom
        );
        match ctx {
            Context::Panes => !matches!(
                self,
                A::EditNote | A::Delete | A::Undo | A::FetchLink | A::BrowseLink | A::CopyLink
            ),
            Context::Help => {
                moves
                    || matches!(
                        self,
                        A::HalfPageDown | A::HalfPageUp | A::Help | A::Cancel | A::Quit
                    )
            }
            Context::Bookmarks => {
                moves
                    || matches!(
                        self,
                        A::Open
                            | A::EditNote
                            | A::Delete
                            | A::Undo
                            | A::Search
                            | A::Bookmarks
                            | A::Help
                            | A::Cancel
                            | A::Quit
                            | A::Redraw
                    )
            }
            Context::List => {
                moves
                    || matches!(
                        self,
                        A::Open
                            | A::Search
                            | A::SearchAll
                            | A::Mentions
                            | A::Said
                            | A::Company
                            | A::Timeline
                            | A::Contents
                            | A::Links
                            | A::FetchLink
                            | A::BrowseLink
                            | A::CopyLink
                            | A::Help
                            | A::Cancel
                            | A::Quit
                            | A::Redraw
                    )
            }
        }
    }
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
