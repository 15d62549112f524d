//! The work of a run, queued per server and handed out in turn: a thread takes the next task
//! whose server has a free slot, so one slow server never holds every thread while others
//! wait. The queue ends when it is empty and no task is running (a running task may add more:
//! a feed adds its items' pages).

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use super::slots::Slots;

struct State<T> {
    hosts: HashMap<String, VecDeque<T>>,
    /// Hosts with work, in turn.
    ring: VecDeque<String>,
    running: usize,
}

pub(crate) struct Queue<T> {
    state: Mutex<State<T>>,
    changed: Condvar,
}

impl<T> Queue<T> {
    pub(crate) fn new() -> Queue<T> {
        Queue {
            state: Mutex::new(State {
                hosts: HashMap::new(),
                ring: VecDeque::new(),
                running: 0,
            }),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds `task` for `host` (empty: no server, run at once).
    pub(crate) fn push(&self, host: String, task: T) {
        let mut st = self.lock();
        let q = st.hosts.entry(host.clone()).or_default();
        let was_empty = q.is_empty();
        q.push_back(task);
        if was_empty {
            st.ring.push_back(host);
        }
        drop(st);
        self.changed.notify_one();
    }

    /// The next task whose server is free, waiting for one; `None` when all is done or the
    /// run is cancelled. Each task taken is ended by [`Queue::done`].
    pub(crate) fn next(&self, slots: &Slots, cancel: &AtomicBool) -> Option<T> {
        let mut st = self.lock();
        loop {
            if cancel.load(Ordering::Relaxed) {
                self.changed.notify_all();
                return None;
            }
            for _ in 0..st.ring.len() {
                let Some(host) = st.ring.pop_front() else {
                    break;
                };
                if !host.is_empty() && !slots.is_free(&host) {
                    st.ring.push_back(host);
                    continue;
                }
                let Some(q) = st.hosts.get_mut(&host) else {
                    continue;
                };
                let task = q.pop_front();
                if q.is_empty() {
                    st.hosts.remove(&host);
                } else {
                    st.ring.push_back(host);
                }
                if let Some(task) = task {
                    st.running += 1;
                    return Some(task);
                }
            }
            if st.ring.is_empty() && st.running == 0 {
                self.changed.notify_all();
                return None;
            }
            st = self
                .changed
                .wait_timeout(st, Duration::from_millis(20))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// A task taken by [`Queue::next`] is over (after any tasks it added were pushed).
    pub(crate) fn done(&self) {
        let mut st = self.lock();
        st.running = st.running.saturating_sub(1);
        drop(st);
        self.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_go_round_the_servers_and_the_queue_ends() {
        let q = Queue::new();
        let slots = Slots::new(1, 8);
        let no = AtomicBool::new(false);
        q.push("a".into(), 1);
        q.push("a".into(), 2);
        q.push("b".into(), 3);
        q.push(String::new(), 4);
        let mut order = Vec::new();
        while let Some(t) = q.next(&slots, &no) {
            order.push(t);
            if t == 1 {
                q.push("c".into(), 5);
            }
            q.done();
        }
        assert_eq!(order, [1, 3, 4, 2, 5]);
        // A server at its limit waits while another's task runs.
        q.push("a".into(), 6);
        q.push("b".into(), 7);
        let _held = slots.acquire("a", &no).unwrap();
        assert_eq!(q.next(&slots, &no), Some(7));
        q.done();
    }
}
