//! `view.json`: how the user last set the reader up from the keyboard (the text's width, `+`
//! and `-`), kept for the next start. Saved as the other files are: under a lock, re-read first
//! (fields another liseuse or a newer version keeps stay), written atomically, never over a
//! damaged or newer file. It is a preference: one that cannot be saved is said, and lost.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::bookmarks::unsaved;
use super::error::StoreError;
use super::file::{AtomicWrite, Loaded, Lock, RealFs, SCHEMA, load, remove_stale_temps, to_bytes};

/// The file's name in the data directory.
pub const VIEW_FILE: &str = "view.json";
/// The lock that serialises its saves between processes.
pub const VIEW_LOCK: &str = "view.lock";

/// How long a save waits for another liseuse's lock.
const LOCK_WAIT: Duration = Duration::from_secs(1);

#[derive(Default, Serialize, Deserialize)]
struct ViewFile {
    schema: u64,
    /// Widest the article's text may be, in columns; 0 = the pane's width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text_width: Option<usize>,
    /// Fields this version does not know: written back as they were.
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

/// The reader's set-up as kept in the data directory.
pub struct ViewStore {
    file: PathBuf,
    lock: PathBuf,
    fs: Arc<dyn AtomicWrite>,
    text_width: Option<usize>,
    read_only: Option<String>,
}

impl ViewStore {
    /// Opens `view.json` of `dir` (nothing kept when there is none).
    pub fn open(dir: &Path) -> ViewStore {
        Self::open_with(dir, Arc::new(RealFs))
    }

    /// [`ViewStore::open`], writing through `fs`.
    pub fn open_with(dir: &Path, fs: Arc<dyn AtomicWrite>) -> ViewStore {
        let file = dir.join(VIEW_FILE);
        let (text_width, read_only) = match load::<ViewFile>(&file) {
            Loaded::Missing => (None, None),
            Loaded::Found(f) => (f.text_width, None),
            Loaded::Refused { reason, salvaged } => {
                (salvaged.and_then(|f| f.text_width), Some(reason))
            }
        };
        ViewStore {
            lock: dir.join(VIEW_LOCK),
            file,
            fs,
            text_width,
            read_only,
        }
    }

    /// The text width kept last (0: the pane's width), if one was.
    pub fn text_width(&self) -> Option<usize> {
        self.text_width
    }

    /// Keeps `width` as the text width: lock, re-read, write, unlock.
    pub fn set_text_width(&mut self, width: usize) -> Result<(), StoreError> {
        if self.text_width == Some(width) {
            return Ok(());
        }
        if let Some(reason) = &self.read_only {
            return Err(StoreError::ReadOnly(reason.clone()));
        }
        let _lock =
            Lock::acquire(&self.lock, LOCK_WAIT).map_err(|e| unsaved(&self.file, "lock", e, 1))?;
        remove_stale_temps(&self.file, true);
        let mut disk = match load::<ViewFile>(&self.file) {
            Loaded::Missing => ViewFile::default(),
            Loaded::Found(f) => f,
            Loaded::Refused { reason, .. } => {
                self.read_only = Some(reason.clone());
                return Err(StoreError::ReadOnly(reason));
            }
        };
        disk.schema = SCHEMA;
        disk.text_width = Some(width);
        let bytes = to_bytes(&disk).map_err(|e| unsaved(&self.file, "write", e, 1))?;
        self.fs
            .write_atomic(&self.file, &bytes)
            .map_err(|e| unsaved(&self.file, "write", e, 1))?;
        self.text_width = Some(width);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_width_is_kept_and_other_fields_stay() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(ViewStore::open(dir.path()).text_width(), None);
        let mut v = ViewStore::open(dir.path());
        v.set_text_width(72).unwrap();
        assert_eq!(ViewStore::open(dir.path()).text_width(), Some(72));
        // A field of a newer version stays.
        let path = dir.path().join(VIEW_FILE);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replace("\"text_width\"", "\"later\": 1, \"text_width\""),
        )
        .unwrap();
        let mut v = ViewStore::open(dir.path());
        v.set_text_width(0).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"later\": 1"), "{text}");
        assert_eq!(ViewStore::open(dir.path()).text_width(), Some(0));
        // A damaged file is never written over.
        std::fs::write(&path, "{ not json").unwrap();
        let mut v = ViewStore::open(dir.path());
        assert!(v.set_text_width(60).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{ not json");
    }
}
