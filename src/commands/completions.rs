//! `liseuse completions SHELL`: a completion script for bash, zsh, fish, elvish or PowerShell.

use clap::CommandFactory;

use super::output::{Out, Outcome};
use crate::commands::cli::Cli;

pub fn run(shell: clap_complete::Shell) -> Outcome {
    // clap_complete panics when its writer fails: it writes to memory, and the output's errors
    // are handled here like every other command's.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "liseuse", &mut script);
    let mut out = Out::stdout();
    out.write(&String::from_utf8_lossy(&script))?;
    out.done()
}
