//! Searching the open article as you type (`/`), stepping through matches (`n`, `N`), and the
//! corpus-wide search overlay.

use super::input::{Input, Purpose};
use super::{App, Effect, Overlay};
use crate::action::Action;
use crate::document::floor_boundary;
use crate::search::{Folded, find_all};
use rayon::prelude::*;
use std::ops::Range;
use std::sync::Arc;

#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub query: String,
    /// Matches in the open article, in text order.
    pub matches: Vec<Range<usize>>,
    /// The match the cursor was last moved to.
    pub current: Option<usize>,
    /// While a query is typed in a long article, only the text from the cursor on up to the
    /// first match (or [`TYPED_REACH`]) is searched: `matches` is not all of them until Enter.
    pub partial: bool,
}

/// How far past the cursor a query being typed is looked for in a long article, a window at a
/// time: each key costs about what it costs in a short article, not the length of the book.
/// Enter searches the whole article.
const TYPED_REACH: usize = 1024 * 1024;
/// The first window; each next one is twice as long, up to [`MAX_WINDOW`]. Folding costs about
/// 25 ns a byte: the match nearest the cursor is found in well under a millisecond.
const TYPED_WINDOW: usize = 8 * 1024;
const MAX_WINDOW: usize = 256 * 1024;

/// Matches of `query` in `text[from..]`, a window at a time (folded as it goes), up to the first
/// window with a match or `TYPED_REACH` bytes: offsets into `text`.
fn find_ahead(text: &str, from: usize, query: &str) -> Vec<Range<usize>> {
    find_windowed(text, from, from.saturating_add(TYPED_REACH), query, true)
}

/// Every match in a text: an article over [`TYPED_REACH`] is folded a window at a time rather
/// than whole, which would hold a folded copy of the book and its offset map (twice its size)
/// for as long as it is open.
fn find_every(reader: &super::Reader, query: &str) -> Vec<Range<usize>> {
    let text = &reader.doc.text;
    if text.len() > TYPED_REACH {
        find_windowed(text, 0, text.len(), query, false)
    } else {
        find_all(text, reader.folded(), query)
    }
}

fn find_windowed(
    text: &str,
    from: usize,
    to: usize,
    query: &str,
    first: bool,
) -> Vec<Range<usize>> {
    let floor = |i| floor_boundary(text, i);
    let mut start = floor(from);
    let limit = floor(to);
    let mut found = Vec::new();
    let mut size = TYPED_WINDOW;
    while start < limit && (!first || found.is_empty()) {
        // Past `start` by at least one character (at most 4 bytes), whatever the window.
        let end = floor(start + size).max(floor(start + 4)).min(limit);
        size = (size * 2).min(MAX_WINDOW);
        // Reach past the window's end by the query's length, so a match across it is found.
        let reach = floor(end.saturating_add(4 * query.len()));
        let Some(window) = text.get(start..reach) else {
            break;
        };
        let folded = Folded::new(window);
        found.extend(
            find_all(window, &folded, query)
                .into_iter()
                .map(|r| r.start + start..r.end + start)
                .filter(|r| r.start < end),
        );
        start = end;
    }
    found
}

/// One hit of the corpus-wide search.
#[derive(Debug, Clone)]
pub struct CorpusHit {
    pub article: usize,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct CorpusSearch {
    pub query: String,
    pub hits: Vec<CorpusHit>,
    /// True when there were more hits than kept.
    pub truncated: bool,
    pub selected: usize,
}

/// Most hits the corpus search keeps: enough to read, bounded for huge libraries.
const MAX_HITS: usize = 2000;

impl App {
    pub(super) fn start_search(&mut self) {
        let q = self
            .search
            .as_ref()
            .map(|s| s.query.clone())
            .unwrap_or_default();
        self.input = Some(Input::new(Purpose::Search, &q));
    }

    /// Runs the query on the open article and moves to the first match from the cursor on.
    pub(super) fn run_search(&mut self, query: &str) {
        let Some(reader) = &mut self.reader else {
            return;
        };
        if query.is_empty() {
            self.search = None;
            return;
        }
        let from = reader.offset_of(reader.cursor);
        let partial = reader.doc.text.len() > TYPED_REACH;
        let matches = if partial {
            find_ahead(&reader.doc.text, from, query)
        } else {
            find_every(reader, query)
        };
        let current = if matches.is_empty() {
            None
        } else {
            Some(matches.partition_point(|m| m.start < from) % matches.len())
        };
        if let Some(m) = current.and_then(|i| matches.get(i)) {
            reader.goto_offset(m.start);
        }
        self.search = Some(SearchState {
            query: query.to_string(),
            matches,
            current,
            partial,
        });
    }

