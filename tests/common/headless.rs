//! The whole app, headless: the real runtime (loader, stores, corpus search, watcher) booted
//! as `main.rs` boots it, drawing on ratatui's `TestBackend`. Keys go in through the runtime's
//! channel as the terminal's input thread sends them; the screen is read back as text.
//! Every session has its own data, cache and config directories.

use liseuse::app::{App, Event};
use liseuse::keys::keymap::{Key, KeyCode};
use liseuse::runtime::{self, Options, Runtime};
use liseuse_library::Discovery;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub struct Headless {
    rt: Runtime<TestBackend>,
    pub home: tempfile::TempDir,
}

/// How long a test waits for something to show before it fails with the screen.
const PATIENCE: Duration = Duration::from_secs(30);

impl Headless {
    /// liseuse with no path: the two bundled articles.
    pub fn seeds(w: u16, h: u16) -> Headless {
        Headless::start(&[], w, h)
    }

    /// liseuse on `paths`, in a `w`×`h` terminal.
    pub fn start(paths: &[PathBuf], w: u16, h: u16) -> Headless {
        let home = tempfile::tempdir().expect("temp dir");
        Headless::start_in(home, paths, w, h, |_| {})
    }

    /// Starts in an existing home (a second session over the same data), with the options
    /// changed by `tweak` (a config file, say).
    pub fn start_in(
        home: tempfile::TempDir,
        paths: &[PathBuf],
        w: u16,
        h: u16,
        tweak: impl FnOnce(&mut Options),
    ) -> Headless {
        let mut opts = Options {
            paths: paths.to_vec(),
            config: Some(home.path().join("config.toml")),
            data_dir: Some(home.path().join("data")),
            cache_dir: Some(home.path().join("cache")),
            no_color: true,
            // No test opens a real browser.
            browser: Some(String::from("true")),
            ..Options::default()
        };
        if !opts.config.as_ref().is_some_and(|c| c.exists()) {
            // A missing explicit config is reported: write an empty one.
            std::fs::write(home.path().join("config.toml"), "").expect("config");
        }
        tweak(&mut opts);
        let (found, rest) = if paths.is_empty() {
            (
                Discovery {
                    entries: liseuse_library::seeds(),
                    skipped: Vec::new(),
                },
                None,
            )
        } else {
            liseuse_library::discover::check_paths(paths).expect("paths exist");
            opts.listed_at
                .get_or_insert_with(std::time::SystemTime::now);
            let rest = liseuse_library::discover::spawn(paths.to_vec());
            let first = liseuse_library::discover::first_batch(&rest).expect("articles");
            (first, Some(rest))
        };
        let terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        let rt = runtime::boot(&opts, found, rest, terminal).expect("boot");
        let mut s = Headless { rt, home };
        s.pump();
        s
    }

    pub fn app(&self) -> &App {
        self.rt.app()
    }

    pub fn data_dir(&self) -> PathBuf {
        self.home.path().join("data")
    }

    /// Queues an event as a background thread would, without letting the loop take it.
    pub fn queue(&mut self, ev: Event) {
        self.rt.sender().send(ev).expect("the loop listens");
    }

    /// One step of the loop: what one frame takes in before it is drawn.
    pub fn step(&mut self) {
        self.rt.step(Some(Duration::from_secs(5))).expect("step");
    }

    /// Takes in whatever has arrived, hardly waiting.
    pub fn pump(&mut self) {
        self.rt.step(Some(Duration::from_millis(1))).expect("step");
    }

    /// Sends an event as the terminal's input thread would, and lets the loop take it; then,
    /// as a person waits for an article's text to show, waits for the texts it asked for
    /// (texts are read when opened or drawn).
    pub fn send(&mut self, ev: Event) {
        self.rt.sender().send(ev).expect("the loop listens");
        self.rt.step(Some(Duration::from_secs(5))).expect("step");
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.rt.app().waits_for_text() && Instant::now() < deadline {
            self.rt.step(Some(Duration::from_millis(20))).expect("step");
        }
    }

    pub fn key(&mut self, k: Key) {
        self.send(Event::Key(k));
    }

    /// Types keys as written: characters, and `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<BS>`,
    /// `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`,
    /// `<Space>`, `<F1>`, `<C-x>` (Ctrl and a letter), `<lt>` for `<`.
    pub fn keys(&mut self, s: &str) {
        for k in parse_keys(s) {
            self.key(k);
        }
    }

