//! Signals from outside, turned into events: TERM, INT, HUP and QUIT end the session as
//! quitting does (what is pending saved, the terminal restored, exit status 128 + the
//! signal); TSTP suspends it and CONT has it drawn again, as less does; WINCH (the window
//! resized) has it drawn at the new size. Without a handler,
//! each of them left the terminal raw, on the alternate screen, with the mouse reported.

use crate::event::{Event, Signal};
use std::sync::mpsc::Sender;

/// The number of SIGHUP: the terminal went away (closed, or its input ended), exit 129.
#[cfg(unix)]
pub const HANGUP: i32 = signal_hook::consts::SIGHUP;
#[cfg(not(unix))]
pub const HANGUP: i32 = 1;

/// Listens on a thread of its own for as long as the process runs.
#[cfg(unix)]
pub fn spawn(tx: Sender<Event>) {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([
        SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH,
    ]) else {
        return;
    };
    std::thread::spawn(move || {
        for sig in signals.forever() {
            let ev = match sig {
                SIGTSTP => Event::Signal(Signal::Suspend),
                SIGCONT => Event::Signal(Signal::Continue),
                // The window's size changed: the next frame asks for it (the input is read
                // by `input`, not crossterm, whose reader heard of it before).
                SIGWINCH => Event::Redraw,
                n => Event::Signal(Signal::End(n)),
            };
            if tx.send(ev).is_err() {
                break;
            }
        }
    });
}

#[cfg(not(unix))]
pub fn spawn(_tx: Sender<Event>) {}

/// Stops the process until it is continued (`fg`), the terminal given back meanwhile.
#[cfg(unix)]
pub fn stop() {
    // SIGSTOP cannot be caught: the process stops here, and goes on from here.
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
}

#[cfg(not(unix))]
pub fn stop() {}
