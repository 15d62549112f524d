//! The subjects last read before a verb in a paragraph: a cue's subject is read when its quotation is found, and
//! again when the discourse reads its sentence's subject (most often the same verb, « X a déclaré que … »); the
//! reading depends on the paragraph's tokens only, so the second is a lookup.

use std::cell::RefCell;

use super::Ref;

/// How many readings are kept: a paragraph's few cues, which its sentences' subjects meet again.
const KEPT: usize = 8;

/// A few verb group starts → the subject read before them ([`super::super::para::Para::subject_before`]), for one
/// paragraph (a [`super::super::para::Para`] holds its own, empty when it is made).
#[derive(Default)]
pub struct Subjects(RefCell<Ring>);

#[derive(Default)]
struct Ring {
    slots: [Option<(usize, Option<Ref>)>; KEPT],
    /// The slot the next reading replaces (the oldest once all are taken).
    next: usize,
}

impl Subjects {
    /// The subject read before token `first`, if still kept.
    pub fn get(&self, first: usize) -> Option<Option<Ref>> {
        let ring = self.0.try_borrow().ok()?;
        ring.slots
            .iter()
            .flatten()
            .find(|s| s.0 == first)
            .map(|s| s.1)
    }

    /// Keeps a reading, in place of the oldest.
    pub fn put(&self, first: usize, subject: Option<Ref>) {
        if let Ok(mut ring) = self.0.try_borrow_mut() {
            let next = ring.next;
            if let Some(slot) = ring.slots.get_mut(next) {
                *slot = Some((first, subject));
            }
            ring.next = (next + 1) % KEPT;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_is_kept_for_its_verb_the_oldest_giving_way() {
        let s = Subjects::default();
        assert_eq!(s.get(3), None);
        s.put(3, None);
        assert_eq!(s.get(3), Some(None), "no subject is a reading too");
        s.put(4, Some(Ref::Latter(2)));
        assert_eq!(s.get(4), Some(Some(Ref::Latter(2))));
        for k in 10..10 + KEPT {
            s.put(k, Some(Ref::Quote(k)));
        }
        assert_eq!(s.get(3), None);
        assert_eq!(s.get(11), Some(Some(Ref::Quote(11))));
    }
}
