//! People of one document: a surname alone (« Khamenei »), an initial and a surname (« B. Obama »), a first
//! name alone (« Marine ») or another spelling (« Abdullahian ») joins the person named in full. Candidates
//! come from indexes by surname, last word of a surname, consonant skeleton, given name and inner word.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::names::{PersonName, given_ok, last_word, same_surname, skeleton};
use super::{Group, Groups};
use crate::Label;
use crate::text::fold::FxMap;

/// Person groups by what a later mention may match.
#[derive(Default)]
pub(crate) struct Index {
    /// By folded surname, and by the last word of a surname with a particle (« pen » for « le pen »).
    surname: FxMap<String, Vec<usize>>,
    /// By consonant skeleton of a surname of six letters or more.
    skeleton: FxMap<String, Vec<usize>>,
    /// People named in full, by given name.
    given: FxMap<String, Vec<usize>>,
    /// People named in full, by each word after the first (« pastor » of « Ana Pastor García »).
    inner: FxMap<String, Vec<usize>>,
}

fn push(map: &mut FxMap<String, Vec<usize>>, key: &str, g: usize) {
    // the key copied only when it is new
    match map.get_mut(key) {
        Some(v) => {
            if !v.contains(&g) {
                v.push(g);
            }
        }
        None => {
            map.insert(key.to_string(), vec![g]);
        }
    }
}

impl Index {
    fn add_surname(&mut self, sur: &str, g: usize) {
        push(&mut self.surname, sur, g);
        let last = last_word(sur);
        if last != sur {
            push(&mut self.surname, last, g);
        }
        if sur.chars().count() >= 6 {
            push(&mut self.skeleton, &skeleton(sur), g);
        }
    }

    fn add_full(&mut self, name: &PersonName, g: usize) {
        if let Some(gv) = &name.given {
            push(&mut self.given, gv, g);
        }
        for w in name.words.iter().skip(1) {
            push(&mut self.inner, w, g);
        }
    }

    /// Every group that a mention of `name` may belong to, unchecked.
    fn candidates(&self, name: &PersonName, one_word: bool, out: &mut Vec<usize>) {
        let sur = name.surname.as_str();
        let lists = [
            self.surname.get(sur),
            (sur.chars().count() >= 6)
                .then(|| self.skeleton.get(&skeleton(sur)))
                .flatten(),
            self.inner.get(sur),
            one_word.then(|| self.given.get(sur)).flatten(),
        ];
        for g in lists.into_iter().flatten().flatten() {
            if !out.contains(g) {
                out.push(*g);
            }
        }
    }
}

/// Whether a mention `name` may be group `gr`'s person.
fn fits(gr: &Group, name: &PersonName, one_word: bool, inner: bool) -> bool {
    let sur = name.surname.as_str();
    let sur_ok = inner
        || gr.surname.as_deref().is_some_and(|x| {
            same_surname(x, sur) || x.strip_suffix(sur).is_some_and(|head| head.ends_with(' '))
        });
    let giv_ok = match (&name.given, &gr.given) {
        (Some(a), Some(b)) => given_ok(a, b),
        _ => true,
    };
    // a first name alone: « Steve », « Marine »
    let first_name = one_word && gr.full && gr.given.as_deref() == Some(sur);
    (sur_ok && giv_ok) || first_name
}

/// How near (in bytes) a mention in full must stand for a surname alone to be that person's rather than the
/// most named one's, when several people share the surname: a few paragraphs.
pub const NEAR: usize = 1500;

/// A mention at `pos` of a name already settled in group `g` (see [`group`]); `full` when it names the person
/// in full.
pub(super) fn seen_again(gs: &mut Groups, g: usize, pos: usize, full: bool) {
    if full && let Some(x) = gs.get_mut(g) {
        x.full_at.push(pos);
    }
}

/// How far `pos` is from the nearest of `at` (sorted).
fn distance(at: &[usize], pos: usize) -> Option<usize> {
    let i = at.partition_point(|&p| p < pos);
    let after = at.get(i).map(|&p| p - pos);
    let before = i.checked_sub(1).and_then(|j| at.get(j)).map(|&p| pos - p);
    match (before, after) {
        (Some(b), Some(a)) => Some(a.min(b)),
        (b, a) => b.or(a),
    }
}

/// Which of several people sharing a surname a surname alone at `pos` is: the nearest one named in full when
/// every one of them is named in full nearby, else the one named in full most often (a book's hero, not
/// whichever relative came last), the nearest of those on a tie.
fn which(gs: &Groups, many: &[usize], pos: usize) -> Option<usize> {
    let dist = |g: usize| gs.get(g).and_then(|x| distance(&x.full_at, pos));
    let named = |g: usize| gs.get(g).map_or(0, |x| x.full_at.len());
    if many.iter().all(|&g| dist(g).is_some_and(|d| d <= NEAR)) {
        return many.iter().copied().min_by_key(|&g| (dist(g), g));
    }
    many.iter().copied().max_by_key(|&g| {
        (
            named(g),
            std::cmp::Reverse(dist(g).unwrap_or(usize::MAX)),
            std::cmp::Reverse(g),
        )
    })
}

/// The group of a person's mention at `pos`, and whether any other mention of the same name belongs to it
/// wherever it stands (the name matched one person, or none and made one).
pub(super) fn group(gs: &mut Groups, name: &PersonName, pos: usize) -> (usize, bool) {
    let one_word = name.words.len() == 1;
    let mut cands = Vec::new();
    gs.people.candidates(name, one_word, &mut cands);
    let sur = name.surname.as_str();
    let mut matches: Vec<usize> = Vec::new();
    for g in cands {
        let g = gs.root(g);
        let Some(gr) = gs.get(g) else { continue };
        if gr.label != Label::Per || matches.contains(&g) {
            continue;
        }
        let inner = gr.full && gs.people.inner.get(sur).is_some_and(|v| v.contains(&g));
        if fits(gr, name, one_word, inner) {
            matches.push(g);
        }
    }
    matches.sort_unstable();
    let pick = match matches.as_slice() {
        [] => None,
        [one] => Some(*one),
        many if !name.full => which(gs, many, pos),
        many => many
            .iter()
            .copied()
            .find(|&g| gs.get(g).is_some_and(|x| !x.full || x.given == name.given)),
    };
    let settles = matches.len() <= 1;
    if let Some(g) = pick {
        let upgrade = name.full && gs.get(g).is_some_and(|x| !x.full);
        if upgrade {
            if let Some(x) = gs.get_mut(g) {
                x.full = true;
                x.given.clone_from(&name.given);
                x.surname = Some(name.surname.clone());
            }
            gs.people.add_surname(&name.surname, g);
            gs.people.add_full(name, g);
        }
        if name.full
            && let Some(x) = gs.get_mut(g)
        {
            x.full_at.push(pos);
        }
        return (g, settles);
    }
    let mut grp = Group::new(Label::Per);
    grp.surname = Some(name.surname.clone());
    grp.given.clone_from(&name.given);
    grp.full = name.full;
    if name.full {
        grp.full_at.push(pos);
    }
    if !name.full {
        grp.keys.push(super::prefixed("per?:", &name.surname));
    }
    let g = gs.add(grp);
    gs.people.add_surname(&name.surname, g);
    if name.full {
        gs.people.add_full(name, g);
    }
    (g, true)
}
