//! Entities in the app: the corpus index as it fills in and is swapped, the selected entity
//! (from the sidebar or the cursor's line) and what selecting it says. The sidebar's rows and
//! keys are in `sidebar.rs`, following mentions across articles in `mentions.rs`.

pub use super::sidebar::SideRow;
use super::{App, Effect, Focus, Follow, IndexUpdate};
use liseuse_document::plural::counted;
use liseuse_entity::{EntityId, EntityIndex, Label};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Debug, Default)]
pub struct EntityState {
    /// How many articles' entities the index holds.
    pub analysed: usize,
    /// A long article being analysed: its index, bytes done and its length.
    pub progress: Option<(usize, u64, u64)>,
    pub index: Arc<EntityIndex>,
    /// Sidebar: all articles' entities rather than the open article's.
    pub corpus: bool,
    pub filter: String,
    pub rows: Vec<SideRow>,
    /// Index into `rows` of the highlighted entity row.
    pub cursor: usize,
    pub top: usize,
    /// The entity whose mentions stand out and that `n` / `N` follow.
    pub selected: Option<EntityId>,
    /// Which of the selected entity's occurrences the reader was last taken to.
    pub occurrence: Option<usize>,
    /// Labels shown (config `labels`).
    pub labels: Vec<Label>,
    /// The sidebar lists entities the engine is at least this sure of (config
    /// `min_confidence`).
    pub min_confidence: u8,
    /// The user's corrections as saved (the loader applies them to every index).
    pub corrections: Vec<liseuse_library::corrections::Correction>,
    /// Per article, its people by mentions (see `people_in`).
    people: Vec<liseuse_library::People>,
    /// Every article's quotations, their speakers among `index`'s entities (they come with it).
    pub quotes: Arc<liseuse_library::quotes::LibraryQuotes>,
    /// While the index is the one saved in the cache: the hashes of the articles it was made
    /// from (see `provisional.rs`).
    pub(super) provisional: Option<Vec<String>>,
    /// Per article, under a provisional index: its text is not the one the index knows.
    pub(super) stale: Vec<bool>,
    /// Per article, a short form of the hash of its text once checked or read (0 before).
    pub(super) seen: Vec<u64>,
}

impl EntityState {
    pub fn new() -> EntityState {
        EntityState {
            labels: Label::ALL.to_vec(),
            min_confidence: liseuse_entity::DEFAULT_MIN_CONFIDENCE,
            ..EntityState::default()
        }
    }

    /// Progress inside a long article's analysis, for the status bar.
    pub(super) fn on_progress(&mut self, index: usize, done: u64, of: u64) {
        self.progress = (done < of).then_some((index, done, of));
    }

    pub fn shows(&self, label: Label) -> bool {
        self.labels.contains(&label)
    }

    /// Whether the entity is listed (the sidebar, `w`) and can be selected: the engine is sure
    /// enough of it (`min_confidence`, through [`liseuse_entity::Entity::shown`], the one
    /// rule). Its mentions are highlighted either way.
    pub fn is_shown(&self, id: EntityId) -> bool {
        self.index
            .entity(id)
            .is_some_and(|e| e.shown(self.min_confidence))
    }

    /// Mentions of each entity in document `doc`.
    pub fn counts_in(&self, doc: Option<usize>) -> HashMap<EntityId, usize> {
        let mut here = HashMap::new();
        if let Some(d) = doc {
            for m in self.doc_mentions(d).iter() {
                *here.entry(m.entity()).or_insert(0) += 1;
            }
        }
        here
    }

    /// The people of document `doc`, most mentioned first, with their counts: for the file
    /// list (computed when the index is rebuilt, so drawing costs nothing).
    pub fn people_in(&self, doc: usize) -> &[(EntityId, usize)] {
        self.people.get(doc).map_or(&[], |(p, _)| p)
    }

    /// How many people document `doc` names.
    pub fn people_count(&self, doc: usize) -> usize {
        self.people.get(doc).map_or(0, |(_, n)| *n)
    }

    /// What selecting an entity the engine is unsure of says.
    pub fn unsure_message(&self, name: &str) -> String {
        format!(
            "the engine is unsure of “{name}” (under min_confidence {}): highlighted, not listed \
             nor followed",
            self.min_confidence
        )
    }
}

impl App {
    /// Takes in a new index: the selected entity stays selected, and the mention `n` went to
    /// last stays the one it steps from. Occurrences are numbered anew in each index (articles
    /// analysed since come before it): forgetting it made the next `n` go to the mention on
    /// the cursor's line, the same one, as if the key were lost.
    fn swap_index(&mut self, index: Arc<EntityIndex>) {
        let e = &mut self.entities;
        let selected_key = e
            .selected
            .and_then(|id| e.index.entity(id))
            .map(|x| x.key().to_string());
        let gone_to = e.gone_to();
        e.index = index;
        // The entity followed is the one that holds the mention gone to, if it is still a
        // mention (an entity's key can change as the corpus grows), else the one of its key.
        let by_key = || {
            let k = selected_key?;
            e.index
                .entities()
                .iter()
                .find(|x| x.key() == k)
                .map(|x| x.id)
        };
        e.selected = gone_to.and_then(|at| e.entity_at(at)).or_else(by_key);
        // Corrected into one the engine is unsure of: no longer followed, as it is not listed.
        if e.selected.is_some_and(|id| !e.is_shown(id)) {
            e.selected = None;
        }
        e.occurrence = e
            .selected
            .zip(gone_to)
            .and_then(|(id, at)| e.occurrence_at(id, at));
    }

