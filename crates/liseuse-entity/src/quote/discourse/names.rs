//! A speaker made from a mention of the document's entities, and the names speakers are output with: a
//! mention read once per paragraph (its label, its gender from a title or first names), a person the
//! entities do not hold written in full, an entity's name as the corpus index gives it.

use super::super::para::Para;
use super::speaker::collapse;
use super::{Discourse, Spk, gender};
use crate::Label;
use std::rc::Rc;

impl<'a> Discourse<'a> {
    /// The speaker for mention `m` (tokens `k..e`), read once per paragraph while it is recent.
    pub(super) fn of_mention(&mut self, p: &Para, m: u32, k: usize, e: usize) -> Spk {
        if let Some(spk) = self.recent.get(m, k, e) {
            return spk.clone();
        }
        let spk = self.read_mention(p, m, k, e);
        self.recent.put(m, k, e, &spk);
        spk
    }

    /// [`Discourse::of_mention`] read from the paragraph.
    fn read_mention(&mut self, p: &Para, m: u32, k: usize, e: usize) -> Spk {
        let mention = self.doc.mentions.get(m as usize);
        let label = mention.map(|x| x.label());
        // « Thomas de la Morlais » of which the tagger named « Thomas » (someone else's first name in the
        // article): the whole name as written, no entity
        if label == Some(Label::Per)
            && let Some(end) = p.particle_name_end(e)
        {
            let fem = gender::of_text_name(p, k, end);
            return self.text_name(p, k, end, fem);
        }
        let local = mention.map(|x| x.local());
        // a place named as a speaker is most often a person the tagger took for one (« Castaner »)
        let person = matches!(label, Some(Label::Per | Label::Loc));
        let fem = match (label, local) {
            (Some(Label::Per), Some(l)) => {
                gender::of_title(p, k).or_else(|| self.gender_of(l, p.lang()))
            }
            _ => None,
        };
        let name = local.map(|_| self.empty.clone()).unwrap_or_else(|| {
            let (a, b) = (p.tok(k), p.tok(e.saturating_sub(1)));
            collapse(
                a.zip(b)
                    .and_then(|(a, b)| p.text.get(a.start as usize..b.end as usize))
                    .unwrap_or(""),
            )
            .into()
        });
        Spk {
            name,
            nobody: false,
            entity: local,
            start: p.tok(k).map_or(0, |t| t.start),
            end: p.tok(e.saturating_sub(1)).map_or(0, |t| t.end),
            plural: false,
            guess: false,
            person,
            body: false,
            fem,
        }
    }

    /// A person the entities do not hold, named at tokens `k..end`.
    fn text_name(&mut self, p: &Para, k: usize, end: usize, fem: Option<bool>) -> Spk {
        let (a, b) = (p.tok(k), p.tok(end.saturating_sub(1)));
        let name = collapse(
            a.zip(b)
                .and_then(|(a, b)| p.text.get(a.start as usize..b.end as usize))
                .unwrap_or(""),
        );
        Spk {
            name: name.into(),
            nobody: false,
            entity: None,
            start: a.map_or(0, |t| t.start),
            end: b.map_or(0, |t| t.end),
            plural: false,
            guess: false,
            person: true,
            body: false,
            fem,
        }
    }

    /// An entity's gender, from its first names (once per entity and document).
    fn gender_of(&mut self, local: u32, lang: super::super::lexicon::Lang) -> Option<bool> {
        if let Some(&g) = self.genders.get(&local) {
            return g;
        }
        let g = self
            .doc
            .entities
            .get(local as usize)
            .and_then(|e| gender::of_entity(e, lang));
        self.genders.insert(local, g);
        g
    }

    /// The name a speaker is output with: its words, or its entity's name.
    pub fn name_of(&mut self, spk: &Spk) -> Rc<str> {
        match spk.entity {
            Some(l) if spk.name.is_empty() => self.name(l).unwrap_or_else(|| spk.name.clone()),
            _ => spk.name.clone(),
        }
    }

    /// An entity's name as the corpus index names it (`group::display_name`): a person's most written full
    /// name, an organisation's fullest name unless a shorter one is written far more often (« Hamas »).
    pub(super) fn name(&mut self, local: u32) -> Option<Rc<str>> {
        if let Some(n) = self.names.get(&local) {
            return Some(n.clone());
        }
        let e = self.doc.entities.get(local as usize)?;
        let mut written = e.variants();
        let n: Rc<str> = match (written.next(), written.next()) {
            // written one way only: that is its name, whatever it is counted (what display_name gives)
            (Some(only), None) => only.into(),
            _ => {
                let variants: Vec<&str> = e.variants().collect();
                let counts: Vec<u32> = e.counts().collect();
                crate::group::display_name(e.label, &variants, &counts).into()
            }
        };
        self.names.insert(local, n.clone());
        Some(n)
    }
}
