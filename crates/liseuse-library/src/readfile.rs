//! Reading a file that may turn out to be anything: a FIFO that never gets a writer, a socket,
//! `/dev/zero`, a file that grows while it is read, or a path swapped for one of those between
//! the check and the open. Articles, bookmarks, reading positions and the config are all read
//! through here, so none of them can block liseuse or exhaust its memory.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// The error for anything but a regular file, with the plain words shown to the user.
fn not_regular() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, "not a regular file")
}

/// Opens `path` for reading only if it is a regular file.
///
/// `stat` first gives the clear message for the usual case; then the file is opened without
/// blocking (opening a FIFO for reading waits for a writer otherwise) and checked again on the
/// open handle, so a path replaced in between is still refused.
pub fn open_regular(path: &Path) -> io::Result<File> {
    open_regular_sized(path).map(|(file, _)| file)
}

/// [`open_regular`], and the file's length from the check on the open handle (one `fstat`
/// rather than two for each article read).
fn open_regular_sized(path: &Path) -> io::Result<(File, u64)> {
    if !fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let m = file.metadata()?;
    if !m.is_file() {
        return Err(not_regular());
    }
    Ok((file, m.len()))
}

/// Reads at most `cap` bytes of the regular file `path`; the flag is true when there was more.
/// A file that grows while it is read stops at `cap`; one that shrinks ends early.
pub fn read_regular(path: &Path, cap: u64) -> io::Result<(Vec<u8>, bool)> {
    read_regular_head_first(path, cap, None, |_, _| {})
}

/// Like [`read_regular`]; a file longer than `head.0` bytes first has its first `head.1` bytes
/// handed to `on_head`, with the file's length, before the rest is read (to show a long file's
/// beginning at once). One open, and every byte read once.
pub fn read_regular_head_first(
    path: &Path,
    cap: u64,
    head: Option<(u64, u64)>,
    on_head: impl FnOnce(&[u8], u64),
) -> io::Result<(Vec<u8>, bool)> {
    let (file, len) = open_regular_sized(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(len.min(cap)).unwrap_or(0));
    let mut reader = file.take(cap.saturating_add(1));
    if let Some((above, first)) = head
        && len > above
    {
        (&mut reader).take(first.min(cap)).read_to_end(&mut bytes)?;
        on_head(&bytes, len);
    }
    reader.read_to_end(&mut bytes)?;
    let more = u64::try_from(bytes.len()).unwrap_or(u64::MAX) > cap;
    if more {
        bytes.truncate(usize::try_from(cap).unwrap_or(usize::MAX));
    }
    Ok((bytes, more))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_and_capped() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        fs::write(&p, b"0123456789").unwrap();
        assert_eq!(
            read_regular(&p, 100).unwrap(),
            (b"0123456789".to_vec(), false)
        );
        assert_eq!(read_regular(&p, 4).unwrap(), (b"0123".to_vec(), true));
        assert_eq!(
            read_regular(&p, 10).unwrap(),
            (b"0123456789".to_vec(), false)
        );
    }

    #[test]
    fn a_folder_and_a_device_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_regular(dir.path(), 10).unwrap_err();
        assert_eq!(e.to_string(), "not a regular file");
        let e = read_regular(Path::new("/dev/zero"), 10).unwrap_err();
        assert_eq!(e.to_string(), "not a regular file");
    }
}
