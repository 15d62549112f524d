//! The bookmarks as one snapshot, indexed: built where they are saved (beside the event loop),
//! handed to the loop behind an `Arc`, so that nothing the loop does for a key costs the
//! number of bookmarks (issue 24.9: with 100,000 of them, `b` took 1.5 s). The loop asks for
//! the bookmarks of one article, or one bookmark by id; only the list of every bookmark
//! walks them all.

use std::collections::HashMap;

use super::Bookmark;

/// Every bookmark, with what finds the few of one article at once.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BookmarkSet {
    list: Vec<Bookmark>,
    by_id: HashMap<String, usize>,
    /// By the article's path, its content hash, its file name: the three ways a bookmark
    /// finds its article (see `resolve_article` in the app).
    by_path: HashMap<String, Vec<usize>>,
    by_hash: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
}

/// The last component of a bookmark's path, as the app names an article's file.
pub fn file_name_of(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

impl BookmarkSet {
    /// Indexes `list` (in the order the store keeps it).
    pub fn new(list: Vec<Bookmark>) -> BookmarkSet {
        let mut set = BookmarkSet {
            by_id: HashMap::with_capacity(list.len()),
            ..BookmarkSet::default()
        };
        for (i, b) in list.iter().enumerate() {
            set.by_id.insert(b.id.clone(), i);
            let a = &b.anchor;
            set.by_path.entry(a.path.clone()).or_default().push(i);
            set.by_hash
                .entry(a.content_hash.clone())
                .or_default()
                .push(i);
            set.by_name
                .entry(file_name_of(&a.path).to_owned())
                .or_default()
                .push(i);
        }
        set.list = list;
        set
    }

    /// Every bookmark, in the store's order.
    pub fn all(&self) -> &[Bookmark] {
        &self.list
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The bookmark with this id.
    pub fn get(&self, id: &str) -> Option<&Bookmark> {
        self.list.get(*self.by_id.get(id)?)
    }

    /// The bookmarks that may belong to an article at `path`, of text hash `hash`, whose
    /// file is called `name`: those made on that path, on that text, or on a file of that
    /// name (each once). Which of them are its is for the caller to say.
    pub fn candidates<'a>(
        &'a self,
        path: &str,
        hash: &str,
        name: &str,
    ) -> impl Iterator<Item = &'a Bookmark> + 'a {
        let mut seen: Vec<usize> = [
            self.by_path.get(path),
            self.by_hash.get(hash),
            self.by_name.get(name),
        ]
        .into_iter()
        .flatten()
        .flatten()
        .copied()
        .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter().filter_map(|i| self.list.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bookmark::Anchor;

    fn b(id: &str, path: &str, text: &str) -> Bookmark {
        let mut b = Bookmark::new("T", Anchor::new(path, text, 0, 4));
        b.id = id.to_owned();
        b
    }

    #[test]
    fn an_articles_bookmarks_are_found_by_path_text_or_name() {
        let set = BookmarkSet::new(vec![
            b("here", "lib/a.txt", "texte un"),
            b("moved", "old/place.txt", "texte deux"),
            b("renamed", "old/a.txt", "texte trois"),
            b("other", "lib/b.txt", "texte quatre"),
        ]);
        let hash = crate::bookmark::content_hash("texte deux");
        let ids: Vec<&str> = set
            .candidates("lib/a.txt", &hash, "a.txt")
            .map(|b| b.id.as_str())
            .collect();
        assert_eq!(ids, ["here", "moved", "renamed"]);
        assert_eq!(
            set.get("other").map(|b| b.anchor.path.as_str()),
            Some("lib/b.txt")
        );
        assert!(set.get("nope").is_none());
        assert_eq!(set.len(), 4);
    }
}
