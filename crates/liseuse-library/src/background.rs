//! Work nobody waits for (the watcher's setting up: a watch per folder, 0.4 s of a processor
//! at 100,000 articles) runs at a lower priority than what a warm start's final counts wait
//! for (the walk, the checking of each article against the cache, the index loop), which
//! shares two cores with it. The analyses of a cold start are not lowered: they are what the
//! cold start waits for, and a lowered one lost half its speed to any other busy process,
//! while the loop's keys and the search were no faster (the scheduler already favours a
//! thread that wakes for a moment over one that computes).

/// How much lower, in `nice` steps: the scheduler then gives a waiting thread of the user's
/// about ten times the time of a background one.
const NICER: i32 = 10;

/// Lowers the calling thread's priority (and that of the threads it starts from now on) below
/// the user's. Nothing happens where a thread's priority cannot be set on its own.
pub fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        // On Linux `nice` is a thread's own: set for this one by its id.
        // SAFETY: both are plain system calls on this thread's id; neither touches memory.
        unsafe {
            let tid = libc::syscall(libc::SYS_gettid);
            if let Ok(tid) = libc::id_t::try_from(tid) {
                let now = libc::getpriority(libc::PRIO_PROCESS as _, tid);
                libc::setpriority(
                    libc::PRIO_PROCESS as _,
                    tid,
                    now.saturating_add(NICER).min(19),
                );
            }
        }
    }
}

/// This thread's `nice` value, where a thread has its own.
pub fn priority() -> Option<i32> {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: as above.
        unsafe {
            let tid = libc::id_t::try_from(libc::syscall(libc::SYS_gettid)).ok()?;
            Some(libc::getpriority(libc::PRIO_PROCESS as _, tid))
        }
    }
    #[cfg(not(target_os = "linux"))]
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_background_thread_is_nicer_than_the_one_that_started_it() {
        let ours = priority();
        let theirs = std::thread::spawn(|| {
            lower_priority();
            let started = std::thread::spawn(priority).join().ok().flatten();
            (priority(), started)
        })
        .join()
        .unwrap();
        if let Some(ours) = ours {
            let want = (ours + NICER).min(19);
            assert_eq!(theirs, (Some(want), Some(want)), "its threads inherit it");
            assert_eq!(priority(), Some(ours), "this thread's is untouched");
        }
    }
}
