//! Who speaks, resolved in text order: a cue's phrase becomes a speaker of the article (an entity of its
//! `DocEntities`, or the words that describe someone), a pronoun the person or body the text is about (the last
//! speaker, the subject of the sentence before, the first person it names), a role the person it was given to
//! (« le président Barack Obama » … « le président a déclaré »), a quotation without a cue the speaker of the one
//! just before it (a communiqué quoted over several sentences). What the text does not say stays unsaid: no
//! speaker rather than a guess.

use super::cue::Ref;
use super::lexicon::W;
use super::np::{Head, Np};
use super::para::{NONE, Para};
use super::{Cand, Path, QuoteKind};
use crate::text::fold::{FxMap, fold};
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
    /// Grammatical gender when the words say it (« la direction », « l'opposition »): « il » is not « elle ».
    pub fem: Option<bool>,
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
    first_per: Option<(Spk, u64)>,
    last_per: Option<Spk>,
    /// The last person named before the current paragraph.
    before_paragraph: Option<Spk>,
    last_quote: Option<(Option<Spk>, u64)>,
    /// A role word (folded) → the person it was last given to.
    roles: FxMap<String, Spk>,
    /// The speaker of each quotation between marks of the current paragraph, once resolved.
    quote_speakers: Vec<Option<Spk>>,
    /// The last speaker resolved in the current sentence.
    in_sentence: Option<(u32, Spk)>,
    names: FxMap<u32, Rc<str>>,
    /// Pronoun resolutions recorded for [`super::trace`] (only when it is on), waiting for their quotation.
    traced: Vec<Traced>,
}

