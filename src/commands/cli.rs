//! The command line.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A terminal reader for news articles: read, follow people through them, keep passages.
#[derive(Debug, Parser)]
#[command(
    name = "liseuse",
    version,
    about,
    // Options before a subcommand are the subcommand's too (`liseuse --data-dir D bookmarks
    // list`); a path that is also a subcommand's name is given as `./entities`.
    subcommand_negates_reqs = true
)]
pub struct Cli {
    /// Articles or folders of articles to open (plain text .txt, Markdown .md/.markdown, saved
    /// web pages .html/.htm, EPUB books .epub); the bundled articles when none.
    pub paths: Vec<PathBuf>,

    /// Where bookmarks and reading positions are kept [env: LISEUSE_DATA_DIR]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Where the entity index is cached [env: LISEUSE_CACHE_DIR]
    #[arg(long, global = true, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,

    /// Settings file to use instead of the default config.toml
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Print the default settings, commented, and exit
    #[arg(long)]
    pub print_config: bool,

    /// Print where the settings file is read from, and exit
    #[arg(long)]
    pub print_config_path: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the named entities found in articles (byte offsets into each article's rendered
    /// text: what `liseuse cat` prints).
    Entities {
        /// Articles or folders; the bundled articles when none.
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = EntityFormat::Json)]
        format: EntityFormat,
    },
    /// Print who said what: the quotations of articles, in quotation marks or reported, with their
    /// speakers and cues (byte offsets into each article's rendered text, as `entities` gives them).
    Quotes {
        /// Articles or folders; the bundled articles when none.
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = QuoteFormat::Json)]
        format: QuoteFormat,
        /// Only the quotations of this speaker (any of its names, case and accents aside).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
    },
    /// Print articles' rendered text: a web page's article, Markdown without its markup, a
    /// book's chapters. Written as it is to a pipe or a file; on a terminal, control
    /// characters and escape sequences are shown as visible placeholders.
    Cat {
        /// Articles or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List or export the bookmarks.
    Bookmarks {
        #[command(subcommand)]
        command: BookmarksCommand,
    },
    /// One entity's profile: names, counts, who is named with it, when, and where.
    Entity {
        /// A name or a variant (case and accents aside).
        name: String,
        /// Articles or folders; the bundled articles when none.
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ProfileFormat::Text)]
        format: ProfileFormat,
    },
    /// Correct the entity engine once, for every article: kept in the data directory.
    Correct {
        #[command(subcommand)]
        command: CorrectCommand,
    },
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum BookmarksCommand {
    /// One line per bookmark: date, article, the quote's first words, note.
    List,
    /// All bookmarks as reading notes (Markdown) or as W3C Web Annotations (JSON).
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
    },
}

#[derive(Debug, Subcommand)]
pub enum CorrectCommand {
    /// NAME is not an entity.
    Drop { name: String },
    /// NAME is a LABEL (PER, ORG, LOC or DATE).
    Label { name: String, label: String },
    /// WITH is the same entity as NAME.
    Merge { name: String, with: String },
    /// The mentions written NAME are an entity of their own.
    Split { name: String },
    /// Every correction, oldest first.
    List,
    /// Take back the newest correction.
    Undo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntityFormat {
    Json,
    Tsv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuoteFormat {
    Json,
    Tsv,
    /// Reading notes: each article's title and date, each quotation with who said it.
    Md,
}
