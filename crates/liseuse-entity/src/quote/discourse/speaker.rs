//! The speaker a phrase names: an entity of the document (its name looked up only when it is output), a
//! pronoun's referent, a role given before, a statement's author, or the words that describe someone.

use super::super::lexicon::W;
use super::super::np::{Head, Np};
use super::super::para::{NONE, Para};
use super::bodies::{cut_body, participle_cut, place_body, speaks_for_body};
use super::{Discourse, Spk, gender};
use crate::Label;

impl<'a> Discourse<'a> {
    /// The speaker a phrase names.
    pub(super) fn of_np(&mut self, p: &Para, np: &Np, g: u64) -> Option<Spk> {
        match np.head {
            Head::Entity(m) => {
                let k = (np.first..=np.last).find(|&j| p.tok(j).is_some_and(|t| t.ment == m))?;
                let e = p.mention_end(k);
                let spk = self.of_mention(p, m, k, e);
                if let Some(name) = place_body(p, m, e, np.last) {
                    return Some(Spk {
                        name,
                        entity: None,
                        person: false,
                        body: true,
                        ..spk
                    });
                }
                Some(match cut_body(p, m, e, np.last) {
                    Some(name) => Spk { name, ..spk },
                    None => spk,
                })
            }
            Head::Pronoun { plural } => {
                // « une lettre du général X, dans laquelle il assurait »: the person the relative clause is about
                let relative = np.first.checked_sub(1).is_some_and(|r| {
                    p.any(
                        r,
                        words![
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
                // « celui-ci », « celle-ci »: the latter, the last person named (of that gender) in this sentence or
                // the one before, not the subject (« X a reçu Y. Celui-ci a déclaré » is Y)
                if !plural && p.any(np.head_tok, words!["celui-ci", "celle-ci"]) {
                    let fem = p.any(np.head_tok, words!["celle-ci"]);
                    if let Some(spk) = self.latter_of_gender(p, np.first, fem) {
                        return Some(spk);
                    }
                }
                // "it": a body (the company, the ministry) that is the last speaker or subject, never a person
                if !plural && p.any(np.head_tok, words!["it"]) {
                    return self.or_heading(true, self.body_referent(g), p, np.first);
                }
                let continuation = super::pronoun::continues(p, np.first);
                let fem = match p.s(np.head_tok).to_lowercase() {
                    s if s.ends_with("elle")
                        || s.ends_with("elles")
                        || s == "she"
                        || s == "her" =>
                    {
                        Some(true)
                    }
                    s if s.ends_with("il") || s.ends_with("ils") || s == "he" || s == "him" => {
                        Some(false)
                    }
                    _ => None,
                };
                let fem = (fem, p.lang() == super::super::lexicon::Lang::En);
                let pos = super::pronoun::named_before(p, np.first);
                let addressee = super::pronoun::addressee(p, np.first);
                let chosen = self.pronoun(plural, g, continuation, fem, pos, addressee);
                if super::super::trace::on() {
                    self.trace(plural, g, continuation, fem, &chosen);
                }
                // "They said:" after a heading that names a body, no one else to stand for
                self.or_heading(plural, chosen, p, np.first)
            }
            Head::RolePer => {
                // « un ancien guide touristique », « a spokesman »: someone new, not someone named before
                let indefinite = p.any(
                    np.first,
                    words![
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
                if let Some(spk) =
                    super::roles::role_key(p, np.head_tok).and_then(|role| self.roles.get(&role))
                {
                    return Some(spk.clone());
                }
                // another role of the body a person was given a role of (« Guillaume Pepy, président de la SNCF »
                // … « le PDG de la SNCF »): that person
                if let Some(spk) = super::roles::role_body(p, np.head_tok)
                    .and_then(|local| self.role_bodies.get(&local))
                {
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
                // nor one speaking yet: the person named the sentences before are about, of the role's gender
                // (« Christophe Castaner est arrivé mardi. … Le ministre a déclaré »); not after a possessive:
                // « son avocat » is someone else's
                if bare
                    && p.any(np.first, words!["le", "la", "l", "the"])
                    && !super::roles::role_written_before(p, np.head_tok)
                    && let Some(spk) = self.subject_for_role(gender(p, np), g)
                {
                    return Some(spk);
                }
                Some(self.described(p, np))
            }
            // « le journal », « l'agence »: the organisation of that kind named before, when there is one
            Head::RoleOrg => self
                .org_for_noun(p, np, g)
                .or_else(|| Some(self.described(p, np))),
            Head::Desc | Head::Name => Some(self.described(p, np)),
            Head::Statement => {
                // its author: « le communiqué [du ministère de l'Intérieur] », « a statement on [Apple]'s website »
                // « a statement from the ministry », « un texte publié par le syndicat »: « from », « by », « par » too
                if let Some(of) = (np.head_tok + 1
                    ..=np
                        .last
                        .max(np.head_tok + 3)
                        .min(p.sent_end(np.head_tok).saturating_sub(1)))
                    .find(|&j| {
                        p.is_of(j)
                            || p.any(j, words!["from"])
                            // « by », « par »: the author after the statement or a verb of writing it, not
                            // whoever read it ("a letter seen by Sky News")
                            || (p.any(j, words!["by", "par"])
                                && (j == np.head_tok + 1 || authoring(p.s(j - 1))))
                    })
                    && let Some(author) = p.np_starting(of + 1, p.sent_end(of))
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
                        || (p.any(j, words!["by", "par"])
                            && j > np.head_tok + 1
                            && !authoring(p.s(j - 1)))
                    {
                        break;
                    }
                    if let Some(m) = p.per_org(j) {
                        let a = p.mention_start(j);
                        return Some(self.of_mention(p, m, a, p.mention_end(j)));
                    }
                }
                // "the Home Office letter", « le communiqué Renault »: a body named inside the phrase wrote it
                if let Some(m) = np.inner
                    && let Some(k) =
                        (np.first..=np.last).find(|&j| p.tok(j).is_some_and(|t| t.ment == m))
                    && p.mention_label(m)
                        .is_some_and(|l| matches!(l, crate::Label::Org | crate::Label::Per))
                {
                    return Some(self.of_mention(p, m, k, p.mention_end(k)));
                }
                // « un communiqué », "a leaked letter": an indefinite statement is a new one, not the last
                // speaker's; it stands for its unnamed author
                if p.any(np.first, words!["a", "an", "un", "une"]) {
                    return Some(self.described(p, np));
                }
                self.last_speaker
                    .as_ref()
                    .filter(|(_, s)| g.saturating_sub(*s) <= 2)
                    .map(|(spk, _)| spk.clone())
            }
            Head::Other => None,
        }
    }

    /// The subject of a cue whose head no list knows (« les chiffres d'Eurostat estiment que », « les
    /// enquêteurs pensent que »): the person or body named in its complement, else the phrase itself, marked a
    /// guess (a lower confidence).
    pub(super) fn unlisted(&mut self, p: &Para, np: &Np) -> Option<Spk> {
        if np.head != Head::Other {
            return None;
        }
        if let Some(m) = np.inner {
            let k = (np.first..=np.last).find(|&j| p.tok(j).is_some_and(|t| t.ment == m))?;
            return Some(self.of_mention(p, m, k, p.mention_end(k)));
        }
        // « des captures d'écran du dernier », « les propos de ce dernier »: the last person named
        if np.last > np.first
            && p.any(np.last, words!["dernier", "dernière"])
            && p.any(np.last - 1, words!["du", "ce", "cette"])
        {
            return self.latter(p, np.last - 1);
        }
        let mut spk = self.described(p, np);
        spk.guess = true;
        Some(spk)
    }

    /// A sentence's subject no list knows, introduced by an indefinite singular article (« un chiraquien s'est
    /// souvenu », "a neighbour heard"): someone new the text goes on about, whom « il », "he" may stand for in
    /// the sentences after (of the article's gender); marked a guess.
    pub(super) fn introduced(&mut self, p: &Para, np: &Np) -> Option<Spk> {
        if np.head != Head::Other || np.inner.is_some() || np.plural {
            return None;
        }
        if !p.any(np.first, words!["un", "une", "a", "an"]) || np.head_tok != np.first + 1 {
            return None;
        }
        let head = p.tok(np.head_tok)?;
        if !head.is_word() || head.cap() || head.ment != NONE {
            return None;
        }
        let mut spk = self.described(p, np);
        spk.person = true;
        spk.guess = true;
        Some(spk)
    }

    /// A subject no list knows that still names people: an agent noun (« L'agresseur a été arrêté. Il a affirmé
    /// … », « des randonneurs ont choisi … : « … » »), or a group's capitalised name used as a noun after a
    /// lower-case article (« des Gilets jaunes »); someone a pronoun or a colon after may stand for.
    pub(super) fn agent_subject(&mut self, p: &Para, np: &Np) -> Option<Spk> {
        let head = p.tok(np.head_tok)?;
        let article = p.any(np.first, words!["le", "la", "l", "les", "the", "des"]);
        let group =
            head.cap() && np.head_tok > np.first && p.tok(np.first).is_some_and(|t| !t.cap());
        // (French nouns of one who does only: English "-er" names as many things, « the number », « the border »)
        let agent = np.head == Head::Other
            && np.inner.is_none()
            && article
            && (group
                || (!head.cap()
                    && p.lang() == super::super::lexicon::Lang::Fr
                    && p.agent_noun(np.head_tok, true)));
        let np = Np {
            head: Head::Desc,
            ..*np
        };
        agent.then(|| self.described(p, &np))
    }

    /// Someone the text describes rather than names: the phrase itself (an organisation named inside it is
    /// its entity: « le ministère de l'Intérieur »).
    pub(super) fn described(&mut self, p: &Para, np: &Np) -> Spk {
        let (a, b) = (p.tok(np.first), p.tok(np.last));
        let entity = np
            .inner
            .filter(|&m| np.head == Head::RoleOrg && p.mention_label(m) == Some(Label::Org))
            .and_then(|m| self.doc.mentions.get(m as usize))
            .map(|m| m.local());
        // a participle whose complement the phrase leaves out is no part of the name (« les secours dépêchés [sur
        // les lieux du drame] », « l'individu arrêté [la veille] »): the description ends before it
        let named = Np {
            last: participle_cut(p, np),
            ..*np
        };
        Spk {
            name: collapse(p.np_text(&named)).into(),
            nobody: false,
            entity,
            start: a.map_or(0, |t| t.start),
            end: b.map_or(0, |t| t.end),
            plural: np.plural,
            guess: false,
            person: matches!(np.head, Head::RolePer | Head::Name | Head::Desc),
            body: !np.plural
                && matches!(np.head, Head::RolePer | Head::Desc)
                && speaks_for_body(p, np),
            fem: match np.head {
                Head::Name => gender::of_text_name(p, np.first, np.last + 1),
                _ => gender(p, np),
            },
        }
    }
}

/// The grammatical gender of a French phrase, from its determiner, else its head noun's ending.
pub(super) fn gender(p: &Para, np: &Np) -> Option<bool> {
    if p.lang() != super::super::lexicon::Lang::Fr {
        return None;
    }
    if p.any(
        np.first,
        words![
            "la", "une", "cette", "sa", "ma", "ta", "notre", "votre", "leur",
        ],
    ) {
        return Some(true);
    }
    if p.any(
        np.first,
        words!["le", "un", "ce", "cet", "du", "au", "son", "mon", "ton"],
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

/// One line, single spaces: the words joined as they are read (no list of them gathered first).
pub(super) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        // a word is never empty: only the first finds the line empty
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn authoring(w: &str) -> bool {
    let w = w.to_lowercase();
    AUTHORING.iter().any(|a| w.starts_with(a))
}

/// The beginnings of participles that make an agent the author of a statement (« publié par », « signé par »,
/// "issued by", "written by").
const AUTHORING: &[&str] = &[
    "publi",
    "sign",
    "écri",
    "ecri",
    "rédig",
    "redig",
    "émi",
    "diffus",
    "adress",
    "envoy",
    "issued",
    "written",
    "signed",
    "published",
    "released",
    "sent",
    "posted",
    "authored",
];
