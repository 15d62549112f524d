//! Spans → a document's entities. Each mention joins a group of its document: a person by surname, given
//! name and spelling (`person.rs`), an organisation by its name, acronym or shorter form (`org.rs`), a place
//! by its gazetteer id, a date by its calendar value (`keys.rs`). Every lookup goes through an index of the
//! groups (a hash map from a key, a surname, a skeleton, initials or a word to the groups that have it), so
//! the cost follows the mentions, not their pairs.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

mod display;
mod few;
mod keys;
pub mod names;
mod org;
mod person;

use crate::text::fold::FxMap;
use crate::union_find::UnionFind;
use crate::{DocEntities, DocMention, Label, LocalEntity, Span};
pub use display::display_name;
use few::Few;

/// Groups and the indexes that find them.
#[derive(Default)]
pub(crate) struct Groups<'t> {
    pub groups: Vec<Group<'t>>,
    /// Groups moved into another one.
    uf: UnionFind,
    /// Merge key → group: « org:cgt », « loc:FR », « date:2012-07-05 ».
    pub by_key: FxMap<Key, usize>,
    /// Each group's distinct surface forms: the index of the form among its variants.
    seen: FxMap<(usize, &'t str), usize>,
    pub people: person::Index,
    pub orgs: org::Index,
}

#[derive(Clone, Debug)]
pub(crate) struct Group<'t> {
    pub label: Label,
    /// Its forms as the text writes them (borrowed from it: nothing copied until the entity is packed), each
    /// with how many mentions write it: one vector, one allocation a group.
    pub variants: Few<(&'t str, u32)>,
    pub keys: Few<Key>,
    /// A person's folded surname and given name.
    pub surname: Option<String>,
    pub given: Option<String>,
    /// A person named in full somewhere in the document.
    pub full: bool,
    /// Where the mentions that name the person in full start, in text order.
    pub full_at: Vec<usize>,
}

impl Group<'_> {
    fn new(label: Label) -> Self {
        Group {
            label,
            variants: Few::Empty,
            keys: Few::Empty,
            surname: None,
            given: None,
            full: false,
            full_at: Vec::new(),
        }
    }
}

impl<'t> Groups<'t> {
    pub fn add(&mut self, g: Group<'t>) -> usize {
        self.groups.push(g);
        self.uf.push()
    }

    pub fn root(&mut self, g: usize) -> usize {
        self.uf.find(g)
    }

    pub fn get(&self, g: usize) -> Option<&Group<'t>> {
        self.groups.get(g)
    }

    pub fn get_mut(&mut self, g: usize) -> Option<&mut Group<'t>> {
        self.groups.get_mut(g)
    }

    /// The live group that holds `key`.
    pub fn keyed(&mut self, key: &str) -> Option<usize> {
        let g = *self.by_key.get(key)?;
        Some(self.root(g))
    }

    /// Gives `key` to group `g`.
    pub fn add_key(&mut self, g: usize, key: Key) {
        if let Some(grp) = self.groups.get_mut(g)
            && !grp.keys.contains(&key)
        {
            grp.keys.push(key.clone());
        }
        self.by_key.entry(key).or_insert(g);
    }

    /// The group of `key`, made when there is none.
    pub fn keyed_or_new(&mut self, label: Label, key: Key) -> usize {
        if let Some(g) = self.keyed(&key) {
            return g;
        }
        let g = self.add(Group::new(label));
        self.add_key(g, key);
        g
    }

    /// Joins groups `a` and `b`; the earlier one keeps the keys and forms of both. Returns it.
    pub fn merge(&mut self, a: usize, b: usize) -> usize {
        let (a, b) = (self.root(a), self.root(b));
        if a == b {
            return a;
        }
        let root = self.uf.union(a, b);
        let other = if root == a { b } else { a };
        let (keys, variants, full_at) = match self.groups.get_mut(other) {
            Some(o) => (
                std::mem::take(&mut o.keys),
                std::mem::take(&mut o.variants),
                std::mem::take(&mut o.full_at),
            ),
            None => return root,
        };
        if let Some(r) = self.groups.get_mut(root) {
            for k in keys {
                if !r.keys.contains(&k) {
                    r.keys.push(k);
                }
            }
            // the root's forms keep their places (`seen` points at them); the other's join after
            for (v, c) in variants {
                match r.variants.iter_mut().find(|x| x.0 == v) {
                    Some(x) => x.1 += c,
                    None => r.variants.push((v, c)),
                }
            }
            r.full_at.extend(full_at);
            r.full_at.sort_unstable();
        }
        root
    }

    /// Records a mention of group `g` written `surface`.
    fn mention(&mut self, g: usize, surface: &'t str) {
        let Some(grp) = self.groups.get_mut(g) else {
            return;
        };
        let at = match self.seen.get(&(g, surface)) {
            Some(&i) => i,
            None => {
                let i = match grp.variants.iter().position(|v| v.0 == surface) {
                    Some(i) => i,
                    None => {
                        grp.variants.push((surface, 0));
                        grp.variants.len() - 1
                    }
                };
                self.seen.insert((g, surface), i);
                i
            }
        };
        if let Some(v) = grp.variants.get_mut(at) {
            v.1 += 1;
        }
    }
}