impl<'a> Discourse<'a> {
    pub fn new(doc: &'a DocEntities) -> Discourse<'a> {
        Discourse {
            doc,
            base: 0,
            last_speaker: None,
            last_subject: None,
            first_per: None,
            last_per: None,
            before_paragraph: None,
            last_quote: None,
            roles: FxMap::default(),
            names: FxMap::default(),
            quote_speakers: Vec::new(),
            in_sentence: None,
            traced: Vec::new(),
        }
    }

    /// Resolves the candidates of paragraph `p` (sorted by position) in text order; each gets its speaker
    /// (or none) and whether it is kept.
    pub fn paragraph(&mut self, p: &Para, cands: &mut [Cand]) {
        let sentences = p.sent_starts.len() as u64;
        self.before_paragraph = self.last_per.clone();
        self.quote_speakers.clear();
        self.quote_speakers.resize(p.quotes.len(), None);
        self.in_sentence = None;
        // a sentence's subject is read only where a quotation may need it: in its sentence or the two after
        // (a pronoun reaches two sentences back), and at the paragraph's end (for the next one)
        let n = p.sent_starts.len();
        let mut needed = vec![false; n];
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
        self.base += sentences;
    }

    /// What a sentence tells of its people: its subject, the first person it names, the roles it gives.
    fn sentence(&mut self, p: &Para, s: usize, g: u64, subject: bool) {
        let start = p.sent_starts.get(s).copied().unwrap_or(0);
        let end = p.sent_starts.get(s + 1).copied().unwrap_or(p.toks.len());
        let mut first_per = None;
        let mut k = start;
        while k < end {
            let Some(t) = p.tok(k) else { break };
            if t.q != NONE || t.ment == NONE {
                k += 1;
                continue;
            }
            let m = t.ment;
            let e = p.mention_end(k);
            // a name the tagger took for a place, given a person's role: « Castaner, le ministre de l'Intérieur, »
            if p.mention_label(m) == Some(Label::Loc)
                && p.punct(e) == ','
                && (e + 1..(e + 3).min(end)).any(|j| p.is(j, W::ROLE_PER))
            {
                let spk = self.of_mention(p, m, k, e);
                self.learn_roles(p, k, e, &spk);
            }
            if p.mention_label(m) == Some(Label::Per) {
                let spk = self.of_mention(p, m, k, e);
                self.learn_roles(p, k, e, &spk);
                if first_per.is_none() {
                    first_per = Some(spk.clone());
                }
                self.last_per = Some(spk);
            }
            k = e;
        }
        if let Some(f) = first_per {
            self.first_per = Some((f, g));
        }
        // a sentence that is only a quotation has no subject of its own
        if !subject || (start..end).all(|j| p.tok(j).is_none_or(|t| !t.is_word() || t.q != NONE)) {
            return;
        }
        // the subject: of the sentence's first verb
        let verb = (start..end.min(start + 40)).find(|&j| {
            p.tok(j).is_some_and(|t| t.q == NONE)
                && (p.is(j, W::AUX) || p.verb_group(j).is_some_and(|v| !v.implicit))
        });
        let who = match verb {
            Some(v) => match p.verb_group(v) {
                Some(vg) => p.subject_of(&vg),
                None => p.subject_before(v).unwrap_or(Ref::None),
            },
            // a verb the lists do not know (« Jean-Marie Le Pen revient sur … »): the first phrase
            None => p.clause_subject(start, end).unwrap_or(Ref::None),
        };
        // a subject that is no one the stage can name still stands between a pronoun and an older subject
        let nobody = Spk {
            name: Rc::from(""),
            nobody: true,
            entity: None,
            start: 0,
            end: 0,
            plural: true,
            person: false,
            fem: None,
        };
        let spk = match who {
            Ref::Np(np) => self.of_np(p, &np, g).unwrap_or(nobody),
            _ => nobody,
        };
        self.last_subject = Some((spk, g));
    }

    /// Roles given to a person: « le président Barack Obama », « Christian Jacob, président du groupe UMP ».
    fn learn_roles(&mut self, p: &Para, first: usize, end: usize, spk: &Spk) {
        let floor = p.sent_start(first);
        for j in (floor..first).rev().take(4) {
            if p.is(j, W::ROLE_PER) {
                self.roles.insert(fold(p.s(j)), spk.clone());
            } else if !(p.nominal(j) || p.is(j, W::DET) || p.is_of(j)) {
                break;
            }
        }
        if p.punct(end) == ',' {
            for j in end + 1..(end + 3).min(p.toks.len()) {
                if p.is(j, W::ROLE_PER) {
                    self.roles.insert(fold(p.s(j)), spk.clone());
                    break;
                }
            }
        }
    }

    fn resolve(&mut self, p: &Para, cands: &[Cand], i: usize, g: u64) -> Option<Spk> {
        let c = cands.get(i)?;
        match c.who {
            Ref::Np(np) => self.of_np(p, &np, g),
            Ref::Quote(q) => self.quote_speakers.get(q).cloned().flatten(),
            Ref::Implicit { after_noun, after } => self.implicit(p, c.sent, after_noun, after, g),
            Ref::Latter(k) => self.latter(p, k),
            Ref::None => {
                // a cue whose subject was not found says nothing of who spoke: no guess
                if c.kind != QuoteKind::Direct || c.path != Path::None {
                    return None;
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
                None
            }
        }
    }

    /// A participle's or an infinitive's speaker: a statement's author, the clause's speaker, the last one.
    fn implicit(
        &mut self,
        p: &Para,
        sent: u32,
        noun: Option<usize>,
        after: usize,
        g: u64,
    ) -> Option<Spk> {
        let floor = p.sent_start(after);
        if let Some(n) = noun {
            if let Some(np) = p.np_ending(n, floor)
                && let Some(m) = np.inner
            {
                let k = (np.first..=np.last).find(|&j| p.tok(j).is_some_and(|t| t.ment == m))?;
                return Some(self.of_mention(p, m, k, p.mention_end(k)));
            }
            if let Some(v) = (floor..n)
                .rev()
                .take(30)
                .find(|&j| p.is(j, W::AUX) || p.verb_group(j).is_some_and(|v| !v.implicit))
            {
                let who = match p.verb_group(v) {
                    Some(vg) => p.subject_of(&vg),
                    None => p.subject_before(v).unwrap_or(Ref::None),
                };
                if let Ref::Np(np) = who {
                    return self.of_np(p, &np, g);
                }
            }
        }
        // the speaker of a quotation or report earlier in the sentence
        if let Some((s, spk)) = &self.in_sentence
            && *s == sent
        {
            return Some(spk.clone());
        }
        if let Some(v) = (floor..after)
            .rev()
            .take(30)
            .find(|&j| p.is(j, W::AUX) || p.verb_group(j).is_some_and(|v| !v.implicit))
        {
            let who = match p.verb_group(v) {
                Some(vg) => p.subject_of(&vg),
                None => p.subject_before(v).unwrap_or(Ref::None),
            };
            if let Ref::Np(np) = who {
                return self.of_np(p, &np, g);
            }
        }
        self.last_speaker
            .as_ref()
            .filter(|(_, s)| g.saturating_sub(*s) <= 3)
            .map(|(spk, _)| spk.clone())
    }

    /// « ce dernier », « the latter » at token `k`: the last person named before it, in the paragraph or before.
    fn latter(&mut self, p: &Para, k: usize) -> Option<Spk> {
        let found = (k.saturating_sub(300)..k).rev().find(|&j| {
            p.tok(j).is_some_and(|t| t.q == NONE)
                && p.per_org(j)
                    .is_some_and(|m| p.mention_label(m) == Some(Label::Per))
        });
        match found {
            Some(j) => {
                let m = p.tok(j).map_or(NONE, |t| t.ment);
                let a = p.mention_start(j);
                Some(self.of_mention(p, m, a, j + 1))
            }
            None => self.before_paragraph.clone(),
        }
    }

    /// The speaker a phrase names.
    fn of_np(&mut self, p: &Para, np: &Np, g: u64) -> Option<Spk> {
        match np.head {
            Head::Entity(m) => {
                let k = (np.first..=np.last).find(|&j| p.tok(j).is_some_and(|t| t.ment == m))?;
                Some(self.of_mention(p, m, k, p.mention_end(k)))
            }
            Head::Pronoun { plural } => {
                // « une lettre du général X, dans laquelle il assurait »: the person the relative clause is about
                let relative = np.first.checked_sub(1).is_some_and(|r| {
                    p.any(
                        r,
                        &[
                            "laquelle",
                            "lequel",
                            "lesquelles",
                            "lesquels",
                            "où",
                            "dont",
                            "which",
                            "whom",
                        ],
                    )
                });
                if relative && !plural {
                    let floor = p.sent_start(np.first);
                    if let Some(k) = (floor..np.first).rev().find(|&j| {
                        p.tok(j).is_some_and(|t| t.q == NONE)
                            && p.per_org(j)
                                .is_some_and(|m| p.mention_label(m) == Some(Label::Per))
                    }) {
                        let m = p.tok(k).map_or(NONE, |t| t.ment);
                        let a = p.mention_start(k);
                        return Some(self.of_mention(p, m, a, k + 1));
                    }
                }
                // « Il a ajouté », « a-t-il poursuivi », « he added »
                let continuation = (np.first..np.first + 4).any(|j| {
                    let s = p.s(j).to_lowercase();
                    [
                        "ajout", "poursui", "continu", "conclu", "renchér", "enchaîn", "add",
                        "went on",
                    ]
                    .iter()
                    .any(|c| s.starts_with(c))
                });
                let fem = match p.s(np.head_tok).to_lowercase() {
                    s if s.ends_with("elle") || s.ends_with("elles") => Some(true),
                    s if s.ends_with("il") || s.ends_with("ils") => Some(false),
                    _ => None,
                };
                let chosen = self.pronoun(plural, g, continuation, fem);
                if super::trace::on() {
                    self.trace(plural, g, continuation, fem, &chosen);
                }
                chosen
            }
            Head::RolePer => {
                // « un ancien guide touristique », « a spokesman »: someone new, not someone named before
                let indefinite = p.any(
                    np.first,
                    &[
                        "un",
                        "une",
                        "des",
                        "de",
                        "a",
                        "an",
                        "some",
                        "certains",
                        "certaines",
                        "plusieurs",
                    ],
                );
                if indefinite {
                    return Some(self.described(p, np));
                }
                let role = fold(p.s(np.head_tok));
                if let Some(spk) = self.roles.get(&role) {
                    return Some(spk.clone());
                }
                // a bare role (« l'expert », « the minister ») is the person named who is speaking; a role with
                // its complement (« le préfet des Bouches-du-Rhône ») is the description itself
                let bare = np.inner.is_none() && !(np.first..=np.last).any(|j| p.is_of(j));
                if bare
                    && let Some((spk, s)) = &self.last_speaker
                    && spk.person
                    && spk.entity.is_some()
                    && g.saturating_sub(*s) <= 3
                {
                    return Some(spk.clone());
                }
                Some(self.described(p, np))
            }
            Head::RoleOrg | Head::Desc | Head::Name => Some(self.described(p, np)),
            Head::Statement => {
                // its author: « le communiqué [du ministère de l'Intérieur] », « a statement on [Apple]'s website »
                if let Some(of) = (np.head_tok + 1..=np.last).find(|&j| p.is_of(j))
                    && let Some(author) = p.np_starting(of + 1, np.last + 1)
                    && author.head != Head::Other
                    && author.head != Head::Statement
                {
                    return self.of_np(p, &author, g);
                }
                let end = p.sent_end(np.head_tok).min(np.last + 8);
                for j in np.head_tok + 1..end {
                    if p.verb_group(j).is_some()
                        || p.is(j, W::AUX)
                        || p.tok(j).is_some_and(|t| !t.is_word())
                    {
                        break;
                    }
                    if let Some(m) = p.per_org(j) {
                        let a = p.mention_start(j);
                        return Some(self.of_mention(p, m, a, p.mention_end(j)));
                    }
                }
                self.last_speaker
                    .as_ref()
                    .filter(|(_, s)| g.saturating_sub(*s) <= 2)
                    .map(|(spk, _)| spk.clone())
            }
            Head::Other => None,
        }
    }

    /// Someone the text describes rather than names: the phrase itself (an organisation named inside it is
    /// its entity: « le ministère de l'Intérieur »).
    fn described(&mut self, p: &Para, np: &Np) -> Spk {
        let (a, b) = (p.tok(np.first), p.tok(np.last));
        let entity = np
            .inner
            .filter(|&m| np.head == Head::RoleOrg && p.mention_label(m) == Some(Label::Org))
            .and_then(|m| self.doc.mentions.get(m as usize))
            .map(|m| m.local());
        Spk {
            name: collapse(p.np_text(np)).into(),
            nobody: false,
            entity,
            start: a.map_or(0, |t| t.start),
            end: b.map_or(0, |t| t.end),
            plural: np.plural,
            person: matches!(np.head, Head::RolePer | Head::Name | Head::Desc),
            fem: gender(p, np),
        }
    }

    /// The speaker for mention `m` (tokens `k..e`).
    fn of_mention(&mut self, p: &Para, m: u32, k: usize, e: usize) -> Spk {
        let mention = self.doc.mentions.get(m as usize);
        let local = mention.map(|x| x.local());
        let label = mention.map(|x| x.label());
        // a place named as a speaker is most often a person the tagger took for one (« Castaner »)
        let person = matches!(label, Some(Label::Per | Label::Loc));
        let name = local.map(|_| Rc::from("")).unwrap_or_else(|| {
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
            person,
            fem: None,
        }
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
    fn name(&mut self, local: u32) -> Option<Rc<str>> {
        if let Some(n) = self.names.get(&local) {
            return Some(n.clone());
        }
        let e = self.doc.entities.get(local as usize)?;
        let variants: Vec<String> = e.variants().map(str::to_string).collect();
        let counts: Vec<u32> = e.counts().collect();
        let n: Rc<str> = crate::group::display_name(e.label, &variants, &counts).into();
        self.names.insert(local, n.clone());
        Some(n)
    }

    /// Hands the pronoun resolutions of a quotation to [`super::trace`], with their referents' names.
    fn record(&mut self, range: std::ops::Range<usize>) {
        for (alts, rule) in std::mem::take(&mut self.traced) {
            let alts = alts
                .into_iter()
                .map(|(spk, features)| super::trace::Alt {
                    name: self.name_of(&spk).to_string(),
                    features,
                })
                .collect();
            super::trace::push(super::trace::Case {
                start: range.start,
                end: range.end,
                alts,
                rule,
            });
        }
    }

    /// Records what a pronoun could have stood for and what the rule chose (for the learning experiment).
    fn trace(
        &mut self,
        plural: bool,
        g: u64,
        continuation: bool,
        fem: Option<bool>,
        chosen: &Option<Spk>,
    ) {
        let english = fem.is_none();
        let age = |at: u64| match g.saturating_sub(at) {
            0 => "0",
            1 => "1",
            2 => "2",
            3 | 4 => "3-4",
            _ => "5+",
        };
        let recent_slot = match (&self.last_speaker, &self.last_subject) {
            (Some((_, x)), Some((_, y))) if y > x => "subj",
            (Some(_), _) => "spk",
            (None, Some(_)) => "subj",
            _ => "",
        };
        let slots: [Slot; 5] = [
            (
                "spk",
                self.last_speaker.as_ref().map(|(s, a)| (s, Some(*a))),
            ),
            (
                "subj",
                self.last_subject.as_ref().map(|(s, a)| (s, Some(*a))),
            ),
            ("first", self.first_per.as_ref().map(|(s, a)| (s, Some(*a)))),
            ("lastper", self.last_per.as_ref().map(|s| (s, None))),
            ("before", self.before_paragraph.as_ref().map(|s| (s, None))),
        ];
        let key = |s: &Spk| {
            (
                s.entity,
                if s.entity.is_some() {
                    Rc::from("")
                } else {
                    s.name.clone()
                },
            )
        };
        let mut alts: Vec<(Spk, Vec<String>)> = Vec::new();
        for (slot, x) in slots {
            let Some((s, at)) = x else { continue };
            let mut f = vec![format!("slot={slot}")];
            if let Some(at) = at {
                f.push(format!("{slot}_age={}", age(at)));
            }
            if slot == recent_slot {
                f.push("most_recent".into());
            }
            if continuation {
                f.push(format!("cont&{slot}"));
            }
            let number = if plural {
                s.plural || !s.person
            } else {
                !s.plural
            };
            f.push(
                if number {
                    "number_fits"
                } else {
                    "number_misfit"
                }
                .into(),
            );
            if fem.is_some() && s.fem.is_some() && s.fem != fem {
                f.push("gender_misfit".into());
            }
            if english && !plural && !s.person {
                f.push("en_he_not_person".into());
            }
            if s.nobody {
                f.push("nobody".into());
            }
            if s.entity.is_some() {
                f.push("entity".into());
            }
            if s.person {
                f.push("person".into());
            }
            match alts.iter_mut().find(|(a, _)| key(a) == key(s)) {
                Some((_, feats)) => {
                    for x in f {
                        if !feats.contains(&x) {
                            feats.push(x);
                        }
                    }
                }
                None => alts.push((s.clone(), f)),
            }
        }
        let rule = chosen
            .as_ref()
            .and_then(|c| alts.iter().position(|(a, _)| key(a) == key(c)));
        self.traced.push((alts, rule));
    }

    /// « il », « elle », « he »: the most recent of the last speaker and the last subject (within two
    /// sentences), else the first person named in the sentence before, else the last person named; « ils »,
    /// « they »: the last plural speaker or body.
    fn pronoun(&self, plural: bool, g: u64, continuation: bool, fem: Option<bool>) -> Option<Spk> {
        // a name the stage could not give (a subject it read as no one) stands for no one; « il » is no
        // feminine phrase (« l'opposition »); in English « he » and « she » are people, not bodies
        let english = fem.is_none();
        let fits = |s: &Spk| {
            !s.nobody
                && (if plural {
                    s.plural || !s.person
                } else {
                    !s.plural
                })
                && !(fem.is_some() && s.fem.is_some() && s.fem != fem)
                && (plural || !english || s.person)
        };
        // « Il a ajouté », « he added »: the one who was speaking goes on
        if continuation
            && let Some((s, at)) = &self.last_speaker
            && fits(s)
            && g.saturating_sub(*at) <= 4
        {
            return Some(s.clone());
        }
        let recent = |x: &Option<(Spk, u64)>, reach: u64| {
            x.as_ref()
                .filter(|(s, at)| fits(s) && g.saturating_sub(*at) <= reach)
                .map(|(s, at)| (s.clone(), *at))
        };
        let speaker = recent(&self.last_speaker, PRONOUN_REACH);
        let subject = recent(&self.last_subject, PRONOUN_REACH);
        match (speaker, subject) {
            (Some((a, x)), Some((b, y))) => return Some(if y > x { b } else { a }),
            (Some((a, _)), None) | (None, Some((a, _))) => return Some(a),
            (None, None) => {}
        }
        if plural {
            return None;
        }
        if let Some((s, at)) = &self.first_per
            && g.saturating_sub(*at) <= 1
        {
            return Some(s.clone());
        }
        recent(&self.last_speaker, 6)
            .map(|(s, _)| s)
            .or_else(|| self.last_per.clone())
    }
}

/// The grammatical gender of a French phrase, from its determiner, else its head noun's ending.
fn gender(p: &Para, np: &Np) -> Option<bool> {
    if p.lang() != super::lexicon::Lang::Fr {
        return None;
    }
    if p.any(
        np.first,
        &[
            "la", "une", "cette", "sa", "ma", "ta", "notre", "votre", "leur",
        ],
    ) {
        return Some(true);
    }
    if p.any(
        np.first,
        &["le", "un", "ce", "cet", "du", "au", "son", "mon", "ton"],
    ) {
        return Some(false);
    }
    let head = p.s(np.head_tok).to_lowercase();
    const FEM: &[&str] = &[
        "tion", "sion", "xion", "té", "ure", "ance", "ence", "ette", "esse", "ée", "ie", "ade",
        "ise", "euse", "trice",
    ];
    const MASC: &[&str] = &["ment", "age", "isme", "eau", "oir", "teur", "ier", "ien"];
    if FEM.iter().any(|e| head.ends_with(e)) {
        Some(true)
    } else if MASC.iter().any(|e| head.ends_with(e)) {
        Some(false)
    } else {
        None
    }
}

/// One line, single spaces.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Cand {
    /// Whether the candidate reads as a sentence of its own (a quotation without cue is kept only then):
    /// five words or more ending on a final mark, or eight words or more.
    pub fn reads_as_sentence(text: &str, start: usize, end: usize) -> bool {
        let s = text.get(start..end).unwrap_or("");
        let words = super::word_count(s, 8);
        let final_mark = s.trim_end().ends_with(['.', '!', '?', '…']);
        (words >= 5 && final_mark) || words >= 8
    }
}
