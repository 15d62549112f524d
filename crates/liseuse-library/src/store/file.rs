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

use super::{link, temp};

/// The schema version this liseuse reads and writes.
pub const SCHEMA: u64 = 1;

/// A data file larger than this is refused (read-only), not read: bookmarks of a lifetime are a
/// few megabytes.
const MAX_DATA_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How long a change waits for another process to finish saving, unless told otherwise
/// ([`crate::store::BookmarkStore::set_lock_wait`]).
pub(crate) const LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// "Replace the file at `path` with `bytes`, all or nothing." The stores write user data only
/// through this, so tests can make it fail like a full disk or a read-only folder.
pub trait AtomicWrite: Send + Sync {
    /// Replaces the file at `path` with `bytes`, all or nothing.
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
}

/// The real thing: a temp file in the same directory, fsynced, renamed over the old file, then the
/// directory fsynced. A crash at any moment leaves the old file or the new one, never a mix.
///
/// A symlinked data file stays a symlink: the temp file goes beside the link's target and is
/// renamed over it. The file keeps its mode (a new one gets the usual `0666` less the umask).
pub struct RealFs;

impl AtomicWrite for RealFs {
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let path = link::resolve(path).map_err(link::Unresolved::into_io)?;
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let existing = fs::metadata(&path).ok().map(|m| m.permissions());
        let prefix = temp::prefix(&file_name(&path));
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(temp::SUFFIX);
        #[cfg(unix)]
        if existing.is_none() {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let mut tmp = builder.tempfile_in(&dir)?;
        if let Some(mode) = existing {
            tmp.as_file().set_permissions(mode)?;
        }
        tmp.write_all(bytes)?;
        tmp.as_file().sync_all()?;
        tmp.persist(&path).map_err(|e| e.error)?;
        File::open(&dir)?.sync_all()
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || String::from("data"),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Removes the temp files that killed processes left beside `path` (beside its target, for a
/// link: that is where they are written). `locked`: the caller holds the file's lock.
pub(crate) fn remove_stale_temps(path: &Path, locked: bool) {
    let Ok(path) = link::resolve(path) else {
        return;
    };
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        temp::remove_stale(dir, &file_name(&path), locked);
    }
}

/// An exclusive lock on a separate lock file, held until dropped. The OS drops it if the process
/// dies, so a crash never leaves the data locked.
#[derive(Debug)]
pub(crate) struct Lock(File);

impl Lock {
    /// Opens (creating it if need be) the lock file, never through a symbolic link: a link
    /// planted there would have us create or open a file anywhere (issue 24.7).
    fn open(path: &Path) -> io::Result<File> {
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).read(true).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW | libc::O_NOCTTY);
        }
        options.open(path).map_err(|e| {
            let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            if is_link {
                io::Error::other(format!(
                    "{} is a symbolic link, which liseuse does not follow for its own files \
                     (remove it)",
                    file_name(path)
                ))
            } else {
                e
            }
        })
    }

    /// The lock if nobody holds it, without waiting.
    pub(crate) fn try_acquire(path: &Path) -> io::Result<Option<Lock>> {
        let file = Lock::open(path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Lock(file))),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }

    /// The lock, waiting up to `wait` for another process to release it; `TimedOut` after.
    pub(crate) fn acquire(path: &Path, wait: Duration) -> io::Result<Lock> {
        let file = Lock::open(path)?;
        let deadline = Instant::now() + wait;
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
    // A link to nothing is not an empty list: saving one would replace the link.
    let path = match link::resolve(path) {
        Ok(p) => p,
        Err(why) => return refused(why.describe()),
    };
    // Never `fs::read`: a FIFO or `/dev/zero` put in place of the file would block or fill the
    // memory. Too big is refused, never truncated (a truncated file would then be written back).
    let bytes = match crate::readfile::read_regular(&path, MAX_DATA_FILE_BYTES) {
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
    if let Some(why) = not_writable(&path) {
        // Made read-only on purpose: a save (a rename, which needs only the folder's
        // permission) would replace it all the same.
        let salvaged = match parse::<T>(&bytes, &name) {
            Loaded::Found(t) => Some(t),
            Loaded::Refused { salvaged, .. } => salvaged,
            Loaded::Missing => None,
        };
        return Loaded::Refused {
            reason: format!(
                "{name} is read-only ({why}); it is left untouched and changes are not saved \
                 (make it writable to save them)"
            ),
            salvaged,
        };
    }
    parse(&bytes, &name)
}

/// Why the file at `path` may not be written by this process, if it may not: no write bit
/// at all (`0444`, which even root respects here), or no permission for this user.
fn not_writable(path: &Path) -> Option<String> {
    let meta = fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o7777;
        if meta.permissions().readonly() {
            return Some(format!("mode {mode:04o}"));
        }
        let c_path = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
        // SAFETY: `c_path` is a valid NUL-terminated string that outlives the call.
        let allowed = unsafe { libc::access(c_path.as_ptr(), libc::W_OK) } == 0;
        (!allowed).then(|| format!("mode {mode:04o}, not writable by this user"))
    }
    #[cfg(not(unix))]
    meta.permissions()
        .readonly()
        .then(|| String::from("marked read-only"))
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
