//! Windows over the panes. Each overlay is a module of its own with its state and its keys;
//! while one is open it takes the keys (in its own [`Context`], so a key can mean something
//! else there than in the panes).

pub mod bookmarks;
pub mod company;
pub mod corpus;
pub mod correct;
pub mod help;
pub mod mentions;
pub mod outline;
pub mod said;
pub mod timeline;

use super::{App, Effect};
use crate::keys::action::{Action, Context};
pub use bookmarks::BookmarkList;
pub use company::CompanyView;
pub use corpus::CorpusSearch;
pub use help::HelpView;
pub use mentions::MentionList;
pub use timeline::TimelineView;

#[derive(Debug, Clone)]
pub enum Overlay {
    Help(HelpView),
    Bookmarks(BookmarkList),
    /// Search results across every article.
    Corpus(CorpusSearch),
    /// Every mention of the selected entity.
    Mentions(MentionList),
    /// Who appears with the selected entity.
    Company(CompanyView),
    /// When the selected entity is named.
    Timeline(TimelineView),
    /// The article's contents or links.
    Outline(outline::OutlineView),
    /// Correcting the entity engine.
    Correct(correct::CorrectView),
    /// What the selected entity said across the library.
    Said(said::SaidList),
}

impl Overlay {
    /// Where its keys are looked up.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Help(_) => Context::Help,
            Overlay::Bookmarks(_) => Context::Bookmarks,
            Overlay::Corpus(_)
            | Overlay::Mentions(_)
            | Overlay::Company(_)
            | Overlay::Timeline(_)
            | Overlay::Outline(_)
            | Overlay::Said(_)
            | Overlay::Correct(_) => Context::List,
        }
    }
}

impl App {
    /// An action while an overlay is open.
    pub(super) fn overlay_action(&mut self, action: Action, count: usize, fx: &mut Vec<Effect>) {
        match &self.overlay {
            Some(Overlay::Help(_)) => self.help_action(action, count, fx),
            Some(Overlay::Bookmarks(_)) => self.bookmark_list_action(action, count, fx),
            Some(Overlay::Corpus(_)) => self.corpus_action(action, count, fx),
            Some(Overlay::Mentions(_)) => self.mentions_action(action, count, fx),
            Some(Overlay::Company(_)) => self.company_action(action, count, fx),
            Some(Overlay::Timeline(_)) => self.timeline_action(action, count, fx),
            Some(Overlay::Outline(_)) => self.outline_action(action, count, fx),
            Some(Overlay::Said(_)) => self.said_action(action, count, fx),
            // Its keys are letters, taken before the keymap (see `keys.rs`).
            Some(Overlay::Correct(_)) => {}
            None => {}
        }
    }
}
