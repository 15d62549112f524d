//! Where a bookmark is among the articles open now: its article (the same path, else a file of
//! the same name or content, for a file moved or edited) and its passage there; the rows the
//! bookmark list shows. Apart from `bookmarks.rs` (the app's bookmark state and keys) because it
//! is the one part that looks into the library's articles.

use liseuse_library::Library;
use liseuse_library::bookmark::{Anchor, Located, Locator, content_hash};
use std::ops::Range;

/// One row of the bookmark list, located in the articles open now.
#[derive(Debug, Clone)]
pub struct BookmarkRow {
    pub id: String,
    pub title: String,
    pub quote: String,
    pub note: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The article holding it among those open, if any.
    pub article: Option<usize>,
    /// Where the passage is now; `None` when it could not be found (orphaned) or its article is
    /// not read yet.
    pub range: Option<Range<usize>>,
}

impl BookmarkRow {
    pub fn orphaned(&self, library: &Library) -> bool {
        match self.article {
            None => true,
            Some(i) => {
                self.range.is_none() && library.articles.get(i).is_some_and(|a| a.doc.is_some())
            }
        }
    }
}

/// How many files of a bookmark's file name may have their texts asked for to find its passage
/// when its path is gone.
const MAX_NAMESAKES_READ: usize = 16;

/// The article an anchor belongs to among those open: the same path; else, the file moved
/// (and maybe edited), one of the same file name that holds the passage, else one of the same
/// content; else the path's article deleted from disk, whose text is still known; else one of
/// the same file name. An article still on disk wins over a deleted one: a file edited and
/// moved under liseuse's eyes is found where it is now, not in the text it had.
///
/// Nothing is read here (it runs on the update path, for every bookmark listed): while a file of
/// the same name is not read yet, it is the answer for now, so that a list showing the bookmark
/// asks for its text ([`App::ask_shown_texts`]); the bookmark is placed again when it comes.
pub fn resolve_article(library: &Library, anchor: &Anchor) -> Option<usize> {
    let arts = &library.articles;
    let live = |i: &usize| arts.get(*i).is_some_and(|a| !a.removed);
    let same_path = |a: &liseuse_library::Article| a.entry.path == anchor.path;
    // The path index first (no walk over a large library), then the walk.
    if let Some(i) = library
        .find(std::path::Path::new(&anchor.path))
        .filter(|i| live(i) && arts.get(*i).is_some_and(same_path))
        .or_else(|| {
            (0..arts.len())
                .filter(live)
                .find(|&i| arts.get(i).is_some_and(same_path))
        })
    {
        return Some(i);
    }
    let name = anchor
        .path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(&anchor.path);
    let named: Vec<usize> = (0..arts.len())
        .filter(|&i| arts.get(i).is_some_and(|a| a.entry.name == name))
        .collect();
    let holds = |i: &&usize| locate_in(library, Some(**i), anchor).is_some();
    if let Some(&i) = named.iter().filter(|i| live(i)).find(holds) {
        return Some(i);
    }
    let unread = |i: &&usize| {
        arts.get(**i)
            .is_some_and(|a| a.doc.is_none() && a.error.is_none())
    };
    if named.len() <= MAX_NAMESAKES_READ
        && let Some(&i) = named.iter().filter(|i| live(i)).find(unread)
    {
        return Some(i);
    }
    // Texts are not held: the hash kept with an article's metadata tells it.
    let same_text = |i: &usize| {
        arts.get(*i).is_some_and(|a| {
            a.meta
                .as_ref()
                .is_some_and(|m| m.text_hash == anchor.content_hash)
                || a.doc
                    .as_ref()
                    .is_some_and(|d| content_hash(&d.text) == anchor.content_hash)
        })
    };
    if let Some(i) = (0..arts.len()).filter(live).find(same_text) {
        return Some(i);
    }
    if let Some(i) = arts.iter().position(same_path) {
        return Some(i);
    }
    named.iter().find(holds).or(named.first()).copied()
}

pub(in crate::app) fn locate_in(
    library: &Library,
    article: Option<usize>,
    anchor: &Anchor,
) -> Option<Range<usize>> {
    let doc = library.articles.get(article?)?.doc.as_ref()?;
    match Locator::new(&doc.text).locate(anchor) {
        Located::Exact(r) | Located::Moved(r) => Some(r),
        Located::Orphaned => None,
    }
}

pub(in crate::app) fn first_words(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().take(n + 1).collect();
    let mut out = words.iter().take(n).copied().collect::<Vec<_>>().join(" ");
    if words.len() > n {
        out.push('…');
    }
    out
}
