//! The status line's messages. Several can wait at once (at start: a config error, read-only
//! bookmarks, skipped files): each is shown in turn, with how many follow, and a key moves on
//! to the next, so none hides another. A message an action raised (`say`) belongs to that
//! action: the next key takes it away, as less does, so that none stays to mislead about a
//! later one.

use std::collections::VecDeque;

/// Most messages kept waiting: a burst (thousands of unreadable files) must not grow forever.
const MAX_WAITING: usize = 50;

#[derive(Debug, Default, Clone)]
pub struct Status {
    queue: VecDeque<String>,
    /// Whether the first message has been on screen through at least one key: the next key
    /// moves past it.
    seen: bool,
    /// The message on screen was raised by an action (or by what the action set going): the
    /// next key takes it away.
    said: bool,
}

impl Status {
    /// Shows `msg` now, in place of the message on screen (the ones waiting stay).
    pub fn say(&mut self, msg: impl Into<String>) {
        let msg = msg.into();
        if self.queue.len() > 1 {
            self.queue.pop_front();
            self.queue.push_front(msg);
        } else {
            self.queue.clear();
            self.queue.push_back(msg);
        }
        self.seen = false;
        self.said = true;
    }

    /// Adds `msg` after those waiting (start-up messages, each to be read).
    pub fn tell(&mut self, msg: impl Into<String>) {
        if self.queue.is_empty() {
            self.said = false;
        }
        if self.queue.len() < MAX_WAITING {
            self.queue.push_back(msg.into());
        }
    }

    /// The message on screen, and how many wait after it.
    pub fn current(&self) -> Option<(&str, usize)> {
        self.queue
            .front()
            .map(|m| (m.as_str(), self.queue.len() - 1))
    }

    /// Every message held, the one on screen first.
    pub fn messages(&self) -> impl Iterator<Item = &str> {
        self.queue.iter().map(String::as_str)
    }

    pub fn clear(&mut self) {
        self.queue.clear();
    }

    /// A key was pressed: a message followed by others gives way to the next once read; the
    /// last one, once read, and one an action raised, go.
    pub fn key_pressed(&mut self) {
        if self.queue.len() > 1 && self.seen {
            self.queue.pop_front();
            self.seen = false;
            self.said = false;
        } else if self.queue.len() == 1 && (self.seen || self.said) {
            self.queue.clear();
        } else {
            self.seen = true;
        }
    }

    /// The message on screen has done its work (the user moved on): it goes, unless others
    /// wait to be read after it.
    pub fn dismiss(&mut self) {
        if self.queue.len() == 1 {
            self.queue.clear();
        }
    }

    /// Puts `now` in place of the message on screen if it is `was` (what it says changed).
    pub fn replace(&mut self, was: &str, now: String) {
        if let Some(front) = self.queue.front_mut()
            && front == was
        {
            *front = now;
        }
    }

    /// Takes away the message on screen if it is `msg` (a notice that no longer holds).
    pub fn withdraw(&mut self, msg: &str) {
        if self.queue.front().is_some_and(|m| m == msg) {
            self.queue.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_told_is_shown_in_turn() {
        let mut s = Status::default();
        s.tell("config: line 3");
        s.tell("bookmarks are read-only");
        s.tell("skipped a.fifo");
        assert_eq!(s.current(), Some(("config: line 3", 2)));
        s.key_pressed();
        assert_eq!(s.current(), Some(("config: line 3", 2)), "read first");
        s.key_pressed();
        assert_eq!(s.current(), Some(("bookmarks are read-only", 1)));
        s.key_pressed();
        s.key_pressed();
        assert_eq!(s.current(), Some(("skipped a.fifo", 0)));
        s.key_pressed();
        assert_eq!(
            s.current(),
            Some(("skipped a.fifo", 0)),
            "the last one stays to be read"
        );
        s.key_pressed();
        assert_eq!(s.current(), None, "then goes");
    }

    #[test]
    fn a_message_an_action_raised_goes_with_the_next_key() {
        let mut s = Status::default();
        s.say("mark a set");
        assert_eq!(s.current(), Some(("mark a set", 0)));
        s.key_pressed();
        assert_eq!(s.current(), None);
        // Start-up messages are each read first, whatever an action says meanwhile.
        s.tell("config: line 3");
        s.tell("skipped a.fifo");
        s.say("no article open");
        assert_eq!(s.current(), Some(("no article open", 1)));
        s.key_pressed();
        s.key_pressed();
        assert_eq!(s.current(), Some(("skipped a.fifo", 0)));
    }

    #[test]
    fn saying_replaces_only_the_message_on_screen() {
        let mut s = Status::default();
        s.tell("one");
        s.tell("two");
        s.say("now");
        assert_eq!(s.current(), Some(("now", 1)));
        s.clear();
        s.say("alone");
        s.say("again");
        assert_eq!(s.current(), Some(("again", 0)));
    }
}