    /// Runs the loop until the library is read and indexed and nothing more comes for a
    /// moment (background indexing done), or fails with the screen.
    pub fn settle(&mut self) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            self.rt.step(Some(Duration::from_millis(30))).expect("step");
            let a = self.rt.app();
            let n = a.library.len();
            // The article to open is read apart from the indexing: it may come after.
            let opening = a
                .opening()
                .is_some_and(|i| a.library.articles.get(i).is_some_and(|x| x.error.is_none()));
            let done = a.library.loaded() >= n
                && a.entities.analysed >= n
                && !a.entities.is_provisional()
                && !opening;
            if done {
                // Whatever is still in flight (a last index, a search) comes in now.
                self.rt.step(Some(Duration::from_millis(60))).expect("step");
                return;
            }
            if Instant::now() > deadline {
                panic!("never settled; screen:\n{}", self.screen());
            }
        }
    }

    /// Runs the loop until `pred` holds for the screen.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            self.rt.step(Some(Duration::from_millis(20))).expect("step");
        }
    }

    /// Runs the loop until `pred` holds for the app's state (what background work brings).
    pub fn wait_until(&mut self, what: &str, pred: impl Fn(&App) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while !pred(self.rt.app()) {
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen:\n{}", self.screen());
            }
            self.rt.step(Some(Duration::from_millis(20))).expect("step");
        }
    }

    pub fn wait_text(&mut self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// The screen as text, one line per row, trailing spaces cut.
    pub fn screen(&mut self) -> String {
        self.rt.draw().expect("draw");
        let buf = self.rt.backend().buffer().clone();
        let a = buf.area;
        let mut out = String::new();
        for y in 0..a.height {
            let mut line = String::new();
            for x in 0..a.width {
                line.push_str(buf[(x, y)].symbol());
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// The status bar (last row).
    pub fn status(&mut self) -> String {
        self.screen().lines().last().unwrap_or("").to_string()
    }

    /// The drawn buffer, for styles.
    pub fn buffer(&mut self) -> ratatui::buffer::Buffer {
        self.rt.draw().expect("draw");
        self.rt.backend().buffer().clone()
    }

    /// Writes `text` over row `y` of the terminal behind liseuse's back (another program, a
    /// message from the system), as Ctrl-L is there to mend.
    pub fn scribble(&mut self, y: u16, text: &str) {
        use ratatui::backend::Backend;
        let cells: Vec<(u16, u16, ratatui::buffer::Cell)> = text
            .chars()
            .enumerate()
            .map(|(x, c)| {
                let mut cell = ratatui::buffer::Cell::default();
                cell.set_char(c);
                (x as u16, y, cell)
            })
            .collect();
        let backend = self.rt.backend_mut();
        let _ = backend.draw(cells.iter().map(|(x, y, c)| (*x, *y, c)));
    }

    /// The reader's cursor line as a byte offset of the article.
    pub fn cursor(&self) -> Option<usize> {
        self.app().reader().map(|r| r.offset_of(r.cursor))
    }

    /// How the session copies to the clipboard (none by default: a copy says it cannot).
    pub fn on_copy(&mut self, copier: liseuse::runtime::Copier) {
        self.rt.on_copy(copier);
    }

    /// Every message the status line holds, the one shown first.
    pub fn messages(&self) -> Vec<String> {
        self.app().status.messages().map(str::to_string).collect()
    }

    pub fn quitting(&self) -> bool {
        self.rt.quitting()
    }

    /// How many article texts the loader read to index them (a warm start reads none).
    pub fn texts_read(&self) -> usize {
        self.rt.texts_read()
    }

    /// Ends the session as quitting does: positions saved, what could not be said.
    pub fn finish(self) -> (liseuse::runtime::Ending, tempfile::TempDir) {
        let Headless { rt, home } = self;
        (rt.finish(), home)
    }
}

pub fn parse_keys(s: &str) -> Vec<Key> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let name = &rest[1..end];
            out.push(named(name));
            rest = &rest[end + 1..];
            continue;
        }
        out.push(Key::plain(KeyCode::Char(c)));
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn named(name: &str) -> Key {
    if let Some(c) = name.strip_prefix("C-") {
        return Key::ctrl(c.chars().next().expect("a letter after C-"));
    }
    let code = match name {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "S-Tab" => KeyCode::BackTab,
        "BS" => KeyCode::Backspace,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Space" => KeyCode::Char(' '),
        "lt" => KeyCode::Char('<'),
        "F1" => KeyCode::F(1),
        other => panic!("no key named <{other}>"),
    };
    Key::plain(code)
}

/// A folder of articles written by the test.
pub struct Folder {
    pub dir: tempfile::TempDir,
}

impl Folder {
    pub fn new(files: &[(&str, &str)]) -> Folder {
        let f = Folder {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        for (name, text) in files {
            f.write(name, text);
        }
        f
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(&p, text).expect("write");
        p
    }
}
