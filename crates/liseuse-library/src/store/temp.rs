//! Our temporary files, and which of them a killed process left behind.
//!
//! Every save writes `.{name}.{pid}.XXXXXX.tmp` beside the file it replaces, then renames it
//! over that file. A process killed in between leaves the temp file (tens of megabytes for a big
//! library's cache). At start, and before each save, the ones whose writer is gone are removed:
//! only names of our own pattern for that file, and never one that a live process may still be
//! writing.

use std::fs::{self, Metadata};
use std::path::Path;
use std::time::{Duration, SystemTime};

pub(crate) const SUFFIX: &str = ".tmp";

/// No save takes this long: a temp file this old is abandoned whoever wrote it (its pid may
/// have been reused since, or it belongs to another machine sharing the folder).
pub(crate) const STALE_AFTER: Duration = Duration::from_secs(5 * 60);

/// A writer that is gone may be one in another pid namespace (a container sharing the folder)
/// that only looks gone: without the file's lock, its temp file is left this long.
const GONE_GRACE: Duration = Duration::from_secs(30);

/// The prefix of this process's temp files for the file called `name`.
pub(crate) fn prefix(name: &str) -> String {
    format!(".{name}.{}.", std::process::id())
}

/// Who may be writing a temp file of ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Writer {
    /// This process.
    Us,
    Alive,
    Gone,
    /// A name without a pid (written by liseuse before pids were in the names).
    Unknown,
}

/// Whether the temp file should go. `locked`: the caller holds the lock under which every
/// writer of this file writes, so no writer of that lock is at work.
fn is_stale(writer: Writer, age: Duration, locked: bool) -> bool {
    if age >= STALE_AFTER {
        return true;
    }
    match writer {
        Writer::Us | Writer::Alive => false,
        Writer::Gone => locked || age >= GONE_GRACE,
        Writer::Unknown => locked,
    }
}

/// The writer of the temp file `file_name`, if it is one of ours for `name`.
fn writer_of(file_name: &str, name: &str) -> Option<Writer> {
    let middle = file_name
        .strip_prefix('.')?
        .strip_prefix(name)?
        .strip_prefix('.')?
        .strip_suffix(SUFFIX)?;
    // tempfile's random part is 6 characters; a name has it, with or without a pid before it.
    let Some((pid, random)) = middle.split_once('.') else {
        return (middle.len() == 6).then_some(Writer::Unknown);
    };
    if random.len() != 6 {
        return None;
    }
    let pid: u32 = pid.parse().ok()?;
    Some(if pid == std::process::id() {
        Writer::Us
    } else if process_alive(pid) {
        Writer::Alive
    } else {
        Writer::Gone
    })
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    // EPERM: it exists, under another user.
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true
}

fn age(meta: &Metadata) -> Duration {
    meta.modified()
        .ok()
        .and_then(|m| SystemTime::now().duration_since(m).ok())
        .unwrap_or_default()
}

/// Removes the abandoned temp files of the file called `name` in `dir`; returns how many.
/// Only regular files of our pattern; errors are ignored (another process may remove the same
/// file at the same moment).
pub(crate) fn remove_stale(dir: &Path, name: &str, locked: bool) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(writer) = file_name.to_str().and_then(|f| writer_of(f, name)) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        if meta.is_file()
            && is_stale(writer, age(&meta), locked)
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_names_for_that_file_are_ours() {
        let me = std::process::id();
        let name = "bookmarks.json";
        assert_eq!(
            writer_of(&format!(".bookmarks.json.{me}.aB3dE9.tmp"), name),
            Some(Writer::Us)
        );
        assert_eq!(
            writer_of(".bookmarks.json.aB3dE9.tmp", name),
            Some(Writer::Unknown)
        );
        for theirs in [
            "bookmarks.json",
            ".bookmarks.json.tmp",
            ".bookmarks.json.123.abc.tmp",
            ".bookmarks.json.x.aB3dE9.tmp",
            ".positions.json.aB3dE9.tmp",
            ".bookmarks.json.aB3dE9.tmp.bak",
            "bookmarks.json.aB3dE9.tmp",
            ".tmpaB3dE9",
        ] {
            assert_eq!(writer_of(theirs, name), None, "{theirs}");
        }
    }

    #[test]
    fn a_live_writer_keeps_its_file_until_it_is_too_old() {
        let young = Duration::from_secs(1);
        let old = STALE_AFTER + young;
        for locked in [false, true] {
            assert!(!is_stale(Writer::Alive, young, locked));
            assert!(!is_stale(Writer::Us, young, locked));
            assert!(is_stale(Writer::Alive, old, locked));
        }
        assert!(is_stale(Writer::Gone, young, true));
        assert!(!is_stale(Writer::Gone, young, false));
        assert!(is_stale(Writer::Gone, GONE_GRACE, false));
        assert!(is_stale(Writer::Unknown, young, true));
        assert!(!is_stale(Writer::Unknown, young, false));
    }

    #[cfg(unix)]
    #[test]
    fn a_dead_process_is_gone_and_this_one_is_alive() {
        assert!(process_alive(std::process::id()));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!process_alive(pid));
        assert!(!process_alive(0));
    }
}
