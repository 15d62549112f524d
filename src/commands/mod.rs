//! The subcommands that print rather than open the reader: `entities`, `entity`, `quotes`, `correct`,
//! `bookmarks list|export`,
//! `completions`, `--print-config`, `--print-config-path`. Each writes through [`output::Out`],
//! so a closed pipe ends quietly and a write error is one line and status 1; everything a file
//! supplies is made safe for a terminal on the way (`sanitize`).

mod bookmarks;
mod cat;
pub mod cli;
mod completions;
mod corpus;
mod correct;
mod entities;
mod entity;
pub mod output;
mod quotes;
mod settings;
pub mod terminal;

use std::process::ExitCode;

use crate::commands::cli::{Cli, Command};

/// Runs the subcommand `cli` asks for and returns the process's status; `None` when it asks
/// for the reader itself.
pub fn dispatch(cli: &Cli) -> Option<ExitCode> {
    let result = if cli.print_config {
        settings::print_config()
    } else if cli.print_config_path {
        settings::print_config_path(cli.config.as_deref())
    } else {
        match &cli.command {
            Some(Command::Entities { paths, format }) => {
                entities::run(paths, *format, cli.data_dir.as_deref())
            }
            Some(Command::Quotes {
                paths,
                format,
                speaker,
            }) => quotes::run(paths, *format, speaker.as_deref(), cli.data_dir.as_deref()),
            Some(Command::Bookmarks { command }) => {
                bookmarks::run(cli.data_dir.as_deref(), command)
            }
            Some(Command::Completions { shell }) => completions::run(*shell),
            Some(Command::Cat { paths }) => cat::run(paths),
            Some(Command::Entity {
                name,
                paths,
                format,
            }) => entity::run(name, paths, *format, cli.data_dir.as_deref()),
            Some(Command::Correct { command }) => correct::run(cli.data_dir.as_deref(), command),
            None => return None,
        }
    };
    Some(output::finish(result))
}
