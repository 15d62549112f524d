//! Saving beside the event loop. A save takes a lock that another liseuse may hold for a while
//! (a large file on a slow disk), then fsyncs: neither may freeze the screen. The [`Saver`] owns
//! the two stores on a thread of its own; the loop hands it [`StoreCommand`]s without waiting
//! and hears back [`StoreReport`]s through a callback. A change is in memory (and in the next
//! report's list) at once, on disk as soon as the lock is free; until then it is
//! [`pending`](Saver::pending), retried, and never dropped. Quitting asks for a
//! [`flush`](Saver::flush) that waits at most as long as the caller says.

use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::report::{Pending, StoreCommand, StoreReport};
use super::{BookmarkStore, PositionStore};

mod worker;

use worker::Worker;

/// How long one save attempt waits for the lock before the saver reports it is waiting.
const LOCK_ATTEMPT: Duration = Duration::from_millis(50);

enum Msg {
    Command(Box<StoreCommand>),
    Flush {
        deadline: Instant,
        reply: Sender<Pending>,
    },
    /// [`Saver::close`] said what is lost: no more tries, or a late save would belie it.
    Stop,
}

/// Lines to show about what the stores found at start: a damaged, newer or unreadable file,
/// or a link to nothing, each with what it means (the file is not written this session).
pub fn startup_notices(bookmarks: &BookmarkStore, positions: &PositionStore) -> Vec<String> {
    let mut notices = Vec::new();
    if let Some(why) = bookmarks.read_only() {
        notices.push(format!("bookmarks are read-only: {why}"));
    }
    if let Some(why) = positions.read_only() {
        notices.push(format!("reading positions: {why}"));
    }
    notices
}

/// The stores, saved on their own thread. See the module's documentation.
pub struct Saver {
    tx: Sender<Msg>,
    pending: Arc<Mutex<Pending>>,
}

/// What [`Saver::close`] leaves: what could not be saved, and the lines to print once the
/// terminal is restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closed {
    /// What was still only in memory.
    pub pending: Pending,
    /// The lines to print on stderr.
    pub lines: Vec<String>,
}

impl Closed {
    /// Bookmark changes were lost: liseuse should exit with a failure status.
    pub fn lost_bookmarks(&self) -> bool {
        self.pending.bookmarks > 0
    }
}

impl Saver {
    /// Starts the saver thread with the two stores; `report` is called on that thread with
    /// each outcome (send it on to the loop; it must not block). Fails only when the system
    /// has no thread to give.
    pub fn spawn(
        bookmarks: BookmarkStore,
        positions: PositionStore,
        report: impl FnMut(StoreReport) + Send + 'static,
    ) -> std::io::Result<Saver> {
        let (tx, rx) = mpsc::channel();
        let worker = Worker::new(bookmarks, positions, Box::new(report), LOCK_ATTEMPT);
        let pending = worker.shared();
        std::thread::Builder::new()
            .name(String::from("liseuse-saver"))
            .spawn(move || worker.run(&rx))?;
        Ok(Saver { tx, pending })
    }

    /// Hands over a change; returns at once. Its outcome comes as a report.
    pub fn send(&self, command: StoreCommand) {
        let _ = self.tx.send(Msg::Command(Box::new(command)));
    }

    /// What is only in memory, as of the saver's last step.
    pub fn pending(&self) -> Pending {
        self.pending.lock().map(|p| p.clone()).unwrap_or_default()
    }

    /// Saves everything pending (every command sent before this call included), waiting at
    /// most `within`; returns what is still only in memory then.
    pub fn flush(&self, within: Duration) -> Pending {
        let deadline = Instant::now() + within;
        let (reply, answer) = mpsc::channel();
        if self.tx.send(Msg::Flush { deadline, reply }).is_err() {
            return self.pending();
        }
        // A save stuck in the kernel (a dead network disk) must not hold quitting: a little
        // beyond the deadline, what the saver last published is the answer.
        let grace = deadline.saturating_duration_since(Instant::now()) + LOCK_ATTEMPT * 2;
        answer
            .recv_timeout(grace)
            .unwrap_or_else(|_| self.pending())
    }

    /// On the way out: [`flush`](Self::flush) for at most `within`, then what was lost, said
    /// in lines for the restored terminal.
    pub fn close(self, within: Duration) -> Closed {
        let pending = self.flush(within);
        let _ = self.tx.send(Msg::Stop);
        let why = pending
            .error
            .clone()
            .unwrap_or_else(|| String::from("another liseuse kept the file locked"));
        let mut lines = Vec::new();
        if pending.positions > 0 {
            lines.push(format!("reading position not saved: {why}"));
        }
        if pending.bookmarks > 0 {
            lines.push(format!(
                "{} bookmark change(s) could not be saved ({why}): they are lost when liseuse exits",
                pending.bookmarks,
            ));
        }
        Closed { pending, lines }
    }
}
