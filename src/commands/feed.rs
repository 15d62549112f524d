//! `liseuse feed add|list|remove|import|export|update`, `liseuse fetch URL...` and
//! `--print-library-path`: the command line of `liseuse_library::fetch`. Runs are the same background
//! runs the reader will use, their events printed as they come: articles and notes on stdout,
//! failures one line each on stderr, progress on stderr when it is a terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use super::cli::{FeedCommand, NetOptions};
use super::output::{self, Failure, Out, Outcome, say};
use liseuse_document::sanitize::one_line;
use liseuse_library::fetch::{
    self, Added, Client, Context, FeedStore, FetchEvent, Limits, Summary,
};
use liseuse_library::store;

/// The command line's articles split into web addresses to fetch (`http://`, `https://`) and
/// paths. An argument of another scheme (`ftp://…`, `file://…`) that is no file either is
/// refused, in one line.
pub fn split_addresses(args: &[PathBuf]) -> Result<(Vec<String>, Vec<PathBuf>), String> {
    let (mut urls, mut paths) = (Vec::new(), Vec::new());
    for a in args {
        let text = a.to_string_lossy();
        let lower = text.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            fetch::address::parse_web(&text).map_err(|e| format!("{}: {e}", one_line(&text)))?;
            urls.push(text.into_owned());
        } else if lower.contains("://") && !a.exists() {
            return Err(format!(
                "{}: only web addresses (http, https) are fetched",
                one_line(&text)
            ));
        } else {
            paths.push(a.clone());
        }
    }
    Ok((urls, paths))
}

/// `paths`, or when there are none the library (if it holds an article): what the reader and
/// the commands that read articles open. Empty means the bundled articles.
pub fn article_paths(paths: &[PathBuf], data_dir: Option<&Path>) -> Vec<PathBuf> {
    if !paths.is_empty() {
        return paths.to_vec();
    }
    match store::data_dir(data_dir) {
        Ok(dir) => {
            let lib = fetch::library_dir(&dir);
            match fetch::has_articles(&lib) {
                true => vec![lib],
                false => Vec::new(),
            }
        }
        Err(_) => Vec::new(),
    }
}

pub fn print_library_path(data_dir: Option<&Path>) -> Outcome {
    let dir = store::data_dir(data_dir).map_err(|e| Failure::Failed(e.to_string()))?;
    let mut out = Out::stdout();
    out.line(&one_line(&fetch::library_dir(&dir).display().to_string()))?;
    out.done()
}

fn context(data_dir: Option<&Path>, net: NetOptions) -> Result<Context, Failure> {
    let data_dir = store::data_dir(data_dir).map_err(|e| Failure::Failed(e.to_string()))?;
    let mut limits = Limits::default();
    if let Some(secs) = net.timeout {
        limits.total_timeout = Duration::from_secs(secs.max(1));
        limits.connect_timeout = limits.connect_timeout.min(limits.total_timeout);
    }
    let client = Client::new(limits).map_err(Failure::Failed)?;
    Ok(Context {
        client: Arc::new(client),
        data_dir,
    })
}

pub fn run(data_dir: Option<&Path>, command: &FeedCommand) -> ExitCode {
    let result = match command {
        FeedCommand::Add { url, net } => add(data_dir, url, *net),
        FeedCommand::List => list(data_dir),
        FeedCommand::Remove { feed } => remove(data_dir, feed),
        FeedCommand::Import { file } => import(data_dir, file),
        FeedCommand::Export => export(data_dir),
        FeedCommand::Update { feeds, net } => return update(data_dir, feeds, *net),
    };
    output::finish(result)
}

fn store_of(data_dir: Option<&Path>) -> Result<FeedStore, Failure> {
    let dir = store::data_dir(data_dir).map_err(|e| Failure::Failed(e.to_string()))?;
    Ok(FeedStore::open(&dir))
}

