//! `liseuse cat FILE...`: the rendered text of each article (see `rendered`), through the
//! same output rules as the other printing commands.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::output::{Failure, Outcome, say};

mod rendered;

/// `raw`: the text as it is, unless the output is a terminal (issue 24.12: a pipe is often
/// read by a terminal in the end, `liseuse cat x | head`).
pub fn run(paths: &[PathBuf], raw: bool) -> Outcome {
    let found = super::corpus::discover(paths).map_err(Failure::Failed)?;
    for why in &found.skipped {
        say(why);
    }
    let stdout = std::io::stdout();
    let sanitise = !raw || stdout.is_terminal();
    let failed = rendered::run(&found.entries, &mut stdout.lock(), sanitise)?;
    match failed.split_first() {
        None => Ok(()),
        Some((last, rest)) => {
            for why in rest {
                say(why);
            }
            Err(Failure::Failed(last.clone()))
        }
    }
}
