//! What happens when liseuse panics anyway: the terminal is given back first, then a crash
//! report (message, place, backtrace) is written where the user can send it, and its path is
//! printed on the restored terminal. The bookmark file is never touched here: every change was
//! saved when it was made, and writing user data from a half-broken process could only damage it.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Set to `main` or `loader` to make liseuse panic there on purpose (tests of this module).
pub const PANIC_FOR_TEST: &str = "LISEUSE_PANIC_FOR_TEST";

/// The cache directory the session uses (`--cache-dir`), set once at start.
static DIR: OnceLock<PathBuf> = OnceLock::new();

/// Reports go to `dir` (the cache directory the session was given): call once, at start.
pub fn set_dir(dir: PathBuf) {
    let _ = DIR.set(dir);
}

/// Where reports go: the directory given to [`set_dir`], else `$LISEUSE_CACHE_DIR`, else the
/// platform's cache directory for liseuse, else the temp directory.
fn report_dir() -> PathBuf {
    if let Some(d) = DIR.get() {
        return d.clone();
    }
    if let Some(d) = std::env::var_os("LISEUSE_CACHE_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    directories::ProjectDirs::from("", "", "liseuse")
        .map(|d| d.cache_dir().to_path_buf())
        .unwrap_or_else(std::env::temp_dir)
}

/// Writes the report for `info`; returns its path, or why it could not be written.
pub fn write_report(info: &std::panic::PanicHookInfo<'_>) -> Result<PathBuf, String> {
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_string());
    let place = info
        .location()
        .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
        .unwrap_or_else(|| "(unknown)".to_string());
    let thread = std::thread::current()
        .name()
        .unwrap_or("(unnamed)")
        .to_string();
    let backtrace = std::backtrace::Backtrace::force_capture();
    let dir = report_dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let stem = format!("crash-{stamp}-{}", std::process::id());
    let report = format!(
        "liseuse {} crashed\nmessage: {message}\nat: {place}\nthread: {thread}\n\nbacktrace:\n{backtrace}\n",
        env!("CARGO_PKG_VERSION")
    );
    create_report(&dir, &stem, report.as_bytes())
        .map_err(|e| format!("{}: {e}", dir.join(&stem).display()))
}

/// Writes `text` to a new file `STEM.txt` in `dir` (`STEM-1.txt`… when the name is taken),
/// never through whatever is there already: a symbolic link planted under the name the
/// report will have would make us overwrite its target (issue 24.7).
fn create_report(dir: &Path, stem: &str, text: &[u8]) -> io::Result<PathBuf> {
    for n in 0..100 {
        let path = match n {
            0 => dir.join(format!("{stem}.txt")),
            n => dir.join(format!("{stem}-{n}.txt")),
        };
        // `create_new` is O_CREAT | O_EXCL: it fails on any existing name, a link included,
        // without following it.
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut f) => return f.write_all(text).map(|()| path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "every report name is taken",
    ))
}

/// In the panic hook, after the terminal is restored and the panic message printed. A
/// stderr that cannot be written to (the terminal closed) is no reason to panic again.
pub fn report(info: &std::panic::PanicHookInfo<'_>) {
    let line = match write_report(info) {
        Ok(path) => format!(
            "liseuse: this is a bug; a crash report was written to {}\nliseuse: your bookmarks were saved as you made them",
            path.display()
        ),
        Err(why) => {
            format!("liseuse: this is a bug; the crash report could not be written ({why})")
        }
    };
    let _ = writeln!(io::stderr().lock(), "{line}");
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_planted_link_under_the_report_name_is_not_written_through() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("precious");
        std::fs::write(&target, "keep me").unwrap();
        let dir = tmp.path().join("cache");
        std::fs::create_dir(&dir).unwrap();
        std::os::unix::fs::symlink(&target, dir.join("crash-1-2.txt")).unwrap();
        std::os::unix::fs::symlink(tmp.path().join("nowhere"), dir.join("crash-1-2-1.txt"))
            .unwrap();
        let path = create_report(&dir, "crash-1-2", b"report").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
        assert!(!tmp.path().join("nowhere").exists());
        assert_eq!(path, dir.join("crash-1-2-2.txt"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "report");
    }
}