fn add(data_dir: Option<&Path>, url: &str, net: NetOptions) -> Outcome {
    let ctx = context(data_dir, net)?;
    let added = fetch::subscribe(&ctx, url).map_err(Failure::Failed)?;
    let mut out = Out::stdout();
    match added {
        Added::New {
            feed,
            items,
            via_page,
        } => {
            if let Some(page) = via_page {
                out.line(&format!(
                    "{} names its feed {}",
                    one_line(&page),
                    one_line(&feed.url)
                ))?;
            }
            out.line(&format!(
                "subscribed to {} ({} items): `liseuse feed update` fetches its articles",
                one_line(feed.name()),
                items
            ))?;
        }
        Added::Already(feed) => {
            out.line(&format!("{} is subscribed already", one_line(feed.name())))?;
        }
    }
    out.done()
}

fn list(data_dir: Option<&Path>) -> Outcome {
    let store = store_of(data_dir)?;
    if let Some(why) = store.read_only() {
        say(why);
    }
    let mut out = Out::stdout();
    for (i, f) in store.feeds().iter().enumerate() {
        let last = match (&f.gone, &f.last) {
            (Some(when), _) => format!("gone (410) since {}", day_time(when)),
            (None, Some(l)) => format!("last fetched {}: {}", day_time(&l.at), l.result),
            (None, None) => String::from("never fetched"),
        };
        out.line(&format!(
            "{:>3}  {}  {}  {}  {}",
            i + 1,
            one_line(f.name()),
            one_line(&f.url),
            liseuse_document::plural::counted(f.items, "item", "items"),
            one_line(&last)
        ))?;
    }
    out.done()
}

/// `2026-05-05T10:00:00Z` as `2026-05-05 10:00`.
fn day_time(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(d), Some(t)) => format!("{d} {t}"),
        _ => rfc3339.to_string(),
    }
}

fn remove(data_dir: Option<&Path>, which: &str) -> Outcome {
    let mut store = store_of(data_dir)?;
    let feed = fetch::unsubscribe(&mut store, which).map_err(Failure::Failed)?;
    let mut out = Out::stdout();
    out.line(&format!(
        "unsubscribed from {} (its articles stay in the library)",
        one_line(feed.name())
    ))?;
    out.done()
}

fn import(data_dir: Option<&Path>, file: &Path) -> Outcome {
    let (bytes, over) = liseuse_library::readfile::read_regular(file, 16 * 1024 * 1024)
        .map_err(|e| Failure::Failed(format!("{}: {}", file.display(), store::describe_io(&e))))?;
    if over {
        return Err(Failure::Failed(format!(
            "{}: larger than 16 MB",
            file.display()
        )));
    }
    let text = String::from_utf8_lossy(&bytes);
    let mut store = store_of(data_dir)?;
    let done = fetch::import_opml(&mut store, &text)
        .map_err(|e| Failure::Failed(format!("{}: {e}", file.display())))?;
    for why in &done.skipped {
        say(&format!("left out {why}"));
    }
    let mut out = Out::stdout();
    out.line(&format!(
        "{} added, {} subscribed already: `liseuse feed update` fetches their articles",
        liseuse_document::plural::counted(done.added, "feed", "feeds"),
        done.already
    ))?;
    out.done()
}

fn export(data_dir: Option<&Path>) -> Outcome {
    let store = store_of(data_dir)?;
    if let Some(why) = store.read_only() {
        if store.feeds().is_empty() {
            return Err(Failure::Failed(why.to_string()));
        }
        say(why);
    }
    let mut out = Out::stdout();
    out.write(&fetch::export_opml(store.feeds()))?;
    out.done()
}

