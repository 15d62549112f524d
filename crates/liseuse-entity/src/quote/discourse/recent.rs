//! The speakers last read from mentions of the paragraph being resolved: a sentence's names are read for its
//! people, then again as its subject and as a cue's subject, and each reading gives the same speaker (it depends
//! on the mention, its tokens and the tokens around them only); the second costs a few comparisons, not the
//! particles, the title and the gender read again.

use super::Spk;

/// How many readings are kept: those of one sentence's names, which its subject and cues name again.
const RECENT: usize = 8;

/// A few (mention, first token, end token) → speaker of the current paragraph; emptied before another paragraph
/// is read (its token indices are another paragraph's).
#[derive(Default)]
pub(super) struct Recent {
    /// Held in place: no allocation for each document's discourse.
    slots: [Option<(u32, usize, usize, Spk)>; RECENT],
    /// The slot the next reading replaces once all are taken (the oldest).
    next: usize,
}

impl Recent {
    /// Forgets every reading: a new paragraph (or the same read again from another entry point).
    pub fn clear(&mut self) {
        self.slots = Default::default();
        self.next = 0;
    }

    /// The speaker read for mention `m` at tokens `k..e`, if still kept.
    pub fn get(&self, m: u32, k: usize, e: usize) -> Option<&Spk> {
        self.slots
            .iter()
            .flatten()
            .find(|s| s.0 == m && s.1 == k && s.2 == e)
            .map(|s| &s.3)
    }

    /// Keeps a reading, in place of the oldest.
    pub fn put(&mut self, m: u32, k: usize, e: usize, spk: &Spk) {
        if let Some(s) = self.slots.get_mut(self.next) {
            *s = Some((m, k, e, spk.clone()));
        }
        self.next = (self.next + 1) % RECENT;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spk(start: u32) -> Spk {
        Spk {
            name: "".into(),
            nobody: false,
            entity: Some(start),
            start,
            end: start + 1,
            plural: false,
            person: true,
            body: false,
            fem: None,
            guess: false,
        }
    }

    #[test]
    fn a_reading_is_kept_for_its_mention_and_tokens_until_cleared_or_the_oldest_of_more() {
        let mut r = Recent::default();
        r.put(1, 2, 3, &spk(10));
        assert_eq!(r.get(1, 2, 3), Some(&spk(10)));
        assert_eq!(r.get(1, 2, 4), None, "other tokens");
        assert_eq!(r.get(0, 2, 3), None, "another mention");
        for i in 0..RECENT {
            r.put(5, i, i + 1, &spk(i as u32));
        }
        assert_eq!(r.get(1, 2, 3), None, "the oldest gives way");
        assert_eq!(r.get(5, 1, 2), Some(&spk(1)));
        r.clear();
        assert_eq!(r.get(5, 1, 2), None, "another paragraph");
    }
}
