//! Work nobody waits for at this moment (the walk, the indexing, the merges, the watcher's
//! setting up) runs at a lower priority than the threads a person waits on (the loop taking
//! keys and drawing, the search, the article being opened). On two cores a cold start of
//! 100,000 articles keeps both busy for half a minute, and a warm start for a second: at one
//! priority a key or an `F` typed then waited its turn behind all of it.

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
