//! Searching the open article as you type (`/`) and stepping through the matches (`n`, `N`)
//! from the cursor, as less and vim do. The search across every article is
//! `overlay/corpus.rs`.

use super::input::{Input, Purpose};
use super::{App, Follow};
use liseuse_document::search::{Folded, find_all};
use liseuse_entity::text::bounds::floor_boundary;
use std::ops::Range;

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
    /// Typed after `?`: found backwards from the cursor, and `n` goes up (`N` down).
    pub backward: bool,
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

impl App {
    pub(super) fn start_search(&mut self) {
        let q = self.reading.query();
        self.input = Some(Input::new(Purpose::Search, &q));
    }

    /// `?` with less's keys: a search backwards from the cursor.
    pub(super) fn start_search_back(&mut self) {
        let q = self.reading.query();
        self.input = Some(Input::new(Purpose::SearchBack, &q));
    }

    /// `&`: the pattern of the paragraphs to show (empty: all of them).
    pub(super) fn start_filter(&mut self) {
        if self.reading.reader.is_none() {
            self.status.say("no article open");
            return;
        }
        // Empty, as less's: Enter at once shows every paragraph again.
        self.input = Some(Input::new(Purpose::Filter, ""));
    }

    /// `&pattern` Enter: only the paragraphs holding a match of `pattern` are shown (as less
    /// shows only the matching lines), the title and metadata above them; an empty pattern
    /// shows them all again.
    pub(super) fn filter_paragraphs(&mut self, pattern: &str) {
        let Some(reader) = &mut self.reading.reader else {
            return;
        };
        let pattern = pattern.trim();
        if pattern.is_empty() {
            if reader.filter.is_some() {
                reader.set_filter(None, &[]);
                self.status.say("every paragraph is shown");
            }
            return;
        }
        let matches = find_every(reader, pattern);
        if matches.is_empty() {
            self.status
                .say(format!("no paragraph matches {pattern:?}: all are shown"));
            return;
        }
        reader.set_filter(Some(pattern.to_string()), &matches);
        let (shown, all) = reader.filtered_count();
        self.status.say(format!(
            "{shown} of {all} paragraphs match {pattern:?} · & then Enter shows them all"
        ));
    }

    /// Runs the query on the open article and moves to the first match from the cursor on
    /// (`backward`: the last one before it).
    pub(super) fn run_search(&mut self, query: &str, backward: bool) {
        let Some(reader) = &mut self.reading.reader else {
            return;
        };
        if query.is_empty() {
            self.reading.search = None;
            return;
        }
        self.reading.follow = Follow::Matches;
        // Backwards, a match on the cursor's line counts as before it: typing on keeps the
        // match found (the cursor is on its line), as it does forwards.
        let from = match backward {
            false => reader.offset_of(reader.cursor),
            true => reader.line_range(reader.cursor).map_or_else(
                || reader.offset_of(reader.cursor),
                |l| l.end.max(l.start + 1),
            ),
        };
        let partial = reader.doc.text.len() > TYPED_REACH;
        let matches = match (partial, backward) {
            (true, false) => find_ahead(&reader.doc.text, from, query),
            (true, true) => find_windowed(
                &reader.doc.text,
                from.saturating_sub(TYPED_REACH),
                from,
                query,
                false,
            ),
            (false, _) => find_every(reader, query),
        };
        let n = matches.len();
        let after = matches.partition_point(|m| m.start < from);
        let current = match (n, backward) {
            (0, _) => None,
            (_, false) => Some(after % n),
            (_, true) => Some((after + n - 1) % n),
        };
        if let Some(m) = current.and_then(|i| matches.get(i)) {
            reader.goto_offset(m.start);
        }
        self.reading.search = Some(SearchState {
            query: query.to_string(),
            matches,
            current,
            partial,
            backward,
        });
    }

    /// Enter on a query: a long article's search, typed a window at a time, now finds every
    /// match, staying on the one the cursor is on.
    pub(super) fn complete_search(&mut self) {
        let (Some(s), Some(reader)) = (&mut self.reading.search, &self.reading.reader) else {
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

    /// `n` / `N` through the matches: the next one after the cursor (the previous one before
    /// it). The match last gone to counts as the cursor's place only while the cursor is still
    /// on its line: `g` then `n` goes to the first match, not to the one after the last.
    pub(super) fn step_match(&mut self, forward: bool) {
        let (Some(s), Some(reader)) = (&mut self.reading.search, &mut self.reading.reader) else {
            self.status.say("no search: / searches the article");
            return;
        };
        let n = s.matches.len();
        if n == 0 {
            self.status.say(format!("no match for {:?}", s.query));
            return;
        }
        let line = reader.line_range(reader.cursor);
        let on_line = |m: &Range<usize>| {
            line.as_ref()
                .is_some_and(|l| m.start >= l.start && m.start < l.end.max(l.start + 1))
        };
        let current = s.current.filter(|&i| s.matches.get(i).is_some_and(on_line));
        let from = reader.offset_of(reader.cursor);
        let i = match (current, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => s.matches.partition_point(|m| m.start < from) % n,
            (None, false) => (s.matches.partition_point(|m| m.start < from) + n - 1) % n,
        };
        let wrapped = match current {
            Some(c) => (forward && i <= c) || (!forward && i >= c),
            None => {
                (forward && s.matches.get(i).is_some_and(|m| m.start < from))
                    || (!forward && s.matches.get(i).is_some_and(|m| m.start >= from))
            }
        };
        s.current = Some(i);
        if let Some(m) = s.matches.get(i) {
            reader.goto_offset(m.start);
        }
        if wrapped && n > 1 {
            self.status.say(if forward {
                "search went on from the start"
            } else {
                "search went on from the end"
            });
        }
    }

    /// Matches of the current query in a newly opened article, without moving.
    pub(super) fn refresh_search(&mut self) {
        let (Some(s), Some(reader)) = (&mut self.reading.search, &self.reading.reader) else {
            return;
        };
        s.matches = find_every(reader, &s.query);
        s.current = None;
        s.partial = false;
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
        use crate::keys::keymap::{Key, KeyCode, Keymap};
        use liseuse_library::{self as library, Library};
        let para = "Le ministre a parlé. ".repeat(40) + "\n\n";
        let text = format!("Un titre\n\n{}", para.repeat(2000));
        assert!(text.len() > TYPED_REACH);
        let doc = liseuse_document::Document::from_text("long.txt", text);
        let mut app = App::new(
            Library::new(library::seeds().into_iter().take(1).collect()),
            Keymap::default(),
            (120, 40),
        );
        let fx = &mut Vec::new();
        app.update(
            super::super::Event::Loaded {
                index: 0,
                result: Ok(std::sync::Arc::new(doc)),
                modified: None,
            },
            fx,
        );
        let key = |c| super::super::Event::Key(Key::plain(KeyCode::Char(c)));
        for c in "/ministre".chars() {
            app.update(key(c), fx);
        }
        let s = app.reading.search.as_ref().unwrap();
        assert!(s.partial && !s.matches.is_empty() && s.matches.len() < 80_000);
        let first = s.matches[0].clone();
        app.update(super::super::Event::Key(Key::plain(KeyCode::Enter)), fx);
        let s = app.reading.search.as_ref().unwrap();
        assert!(!s.partial);
        assert_eq!(s.matches.len(), 80_000);
        let text = &app.reader().unwrap().doc.text;
        assert_eq!(s.matches, find_all(text, &Folded::new(text), "ministre"));
        assert_eq!(s.current.and_then(|i| s.matches.get(i)), Some(&first));
    }
}
