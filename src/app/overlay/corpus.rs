//! The search across every article (`F`): the query typed goes to a search that runs off the
//! event loop (a key never waits for 10,000 articles); its hits come back with the number of
//! the query they answer, and only the latest query's are shown.

use super::super::input::{Input, Purpose};
use super::super::list::{OVERLAY_PAGE, move_selection};
use super::super::search::SearchState;
use super::super::{App, Effect, Follow};
use super::Overlay;
use crate::event::CorpusHit;
use crate::keys::action::Action;

#[derive(Debug, Clone, Default)]
pub struct CorpusSearch {
    pub query: String,
    pub hits: Vec<CorpusHit>,
    /// True when there were more hits than kept.
    pub truncated: bool,
    pub selected: usize,
    /// The hits shown are not yet those of `query`.
    pub searching: bool,
    /// Articles the hits shown come from (fewer than listed while some are being read).
    pub searched: usize,
    /// How many articles had been read when the search was asked: more read since, and it is asked again.
    pub loaded: usize,
}

impl App {
    pub(crate) fn start_corpus_search(&mut self) {
        let q = self.reading.query();
        self.overlay = Some(Overlay::Corpus(CorpusSearch::default()));
        self.input = Some(Input::new(Purpose::CorpusSearch, &q));
    }

    /// Asks for the hits of `query` in every listed article that has been read.
    pub(crate) fn run_corpus_search(&mut self, query: &str, fx: &mut Vec<Effect>) {
        self.corpus_generation += 1;
        let Some(Overlay::Corpus(c)) = &mut self.overlay else {
            return;
        };
        c.query = query.to_string();
        if query.is_empty() {
            c.hits.clear();
            c.truncated = false;
            c.searching = false;
            return;
        }
        c.searching = true;
        c.loaded = self.library.loaded();
        let docs = self
            .library
            .order()
            .iter()
            .filter_map(|&i| Some((i, self.library.articles.get(i)?.doc.clone()?)))
            .collect();
        fx.push(Effect::SearchCorpus {
            generation: self.corpus_generation,
            query: query.to_string(),
            docs,
        });
    }

    pub(crate) fn on_corpus_hits(
        &mut self,
        hits: Vec<CorpusHit>,
        truncated: bool,
        searched: usize,
    ) {
        if let Some(Overlay::Corpus(c)) = &mut self.overlay {
            // The hit under the cursor stays under it when the articles read since add hits around it.
            let was = c.hits.get(c.selected).cloned();
            c.selected = was
                .and_then(|w| hits.iter().position(|h| *h == w))
                .unwrap_or(c.selected)
                .min(hits.len().saturating_sub(1));
            c.hits = hits;
            c.truncated = truncated;
            c.searching = false;
            c.searched = searched;
        }
    }

    /// Articles read while the search was open: its hits are asked for again, once the last answer is in
    /// (so that one search at a time runs, however fast articles come), until every article is searched.
    pub(crate) fn refresh_corpus_search(&mut self, fx: &mut Vec<Effect>) {
        let Some(Overlay::Corpus(c)) = &self.overlay else {
            return;
        };
        if !c.searching && !c.query.is_empty() && self.library.loaded() > c.loaded {
            let query = c.query.clone();
            self.run_corpus_search(&query, fx);
        }
    }

    pub(super) fn corpus_action(&mut self, action: Action, count: usize, fx: &mut Vec<Effect>) {
        let Some(Overlay::Corpus(c)) = &mut self.overlay else {
            return;
        };
        let n = c.hits.len();
        if move_selection(&mut c.selected, n, OVERLAY_PAGE, action, count) {
            return;
        }
        match action {
            Action::Search | Action::SearchAll => {
                let q = c.query.clone();
                self.input = Some(Input::new(Purpose::CorpusSearch, &q));
            }
            Action::Open => {
                let Some(hit) = c.hits.get(c.selected).cloned() else {
                    return;
                };
                let query = c.query.clone();
                self.overlay = None;
                self.open_at(hit.article, Some(hit.range.start), fx);
                // The article's own search takes the query, so n and N go on from here.
                self.reading.search = Some(SearchState {
                    query,
                    ..SearchState::default()
                });
                self.reading.follow = Follow::Matches;
                self.refresh_search();
                if let Some(s) = &mut self.reading.search {
                    s.current = s.matches.iter().position(|m| *m == hit.range);
                }
            }
            Action::Cancel => self.overlay = None,
            Action::Quit => self.quit(fx),
            Action::Redraw => fx.push(Effect::Redraw),
            _ => {}
        }
    }
}
