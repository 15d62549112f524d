//! The file list's order: which articles are shown, and in which row.
//!
//! Rows follow the walk's order (the command line's paths one after the other, each folder in
//! natural order), whether an article came from the walk or was added while liseuse runs, so
//! an article saved by a feed fetcher takes its place rather than the end of the list.
//! Changes cost O(n) for the renumbering plus a few comparisons per article added, whatever
//! the number of articles: never a scan per change.

use super::{Library, Origin};
use crate::discover::natural_path_cmp;
use std::cmp::Ordering;
use std::path::Path;

impl Library {
    /// Shown articles (indices into `articles`), first row first.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// How many articles the list shows.
    pub fn shown(&self) -> usize {
        self.order.len()
    }

    /// The row of article `i`, if it is shown.
    pub fn row_of(&self, i: usize) -> Option<usize> {
        self.row_of.get(i).copied().flatten()
    }

    /// The article shown at `row`.
    pub fn at_row(&self, row: usize) -> Option<usize> {
        self.order.get(row).copied()
    }

    /// The article shown after article `i` (shown or not: then the one after where it would
    /// be).
    pub fn next_shown(&self, i: usize) -> Option<usize> {
        let row = match self.row_of(i) {
            Some(r) => r + 1,
            None => self
                .order
                .partition_point(|&x| self.cmp_articles(x, i) == Ordering::Less),
        };
        self.at_row(row)
    }

    fn sort_path(&self, i: usize) -> &Path {
        match self.articles.get(i).map(|a| &a.entry) {
            Some(e) => match &e.origin {
                Origin::File(p) => p,
                Origin::Embedded(_) => Path::new(&e.path),
            },
            None => Path::new(""),
        }
    }

    /// Which command-line path an article was found under: the walk lists them in turn.
    fn root_rank(&self, p: &Path) -> usize {
        self.roots
            .iter()
            .position(|r| p.starts_with(r))
            .unwrap_or(self.roots.len())
    }

    /// Whether `p` is inside the one path of the command line, as its bytes say (the root's,
    /// then a separator): its rank, without comparing the names one by one (two paths for each
    /// of the comparisons that put a warm start's 100,000 articles in their places).
    fn under_only_root(&self, p: &Path) -> bool {
        let [root] = self.roots.as_slice() else {
            return false;
        };
        let (p, root) = (
            p.as_os_str().as_encoded_bytes(),
            root.as_os_str().as_encoded_bytes(),
        );
        p.strip_prefix(root)
            .and_then(|rest| rest.first())
            .is_some_and(|&c| std::path::is_separator(char::from(c)))
    }

    /// The list order of two articles. Total: the same path twice (a file named twice on the
    /// command line) is ordered by index.
    pub fn cmp_articles(&self, a: usize, b: usize) -> Ordering {
        let (pa, pb) = (self.sort_path(a), self.sort_path(b));
        let ranks = match self.under_only_root(pa) && self.under_only_root(pb) {
            true => Ordering::Equal,
            false => self.root_rank(pa).cmp(&self.root_rank(pb)),
        };
        ranks.then_with(|| natural_path_cmp(pa, pb)).then(a.cmp(&b))
    }

    /// Shows these articles, each in its place. Already shown ones are left where they are.
    pub fn show(&mut self, mut add: Vec<usize>) {
        add.retain(|&i| i < self.articles.len() && self.row_of(i).is_none());
        add.sort_by(|&a, &b| self.cmp_articles(a, b));
        add.dedup();
        let Some(&first_new) = add.first() else {
            return;
        };
        // The walk's batches come in order: they only append.
        let from = self
            .order
            .partition_point(|&x| self.cmp_articles(x, first_new) == Ordering::Less);
        let tail = self.order.split_off(from);
        let mut merged = Vec::with_capacity(tail.len() + add.len());
        let (mut old, mut new) = (tail.into_iter().peekable(), add.into_iter().peekable());
        loop {
            let take_new = match (old.peek(), new.peek()) {
                (Some(&o), Some(&n)) => self.cmp_articles(n, o) == Ordering::Less,
                (None, Some(_)) => true,
                (_, None) => false,
            };
            let next = if take_new { new.next() } else { old.next() };
            let Some(next) = next else { break };
            merged.push(next);
        }
        self.order.append(&mut merged);
        self.renumber(from);
    }

