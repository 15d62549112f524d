//! Who appears with whom: the entities named in the same paragraphs as a given one, across
//! every article of the index, with how many passages and articles they share; and those
//! shared passages themselves. Computed on demand from the index's occurrences (the articles
//! naming the entity and a binary search in each), so its cost follows the entity's mentions,
//! not the library's size. What a paragraph is comes from the caller (the documents know).
//! Where the text says so, who speaks of whom: the quotations of the entity naming another, and
//! the other's naming it ([`add_said`]).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::quotes::{LibraryQuotes, speaker_in};
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
    /// Quotations of the entity asked about that name this one (see [`add_said`]).
    pub said_of: usize,
    /// Quotations of this one that name the entity asked about.
    pub said_by: usize,
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

/// The entities other than `id` named in `range` of a document, each once, into `here` (one
/// buffer for every paragraph or quotation looked at).
fn others_in(here: &mut Vec<EntityId>, mentions: &[Mention], range: &Range<usize>, id: EntityId) {
    here.clear();
    here.extend(
        mentions_in(mentions, range)
            .iter()
            .map(Mention::entity)
            .filter(|&e| e != id),
    );
    here.sort_unstable();
    here.dedup();
}

/// Every paragraph naming `id`, article by article, once each.
fn paragraphs_of(
    index: &EntityIndex,
    paras: &impl Paragraphs,
    id: EntityId,
) -> Vec<(usize, Range<usize>)> {
    let mut out: Vec<(usize, Range<usize>)> = Vec::new();
    for (d, i) in index.occurrences(id).iter() {
        let doc = d as usize;
        let Some(m) = index.doc_mentions(doc).get(i as usize).copied() else {
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
        others_in(&mut here, &index.doc_mentions(doc), &p, id);
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
                said_of: 0,
                said_by: 0,
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

/// Who speaks of whom, where the text says so: for each entity, how many quotations of `id`
/// name it, and how many of its own quotations name `id` (a quotation naming one twice counts
/// once). Those named only in quotations join `rows` with no shared paragraph. Its cost follows
/// `id`'s quotations and mentions, not the library's size.
pub fn add_said(
    rows: &mut Vec<Companion>,
    index: &EntityIndex,
    quotes: &LibraryQuotes,
    id: EntityId,
) {
    let mut said: FxHashMap<EntityId, (usize, usize)> = FxHashMap::default();
    let mut here: Vec<EntityId> = Vec::new();
    for (d, q) in quotes.of_entity(id).iter() {
        let Some(quote) = quotes.get(d as usize, q as usize) else {
            continue;
        };
        others_in(
            &mut here,
            &index.doc_mentions(d as usize),
            &quote.range(),
            id,
        );
        for &e in &here {
            said.entry(e).or_default().0 += 1;
        }
    }
    // The quotations naming `id`: found from its mentions, each quotation once.
    let mut last: Option<(u32, usize)> = None;
    for (d, i) in index.occurrences(id).iter() {
        let Some(m) = index.doc_mentions(d as usize).get(i as usize).copied() else {
            continue;
        };
        let theirs = quotes.of_article(d as usize);
        let start = m.range().start;
        let q = theirs.partition_point(|q| q.range().end <= start);
        let Some(quote) = theirs.get(q).filter(|q| q.range().start <= start) else {
            continue;
        };
        if last == Some((d, q)) {
            continue;
        }
        last = Some((d, q));
        if let Some(speaker) = speaker_in(index, d as usize, quote).filter(|&s| s != id) {
            said.entry(speaker).or_default().1 += 1;
        }
    }
    for c in rows.iter_mut() {
        if let Some((of, by)) = said.remove(&c.id) {
            (c.said_of, c.said_by) = (of, by);
        }
    }
    let mut more: Vec<Companion> = said
        .into_iter()
        .filter_map(|(e, (said_of, said_by))| {
            Some(Companion {
                id: e,
                label: index.entity(e)?.label,
                passages: 0,
                articles: 0,
                said_of,
                said_by,
            })
        })
        .collect();
    more.sort_by(|a, b| {
        (b.said_of + b.said_by)
            .cmp(&(a.said_of + a.said_by))
            .then(a.id.cmp(&b.id))
    });
    rows.extend(more);
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
            mentions_in(&index.doc_mentions(*doc), p)
                .iter()
                .any(|m| m.entity() == b)
        })
        .map(|(doc, range)| Passage { doc, range })
        .collect()
}

/// [`shared`], and the paragraphs of the quotations of either that name the other (where one
/// speaks of the other with no name of its own in the paragraph: « il a ajouté »), in article
/// then text order, each once.
pub fn shared_or_said(
    index: &EntityIndex,
    paras: &impl Paragraphs,
    quotes: &LibraryQuotes,
    a: EntityId,
    b: EntityId,
) -> Vec<Passage> {
    let mut out = shared(index, paras, a, b);
    for (speaker, named) in [(a, b), (b, a)] {
        for (d, q) in quotes.of_entity(speaker).iter() {
            let doc = d as usize;
            let Some(quote) = quotes.get(doc, q as usize) else {
                continue;
            };
            let names = mentions_in(&index.doc_mentions(doc), &quote.range())
                .iter()
                .any(|m| m.entity() == named);
            if let Some(range) = paras.paragraph(doc, quote.range().start).filter(|_| names) {
                out.push(Passage { doc, range });
            }
        }
    }
    out.sort_by_key(|p| (p.doc, p.range.start, p.range.end));
    out.dedup();
    out
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
            .find(|e| e.name().contains(name))
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

    /// Who speaks of whom: Macron's quotation names Scholz, Scholz's names Macron twice (one
    /// quotation), and Meloni, named only in Scholz's quotation, joins the list that way.
    #[test]
    fn quotations_say_who_speaks_of_whom() {
        let texts = [
            "Titre\n\nEmmanuel Macron a déclaré : « Olaf Scholz est un ami fidèle. »\n\n\
             Olaf Scholz a répondu : « Emmanuel Macron exagère, et Macron le sait bien. »\n",
            "Autre\n\nLe chancelier Olaf Scholz a déclaré mardi : « Je pense qu'Emmanuel Macron et \
             Giorgia Meloni se trompent sur ce dossier. »\n",
        ];
        let mut ents = Vec::new();
        let mut found = Vec::new();
        for t in texts {
            let doc = liseuse_document::Document::from_text("a.txt", t.into());
            let et = doc.entity_text();
            let e = entity::analyse(&et);
            found.push(crate::quotes::find(&doc, &et, &e, None).into());
            ents.push(e);
        }
        let index = EntityIndex::build(&ents);
        let quotes = LibraryQuotes::build(&index, found);
        let paras = |d: usize, o: usize| paragraph(&texts, d, o);
        let (macron, scholz) = (id_of(&index, "Macron"), id_of(&index, "Scholz"));
        let meloni = id_of(&index, "Meloni");
        let mut rows = companions(&index, &paras, macron);
        add_said(&mut rows, &index, &quotes, macron);
        let row = |id| rows.iter().find(|c| c.id == id).cloned();
        let s = row(scholz).expect("Scholz");
        assert_eq!((s.said_of, s.said_by), (1, 2), "{rows:?}");
        let m = row(meloni).expect("Meloni");
        assert_eq!((m.said_of, m.said_by), (0, 0));
        let mut of_scholz = companions(&index, &paras, scholz);
        add_said(&mut of_scholz, &index, &quotes, scholz);
        let m = of_scholz.iter().find(|c| c.id == meloni).expect("Meloni");
        assert_eq!((m.said_of, m.said_by), (1, 0));
        assert!(of_scholz.iter().all(|c| c.id != scholz));
        // Scholz's words about Meloni are a passage of theirs, though the paragraph also names
        // both; each passage once.
        let both = shared_or_said(&index, &paras, &quotes, scholz, meloni);
        assert_eq!(both.len(), 1, "{both:?}");
        assert_eq!(both, shared(&index, &paras, scholz, meloni));
    }
}
