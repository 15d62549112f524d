//! `corrections.json`: what the user told the entity engine once, for every article and every
//! later start: this name is not an entity, this one is a place, these two are one person, this
//! one is two. Saved as bookmarks are: under a lock, re-read first (another liseuse may have
//! added its own), written atomically, never over a damaged or newer file.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::file::{AtomicWrite, Loaded, Lock, RealFs, SCHEMA, load, remove_stale_temps, to_bytes};
pub use crate::corrections::Correction;
#[cfg(test)]
use liseuse_entity::Label;

/// The corrections' file name in the data directory.
pub const CORRECTIONS_FILE: &str = "corrections.json";
/// The lock file that serialises saves of the corrections between processes.
pub const CORRECTIONS_LOCK: &str = "corrections.lock";

/// How long a save waits for another liseuse's lock: corrections are rare and small.
const LOCK_WAIT: Duration = Duration::from_secs(2);

/// A correction and when it was made.
///
/// Read by hand ([`Made::from_fields`]): with serde's `flatten` on both the correction and
/// `extra`, every key of the correction was also read into `extra`, and written twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Made {
    /// The correction.
    #[serde(flatten)]
    pub correction: Correction,
    /// When it was made (RFC 3339, UTC).
    pub created: String,
    /// Fields this version does not know: written back as they were.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Made {
    /// A correction's object as the file holds it: the correction's own keys, `created`, and
    /// whatever else a newer version or a script put there (kept in `extra`, only that).
    fn from_fields(mut fields: serde_json::Map<String, serde_json::Value>) -> Result<Made, String> {
        let correction: Correction =
            serde_json::from_value(serde_json::Value::Object(fields.clone()))
                .map_err(|e| e.to_string())?;
        if let Ok(serde_json::Value::Object(own)) = serde_json::to_value(&correction) {
            for key in own.keys() {
                fields.remove(key);
            }
        }
        let created = match fields.remove("created") {
            Some(serde_json::Value::String(s)) => s,
            Some(_) => return Err(String::from("`created` is not a string")),
            None => return Err(String::from("missing field `created`")),
        };
        Ok(Made {
            correction,
            created,
            extra: fields,
        })
    }
}

impl<'de> Deserialize<'de> for Made {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Made, D::Error> {
        let fields = serde_json::Map::deserialize(d)?;
        Made::from_fields(fields).map_err(serde::de::Error::custom)
    }
}

#[derive(Default, Serialize, Deserialize)]
struct CorrectionFile {
    schema: u64,
    #[serde(default)]
    corrections: Vec<Made>,
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

/// The user's corrections, in the data directory: saved as bookmarks are (locked, atomic, never over a damaged file).
pub struct CorrectionStore {
    file: PathBuf,
    lock: PathBuf,
    fs: Arc<dyn AtomicWrite>,
    list: Vec<Made>,
    read_only: Option<String>,
}

impl CorrectionStore {
    /// Opens the corrections of `dir` (none when the file does not exist).
    pub fn open(dir: &Path) -> CorrectionStore {
        Self::open_with(dir, Arc::new(RealFs))
    }

    /// [`CorrectionStore::open`], writing through `fs` (tests make it fail).
    pub fn open_with(dir: &Path, fs: Arc<dyn AtomicWrite>) -> CorrectionStore {
        let file = dir.join(CORRECTIONS_FILE);
        let (list, read_only) = match load::<CorrectionFile>(&file) {
            Loaded::Missing => (Vec::new(), None),
            Loaded::Found(f) => (f.corrections, None),
            Loaded::Refused { reason, salvaged } => (
                salvaged.map(|f| f.corrections).unwrap_or_default(),
                Some(reason),
            ),
        };
        CorrectionStore {
            lock: dir.join(CORRECTIONS_LOCK),
            file,
            fs,
            list,
            read_only,
        }
    }

    /// Every correction, oldest first (later ones win where they disagree).
    pub fn list(&self) -> &[Made] {
        &self.list
    }

