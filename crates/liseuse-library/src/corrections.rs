//! Corrections to the entity engine, made once by the user and applied to every index after
//! it is merged: a name that is no entity, a type that is wrong, two entities that are one, one
//! that is two, the name to show for one. Entities are named by what the text says (a name or a
//! variant, case and accents aside, or a name an earlier rename gave), since their ids change
//! from one index to the next. Later corrections win.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use liseuse_document::search::fold_str;
use liseuse_entity::{Entity, EntityBuild, EntityId, EntityIndex, FlatMentions, Label, Mention};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Correction {
    /// Not an entity: its mentions are neither listed nor highlighted.
    Drop {
        /// The entity's name (any of its names, case and accents aside).
        name: String,
    },
    /// Its type is this one.
    Label {
        /// The entity's name.
        name: String,
        /// The type it is.
        label: Label,
    },
    /// The two are one entity (named as the first).
    Merge {
        /// The entity's name.
        name: String,
        /// The name of the entity it is the same as.
        with: String,
    },
    /// The mentions written this way are an entity of their own, apart from the one the
    /// engine put them in.
    Split {
        /// The way of writing that stands apart.
        name: String,
    },
    /// Its name is this one: shown for it everywhere, and a name that finds it, as its names
    /// as written still do.
    Rename {
        /// The entity's name.
        name: String,
        /// The name it is shown under.
        to: String,
    },
}

impl Correction {
    /// One line for `liseuse correct list` and the app.
    pub fn describe(&self) -> String {
        match self {
            Correction::Drop { name } => format!("“{name}” is not an entity"),
            Correction::Label { name, label } => format!("“{name}” is {label}"),
            Correction::Merge { name, with } => format!("“{with}” is “{name}”"),
            Correction::Split { name } => format!("“{name}” stands apart"),
            Correction::Rename { name, to } => format!("“{name}” is called “{to}”"),
        }
    }

    /// The names of entities it gives, as they are before it applies (a rename's new name is
    /// not one).
    pub fn names(&self) -> Vec<&str> {
        match self {
            Correction::Drop { name }
            | Correction::Label { name, .. }
            | Correction::Split { name }
            | Correction::Rename { name, .. } => vec![name],
            Correction::Merge { name, with } => vec![name, with],
        }
    }
}

/// The entity, other than `of`, one of whose names (shown or as written) is `to`, case and
/// accents aside: renaming `of` so is refused, as two entities would answer to one name (merging
/// is the correction for that). The app and `liseuse correct rename` both ask here.
pub fn rename_conflict<'a>(index: &'a EntityIndex, of: EntityId, to: &str) -> Option<&'a Entity> {
    let to = fold_str(to.trim());
    index.entities().iter().find(|e| {
        e.id != of
            && e.mentions > 0
            && std::iter::once(e.name())
                .chain(e.variants())
                .any(|n| fold_str(n) == to)
    })
}

/// The entities of `by_name` that answer to `name`.
fn found(by_name: &FxHashMap<String, Vec<usize>>, name: &str) -> Vec<usize> {
    by_name.get(&fold_str(name)).cloned().unwrap_or_default()
}

/// The root of `e` in a union-find kept as a parent per entity.
fn root(parent: &mut [usize], e: usize) -> usize {
    let mut r = e;
    while let Some(&p) = parent.get(r) {
        if p == r {
            break;
        }
        r = p;
    }
    // Path halving is not needed for a few dozen merges: keep it simple and bounded.
    r
}

