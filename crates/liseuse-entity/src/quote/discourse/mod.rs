//! Who speaks, resolved in text order: a cue's phrase becomes a speaker of the article (an entity of its
//! `DocEntities`, or the words that describe someone), a pronoun the person or body the text is about (the last
//! speaker, the subject of the sentence before, the first person it names), a role the person it was given to
//! (« le président Barack Obama » … « le président a déclaré »), a quotation without a cue the speaker of the one
//! just before it (a communiqué quoted over several sentences). What the text does not say stays unsaid: no
//! speaker rather than a guess.

mod bodies;
mod carry;
mod gender;
mod implicit;
mod maps;
mod names;
mod orgs;
mod pronoun;
mod recent;
mod roles;
mod speaker;

use super::cue::Ref;
use super::lexicon::W;
use super::para::{NONE, Para};
use super::{Cand, Path, QuoteKind};
use crate::text::fold::FxMap;
use crate::{DocEntities, Label};
use std::rc::Rc;

/// A speaker as the stage holds it while reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spk {
    /// The words that describe the speaker (shared: a speaker is copied at every sentence that names it);
    /// empty for an entity, whose name is looked up only if it is output ([`Discourse::name_of`]).
    pub name: Rc<str>,
    /// A subject the stage read as no one: it stands between a pronoun and an older subject, never speaks.
    pub nobody: bool,
    /// The entity's index in the document's `DocEntities`.
    pub entity: Option<u32>,
    /// Where the text names it for this quotation.
    pub start: u32,
    pub end: u32,
    pub plural: bool,
    /// A person (a pronoun « il » can stand for it).
    pub person: bool,
    /// Someone speaking for a body (« un porte-parole du ministère », "a spokesman for the company"): « ils »,
    /// "they" can stand for them too (« …, ont-ils ajouté »).
    pub body: bool,
    /// Grammatical gender when the words say it (« la direction », « l'opposition »): « il » is not « elle ».
    pub fem: Option<bool>,
    /// A phrase no list knows, taken for the speaker because it is the cue's subject: less sure.
    pub guess: bool,
}

/// How many sentences back a pronoun or a quotation without cue still reaches.
const PRONOUN_REACH: u64 = 2;

/// A pronoun's referents with their features, and the index of the one the rule chose.
type Traced = (Vec<(Spk, Vec<String>)>, Option<usize>);

/// A slot of the discourse state: its name, its speaker and the sentence it was set at.
type Slot<'s> = (&'static str, Option<(&'s Spk, Option<u64>)>);

pub struct Discourse<'a> {
    doc: &'a DocEntities,
    /// The global index of the current paragraph's first sentence.
    base: u64,
    last_speaker: Option<(Spk, u64)>,
    last_subject: Option<(Spk, u64)>,
    /// The subject before `last_subject`: a pronoun before its own sentence's subject (« Selon eux, le
    /// gouvernement … ») stands for someone named earlier, not for that subject.
    prev_subject: Option<(Spk, u64)>,
    first_per: Option<(Spk, u64)>,
    last_per: Option<Spk>,
    /// The last person named before the current paragraph.
    before_paragraph: Option<Spk>,
    last_quote: Option<(Option<Spk>, u64)>,
    /// A role word (its packed key, lower-cased: [`roles::role_key`]) → the person it was last given to.
    roles: FxMap<u128, Spk>,
    /// An organisation (its entity) → the person last given a role of it (« Guillaume Pepy, président de la
    /// SNCF »).
    role_bodies: FxMap<u32, Spk>,
    /// The speaker of each quotation between marks of the current paragraph, once resolved.
    quote_speakers: Vec<Option<Spk>>,
    /// The last speaker resolved in the current sentence.
    in_sentence: Option<(u32, Spk)>,
    names: FxMap<u32, Rc<str>>,
    /// Pronoun resolutions recorded for [`super::trace`] (only when it is on), waiting for their quotation.
    traced: Vec<Traced>,
    /// Which sentences of the paragraph have their subject read (a buffer kept from paragraph to paragraph).
    needed: Vec<bool>,
    /// The speaker of the cue that ended the paragraph before on a colon ([`Ref::Before`]).
    before_colon: Option<Spk>,
    /// The last people named, most recent last, at most a few: a pronoun whose gender the nearer ones do not
    /// fit looks there.
    persons: Vec<Spk>,
    /// Each person entity's gender, once read.
    genders: FxMap<u32, Option<bool>>,
    /// The empty name of an entity speaker (shared: no allocation per speaker).
    empty: Rc<str>,
    /// The speakers of the current paragraph's mentions last read ([`Discourse::of_mention`]).
    recent: recent::Recent,
    /// What the paragraphs before pass on: a speaker over a narrator's paragraph, a heading's body.
    carry: carry::Carry,
    /// The last organisations named, most recent last, at most a few: what « le journal » stands for.
    orgs: std::collections::VecDeque<orgs::Org>,
}

