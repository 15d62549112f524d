//! A corpus's quotations by speaker: for each corpus entity ([`EntityId`] of an [`EntityIndex`]), where it is
//! quoted, as (document, quotation) pairs in corpus then text order. Built once from what each document's
//! [`find`](super::find) gave, off any drawing path: linear in the quotations and the mentions.

use serde::{Deserialize, Serialize};

use super::Quote;
use crate::text::fold::FxMap;
use crate::{DocEntities, EntityId, EntityIndex};

/// The quotations of a corpus by speaker entity (see the module's documentation).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteIndex {
    /// (entity id, its quotations as (document, index in that document's quotes)), by entity id.
    by_entity: Vec<(u32, Vec<(u32, u32)>)>,
}

impl QuoteIndex {
    /// `docs[i]` is document `i` of `index` (the order given to [`EntityIndex::build`]): its entities and its
    /// quotations. A speaker whose entity the index no longer holds (a correction dropped it) is left out.
    pub fn build(index: &EntityIndex, docs: &[(&DocEntities, &[Quote])]) -> QuoteIndex {
        let mut map: FxMap<u32, Vec<(u32, u32)>> = FxMap::default();
        for (d, (ents, quotes)) in docs.iter().enumerate() {
            let firsts = first_mentions(ents);
            for (q, quote) in quotes.iter().enumerate() {
                let Some(local) = quote.speaker.as_ref().and_then(|s| s.entity) else {
                    continue;
                };
                if let Some(id) = corpus_entity(index, d, ents, &firsts, local) {
                    map.entry(id.0).or_default().push((d as u32, q as u32));
                }
            }
        }
        let mut by_entity: Vec<(u32, Vec<(u32, u32)>)> = map.into_iter().collect();
        by_entity.sort_unstable_by_key(|(id, _)| *id);
        QuoteIndex { by_entity }
    }

    /// Where entity `id` is quoted: (document, index in that document's quotations).
    pub fn quotes_of(&self, id: EntityId) -> &[(u32, u32)] {
        self.by_entity
            .binary_search_by_key(&id.0, |(e, _)| *e)
            .ok()
            .and_then(|i| self.by_entity.get(i))
            .map_or(&[], |(_, v)| v.as_slice())
    }

    /// Every entity quoted, with how many times, most quoted first.
    pub fn speakers(&self) -> Vec<(EntityId, usize)> {
        let mut v: Vec<(EntityId, usize)> = self
            .by_entity
            .iter()
            .map(|(id, q)| (EntityId(*id), q.len()))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }
}

/// Each local entity's first mention (its index among the document's mentions).
fn first_mentions(ents: &DocEntities) -> Vec<Option<u32>> {
    let mut firsts = vec![None; ents.entities.len()];
    for (i, m) in ents.mentions.iter().enumerate() {
        if let Some(f) = firsts.get_mut(m.local() as usize)
            && f.is_none()
        {
            *f = Some(i as u32);
        }
    }
    firsts
}

/// The corpus entity of local entity `local` of document `doc`: that of its first mention in the index.
fn corpus_entity(
    index: &EntityIndex,
    doc: usize,
    ents: &DocEntities,
    firsts: &[Option<u32>],
    local: u32,
) -> Option<EntityId> {
    let m = ents
        .mentions
        .get(firsts.get(local as usize).copied().flatten()? as usize)?;
    let mentions = index.doc_mentions(doc);
    let i = mentions.partition_point(|x| x.start < m.start);
    mentions
        .get(i)
        .filter(|x| x.start == m.start && x.end == m.end)
        .map(|x| x.entity())
}

/// The corpus entity of each quotation's speaker, if it is one: one pass over the document's mentions, then a
/// binary search per quotation (for a UI that shows one document's quotations).
pub fn speaker_entities(
    index: &EntityIndex,
    doc: usize,
    ents: &DocEntities,
    quotes: &[Quote],
) -> Vec<Option<EntityId>> {
    let firsts = first_mentions(ents);
    quotes
        .iter()
        .map(|q| {
            let local = q.speaker.as_ref()?.entity?;
            corpus_entity(index, doc, ents, &firsts, local)
        })
        .collect()
}
