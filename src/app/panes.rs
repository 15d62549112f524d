//! Actions in the panes (no overlay open): moving in the pane in focus, opening, selecting,
//! searching, following, bookmarking and the layout.

use super::geometry::LIST_STEP;
use super::input::{Input, Purpose};
use super::overlay::outline::Outline;
use super::overlay::{HelpView, Overlay};
use super::{App, Effect, Focus, Follow, Prefix};
use crate::keys::action::Action;
use liseuse_entity::Label;

impl App {
    /// Carries out `action` in the panes; `count` is what was typed before it (`5j`).
    pub(super) fn apply(&mut self, action: Action, count: Option<usize>, fx: &mut Vec<Effect>) {
        let n = count.unwrap_or(1);
        match action {
            Action::Quit => self.quit(fx),
            Action::Help => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help(_)) => None,
                    _ => Some(Overlay::Help(HelpView::default())),
                }
            }
            Action::Cancel => self.cancel(),
            Action::FocusNext => self.focus = self.cycle_focus(true),
            Action::FocusPrev => self.focus = self.cycle_focus(false),
            Action::ToggleSidebar => {
                let shown = self.geometry().is_some_and(|g| g.sidebar.is_some());
                self.layout.sidebar = Some(!shown);
                self.layout.zoom = false;
                self.relayout();
            }
            Action::WiderText | Action::NarrowerText => {
                self.change_text_width(action == Action::WiderText, n)
            }
            Action::NextChapter | Action::PrevChapter => {
                self.step_chapter(action == Action::NextChapter, n)
            }
            Action::SearchBack => match self.focus {
                Focus::Reader => self.start_search_back(),
                _ => self
                    .status
                    .say("? searches the reader backwards (Tab to it)"),
            },
            Action::Filter => self.start_filter(),
            Action::Zoom => {
                self.layout.zoom = !self.layout.zoom;
                self.relayout();
            }
            Action::WiderList | Action::NarrowerList => {
                let step = if action == Action::WiderList {
                    LIST_STEP
                } else {
                    -LIST_STEP
                };
                let before = self.geometry().and_then(|g| g.list).map(|l| l.width);
                self.layout.zoom = false;
                self.layout.list_delta = self.layout.list_delta.saturating_add(step);
                let after = self.geometry().and_then(|g| g.list).map(|l| l.width);
                if before == after && before.is_some() {
                    // At its limit: do not store a change that shows nothing.
                    self.layout.list_delta = self.layout.list_delta.saturating_sub(step);
                }
                self.relayout();
            }
            Action::Open => match self.focus {
                Focus::List => {
                    let i = self.list.selected;
                    self.open_article(i, None, fx);
                }
                Focus::Reader => self.select_from_line(),
                Focus::Sidebar => {
                    if let Some(id) = self.entities.cursor_entity() {
                        self.select_entity(id);
                    }
                }
            },
            Action::NextArticle => self.step_article(true, n, fx),
            Action::PrevArticle => self.step_article(false, n, fx),
            Action::NextUnread => self.next_unread(fx),
            Action::SortList => self.toggle_sort(),
            Action::ListNaming => {
                self.select_sidebar_cursor();
                self.toggle_list_naming();
            }
            Action::UnreadOnly => self.toggle_unread_only(),
            Action::RefreshFeeds => self.fetch_feeds(true, fx),
            Action::ToggleScope => self.toggle_scope(),
            Action::ShowPeople => self.toggle_label(Label::Per),
            Action::ShowOrganisations => self.toggle_label(Label::Org),
            Action::ShowPlaces => self.toggle_label(Label::Loc),
            Action::ShowDates => self.toggle_label(Label::Date),
            Action::Mentions | Action::Said | Action::Company | Action::Timeline => {
                self.select_sidebar_cursor();
                match action {
                    Action::Mentions => self.open_mentions(),
                    Action::Said => self.open_said(),
                    Action::Company => self.open_company(),
                    _ => self.open_timeline(),
                }
            }
            Action::Correct => self.open_correct(),
            Action::Contents => self.open_outline(Outline::Contents),
            Action::Links => self.open_outline(Outline::Links),
            Action::Bookmark => {
                if self.focus == Focus::Reader {
                    self.bookmark_here(fx);
                } else {
                    self.status
                        .say("b bookmarks a passage of the reader (Tab to it)");
                }
            }
            Action::Select => {
                if let (Focus::Reader, Some(r)) = (self.focus, &mut self.reading.reader) {
                    r.selection = match r.selection {
                        Some(_) => None,
                        None => Some(r.cursor),
                    };
                }
            }
            Action::Bookmarks => self.open_bookmark_list(),
            Action::Search => match self.focus {
                Focus::Sidebar => self.start_sidebar_filter(),
                Focus::List => {
                    let f = self.list.filter.clone();
                    self.input = Some(Input::new(Purpose::ListFilter, &f));
                }
                Focus::Reader => self.start_search(),
            },
            Action::SearchAll => self.start_corpus_search(),
            Action::Command => self.input = Some(Input::new(Purpose::Command, "")),
            Action::Next | Action::Prev => self.step(action == Action::Next, n, fx),
            Action::SetMark => self.prefix = Some(Prefix::SetMark),
            Action::GotoMark => self.prefix = Some(Prefix::GotoMark),
            Action::Info => self.info(),
            Action::Redraw => fx.push(Effect::Redraw),
            Action::Suspend => {
                self.save_place(fx);
                fx.push(Effect::Suspend);
            }
            Action::EditNote
            | Action::Delete
            | Action::Undo
            | Action::FetchLink
            | Action::BrowseLink
            | Action::CopyLink => {}
            Action::Percent => match (count, &mut self.reading.reader) {
                (Some(p), Some(r)) => {
                    r.goto_percent(p);
                    self.focus = Focus::Reader;
                }
                (None, _) => self.status.say("type how far first: 50% goes half way"),
                _ => {}
            },
            Action::Top | Action::Bottom if count.is_some() && self.focus == Focus::Reader => {
                if let Some(r) = &mut self.reading.reader {
                    r.goto_line(n);
                }
            }
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::ScrollDown
            | Action::ScrollUp
            | Action::Top
            | Action::Bottom => self.move_in_focus(action, n),
        }
    }

    /// `n` / `N`: the next mention of the selected entity or the next search match, whichever
    /// the user asked for last; either one when only it is there.
    fn step(&mut self, forward: bool, count: usize, fx: &mut Vec<Effect>) {
        for _ in 0..count.min(10_000) {
            match self.follows() {
                Some(Follow::Passages) => self.step_passage(forward, fx),
                Some(Follow::Hits) => self.step_hit(forward, fx),
                Some(Follow::Quotes) => self.step_quote(forward, fx),
                Some(Follow::Mentions) => self.step_mention(forward, fx),
                // With nothing to follow, step_match says how to search. A search typed
                // with `?` goes up with `n`, as in less.
                Some(Follow::Matches) | None => {
                    let back = self.reading.search.as_ref().is_some_and(|s| s.backward);
                    self.step_match(forward != back)
                }
            }
        }
    }

    /// What `n` steps through now: what was asked for last, else whichever is there.
    pub fn follows(&self) -> Option<Follow> {
        let entity = self.entities.selected.is_some();
        let search = self.reading.search.is_some();
        let walk = self.reading.walk.is_some();
        let hits = self.reading.hits.is_some();
        let said = self.reading.said.is_some();
        let asked = self.reading.follow;
        let there = |f: Follow| match f {
            Follow::Matches => search,
            Follow::Mentions => entity,
            Follow::Passages => walk,
            Follow::Hits => hits,
            Follow::Quotes => said,
        };
        [asked, Follow::Matches, Follow::Mentions, Follow::Passages]
            .into_iter()
            .find(|&f| there(f))
    }

    /// `Esc`: closes what is open and clears what was asked for (selection, search,
    /// followed entity, filters), one press for all.
    fn cancel(&mut self) {
        self.status.clear();
        self.reading.search = None;
        self.reading.walk = None;
        self.reading.hits = None;
        self.reading.said = None;
        self.entities.selected = None;
        self.entities.occurrence = None;
        if let Some(r) = &mut self.reading.reader {
            r.selection = None;
        }
        if !self.entities.filter.is_empty() {
            self.filter_sidebar("");
        }
        if self.list.is_filtered() {
            self.clear_narrow();
            self.filter_list("");
        }
    }

    /// `=` / `Ctrl-G`: the file, where the reader is in it and how big it is, as less says.
    fn info(&mut self) {
        let (Some(i), Some(r)) = (self.reading.open, &self.reading.reader) else {
            self.status.say("no article open");
            return;
        };
        let Some(a) = self.library.articles.get(i) else {
            return;
        };
        let size = r.doc.preview.unwrap_or(r.doc.text.len() as u64);
        let row = self.library.row_of(i).map_or(0, |r| r + 1);
        let chapter = self
            .chapter_status()
            .map(|(n, title)| format!("{n} “{title}” · "))
            .unwrap_or_default();
        self.status.say(format!(
            "{} · article {row}/{} · {chapter}{} · {}",
            a.entry.path,
            self.library.shown(),
            r.where_label(),
            human_size(size)
        ));
    }

    fn cycle_focus(&self, forward: bool) -> Focus {
        let g = self.geometry();
        let mut order = Vec::with_capacity(3);
        if g.is_some_and(|g| g.list.is_some()) {
            order.push(Focus::List);
        }
        order.push(Focus::Reader);
        if g.is_some_and(|g| g.sidebar.is_some()) {
            order.push(Focus::Sidebar);
        }
        let i = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = order.len();
        let next = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        order.get(next).copied().unwrap_or(Focus::Reader)
    }

    fn move_in_focus(&mut self, action: Action, n: usize) {
        match self.focus {
            Focus::List => self.move_list(action, n),
            Focus::Reader => {
                let Some(r) = &mut self.reading.reader else {
                    return;
                };
                let times = n.min(100_000);
                match action {
                    Action::Down => r.down(times),
                    Action::Up => r.up(times),
                    Action::ScrollDown => r.scroll(times as isize),
                    Action::ScrollUp => r.scroll(-(times as isize)),
                    Action::Top => r.to_top(),
                    Action::Bottom => r.to_bottom(),
                    _ => {
                        for _ in 0..times.min(1000) {
                            match action {
                                Action::PageDown => r.page_down(),
                                Action::PageUp => r.page_up(),
                                Action::HalfPageDown => r.half_page_down(),
                                Action::HalfPageUp => r.half_page_up(),
                                _ => {}
                            }
                        }
                    }
                }
            }
            Focus::Sidebar => self.sidebar_action(action, n),
        }
    }
}

/// `52.4 MB`, `12 KB`, `830 bytes`.
fn human_size(n: u64) -> String {
    const KB: u64 = 1024;
    match n {
        n if n >= KB * KB => format!("{:.1} MB", n as f64 / (KB * KB) as f64),
        n if n >= KB => format!("{} KB", n / KB),
        n => format!("{n} bytes"),
    }
}