    /// The corrections alone, oldest first.
    pub fn corrections(&self) -> Vec<Correction> {
        self.list.iter().map(|m| m.correction.clone()).collect()
    }

    /// Why the file is read-only this session, if it is.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Adds `c` and saves.
    pub fn add(&mut self, c: Correction) -> Result<(), StoreError> {
        let made = Made {
            correction: c,
            created: crate::bookmark::rfc3339_utc(std::time::SystemTime::now()),
            extra: serde_json::Map::new(),
        };
        self.save(|list| list.push(made))
    }

    /// Takes back the newest correction and saves; returns it.
    pub fn undo(&mut self) -> Result<Option<Correction>, StoreError> {
        let mut undone = None;
        self.save(|list| undone = list.pop().map(|m| m.correction))?;
        Ok(undone)
    }

    /// Lock, re-read, change what is on disk, write, unlock. Nothing changes in memory if the
    /// change could not be written.
    fn save(&mut self, change: impl FnOnce(&mut Vec<Made>)) -> Result<(), StoreError> {
        if let Some(reason) = &self.read_only {
            return Err(StoreError::ReadOnly(reason.clone()));
        }
        let not_saved = |action, source| StoreError::NotSaved {
            path: self.file.clone(),
            action,
            source,
        };
        let _lock = Lock::acquire(&self.lock, LOCK_WAIT).map_err(|e| not_saved("lock", e))?;
        remove_stale_temps(&self.file, true);
        let mut disk = match load::<CorrectionFile>(&self.file) {
            Loaded::Missing => CorrectionFile::default(),
            Loaded::Found(f) => f,
            Loaded::Refused { reason, .. } => {
                self.read_only = Some(reason.clone());
                return Err(StoreError::ReadOnly(reason));
            }
        };
        disk.schema = SCHEMA;
        change(&mut disk.corrections);
        let bytes = to_bytes(&disk).map_err(|e| not_saved("write", e))?;
        self.fs
            .write_atomic(&self.file, &bytes)
            .map_err(|e| not_saved("write", e))?;
        self.list = disk.corrections;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrections_are_kept_across_opens_and_undone_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = CorrectionStore::open(dir.path());
        s.add(Correction::Drop {
            name: "Gilets".into(),
        })
        .unwrap();
        s.add(Correction::Merge {
            name: "Hossein Amir Abdollahian".into(),
            with: "Abdullahian".into(),
        })
        .unwrap();
        let again = CorrectionStore::open(dir.path());
        assert_eq!(again.list().len(), 2);
        let mut s = again;
        let undone = s.undo().unwrap();
        assert!(matches!(undone, Some(Correction::Merge { .. })));
        assert_eq!(CorrectionStore::open(dir.path()).list().len(), 1);
    }

    #[test]
    fn a_damaged_file_is_never_written_and_unknown_fields_stay() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(CORRECTIONS_FILE);
        std::fs::write(&file, "{ damaged").unwrap();
        let mut s = CorrectionStore::open(dir.path());
        assert!(s.read_only().is_some());
        assert!(s.add(Correction::Drop { name: "X".into() }).is_err());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "{ damaged");

