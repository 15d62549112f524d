//! How fast articles come in, and whether a merge started now would end after the last one:
//! then it only delays the merge of every article (the one a cold start waits for), and the index
//! loop waits for the last article instead. The clock is given, so a test decides with its own.

use std::time::{Duration, Instant};

/// A merge takes about as long as the last one, a little longer as the corpus grows.
const MARGIN: f64 = 1.25;

/// The articles analysed at the index loop's last look, and when.
#[derive(Debug, Default)]
pub(super) struct Pace {
    last: Option<(usize, Instant)>,
    /// Articles a second between the last two looks.
    per_second: Option<f64>,
    /// What the last merge took.
    pub(super) took: Option<Duration>,
}

impl Pace {
    /// The loop looks at the corpus: `analysed` articles in at `now`.
    pub(super) fn look(&mut self, analysed: usize, now: Instant) {
        if let Some((before, then)) = self.last {
            let secs = now.saturating_duration_since(then).as_secs_f64();
            if secs > 0.0 && analysed >= before {
                self.per_second = Some((analysed - before) as f64 / secs);
            }
        }
        self.last = Some((analysed, now));
    }

    /// How long to wait for the last `pending` articles rather than merge now: `None` to merge
    /// now (none pending, a walk still listing articles so that their number is not known, no
    /// pace measured yet, or they come in after a merge would end); else until when (twice the
    /// time they should take: an article that takes long does not hold the counts for good).
    pub(super) fn wait_for_last(
        &self,
        pending: usize,
        walking: bool,
        now: Instant,
    ) -> Option<Instant> {
        let (per_second, took) = (self.per_second?, self.took?);
        if pending == 0 || walking || per_second <= 0.0 {
            return None;
        }
        let left = pending as f64 / per_second;
        (left < took.as_secs_f64() * MARGIN).then(|| now + Duration::from_secs_f64(2.0 * left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merge_is_not_started_when_the_last_articles_come_in_before_it_would_end() {
        let t0 = Instant::now();
        let s = Duration::from_secs;
        let mut pace = Pace::default();
        // Nothing measured yet: merge.
        assert_eq!(pace.wait_for_last(100, false, t0), None);
        pace.look(1_000, t0);
        pace.took = Some(s(3));
        assert_eq!(
            pace.wait_for_last(100, false, t0),
            None,
            "one look is no pace"
        );
        // 1,000 articles a second; a merge takes 3 s.
        pace.look(11_000, t0 + s(10));
        let now = t0 + s(10);
        // 2,000 left: in in 2 s, before a merge would end: wait for them, 4 s at most.
        assert_eq!(pace.wait_for_last(2_000, false, now), Some(now + s(4)));
        // 3,500 left (3.5 s): still inside the margin.
        assert!(pace.wait_for_last(3_500, false, now).is_some());
        // 10,000 left: a merge ends long before.
        assert_eq!(pace.wait_for_last(10_000, false, now), None);
        // None left, or a walk still listing: merge.
        assert_eq!(pace.wait_for_last(0, false, now), None);
        assert_eq!(pace.wait_for_last(2_000, true, now), None);
        // Nothing came in since: no pace, merge.
        pace.look(11_000, t0 + s(12));
        assert_eq!(pace.wait_for_last(2_000, false, t0 + s(12)), None);
        // A quick merge is started even close to the end.
        pace.look(13_000, t0 + s(14));
        pace.took = Some(Duration::from_millis(100));
        assert_eq!(pace.wait_for_last(2_000, false, t0 + s(14)), None);
    }
}