fn update(data_dir: Option<&Path>, only: &[String], net: NetOptions) -> ExitCode {
    let ctx = match context(data_dir, net) {
        Ok(c) => c,
        Err(e) => return output::finish(Err(e)),
    };
    let printer = Printer::new(false);
    let handle = match fetch::update_feeds(&ctx, only, printer.sink()) {
        Ok(h) => h,
        Err(why) => return output::finish(Err(Failure::Failed(why))),
    };
    let summary = handle.join();
    printer.end();
    if summary.feeds == 0 && only.is_empty() {
        say("no feeds: `liseuse feed add URL` subscribes to one");
    } else if summary.feeds == 0 {
        return output::finish(Err(Failure::Failed(format!(
            "no subscription is {} (see `liseuse feed list`)",
            only.join(", ")
        ))));
    }
    println_safe(&format!(
        "{}, {}{}",
        liseuse_document::plural::counted(summary.feeds, "feed", "feeds"),
        liseuse_document::plural::counted(summary.new, "new article", "new articles"),
        match summary.feeds_failed {
            0 => String::new(),
            n => format!(", {n} could not be reached"),
        }
    ));
    status(&summary, summary.feeds_failed)
}

pub fn fetch(data_dir: Option<&Path>, urls: &[String], net: NetOptions) -> ExitCode {
    let ctx = match context(data_dir, net) {
        Ok(c) => c,
        Err(e) => return output::finish(Err(e)),
    };
    let mut good = Vec::new();
    let mut bad = 0;
    for u in urls {
        match fetch::address::parse_web(u) {
            Ok(url) => good.push(url),
            Err(e) => {
                say(&format!("{u}: {e}"));
                bad += 1;
            }
        }
    }
    let printer = Printer::new(true);
    let handle = match fetch::fetch_pages(&ctx, good, printer.sink()) {
        Ok(h) => h,
        Err(why) => return output::finish(Err(Failure::Failed(why))),
    };
    let summary = handle.join();
    printer.end();
    status(&summary, summary.pages_failed + bad)
}

fn status(summary: &Summary, failed: usize) -> ExitCode {
    match (summary.cancelled, failed) {
        (false, 0) => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    }
}

/// A line on stdout; a reader gone (`| head`) does not stop the run.
fn println_safe(line: &str) {
    let _ = writeln!(std::io::stdout().lock(), "{line}");
}

/// Prints a run's events as they come (from the run's threads).
struct Printer {
    progress: bool,
    /// Each article's path (`fetch`), rather than each feed's count (`feed update`).
    paths: bool,
}

impl Printer {
    fn new(paths: bool) -> Printer {
        Printer {
            progress: std::io::stderr().is_terminal(),
            paths,
        }
    }

    fn sink(&self) -> fetch::Sink {
        let (progress, paths) = (self.progress, self.paths);
        Arc::new(move |e| {
            // Every text of an event is one safe line already (`fetch::event`).
            let clear = if progress { "\r\x1b[K" } else { "" };
            match e {
                FetchEvent::Progress { done, of, new } if progress && of > 1 => {
                    let _ = write!(
                        std::io::stderr().lock(),
                        "\r\x1b[Kfetching {done}/{of} · {new} new"
                    );
                }
                FetchEvent::Stored { path, .. } if paths => {
                    eprint_clear(clear);
                    println_safe(&one_line(&path.display().to_string()));
                }
                FetchEvent::Already { path, .. } => {
                    eprint_clear(clear);
                    println_safe(&format!(
                        "{} (already in the library)",
                        one_line(&path.display().to_string())
                    ));
                }
                FetchEvent::Failed { what, why } => {
                    eprint_clear(clear);
                    say(&format!("{what}: {why}"));
                }
                FetchEvent::FeedDone { name, new, ok } if ok && new > 0 && !paths => {
                    eprint_clear(clear);
                    println_safe(&format!(
                        "{name}: {}",
                        liseuse_document::plural::counted(new, "new article", "new articles")
                    ));
                }
                FetchEvent::Note { what, note } => {
                    eprint_clear(clear);
                    println_safe(&format!("{what}: {note}"));
                }
                _ => {}
            }
        })
    }

    fn end(&self) {
        if self.progress {
            eprint_clear("\r\x1b[K");
        }
    }
}

fn eprint_clear(clear: &str) {
    if !clear.is_empty() {
        let _ = write!(std::io::stderr().lock(), "{clear}");
    }
}
