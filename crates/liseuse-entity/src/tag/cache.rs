//! What is computed once per distinct word, kept per thread from one document to the next: a library of news
//! articles repeats the same few thousand words, and reading a word's form, shape and gazetteer flags, then
//! adding the weights of its features, costs more than finding them again.
//!
//! Two caches, each emptied when it holds [`MAX_WORDS`] words (a few MB per thread at most): a word's
//! [`WordInfo`] (no model involved), and the weights its features add for one model (emptied too when
//! another model asks). Both are keyed by a 64-bit hash of the word as written. A third, [`Memo`], holds the
//! weights of what a few words decide together (a word and the one before it, the shapes around a token, a
//! word where it stands), keyed by a hash of those words: news repeats its phrases as it repeats its words.

use std::cell::RefCell;

use super::keys::bytes;
use super::scheme::LANES;
use super::weights::Model;
use super::word::{WordInfo, neighbour_keys, new_word_info, word_keys};
use crate::text::fold::{FxMap, fold_into};
use crate::text::token::Token;

/// Words kept per cache and thread.
pub const MAX_WORDS: usize = 1 << 14;

/// The weights a word's features add: to its own token, and to the tokens 2 and 1 before it, 1 and 2 after.
#[derive(Clone, Copy, Debug)]
pub struct Sums {
    /// What the word adds to its own token's tag scores.
    pub own: [f32; LANES],
    /// What it adds to the tokens 2 and 1 before it, then 1 and 2 after it.
    pub near: [[f32; LANES]; 4],
}

/// Entries kept in a thread's [`Memo`] (a few MB).
pub const MAX_MEMO: usize = 1 << 16;

/// Sums of weights by a hash of what decides them, for one model; taken by a document's tagging and given back
/// after it. Direct-mapped: a key has one slot (its low bits), a newer key in it replaces the older. Four
/// lookups a token, mostly missing the processor's caches: one slot holds the key and its sums together (a
/// hash map read its control bytes, then its entry elsewhere), and nothing is emptied all at once (the map was,
/// when full). A sum is the same whichever way it was found, so the tags are too.
#[derive(Default)]
pub struct Memo {
    model: u64,
    /// `MAX_MEMO` slots, allocated on first use; a key of 0 is never stored (an empty slot's).
    slots: Vec<(u64, [f32; LANES])>,
}

impl Memo {
    /// The thread's memo, for `model`.
    pub fn take(model: &Model) -> Memo {
        let mut m = MEMO.with(|c| std::mem::take(&mut *c.borrow_mut()));
        if m.model != model.id || m.slots.len() != MAX_MEMO {
            m.slots.clear();
            m.slots.resize(MAX_MEMO, (0, [0.0; LANES]));
            m.model = model.id;
        }
        m
    }

    /// Gives the memo back to the thread for the next document.
    pub fn give_back(self) {
        MEMO.with(|c| *c.borrow_mut() = self);
    }

    /// The sum stored under `key`, computed by `f` the first time.
    #[inline]
    pub fn get(&mut self, key: u64, f: impl FnOnce() -> [f32; LANES]) -> [f32; LANES] {
        let at = key as usize & (MAX_MEMO - 1);
        match self.slots.get_mut(at) {
            Some(slot) if key != 0 => {
                if slot.0 == key {
                    return slot.1;
                }
                let v = f();
                *slot = (key, v);
                v
            }
            _ => f(),
        }
    }
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
    static INFOS: RefCell<FxMap<u64, WordInfo>> = RefCell::new(FxMap::default());
    static SUMS: RefCell<(u64, FxMap<u64, Sums>)> = RefCell::new((0, FxMap::default()));
}

/// Empties and frees this thread's caches: for a thread with no document to tag for a while (a loader's,
/// once the articles asked for are in), whose caches would otherwise stay as the last document left them
/// (up to 10 MB a thread) through the corpus merge that ends a first indexing. The next document fills them again.
pub fn release() {
    // `try_`: nothing to free on a thread whose thread locals are gone already, nor panics if a
    // cache is in use (it is not, between documents).
    let _ = MEMO.try_with(|c| c.try_borrow_mut().map(|mut m| *m = Memo::default()));
    let _ = INFOS.try_with(|c| c.try_borrow_mut().map(|mut m| *m = FxMap::default()));
    let _ = SUMS.try_with(|c| c.try_borrow_mut().map(|mut m| *m = (0, FxMap::default())));
}

/// Words in this thread's caches (for tests).
#[cfg(test)]
pub fn cached_words() -> usize {
    INFOS.with(|c| c.borrow().len()) + SUMS.with(|c| c.borrow().1.len())
}

/// The [`WordInfo`] of word `w` written as token `t` (positional flags aside, the same for every token of
/// the same bytes).
pub fn word_info(w: &str, t: &Token) -> WordInfo {
    word_info_keyed(bytes(w.as_bytes()), w, t)
}

/// [`word_info`] given the word's hash (`keys::bytes` of its bytes).
pub fn word_info_keyed(key: u64, w: &str, t: &Token) -> WordInfo {
    INFOS.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(info) = c.get(&key) {
            return info.clone();
        }
        let info = new_word_info(w, t);
        if c.len() >= MAX_WORDS {
            c.clear();
        }
        c.insert(key, info.clone());
        info
    })
}

/// The [`Sums`] of word `w` (of `info`) for `model`.
pub fn sums(model: &Model, w: &str, info: &WordInfo) -> Sums {
    let id = model.id;
    SUMS.with(|c| {
        let mut c = c.borrow_mut();
        if c.0 != id {
            c.1.clear();
            c.0 = id;
        }
        if let Some(s) = c.1.get(&info.word) {
            return *s;
        }
        let s = compute(model, w, info);
        if c.1.len() >= MAX_WORDS {
            c.1.clear();
        }
        c.1.insert(info.word, s);
        s
    })
}

fn compute(model: &Model, w: &str, info: &WordInfo) -> Sums {
    // a word has a few dozen features: room for them at once
    let mut keys = Vec::with_capacity(64);
    let mut folded = String::new();
    fold_into(w, &mut folded);
    word_keys(w, &folded, info, &mut keys);
    let mut own = [0f32; LANES];
    model.add(&keys, &mut own);
    let mut near = [[0f32; LANES]; 4];
    for (n, k) in near.iter_mut().zip([-2i8, -1, 1, 2]) {
        keys.clear();
        neighbour_keys(k, Some(info), &mut keys);
        model.add(&keys, n);
    }
    Sums { own, near }
}
