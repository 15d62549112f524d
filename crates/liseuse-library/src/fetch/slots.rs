//! Politeness: at most a few requests at a time to one server, and a few in all. A request
//! takes a slot for its server before it is sent and gives it back when its body is read;
//! a redirect to another server gives its slot back first, so no thread ever holds two and
//! none can wait on another forever.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

#[derive(Default)]
struct Taken {
    per_host: HashMap<String, usize>,
    total: usize,
}

pub(crate) struct Slots {
    taken: Mutex<Taken>,
    freed: Condvar,
    per_host: usize,
    in_all: usize,
}

/// A slot held; given back when dropped.
pub(crate) struct Slot {
    slots: Arc<Slots>,
    host: String,
}

impl Slots {
    pub(crate) fn new(per_host: usize, in_all: usize) -> Arc<Slots> {
        Arc::new(Slots {
            taken: Mutex::new(Taken::default()),
            freed: Condvar::new(),
            per_host: per_host.max(1),
            in_all: in_all.max(1),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Taken> {
        // A panic while holding this lock leaves plain counters: still usable.
        self.taken.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether a request to `host` could start now (for choosing what to do next).
    pub(crate) fn is_free(&self, host: &str) -> bool {
        let t = self.lock();
        t.total < self.in_all && t.per_host.get(host).copied().unwrap_or(0) < self.per_host
    }

    /// A slot for `host`, waiting for one; `None` when `cancel` is set meanwhile.
    pub(crate) fn acquire(self: &Arc<Self>, host: &str, cancel: &AtomicBool) -> Option<Slot> {
        let mut t = self.lock();
        loop {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let here = t.per_host.get(host).copied().unwrap_or(0);
            if t.total < self.in_all && here < self.per_host {
                t.total += 1;
                *t.per_host.entry(host.to_string()).or_insert(0) += 1;
                return Some(Slot {
                    slots: Arc::clone(self),
                    host: host.to_string(),
                });
            }
            t = self
                .freed
                .wait_timeout(t, Duration::from_millis(100))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut t = self.slots.lock();
        t.total = t.total.saturating_sub(1);
        if let Some(n) = t.per_host.get_mut(&self.host) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                t.per_host.remove(&self.host);
            }
        }
        drop(t);
        self.slots.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_per_host_and_a_total() {
        let s = Slots::new(2, 3);
        let no = AtomicBool::new(false);
        let a1 = s.acquire("a", &no).unwrap();
        let _a2 = s.acquire("a", &no).unwrap();
        assert!(!s.is_free("a"));
        assert!(s.is_free("b"));
        let _b1 = s.acquire("b", &no).unwrap();
        assert!(!s.is_free("c"), "three in all");
        drop(a1);
        assert!(s.is_free("a") && s.is_free("c"));
        // A waiter gives up when cancelled.
        let _c = s.acquire("c", &no).unwrap();
        let yes = AtomicBool::new(true);
        assert!(s.acquire("d", &yes).is_none());
    }
}
