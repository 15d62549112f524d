//! The terminal: entering and leaving liseuse's screen, and turning terminal events into the
//! app's events. The only module besides `ui` that knows crossterm.

use crate::event::{Event, Mouse};
use crate::keys::keymap::{Key, KeyCode};
use ratatui::crossterm::event::{self, Event as CtEvent, KeyEventKind, KeyModifiers};
use ratatui::crossterm::{cursor, execute, terminal};
use ratatui::prelude::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::mpsc::Sender;

pub type Term = ratatui::Terminal<CrosstermBackend<Stdout>>;

/// Held while a frame is drawn (see [`draw`]); the panic hook takes it to stop drawing.
static SCREEN: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Whether liseuse holds the terminal (raw mode, alternate screen): [`restore`] gives it back
/// only then. Restoring twice is not harmless: leaving the alternate screen from the main
/// screen puts the cursor back where it was at start, and the shell then writes over what was
/// printed since (the panic message, issue 24.11).
static TAKEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Runs `f` (anything that writes to the terminal) unless a panic elsewhere has taken the
/// terminal back: a panicking thread holds this lock from restoring the terminal to the end.
pub fn with_screen<T>(f: impl FnOnce() -> T) -> T {
    let _writing = SCREEN.lock().unwrap_or_else(|e| e.into_inner());
    f()
}

/// Draws one frame, unless a panic elsewhere has taken the terminal back.
pub fn draw<B: ratatui::backend::Backend>(
    term: &mut ratatui::Terminal<B>,
    f: impl FnOnce(&mut ratatui::Frame),
) -> io::Result<()> {
    let _drawing = SCREEN.lock().unwrap_or_else(|e| e.into_inner());
    term.draw(f)
        .map(|_| ())
        .map_err(|e| io::Error::other(e.to_string()))
}

/// Restores the terminal when dropped: on quit, on an error returned from the loop, and while
/// unwinding from a panic.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode, alternate screen, hidden cursor; and a panic hook that restores the terminal
/// before the panic message is printed, so the message is readable and the shell usable, then
/// writes a crash report (see [`liseuse_library::crash`]).
pub fn enter() -> io::Result<(Term, Guard)> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Off the main thread, wait for a frame being drawn to finish and keep the loop from
        // drawing another: otherwise it hides the cursor again on the restored terminal.
        let on_main = std::thread::current().name() == Some("main");
        let _held = (!on_main).then(|| SCREEN.lock().unwrap_or_else(|e| e.into_inner()));
        restore();
        previous(info);
        liseuse_library::crash::report(info);
        // A background thread's panic would leave the loop drawing on a terminal that is no
        // longer set up for it: end the process, as a panic on the main thread does.
        if !on_main {
            std::process::exit(101);
        }
    }));
    let guard = Guard;
    take_screen()?;
    let term = ratatui::Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok((term, guard))
}

/// Raw mode, the alternate screen, the cursor hidden, mouse and bracketed paste on.
fn take_screen() -> io::Result<()> {
    TAKEN.store(true, std::sync::atomic::Ordering::SeqCst);
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        terminal::EnterAlternateScreen,
        cursor::Hide,
        event::EnableMouseCapture,
        // A paste arrives as one event, not as keys that would each run a command.
        event::EnableBracketedPaste
    )
}

/// Ctrl-Z or SIGTSTP: the terminal as it was before liseuse, the process stopped until `fg`,
/// then the screen taken again (the runtime draws it whole).
pub fn suspend() -> io::Result<()> {
    let _drawing = SCREEN.lock().unwrap_or_else(|e| e.into_inner());
    restore();
    crate::runtime::signals::stop();
    take_screen()
}

/// Leaves the alternate screen, shows the cursor and turns raw mode off, once: calls after
/// the first (the panic hook's, then the guard's while unwinding) do nothing.
pub fn restore() {
    if !TAKEN.swap(false, std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        io::stdout(),
        event::DisableBracketedPaste,
        event::DisableMouseCapture,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

/// Reads terminal events on their own thread and forwards them to the event loop.
pub fn spawn_input(tx: Sender<Event>) {
    std::thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if let Some(ev) = translate(ev)
                && tx.send(ev).is_err()
            {
                break;
            }
        }
    });
}

fn translate(ev: CtEvent) -> Option<Event> {
    match ev {
        CtEvent::Key(k) if k.kind != KeyEventKind::Release => {
            use event::KeyCode as C;
            let code = match k.code {
                C::Char(c) => KeyCode::Char(c),
                C::Enter => KeyCode::Enter,
                C::Esc => KeyCode::Esc,
                C::Tab => KeyCode::Tab,
                C::BackTab => KeyCode::BackTab,
                C::Backspace => KeyCode::Backspace,
                C::Delete => KeyCode::Delete,
                C::Up => KeyCode::Up,
                C::Down => KeyCode::Down,
                C::Left => KeyCode::Left,
                C::Right => KeyCode::Right,
                C::PageUp => KeyCode::PageUp,
                C::PageDown => KeyCode::PageDown,
                C::Home => KeyCode::Home,
                C::End => KeyCode::End,
                C::F(n) => KeyCode::F(n),
                _ => return None,
            };
            Some(Event::Key(Key {
                code,
                ctrl: k.modifiers.contains(KeyModifiers::CONTROL),
                alt: k.modifiers.contains(KeyModifiers::ALT),
            }))
        }
        CtEvent::Resize(w, h) => Some(Event::Resize(w, h)),
        CtEvent::Paste(text) => Some(Event::Paste(text)),
        CtEvent::Mouse(m) => {
            use event::{MouseButton, MouseEventKind as K};
            let (x, y) = (m.column, m.row);
            match m.kind {
                K::Down(MouseButton::Left) => Some(Event::Mouse(Mouse::Click { x, y })),
                K::ScrollDown => Some(Event::Mouse(Mouse::Scroll { x, y, down: true })),
                K::ScrollUp => Some(Event::Mouse(Mouse::Scroll { x, y, down: false })),
                _ => None,
            }
        }
        _ => None,
    }
}
