use clap::{CommandFactory, Parser};
use liseuse::bookmark::{export_json, export_markdown};
use liseuse::cli::{BookmarksCommand, Cli, Command, EntityFormat, ExportFormat};
use liseuse::entity::{self, export::ExportDoc};
use liseuse::library::{self, Discovery};
use liseuse::store::{self, BookmarkStore};
use liseuse::{config, discover, runtime, term};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::Receiver;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        _ if cli.print_config => {
            print!("{}", config::DEFAULT_TOML);
            Ok(())
        }
        Some(Command::Entities { paths, format }) => entities_command(paths, *format),
        Some(Command::Bookmarks { command }) => bookmarks_command(&cli, command),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(
                *shell,
                &mut Cli::command(),
                "liseuse",
                &mut std::io::stdout(),
            );
            Ok(())
        }
        None => match open_streaming(&cli.paths)
            .and_then(|(first, rest)| run(&cli, first, rest).map_err(|e| e.to_string()))
        {
            Ok(true) => Ok(()),
            // The terminal is back and the loss was said on stderr: the status says it too.
            Ok(false) => return ExitCode::from(1),
            Err(e) => Err(e),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("liseuse: {e}");
            ExitCode::from(2)
        }
    }
}

/// Finds the articles before the terminal is touched, so a bad path is a plain one-line error.
fn open(paths: &[PathBuf]) -> Result<Discovery, String> {
    if paths.is_empty() {
        return Ok(seeds());
    }
    library::discover(paths)
}

fn seeds() -> Discovery {
    Discovery {
        entries: library::seeds(),
        skipped: Vec::new(),
    }
}

/// The articles to start with: the seeds, or the walk's first batch, the rest following on the
/// returned receiver. A huge folder's first frame does not wait for the whole walk.
fn open_streaming(paths: &[PathBuf]) -> Result<(Discovery, Option<Receiver<Discovery>>), String> {
    if paths.is_empty() {
        return Ok((seeds(), None));
    }
    discover::check_paths(paths)?;
    let rest = discover::spawn(paths.to_vec());
    let first = discover::first_batch(&rest)?;
    Ok((first, Some(rest)))
}

/// `liseuse entities`: every mention with its entity, for scripts and for scoring.
fn entities_command(paths: &[PathBuf], format: EntityFormat) -> Result<(), String> {
    let found = open(paths)?;
    for why in &found.skipped {
        eprintln!("liseuse: {why}");
    }
    let mut docs = Vec::new();
    for e in &found.entries {
        match library::load(e) {
            Ok(d) => docs.push((e.path.clone(), d)),
            Err(why) => eprintln!("liseuse: {}: {why}", e.path),
        }
    }
    let analysed: Vec<_> = docs.iter().map(|(_, d)| entity::analyse(&d.text)).collect();
    let index = entity::EntityIndex::build(&analysed);
    let export: Vec<ExportDoc> = docs
        .iter()
        .map(|(path, d)| ExportDoc {
            path,
            title: &d.title,
            text: &d.text,
        })
        .collect();
    let out = match format {
        EntityFormat::Json => entity::export::to_json(&export, &index),
        EntityFormat::Tsv => entity::export::to_tsv(&export, &index),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = writeln!(stdout, "{}", out.trim_end());
    Ok(())
}

fn bookmarks_command(cli: &Cli, command: &BookmarksCommand) -> Result<(), String> {
    let dir = store::data_dir(cli.data_dir.as_deref()).map_err(|e| e.to_string())?;
    let bookmarks = BookmarkStore::open(&dir);
    if let Some(why) = bookmarks.read_only() {
        eprintln!("liseuse: {why}");
    }
    let mut list = bookmarks.bookmarks().to_vec();
    list.sort_by(|a, b| b.created.cmp(&a.created));
    match command {
        BookmarksCommand::List => {
            for b in &list {
                let quote: String = b
                    .anchor
                    .exact
                    .split_whitespace()
                    .take(10)
                    .collect::<Vec<_>>()
                    .join(" ");
                let note = if b.note.is_empty() {
                    String::new()
                } else {
                    format!("  — {}", b.note)
                };
                println!(
                    "{}  {}  “{}…”{}",
                    b.created.get(..10).unwrap_or(&b.created),
                    liseuse::document::collapse_spaces(&b.title),
                    liseuse::document::collapse_spaces(&quote),
                    liseuse::document::collapse_spaces(&note)
                );
            }
        }
        BookmarksCommand::Export { format } => match format {
            ExportFormat::Md => print!("{}", export_markdown(&list)),
            ExportFormat::Json => println!("{}", export_json(&list)),
        },
    }
    Ok(())
}

/// The interactive session: the terminal set up, the runtime's loop, the terminal restored,
/// then what could not be saved said on stderr (and in the exit status).
fn run(cli: &Cli, found: Discovery, rest: Option<Receiver<Discovery>>) -> std::io::Result<bool> {
    let options = runtime::Options {
        paths: cli.paths.clone(),
        config: cli.config.clone(),
        data_dir: cli.data_dir.clone(),
        cache_dir: cli.cache_dir.clone(),
        no_color: false,
    };
    let (terminal, guard) = term::enter()?;
    if std::env::var_os(liseuse::crash::PANIC_FOR_TEST).is_some_and(|v| v == "main") {
        panic!("panic asked for by {}", liseuse::crash::PANIC_FOR_TEST);
    }
    let mut rt = runtime::boot(&options, found, rest, terminal)?;
    term::spawn_input(rt.sender());
    liseuse::signals::spawn(rt.sender());
    rt.on_suspend(term::suspend);
    let ending = rt.run()?;
    drop(guard);
    for line in &ending.messages {
        eprintln!("liseuse: {line}");
    }
    if let Some(sig) = ending.signal {
        // Ended by a signal: say so in the status, as a shell reports it.
        std::process::exit(128 + sig);
    }
    Ok(!ending.lost)
}
