//! The reader needs a terminal to draw on and to read keys from. Without one (output redirected,
//! run from cron or a service), saying so beats crossterm's "No such device or address (os error
//! 6)", and drawing escape sequences into a file.

use std::io::IsTerminal;

/// What to say when there is no terminal.
pub const NEEDS_TERMINAL: &str = "liseuse needs a terminal (try `liseuse entities …` or \
                                  `liseuse bookmarks list` to print to a pipe or a file)";

/// `Ok` when standard output is a terminal and keys can be read from one (standard input, or
/// the process's controlling terminal, which is where crossterm reads from otherwise).
pub fn check() -> Result<(), String> {
    let keys = std::io::stdin().is_terminal() || controlling_terminal();
    match std::io::stdout().is_terminal() && keys {
        true => Ok(()),
        false => Err(NEEDS_TERMINAL.to_string()),
    }
}

#[cfg(unix)]
fn controlling_terminal() -> bool {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .is_ok()
}

#[cfg(not(unix))]
fn controlling_terminal() -> bool {
    true
}