    /// An index merged in the background: swapped in, nothing recomputed but the sidebar.
    pub(super) fn on_indexed(&mut self, update: IndexUpdate, fx: &mut Vec<Effect>) {
        let IndexUpdate {
            index,
            people,
            analysed,
            provisional,
            quotes,
        } = update;
        self.entities.set_provisional(provisional);
        self.entities.quotes = quotes;
        // The message that selecting an entity raised tells its counts: it follows the index,
        // never contradicting the status bar's.
        let said = self.selection_message();
        // The sidebar's cursor by key: the new index numbers the entities anew.
        let cursor_key = self
            .entities
            .cursor_entity()
            .and_then(|id| self.entities.index.entity(id))
            .map(|x| x.key().to_string());
        let old = self.entities.index.clone();
        self.swap_index(index);
        if let Some(said) = said
            && let Some(now) = self.selection_message()
        {
            self.status.replace(&said, now);
        }
        self.entities.people = people;
        let was_done = self.entities.analysed >= self.library.len();
        self.entities.analysed = analysed;
        if analysed >= self.library.len() {
            self.entities.progress = None;
        }
        self.entities.rebuild_rows(self.reading.open);
        if let Some(key) = cursor_key {
            self.sidebar_cursor_to(&key);
        }
        self.refresh_mention_list();
        self.refresh_list_naming();
        self.refresh_said_list();
        self.refresh_company(&old);
        self.refresh_timeline(&old);
        self.refresh_correct(&old);
        self.refresh_corpus_search(fx);
        if !was_done && analysed >= self.library.len() {
            fx.push(Effect::SaveCache);
        }
    }

    /// Enter in the sidebar: this entity's mentions stand out, and `n` follows them.
    pub(super) fn select_entity(&mut self, id: EntityId) {
        self.entities.selected = Some(id);
        self.entities.occurrence = None;
        self.reading.follow = Follow::Mentions;
        if let Some(m) = self.selection_message() {
            self.status.say(m);
        }
    }

    /// The keys that act on the selected entity (`M`, `"`, `w`, `T`, `A`) act, from the sidebar,
    /// on the entity under its cursor, as `C` does: the one the user is looking at, not the one
    /// an earlier Enter selected. It becomes the selected one, as Enter would make it.
    pub(super) fn select_sidebar_cursor(&mut self) {
        if self.focus != Focus::Sidebar {
            return;
        }
        if let Some(id) = self.entities.cursor_entity()
            && self.entities.selected != Some(id)
        {
            self.select_entity(id);
        }
    }

    /// What selecting the entity says: its counts, as the index has them now.
    fn selection_message(&self) -> Option<String> {
        let ent = self.entities.index.entity(self.entities.selected?)?;
        Some(format!(
            "{} · {} in {} · n and N step through them, M lists them",
            ent.name(),
            counted(ent.mentions as usize, "mention", "mentions"),
            counted(ent.documents as usize, "article", "articles")
        ))
    }

    /// From the reader: select the entity of a mention on the cursor line, the next one on each
    /// press when the line has several.
    pub(super) fn select_from_line(&mut self) {
        let (Some(r), Some(doc)) = (&self.reading.reader, self.reading.open) else {
            return;
        };
        let Some(line) = r.line_range(r.cursor) else {
            return;
        };
        let mentions = self.entities.doc_mentions(doc);
        let here = |m: &&liseuse_entity::Mention| {
            m.range().start < line.end
                && m.range().end > line.start
                && self.entities.shows(m.label())
        };
        // (entity, index of the mention in the article), for mentions on the line of entities
        // listed: one the sidebar leaves out is not followed either.
        let on_line: Vec<(EntityId, usize)> = mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| here(m) && self.entities.is_shown(m.entity()))
            .map(|(i, m)| (m.entity(), i))
            .collect();
        if on_line.is_empty() {
            let unsure = mentions.iter().find(here).and_then(|m| {
                let e = self.entities.index.entity(m.entity())?;
                Some(self.entities.unsure_message(e.name()))
            });
            self.status
                .say(unsure.unwrap_or_else(|| "no named entity on this line".into()));
            return;
        }
        let current = self.entities.selected;
        let pick = match current.and_then(|s| on_line.iter().position(|x| x.0 == s)) {
            Some(i) => on_line.get((i + 1) % on_line.len()),
            None => on_line.first(),
        };
        let Some(&pick) = pick else { return };
        self.select_entity(pick.0);
        // Stepping with n continues from this mention.
        let occ = self.entities.index.occurrences(pick.0);
        self.entities.occurrence = occ
            .iter()
            .position(|(d, i)| d as usize == doc && i as usize == pick.1);
    }
}

/// Where entities `ids` of index `old` are in index `new`, found by their keys: every new
/// index numbers the entities anew, and what holds an id across an update (an open panel,
/// the pair `n` walks) must find its entity again. One walk of the new index for them all:
/// a merge's panel holds up to 200 ids, and at 100,000 articles an index holds a million
/// entities (a search of them per id took seconds at each update).
pub(super) fn renumbered(
    old: &EntityIndex,
    new: &EntityIndex,
    ids: impl IntoIterator<Item = EntityId>,
) -> HashMap<EntityId, EntityId> {
    let mut wanted: HashMap<&str, Vec<EntityId>> = HashMap::new();
    for id in ids {
        if let Some(e) = old.entity(id) {
            wanted.entry(e.key()).or_default().push(id);
        }
    }
    let mut found = HashMap::new();
    for e in new.entities() {
        if wanted.is_empty() {
            break;
        }
        // The first entity of a key, as a search of them would find.
        for was in wanted.remove(e.key()).unwrap_or_default() {
            found.insert(was, e.id);
        }
    }
    found
}
