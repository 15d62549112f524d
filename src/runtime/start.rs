//! Setting a session up: the config, the user's data, where to start, the background work
//! (loader, rest of the folder walk, folder watching, fetching), the app and what it must say
//! first. The same for the terminal and for tests: only the backend differs.

use super::Runtime;
use super::data::Data;
use super::inbox::Inbox;
use crate::app::list::Sort;
use crate::app::{App, Event, Start};
use crate::config;
use crate::ui::Theme;
use liseuse_entity as entity;
use liseuse_library::loader::Loader;
use liseuse_library::{Discovery, Library};
use liseuse_library::{cache, fetch, store, watch};
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
    /// Web pages to fetch into the library and open (`liseuse URL...`).
    pub urls: Vec<String>,
    /// The browser for links, when not `$BROWSER` (tests).
    pub browser: Option<String>,
    /// How far a fetch goes (timeouts, caps): the defaults unless tests want them short.
    pub fetch_limits: Option<liseuse_library::fetch::Limits>,
    /// Follow every symbolic link in the folders, not only those that stay inside them.
    pub follow_links: bool,
    /// When the walk that listed `paths` began: once watched, the folders changed since are
    /// walked again (unknown: all of them).
    pub listed_at: Option<std::time::SystemTime>,
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
    let mut data = Data::open(opts.data_dir.as_deref(), tx.clone());
    let (places, hashes, last) = data.places();
    let mut start = Start {
        places,
        hashes,
        read: std::mem::take(&mut data.read),
        ..Start::default()
    };
    let data_dir = store::data_dir(opts.data_dir.as_deref()).map_err(|e| e.to_string());
    let library = following_library(opts, data_dir.as_ref().ok());
    match last.as_deref().map(|l| last_article(&found.entries, l)) {
        Some(Some(i)) => start.article = i,
        // Not in the walk's first batch: the app opens it when the walk finds it.
        Some(None) => start.last = last,
        None => {}
    }
    let size = terminal
        .size()
        .map_err(|e| io::Error::other(e.to_string()))?;
    let (width, height) = super::capped(size.width, size.height);
    let size = ratatui::layout::Size::new(width, height);
    let loader = Loader::spawn(cache::cache_dir(opts.cache_dir.as_deref()), tx.clone());
    // The article shown first is read at once, beside the indexing of them all.
    if let Some(e) = found.entries.get(start.article) {
        loader.open(start.article, e.clone());
    }
    if rest.is_some() {
        // Until the walk is done, the checking of articles overtaking it is not the end.
        loader.walking();
    }
    loader.read_all(found.entries.iter().cloned().enumerate());
    if let Some(rest) = rest {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for batch in rest {
                if tx.send(Event::Discovered(batch)).is_err() {
                    return;
                }
            }
            let _ = tx.send(Event::Walked);
        });
    }
    let mut folders: Vec<PathBuf> = opts.paths.iter().filter(|p| p.is_dir()).cloned().collect();
    if let Some(lib) = library.as_ref().filter(|_| opts.paths.is_empty()) {
        // The seeds are shown while the library is empty: it is followed as it fills.
        folders.push(lib.clone());
    }
    let links = match opts.follow_links {
        true => liseuse_library::discover::Links::All,
        false => liseuse_library::discover::Links::Inside,
    };
    watch::spawn_with(&folders, links, opts.listed_at, tx.clone());
    let limits = opts.fetch_limits.clone().unwrap_or_default();
    let fetcher = super::fetch::Fetcher::new(data_dir, limits, tx.clone());
    let (corrections, first_corrections) =
        super::corrections::Corrections::open(opts.data_dir.as_deref(), tx.clone());

    let mut app = App::with_start(
        Library::under(opts.paths.clone(), found.entries),
        cfg.keymap(),
        (size.width, size.height),
        start,
    );
    // The width last set with `+` and `-` wins over the config's: it is the newer choice.
    let view = liseuse_library::store::data_dir(opts.data_dir.as_deref())
        .ok()
        .map(|d| liseuse_library::store::ViewStore::open(&d));
    app.layout.max_text_width = view
        .as_ref()
        .and_then(|v| v.text_width())
        .unwrap_or(usize::from(cfg.reader_width));
    let start_width = app.layout.max_text_width;
    app.fetching.library = library.clone();
    if cfg.list_order == config::ListOrder::Date {
        app.set_sort(Sort::Date);
    }
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
        inbox: Inbox::new(rx),
        sender: tx,
        loader,
        data,
        corrections,
        fetcher,
        browser: opts.browser.clone(),
        copier: Err(String::from("no terminal to copy with")),
        quit: false,
        signal: None,
        suspend: None,
        redraw: false,
        view,
        start_width,
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
    let mut fx = Vec::new();
    if cfg.fetch_at_start && library.is_some() {
        rt.app.fetch_feeds(false, &mut fx);
    }
    if !opts.urls.is_empty() {
        rt.app.fetch_pages(&opts.urls, &mut fx);
    }
    rt.apply(fx)?;
    Ok(rt)
}

/// The article open last among `entries`: by its path, else (the folder opened by another
/// path) by its file name and folder's name.
fn last_article(entries: &[liseuse_library::Entry], last: &str) -> Option<usize> {
    entries.iter().position(|e| e.path == last).or_else(|| {
        entries
            .iter()
            .position(|e| crate::app::reading::same_article(last, &e.path))
    })
}

/// The library of fetched articles, when the list is it: no path given (the library, or the
/// seeds while it is empty, its folder then made to be followed), or the library named.
fn following_library(opts: &Options, data_dir: Option<&PathBuf>) -> Option<PathBuf> {
    let lib = fetch::library_dir(data_dir?);
    if opts.paths.is_empty() {
        std::fs::create_dir_all(&lib).ok()?;
        return Some(lib);
    }
    opts.paths.contains(&lib).then_some(lib)
}
