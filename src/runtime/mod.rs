//! The event loop, generic over ratatui's backend: draw, wait for events, hand them to
//! [`App::update`], carry out the effects it asks for, draw again. Production runs it on the
//! terminal (`main.rs`); tests run the very same loop on `TestBackend`, sending keys through
//! [`Runtime::sender`] as the terminal's input thread does and reading the screen.
//!
//! Effects are carried out in one place, [`Runtime::carry_out`]: the stores ([`data`]), the
//! loader (which also reads texts to show and searches across articles), the fetches from the
//! web ([`fetch`]), the browser and the clipboard ([`outside`]) and the terminal itself.

mod corrections;
mod data;
mod fetch;
mod inbox;
mod input;
pub mod outside;
pub mod signals;
mod start;
pub mod term;

pub use start::{Options, boot};

use crate::app::{App, Effect, Event};
use crate::ui::{self, Theme};
use data::Data;
use inbox::{Inbox, Next};
use liseuse_library::loader::Loader;
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::io;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

/// How long background results are gathered, or taken in, before a frame shows them.
const BACKGROUND_FRAME: Duration = Duration::from_millis(50);
/// Most events taken in one frame: a flood (a 100,000-file walk) still lets frames through.
const MAX_BATCH: usize = 4096;
/// Most time spent taking in what is already queued once the frame's time is up: a walk's
/// batches or a warm start's thousands of results cost milliseconds each at 100,000 articles,
/// and taking in all that had queued froze the screen for seconds at a time.
const HANDLING: Duration = Duration::from_millis(50);
/// Once a key is in, the most background results taken before its frame, and the most time:
/// at 100,000 articles taking in what had queued drew a key 50-100 ms late; taking none left
/// them waiting for good while keys came without a pause.
const AFTER_KEY: usize = 256;
const AFTER_KEY_TIME: Duration = Duration::from_millis(5);

/// The largest area drawn, whatever size the terminal says it has: the frame's buffers are
/// allocated by it, and `stty rows 65535 cols 65535` asked for 206 GB (issue 24.3). Larger
/// than any screen; a terminal larger still shows the frame in its top-left corner.
pub const MAX_COLS: u16 = 1000;
pub const MAX_ROWS: u16 = 500;

/// A terminal size as liseuse takes it: at most [`MAX_COLS`] × [`MAX_ROWS`].
pub fn capped(width: u16, height: u16) -> (u16, u16) {
    (width.min(MAX_COLS), height.min(MAX_ROWS))
}

pub struct Runtime<B: Backend> {
    terminal: Terminal<B>,
    app: App,
    theme: Theme,
    /// What came in and is not taken yet, the user's first.
    inbox: Inbox,
    sender: Sender<Event>,
    loader: Loader,
    data: Data,
    corrections: corrections::Corrections,
    fetcher: fetch::Fetcher,
    /// The browser to open links with, when not `$BROWSER` (tests).
    browser: Option<String>,
    /// How to put text on the terminal's clipboard, or why it cannot be.
    copier: Copier,
    quit: bool,
    /// The signal that ended the session, if one did.
    signal: Option<i32>,
    /// How to give the terminal back and stop (Ctrl-Z, SIGTSTP), then take it again; none
    /// for a backend that is no terminal.
    suspend: Option<Box<dyn FnMut() -> io::Result<()>>>,
    /// The next frame is drawn whole: what the terminal shows may not be the last frame (after
    /// a resize, which can cut or reflow it, or Ctrl-L).
    redraw: bool,
    /// Where the text's width set with `+` and `-` is kept (none without a data directory),
    /// and the width the session started with: a change is kept at the end.
    view: Option<liseuse_library::store::ViewStore>,
    start_width: usize,
}

/// How to put text on the terminal's clipboard, or why it cannot be.
pub type Copier = Result<Box<dyn FnMut(&str) -> io::Result<()>>, String>;

/// Frees `x` on a thread of its own when this was its last holder: a snapshot of 100,000
/// bookmarks is a million allocations to free, a second of the loop's time.
fn release<T: Send + Sync + 'static>(x: std::sync::Arc<T>) {
    if std::sync::Arc::strong_count(&x) == 1 {
        let _ = std::thread::Builder::new()
            .name(String::from("liseuse-release"))
            .spawn(move || drop(x));
    }
}

/// How the session ended, for the process's exit.
#[derive(Debug, Default)]
pub struct Ending {
    /// What to print on stderr once the terminal is restored.
    pub messages: Vec<String>,
    /// Something the user kept was lost: the exit status says so.
    pub lost: bool,
    /// Ended by this signal: the process exits with 128 + it.
    pub signal: Option<i32>,
}

