//! Setting a session up: the config, the user's data, where to start, the background work
//! (loader, rest of the folder walk, folder watching), the app and what it
//! must say first. The same for the terminal and for tests: only the backend differs.

use super::Runtime;
use super::data::Data;
use crate::app::{App, Event, Start};
use crate::config;
use crate::ui::Theme;
use liseuse_entity as entity;
use liseuse_library::loader::Loader;
use liseuse_library::{Discovery, Library};
use liseuse_library::{cache, watch};
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

/// What the command line says about a session.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub paths: Vec<PathBuf>,
    pub config: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub cache_dir: Option<PathBuf>,
    /// Draw without colours whatever the config says (tests read text, not colours).
    pub no_color: bool,
}

/// Builds the session over `found` (the walk's first batch; `rest` brings the others) on
/// `terminal`. Nothing here waits for the disk beyond the config and the data files.
pub fn boot<B: Backend>(
    opts: &Options,
    found: Discovery,
    rest: Option<Receiver<Discovery>>,
    terminal: Terminal<B>,
) -> io::Result<Runtime<B>> {
    let (cfg, config_messages) = config::load_all(opts.config.as_deref());
    let (tx, rx) = mpsc::channel();
    let data = Data::open(opts.data_dir.as_deref(), tx.clone());
    let (places, last) = data.places(found.entries.iter().map(|e| e.path.as_str()));
    let mut start = Start {
        places,
        ..Start::default()
    };
    if let Some(i) = last.and_then(|l| found.entries.iter().position(|e| e.path == l)) {
        start.article = i;
    }
    let size = terminal
        .size()
        .map_err(|e| io::Error::other(e.to_string()))?;
    let loader = Loader::spawn(cache::cache_dir(opts.cache_dir.as_deref()), tx.clone());
    // The article shown first is read at once, beside the indexing of them all.
    if let Some(e) = found.entries.get(start.article) {
        loader.open(start.article, e.clone());
    }
    for (i, e) in found.entries.iter().enumerate() {
        loader.read(i, e.clone());
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
    let folders: Vec<PathBuf> = opts.paths.iter().filter(|p| p.is_dir()).cloned().collect();
    watch::spawn(&folders, tx.clone());
    let (corrections, first_corrections) =
        super::corrections::Corrections::open(opts.data_dir.as_deref(), tx.clone());

    let mut app = App::with_start(
        Library::under(opts.paths.clone(), found.entries),
        cfg.keymap(),
        (size.width, size.height),
        start,
    );
    app.layout.max_text_width = usize::from(cfg.reader_width);
    app.entities.min_confidence = cfg.min_confidence;
    app.entities.labels = cfg
        .labels
        .iter()
        .filter_map(|l| entity::Label::parse(l))
        .collect();
    let theme = if opts.no_color {
        Theme::no_color()
    } else {
        Theme::from_config(&cfg)
    };
    let mut rt = Runtime {
        terminal,
        app,
        theme,
        events: rx,
        sender: tx,
        loader,
        data,
        corrections,
        quit: false,
        signal: None,
        suspend: None,
        redraw: false,
    };
    rt.handle(Event::Resize(size.width, size.height))?;
    if let Some(first) = rt.data.first.take() {
        rt.handle(first)?;
    }
    rt.handle(first_corrections)?;
    // Every start-up message is read in turn, none hiding the next.
    let skipped = found
        .skipped
        .first()
        .map(|first| match found.skipped.len() - 1 {
            0 => first.clone(),
            more => format!("{first} (and {more} more)"),
        });
    let cache_problem =
        cache::cache_dir(opts.cache_dir.as_deref()).and_then(|d| cache::dir_problem(&d));
    let notices = std::mem::take(&mut rt.data.notices);
    let said = [cache_problem, skipped];
    for m in config_messages
        .into_iter()
        .chain(notices)
        .chain(said.into_iter().flatten())
    {
        rt.app.status.tell(m);
    }
    Ok(rt)
}