    /// Enter on a query: a long article's search, typed a window at a time, now finds every
    /// match, staying on the one the cursor is on.
    pub(super) fn complete_search(&mut self) {
        let (Some(s), Some(reader)) = (&mut self.search, &self.reader) else {
            return;
        };
        if !s.partial {
            return;
        }
        let at = s.current.and_then(|i| s.matches.get(i)).cloned();
        s.matches = find_every(reader, &s.query);
        s.current = at.and_then(|m| s.matches.iter().position(|x| *x == m));
        s.partial = false;
    }

    /// `n` / `N` without a selected entity.
    pub(super) fn step_match(&mut self, forward: bool) {
        let (Some(s), Some(reader)) = (&mut self.search, &mut self.reader) else {
            self.message = Some("no search: / searches the article".into());
            return;
        };
        let n = s.matches.len();
        if n == 0 {
            self.message = Some(format!("no match for {:?}", s.query));
            return;
        }
        let from = reader.offset_of(reader.cursor);
        let i = match (s.current, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => s.matches.partition_point(|m| m.start <= from) % n,
            (None, false) => (s.matches.partition_point(|m| m.start < from) + n - 1) % n,
        };
        s.current = Some(i);
        if let Some(m) = s.matches.get(i) {
            reader.goto_offset(m.start);
        }
    }

    /// Matches of the current query in a newly opened article, without moving.
    pub(super) fn refresh_search(&mut self) {
        let (Some(s), Some(reader)) = (&mut self.search, &self.reader) else {
            return;
        };
        s.matches = find_every(reader, &s.query);
        s.current = None;
        s.partial = false;
    }