impl<B: Backend> Runtime<B> {
    pub fn app(&self) -> &App {
        &self.app
    }

    pub fn backend(&self) -> &B {
        self.terminal.backend()
    }

    /// The backend itself: tests resize it or write over it, as a terminal can be.
    pub fn backend_mut(&mut self) -> &mut B {
        self.terminal.backend_mut()
    }

    /// Where events come in: the terminal's input thread, and tests, send here.
    pub fn sender(&self) -> Sender<Event> {
        self.sender.clone()
    }

    /// How to suspend the process (set by `main.rs` for the terminal).
    pub fn on_suspend(&mut self, f: impl FnMut() -> io::Result<()> + 'static) {
        self.suspend = Some(Box::new(f));
    }

    /// How many article texts the loader read to index them (a warm start reads none).
    pub fn texts_read(&self) -> usize {
        self.loader.texts_read()
    }

    /// How to put text on the clipboard (set by `main.rs` where the terminal takes OSC 52), or
    /// why it cannot be, which a copy then says.
    pub fn on_copy(&mut self, f: Copier) {
        self.copier = f;
    }

    /// Carries out effects asked for outside `update` (the start's).
    pub fn apply(&mut self, fx: Vec<Effect>) -> io::Result<()> {
        let mut replies = Vec::new();
        for effect in fx {
            self.carry_out(effect, &mut replies)?;
        }
        for ev in replies {
            self.handle(ev)?;
        }
        Ok(())
    }

    /// Whether the user asked to quit.
    pub fn quitting(&self) -> bool {
        self.quit
    }

    pub fn draw(&mut self) -> io::Result<()> {
        // The terminal's size as it is now: resize events of a quick succession can arrive
        // with sizes already gone, and the frame must fit the screen there is.
        let size = self
            .terminal
            .size()
            .map_err(|e| io::Error::other(e.to_string()))?;
        let (width, height) = capped(size.width, size.height);
        if (width, height) != self.app.size {
            self.handle(Event::Resize(width, height))?;
        }
        if std::mem::take(&mut self.redraw) {
            // `resize` clears the screen and forgets the last frame, without asking the
            // terminal where its cursor is (which `clear` does, and not every terminal answers).
            // The terminal's frame is a fixed viewport (`term::enter`): only this sizes it.
            let area = ratatui::layout::Rect::new(0, 0, width, height);
            let terminal = &mut self.terminal;
            crate::runtime::term::with_screen(|| terminal.resize(area))
                .map_err(|e| io::Error::other(e.to_string()))?;
        }
        let (app, theme) = (&self.app, &self.theme);
        crate::runtime::term::draw(&mut self.terminal, |f| ui::draw(f, app, theme))
    }

    /// Runs until the user quits or every event source is gone. A frame that cannot be
    /// written means the terminal is gone (closed under liseuse): that is a hang-up, and what
    /// is pending is saved all the same.
    pub fn run(mut self) -> io::Result<Ending> {
        while !self.quit {
            if self.draw().is_err() {
                self.handle(Event::Signal(crate::event::Signal::End(signals::HANGUP)))?;
                break;
            }
            if !self.step(None)? {
                break;
            }
        }
        Ok(self.finish())
    }

    /// Waits for events (up to `wait`, or for ever with `None`), takes in what came, carries
    /// out its effects; the user's events first, whatever came before them (`inbox.rs`). Events
    /// are taken in as they come for up to a frame's time, so that
    /// background results (thousands while indexing) cost a few frames a second, not one each;
    /// once a key, or the article the user waits for, is in, the user's events already queued
    /// are taken before the frame, and at most [`AFTER_KEY`] of the rest ([`AFTER_KEY_TIME`]).
    /// Returns false when no event can come any more.
    pub fn step(&mut self, wait: Option<Duration>) -> io::Result<bool> {
        let mut ev = match self.inbox.next(wait) {
            Next::Event(ev) => ev,
            Next::Nothing => return Ok(true),
            Next::Closed => return Ok(false),
        };
        let started = Instant::now();
        let (mut urgent, mut taken, mut after_key) = (false, 0, 0);
        loop {
            urgent |= self.app.awaits(&ev);
            self.handle(ev)?;
            taken += 1;
            let spent = started.elapsed();
            if self.quit || taken >= MAX_BATCH || spent >= BACKGROUND_FRAME + HANDLING {
                break;
            }
            // Waited for while the frame's time lasts, unless the user waits; then the user's
            // events already queued, and a few of the rest (so that typing without a pause
            // does not leave the background's results waiting for good).
            if urgent {
                if let Some(next) = self.inbox.next_user() {
                    ev = next;
                    continue;
                }
                if after_key >= AFTER_KEY || spent >= AFTER_KEY_TIME {
                    break;
                }
                after_key += 1;
                match self.inbox.next(Some(Duration::ZERO)) {
                    Next::Event(next) => ev = next,
                    Next::Nothing | Next::Closed => break,
                }
                continue;
            }
            let wait = BACKGROUND_FRAME.saturating_sub(spent);
            match self.inbox.next(Some(wait)) {
                Next::Event(next) => ev = next,
                Next::Nothing | Next::Closed => break,
            }
        }
        Ok(true)
    }

