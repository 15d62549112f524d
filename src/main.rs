use clap::Parser;
use liseuse::commands;
use liseuse::commands::cli::Cli;
use liseuse::runtime::{self, term};
use liseuse_library::discover;
use liseuse_library::{self as library, Discovery};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::Receiver;

/// mimalloc rather than glibc's malloc: a cold start of 100,000 articles spent a fifth of its
/// processor time in malloc and free (the analysis allocates and frees small things by the
/// million on every loader thread), and glibc's arenas, shared by the loader's pool, its merging
/// thread and the full-text writer, kept freed memory from one another (the peak grew by a
/// fifth with one per thread, so two were used).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// No transparent huge pages for liseuse's heap (what mimalloc's `allow_thp=0` does): with them, a
/// cold start of 10,000 articles spent a tenth of its processor time in the kernel zeroing 2 MB
/// pages, each faulted in whole for memory that the allocator had just given back and reused a
/// few kilobytes of (the corpus merges' and the full-text writer's buffers, made and dropped
/// again and again). Without, the kernel's time is halved and the peak a fifth lower. Linux
/// only; inherited by what liseuse starts (the browser), which it does not harm.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl(PR_SET_THP_DISABLE) takes no pointer and changes only this process's
    // memory policy; a kernel without it returns an error, which leaves things as they were.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

// mimalloc's options, through its C API (linked by the `mimalloc` crate, not exposed by it).
unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    fn getenv(name: *const std::ffi::c_char) -> *const std::ffi::c_char;
}

/// `mi_option_arena_eager_commit` and `mi_option_purge_delay` in mimalloc's `mi_option_e`.
const MI_ARENA_EAGER_COMMIT: std::ffi::c_int = 4;
const MI_PURGE_DELAY: std::ffi::c_int = 15;

/// The arena is committed as it is used rather than whole, and memory freed is given back to
/// the system after 10 ms rather than a second: by default mimalloc kept what a warm start of
/// 100,000 articles freed (the saved index read, the heads decoded, the arrays built), and its
/// peak resident memory was 585 MB against 515–530 MB after 100 ms (issue 27); at once rather
/// than after 100 ms, a cold start spent 4 s more of system time for the same peak. After 10 ms
/// rather than 100, a cold start of 10,000 articles peaked at 123–134 MB against 134–157 MB for
/// the same processor time: the merges' and the full-text writer's buffers, freed and made again
/// a few times a second, were kept in between. A `MIMALLOC_…` variable set by the user still
/// decides. Run before `main` (below): the first allocation, before `main`, reserves the arena,
/// and an arena's commit is decided then. Allocates nothing.
extern "C" fn tune_allocator() {
    for (option, var, value) in [
        (MI_ARENA_EAGER_COMMIT, c"MIMALLOC_ARENA_EAGER_COMMIT", 0),
        (MI_PURGE_DELAY, c"MIMALLOC_PURGE_DELAY", 10),
    ] {
        // SAFETY: `getenv` reads a NUL-terminated name; `mi_option_set` is not thread safe,
        // and this runs before `main`, when there is one thread. The option numbers are those
        // of the mimalloc the `mimalloc` crate builds (the same in its versions 2 and 3).
        unsafe {
            if getenv(var.as_ptr()).is_null() {
                mi_option_set(option, value);
            }
        }
    }
}

/// Run by the C runtime before any constructor without a priority (mimalloc's own among them)
/// and before Rust's runtime allocates anything.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array.00100")]
static TUNE_ALLOCATOR: extern "C" fn() = tune_allocator;

fn main() -> ExitCode {
    no_huge_pages();
    #[cfg(not(target_os = "linux"))]
    tune_allocator();
    let cli = Cli::parse();
    if let Some(status) = commands::dispatch(&cli) {
        return status;
    }
    let links = match cli.follow_links {
        true => discover::Links::All,
        false => discover::Links::Inside,
    };
    // Web addresses are fetched into the library; with no path, the library is opened (the
    // seeds while it is empty).
    let result = commands::feed::split_addresses(&cli.paths).and_then(|(urls, paths)| {
        let paths = commands::feed::article_paths(&paths, cli.data_dir.as_deref());
        let listed_at = std::time::SystemTime::now();
        open_streaming(&paths, links)
            .and_then(|found| commands::terminal::check().map(|()| found))
            .and_then(|(paths, first, rest)| {
                run(&cli, paths, listed_at, urls, first, rest).map_err(|e| e.to_string())
            })
    });
    match result {
        Ok(true) => ExitCode::SUCCESS,
        // The terminal is back and the loss was said on stderr: the status says it too.
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            commands::output::say(&e);
            ExitCode::from(2)
        }
    }
}

