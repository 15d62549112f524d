//! The search across every article (`F`): the query typed goes to a search that runs off the
//! event loop (the full-text index, then each article's text checked); its hits come back as
//! they are found, with the number of the query they answer, and only the latest query's are
//! shown. While the index is still being built, the search answers from what it holds and the
//! overlay says so; it asks again as more articles are indexed.

use super::super::input::{Input, Purpose};
use super::super::list::{OVERLAY_PAGE, move_selection, step_walk};
use super::super::search::SearchState;
use super::super::{App, Effect, Follow};
use super::Overlay;
use crate::event::CorpusAnswer;
use crate::keys::action::Action;
use liseuse_library::search_all::{Found, Hit};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

/// A hit of the search across articles, in a listed article (one the search found ahead of the
/// folder's walk is listed when its hit comes in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusHit {
    /// The article's index in the library.
    pub article: usize,
    /// The hit's bytes in the article's text.
    pub range: Range<usize>,
    /// The article's title.
    pub title: Arc<str>,
    /// Text around the hit.
    pub context: Arc<str>,
    /// The hit's bytes in `context`.
    pub at: Range<usize>,
}

/// The hits of a search across articles that `n` and `N` walk once one was opened: from
/// article to article, in the list's order.
#[derive(Debug, Clone)]
pub struct HitWalk {
    pub query: String,
    pub hits: Vec<CorpusHit>,
    /// The hit gone to last.
    pub at: usize,
}

#[derive(Debug, Clone, Default)]
pub struct CorpusSearch {
    pub query: String,
    pub hits: Vec<CorpusHit>,
    /// True when there were more hits than kept.
    pub truncated: bool,
    pub selected: usize,
    /// The hits shown are not yet all those of `query`.
    pub searching: bool,
    /// Articles whose text was checked so far.
    pub searched: usize,
    /// Articles the index says hold the query's words.
    pub articles: usize,
    /// Articles in the full-text index when the query was answered.
    pub indexed: usize,
    /// The query holds no word to look up.
    pub no_word: bool,
    /// How many articles had been indexed when the search was asked: more since, and it is asked again.
    pub loaded: usize,
    /// An answer came (to this query or one typed before): the counts are the search's, not
    /// zeros waiting for it.
    pub answered: bool,
}

impl App {
    pub(crate) fn start_corpus_search(&mut self) {
        let q = self.reading.query();
        self.overlay = Some(Overlay::Corpus(CorpusSearch::default()));
        self.input = Some(Input::new(Purpose::CorpusSearch, &q));
    }

