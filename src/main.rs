use clap::{CommandFactory, Parser};
use liseuse::app::{App, Effect, Event, Start};
use liseuse::bookmark::{export_json, export_markdown};
use liseuse::cli::{BookmarksCommand, Cli, Command, EntityFormat, ExportFormat};
use liseuse::entity::{self, export::ExportDoc};
use liseuse::library::{self, Discovery, Library};
use liseuse::loader::Loader;
use liseuse::store::{self, BookmarkStore, PositionStore, StoreError};
use liseuse::{cache, config, discover, term, ui, watch};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        _ if cli.print_config => {
            print!("{}", config::DEFAULT_TOML);
            Ok(())
        }
        Some(Command::Entities { paths, format }) => entities_command(paths, *format),
        Some(Command::Cat { paths }) => cat_command(paths),
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
        None => open_streaming(&cli.paths)
            .and_then(|(first, rest)| run(&cli, first, rest).map_err(|e| e.to_string())),
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

/// `liseuse cat`: see `src/cat.rs`.
fn cat_command(paths: &[PathBuf]) -> Result<(), String> {
    use std::io::IsTerminal;
    let found = library::discover(paths)?;
    for why in &found.skipped {
        eprintln!("liseuse: {why}");
    }
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    liseuse::cat::run(&found.entries, &mut stdout.lock(), terminal)
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
    let analysed: Vec<_> = docs
        .iter()
        .map(|(_, d)| entity::analyse(&d.entity_text()))
        .collect();
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

/// User data: bookmarks and reading positions. Missing (no data directory) is not fatal: the
/// session runs, and says that nothing will be kept.
struct Data {
    bookmarks: Option<BookmarkStore>,
    positions: Option<PositionStore>,
}

impl Data {
    fn open(dir: Option<&Path>) -> (Data, Option<String>) {
        match store::data_dir(dir) {
            Ok(d) => (
                Data {
                    bookmarks: Some(BookmarkStore::open(&d)),
                    positions: Some(PositionStore::open(&d)),
                },
                None,
            ),
            Err(e) => (
                Data {
                    bookmarks: None,
                    positions: None,
                },
                Some(format!("{e}: bookmarks will not be kept")),
            ),
        }
    }

    fn bookmarks_event(&self, message: Option<String>) -> Event {
        let (list, read_only) = match &self.bookmarks {
            Some(s) => (s.bookmarks().to_vec(), s.read_only().map(str::to_string)),
            None => (Vec::new(), Some("no data directory".to_string())),
        };
        Event::Bookmarks {
            list,
            read_only,
            message,
        }
    }

    /// Carries out one effect on the stores; returns what the app should hear back.
    fn apply(&mut self, effect: Effect, app: &mut App) -> Option<Event> {
        let result: Result<Option<String>, StoreError> = match (effect, &mut self.bookmarks) {
            (Effect::AddBookmark(b), Some(s)) => s.add(b).map(|()| Some("bookmarked".into())),
            (Effect::DeleteBookmark(id), Some(s)) => match s.delete(&id) {
                Ok(Some(b)) => {
                    app.remember_deleted(b);
                    Ok(Some("bookmark deleted (u undoes)".into()))
                }
                Ok(None) => Ok(None),
                Err(e) => Err(e),
            },
            (Effect::SetNote(id, note), Some(s)) => s.set_note(&id, &note).map(|_| None),
            (Effect::SavePosition { path, offset, hash }, _) => {
                if let Some(p) = &mut self.positions {
                    p.set(&path, offset, &hash);
                    p.set_last_article(&path);
                }
                return None;
            }
            (Effect::Quit | Effect::Load(_) | Effect::SaveCache | Effect::Forget(_), _) => {
                return None;
            }
            (_, None) => Ok(Some("no data directory: bookmarks are not kept".into())),
        };
        let message = match result {
            Ok(m) => m,
            Err(e) => {
                if let StoreError::Unsaved {
                    removed: Some(b), ..
                } = &e
                {
                    app.remember_deleted((**b).clone());
                }
                Some(e.to_string())
            }
        };
        Some(self.bookmarks_event(message))
    }

    /// On the way out: positions saved, and anything still unsaved said plainly.
    fn close(&mut self) -> Vec<String> {
        let mut said = Vec::new();
        if let Some(p) = &mut self.positions
            && p.read_only().is_none()
            && let Err(e) = p.save()
        {
            said.push(format!("reading position not saved: {}", e.cause()));
        }
        if let Some(b) = &mut self.bookmarks
            && b.unsaved() > 0
            && let Err(e) = b.flush()
        {
            said.push(format!(
                "{} bookmark change(s) could not be saved ({}): they are lost when liseuse exits",
                b.unsaved(),
                e.cause()
            ));
        }
        said
    }
}

fn start_point(found: &Discovery, positions: Option<&PositionStore>) -> Start {
    let mut start = Start::default();
    let Some(p) = positions else { return start };
    for e in &found.entries {
        if let Some(pos) = p.get(&e.path) {
            start.positions.insert(e.path.clone(), pos.offset);
        }
    }
    if let Some(last) = p.last_article()
        && let Some(i) = found.entries.iter().position(|e| e.path == last)
    {
        start.article = i;
        start.offset = None;
    }
    start
}

/// How long background results are gathered before a frame shows them.
const BACKGROUND_FRAME: Duration = Duration::from_millis(50);

fn run(cli: &Cli, found: Discovery, rest: Option<Receiver<Discovery>>) -> std::io::Result<()> {
    let (cfg, config_message) = config::load(cli.config.as_deref());
    let (mut data, data_message) = Data::open(cli.data_dir.as_deref());
    let start = start_point(&found, data.positions.as_ref());

    let (mut terminal, guard) = term::enter()?;
    if std::env::var_os(liseuse::crash::PANIC_FOR_TEST).is_some_and(|v| v == "main") {
        panic!("panic asked for by {}", liseuse::crash::PANIC_FOR_TEST);
    }
    let size = terminal.size()?;
    let (tx, rx) = mpsc::channel();
    term::spawn_input(tx.clone());
    let loader = Loader::spawn(cache::cache_dir(cli.cache_dir.as_deref()), tx.clone());
    // The article shown first is read first.
    if let Some(e) = found.entries.get(start.article) {
        loader.read(start.article, e.clone());
    }
    for (i, e) in found.entries.iter().enumerate() {
        if i != start.article {
            loader.read(i, e.clone());
        }
    }
    if let Some(rest) = rest {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for batch in rest {
                if tx.send(Event::Discovered(batch)).is_err() {
                    break;
                }
            }
        });
    }
    let folders: Vec<PathBuf> = cli.paths.iter().filter(|p| p.is_dir()).cloned().collect();
    watch::spawn(&folders, tx.clone());

    let mut app = App::with_start(
        Library::under(cli.paths.clone(), found.entries),
        cfg.keymap(),
        (size.width, size.height),
        start,
    );
    let first_skip = found
        .skipped
        .first()
        .map(|first| match found.skipped.len() - 1 {
            0 => first.clone(),
            more => format!("{first} (and {more} more)"),
        });
    let bookmarks_message = data.bookmarks.as_ref().and_then(|b| {
        b.read_only()
            .map(|w| format!("bookmarks are read-only: {w}"))
    });
    app.max_text_width = usize::from(cfg.reader_width);
    app.entities.labels = cfg
        .labels
        .iter()
        .filter_map(|l| entity::Label::parse(l))
        .collect();
    app.update(Event::Resize(size.width, size.height));
    app.update(data.bookmarks_event(None));
    app.message = config_message
        .or(data_message)
        .or(bookmarks_message)
        .or(first_skip);
    let theme = ui::Theme::from_config(&cfg);
    'events: loop {
        term::draw(&mut terminal, |f| ui::draw(f, &app, &theme))?;
        let Ok(first) = rx.recv() else { break };
        // A key, or the article the user waits for, is drawn at once; other background results
        // (thousands while indexing) are gathered for up to a frame's time, so they cost a few
        // frames a second, not one each.
        let mut pending = vec![first];
        let deadline = Instant::now() + BACKGROUND_FRAME;
        while !pending.last().is_some_and(|ev| app.awaits(ev)) {
            let wait = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(wait) {
                Ok(ev) => pending.push(ev),
                Err(_) => break,
            }
        }
        while let Ok(ev) = rx.try_recv() {
            pending.push(ev);
            if pending.len() >= 4096 {
                break;
            }
        }
        for ev in pending {
            let mut effects = app.update(ev);
            while !effects.is_empty() {
                let mut quit = false;
                let mut replies = Vec::new();
                for effect in effects {
                    quit |= effect == Effect::Quit;
                    match &effect {
                        Effect::Load(range) => {
                            for i in range.clone() {
                                if let Some(a) = app.library.articles.get(i) {
                                    loader.read(i, a.entry.clone());
                                }
                            }
                        }
                        Effect::SaveCache => loader.save_cache(),
                        Effect::Forget(i) => loader.forget(*i),
                        _ => {}
                    }
                    replies.extend(data.apply(effect, &mut app));
                }
                if quit {
                    break 'events;
                }
                effects = replies.into_iter().flat_map(|r| app.update(r)).collect();
            }
        }
    }
    drop(terminal);
    drop(guard);
    for line in data.close() {
        eprintln!("liseuse: {line}");
    }
    Ok(())
}
