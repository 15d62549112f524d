//! The subcommands that print rather than open the reader: `entities`, `entity`, `quotes`, `correct`,
//! `bookmarks list|export`, `feed`, `fetch`,
//! `completions`, `--print-config`, `--print-config-path`, `--print-library-path`. Each writes through [`output::Out`],
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
pub mod feed;
pub mod output;
mod quotes;
mod settings;
pub mod terminal;

use std::process::ExitCode;

use crate::commands::cli::{Cli, Command};

/// Runs the subcommand `cli` asks for and returns the process's status; `None` when it asks
/// for the reader itself.
pub fn dispatch(cli: &Cli) -> Option<ExitCode> {
    corpus::follow_links(cli.follow_links);
    let result = if cli.print_config {
        settings::print_config()
    } else if cli.print_config_path {
        settings::print_config_path(cli.config.as_deref())
    } else if cli.print_library_path {
        feed::print_library_path(cli.data_dir.as_deref())
    } else {
        // With no path, the articles are the library's (the seeds while it is empty).
        let data_dir = cli.data_dir.as_deref();
        let paths = |p: &[std::path::PathBuf]| feed::article_paths(p, data_dir);
        match &cli.command {
            Some(Command::Entities {
                paths: p,
                format,
                shown,
            }) => entities::run(&paths(p), *format, min_confidence(cli, shown), data_dir),
            Some(Command::Quotes {
                paths: p,
                format,
                speaker,
            }) => quotes::run(&paths(p), *format, speaker.as_deref(), data_dir),
            Some(Command::Feed { command }) => return Some(feed::run(data_dir, command)),
            Some(Command::Fetch { urls, net }) => return Some(feed::fetch(data_dir, urls, *net)),
            Some(Command::Bookmarks { command }) => {
                bookmarks::run(cli.data_dir.as_deref(), command)
            }
            Some(Command::Completions { shell }) => completions::run(*shell),
            Some(Command::Cat { paths: p, raw }) => cat::run(&paths(p), *raw),
            Some(Command::Entity {
                name,
                paths: p,
                format,
                all,
                shown,
            }) => {
                let min = min_confidence(cli, shown);
                entity::run(name, &paths(p), *format, *all, min, data_dir)
            }
            Some(Command::Correct { command }) => correct::run(cli.data_dir.as_deref(), command),
            None => return None,
        }
    };
    Some(output::finish(result))
}

/// The threshold a command lists entities at: `--min-confidence`, else the setting the sidebar
/// follows (`min_confidence` in the config file; its problems are the reader's to say).
fn min_confidence(cli: &Cli, shown: &cli::Shown) -> u8 {
    shown.min_confidence.unwrap_or_else(|| {
        crate::config::load_all(cli.config.as_deref())
            .0
            .min_confidence
    })
}
