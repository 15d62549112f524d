//! Who appears with whom: the entities named in the same paragraphs as a given one, across
//! every article of the index, with how many passages and articles they share; and those
//! shared passages themselves. Computed on demand from the index's occurrences (the articles
//! naming the entity and a binary search in each), so its cost follows the entity's mentions,
//! not the library's size. What a paragraph is comes from the caller (the documents know).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use liseuse_entity::{EntityId, EntityIndex, Label, Mention};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// An entity named beside another one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Companion {
    /// The entity.
    pub id: EntityId,
    /// What it is.
    pub label: Label,
    /// Paragraphs naming both.
    pub passages: usize,
    /// Articles with at least one of those paragraphs.
    pub articles: usize,
}

/// A passage naming two entities: its article and its paragraph's byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The article's index.
    pub doc: usize,
    /// The paragraph's bytes in the article's text.
    pub range: Range<usize>,
}

/// The paragraph holding byte `offset` of article `doc`, as the documents cut them.
pub trait Paragraphs {
    /// The byte range of that paragraph, `None` when there is no such article.
    fn paragraph(&self, doc: usize, offset: usize) -> Option<Range<usize>>;
}

impl<F: Fn(usize, usize) -> Option<Range<usize>>> Paragraphs for F {
    fn paragraph(&self, doc: usize, offset: usize) -> Option<Range<usize>> {
        self(doc, offset)
    }
}

/// The mentions of `doc` inside `range` (mentions are in text order).
fn mentions_in<'a>(mentions: &'a [Mention], range: &Range<usize>) -> &'a [Mention] {
    let a = mentions.partition_point(|m| m.range().start < range.start);
    let b = mentions.partition_point(|m| m.range().start < range.end);
    mentions.get(a..b.max(a)).unwrap_or(&[])
}

/// Every paragraph naming `id`, article by article, once each.
fn paragraphs_of(
    index: &EntityIndex,
    paras: &impl Paragraphs,
    id: EntityId,
) -> Vec<(usize, Range<usize>)> {
    let mut out: Vec<(usize, Range<usize>)> = Vec::new();
    for &(d, i) in index.occurrences(id) {
        let doc = d as usize;
        let Some(m) = index.doc_mentions(doc).get(i as usize) else {
            continue;
        };
        let start = m.range().start;
        if out
            .last()
            .is_some_and(|(ld, lr)| *ld == doc && lr.contains(&start))
        {
            continue;
        }
        if let Some(p) = paras.paragraph(doc, start) {
            out.push((doc, p));
        }
    }
    out
}

/// The entities named in the paragraphs that name `id`, most passages first (then most
/// articles, then by id so the order is stable).
pub fn companions(index: &EntityIndex, paras: &impl Paragraphs, id: EntityId) -> Vec<Companion> {
    // companion -> (passages, articles, last article counted)
    // Entity ids are small integers: a fast hash, not SipHash, and one buffer for all.
    let mut counts: FxHashMap<EntityId, (usize, usize, usize)> = FxHashMap::default();
    let mut here: Vec<EntityId> = Vec::new();
    for (doc, p) in paragraphs_of(index, paras, id) {
        let mentions = index.doc_mentions(doc);
        here.clear();
        here.extend(
            mentions_in(mentions, &p)
                .iter()
                .map(Mention::entity)
                .filter(|&e| e != id),
        );
        here.sort_unstable();
        here.dedup();
        for &e in &here {
            let c = counts.entry(e).or_insert((0, 0, usize::MAX));
            c.0 += 1;
            if c.2 != doc {
                c.1 += 1;
                c.2 = doc;
            }
        }
    }
    let mut out: Vec<Companion> = counts
        .into_iter()
        .filter_map(|(e, (passages, articles, _))| {
            Some(Companion {
                id: e,
                label: index.entity(e)?.label,
                passages,
                articles,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.passages
            .cmp(&a.passages)
            .then(b.articles.cmp(&a.articles))
            .then(a.id.cmp(&b.id))
    });
    out
}

/// The paragraphs naming both `a` and `b`, in article order then text order.
pub fn shared(
    index: &EntityIndex,
    paras: &impl Paragraphs,
    a: EntityId,
    b: EntityId,
) -> Vec<Passage> {
    paragraphs_of(index, paras, a)
        .into_iter()
        .filter(|(doc, p)| {
            mentions_in(index.doc_mentions(*doc), p)
                .iter()
                .any(|m| m.entity() == b)
        })
        .map(|(doc, range)| Passage { doc, range })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use liseuse_entity::{self as entity, EntityIndex};

    const A: &str = "Titre\n\nEmmanuel Macron a reçu Olaf Scholz à Paris.\n\nOlaf Scholz est reparti.\n\nMacron et Scholz se reverront à Berlin.\n";
    const B: &str = "Autre\n\nEmmanuel Macron était à Rome avec Giorgia Meloni.\n";

    fn paragraph(texts: &[&str], doc: usize, offset: usize) -> Option<Range<usize>> {
        let t = texts.get(doc)?;
        let start = t.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
        let end = t.get(offset..)?.find('\n').map_or(t.len(), |i| offset + i);
        Some(start..end)
    }

    fn id_of(index: &EntityIndex, name: &str) -> EntityId {
        index
            .entities()
            .iter()
            .find(|e| e.name.contains(name))
            .map(|e| e.id)
            .unwrap_or_else(|| panic!("no {name}"))
    }

    #[test]
    fn companions_count_shared_paragraphs_and_articles() {
        let texts = [A, B];
        let docs: Vec<_> = texts.iter().map(|t| entity::analyse(t)).collect();
        let index = EntityIndex::build(&docs);
        let paras = |d: usize, o: usize| paragraph(&texts, d, o);
        let macron = id_of(&index, "Macron");
        let scholz = id_of(&index, "Scholz");
        let company = companions(&index, &paras, macron);
        let with_scholz = company.iter().find(|c| c.id == scholz).expect("Scholz");
        assert_eq!((with_scholz.passages, with_scholz.articles), (2, 1));
        let meloni = id_of(&index, "Meloni");
        let with_meloni = company.iter().find(|c| c.id == meloni).expect("Meloni");
        assert_eq!((with_meloni.passages, with_meloni.articles), (1, 1));
        assert_eq!(
            company.first().map(|c| c.id),
            Some(scholz),
            "most shared first"
        );
        assert!(company.iter().all(|c| c.id != macron));

        let both = shared(&index, &paras, macron, scholz);
        assert_eq!(both.len(), 2);
        assert!(A[both[0].range.clone()].contains("a reçu Olaf Scholz"));
        assert!(A[both[1].range.clone()].starts_with("Macron et Scholz"));
        assert!(shared(&index, &paras, scholz, meloni).is_empty());
    }
}
