//! `feeds.json`: the subscriptions, in the data directory, saved as bookmarks are: under a lock,
//! re-read first (a `feed update` from cron and one from the reader may run at once), changed,
//! written atomically; fields this version does not know are kept; a damaged file or one from a
//! newer liseuse is never written.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::store::{AtomicWrite, Loaded, Lock, RealFs, SCHEMA, load, remove_stale_temps, to_bytes};

/// The subscriptions' file in the data directory.
pub const FEEDS_FILE: &str = "feeds.json";
pub const FEEDS_LOCK: &str = "feeds.lock";
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// One subscription.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Feed {
    /// Its address (normalised): what identifies it.
    pub url: String,
    /// Its title, as the feed gives it (or as the user's OPML named it).
    #[serde(default)]
    pub title: String,
    /// Its folder in the library.
    #[serde(default)]
    pub folder: String,
    /// When it was subscribed (RFC 3339, UTC).
    #[serde(default)]
    pub added: String,
    /// The `ETag` of its last answer, for a conditional request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The `Last-Modified` of its last answer, for a conditional request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// The last fetch and what came of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<LastFetch>,
    /// When set, the server said the feed is gone (410): it is no longer fetched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gone: Option<String>,
    /// Not to be fetched before this time (seconds since 1970): the server asked to wait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<u64>,
    /// How many items the feed held at its last fetch.
    #[serde(default)]
    pub items: usize,
    /// Keys (hashed) of the items already taken, newest first, bounded.
    #[serde(default)]
    pub seen: Vec<String>,
    /// Fields this version does not know: kept.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A feed's last fetch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LastFetch {
    /// RFC 3339, UTC.
    pub at: String,
    /// Whether the feed was reached.
    pub ok: bool,
    /// What happened, in one line: `3 new`, `not modified`, or the failure.
    pub result: String,
    /// New articles it brought.
    #[serde(default)]
    pub new: usize,
    /// Fields this version does not know: kept.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Feed {
    /// The name to show: its title, else its address.
    pub fn name(&self) -> &str {
        if self.title.trim().is_empty() {
            &self.url
        } else {
            &self.title
        }
    }
}

#[derive(Default, Serialize, Deserialize)]
struct FeedFile {
    schema: u64,
    #[serde(default)]
    feeds: Vec<Feed>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

/// The subscriptions of a data directory.
pub struct FeedStore {
    file: PathBuf,
    lock: PathBuf,
    list: Vec<Feed>,
    read_only: Option<String>,
}

impl FeedStore {
    /// The subscriptions of the data directory `data_dir` (read now; a missing file is none).
    pub fn open(data_dir: &Path) -> FeedStore {
        let file = data_dir.join(FEEDS_FILE);
        let (list, read_only) = match load::<FeedFile>(&file) {
            Loaded::Missing => (Vec::new(), None),
            Loaded::Found(f) => (f.feeds, None),
            Loaded::Refused { reason, salvaged } => {
                (salvaged.map(|f| f.feeds).unwrap_or_default(), Some(reason))
            }
        };
        FeedStore {
            lock: data_dir.join(FEEDS_LOCK),
            file,
            list,
            read_only,
        }
    }

    /// The subscriptions as last read or saved.
    pub fn feeds(&self) -> &[Feed] {
        &self.list
    }

    /// Why the file is not written this session, if it is not.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Lock, re-read, `change` what is on disk, write, unlock; the list in memory is then the
    /// file's. Nothing is written when `change` returns false.
    pub fn save<R>(
        &mut self,
        change: impl FnOnce(&mut Vec<Feed>) -> (bool, R),
    ) -> Result<R, String> {
        if let Some(reason) = &self.read_only {
            return Err(reason.clone());
        }
        let describe = |what: &str, e: std::io::Error| {
            format!(
                "could not {what} {}: {}",
                self.file.display(),
                crate::store::describe_io(&e)
            )
        };
        let _lock = Lock::acquire(&self.lock, LOCK_WAIT).map_err(|e| describe("lock", e))?;
        remove_stale_temps(&self.file, true);
        let mut disk = match load::<FeedFile>(&self.file) {
            Loaded::Missing => FeedFile::default(),
            Loaded::Found(f) => f,
            Loaded::Refused { reason, .. } => {
                self.read_only = Some(reason.clone());
                return Err(reason);
            }
        };
        disk.schema = SCHEMA;
        let (changed, result) = change(&mut disk.feeds);
        if changed {
            let bytes = to_bytes(&disk).map_err(|e| describe("write", e))?;
            RealFs
                .write_atomic(&self.file, &bytes)
                .map_err(|e| describe("write", e))?;
        }
        self.list = disk.feeds;
        Ok(result)
    }

    /// Applies `change` to the feed at `url` as it is on disk (nothing when it was removed
    /// meanwhile).
    pub fn update(&mut self, url: &str, change: impl FnOnce(&mut Feed)) -> Result<(), String> {
        self.save(|feeds| match feeds.iter_mut().find(|f| f.url == url) {
            Some(f) => {
                change(f);
                (true, ())
            }
            None => (false, ()),
        })
    }
}

/// `seen` with `current` (the keys of the feed's items now, hashed) first, then the older
/// ones, bounded by `max` but never below the feed's own items: an item still in the feed is
/// never forgotten, one that left it is remembered while room allows.
pub fn merge_seen(current: &[String], old: &[String], max: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(max.max(current.len()));
    let mut set = std::collections::HashSet::new();
    for k in current.iter().chain(old) {
        if out.len() >= max.max(current.len()) {
            break;
        }
        if set.insert(k.as_str()) {
            out.push(k.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_kept_and_unknown_fields_stay() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FEEDS_FILE);
        std::fs::write(
            &file,
            r#"{"schema":1,"feeds":[{"url":"http://a/","title":"A","folder":"a","tags":["x"]}],"by":"script"}"#,
        )
        .unwrap();
        let mut s = FeedStore::open(dir.path());
        assert_eq!(s.feeds().len(), 1);
        s.save(|f| {
            f.push(Feed {
                url: "http://b/".into(),
                ..Feed::default()
            });
            (true, ())
        })
        .unwrap();
        s.update("http://a/", |f| f.items = 3).unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.contains("\"tags\"") && text.contains("\"by\""),
            "{text}"
        );
        let again = FeedStore::open(dir.path());
        assert_eq!(again.feeds().len(), 2);
        assert_eq!(again.feeds()[0].items, 3);
    }

    #[test]
    fn a_damaged_file_is_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FEEDS_FILE);
        std::fs::write(&file, "{ not json").unwrap();
        let mut s = FeedStore::open(dir.path());
        assert!(s.read_only().is_some());
        assert!(
            s.save(|f| {
                f.clear();
                (true, ())
            })
            .is_err()
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "{ not json");
    }

    #[test]
    fn seen_keys_are_bounded_but_keep_the_feed() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            merge_seen(&s(&["c", "b"]), &s(&["b", "a"]), 10),
            s(&["c", "b", "a"])
        );
        assert_eq!(
            merge_seen(&s(&["c", "b"]), &s(&["b", "a"]), 2),
            s(&["c", "b"])
        );
        assert_eq!(
            merge_seen(&s(&["d", "c", "b"]), &s(&["a"]), 2),
            s(&["d", "c", "b"])
        );
    }
}