/// How many entries a document's maps are made with at most (a book grows them past it).
const MAX_ROOM: usize = 512;

fn map_with<K, V>(n: usize) -> FxMap<K, V> {
    FxMap::with_capacity_and_hasher(n, Default::default())
}

/// A merge key, shared by its group and the index of keys (one allocation, counted references): « org:cgt ».
pub(crate) type Key = std::rc::Rc<str>;

/// The key written by `write` (into the thread's buffer, so that the key is allocated once, at its size).
pub(crate) fn key_with(write: impl FnOnce(&mut String)) -> Key {
    thread_local! {
        static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    let mut write = Some(write);
    BUF.try_with(|b| {
        b.try_borrow_mut().ok().map(|mut b| {
            b.clear();
            if let Some(w) = write.take() {
                w(&mut b);
            }
            Key::from(b.as_str())
        })
    })
    .ok()
    .flatten()
    .unwrap_or_else(|| {
        let mut s = String::new();
        if let Some(w) = write.take() {
            w(&mut s);
        }
        Key::from(s)
    })
}

/// The key `head` then `tail` (« org:cgt », « per?:obama »), without the formatting machinery.
pub(crate) fn prefixed(head: &str, tail: &str) -> Key {
    key_with(|s| {
        s.push_str(head);
        s.push_str(tail);
    })
}

/// [`group_spans`] for a text with metadata at `meta` (sorted byte ranges): a span there is no mention, and a
/// date there is the article's date.
pub fn group_meta(text: &str, spans: &[Span], meta: &[std::ops::Range<usize>]) -> DocEntities {
    if meta.is_empty() {
        return group_spans(text, spans);
    }
    let inside = |s: &Span| meta.iter().any(|r| s.start < r.end && r.start < s.end);
    let (dated, kept): (Vec<Span>, Vec<Span>) = spans.iter().partition(|s| inside(s));
    let date = keys::article_date(text, &dated).or_else(|| keys::article_date(text, &kept));
    group_dated(text, &kept, date)
}

/// Groups the spans of one document (sorted, disjoint) into its entities.
pub fn group_spans(text: &str, spans: &[Span]) -> DocEntities {
    group_dated(text, spans, keys::article_date(text, spans))
}

/// [`group_spans`], the article's date (by which a weekday alone is a day) given.
fn group_dated(text: &str, spans: &[Span], article_date: Option<(u16, u8, u8)>) -> DocEntities {
    let surface = |s: &Span| text.get(s.start..s.end).unwrap_or("");
    // the maps sized once for the document's mentions (up to a point), not grown and rehashed from empty as
    // they fill: a news article has a hundred mentions or so
    let room = spans.len().min(MAX_ROOM);
    let mut gs = Groups {
        by_key: map_with(room),
        seen: map_with(room),
        ..Groups::default()
    };
    // each distinct surface is read once: a long article names the same few people thousands of times
    let mut distinct: FxMap<&str, usize> = map_with(room);
    let mut parsed: Vec<Option<names::PersonName>> = Vec::new();
    let of_mention: Vec<usize> = spans
        .iter()
        .map(|s| {
            if s.label != Label::Per {
                return usize::MAX;
            }
            *distinct.entry(surface(s)).or_insert_with(|| {
                parsed.push(names::person(surface(s)));
                parsed.len() - 1
            })
        })
        .collect();
    let name_of = |i: usize| {
        of_mention
            .get(i)
            .and_then(|&k| parsed.get(k))
            .and_then(Option::as_ref)
    };
    // people named in full first, so that a surname before the full name still finds it; each part in text
    // order: a stable partition, what sorting by (not in full, index) gave without its comparisons (each of
    // which looked both names up again)
    let full = |i: usize| name_of(i).is_some_and(|p| p.full);
    let mut order: Vec<usize> = Vec::with_capacity(spans.len());
    order.extend((0..spans.len()).filter(|&i| full(i)));
    order.extend((0..spans.len()).filter(|&i| !full(i)));
    let mut assigned = vec![usize::MAX; spans.len()];
    // the group of a surface whose group does not depend on where it stands
    let mut settled: FxMap<(Label, &str), usize> = map_with(room);
    for &i in &order {
        let Some(s) = spans.get(i) else { continue };
        let text_s = surface(s);
        let known = settled.get(&(s.label, text_s)).copied();
        let g = match (s.label, known) {
            (Label::Org, Some(g)) if !org::bracketed(text, spans, i) => gs.root(g),
            (Label::Loc | Label::Date, Some(g)) => gs.root(g),
            (Label::Per, Some(g)) => {
                person::seen_again(&mut gs, g, s.start, name_of(i).is_some_and(|p| p.full));
                gs.root(g)
            }
            (Label::Per, None) => match name_of(i) {
                Some(p) => {
                    let (g, settles) = person::group(&mut gs, p, s.start);
                    if settles {
                        settled.insert((s.label, text_s), g);
                    }
                    g
                }
                None => gs.keyed_or_new(Label::Per, Key::from("per?:")),
            },
            (Label::Org, _) => {
                let g = org::group(&mut gs, text, spans, &assigned, i);
                settled.insert((s.label, text_s), g);
                g
            }
            (Label::Loc | Label::Date, None) => {
                let key = key_with(|k| keys::key_into(s.label, text_s, article_date, k));
                let g = if key.is_empty() {
                    // a weekday alone in an article without a date: an entity of this document only
                    gs.keyed_or_new(Label::Date, prefixed("date?:", &text_s.to_lowercase()))
                } else {
                    gs.keyed_or_new(s.label, key)
                };
                settled.insert((s.label, text_s), g);
                g
            }
        };
        let g = gs.root(g);
        gs.mention(g, text_s);
        if let Some(a) = assigned.get_mut(i) {
            *a = g;
        }
    }
    finish(gs, spans, &assigned)
}

/// Local entity numbers in order of first mention, and the document's entities.
fn finish(mut gs: Groups, spans: &[Span], assigned: &[usize]) -> DocEntities {
    let roots: Vec<usize> = assigned.iter().map(|&g| gs.root(g)).collect();
    let mut renum = vec![u32::MAX; gs.groups.len()];
    let mut next = 0u32;
    let mut mentions = Vec::with_capacity(spans.len());
    for (s, &g) in spans.iter().zip(&roots) {
        let Some(slot) = renum.get_mut(g) else {
            continue;
        };
        if *slot == u32::MAX {
            *slot = next;
            next += 1;
        }
        mentions.push(DocMention::new(
            // Articles are capped far below 4 GB; a span past that would be a bug upstream.
            u32::try_from(s.start).unwrap_or(u32::MAX),
            u32::try_from(s.end).unwrap_or(u32::MAX),
            s.label,
            s.confidence,
            *slot,
        ));
    }
    let mut entities: Vec<Option<LocalEntity>> = vec![None; next as usize];
    // a group's forms and counts apart, as an entity is made of them, in buffers used for every group
    let (mut forms, mut counts): (Vec<&str>, Vec<u32>) = (Vec::new(), Vec::new());
    let mut keys: Vec<Key> = Vec::new();
    for (g, grp) in gs.groups.into_iter().enumerate() {
        let Some(&n) = renum.get(g) else { continue };
        if n == u32::MAX {
            continue;
        }
        keys.clear();
        if grp.label == Label::Per
            && grp.full
            && let (Some(gv), Some(sn)) = (&grp.given, &grp.surname)
        {
            let k = key_with(|k| {
                k.push_str("per:");
                k.push_str(gv);
                k.push(' ');
                k.push_str(sn);
            });
            keys.push(k);
        }
        keys.extend(grp.keys);
        keys.dedup();
        let given = if grp.full { grp.given.as_deref() } else { None };
        forms.clear();
        counts.clear();
        forms.extend(grp.variants.iter().map(|v| v.0));
        counts.extend(grp.variants.iter().map(|v| v.1));
        if let Some(slot) = entities.get_mut(n as usize) {
            *slot = Some(LocalEntity::counted_mixed(
                grp.label,
                &forms,
                &counts,
                &keys,
                grp.surname.as_deref(),
                given,
            ));
        }
    }
    DocEntities {
        mentions,
        entities: entities.into_iter().flatten().collect(),
    }
}

#[cfg(test)]
mod tests;
