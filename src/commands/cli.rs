//! The command line.

use clap::{Args, Parser, Subcommand, ValueEnum};
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
    /// web pages .html/.htm, EPUB books .epub); when none, the library of fetched articles
    /// (`liseuse feed`), or the bundled articles while it is empty.
    pub paths: Vec<PathBuf>,

    /// Where bookmarks and reading positions are kept [env: LISEUSE_DATA_DIR]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Where the entity index is cached [env: LISEUSE_CACHE_DIR]
    #[arg(long, global = true, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,

    /// In folders, follow every symbolic link, even out of the folder (by default only those
    /// that stay inside it; a path named here is always followed)
    #[arg(long, global = true)]
    pub follow_links: bool,

    /// Settings file to use instead of the default config.toml
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Print the default settings, commented, and exit
    #[arg(long)]
    pub print_config: bool,

    /// Print where the settings file is read from, and exit
    #[arg(long)]
    pub print_config_path: bool,

    /// Print where fetched articles are kept (the library), and exit
    #[arg(long)]
    pub print_library_path: bool,

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
        #[command(flatten)]
        shown: Shown,
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
    /// book's chapters. Control characters and escape sequences are shown as visible
    /// placeholders, as in the reader (`--raw` for the text as it is).
    Cat {
        /// Articles or folders; the library when none.
        paths: Vec<PathBuf>,
        /// The text byte for byte, control characters included (the text whose byte offsets
        /// `liseuse entities` gives); to a pipe or a file only: a terminal still gets
        /// placeholders.
        #[arg(long)]
        raw: bool,
    },
    /// List or export the bookmarks.
    Bookmarks {
        #[command(subcommand)]
        command: BookmarksCommand,
    },
    /// One entity's profile: names, counts, who is named with it, when, and where. A name
    /// that several entities answer to lists them (status 2): give the exact name, or --all.
    Entity {
        /// A name or a variant (case and accents aside), or part of one.
        name: String,
        /// Articles or folders; the bundled articles when none.
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ProfileFormat::Text)]
        format: ProfileFormat,
        /// Every entity NAME answers to, one profile each.
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        shown: Shown,
    },
    /// Correct the entity engine once, for every article: kept in the data directory.
    Correct {
        #[command(subcommand)]
        command: CorrectCommand,
    },
    /// Subscribe to news feeds (RSS, Atom, JSON Feed) and fetch their articles whole into the
    /// library.
    Feed {
        #[command(subcommand)]
        command: FeedCommand,
    },
    /// Fetch web pages into the library (its `pages` folder), printing where each went.
    Fetch {
        /// http or https addresses.
        #[arg(required = true)]
        urls: Vec<String>,
        #[command(flatten)]
        net: NetOptions,
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

/// Which entities a command lists: those the engine is sure enough of, as the sidebar.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct Shown {
    /// List the entities the engine is at least N sure of (0 to 100; 0 lists every one); by
    /// default the setting `min_confidence` (50), as the sidebar
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_confidence: Option<u8>,
}

/// Where a correction's names are looked for, and whether to keep it when none is found.
#[derive(Debug, Clone, clap::Args)]
pub struct Checked {
    /// Articles or folders the names are looked for in (the bundled articles when none): a
    /// name that no article gives is refused, as a mistyped name would do nothing
    pub paths: Vec<PathBuf>,
    /// Keep the correction even though no article names it (for articles to come)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum FeedCommand {
    /// Subscribe to a feed: its address, or a page's that names its feed.
    Add {
        url: String,
        #[command(flatten)]
        net: NetOptions,
    },
    /// One line per feed: number, title, address, items, last fetch and its result.
    List,
    /// Unsubscribe (by address, number in the list, or title); its articles stay.
    Remove { feed: String },
    /// Subscribe to every feed of an OPML file (as other feed readers export them).
    Import { file: PathBuf },
    /// Print the subscriptions as OPML.
    Export,
    /// Fetch the feeds' new items, each article whole from its page (exit status 1 when a
    /// feed could not be reached, each failure one line on stderr): for cron.
    Update {
        /// Only these feeds (address or title); all when none.
        feeds: Vec<String>,
        #[command(flatten)]
        net: NetOptions,
    },
}

#[derive(Debug, Clone, Copy, Default, Args)]
pub struct NetOptions {
    /// Give up on a feed or a page after this many seconds (default 60)
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum CorrectCommand {
    /// NAME is not an entity.
    Drop {
        /// The entity: its name or any way it is written (case and accents aside)
        name: String,
        #[command(flatten)]
        checked: Checked,
    },
    /// NAME is a LABEL (PER, ORG, LOC or DATE).
    Label {
        /// The entity: its name or any way it is written (case and accents aside)
        name: String,
        /// What it is: PER (a person), ORG (an organisation), LOC (a place) or DATE
        label: String,
        #[command(flatten)]
        checked: Checked,
    },
    /// WITH is the same entity as NAME, which keeps its name.
    Merge {
        /// The entity kept, under its name (its name or any way it is written)
        name: String,
        /// The entity that is NAME under another name: its mentions become NAME's
        with: String,
        #[command(flatten)]
        checked: Checked,
    },
    /// The mentions written NAME are an entity of their own.
    Split {
        /// One way of writing an entity's name (as `liseuse entity` lists them): the mentions
        /// written so leave that entity
        name: String,
        #[command(flatten)]
        checked: Checked,
    },
    /// NAME is shown as TO: in the reader, `liseuse entities` and `liseuse entity` (where both
    /// names find it). A name another entity has is refused: merge them instead.
    Rename {
        /// The entity: its name or any way it is written (case and accents aside)
        name: String,
        /// The name to show for it
        to: String,
        #[command(flatten)]
        checked: Checked,
    },
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
