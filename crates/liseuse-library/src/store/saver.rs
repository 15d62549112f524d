//! Saving beside the event loop. A save takes a lock that another liseuse may hold for a while
//! (a large file on a slow disk), then fsyncs: neither may freeze the screen. The [`Saver`] owns
//! the two stores on a thread of its own; the loop hands it [`StoreCommand`]s without waiting
//! and hears back [`StoreReport`]s through a callback. A change is in memory (and in the next
//! report's list) at once, on disk as soon as the lock is free; until then it is
//! [`pending`](Saver::pending), retried, and never dropped. Quitting asks for a
//! [`flush`](Saver::flush) that waits at most as long as the caller says.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::report::{Kept, Outcome, Pending, StoreCommand, StoreReport};
use super::{BookmarkStore, PositionStore, StoreError};
use crate::bookmark::BookmarkSet;

/// How long one save attempt waits for the lock before the saver reports it is waiting.
const LOCK_ATTEMPT: Duration = Duration::from_millis(50);
/// Between two attempts while another process holds the lock.
const LOCK_RETRY: Duration = Duration::from_millis(100);
/// After a failed write, the first retry; doubled up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(1);
const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// Positions change at every article left: gathered this long into one save.
const POSITIONS_DELAY: Duration = Duration::from_millis(500);
/// When the loop goes away without [`Saver::close`], the time a last save may take.
const LAST_TRY: Duration = Duration::from_secs(2);

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
        let mut worker = Worker {
            bookmarks,
            positions,
            report: Box::new(report),
            shared: Arc::new(Mutex::new(Pending::default())),
            b: FileState::default(),
            p: FileState::default(),
            applied: 0,
        };
        worker.bookmarks.set_lock_wait(LOCK_ATTEMPT);
        worker.positions.set_lock_wait(LOCK_ATTEMPT);
        worker.publish();
        let pending = worker.shared.clone();
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

/// What was last reported about a file's saving, so that a wait is said once, not every 100 ms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum Trouble {
    #[default]
    None,
    Waiting,
    Failed(String),
    ReadOnly(String),
}

/// The saving state of one file.
#[derive(Debug, Default)]
struct FileState {
    /// When to try saving next; `None` when nothing waits or nothing can be saved.
    due: Option<Instant>,
    trouble: Trouble,
    /// Failed writes in a row, for the backoff.
    failures: u32,
}

struct Worker {
    bookmarks: BookmarkStore,
    positions: PositionStore,
    report: Box<dyn FnMut(StoreReport) + Send>,
    shared: Arc<Mutex<Pending>>,
    b: FileState,
    p: FileState,
    /// Bookmark commands taken in so far (see [`StoreReport::applied`]).
    applied: u64,
}

