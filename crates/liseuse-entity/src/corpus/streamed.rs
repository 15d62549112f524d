//! The corpus index of [`super::merge::build`], built from documents read one at a time, once,
//! and never all held at once: at 100,000 articles their entities take more than a gigabyte,
//! the tables of the first pass a small part of it.
//!
//! Pass 1 reads each document for what the union-find needs: a node per entity, its keys
//! (those of the corpus, each kept once with its first node), a person's surname and given
//! name interned to small ids; and keeps what the assembly needs of it, compactly
//! ([`super::kept`]: its entities' labels and variants, each variant's text once for the
//! corpus, and its mentions, a few bytes each). The people are then joined as `build` joins
//! them. Pass 2 takes the kept documents, in the same order, and assembles the entities, their
//! variants and counts and every document's mentions exactly as `build` does (the same
//! [`super::assembler::Assembler`]). The documents were read twice, pass 2 from the source
//! again: decoding every record twice was a third of the last merge.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::borrow::Borrow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::Mutex;

use super::assembler::{Assembler, Batch, Roots};
use super::index::EntityIndex;
use super::kept::{Kept, KeptDoc, QuickState, Strings};
use super::packed::FlatMentions;
use crate::group::names::{given_ok, last_word, same_surname, skeleton};
use crate::union_find::UnionFind;
use crate::{DocEntities, Label};

/// Which reading of the documents a source is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    /// The first: what joins entities, and what pass 2 assembles kept.
    Links,
    /// The second: no longer asked for (pass 2 takes what pass 1 kept).
    Mentions,
}

/// Documents a streamed merge reads.
pub trait DocPasses {
    /// A document as the source hands it (`DocEntities`, `Arc<DocEntities>`…).
    type Doc: Borrow<DocEntities> + Send;
    /// Every document in corpus order, from the first (`None` for one that cannot be had:
    /// then there is no index). Asked for once, for [`Pass::Links`]. Read on a thread of its
    /// own, ahead of the merge.
    fn pass(&mut self, pass: Pass) -> impl Iterator<Item = Option<Self::Doc>> + Send + '_;
}

/// Documents all in memory, read twice: for tests and benchmarks.
pub struct InMemory<'a, D>(pub &'a [D]);

impl<'a, D: Borrow<DocEntities> + Sync> DocPasses for InMemory<'a, D> {
    type Doc = &'a DocEntities;
    fn pass(&mut self, _: Pass) -> impl Iterator<Item = Option<Self::Doc>> + Send + '_ {
        self.0.iter().map(|d| Some(d.borrow()))
    }
}

/// Which corpus entity each document's own entities became, every document's one after the
/// other (`u32::MAX` for one with no mention): what a cache saves to rebuild the index
/// without merging.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocalIds {
    /// Every document's entities' corpus ids, one document after the other.
    pub ids: Vec<u32>,
    /// Where document `d`'s start in `ids` (`d + 1`: where they end); one more than there are
    /// documents.
    pub starts: Vec<u32>,
}

/// A streamed merge's index, and each document's entities' corpus ids when asked for.
#[derive(Debug)]
pub struct Streamed {
    /// The corpus index.
    pub index: EntityIndex,
    /// Each document's entities' corpus ids, when asked for.
    pub local_ids: Option<LocalIds>,
}

/// What pass 1 keeps of the documents besides [`Kept`]: where each one's nodes start, how many
/// mentions they have.
struct Seen {
    starts: Vec<usize>,
    mentions: usize,
}

/// Names (surnames, given names, a lone surname's document key) as small ids.
#[derive(Default)]
struct Names {
    ids: HashMap<Box<str>, u32>,
    strings: Vec<Box<str>>,
}

impl Names {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.strings.len() as u32;
        let s: Box<str> = s.into();
        self.strings.push(s.clone());
        self.ids.insert(s, id);
        id
    }

    fn get(&self, id: u32) -> &str {
        self.strings.get(id as usize).map_or("", |s| s)
    }
}

/// No lone surname's document key.
const NONE: u32 = u32::MAX;

