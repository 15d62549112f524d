//! The terminal: entering and leaving liseuse's screen, and reading its input on a thread
//! (parsed into the app's events by `input`). The only module besides `ui` that knows
//! crossterm.

use crate::event::Event;
use ratatui::crossterm::{cursor, event, execute, terminal};
use ratatui::prelude::CrosstermBackend;
use std::io::{self, IsTerminal, Stdout};
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
    // A fixed viewport, sized by the runtime at most `MAX_COLS` × `MAX_ROWS`: ratatui's own
    // resizing allocates by whatever size the terminal reports (issue 24.3).
    let (w, h) = terminal::size()?;
    let (w, h) = super::capped(w, h);
    let options = ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, w, h)),
    };
    let term = ratatui::Terminal::with_options(CrosstermBackend::new(io::stdout()), options)?;
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

/// Puts `text` on the terminal's clipboard (OSC 52), between frames.
pub fn copy(text: &str) -> io::Result<()> {
    use std::io::Write;
    let mut out = io::stdout().lock();
    out.write_all(super::outside::osc52(text).as_bytes())?;
    out.flush()
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

/// How long the input thread waits for input before it looks at a paste under way.
const INPUT_TICK: std::time::Duration = std::time::Duration::from_millis(100);

/// Reads the terminal's input on a thread of its own (parsed by `input`, not crossterm: see
/// there why) and forwards it to the event loop. The end of input (the terminal closed) is a
/// hang-up, whether SIGHUP came or not: crossterm waited on a gone terminal for ever,
/// spinning (issue 24.5).
#[cfg(unix)]
pub fn spawn_input(tx: Sender<Event>) {
    use std::io::Read;
    use std::os::fd::{AsFd, AsRawFd, OwnedFd};
    // Where crossterm would read: standard input when it is the terminal, else /dev/tty.
    let fd: Option<OwnedFd> = if io::stdin().is_terminal() {
        io::stdin().as_fd().try_clone_to_owned().ok()
    } else {
        std::fs::File::open("/dev/tty").ok().map(OwnedFd::from)
    };
    let Some(fd) = fd else { return };
    std::thread::spawn(move || {
        let mut tty = std::fs::File::from(fd);
        let mut parser = super::input::Parser::default();
        let mut buf = [0u8; 8192];
        let ended = loop {
            let mut p = libc::pollfd {
                fd: tty.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            let timeout = i32::try_from(INPUT_TICK.as_millis()).unwrap_or(100);
            // SAFETY: one valid pollfd; the descriptor is open for as long as `tty`.
            let n = unsafe { libc::poll(&mut p, 1, timeout) };
            let now = std::time::Instant::now();
            let events = if n > 0 && p.revents & libc::POLLIN != 0 {
                match tty.read(&mut buf) {
                    Ok(0) => break true,
                    Ok(n) => parser.feed(buf.get(..n).unwrap_or_default(), now),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => Vec::new(),
                    Err(_) => break true,
                }
            } else if n > 0 && p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                break true;
            } else {
                parser.tick(now)
            };
            for ev in events {
                if tx.send(ev).is_err() {
                    break;
                }
            }
        };
        if ended {
            let hangup = crate::runtime::signals::HANGUP;
            let _ = tx.send(Event::Signal(crate::event::Signal::End(hangup)));
        }
    });
}

/// Reads terminal events on their own thread and forwards them to the event loop.
#[cfg(not(unix))]
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

#[cfg(not(unix))]
fn translate(ev: event::Event) -> Option<Event> {
    use crate::event::Mouse;
    use crate::keys::keymap::{Key, KeyCode};
    use event::{Event as CtEvent, KeyEventKind, KeyModifiers};
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
        CtEvent::Resize(w, h) => {
            let (w, h) = super::capped(w, h);
            Some(Event::Resize(w, h))
        }
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
