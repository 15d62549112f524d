//! The subject of a clause rather than of a cue: the clause a quotation stands in (« le gouvernement, qui ne veut
//! pas « … » »), the first phrase of a clause past a fronted phrase (« Pour se justifier, X … »).

use super::super::lexicon::W;
use super::super::np::{Head, Np};
use super::super::para::{NONE, Para};
use super::Ref;

impl<'a> Para<'a> {
    /// A participle opening a clause (« Interrogée par … , », "Asked about …,", « Concernant … , »), no name.
    fn fronted_participle(&self, s: usize) -> bool {
        let Some(t) = self.tok(s) else { return false };
        if !t.is_word() || t.ment != NONE || t.q != NONE {
            return false;
        }
        let w = self.s(s);
        // a present participle too, a preposition in all but name (« Concernant le lait, », « Évoquant … , »,
        // "Speaking to reporters,"): not "Everything", "Nothing"
        (w.len() > 4
            && ["é", "ée", "és", "ées", "ed"]
                .iter()
                .any(|e| w.ends_with(e)))
            || (w.len() > 6
                && (w.ends_with("ant") || (w.ends_with("ing") && !w.ends_with("thing"))))
    }

    /// The subject of the clause a quotation opened at `open` stands in, when a verb of that clause comes before
    /// it and its subject is someone: a relative's antecedent (« le gouvernement, qui ne veut pas « … » »), the
    /// subject of a verb before it (« Le Medef a décidé de « rester solidaire » »). Not a phrase right before the
    /// quotation: « Édouard Philippe « a pris en compte … » » is what someone else says of him.
    pub fn clause_of_quote(&self, open: usize) -> Option<Ref> {
        // a name right before: the quotation names it (« le groupe Facebook « Gilet jaune officiel » »)
        if open
            .checked_sub(1)
            .and_then(|j| self.tok(j))
            .is_some_and(|t| t.ment != NONE || t.cap())
        {
            return None;
        }
        let floor = self.sent_start(open);
        let mut k = open;
        let mut words = 0;
        while k > floor && words < 12 {
            k -= 1;
            let t = self.tok(k)?;
            if t.q != NONE || matches!(t.punct, ',' | ';' | ':' | '(' | ')') {
                break;
            }
            if self.any(k, words!["qui", "who"]) {
                return self.subject_before(k + 1).filter(someone);
            }
            if self.is(k, W::AUX) || self.verb_group(k).is_some() {
                return self.subject_before(k).filter(someone);
            }
            words += 1;
        }
        None
    }

    /// The first phrase of the clause that starts at `floor`, after a fronted phrase (« Pour se justifier, »,
    /// « Dans l'interview, »).
    pub fn clause_subject(&self, floor: usize, limit: usize) -> Option<Ref> {
        let mut s = floor;
        while s < limit && !self.tok(s).is_some_and(|t| t.is_word() && t.q == NONE) {
            s += 1;
        }
        // (« Des captures d'écran du dernier, 29 ans , montrent » opens on its subject: « des » is no preposition)
        // a fronted participle too: « Interrogée par Le Monde, X reste prudente : », "Asked about it, X …"
        if (self.is(s, W::PREP | W::ADVERB | W::CONNECTIVE) || self.fronted_participle(s))
            && !(self.is(s, W::DET) && self.nominal(s + 1))
            && let Some(c) = (s..(s + 8).min(limit)).find(|&j| self.punct(j) == ',')
        {
            s = c + 1;
        }
        // an adverb without its comma (« Ensuite il jette … : »)
        while s + 1 < limit && self.is(s, W::ADVERB) && !self.is(s, W::PRON_SING | W::PRON_PLUR) {
            s += 1;
        }
        let first = self.np_starting(s, limit);
        if first.is_some_and(|np| np.head != Head::Other) {
            return first.map(Ref::Np);
        }
        // a fronted clause or time of its own before the subject (« S'il arrive à X de …, il jette … : », « Dix
        // ans plus tard, elle porte … : »): a subject pronoun after a comma opens the main clause
        (s + 1..limit)
            .find(|&j| {
                self.punct(j - 1) == ','
                    && self.is(j, W::PRON_SING | W::PRON_PLUR)
                    && !self.is(j, W::CLITIC)
                    && self.tok(j + 1).is_some_and(|t| t.is_word() && t.q == NONE)
            })
            .and_then(|j| self.np_from(j, j + 1))
            .or(first)
            .map(Ref::Np)
    }
}

/// A subject that names or stands for someone (not « la réunion », not a statement).
fn someone(r: &Ref) -> bool {
    matches!(
        r,
        Ref::Np(Np {
            head: Head::Entity(_)
                | Head::Pronoun { .. }
                | Head::RolePer
                | Head::RoleOrg
                | Head::Desc
                | Head::Name,
            ..
        }) | Ref::Latter(_)
    )
}