/// The index `merge::build` gives for the documents `source` hands out, each read once and
/// dropped after use; `None` when a document cannot be had. With `local_ids`, each document's
/// entities' corpus ids too.
pub fn build_streamed<S: DocPasses>(source: &mut S, local_ids: bool) -> Option<Streamed> {
    let mut uf = UnionFind::default();
    // Only the last merge (the one whose ids are saved) reads ahead: it runs once the analysis
    // is over, the other core free; the merges before it would take that core from the
    // analysis (a cold start of 100,000 articles took 10-20 s longer, at load 5-6).
    let parallel = local_ids;
    // Kept as they are read: on the thread reading ahead, when there is one (the union-find
    // is this one's work, and the larger).
    let (mut kept, mut strings) = (Kept::default(), Strings::default());
    let docs = source.pass(Pass::Links).inspect(|d| {
        if let Some(d) = d {
            kept.keep(d.borrow(), &mut strings);
        }
    });
    let Seen { starts, mentions } = ahead(parallel, docs, |docs| link(docs, &mut uf))?;
    let n = starts.len().saturating_sub(1);
    // Pass 2 starts with no room to spare: the union-find grown node by node gives its slack
    // back, and the entities get room for every set (those with a mention are the entities).
    uf.shrink_to_fit();
    let mut roots = Roots::new(uf)?;
    let mut out = Assembler::with_room(n, mentions, roots.sets(), strings);
    let mut ids = local_ids.then(|| LocalIds {
        ids: vec![u32::MAX; starts.last().copied().unwrap_or(0)],
        starts: starts.iter().map(|&s| s as u32).collect(),
    });
    let (mut kept, mut doc) = (kept.reader(), KeptDoc::default());
    let mut assemble = |out: &mut Assembler| -> Option<()> {
        for d in 0..n {
            kept.next_doc(&mut doc)?;
            let (base, end) = (*starts.get(d)?, *starts.get(d + 1)?);
            let mine = match ids.as_mut() {
                Some(l) => Some(l.ids.get_mut(base..end)?),
                None => None,
            };
            out.doc(&doc, base, &mut roots, mine);
        }
        Some(())
    };
    if parallel {
        packing_aside(&mut out, n, mentions, assemble)?;
    } else {
        assemble(&mut out)?;
    }
    // What joined the entities is of no more use: given back before the index's names,
    // keys and occurrences are made (the merge's peak).
    drop((roots, starts, kept, doc));
    Some(Streamed {
        index: out.finish(parallel),
        local_ids: ids,
    })
}

/// Pass 1 and the joins: every union `merge::build` makes, in the same order where it matters
/// (a surname alone is given to a bearer by what was joined before it).
fn link<D: Borrow<DocEntities>>(
    docs: &mut dyn Iterator<Item = Option<D>>,
    uf: &mut UnionFind,
) -> Option<Seen> {
    let mut seen = Seen {
        starts: vec![0],
        mentions: 0,
    };
    let mut by_key: HashMap<Box<str>, usize, QuickState> = HashMap::default();
    let mut names = Names::default();
    // People named in full (node, surname, given name) and surnames alone (node, surname,
    // the document's key or NONE), in corpus order.
    let mut full: Vec<(u32, u32, u32)> = Vec::new();
    let mut lone: Vec<(u32, u32, u32)> = Vec::new();
    for doc in docs {
        let doc = doc?;
        let doc = doc.borrow();
        for e in &doc.entities {
            let n = uf.push();
            let node = u32::try_from(n).ok()?;
            for k in e.keys() {
                if k.contains("?:") {
                    continue;
                }
                match by_key.get(k) {
                    Some(&first) => {
                        uf.union(first, n);
                    }
                    None => {
                        by_key.insert(k.into(), n);
                    }
                }
            }
            if e.label == Label::Per
                && let Some(s) = e.surname()
            {
                let sur = names.id(s);
                match e.given() {
                    Some(g) => full.push((node, sur, names.id(g))),
                    None => {
                        let key = e.keys().find(|k| k.starts_with("per?:"));
                        lone.push((node, sur, key.map_or(NONE, |k| names.id(k))));
                    }
                }
            }
        }
        seen.starts.push(uf_len(&seen, doc));
        seen.mentions += doc.mentions.len();
    }
    drop(by_key);
    join_people(uf, &names, full, &lone);
    Some(seen)
}

/// Documents handed over by the thread reading them ahead, so many at a time.
const BATCH: usize = 64;

/// `f` given `items`, taken on a thread of their own a few batches ahead: a merge's documents
/// are read back from the cache and decoded (a third of the final merge's work at 100,000
/// articles) while the merge takes in those before, on the other core (the analysis is over
/// when the last merge runs). Not `parallel`, or without that thread, taken in turn.
fn ahead<T: Send, R>(
    parallel: bool,
    items: impl Iterator<Item = T> + Send,
    f: impl FnOnce(&mut dyn Iterator<Item = T>) -> R,
) -> R {
    if !parallel {
        let mut items = items;
        return f(&mut items);
    }
    let items = Mutex::new(Some(items));
    let items = &items;
    std::thread::scope(|s| {
        // Made here, so that it is gone (and the reader stops) before the scope waits for it.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<T>>(2);
        let reader = std::thread::Builder::new()
            .name("merge-reader".into())
            .spawn_scoped(s, move || {
                let Some(mut items) = items.lock().ok().and_then(|mut i| i.take()) else {
                    return;
                };
                loop {
                    let batch: Vec<T> = items.by_ref().take(BATCH).collect();
                    if batch.is_empty() || tx.send(batch).is_err() {
                        return;
                    }
                }
            });
        match reader {
            Ok(_) => f(&mut rx.into_iter().flatten()),
            Err(_) => match items.lock().ok().and_then(|mut i| i.take()) {
                Some(mut items) => f(&mut items),
                None => f(&mut std::iter::empty()),
            },
        }
    })
}

