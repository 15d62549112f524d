//! The events waiting to be taken in, in two queues: what the user does (keys, the mouse, a
//! resize, a paste, a signal, the answers to a search they typed, the stores' answers to a
//! change they made) and everything else (the
//! walk, the loader, the watcher, the stores). Everything comes on one channel; what it holds is
//! moved here as it is looked at, and the user's events are taken first. A warm start of
//! 100,000 articles queues a hundred thousand results in a second: behind them on one channel,
//! a key waited until all were taken in. A key taken before background results that came
//! earlier acts on what the screen showed when it was pressed, which did not show them either.
//!
//! Of the rest, what the folder walk lists comes before the loader's results: the articles
//! it lists are asked for when it is taken in, and the loader's index waits for the walk's
//! end (`Event::Walked`) to call the counts final. Behind 100,000 results of a warm start's
//! checking, the walk's end was taken in up to a second and a half after it came.

use crate::event::Event;
use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::time::Duration;

/// Events moved off the channel at one look, at most: the queues never hold much more than
/// the channel did.
const LOOK: usize = 65_536;

/// What [`Inbox::next`] found: returned and taken apart at once, never kept, so the size of
/// an `Event` in it costs nothing.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Next {
    /// An event to take in.
    Event(Event),
    /// Nothing came in the time given.
    Nothing,
    /// Nothing is queued and no event can come any more.
    Closed,
}

pub struct Inbox {
    events: Receiver<Event>,
    user: VecDeque<Event>,
    walk: VecDeque<Event>,
    rest: VecDeque<Event>,
    closed: bool,
}

/// Whether the user does it, or waits for it.
fn from_user(ev: &Event) -> bool {
    matches!(
        ev,
        Event::Key(_)
            | Event::Mouse(_)
            | Event::Action(_)
            | Event::Resize(..)
            | Event::Paste(_)
            | Event::Redraw
            | Event::Signal(_)
            | Event::Hits(_)
            // What the stores answer to a change the user made: a quit waits for it.
            | Event::Bookmarks { .. }
            | Event::Deleted(_)
            | Event::Corrections { .. }
            | Event::Store(_)
            | Event::Said(_)
    )
}

impl Inbox {
    pub fn new(events: Receiver<Event>) -> Inbox {
        Inbox {
            events,
            user: VecDeque::new(),
            walk: VecDeque::new(),
            rest: VecDeque::new(),
            closed: false,
        }
    }

    fn file(&mut self, ev: Event) {
        if from_user(&ev) {
            self.user.push_back(ev);
        } else if matches!(ev, Event::Discovered(_) | Event::Walked) {
            self.walk.push_back(ev);
        } else {
            self.rest.push_back(ev);
        }
    }

    /// Moves what the channel holds into the queues.
    fn look(&mut self) {
        for _ in 0..LOOK {
            match self.events.try_recv() {
                Ok(ev) => self.file(ev),
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    self.closed = true;
                    return;
                }
            }
        }
    }

    /// The user's next event if one is queued, and none of the rest.
    pub fn next_user(&mut self) -> Option<Event> {
        self.look();
        self.user.pop_front()
    }

    /// The next event, the user's first: at once if one is queued, else waiting up to `wait`
    /// (for ever with `None`).
    pub fn next(&mut self, wait: Option<Duration>) -> Next {
        self.look();
        let queued = self.user.pop_front();
        if let Some(ev) = queued
            .or_else(|| self.walk.pop_front())
            .or_else(|| self.rest.pop_front())
        {
            return Next::Event(ev);
        }
        if self.closed {
            return Next::Closed;
        }
        let got = match wait {
            None => self
                .events
                .recv()
                .map_err(|_| RecvTimeoutError::Disconnected),
            Some(w) if w.is_zero() => return Next::Nothing,
            Some(w) => self.events.recv_timeout(w),
        };
        match got {
            Ok(ev) => Next::Event(ev),
            Err(RecvTimeoutError::Timeout) => Next::Nothing,
            Err(RecvTimeoutError::Disconnected) => {
                self.closed = true;
                Next::Closed
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::keymap::{Key, KeyCode};
    use std::sync::mpsc::Sender;

    /// `n` background results, numbered.
    fn send_results(tx: &Sender<Event>, n: usize) {
        for i in 0..n {
            tx.send(Event::Analysing {
                index: i,
                done: 0,
                of: 1,
            })
            .unwrap();
        }
    }

    /// The next `n` events are those results, in the order they were sent.
    fn take_results(inbox: &mut Inbox, n: usize) {
        for i in 0..n {
            match inbox.next(None) {
                Next::Event(Event::Analysing { index, .. }) => assert_eq!(index, i),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn a_key_is_taken_before_the_background_results_queued_ahead_of_it() {
        let (tx, rx) = std::sync::mpsc::channel();
        let mut inbox = Inbox::new(rx);
        send_results(&tx, 1000);
        tx.send(Event::Key(Key::plain(KeyCode::Char('j')))).unwrap();
        tx.send(Event::Redraw).unwrap();
        tx.send(Event::Said("saved".into())).unwrap();
        assert!(matches!(inbox.next_user(), Some(Event::Key(_))));
        assert!(matches!(inbox.next(None), Next::Event(Event::Redraw)));
        assert!(matches!(inbox.next(None), Next::Event(Event::Said(_))));
        assert!(inbox.next_user().is_none(), "only the user's");
        // The rest in the order they came.
        take_results(&mut inbox, 1000);
        assert!(matches!(
            inbox.next(Some(Duration::from_millis(1))),
            Next::Nothing
        ));
        assert!(matches!(inbox.next(Some(Duration::ZERO)), Next::Nothing));
        tx.send(Event::Redraw).unwrap();
        drop(tx);
        // What was queued before the channel closed still comes, then the end.
        assert!(matches!(inbox.next(None), Next::Event(Event::Redraw)));
        assert!(matches!(inbox.next(None), Next::Closed));
        assert!(matches!(inbox.next(Some(Duration::ZERO)), Next::Closed));
    }

    #[test]
    fn what_the_walk_lists_is_taken_before_the_loaders_results_and_in_its_own_order() {
        let (tx, rx) = std::sync::mpsc::channel();
        let mut inbox = Inbox::new(rx);
        let batch = |n: usize| liseuse_library::Discovery {
            entries: Vec::new(),
            skipped: vec![format!("batch {n}")],
        };
        tx.send(Event::Discovered(batch(0))).unwrap();
        send_results(&tx, 100);
        tx.send(Event::Discovered(batch(1))).unwrap();
        tx.send(Event::Walked).unwrap();
        tx.send(Event::Key(Key::plain(KeyCode::Char('j')))).unwrap();
        // The user's first, then the walk's, in the order they came, then the rest.
        assert!(matches!(inbox.next(None), Next::Event(Event::Key(_))));
        for n in 0..2 {
            match inbox.next(None) {
                Next::Event(Event::Discovered(d)) => assert_eq!(d.skipped, [format!("batch {n}")]),
                other => panic!("{other:?}"),
            }
        }
        assert!(matches!(inbox.next(None), Next::Event(Event::Walked)));
        take_results(&mut inbox, 100);
    }
}
