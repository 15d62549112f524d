//! What can go wrong when keeping user data, said so that the app can show it in one line.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::bookmark::Bookmark;

/// What went wrong keeping user data.
#[derive(Debug)]
pub enum StoreError {
    /// No data directory: no `--data-dir`, no `LISEUSE_DATA_DIR`, and no home directory.
    NoDataDir,
    /// The data directory could not be created.
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The data directory's path names something that is not a folder (a regular file).
    NotAFolder(PathBuf),
    /// The file is read-only for this session (damaged, unreadable, or from a newer liseuse) and
    /// was not written; the text says why. A store already read-only refuses the change; a store
    /// that only now found the file bad keeps the change in memory (counted by `unsaved()`).
    ReadOnly(String),
    /// The change is kept in memory but could not be saved (disk full, no permission, lock held
    /// too long…). It stays pending and is retried at the next change or flush.
    Unsaved {
        /// The file.
        path: PathBuf,
        /// What was being done: "lock", "write".
        action: &'static str,
        /// The error.
        source: io::Error,
        /// How many changes wait to be saved.
        pending: usize,
        /// For a delete: the removed bookmark, so the app can still offer undo.
        removed: Option<Box<Bookmark>>,
    },
    /// The change could not be saved and is not kept either (a store that changes nothing in
    /// memory unless it is written: the corrections).
    NotSaved {
        /// The file.
        path: PathBuf,
        /// What was being done: "lock", "write".
        action: &'static str,
        /// The error.
        source: io::Error,
    },
}

impl StoreError {
    /// What went wrong, without what the app does about it (for the message on quit, when
    /// nothing will be retried).
    pub fn cause(&self) -> String {
        match self {
            StoreError::Unsaved {
                path,
                action,
                source,
                ..
            }
            | StoreError::NotSaved {
                path,
                action,
                source,
            } => format!(
                "could not {action} {}: {}",
                path.display(),
                describe(source)
            ),
            other => other.to_string(),
        }
    }

    /// Whether the change is kept in memory (and pending) despite the error.
    pub fn is_unsaved(&self) -> bool {
        matches!(self, StoreError::Unsaved { .. })
    }

    /// Whether the save only waits for another process to release the lock (trying again
    /// later is all there is to do).
    pub fn is_lock_busy(&self) -> bool {
        matches!(self, StoreError::Unsaved { action: "lock", source, .. }
            if source.kind() == io::ErrorKind::TimedOut)
    }
}

/// A plain-words reason for the usual I/O failures, then the system's own message.
pub fn describe(e: &io::Error) -> String {
    let plain = match e.kind() {
        io::ErrorKind::StorageFull => "the disk is full",
        io::ErrorKind::PermissionDenied => "permission denied",
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only",
        io::ErrorKind::TimedOut => "another liseuse is busy saving",
        io::ErrorKind::NotADirectory => "a folder on the way is a file",
        _ => return e.to_string(),
    };
    format!("{plain} ({e})")
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NoDataDir => write!(
                f,
                "no data directory: give --data-dir or set LISEUSE_DATA_DIR (no home directory found)"
            ),
            StoreError::CreateDir { path, source } => write!(
                f,
                "could not create the data directory {}: {}",
                path.display(),
                describe(source)
            ),
            StoreError::NotAFolder(path) => write!(
                f,
                "the data directory {} is a file, not a folder",
                path.display()
            ),
            StoreError::ReadOnly(reason) => write!(f, "not saved: {reason}"),
            StoreError::Unsaved {
                path,
                action,
                source,
                pending,
                ..
            } => {
                // What it means first: the status bar cuts a long line at its end, and the
                // path can be long.
                write!(
                    f,
                    "{} kept in memory, not saved yet (retried at the next \
                     change): could not {action} {}: {}",
                    liseuse_document::plural::counted(*pending, "change", "changes"),
                    path.display(),
                    describe(source)
                )
            }
            StoreError::NotSaved { .. } => write!(f, "not saved: {}", self.cause()),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::CreateDir { source, .. }
            | StoreError::Unsaved { source, .. }
            | StoreError::NotSaved { source, .. } => Some(source),
            _ => None,
        }
    }
}
