//! `liseuse cat FILE...`: the rendered text of each article (see `rendered`), through the
//! same output rules as the other printing commands.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::output::{Failure, Outcome, say};

mod rendered;

pub fn run(paths: &[PathBuf]) -> Outcome {
    let found = liseuse_library::discover(paths).map_err(Failure::Failed)?;
    for why in &found.skipped {
        say(why);
    }
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let failed = rendered::run(&found.entries, &mut stdout.lock(), terminal)?;
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
