//! The command line.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A terminal reader for news articles: read, follow people through them, keep passages.
#[derive(Debug, Parser)]
#[command(
    name = "liseuse",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Articles or folders of articles (.txt, .md) to open; the bundled articles when none.
    pub paths: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the named entities found in articles.
    Entities {
        /// Articles or folders; the bundled articles when none.
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = EntityFormat::Json)]
        format: EntityFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntityFormat {
    Json,
    Tsv,
}