impl Worker {
    fn run(mut self, rx: &Receiver<Msg>) {
        loop {
            let next = match self.next_due() {
                Some(due) => rx.recv_timeout(due.saturating_duration_since(Instant::now())),
                None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match next {
                Ok(Msg::Stop) => return,
                Ok(msg) => {
                    self.handle(msg);
                    // A burst of commands is applied first, then saved once.
                    while let Ok(msg) = rx.try_recv() {
                        if matches!(msg, Msg::Stop) {
                            return;
                        }
                        self.handle(msg);
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            let now = Instant::now();
            for kept in [Kept::Bookmarks, Kept::Positions] {
                if self.state(kept).due.is_some_and(|t| t <= now) {
                    self.save(kept);
                }
            }
        }
        self.flush_until(Instant::now() + LAST_TRY);
    }

    fn state(&mut self, kept: Kept) -> &mut FileState {
        match kept {
            Kept::Bookmarks => &mut self.b,
            Kept::Positions => &mut self.p,
        }
    }

    fn next_due(&self) -> Option<Instant> {
        match (self.b.due, self.p.due) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn handle(&mut self, msg: Msg) {
        match msg {
            Msg::Command(c) => self.command(*c),
            Msg::Flush { deadline, reply } => {
                self.flush_until(deadline);
                let _ = reply.send(self.pending());
            }
            Msg::Stop => {}
        }
    }

    fn command(&mut self, command: StoreCommand) {
        let outcome = match command {
            StoreCommand::SavePosition {
                path,
                top,
                cursor,
                hash,
            } => {
                if self.positions.read_only().is_none() {
                    self.positions.set_place(&path, top, cursor, &hash);
                    self.positions.set_last_article(&path);
                    if self.positions.unsaved() > 0 {
                        self.p
                            .due
                            .get_or_insert_with(|| Instant::now() + POSITIONS_DELAY);
                    }
                }
                self.publish();
                return;
            }
            StoreCommand::MarkRead(path) => {
                if self.positions.read_only().is_none() {
                    self.positions.mark_read(&path);
                    if self.positions.unsaved() > 0 {
                        self.p
                            .due
                            .get_or_insert_with(|| Instant::now() + POSITIONS_DELAY);
                    }
                }
                self.publish();
                return;
            }
            StoreCommand::AddBookmark(b) => {
                let id = b.id.clone();
                self.bookmarks.add_later(b).map(|()| Outcome::Added(id))
            }
            StoreCommand::DeleteBookmark(id) => {
                self.bookmarks.delete_later(&id).map(|gone| match gone {
                    Some(b) => Outcome::Deleted(Box::new(b)),
                    None => Outcome::NotFound(id),
                })
            }
            StoreCommand::SetNote { id, note } => {
                self.bookmarks
                    .set_note_later(&id, &note)
                    .map(|found| match found {
                        true => Outcome::NoteSet(id),
                        false => Outcome::NotFound(id),
                    })
            }
        };
        let outcome = outcome.unwrap_or_else(|e| Outcome::Refused {
            kept: Kept::Bookmarks,
            reason: refusal(e),
        });
        self.applied += 1;
        if self.bookmarks.unsaved() > 0 && self.bookmarks.read_only().is_none() {
            // A new change is tried at once, whatever the backoff: the person who just freed
            // some disk space expects it to work now.
            self.b.due = Some(Instant::now());
        }
        self.send(outcome, true);
    }

    /// Tries until nothing that can be saved waits, or `deadline`.
    fn flush_until(&mut self, deadline: Instant) {
        loop {
            for kept in [Kept::Bookmarks, Kept::Positions] {
                if self.state(kept).due.is_some() {
                    self.save(kept);
                }
            }
            let now = Instant::now();
            match self.next_due() {
                Some(_) if now < deadline => std::thread::sleep(LOCK_RETRY.min(deadline - now)),
                _ => return,
            }
        }
    }

    /// One attempt at saving `kept`; reports what changed since the last attempt.
    fn save(&mut self, kept: Kept) {
        let result = match kept {
            Kept::Bookmarks => self.bookmarks.flush(),
            Kept::Positions => self.positions.save(),
        };
        let state = self.state(kept);
        let now = Instant::now();
        let trouble = match result {
            Ok(()) => Trouble::None,
            Err(e) if e.is_lock_busy() => Trouble::Waiting,
            Err(StoreError::ReadOnly(reason)) => Trouble::ReadOnly(reason),
            Err(e) => Trouble::Failed(e.cause()),
        };
        state.failures = match trouble {
            Trouble::Failed(_) => state.failures.saturating_add(1),
            _ => 0,
        };
        state.due = match trouble {
            Trouble::None | Trouble::ReadOnly(_) => None,
            Trouble::Waiting => Some(now + LOCK_RETRY),
            Trouble::Failed(_) => Some(now + backoff(state.failures)),
        };
        let was = std::mem::replace(&mut state.trouble, trouble.clone());
        let outcome = match trouble {
            Trouble::None if was == Trouble::None => Outcome::Saved(kept),
            Trouble::None => Outcome::Recovered(kept),
            // Said already: only the pending counts move.
            t if t == was => return self.publish(),
            Trouble::Waiting => Outcome::Waiting(kept),
            Trouble::ReadOnly(reason) => Outcome::Refused { kept, reason },
            Trouble::Failed(reason) => Outcome::Failed { kept, reason },
        };
        // Copying the list to compare it took as long as the save with 100,000 bookmarks.
        let changed = kept == Kept::Bookmarks && self.bookmarks.take_changed();
        self.send(outcome, changed);
    }

    fn pending(&self) -> Pending {
        let bookmarks = self.bookmarks.unsaved();
        // Positions of a read-only file are never saved; the start said so once.
        let positions = match self.positions.read_only() {
            Some(_) => 0,
            None => self.positions.unsaved(),
        };
        let why = |s: &FileState| match &s.trouble {
            Trouble::Failed(why) | Trouble::ReadOnly(why) => Some(why.clone()),
            Trouble::None | Trouble::Waiting => None,
        };
        let error = match (bookmarks > 0, positions > 0) {
            (true, _) => why(&self.b),
            (false, true) => why(&self.p),
            (false, false) => None,
        };
        let waiting = (bookmarks > 0 && self.b.trouble == Trouble::Waiting)
            || (positions > 0 && self.p.trouble == Trouble::Waiting);
        Pending {
            bookmarks,
            positions,
            waiting,
            error,
        }
    }

    fn publish(&self) {
        if let Ok(mut p) = self.shared.lock() {
            *p = self.pending();
        }
    }

    fn send(&mut self, outcome: Outcome, with_list: bool) {
        self.publish();
        let report = StoreReport {
            outcome,
            // Built here, beside the loop: the loop only swaps it in (issue 24.9).
            bookmarks: with_list
                .then(|| Arc::new(BookmarkSet::new(self.bookmarks.bookmarks().to_vec()))),
            applied: self.applied,
            read_only: self.bookmarks.read_only().map(str::to_owned),
            pending: self.pending(),
        };
        (self.report)(report);
    }
}

/// The read-only reason alone (the store's error says "not saved: …" around it).
fn refusal(e: StoreError) -> String {
    match e {
        StoreError::ReadOnly(reason) => reason,
        other => other.cause(),
    }
}

fn backoff(failures: u32) -> Duration {
    let doublings = failures.saturating_sub(1).min(5);
    (FIRST_BACKOFF * 2u32.pow(doublings)).min(MAX_BACKOFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_its_cap() {
        assert_eq!(backoff(1), FIRST_BACKOFF);
        assert_eq!(backoff(2), FIRST_BACKOFF * 2);
        assert_eq!(backoff(40), MAX_BACKOFF);
    }
}
