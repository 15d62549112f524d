//! The file-system side of the stores: atomic replacement of a file (behind a seam that tests can
//! swap), a lock shared between processes, and reading a versioned JSON file without ever
//! mistaking a damaged or newer file for an empty one.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use serde_json::Value;

/// The schema version this liseuse reads and writes.
pub const SCHEMA: u64 = 1;

/// A data file larger than this is refused (read-only), not read: bookmarks of a lifetime are a
/// few megabytes.
const MAX_DATA_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How long a change waits for another process to finish saving.
const LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// "Replace the file at `path` with `bytes`, all or nothing." The stores write user data only
/// through this, so tests can make it fail like a full disk or a read-only folder.
pub trait AtomicWrite: Send + Sync {
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
}

/// The real thing: a temp file in the same directory, fsynced, renamed over the old file, then the
/// directory fsynced. A crash at any moment leaves the old file or the new one, never a mix.
pub struct RealFs;

impl AtomicWrite for RealFs {
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        // Keep a symlinked data file a symlink: replace its target.
        let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut tmp = tempfile::Builder::new()
            .prefix(&temp_prefix(&path))
            .suffix(TEMP_SUFFIX)
            .tempfile_in(&dir)?;
        tmp.write_all(bytes)?;
        tmp.as_file().sync_all()?;
        tmp.persist(&path).map_err(|e| e.error)?;
        File::open(&dir)?.sync_all()
    }
}

const TEMP_SUFFIX: &str = ".tmp";

/// Temp files for `path` are `.{file name}.XXXXXX.tmp` beside it.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().map_or_else(
        || String::from("data"),
        |n| n.to_string_lossy().into_owned(),
    );
    format!(".{name}.")
}

/// Removes temp files that a killed process left beside `path`. Call it only while holding the
/// file's lock: writes happen under the lock, so then any such temp file is abandoned.
pub(crate) fn remove_stale_temps(path: &Path) {
    let (Some(dir), prefix) = (path.parent(), temp_prefix(path)) else {
        return;
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(TEMP_SUFFIX) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// An exclusive lock on a separate lock file, held until dropped. The OS drops it if the process
/// dies, so a crash never leaves the data locked.
pub(crate) struct Lock(File);

impl Lock {
    pub(crate) fn acquire(path: &Path) -> io::Result<Lock> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(path)?;
        let deadline = Instant::now() + LOCK_TIMEOUT;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Lock(file)),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    thread::sleep(Duration::from_millis(5));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "timed out waiting for the lock",
                    ));
                }
                Err(TryLockError::Error(e)) => return Err(e),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Closing the file releases the lock anyway; unlocking first is just tidy.
        let _ = self.0.unlock();
    }
}

/// What reading a versioned data file found.
pub(crate) enum Loaded<T> {
    /// No file yet: start empty, writable.
    Missing,
    /// A file of this schema.
    Found(T),
    /// A file that must not be overwritten: the one-line reason, and what could be read anyway.
    Refused { reason: String, salvaged: Option<T> },
}

/// Reads `{"schema": N, …}` from `path`. Anything but a readable schema-[`SCHEMA`] file or no file
/// at all is `Refused`.
pub(crate) fn load<T: DeserializeOwned>(path: &Path) -> Loaded<T> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let refused = |why: String| Loaded::Refused {
        reason: format!("{name} {why}; it is left untouched and changes are not saved"),
        salvaged: None,
    };
    // Never `fs::read`: a FIFO or `/dev/zero` put in place of the file would block or fill the
    // memory. Too big is refused, never truncated (a truncated file would then be written back).
    let bytes = match crate::readfile::read_regular(path, MAX_DATA_FILE_BYTES) {
        Ok((_, true)) => {
            return refused(format!(
                "is larger than {} MB",
                MAX_DATA_FILE_BYTES / (1024 * 1024)
            ));
        }
        Ok((b, false)) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Loaded::Missing,
        Err(e) => {
            return refused(format!(
                "could not be read ({})",
                super::error::describe(&e)
            ));
        }
    };
    parse(&bytes, &name)
}

/// [`load`]'s reading of the bytes of a file called `name`.
pub(crate) fn parse<T: DeserializeOwned>(bytes: &[u8], name: &str) -> Loaded<T> {
    let refused = |why: String| Loaded::Refused {
        reason: format!("{name} {why}; it is left untouched and changes are not saved"),
        salvaged: None,
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return refused(String::from("is damaged (not UTF-8 text)"));
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) if e.is_eof() => return refused(format!("is truncated ({e})")),
        Err(e) => return refused(format!("is damaged (not valid JSON: {e})")),
    };
    let Some(schema) = value.get("schema").and_then(Value::as_u64) else {
        return refused(String::from("is damaged (no schema version)"));
    };
    if schema > SCHEMA {
        return Loaded::Refused {
            reason: format!(
                "{name} was written by a newer liseuse (schema {schema}, this one knows {SCHEMA}); \
                 it is left untouched and changes are not saved"
            ),
            salvaged: serde_json::from_value(value).ok(),
        };
    }
    if schema < SCHEMA {
        return refused(format!("has an unknown schema version {schema}"));
    }
    match serde_json::from_value(value) {
        Ok(t) => Loaded::Found(t),
        Err(e) => refused(format!("is damaged (does not match schema {SCHEMA}: {e})")),
    }
}

/// `value` as pretty JSON with a final newline.
pub(crate) fn to_bytes<T: serde::Serialize>(value: &T) -> io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}