fn seeds() -> Discovery {
    Discovery {
        entries: library::seeds(),
        skipped: Vec::new(),
    }
}

/// The articles to start with: the seeds, or the walk's first batch, the rest following on the
/// returned receiver. A huge folder's first frame does not wait for the whole walk. Found
/// before the terminal is touched, so a bad path is a plain one-line error (in the words the
/// user gave). The paths are made absolute: an article's path is its key in the cache and the
/// full-text index, and `liseuse news` then `liseuse ~/news` read every article again.
type Opened = (Vec<PathBuf>, Discovery, Option<Receiver<Discovery>>);

fn open_streaming(paths: &[PathBuf], links: discover::Links) -> Result<Opened, String> {
    if paths.is_empty() {
        return Ok((Vec::new(), seeds(), None));
    }
    discover::check_paths(paths).map_err(|e| match misplaced_command(paths) {
        Some(name) => format!("{e} (a command comes before the paths: liseuse {name} PATHS)"),
        None => e,
    })?;
    let paths: Vec<PathBuf> = paths
        .iter()
        .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
        .collect();
    let rest = discover::spawn_with(paths.clone(), links);
    let first = discover::first_batch(&rest)?;
    Ok((paths, first, Some(rest)))
}

/// A missing path that is a command's name: the usage line reads « liseuse [PATHS]...
/// <COMMAND> », but a command after a path is taken for a path (`liseuse news quotes`).
fn misplaced_command(paths: &[PathBuf]) -> Option<String> {
    use clap::CommandFactory;
    let cli = Cli::command();
    paths
        .iter()
        .filter(|p| !p.exists())
        .filter_map(|p| p.to_str())
        .find(|name| cli.get_subcommands().any(|c| c.get_name() == *name))
        .map(str::to_string)
}

/// The interactive session: the terminal set up, the runtime's loop, the terminal restored,
/// then what could not be saved said on stderr (and in the exit status).
fn run(
    cli: &Cli,
    paths: Vec<PathBuf>,
    listed_at: std::time::SystemTime,
    urls: Vec<String>,
    found: Discovery,
    rest: Option<Receiver<Discovery>>,
) -> std::io::Result<bool> {
    let options = runtime::Options {
        paths,
        config: cli.config.clone(),
        data_dir: cli.data_dir.clone(),
        cache_dir: cli.cache_dir.clone(),
        no_color: false,
        urls,
        browser: None,
        fetch_limits: None,
        follow_links: cli.follow_links,
        listed_at: Some(listed_at),
    };
    // A crash report goes where the session's cache is.
    if let Some(dir) = liseuse_library::cache::cache_dir(cli.cache_dir.as_deref()) {
        liseuse_library::crash::set_dir(dir);
    }
    // Asked before the terminal is taken (inside tmux, tmux is asked).
    let clipboard = runtime::outside::clipboard();
    let (terminal, guard) = term::enter()?;
    if std::env::var_os(liseuse_library::crash::PANIC_FOR_TEST).is_some_and(|v| v == "main") {
        panic!(
            "panic asked for by {}",
            liseuse_library::crash::PANIC_FOR_TEST
        );
    }
    let mut rt = runtime::boot(&options, found, rest, terminal)?;
    term::spawn_input(rt.sender());
    runtime::signals::spawn(rt.sender());
    rt.on_suspend(term::suspend);
    rt.on_copy(
        clipboard.map(|()| Box::new(term::copy) as Box<dyn FnMut(&str) -> std::io::Result<()>>),
    );
    let ending = rt.run()?;
    drop(guard);
    for line in &ending.messages {
        commands::output::say(line);
    }
    if let Some(sig) = ending.signal {
        // Ended by a signal: say so in the status, as a shell reports it.
        std::process::exit(128 + sig);
    }
    Ok(!ending.lost)
}
