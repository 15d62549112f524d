//! What one document's analysis gives, to be cached per file: its mentions ([`DocMention`], 12 bytes each) and
//! its entities ([`LocalEntity`], packed).
//!
//! Every article's entities stay in memory while its library is open: half a million for
//! 10,000 articles. As separate strings and vectors they took about 220 bytes each; packed into
//! one string they take about half that, in one allocation.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use serde::{Deserialize, Serialize};

use super::model::Label;

/// Ends each part of [`LocalEntity::packed`]. A name read from a file cannot hold it: it is
/// replaced by a space when packed.
const END: char = '\u{1f}';

const HAS_SURNAME: u8 = 1;
const HAS_GIVEN: u8 = 2;
const HAS_COUNTS: u8 = 4;

/// An entity of one document: its forms and how many times each is written, the keys that tie it to
/// entities of other documents (« org:cgt », « loc:US »), and for a person the folded surname and first name
/// (or initial).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalEntity {
    /// What it is: a person, an organisation, a place or a date.
    pub label: Label,
    /// The variants, then the keys, then the surname and the given name when there are, then how
    /// many times each variant is written (decimal, comma-separated), each ended by [`END`].
    packed: Box<str>,
    variants: u16,
    keys: u16,
    /// `HAS_SURNAME`, `HAS_GIVEN`, `HAS_COUNTS`.
    person: u8,
}

/// `n` in decimal, as `write!(s, "{n}")` writes it, without the formatting machinery: every entity of every
/// article analysed writes its counts (a cold start of 100,000 articles, millions of them).
fn push_decimal(s: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    for &d in digits.get(at..).unwrap_or_default() {
        s.push(char::from(d));
    }
}

/// `s` split at each `sep`, an ASCII byte, as `str::split` splits it: by bytes, as `str::split` on a
/// `char` compares each match it finds through a call to `memcmp` (a corpus merge reads every
/// entity's parts: `memcmp` was 6 % of `merge_time`'s samples, 3 % with this).
#[derive(Clone, Debug)]
struct Split<'a> {
    rest: Option<&'a str>,
    sep: u8,
}

impl<'a> Split<'a> {
    fn new(s: &'a str, sep: u8) -> Split<'a> {
        Split { rest: Some(s), sep }
    }

    /// No part at all (not even an empty one).
    fn empty() -> Split<'a> {
        Split { rest: None, sep: 0 }
    }

    /// The same parts from the last, as `str::rsplit` gives them.
    fn backward(self) -> impl Iterator<Item = &'a str> {
        let Split { mut rest, sep } = self;
        std::iter::from_fn(move || {
            let r = rest?;
            match r.bytes().rposition(|b| b == sep) {
                Some(i) => {
                    rest = r.get(..i);
                    r.get(i + 1..)
                }
                None => {
                    rest = None;
                    Some(r)
                }
            }
        })
    }
}

impl<'a> Iterator for Split<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let r = self.rest?;
        match r.bytes().position(|b| b == self.sep) {
            Some(i) => {
                self.rest = r.get(i + 1..);
                r.get(..i)
            }
            None => {
                self.rest = None;
                Some(r)
            }
        }
    }
}

impl LocalEntity {
    /// `variants`: its distinct forms, in order of appearance.
    pub fn new<S: AsRef<str>>(
        label: Label,
        variants: &[S],
        keys: &[S],
        surname: Option<&str>,
        given: Option<&str>,
    ) -> LocalEntity {
        LocalEntity::counted(label, variants, &[], keys, surname, given)
    }

    /// [`LocalEntity::new`] with how many times each variant is written (`counts`, in the order of
    /// `variants`; empty when unknown, and then each counts once).
    pub fn counted<S: AsRef<str>>(
        label: Label,
        variants: &[S],
        counts: &[u32],
        keys: &[S],
        surname: Option<&str>,
        given: Option<&str>,
    ) -> LocalEntity {
        LocalEntity::counted_mixed(label, variants, counts, keys, surname, given)
    }

    /// [`LocalEntity::counted`], the variants and the keys each of its own type (the grouping keeps its variants
    /// as slices of the text, its keys as `String`s).
    pub(crate) fn counted_mixed<V: AsRef<str>, K: AsRef<str>>(
        label: Label,
        variants: &[V],
        counts: &[u32],
        keys: &[K],
        surname: Option<&str>,
        given: Option<&str>,
    ) -> LocalEntity {
        // More than 65,535 forms of one name would be a bug upstream: the rest are dropped.
        let variants = variants
            .get(..variants.len().min(usize::from(u16::MAX)))
            .unwrap_or_default();
        let keys = keys
            .get(..keys.len().min(usize::from(u16::MAX)))
            .unwrap_or_default();
        let has_counts = !counts.is_empty();
        let counts = counts
            .get(..counts.len().min(variants.len()))
            .unwrap_or_default();
        let parts = || {
            variants
                .iter()
                .map(AsRef::as_ref)
                .chain(keys.iter().map(AsRef::as_ref))
                .chain(surname)
                .chain(given)
        };
        // the counts are written last, in place: one allocation an entity, of the exact length (boxing it copies
        // nothing)
        let written = |n: u32| n.checked_ilog10().map_or(1, |d| d as usize + 1);
        let room = parts().map(|p| p.len() + 1).sum::<usize>()
            + if has_counts {
                counts.iter().map(|&n| written(n) + 1).sum::<usize>().max(1)
            } else {
                0
            };
        let mut packed = String::with_capacity(room);
        for part in parts() {
            if part.contains(END) {
                packed.extend(part.chars().map(|c| if c == END { ' ' } else { c }));
            } else {
                packed.push_str(part);
            }
            packed.push(END);
        }
        if has_counts {
            for (i, &n) in counts.iter().enumerate() {
                if i > 0 {
                    packed.push(',');
                }
                push_decimal(&mut packed, n);
            }
            packed.push(END);
        }
        LocalEntity {
            label,
            packed: packed.into_boxed_str(),
            variants: u16::try_from(variants.len()).unwrap_or(u16::MAX),
            keys: u16::try_from(keys.len()).unwrap_or(u16::MAX),
            person: u8::from(surname.is_some()) * HAS_SURNAME
                + u8::from(given.is_some()) * HAS_GIVEN
                + u8::from(has_counts) * HAS_COUNTS,
        }
    }