/// `index` with `corrections` applied. `surface(doc, range)` is the text of a mention (for
/// splits, which go by how a mention is written).
pub fn apply(
    index: &EntityIndex,
    corrections: &[Correction],
    surface: impl Fn(usize, Range<usize>) -> Option<String>,
) -> EntityIndex {
    if corrections.is_empty() {
        return index.clone();
    }
    let entities = index.entities();
    let n = entities.len();
    let mut by_name: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, e) in entities.iter().enumerate() {
        let mut names: Vec<String> = std::iter::once(e.name())
            .chain(e.variants())
            .map(fold_str)
            .collect();
        names.sort();
        names.dedup();
        for name in names {
            by_name.entry(name).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..n).collect();
    let mut dropped = vec![false; n];
    let mut label: Vec<Option<Label>> = vec![None; n];
    // The name a rename gave each root.
    let mut renamed: Vec<Option<String>> = vec![None; n];
    // Splits: folded surface -> the label its mentions keep.
    let mut split: FxHashMap<String, Option<Label>> = FxHashMap::default();
    for c in corrections {
        let find = |name: &str| found(&by_name, name);
        match c {
            Correction::Drop { name } => {
                for e in find(name) {
                    let r = root(&mut parent, e);
                    if let Some(d) = dropped.get_mut(r) {
                        *d = true;
                    }
                }
                split.remove(&fold_str(name));
            }
            Correction::Label { name, label: l } => {
                for e in find(name) {
                    let r = root(&mut parent, e);
                    if let Some(x) = label.get_mut(r) {
                        *x = Some(*l);
                    }
                }
                if let Some(s) = split.get_mut(&fold_str(name)) {
                    *s = Some(*l);
                }
            }
            Correction::Merge { name, with } => {
                let Some(&keep) = find(name).first() else {
                    continue;
                };
                let keep = root(&mut parent, keep);
                for e in find(with) {
                    let r = root(&mut parent, e);
                    if r != keep
                        && let Some(p) = parent.get_mut(r)
                    {
                        *p = keep;
                    }
                }
            }
            Correction::Split { name } => {
                split.insert(fold_str(name), None);
            }
            Correction::Rename { name, to } => {
                let to = to.trim();
                if to.is_empty() {
                    continue;
                }
                let mut hits: Vec<usize> = find(name)
                    .into_iter()
                    .map(|e| root(&mut parent, e))
                    .collect();
                hits.sort_unstable();
                hits.dedup();
                // Several answer to it: the one shown under it, if one is (as `liseuse entity`
                // picks it).
                let shown_as = |r: &usize| {
                    let now = match renamed.get(*r) {
                        Some(Some(given)) => Some(given.as_str()),
                        _ => entities.get(*r).map(|e| e.name()),
                    };
                    now.is_some_and(|now| fold_str(now) == fold_str(name))
                };
                let own: Vec<usize> = hits.iter().copied().filter(shown_as).collect();
                let hits = if own.is_empty() { hits } else { own };
                for &r in &hits {
                    if let Some(x) = renamed.get_mut(r) {
                        *x = Some(to.to_string());
                    }
                }
                // Later corrections may name it so.
                let slot = by_name.entry(fold_str(to)).or_default();
                slot.extend(hits);
                slot.sort_unstable();
                slot.dedup();
            }
        }
    }
    let roots: Vec<usize> = (0..n).map(|e| root(&mut parent, e)).collect();
    // Only a mention of an entity written as a split name can be split off: the others'
    // texts need not be read.
    let may_split: Vec<bool> = entities
        .iter()
        .map(|e| {
            !split.is_empty()
                && std::iter::once(e.name())
                    .chain(e.variants())
                    .any(|v| split.contains_key(&fold_str(v)))
        })
        .collect();

    // New ids: each kept root in its old order, then each split surface.
    let mut new_id: Vec<Option<u32>> = vec![None; n];
    let mut out: Vec<EntityBuild> = Vec::new();
    for (e, &r) in roots.iter().enumerate() {
        if r != e || dropped.get(r).copied().unwrap_or(false) {
            continue;
        }
        let Some(src) = entities.get(r) else { continue };
        if let Some(slot) = new_id.get_mut(e) {
            *slot = Some(out.len() as u32);
        }
        out.push(EntityBuild {
            id: EntityId(out.len() as u32),
            key: src.key().to_string(),
            label: label.get(r).copied().flatten().unwrap_or(src.label),
            name: renamed
                .get(r)
                .cloned()
                .flatten()
                .unwrap_or_else(|| src.name().to_string()),
            variants: Vec::new(),
            mentions: 0,
            documents: 0,
            confidence: src.confidence,
        });
    }
    let mut split_id: FxHashMap<(String, Label), u32> = FxHashMap::default();
    let mut flat = FlatMentions::with_docs(index.doc_count());
    // Per new entity: its mentions, its surest one, its documents (the last one counted).
    let mut stats: Vec<(usize, u8, usize, Option<usize>)> = Vec::new();
    for d in 0..index.doc_count() {
        for m in index.doc_mentions(d).iter() {
            let old = m.entity().0 as usize;
            let r = roots.get(old).copied().unwrap_or(old);
            let written = if may_split.get(old).copied().unwrap_or(false) {
                surface(d, m.range())
            } else {
                None
            };
            let apart = written
                .as_deref()
                .map(fold_str)
                .and_then(|f| split.get(&f).map(|l| (f, *l)));
            let id = match apart {
                Some((folded, l)) => {
                    let lab = l
                        .or_else(|| label.get(r).copied().flatten())
                        .unwrap_or(m.label());
                    let next = out.len() as u32;
                    let id = *split_id.entry((folded.clone(), lab)).or_insert(next);
                    if id == next {
                        let name = written.clone().unwrap_or(folded.clone());
                        out.push(EntityBuild {
                            id: EntityId(id),
                            key: format!("{}-split-{folded}", lab.as_str().to_lowercase()),
                            label: lab,
                            name,
                            variants: Vec::new(),
                            mentions: 0,
                            documents: 0,
                            confidence: 0,
                        });
                    }
                    id
                }
                None => match new_id.get(r).copied().flatten() {
                    Some(id) => id,
                    None => continue,
                },
            };
            let Some(ent) = out.get(id as usize) else {
                continue;
            };
            flat.push(Mention::new(
                m.start,
                m.end,
                ent.label,
                m.confidence(),
                EntityId(id),
            ));
            if stats.len() < out.len() {
                stats.resize(out.len(), (0, 0, 0, None));
            }
            if let Some((count, surest, docs, last)) = stats.get_mut(id as usize) {
                *count += 1;
                *surest = (*surest).max(m.confidence());
                if *last != Some(d) {
                    *last = Some(d);
                    *docs += 1;
                }
            }
        }
        flat.end_doc();
    }
    // Variants and counts of what is left.
    for (e, &r) in roots.iter().enumerate() {
        let (Some(id), Some(src)) = (new_id.get(r).copied().flatten(), entities.get(e)) else {
            continue;
        };
        if let Some(ent) = out.get_mut(id as usize) {
            for v in std::iter::once(src.name()).chain(src.variants()) {
                let gone = split.contains_key(&fold_str(v));
                if !gone && !ent.variants.iter().any(|x| x == v) {
                    ent.variants.push(v.to_string());
                }
            }
        }
    }
    stats.resize(out.len(), (0, 0, 0, None));
    for (ent, &(count, surest, docs, _)) in out.iter_mut().zip(&stats) {
        ent.mentions = count;
        ent.confidence = surest;
        ent.documents = docs;
        if ent.variants.is_empty() {
            ent.variants.push(ent.name.clone());
        }
    }
    // An entity whose every mention was split away is no entity any more; its id stays (ids
    // are positions), with nothing pointing to it.
    EntityIndex::from_flat(out, flat)
}

#[cfg(test)]
mod tests;
