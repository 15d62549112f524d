//! Narrowing the file list beside the typed filter (issue 27.4): to the articles naming one
//! entity (`A` with an entity selected), or to those never opened (`H`). Both are answered
//! from what is kept of every article (the index's occurrences of the entity, the read marks),
//! never from a text: one pass over the entity's occurrences and one over the list, a few
//! milliseconds at 100,000 articles.

use super::App;
use super::list::FileList;
use liseuse_entity::{EntityId, EntityIndex};
use liseuse_library::Library;

/// What the list keeps beside its typed filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Narrow {
    /// The articles naming an entity: its id and name in the index they were taken from (the
    /// name follows it when a later index gives it another id), and a flag per article index.
    Naming {
        id: EntityId,
        name: String,
        articles: Vec<bool>,
    },
    /// The articles never opened. One opened meanwhile stays listed until the list is made
    /// again: a row does not vanish under the cursor.
    Unread,
}

impl Narrow {
    /// Whether article `i` is kept.
    pub fn keeps(&self, list: &FileList, library: &Library, i: usize) -> bool {
        match self {
            Narrow::Naming { articles, .. } => articles.get(i).copied().unwrap_or(false),
            Narrow::Unread => library
                .articles
                .get(i)
                .is_some_and(|a| list.is_unread(&a.entry.path)),
        }
    }

    /// What the list's title says of it.
    pub fn label(&self) -> String {
        match self {
            Narrow::Naming { name, .. } => format!("naming {name}"),
            Narrow::Unread => "unread".to_string(),
        }
    }
}

/// The articles naming entity `id` in `index`, among `n` articles.
fn naming(index: &EntityIndex, id: EntityId, n: usize) -> Option<Narrow> {
    let entity = index.entity(id)?;
    let mut articles = vec![false; n.max(index.doc_count())];
    for (doc, _) in index.occurrences(id).iter() {
        if let Some(x) = articles.get_mut(doc as usize) {
            *x = true;
        }
    }
    Some(Narrow::Naming {
        id,
        name: entity.name().to_string(),
        articles,
    })
}

impl App {
    /// `A`: the list keeps the articles naming the selected entity; pressed again, every
    /// article is listed — unless another entity was selected since (from the sidebar, the one
    /// under its cursor): then the list names that one.
    pub(super) fn toggle_list_naming(&mut self) {
        let shown = match &self.list.narrow {
            Some(Narrow::Naming { id, .. }) => Some(*id),
            _ => None,
        };
        if shown.is_some() && self.entities.selected.is_none_or(|id| Some(id) == shown) {
            self.set_narrow(None);
            self.status.say("every article is listed");
            return;
        }
        let Some(id) = self.entities.selected else {
            self.status
                .say("select an entity first (Enter in the sidebar or on a line)");
            return;
        };
        let Some(narrow) = naming(&self.entities.index, id, self.library.len()) else {
            return;
        };
        let name = (self.entities.index.entity(id)).map_or(String::new(), |e| e.name().to_string());
        self.set_narrow(Some(narrow));
        let n = self.list_len();
        self.status.say(format!(
            "{} {name} · A again lists them all",
            liseuse_document::plural::counted(n, "article names", "articles name")
        ));
    }

    /// `H`: the list keeps the articles never opened; pressed again, every article is listed.
    pub(super) fn toggle_unread_only(&mut self) {
        if self.list.narrow == Some(Narrow::Unread) {
            self.set_narrow(None);
            self.status.say("every article is listed");
            return;
        }
        self.set_narrow(Some(Narrow::Unread));
        let n = self.list_len();
        self.status.say(format!(
            "{} · H again lists them all",
            liseuse_document::plural::counted(n, "article unread", "articles unread")
        ));
    }

    /// Esc: the list's narrowing is let go with its filter.
    pub(super) fn clear_narrow(&mut self) {
        if self.list.narrow.is_some() {
            self.set_narrow(None);
        }
    }

    fn set_narrow(&mut self, narrow: Option<Narrow>) {
        self.list.narrow = narrow;
        self.list.refilter(&self.library);
        self.list_refiltered();
    }

    /// A new index (more articles indexed, a correction): the articles naming the entity are
    /// taken again from it, the entity found by its name if its id changed.
    pub(super) fn refresh_list_naming(&mut self) {
        let Some(Narrow::Naming { id, name, .. }) = &self.list.narrow else {
            return;
        };
        let index = &self.entities.index;
        let same = index.entity(*id).is_some_and(|e| e.name() == name);
        let id = if same {
            Some(*id)
        } else {
            (index.entities().iter())
                .find(|e| e.name() == name)
                .map(|e| e.id)
        };
        // Gone from the index (merged away, dropped): the list keeps what it showed.
        let Some(narrow) = id.and_then(|id| naming(index, id, self.library.len())) else {
            return;
        };
        self.list.narrow = Some(narrow);
        self.list.refilter(&self.library);
    }
}