    /// `self.parts().nth(i)`, found from the end: the parts are counted (one byte each, a fast scan) and the last
    /// ones split off, for a part near the end of an entity of many forms.
    fn part_from_end(&self, i: usize) -> Option<&str> {
        if self.packed.is_empty() {
            return None;
        }
        let total = self.packed.bytes().filter(|&b| b == END as u8).count();
        let body = self.packed.strip_suffix(END).unwrap_or(&self.packed);
        // a packed string always ends with END; one read from elsewhere may not, and then has one part more
        let total = total + usize::from(!self.packed.ends_with(END));
        Split::new(body, END as u8)
            .backward()
            .nth(total.checked_sub(i + 1)?)
    }

    fn parts(&self) -> Split<'_> {
        let body = self.packed.strip_suffix(END).unwrap_or(&self.packed);
        match self.packed.is_empty() {
            true => Split::empty(),
            false => Split::new(body, END as u8),
        }
    }

    /// Its distinct forms, in order of appearance.
    pub fn variants(&self) -> impl Iterator<Item = &str> + Clone {
        self.parts().take(usize::from(self.variants))
    }

    /// The keys that tie it to entities of other documents (« org:cgt », « loc:US »).
    pub fn keys(&self) -> impl Iterator<Item = &str> + Clone {
        self.parts()
            .skip(usize::from(self.variants))
            .take(usize::from(self.keys))
    }

    /// A person's folded surname.
    pub fn surname(&self) -> Option<&str> {
        if self.person & HAS_SURNAME == 0 {
            return None;
        }
        self.parts()
            .nth(usize::from(self.variants) + usize::from(self.keys))
    }

    /// A person's folded first name or initial, when named in full.
    pub fn given(&self) -> Option<&str> {
        if self.person & HAS_GIVEN == 0 {
            return None;
        }
        let skip = usize::from(self.person & HAS_SURNAME);
        self.parts()
            .nth(usize::from(self.variants) + usize::from(self.keys) + skip)
    }

    /// How many times each variant is written in the document, in the order of [`LocalEntity::variants`]
    /// (1 each when the entity was made without counts).
    pub fn counts(&self) -> impl Iterator<Item = u32> + '_ {
        let skip =
            usize::from(self.person & HAS_SURNAME != 0) + usize::from(self.person & HAS_GIVEN != 0);
        let written = (self.person & HAS_COUNTS != 0)
            .then(|| {
                // the counts are the last part: read from the end, not split past every form and key
                self.part_from_end(usize::from(self.variants) + usize::from(self.keys) + skip)
            })
            .flatten()
            .unwrap_or("");
        let mut it = Split::new(written, b',').filter(|s| !s.is_empty());
        (0..usize::from(self.variants))
            .map(move |_| it.next().and_then(|c| c.parse().ok()).unwrap_or(1))
    }
}

/// One mention in a document, with the index of its entity among the document's entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMention {
    /// Byte offsets as `u32`: millions of them are held at once, and a file is at most 64 MB.
    pub start: u32,
    /// End of the mention, exclusive (see `start`).
    pub end: u32,
    /// The label, the confidence and the local entity's index (see [`Label::tag`]): 12 bytes, not 16.
    tagged: u32,
}

impl DocMention {
    /// A mention of the document's entity number `local` at `start..end`, with its label and confidence (0–100).
    pub fn new(start: u32, end: u32, label: Label, confidence: u8, local: u32) -> DocMention {
        DocMention {
            start,
            end,
            tagged: label.tag(confidence, local),
        }
    }

    /// What the mention names: a person, an organisation, a place or a date.
    pub fn label(&self) -> Label {
        Label::untag(self.tagged).0
    }

    /// How sure the engine is of this mention, 0–100 (kept to about 3 points).
    pub fn confidence(&self) -> u8 {
        Label::untag(self.tagged).1
    }

    /// Its entity's index among the document's entities.
    pub fn local(&self) -> u32 {
        Label::untag(self.tagged).2
    }

    /// Its bytes in the article's text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Its confidence as kept: a level, 0–31 (what a cache stores in five bits).
    pub fn level(&self) -> u8 {
        Label::level_of(self.tagged)
    }

    /// [`DocMention::new`] with the confidence as a [`DocMention::level`]: the same mention
    /// back. `None` for a level above 31 or an entity index above 2^25.
    pub fn with_level(
        start: u32,
        end: u32,
        label: Label,
        level: u8,
        local: u32,
    ) -> Option<DocMention> {
        Some(DocMention {
            start,
            end,
            tagged: label.tag_level(level, local)?,
        })
    }
}

/// The per-document stage: mentions and their local entities. Serialisable, to be cached by content hash.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocEntities {
    /// The document's mentions, in text order.
    pub mentions: Vec<DocMention>,
    /// The document's entities, indexed by [`DocMention::local`].
    pub entities: Vec<LocalEntity>,
}

#[cfg(test)]
#[path = "local_tests.rs"]
mod tests;