/// How many people named a pronoun looks back over.
const PERSONS: usize = 6;

impl<'a> Discourse<'a> {
    pub fn new(doc: &'a DocEntities) -> Discourse<'a> {
        let maps = maps::take();
        Discourse {
            doc,
            base: 0,
            last_speaker: None,
            last_subject: None,
            prev_subject: None,
            first_per: None,
            last_per: None,
            before_paragraph: None,
            last_quote: None,
            roles: maps.roles,
            role_bodies: maps.role_bodies,
            names: maps.names,
            quote_speakers: Vec::new(),
            in_sentence: None,
            traced: Vec::new(),
            needed: Vec::new(),
            before_colon: None,
            persons: Vec::new(),
            genders: maps.genders,
            empty: Rc::from(""),
            recent: recent::Recent::default(),
            carry: carry::Carry::default(),
            // (its room taken at once: growing it as the first organisations are named costs more)
            orgs: std::collections::VecDeque::with_capacity(orgs::ORGS),
        }
    }

    /// Resolves the candidates of paragraph `p` (sorted by position) in text order; each gets its speaker
    /// (or none) and whether it is kept.
    pub fn paragraph(&mut self, p: &Para, cands: &mut [Cand]) {
        let sentences = p.sent_starts.len() as u64;
        self.recent.clear();
        self.before_paragraph = self.last_per.clone();
        self.quote_speakers.clear();
        self.quote_speakers.resize(p.quotes.len(), None);
        self.in_sentence = None;
        // a sentence's subject is read only where a quotation may need it: in its sentence or the two after
        // (a pronoun reaches two sentences back), and at the paragraph's end (for the next one)
        let n = p.sent_starts.len();
        let mut needed = std::mem::take(&mut self.needed);
        needed.clear();
        needed.resize(n, false);
        for c in cands
            .iter()
            .map(|c| c.sent as usize)
            .chain(n.saturating_sub(1)..n)
        {
            for k in c.saturating_sub(PRONOUN_REACH as usize)..=c {
                if let Some(x) = needed.get_mut(k) {
                    *x = true;
                }
            }
        }
        let mut next = 0;
        for s in 0..n {
            let g = self.base + s as u64;
            self.sentence(p, s, g, needed.get(s).copied().unwrap_or(true));
            while let Some(c) = cands.get(next) {
                if c.sent as usize > s {
                    break;
                }
                let spk = self.resolve(p, cands, next, g);
                if !self.traced.is_empty() {
                    self.record(cands.get(next).map_or(0..0, |c| c.start..c.end));
                }
                if let Some(c) = cands.get_mut(next) {
                    c.speaker = spk.clone();
                    if let (Some(q), Some(sp)) = (c.quote, &spk)
                        && let Some(slot) = self.quote_speakers.get_mut(q)
                    {
                        *slot = Some(sp.clone());
                    }
                    if let Some(sp) = &spk {
                        self.in_sentence = Some((c.sent, sp.clone()));
                    }
                    if c.keep {
                        if let Some(sp) = &spk {
                            self.last_speaker = Some((sp.clone(), g));
                        }
                        self.last_quote = Some((spk, g));
                    }
                }
                next += 1;
            }
        }
        self.pass_on(p, cands, self.base);
        self.base += sentences;
        self.needed = needed;
    }

    /// What a sentence tells of its people: its subject, the first person it names, the roles it gives.
    fn sentence(&mut self, p: &Para, s: usize, g: u64, subject: bool) {
        let start = p.sent_starts.get(s).copied().unwrap_or(0);
        let end = p.sent_starts.get(s + 1).copied().unwrap_or(p.toks.len());
        let mut first_per = None;
        // the sentence's names outside quotations, from the paragraph's list of the tokens in a mention (most
        // tokens are in none and are not visited)
        let mut at = p.named.partition_point(|&j| j < start);
        while let Some(&k) = p.named.get(at) {
            if k >= end {
                break;
            }
            let Some(t) = p.tok(k).filter(|t| t.q == NONE) else {
                at += 1;
                continue;
            };
            let m = t.ment;
            let e = p.mention_end(k);
            let label = p.mention_label(m);
            // a name the tagger took for a place, given a person's role: « Castaner, le ministre de l'Intérieur, »
            // (not a place after a preposition: « a saccagé l'Arc de Triomphe, le ministre de l'Intérieur a »)
            if label == Some(Label::Loc)
                && p.punct(e) == ','
                && (e + 1..(e + 3).min(end)).any(|j| p.is(j, W::ROLE_PER))
                && !k
                    .checked_sub(1)
                    .is_some_and(|b| p.is(b, W::PREP | W::DET) || p.is_of(b))
            {
                let spk = self.of_mention(p, m, k, e);
                self.learn_roles(p, k, e, &spk);
            }
            if label == Some(Label::Org) {
                self.remember_org(p, m, k, e, g);
            }
            if label == Some(Label::Per) {
                let spk = self.of_mention(p, m, k, e);
                self.learn_roles(p, k, e, &spk);
                if first_per.is_none() {
                    first_per = Some(spk.clone());
                }
                self.remember(&spk);
                self.last_per = Some(spk);
            }
            // on past the mention (the tokens listed are in order; a mention's are a few, next to each other)
            while p.named.get(at).is_some_and(|&j| j < e) {
                at += 1;
            }
        }
        if let Some(f) = first_per {
            self.first_per = Some((f, g));
        }
        // a sentence that is only a quotation has no subject of its own
        if !subject || (start..end).all(|j| p.tok(j).is_none_or(|t| !t.is_word() || t.q != NONE)) {
            return;
        }
        // the subject: of the sentence's first verb, past a fronted clause that opens on a preposition (« Après
        // avoir rencontré Paul Martin, Jean Dupont est rentré », "After meeting X, Y returned")
        let first_word = (start..end).find(|&j| p.tok(j).is_some_and(|t| t.is_word()));
        let start = match first_word {
            Some(w) if p.is(w, W::PREP) && !p.is(w, W::DET) => (w + 1..end.min(w + 20))
                .take_while(|&j| p.tok(j).is_some_and(|t| t.q == NONE))
                .find(|&j| p.punct(j) == ',')
                .map_or(start, |c| c + 1),
            _ => start,
        };
        let verb = (start..end.min(start + 40)).find(|&j| {
            p.tok(j).is_some_and(|t| t.q == NONE)
                && (p.is(j, W::AUX) || p.verb_group(j).is_some_and(|v| !v.implicit))
        });
        let who = match verb {
            // an inverted auxiliary opens the group of the participle after it: « « … », a-t-il ajouté » is
            // « il »'s (what it says of a plain one, the subject before it, is read below)
            Some(v) => match p.verb_group(v).or_else(|| {
                p.is(v, W::INVERTED)
                    .then(|| {
                        (v + 1..end.min(v + 6))
                            .find_map(|j| p.verb_group(j).filter(|g| g.first == v))
                    })
                    .flatten()
            }) {
                Some(vg) => p.subject_of(&vg),
                None => p.subject_before(v).unwrap_or(Ref::None),
            },
            // a verb the lists do not know (« Jean-Marie Le Pen revient sur … »): the first phrase
            None => p.clause_subject(start, end).unwrap_or(Ref::None),
        };
        // a subject that is no one the stage can name still stands between a pronoun and an older subject
        // (where it stands: a pronoun before it looks past it)
        let at = match &who {
            Ref::Np(np) => p.tok(np.first).map_or(0, |t| t.start),
            _ => 0,
        };
        let nobody = Spk {
            name: self.empty.clone(),
            nobody: true,
            entity: None,
            start: at,
            end: 0,
            plural: true,
            guess: false,
            person: false,
            body: false,
            fem: None,
        };
        let spk = match who {
            Ref::Np(np) => self
                .of_np(p, &np, g)
                .or_else(|| self.introduced(p, &np))
                .or_else(|| self.agent_subject(p, &np))
                .unwrap_or(nobody),
            // « Ce dernier n'était pas au courant »: the last person named
            Ref::Latter(k) => self.latter(p, k).unwrap_or(nobody),
            _ => nobody,
        };
        self.prev_subject = self.last_subject.replace((spk, g));
    }

    /// Keeps a person named among the last few (one place each, most recent last).
    fn remember(&mut self, spk: &Spk) {
        let same = |s: &Spk| s.entity == spk.entity && (spk.entity.is_some() || s.name == spk.name);
        if self.persons.last().is_some_and(same) {
            return;
        }
        self.persons.retain(|s| !same(s));
        if self.persons.len() >= PERSONS {
            self.persons.remove(0);
        }
        self.persons.push(spk.clone());
    }

    /// Resolves the cue that ends paragraph `p` on a colon, for the statement of the next paragraph.
    pub fn cue_before_next(&mut self, p: &Para, who: Ref) {
        self.recent.clear();
        let g = self.base.saturating_sub(1);
        let sent = p.sent_starts.len().saturating_sub(1) as u32;
        self.before_colon = match who {
            Ref::Np(np) => self.of_np(p, &np, g),
            Ref::Quote(q) => self.quote_speakers.get(q).cloned().flatten(),
            Ref::Implicit { after_noun, after } => self.implicit(p, sent, after_noun, after, g),
            Ref::Latter(k) => self.latter(p, k),
            Ref::Before | Ref::None => None,
        };
    }

    fn resolve(&mut self, p: &Para, cands: &[Cand], i: usize, g: u64) -> Option<Spk> {
        let c = cands.get(i)?;
        match c.who {
            Ref::Before => self.before_colon.clone(),
            // a phrase no list knows is taken for the speaker when a speech verb says it speaks, not before a
            // colon with no speech verb (« Des captures d'écran … montrent des messages : « … » »): no guess
            Ref::Np(np) if c.path == Path::Colon && np.inner.is_none() => {
                self.of_np(p, &np, g).or_else(|| self.agent_subject(p, &np))
            }
            Ref::Np(np) => self.of_np(p, &np, g).or_else(|| self.unlisted(p, &np)),
            Ref::Quote(q) => self.quote_speakers.get(q).cloned().flatten(),
            Ref::Implicit { after_noun, after } => self.implicit(p, c.sent, after_noun, after, g),
            Ref::Latter(k) => self.latter(p, k),
            Ref::None => {
                // a cue whose subject was not found says nothing of who spoke: no guess
                if c.kind != QuoteKind::Direct || c.path != Path::None {
                    return None;
                }
                // words quoted inside a clause whose subject is someone (« Elle souhaitait « … » », « le
                // gouvernement, qui ne veut pas « … » »): that someone's
                if let Some(open) = c.quote.and_then(|q| p.quotes.get(q)).map(|q| q.open)
                    && let Some(Ref::Np(np)) = p.clause_of_quote(open)
                    && let Some(spk) = self.of_np(p, &np, g)
                {
                    return Some(spk);
                }
                // a quotation without cue: the speaker of the one just before it
                if let Some((spk, s)) = &self.last_quote
                    && g.saturating_sub(*s) <= 1
                    && spk.is_some()
                {
                    return spk.clone();
                }
                if c.sentence_like
                    && let Some((spk, s)) = &self.last_subject
                    && g.saturating_sub(*s) <= 1
                    && !spk.nobody
                {
                    return Some(spk.clone());
                }
                // a paragraph opening on a quotation, a narrator's paragraph after the speaker's quotation
                self.carried(p, c)
            }
        }
    }
}