        std::fs::write(
            &file,
            r#"{"schema":1,"corrections":[{"kind":"drop","name":"Y","created":"2026-01-01T00:00:00Z","by":"script"}],"note":"kept"}"#,
        )
        .unwrap();
        let mut s = CorrectionStore::open(dir.path());
        s.add(Correction::Label {
            name: "Matignon".into(),
            label: Label::Org,
        })
        .unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.contains("\"by\"") && text.contains("\"note\""),
            "{text}"
        );
        assert_eq!(s.list().len(), 2);
    }

    struct ReadOnlyDisk;
    impl AtomicWrite for ReadOnlyDisk {
        fn write_atomic(&self, _: &Path, _: &[u8]) -> std::io::Result<()> {
            Err(std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem))
        }
    }

    /// Issue 24.13: a failed save said "kept in memory, retried at the next change", but a
    /// correction that cannot be written is not kept at all (`liseuse correct` then exits).
    #[test]
    fn a_failed_save_says_nothing_was_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = CorrectionStore::open_with(dir.path(), Arc::new(ReadOnlyDisk));
        let err = s.add(Correction::Drop { name: "X".into() }).unwrap_err();
        let said = err.to_string();
        assert!(
            !said.contains("kept in memory") && !said.contains("retried"),
            "{said}"
        );
        assert!(
            said.contains("could not write") && said.contains("read-only"),
            "{said}"
        );
        assert!(s.list().is_empty());
    }

    /// Issue 24.4: the correction's own keys were read back into `extra` too, and every later
    /// save wrote them twice in one object.
    #[test]
    fn no_key_is_written_twice_however_many_saves() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(CORRECTIONS_FILE);
        std::fs::write(
            &file,
            r#"{"schema":1,"corrections":[{"kind":"label","name":"Y","label":"LOC","created":"2026-01-01T00:00:00Z","by":"script"}]}"#,
        )
        .unwrap();
        for name in ["A", "B", "C"] {
            let mut s = CorrectionStore::open(dir.path());
            s.add(Correction::Merge {
                name: name.into(),
                with: "Z".into(),
            })
            .unwrap();
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for key in ["kind", "name", "label", "with", "created", "by"] {
            let want = match key {
                "kind" | "name" | "created" => 4,
                "with" => 3,
                _ => 1,
            };
            assert_eq!(
                text.matches(&format!("\"{key}\":")).count(),
                want,
                "{key} in {text}"
            );
        }
        let s = CorrectionStore::open(dir.path());
        assert_eq!(s.list().len(), 4);
        assert_eq!(
            s.list()[0].extra.len(),
            1,
            "only the unknown field: {:?}",
            s.list()[0].extra
        );
    }

    /// Issue 28: a rename is kept as `{"kind":"rename","name","to"}`, read back the same, undone
    /// like the others; a file written before renames existed is read, and a field this
    /// version does not know on a rename is written back.
    #[test]
    fn a_rename_goes_round_the_file_with_unknown_fields_kept() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(CORRECTIONS_FILE);
        // As issue 23's liseuse wrote it.
        std::fs::write(
            &file,
            r#"{"schema":1,"corrections":[{"kind":"merge","name":"Fars","with":"Mizan","created":"2026-01-01T00:00:00Z"}]}"#,
        )
        .unwrap();
        let mut s = CorrectionStore::open(dir.path());
        assert!(s.read_only().is_none());
        let rename = Correction::Rename {
            name: "Hamas".into(),
            to: "Mouvement Hamas".into(),
        };
        s.add(rename.clone()).unwrap();
        let read = |file: &Path| -> serde_json::Value {
            serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
        };
        let saved = read(&file);
        assert_eq!(saved["corrections"][1]["kind"], "rename", "{saved}");
        assert_eq!(saved["corrections"][1]["name"], "Hamas");
        assert_eq!(saved["corrections"][1]["to"], "Mouvement Hamas");
        let again = CorrectionStore::open(dir.path());
        assert_eq!(again.corrections().last(), Some(&rename));
        assert_eq!(again.list().len(), 2);

        // A script adds a field to the rename: kept through a later save.
        let mut noted = saved.clone();
        noted["corrections"][1]["note"] = "as the paper writes it".into();
        std::fs::write(&file, noted.to_string()).unwrap();
        let mut s = CorrectionStore::open(dir.path());
        assert_eq!(s.corrections().last(), Some(&rename));
        s.add(Correction::Drop { name: "X".into() }).unwrap();
        let saved = read(&file);
        assert_eq!(saved["corrections"][1]["note"], "as the paper writes it");
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(text.matches("\"to\":").count(), 1, "{text}");
        s.undo().unwrap();
        assert_eq!(s.undo().unwrap(), Some(rename));
        assert_eq!(CorrectionStore::open(dir.path()).list().len(), 1);
    }
}
