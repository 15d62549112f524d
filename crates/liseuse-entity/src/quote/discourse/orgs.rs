//! The organisations the text names, and the noun each is given, so that a definite noun of a body later (« le
//! journal », « le ministère », « l'agence ») is the organisation of that kind named before it rather than the
//! bare phrase: « Le Courrier de l'Ouest … le journal estime que » is the Courrier.
//!
//! An organisation is of a kind when the text says so: the noun before its name (« le quotidien Le Courrier »), in
//! its name (« le ministère de la Santé », « l'Agence nationale »), or in apposition after it (« Le Courrier,
//! quotidien régional, »). A paper is most often named by its title alone (« Le Courrier », « L'Écho »): a noun of
//! the press also stands for an organisation that no noun names, when it was named in that sentence or the one
//! before; a ministry, an agency, a group carries its noun in its name and never stands for one that does not
//! (« Selon Le Courrier, le ministère … » is not the paper).

use super::super::lexicon::W;
use super::super::np::Np;
use super::super::para::Para;
use super::roles::role_key;
use super::speaker::collapse;
use super::{Discourse, Spk};

/// How many organisations named a noun of a body looks back over.
pub(super) const ORGS: usize = 8;

/// An organisation named: its entity (none for a name the entities do not hold) and where the text names it (its
/// speaker is made from these only when a noun stands for it: most are never asked for), the sentence it was
/// named in, the noun of a body the text gives it (its packed key, lower-cased; 0 for none) and whether that noun
/// is one of the press.
pub(super) struct Org {
    entity: Option<u32>,
    start: u32,
    end: u32,
    sent: u64,
    noun: u128,
    press: bool,
}

/// The nouns of the press, whose bodies are named by a title with no noun in it (« Le Courrier »).
fn press(p: &Para, j: usize) -> bool {
    p.any(
        j,
        words![
            "journal",
            "quotidien",
            "hebdomadaire",
            "mensuel",
            "magazine",
            "revue",
            "newspaper",
            "paper",
            "daily",
            "weekly",
        ],
    )
}

impl<'a> Discourse<'a> {
    /// Keeps the organisation of mention `m`, named by tokens `k..e` of sentence `g`, with the noun the text gives
    /// it.
    pub(super) fn remember_org(&mut self, p: &Para, m: u32, k: usize, e: usize, g: u64) {
        let after = (p.punct(e) == ',')
            .then(|| (e + 1..(e + 3).min(p.toks.len())).find(|&j| p.is(j, W::ROLE_ORG)))
            .flatten();
        // (not a name the tagger cut after « de » (« le ministère [de l'Intérieur] »): the body is the whole
        // phrase, which a later « le ministère » already names)
        let noun = k
            .checked_sub(1)
            .filter(|&j| p.is(j, W::ROLE_ORG) && !p.is_of(k))
            .or_else(|| (k..e).find(|&j| p.is(j, W::ROLE_ORG)))
            .or(after);
        let org = Org {
            noun: noun.and_then(|j| role_key(p, j)).unwrap_or(0),
            press: noun.is_some_and(|j| press(p, j)),
            entity: self.doc.mentions.get(m as usize).map(|x| x.local()),
            start: p.tok(k).map_or(0, |t| t.start),
            end: p.tok(e.saturating_sub(1)).map_or(0, |t| t.end),
            sent: g,
        };
        if self.orgs.len() >= ORGS {
            self.orgs.pop_front();
        }
        self.orgs.push_back(org);
    }

    /// The speaker of an organisation kept, as [`Discourse::of_mention`] reads it from its mention: the entity
    /// (its name looked up if output), or the words that name it.
    fn org_speaker(&self, text: &str, o: &Org) -> Spk {
        let name = match o.entity {
            Some(_) => self.empty.clone(),
            None => collapse(text.get(o.start as usize..o.end as usize).unwrap_or("")).into(),
        };
        Spk {
            name,
            nobody: false,
            entity: o.entity,
            start: o.start,
            end: o.end,
            plural: false,
            guess: false,
            person: false,
            body: false,
            fem: None,
        }
    }

    /// The organisation a definite noun of a body with no complement (« le journal », « l'agence ») stands for:
    /// the last one named before it that the text gave that noun, or, for a noun of the press, the last one named
    /// in its sentence or the one before that the text gave no noun.
    pub(super) fn org_for_noun(&self, p: &Para, np: &Np, g: u64) -> Option<Spk> {
        let h = np.head_tok;
        let definite = p.any(np.first, words!["le", "la", "l", "the"])
            && (np.first + 1..h).all(|j| p.punct(j) == '\'');
        if !definite || np.inner.is_some() || (h..=np.last).any(|j| p.is_of(j)) {
            return None;
        }
        let key = role_key(p, h)?;
        let paper = press(p, h);
        let at = p.tok(np.first).map_or(0, |t| t.start);
        self.orgs
            .iter()
            .rev()
            .filter(|o| o.sent < g || o.start < at)
            .find(|o| {
                o.noun == key
                    || (paper && o.press)
                    || (paper && o.noun == 0 && g.saturating_sub(o.sent) <= 1)
            })
            .map(|o| self.org_speaker(p.text, o))
    }
}