    /// One event through `update`, and the effects it asks for (and those of the replies).
    pub fn handle(&mut self, ev: Event) -> io::Result<()> {
        let mut queue = vec![ev];
        while let Some(ev) = queue.pop() {
            let mut fx = Vec::new();
            self.app.update(ev, &mut fx);
            let mut replies = Vec::new();
            for effect in fx {
                self.carry_out(effect, &mut replies)?;
            }
            // Replies in the order they were made.
            queue.extend(replies.into_iter().rev());
        }
        Ok(())
    }

    fn carry_out(&mut self, effect: Effect, replies: &mut Vec<Event>) -> io::Result<()> {
        match effect {
            Effect::Quit => self.quit = true,
            Effect::QuitBySignal(n) => {
                self.quit = true;
                self.signal = Some(n);
            }
            Effect::Suspend => {
                if let Some(f) = &mut self.suspend {
                    // Positions are on disk before the process stops: it may never resume.
                    self.data.save_positions();
                    f()?;
                    self.redraw = true;
                }
            }
            Effect::Redraw => self.redraw = true,
            Effect::Load(entries) => self.loader.read_all(entries),
            Effect::Read(entries) => {
                for (i, entry) in entries {
                    self.loader.open(i, entry);
                }
            }
            Effect::Walked => self.loader.walked(),
            Effect::SaveCache => self.loader.save_cache(),
            Effect::Release(set) => release(set),
            Effect::Correct(c) => self.corrections.change(Some(c)),
            Effect::UndoCorrection => self.corrections.change(None),
            Effect::ApplyCorrections(list) => self.loader.set_corrections(list),
            Effect::Forget(i) => self.loader.forget(i),
            Effect::SearchCorpus {
                generation,
                query,
                roots,
            } => self.loader.search(generation, query, roots),
            Effect::FetchFeeds { asked } => self.fetcher.feeds(!asked),
            Effect::FetchPages { run, urls } => self.fetcher.pages(run, urls),
            Effect::Browse(url) => {
                if let Err(why) = outside::browse(&url, self.browser.as_deref()) {
                    replies.push(Event::Said(why));
                }
            }
            Effect::Copy(text) => {
                let said = match &mut self.copier {
                    Ok(copy) => match copy(&text) {
                        Ok(()) => format!("copied {text}"),
                        Err(e) => format!("could not copy: {e}; the address: {text}"),
                    },
                    Err(why) => format!("{why}; the address: {text}"),
                };
                replies.push(Event::Said(said));
            }
            e @ (Effect::AddBookmark(_)
            | Effect::DeleteBookmark(_)
            | Effect::SetNote(..)
            | Effect::SavePosition { .. }
            | Effect::MarkRead(_)) => self.data.apply(e, replies),
        }
        Ok(())
    }

    /// Saves what is pending and says what could not be.
    pub fn finish(mut self) -> Ending {
        self.fetcher.stop();
        release(std::mem::take(&mut self.app.bookmarks.saved));
        let width = self.app.layout.max_text_width;
        let kept = match &mut self.view {
            Some(v) if width != self.start_width => v.set_text_width(width).err(),
            _ => None,
        };
        let (mut messages, lost) = self.data.close();
        if let Some(e) = kept {
            messages.push(format!("the text's width was not kept: {e}"));
        }
        let ending = Ending {
            messages,
            lost,
            signal: self.signal,
        };
        // Not dropped: ratatui's `Terminal` shows the cursor when dropped and, when it cannot
        // (the terminal is gone), says so with `eprintln!`, which panics when stderr is that
        // gone terminal (issue 23.1). `term::restore` shows the cursor; the process ends.
        std::mem::forget(self.terminal);
        ending
    }
}
