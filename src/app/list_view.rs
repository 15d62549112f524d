//! The rows of the file list: which articles it shows (a filter on title, file name and
//! source, so `/` with a feed's name keeps that feed's articles) and in which order (the
//! library's, by path; or by date, newest first). Everything is answered from what the list
//! holds already (titles, dates, sources, read marks), never from an article's text: a new
//! filter or order costs one pass and one sort of the shown articles, articles added a sort of
//! themselves and one merge, an article read again a binary search and a move.

use super::list::FileList;
use liseuse_document::search::fold_str;
use liseuse_library::calendar::{self, When};
use liseuse_library::{Article, Library};
use std::cmp::Ordering;

/// The list's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// The library's: the opened paths in turn, each folder in natural order.
    #[default]
    Path,
    /// Newest first (undated articles last, in path order).
    Date,
}

impl Sort {
    pub fn name(self) -> &'static str {
        match self {
            Sort::Path => "path",
            Sort::Date => "date",
        }
    }
}

/// An article's date for the order, as a number that sorts in time (`20260505`): the day its
/// file name starts with (a fetched article's `2026-05-05-…`), else its date line or page date
/// once checked or read, else its file's time.
pub fn date_key(a: &Article) -> Option<i32> {
    name_day(&a.entry.name)
        .or_else(|| calendar::parse(a.date_line()?, None).map(When::key))
        .or_else(|| Some(When::Day(calendar::day_of_timestamp(a.modified?)?).key()))
}

