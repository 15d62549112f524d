//! Looking the index up: the articles holding a query's words, ranked, and where an article
//! was read from.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::{FullText, UNDATED, query_words};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, RegexQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

/// An article that matches a query: its id, how well, its day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// The article's id ([`id_of`]).
    pub id: u64,
    /// Its BM25 score.
    pub score: f32,
    /// Its day (days since 1970), [`UNDATED`] when it has none.
    pub day: i64,
}

/// A query's articles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Candidates {
    /// The best ones, newest first when any is dated, else best first.
    pub best: Vec<Candidate>,
    /// How many articles match in all.
    pub total: usize,
}

impl FullText {
    /// The articles matching `query`: each of its words is in them, the first as a word's end,
    /// the last as a word's beginning, a lone one anywhere in a word (the query is then found
    /// in each article's text, as a search of the article finds it). At most `limit` of them,
    /// the best by BM25, then newest first when any is dated. `None` when the query holds no
    /// word.
    pub fn candidates(&self, query: &str, limit: usize) -> Option<Candidates> {
        let words = query_words(query);
        let n = words.len();
        if n == 0 {
            return None;
        }
        let field = self.fields.body;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let escaped = regex_escape(w);
            let pattern = match (i == 0, i + 1 == n) {
                (true, true) => format!(".*{escaped}.*"),
                (true, false) => format!(".*{escaped}"),
                (false, true) => format!("{escaped}.*"),
                (false, false) => String::new(),
            };
            let exact = || -> Box<dyn Query> {
                Box::new(TermQuery::new(
                    Term::from_field_text(field, w),
                    IndexRecordOption::WithFreqs,
                ))
            };
            if pattern.is_empty() {
                clauses.push((Occur::Must, exact()));
            } else {
                // A word's part matches (with a score of its own, the same for all); the
                // whole word, where it is, ranks (BM25).
                let part = RegexQuery::from_pattern(&pattern, field).ok()?;
                clauses.push((Occur::Must, Box::new(part)));
                clauses.push((Occur::Should, exact()));
            }
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let (total, top) = searcher
            .search(
                &query,
                &(Count, TopDocs::with_limit(limit.max(1)).order_by_score()),
            )
            .ok()?;
        let mut best = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let seg = searcher.segment_reader(addr.segment_ord);
            let ids = seg.fast_fields().u64("id").ok()?;
            let days = seg.fast_fields().i64("day").ok()?;
            let Some(id) = ids.first(addr.doc_id) else {
                continue;
            };
            best.push(Candidate {
                id,
                score,
                day: days.first(addr.doc_id).unwrap_or(UNDATED),
            });
        }
        // Stable: within a day, the best first.
        if best.iter().any(|c| c.day != UNDATED) {
            best.sort_by_key(|c| std::cmp::Reverse(c.day));
        }
        Some(Candidates { best, total })
    }

    /// Reads what a first query reads (every word of the index, as a part of a word is looked
    /// up in all of them), matching nothing: the query a person types next runs as fast as the
    /// ones after it.
    pub fn warm(&self) {
        let _ = self.candidates("qzxjqzxj", 1);
    }

    /// Where the article `id` was read from when it was indexed: for one a search finds before
    /// the folder's walk lists it (a warm start of a large library answers `F` at once).
    pub fn path_of(&self, id: u64) -> Option<String> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_u64(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        // One article, in one segment: looked up on this thread, not handed to the search's
        // threads segment by segment (a first answer asks this of up to 24 articles, and each
        // hand-over waited for those threads behind a warm start's work).
        let top = searcher
            .search_with_executor(
                &query,
                &TopDocs::with_limit(1).order_by_score(),
                &tantivy::Executor::single_thread(),
                tantivy::query::EnableScoring::enabled_from_searcher(&searcher),
            )
            .ok()?;
        let (_, addr) = top.first()?;
        let doc: TantivyDocument = searcher.doc(*addr).ok()?;
        let path = doc.get_first(self.fields.path)?;
        tantivy::schema::Value::as_str(&path).map(str::to_string)
    }
}

fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
