//! Bookmarks: passages of articles that the reader kept, with a note.
//!
//! Pure data and logic, no I/O: [`crate::store`] saves them. A bookmark points into an article
//! through an [`Anchor`], which [`locate`] finds again after the article was edited.

mod anchor;
mod export;
mod extra;
mod locate;
mod normalize;
mod set;
mod time;

#[cfg(test)]
mod tests;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

pub use anchor::{Anchor, CONTEXT_CHARS, content_hash};
pub use export::{export_json, export_markdown};
pub use extra::Extra;
pub use locate::{Located, Locator, locate};
pub use set::{BookmarkSet, file_name_of};
pub use time::rfc3339_utc;

/// A kept passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique across processes (see [`new_id`]).
    pub id: String,
    /// When it was made, RFC 3339 in UTC (`2025-03-01T12:34:56Z`).
    pub created: String,
    /// The reader's note; may be empty.
    pub note: String,
    /// The article's title when the bookmark was made.
    pub title: String,
    /// Where the passage is.
    pub anchor: Anchor,
    /// Fields this version does not know (written by a newer liseuse, or a script): kept, and
    /// written back as they were at every save.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Bookmark {
    /// A new bookmark made now, with a fresh id and an empty note.
    pub fn new(title: &str, anchor: Anchor) -> Bookmark {
        let now = SystemTime::now();
        Bookmark {
            id: new_id_at(now),
            created: rfc3339_utc(now),
            note: String::new(),
            title: title.to_owned(),
            anchor,
            extra: Extra::new(),
        }
    }
}

/// A fresh bookmark id: milliseconds since 1970, process id and a per-process counter, in hex
/// (`193f0c2a1b7-4d2-0`). Two processes can't make the same one: they differ in pid at any one
/// time, and one process never repeats a counter.
pub fn new_id() -> String {
    new_id_at(SystemTime::now())
}

fn new_id_at(now: SystemTime) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let millis = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{millis:x}-{:x}-{n:x}", std::process::id())
}