    /// Keys while the corpus search results are open.
    pub(super) fn corpus_action(&mut self, action: Action) -> Vec<Effect> {
        let Some(Overlay::Corpus(c)) = &mut self.overlay else {
            return Vec::new();
        };
        let n = c.hits.len();
        if super::list::move_selection(&mut c.selected, n, super::list::OVERLAY_PAGE, action) {
            return Vec::new();
        }
        match action {
            Action::Search | Action::SearchAll => {
                let q = c.query.clone();
                self.input = Some(Input::new(Purpose::CorpusSearch, &q));
            }
            Action::Open => {
                if let Some(hit) = c.hits.get(c.selected).cloned() {
                    let query = c.query.clone();
                    self.overlay = None;
                    self.open_at(hit.article, Some(hit.range.start));
                    // The article's own search takes the query, so n and N go on from here.
                    self.search = Some(SearchState {
                        query,
                        ..SearchState::default()
                    });
                    self.refresh_search();
                    if let Some(s) = &mut self.search {
                        s.current = s.matches.iter().position(|m| *m == hit.range);
                    }
                }
            }
            Action::Cancel => self.overlay = None,
            Action::Quit => return self.quit_effects(),
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn start_corpus_search(&mut self) {
        let q = self
            .search
            .as_ref()
            .map(|s| s.query.clone())
            .unwrap_or_default();
        self.overlay = Some(Overlay::Corpus(CorpusSearch::default()));
        self.input = Some(Input::new(Purpose::CorpusSearch, &q));
        self.run_corpus_search(&q);
    }

    pub(super) fn run_corpus_search(&mut self, query: &str) {
        let mut hits = Vec::new();
        let mut truncated = false;
        if !query.is_empty() {
            self.fold_all();
            let arts = &self.library.articles;
            let folded = &self.folded;
            // Every listed article on every core; results come back in the list's order (an
            // article deleted from disk is not searched).
            let per_article: Vec<(usize, Vec<Range<usize>>)> = self
                .library
                .order()
                .par_iter()
                .map(|&i| {
                    let found = match (
                        arts.get(i).and_then(|a| a.doc.as_ref()),
                        folded.get(i).and_then(Option::as_ref),
                    ) {
                        (Some(doc), Some(f)) => find_all(&doc.text, f, query),
                        _ => Vec::new(),
                    };
                    (i, found)
                })
                .collect();
            'all: for (article, ranges) in per_article {
                for range in ranges {
                    if hits.len() >= MAX_HITS {
                        truncated = true;
                        break 'all;
                    }
                    hits.push(CorpusHit { article, range });
                }
            }
        }
        if let Some(Overlay::Corpus(c)) = &mut self.overlay {
            c.query = query.to_string();
            c.selected = c.selected.min(hits.len().saturating_sub(1));
            c.hits = hits;
            c.truncated = truncated;
        }
    }

    /// Folds every read article that is not folded yet (once; on all cores), so each key typed
    /// into the corpus search only scans.
    fn fold_all(&mut self) {
        let n = self.library.len();
        self.folded.resize(n, None);
        let todo: Vec<(usize, Arc<crate::document::Document>)> = self
            .library
            .articles
            .iter()
            .enumerate()
            .filter(|(i, _)| self.folded.get(*i).is_some_and(Option::is_none))
            .filter_map(|(i, a)| Some((i, a.doc.clone()?)))
            .collect();
        let made: Vec<(usize, Arc<Folded>)> = todo
            .into_par_iter()
            .map(|(i, d)| (i, Arc::new(Folded::new(&d.text))))
            .collect();
        for (i, f) in made {
            if let Some(slot) = self.folded.get_mut(i) {
                *slot = Some(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looking_ahead_finds_the_first_window_with_matches_across_boundaries() {
        // Accented letters everywhere, so windows end inside characters unless cut right.
        let filler = "éèà ".repeat(40_000);
        let text = format!("{filler}Réforme{filler}réforme{filler}");
        let all = find_all(&text, &Folded::new(&text), "reforme");
        assert_eq!(all.len(), 2);
        assert_eq!(find_ahead(&text, 0, "reforme"), all[..1]);
        assert_eq!(find_ahead(&text, all[0].start + 1, "reforme"), all[1..]);
        // Every window boundary: a match that straddles one is found once.
        for from in (0..TYPED_WINDOW * 2).step_by(4099) {
            let shifted = format!("{}{text}", "x".repeat(from % 7));
            let all = find_all(&shifted, &Folded::new(&shifted), "reforme");
            assert_eq!(find_ahead(&shifted, from, "reforme"), all[..1]);
        }
        // A window that ends three bytes into the match.
        let plain = format!("{}Reforme", "a".repeat(100_000));
        let straddle = 100_000 + 3 - TYPED_WINDOW;
        assert_eq!(
            find_ahead(&plain, straddle, "reforme"),
            vec![Range {
                start: 100_000,
                end: 100_007
            }]
        );
        assert!(find_ahead(&text, all[1].end, "reforme").is_empty());
    }

    #[test]
    fn enter_finds_every_match_of_a_long_article_and_stays_on_the_current_one() {
        use crate::keymap::{Key, KeyCode, Keymap};
        use crate::library::{self, Library};
        let para = "Le ministre a parlé. ".repeat(40) + "\n\n";
        let text = format!("Un titre\n\n{}", para.repeat(2000));
        assert!(text.len() > TYPED_REACH);
        let doc = crate::document::Document::from_text("long.txt", text);
        let mut app = App::new(
            Library::new(library::seeds().into_iter().take(1).collect()),
            Keymap::default(),
            (120, 40),
        );
        app.update(super::super::Event::Loaded {
            index: 0,
            result: Ok(Arc::new(doc)),
        });
        let key = |c| super::super::Event::Key(Key::plain(KeyCode::Char(c)));
        for c in "/ministre".chars() {
            app.update(key(c));
        }
        let s = app.search.as_ref().unwrap();
        assert!(s.partial && !s.matches.is_empty() && s.matches.len() < 80_000);
        let first = s.matches[0].clone();
        app.update(super::super::Event::Key(Key::plain(KeyCode::Enter)));
        let s = app.search.as_ref().unwrap();
        assert!(!s.partial);
        assert_eq!(s.matches.len(), 80_000);
        let text = &app.reader.as_ref().unwrap().doc.text;
        assert_eq!(s.matches, find_all(text, &Folded::new(text), "ministre"));
        assert_eq!(s.current.and_then(|i| s.matches.get(i)), Some(&first));
    }
}