    /// Asks for the hits of `query` in every article indexed.
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
            c.no_word = false;
            return;
        }
        c.searching = true;
        c.loaded = self.library.loaded();
        fx.push(Effect::SearchCorpus {
            generation: self.corpus_generation,
            query: query.to_string(),
            roots: self.library.roots().into(),
        });
    }

    pub(crate) fn on_corpus_hits(&mut self, answer: CorpusAnswer, fx: &mut Vec<Effect>) {
        if matches!(self.overlay, Some(Overlay::Corpus(_))) {
            let hits = self.listed_hits(answer.hits, fx);
            let Some(Overlay::Corpus(c)) = &mut self.overlay else {
                return;
            };
            // The hit under the cursor stays under it when more hits come in around it.
            let was = c.hits.get(c.selected).map(|h| (h.article, h.range.clone()));
            c.selected = was
                .and_then(|(a, r)| hits.iter().position(|h| h.article == a && h.range == r))
                .unwrap_or(c.selected)
                .min(hits.len().saturating_sub(1));
            c.hits = hits;
            c.truncated = answer.truncated;
            c.searching = !answer.done;
            c.searched = answer.searched;
            c.articles = answer.articles;
            c.indexed = answer.indexed;
            c.no_word = answer.no_word;
            c.answered = true;
        }
    }

    /// The hits with their articles' indices: an article found ahead of the folder's walk is
    /// listed now, in its place, as the walk would have listed it (the walk then passes over it).
    fn listed_hits(&mut self, hits: Vec<Hit>, fx: &mut Vec<Effect>) -> Vec<CorpusHit> {
        let mut ahead: Vec<PathBuf> = Vec::new();
        for h in &hits {
            if let Found::Ahead(p) = &h.article
                && self.library.find(p).is_none()
                && !ahead.iter().any(|a| a.as_path() == &**p)
            {
                ahead.push(p.to_path_buf());
            }
        }
        if !ahead.is_empty() {
            self.list_ahead_of_walk(ahead, fx);
        }
        hits.into_iter()
            .filter_map(|h| {
                let article = match &h.article {
                    Found::Listed(i) => *i,
                    Found::Ahead(p) => self.library.find(p)?,
                };
                Some(CorpusHit {
                    article,
                    range: h.range,
                    title: h.title,
                    context: h.context,
                    at: h.at,
                })
            })
            .collect()
    }

    /// The full-text index grew while the search was open (a merge came in, which follows the
    /// index's writes): its hits are asked for again, once the last answer is in (so that one
    /// search at a time runs, however fast articles come), until the index holds every article.
    pub(crate) fn refresh_corpus_search(&mut self, fx: &mut Vec<Effect>) {
        let Some(Overlay::Corpus(c)) = &self.overlay else {
            return;
        };
        let behind = c.indexed < self.library.loaded() || c.loaded < self.library.loaded();
        if !c.searching && !c.query.is_empty() && !c.no_word && behind {
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
                if c.hits.get(c.selected).is_none() {
                    return;
                }
                let walk = HitWalk {
                    query: c.query.clone(),
                    hits: c.hits.clone(),
                    at: c.selected,
                };
                self.overlay = None;
                self.go_to_hit(walk, fx);
            }
            Action::Cancel => self.overlay = None,
            Action::Quit => self.quit(fx),
            Action::Redraw => fx.push(Effect::Redraw),
            _ => {}
        }
    }
}

impl App {
    /// Opens hit `walk.at`; the article's own search takes the query, so its matches stand out
    /// and `/` starts from it.
    fn go_to_hit(&mut self, walk: HitWalk, fx: &mut Vec<Effect>) {
        let Some(hit) = walk.hits.get(walk.at).cloned() else {
            return;
        };
        self.open_at(hit.article, Some(hit.range.start), fx);
        if self.reading.open == Some(hit.article) {
            let query = walk.query.clone();
            if self.reading.query() != query {
                self.reading.search = Some(SearchState {
                    query,
                    ..SearchState::default()
                });
                self.refresh_search();
            }
            if let Some(s) = &mut self.reading.search {
                s.current = s.matches.iter().position(|m| *m == hit.range);
            }
        }
        self.reading.hits = Some(walk);
        self.reading.follow = Follow::Hits;
    }

    /// `n` / `N` after `F`: the next hit across articles, from the one gone to last while the
    /// cursor is still on its line, else from the cursor (a hit on its line counts as next).
    pub(crate) fn step_hit(&mut self, forward: bool, fx: &mut Vec<Effect>) {
        let Some(mut walk) = self.reading.hits.take() else {
            return;
        };
        let n = walk.hits.len();
        if n == 0 {
            return;
        }
        let key = |h: &CorpusHit| {
            (
                self.library.row_of(h.article).unwrap_or(usize::MAX),
                h.range.start,
            )
        };
        let (row, line) = self.walk_origin();
        let from = line.as_ref().map_or(0, |l| l.start);
        let on_line = walk.hits.get(walk.at).is_some_and(|h| {
            self.reading.open == Some(h.article)
                && line.as_ref().is_some_and(|l| {
                    h.range.start >= l.start && h.range.start < l.end.max(l.start + 1)
                })
        });
        let after = || walk.hits.partition_point(|h| key(h) < (row, from));
        let (next, wrapped) = step_walk(n, walk.at, on_line, after, forward);
        if wrapped && n > 1 {
            self.status.say(if forward {
                "n went on from the first hit"
            } else {
                "N went on from the last hit"
            });
        }
        walk.at = next;
        self.go_to_hit(walk, fx);
    }

    /// `F hamas 3/7`, for the status bar.
    pub fn hit_status(&self) -> Option<String> {
        let w = self.reading.hits.as_ref()?;
        Some(format!("F {} {}/{}", w.query, w.at + 1, w.hits.len()))
    }
}
