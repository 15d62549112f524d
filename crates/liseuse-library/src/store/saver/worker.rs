//! The saver's thread: commands taken in, each store saved when it is due, a lock waited for
//! without freezing anything, failed writes retried with a backoff, and every outcome reported.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::super::report::{Kept, Outcome, Pending, StoreCommand, StoreReport};
use super::super::{BookmarkStore, PositionStore, StoreError};
use super::Msg;
use crate::bookmark::BookmarkSet;

/// Between two attempts while another process holds the lock.
const LOCK_RETRY: Duration = Duration::from_millis(100);
/// After a failed write, the first retry; doubled up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(1);
const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// Positions change at every article left: gathered this long into one save.
const POSITIONS_DELAY: Duration = Duration::from_millis(500);
/// When the loop goes away without [`Saver::close`], the time a last save may take.
const LAST_TRY: Duration = Duration::from_secs(2);

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

pub(super) struct Worker {
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
    /// The worker of two stores, each lock waited for `lock_wait` at a time, its first report
    /// (what is pending) published.
    pub(super) fn new(
        mut bookmarks: BookmarkStore,
        mut positions: PositionStore,
        report: Box<dyn FnMut(StoreReport) + Send>,
        lock_wait: Duration,
    ) -> Worker {
        bookmarks.set_lock_wait(lock_wait);
        positions.set_lock_wait(lock_wait);
        let worker = Worker {
            bookmarks,
            positions,
            report,
            shared: Arc::new(Mutex::new(Pending::default())),
            b: FileState::default(),
            p: FileState::default(),
            applied: 0,
        };
        worker.publish();
        worker
    }

    /// What is pending, as the worker last published it, shared with the [`Saver`](super::Saver).
    pub(super) fn shared(&self) -> Arc<Mutex<Pending>> {
        self.shared.clone()
    }

    pub(super) fn run(mut self, rx: &Receiver<Msg>) {
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

    /// Positions changed: saved after [`POSITIONS_DELAY`] (changes gathered into one save), unless
    /// a save is already due sooner.
    fn positions_due(&mut self) {
        if self.positions.unsaved() > 0 {
            self.p
                .due
                .get_or_insert_with(|| Instant::now() + POSITIONS_DELAY);
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
                    self.positions_due();
                }
                self.publish();
                return;
            }
            StoreCommand::MarkRead(path) => {
                if self.positions.read_only().is_none() {
                    self.positions.mark_read(&path);
                    self.positions_due();
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
