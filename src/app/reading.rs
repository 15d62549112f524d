//! The article being read: its reader, the search in it, what `n` follows, where the reader
//! was in every article (top line and cursor line) and the marks set in each.

use super::Effect;
use super::reader::Reader;
use super::search::SearchState;
use liseuse_library::bookmark::content_hash;
use std::collections::{BTreeMap, HashMap};

/// Where the reader was in an article: byte offsets of the top line and of the cursor line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    pub top: usize,
    pub cursor: usize,
}

/// What `n` and `N` step through: the last thing the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Follow {
    #[default]
    Matches,
    Mentions,
    /// The passages two entities share (opened from `w`).
    Passages,
    /// The hits of a search across articles (opened from `F`).
    Hits,
    /// An entity's quotations across articles (opened from `"`).
    Quotes,
}

#[derive(Debug, Default)]
pub struct Reading {
    /// Index of the article in the reader.
    pub open: Option<usize>,
    pub reader: Option<Reader>,
    /// Article to open as soon as it has been read, and where to put the reader in it.
    pub(super) pending: Option<(usize, Option<usize>)>,
    /// Reading places by article path: restored when an article is opened again.
    places: HashMap<String, Place>,
    /// The saved places' paths by file name, and the hash of the text each is in: the place
    /// of an article opened by another path (`./news` for `news`, a folder moved) is found
    /// as a bookmark is, by its file name and its content.
    by_name: HashMap<String, Vec<String>>,
    hashes: HashMap<String, String>,
    /// The article open last time, not found yet by the folder walk (see [`super::Start::last`]).
    pub(super) last: Option<String>,
    /// Marks (`m` letter) by article path.
    marks: HashMap<String, BTreeMap<char, usize>>,
    /// The search in the open article.
    pub search: Option<SearchState>,
    pub follow: Follow,
    /// The shared passages `n` walks once one was opened from `w`.
    pub walk: Option<super::overlay::company::Walk>,
    /// The hits across articles `n` walks once one was opened from `F`.
    pub hits: Option<super::overlay::corpus::HitWalk>,
    /// The quotations across articles `n` walks once one was opened from `"`.
    pub said: Option<super::overlay::said::SaidWalk>,
}

impl Reading {
    pub fn new(
        pending: Option<(usize, Option<usize>)>,
        places: HashMap<String, Place>,
        hashes: HashMap<String, String>,
        last: Option<String>,
    ) -> Reading {
        let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
        for path in hashes.keys() {
            by_name
                .entry(file_name(path).to_string())
                .or_default()
                .push(path.clone());
        }
        Reading {
            pending,
            places,
            by_name,
            hashes,
            last,
            ..Reading::default()
        }
    }

    /// The query of the article's search, or nothing: what a new search prompt starts with.
    pub fn query(&self) -> String {
        self.search
            .as_ref()
            .map(|s| s.query.clone())
            .unwrap_or_default()
    }

    /// The reader's place now.
    pub fn place(&self) -> Option<Place> {
        let r = self.reader.as_ref()?;
        Some(Place {
            top: r.offset_of(r.top),
            cursor: r.offset_of(r.cursor),
        })
    }

    /// The saved place in the article at `path`.
    pub fn place_of(&self, path: &str) -> Option<Place> {
        self.places.get(path).copied()
    }

    /// The saved place in the article at `path` whose text is `text`: by its path, else by a
    /// path of the same file name whose place was saved in the same text (the article opened
    /// by another path). The text is hashed only when such a path is known.
    pub fn saved_place(&self, path: &str, text: &str) -> Option<Place> {
        if let Some(p) = self.place_of(path) {
            return Some(p);
        }
        let others = self.by_name.get(file_name(path))?;
        let hash = content_hash(text);
        others
            .iter()
            .find(|p| self.hashes.get(*p) == Some(&hash))
            .and_then(|p| self.place_of(p))
    }

    /// Remembers `place` as where the reader was in the article at `path`.
    pub fn remember(&mut self, path: &str, place: Place) {
        self.places.insert(path.to_string(), place);
    }

    /// Keeps the open article's place in memory and returns the effect that saves it. A
    /// preview's place is kept with the whole text once read, not before.
    pub(super) fn place_effect(&mut self, path: &str) -> Option<Effect> {
        let reader = self.reader.as_ref().filter(|r| r.doc.preview.is_none())?;
        let place = self.place()?;
        self.places.insert(path.to_string(), place);
        Some(Effect::SavePosition {
            path: path.to_string(),
            top: place.top,
            cursor: place.cursor,
            hash: content_hash(&reader.doc.text),
        })
    }

    /// Puts the reader at `place`: the same top line and the same cursor line.
    pub(super) fn restore(reader: &mut Reader, place: Place) {
        reader.scroll_to_offset(place.top);
        reader.put_cursor_at(place.cursor);
    }

    pub fn set_mark(&mut self, path: &str, letter: char, offset: usize) {
        self.marks
            .entry(path.to_string())
            .or_default()
            .insert(letter, offset);
    }

    pub fn mark(&self, path: &str, letter: char) -> Option<usize> {
        self.marks.get(path)?.get(&letter).copied()
    }

    /// The letters marked in the article at `path`, for the message after a wrong one.
    pub fn marks_in(&self, path: &str) -> String {
        self.marks
            .get(path)
            .map(|m| m.keys().collect())
            .unwrap_or_default()
    }
}

/// The last component of a path as given (`/` or `\\` separated).
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Whether `saved` and `path` may name one article by two paths (`news/a.txt`,
/// `./news/a.txt`, `/home/me/news/a.txt`): the same file name in a folder of the same name.
pub fn same_article(saved: &str, path: &str) -> bool {
    if saved == path {
        return true;
    }
    let mut a = saved.rsplit(['/', '\\']);
    let mut b = path.rsplit(['/', '\\']);
    a.next() == b.next()
        && match (a.next(), b.next()) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
}
