//! What happens when liseuse panics anyway: the terminal is given back first, then a crash
//! report (message, place, backtrace) is written where the user can send it, and its path is
//! printed on the restored terminal. The bookmark file is never touched here: every change was
//! saved when it was made, and writing user data from a half-broken process could only damage it.

use std::io::Write;
use std::path::PathBuf;

/// Set to `main` or `loader` to make liseuse panic there on purpose (tests of this module).
pub const PANIC_FOR_TEST: &str = "LISEUSE_PANIC_FOR_TEST";

/// Where reports go: `$LISEUSE_CACHE_DIR`, else the platform's cache directory for liseuse,
/// else the temp directory.
fn report_dir() -> PathBuf {
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
    let path = dir.join(format!("crash-{stamp}-{}.txt", std::process::id()));
    let report = format!(
        "liseuse {} crashed\nmessage: {message}\nat: {place}\nthread: {thread}\n\nbacktrace:\n{backtrace}\n",
        env!("CARGO_PKG_VERSION")
    );
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(report.as_bytes()))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// In the panic hook, after the terminal is restored and the panic message printed.
pub fn report(info: &std::panic::PanicHookInfo<'_>) {
    match write_report(info) {
        Ok(path) => eprintln!(
            "liseuse: this is a bug; a crash report was written to {}\nliseuse: your bookmarks were saved as you made them",
            path.display()
        ),
        Err(why) => {
            eprintln!("liseuse: this is a bug; the crash report could not be written ({why})")
        }
    }
}