/// `assemble` given `out`, the mentions it assembles packed by a thread of its own (room for
/// `docs` documents and `mentions` mentions there); packed by `out` itself when that thread
/// cannot be had.
fn packing_aside(
    out: &mut Assembler,
    docs: usize,
    mentions: usize,
    assemble: impl FnOnce(&mut Assembler) -> Option<()>,
) -> Option<()> {
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(4);
        let packer = std::thread::Builder::new()
            .name("merge-packer".into())
            .spawn_scoped(s, move || {
                let mut flat = FlatMentions::with_capacity(docs, mentions);
                for batch in rx {
                    batch.pack_into(&mut flat);
                }
                flat
            });
        let Ok(packer) = packer else {
            return assemble(out);
        };
        out.pack_by(tx);
        let done = assemble(out);
        // Let go whatever happened: the thread ends once it has what is left.
        out.stop_packing();
        let flat = packer
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        out.packed(flat);
        done
    })
}

/// Where the next document's nodes start.
fn uf_len(seen: &Seen, doc: &DocEntities) -> usize {
    seen.starts.last().copied().unwrap_or(0) + doc.entities.len()
}

/// People named in full joined by surname (spelling aside) and compatible first names; a
/// surname alone to the one person of the corpus who bears it, else to the others alone with
/// its document key. As `merge::build`, on interned names.
fn join_people(
    uf: &mut UnionFind,
    names: &Names,
    full: Vec<(u32, u32, u32)>,
    lone: &[(u32, u32, u32)],
) {
    // The bucket of each surname: its consonant skeleton's.
    let mut bucket_of_skeleton: HashMap<String, u32> = HashMap::new();
    let mut bucket_of_name: HashMap<u32, u32> = HashMap::new();
    let mut bucket = |sur: u32, names: &Names| -> u32 {
        *bucket_of_name.entry(sur).or_insert_with(|| {
            let next = bucket_of_skeleton.len() as u32;
            *bucket_of_skeleton
                .entry(skeleton(last_word(names.get(sur))))
                .or_insert(next)
        })
    };
    let mut by_bucket: Vec<(u32, (u32, u32, u32))> =
        full.into_iter().map(|p| (bucket(p.1, names), p)).collect();
    // Stable: each bucket's people stay in corpus order.
    by_bucket.sort_by_key(|&(b, _)| b);
    // Each bucket's distinct (surname, given name), with the first node so named.
    let mut distinct_of: HashMap<u32, Vec<(usize, u32)>> = HashMap::new();
    for group in by_bucket.chunk_by(|a, b| a.0 == b.0) {
        let Some(&(b, _)) = group.first() else {
            continue;
        };
        let mut distinct: Vec<(usize, u32, u32)> = Vec::new();
        let mut first_of: HashMap<(u32, u32), usize> = HashMap::new();
        for &(_, (n, sur, given)) in group {
            match first_of.entry((sur, given)) {
                Entry::Occupied(e) => {
                    uf.union(*e.get(), n as usize);
                }
                Entry::Vacant(e) => {
                    e.insert(n as usize);
                    distinct.push((n as usize, sur, given));
                }
            }
        }
        for (x, &(a, sa, ga)) in distinct.iter().enumerate() {
            for &(b, sb, gb) in distinct.iter().skip(x + 1) {
                if same_surname(names.get(sa), names.get(sb))
                    && given_ok(names.get(ga), names.get(gb))
                {
                    uf.union(a, b);
                }
            }
        }
        distinct_of.insert(b, distinct.into_iter().map(|(n, s, _)| (n, s)).collect());
    }
    drop(by_bucket);
    let mut by_local_key: HashMap<u32, usize> = HashMap::new();
    for &(n, s, local_key) in lone {
        let (n, name) = (n as usize, names.get(s));
        let with_space = format!(" {name}");
        let mut roots: Vec<usize> = bucket_of_skeleton
            .get(skeleton(last_word(name)).as_str())
            .and_then(|b| distinct_of.get(b))
            .map(|v| {
                v.iter()
                    .filter(|&&(_, x)| {
                        let x = names.get(x);
                        same_surname(x, name) || x.ends_with(&with_space)
                    })
                    .map(|&(m, _)| m)
                    .collect()
            })
            .unwrap_or_default();
        roots.iter_mut().for_each(|r| *r = uf.find(*r));
        roots.sort_unstable();
        roots.dedup();
        if let [one] = roots.as_slice() {
            uf.union(*one, n);
        } else if local_key != NONE {
            let f = *by_local_key.entry(local_key).or_insert(n);
            uf.union(f, n);
        }
    }
}

#[cfg(test)]
#[path = "streamed_tests.rs"]
mod tests;