/// `2026-05-05…` at the start of a file name, as a date key.
fn name_day(name: &str) -> Option<i32> {
    let b = name.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<i32> {
        let s = name.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(y * 10_000 + m * 100 + d)
}

/// Whether article `a` matches the folded `needle`: its title, its file name or its source.
fn matches(a: &Article, needle: &str) -> bool {
    fold_str(a.title()).contains(needle)
        || fold_str(&a.entry.name).contains(needle)
        || a.source().is_some_and(|s| fold_str(s).contains(needle))
}

impl FileList {
    /// Whether article `i` is kept by the folded filter `needle` and the narrowing.
    fn keeps(&self, library: &Library, i: usize, needle: &str) -> bool {
        library
            .articles
            .get(i)
            .is_some_and(|a| needle.is_empty() || matches(a, needle))
            && self
                .narrow
                .as_ref()
                .is_none_or(|n| n.keeps(self, library, i))
    }

    /// The articles shown, in order.
    pub fn rows<'a>(&'a self, library: &'a Library) -> &'a [usize] {
        match &self.view {
            Some(v) => v,
            None => library.order(),
        }
    }

    /// The order of two shown articles in the list.
    fn cmp(&self, library: &Library, a: usize, b: usize) -> Ordering {
        let by_path = || library.row_of(a).cmp(&library.row_of(b));
        match self.sort {
            Sort::Path => by_path(),
            // Newest first: a larger key first, and any date before none.
            Sort::Date => self.key(b).cmp(&self.key(a)).then_with(by_path),
        }
    }

    fn key(&self, i: usize) -> Option<i32> {
        self.dates.get(i).copied().flatten()
    }

    /// Where article `i` is (or would go) in the view, and whether it is there.
    fn find(&self, library: &Library, view: &[usize], i: usize) -> (usize, bool) {
        let at = view.partition_point(|&x| self.cmp(library, x, i) == Ordering::Less);
        (at, view.get(at) == Some(&i))
    }

    /// The row of article `i` in the list as shown.
    pub fn row_of(&self, library: &Library, i: usize) -> Option<usize> {
        match &self.view {
            None => library.row_of(i),
            Some(v) => {
                library.row_of(i)?;
                let (at, there) = self.find(library, v, i);
                there.then_some(at)
            }
        }
    }

    pub fn at_row(&self, library: &Library, row: usize) -> Option<usize> {
        self.rows(library).get(row).copied()
    }

    /// Sets the filter and works out which articles match it (titles, file names and sources,
    /// accents and case aside).
    pub fn set_filter(&mut self, library: &Library, filter: &str) {
        self.filter = filter.to_string();
        self.refilter(library);
    }

    /// Sets the order.
    pub fn set_sort(&mut self, library: &Library, sort: Sort) {
        self.sort = sort;
        // Every date taken anew: by path, they were not kept up to date.
        self.dates = Vec::new();
        self.refilter(library);
    }

    /// The list changed under the filter or the order: the view made again, one pass over the
    /// shown articles and, by date, one sort of those kept.
    pub fn refilter(&mut self, library: &Library) {
        let needle = fold_str(self.filter.trim());
        self.take_new_dates(library);
        if needle.is_empty() && self.sort == Sort::Path && self.narrow.is_none() {
            self.view = None;
            return;
        }
        let mut view: Vec<usize> = (library.order().iter().copied())
            .filter(|&i| self.keeps(library, i, &needle))
            .collect();
        if self.sort == Sort::Date {
            // The library's order is by path already: a stable sort keeps it among equals.
            view.sort_by_key(|&a| std::cmp::Reverse(self.key(a)));
        }
        self.view = Some(view);
    }

    /// Article `i` was read (its title, date and source are known now), shown or hidden: it
    /// joins, leaves or moves in the view, in its place, without making the whole view again
    /// (10,000 articles read one by one under a filter would cost 10,000 × 10,000 titles).
    pub fn article_changed(&mut self, library: &Library, i: usize) {
        let Some(mut view) = self.view.take() else {
            return;
        };
        // Articles added meanwhile have their dates; this one keeps its old one until moved.
        self.take_new_dates(library);
        let needle = fold_str(self.filter.trim());
        let article = library.articles.get(i);
        let shown = library.row_of(i).is_some();
        let wanted = shown && self.keeps(library, i, &needle);
        let key = article.and_then(date_key);
        let same_key = self.sort == Sort::Path || self.key(i) == key;
        let (at, there) = match shown {
            true => self.find(library, &view, i),
            // Not shown: no row to search by.
            false => match view.iter().position(|&x| x == i) {
                Some(at) => (at, true),
                None => (0, false),
            },
        };
        if !(same_key && there == wanted) {
            if there {
                view.remove(at);
            }
            if let Some(d) = self.dates.get_mut(i) {
                *d = key;
            }
            if wanted {
                let (at, _) = self.find(library, &view, i);
                view.insert(at, i);
            }
        }
        self.view = Some(view);
    }

    /// By date: the dates of articles added since they were last taken (each article's once;
    /// an article read again is [`article_changed`](Self::article_changed)'s). By path: none.
    fn take_new_dates(&mut self, library: &Library) {
        match self.sort {
            Sort::Path => self.dates = Vec::new(),
            Sort::Date => {
                let from = self.dates.len();
                let new = library.articles.iter().skip(from).map(date_key);
                self.dates.extend(new);
            }
        }
    }

    /// Articles were shown (the walk's next batch, a file saved into a followed folder, an
    /// article stored by a fetch): those kept by the filter are sorted among themselves and
    /// merged into the view, one pass over it, however many they are.
    pub fn articles_added(&mut self, library: &Library, added: &[usize]) {
        let Some(view) = self.view.take() else {
            return;
        };
        self.take_new_dates(library);
        let needle = fold_str(self.filter.trim());
        let mut new: Vec<usize> = added
            .iter()
            .copied()
            .filter(|&i| {
                library.row_of(i).is_some()
                    && self.keeps(library, i, &needle)
                    && !self.find(library, &view, i).1
            })
            .collect();
        new.sort_by(|&a, &b| self.cmp(library, a, b));
        new.dedup();
        let mut merged = Vec::with_capacity(view.len() + new.len());
        let (mut old, mut new) = (view.into_iter().peekable(), new.into_iter().peekable());
        loop {
            let take_new = match (old.peek(), new.peek()) {
                (Some(&o), Some(&n)) => self.cmp(library, n, o) == Ordering::Less,
                (None, Some(_)) => true,
                (_, None) => false,
            };
            let next = if take_new { new.next() } else { old.next() };
            let Some(next) = next else { break };
            merged.push(next);
        }
        self.view = Some(merged);
    }

    /// Whether the list shows only the articles matching a filter or a narrowing.
    pub fn is_filtered(&self) -> bool {
        (!self.filter.trim().is_empty() || self.narrow.is_some()) && self.view.is_some()
    }

    /// What the list is filtered by, for its title: the filter typed, the narrowing.
    pub fn filtered_by(&self) -> String {
        let typed = Some(self.filter.trim()).filter(|f| !f.is_empty());
        let narrow = self.narrow.as_ref().map(|n| n.label());
        typed
            .map(str::to_string)
            .into_iter()
            .chain(narrow)
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use liseuse_library::{Entry, Origin};
    use std::path::PathBuf;
    use std::sync::Arc;

    fn library(names: &[(&str, Option<&str>, Option<&str>)]) -> Library {
        let entries = names
            .iter()
            .map(|(n, _, _)| Entry {
                path: format!("lib/{n}"),
                name: (*n).to_string(),
                origin: Origin::File(PathBuf::from(format!("lib/{n}"))),
            })
            .collect();
        let mut lib = Library::under(vec![PathBuf::from("lib")], entries);
        for (i, (n, date, source)) in names.iter().enumerate() {
            let mut doc = liseuse_document::Document::from_text(n, format!("Titre {n}\n\nTexte."));
            doc.date = date.map(str::to_string);
            doc.source = source.map(str::to_string);
            lib.articles[i].doc = Some(Arc::new(doc));
        }
        lib
    }

    #[test]
    fn by_date_newest_first_undated_last_and_new_ones_in_place() {
        let mut lib = library(&[
            ("a.txt", Some("2024-03-01"), None),
            ("b.txt", None, None),
            ("c.txt", Some("12 mars 2025"), None),
            ("2023-01-05-d-0123456789ab.html", Some("2026-01-01"), None),
        ]);
        let mut list = FileList::new(0);
        list.set_sort(&lib, Sort::Date);
        // The name's date wins over the page's: a fetched article does not move once read.
        assert_eq!(list.rows(&lib), [2, 0, 3, 1]);
        assert_eq!(list.row_of(&lib, 3), Some(2));
        let e = Entry {
            path: "lib/2025-06-01-e-0123456789ab.html".into(),
            name: "2025-06-01-e-0123456789ab.html".into(),
            origin: Origin::File(PathBuf::from("lib/2025-06-01-e-0123456789ab.html")),
        };
        let i = lib.push(e);
        lib.show(vec![i]);
        list.articles_added(&lib, &[i]);
        assert_eq!(list.rows(&lib), [4, 2, 0, 3, 1]);
        // b is read and found dated: it moves to its place.
        let mut doc = (**lib.articles[1].doc.as_ref().unwrap()).clone();
        doc.date = Some("2024-05-01".into());
        lib.articles[1].doc = Some(Arc::new(doc));
        list.article_changed(&lib, 1);
        assert_eq!(list.rows(&lib), [4, 2, 1, 0, 3]);
        list.set_sort(&lib, Sort::Path);
        assert_eq!(list.rows(&lib), lib.order());
    }

    #[test]
    fn the_filter_matches_sources_as_titles() {
        let lib = library(&[
            ("a.txt", None, Some("Le Journal du Lot")),
            ("b.txt", None, Some("La Gazette")),
            ("c.txt", None, None),
        ]);
        let mut list = FileList::new(0);
        list.set_filter(&lib, "journal du");
        assert_eq!(list.rows(&lib), [0]);
        list.set_filter(&lib, "titre c");
        assert_eq!(list.rows(&lib), [2]);
        list.set_sort(&lib, Sort::Date);
        assert_eq!(list.rows(&lib), [2], "the filter holds in the date order");
    }

    #[test]
    fn batches_merged_in_place_give_what_a_whole_sort_gives() {
        let names: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    "{:04}-{:02}-01-n{i}-0123456789ab.html",
                    2000 + (i * 7) % 23,
                    1 + i % 12
                )
            })
            .collect();
        let entries: Vec<Entry> = names
            .iter()
            .map(|n| Entry {
                path: format!("lib/{n}"),
                name: n.clone(),
                origin: Origin::File(PathBuf::from(format!("lib/{n}"))),
            })
            .collect();
        let mut lib = Library::under(vec![PathBuf::from("lib")], Vec::new());
        let mut list = FileList::new(0);
        list.set_sort(&lib, Sort::Date);
        list.set_filter(&lib, "n1");
        for batch in entries.chunks(37) {
            let added: Vec<usize> = batch.iter().map(|e| lib.push(e.clone())).collect();
            lib.show(added.clone());
            list.articles_added(&lib, &added);
            // Twice is once.
            list.articles_added(&lib, &added);
        }
        let merged = list.rows(&lib).to_vec();
        list.refilter(&lib);
        assert_eq!(merged, list.rows(&lib));
        assert!(merged.len() > 100);
    }

    #[test]
    fn dates_in_names_are_read_strictly() {
        assert_eq!(
            name_day("2026-05-05-titre-0123456789ab.html"),
            Some(20260505)
        );
        assert_eq!(name_day("2026-13-05-x.txt"), None);
        assert_eq!(name_day("notes.txt"), None);
        assert_eq!(name_day("2026-05"), None);
    }
}