    /// Stops showing these articles; the rows below them move up.
    pub fn hide(&mut self, gone: &[usize]) {
        let Some(from) = gone.iter().filter_map(|&i| self.row_of(i)).min() else {
            return;
        };
        for &i in gone {
            if let Some(r) = self.row_of.get_mut(i) {
                *r = None;
            }
        }
        let row_of = &self.row_of;
        self.order
            .retain(|&i| row_of.get(i).copied().flatten().is_some());
        self.renumber(from);
    }

    fn renumber(&mut self, from: usize) {
        for (row, &i) in self.order.iter().enumerate().skip(from) {
            if let Some(r) = self.row_of.get_mut(i) {
                *r = Some(row);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::library::{Entry, Library, Origin};
    use std::path::{Path, PathBuf};

    fn entry(path: &str) -> Entry {
        Entry {
            path: path.to_string(),
            name: path.rsplit('/').next().unwrap().to_string(),
            origin: Origin::File(PathBuf::from(path)),
        }
    }

    fn paths(l: &Library) -> Vec<&str> {
        l.order()
            .iter()
            .map(|&i| l.articles[i].entry.path.as_str())
            .collect()
    }

    #[test]
    fn added_articles_take_their_natural_place() {
        let mut l = Library::under(
            vec![PathBuf::from("lib")],
            ["lib/1.txt", "lib/2/a.txt", "lib/10.txt"]
                .map(entry)
                .to_vec(),
        );
        let a = l.push(entry("lib/2/b.txt"));
        let b = l.push(entry("lib/3.txt"));
        let c = l.push(entry("lib/0.txt"));
        l.show(vec![b, a, c]);
        assert_eq!(
            paths(&l),
            [
                "lib/0.txt",
                "lib/1.txt",
                "lib/2/a.txt",
                "lib/2/b.txt",
                "lib/3.txt",
                "lib/10.txt"
            ]
        );
        for (row, &i) in l.order().iter().enumerate() {
            assert_eq!(l.row_of(i), Some(row));
        }
        assert_eq!(l.find(&PathBuf::from("lib/3.txt")), Some(b));
    }

    #[test]
    fn the_articles_under_folders_are_found_at_any_depth_and_no_other() {
        let l = Library::new(
            [
                "lib/a/1.txt",
                "lib/ab/2.txt",
                "lib/a/b/3.txt",
                "lib/4.txt",
                "other/a/5.txt",
            ]
            .map(entry)
            .to_vec(),
        );
        assert_eq!(l.under_folder(Path::new("lib/a")), [0, 2]);
        assert_eq!(
            l.under_folder(Path::new("lib/a/")),
            [0, 2],
            "a trailing slash"
        );
        assert_eq!(l.under_folder(Path::new("lib")), [0, 1, 2, 3]);
        assert_eq!(
            l.under_folders(&[Path::new("lib/a/b"), Path::new("other")]),
            [2, 4]
        );
        assert!(l.under_folder(Path::new("lib/4.txt")).is_empty());
    }

    #[test]
    fn hidden_articles_leave_the_list_and_come_back_in_place() {
        let mut l = Library::new(["d/1.txt", "d/2.txt", "d/3.txt"].map(entry).to_vec());
        l.hide(&[1]);
        assert_eq!(paths(&l), ["d/1.txt", "d/3.txt"]);
        assert_eq!((l.row_of(1), l.row_of(2)), (None, Some(1)));
        assert_eq!(l.next_shown(1), Some(2));
        l.show(vec![1]);
        assert_eq!(paths(&l), ["d/1.txt", "d/2.txt", "d/3.txt"]);
        assert_eq!(l.row_of(2), Some(2));
    }

    #[test]
    fn the_command_lines_paths_keep_their_order() {
        let l = Library::under(
            vec![PathBuf::from("z"), PathBuf::from("a")],
            ["z/1.txt", "a/1.txt"].map(entry).to_vec(),
        );
        assert_eq!(paths(&l), ["z/1.txt", "a/1.txt"]);
    }
}
