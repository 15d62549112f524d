//! What comes after: the cue right after a quotation (« », a-t-il affirmé », "…," he said), and the subject written
//! after a verb group (« a indiqué la direction », "said Maduro"), a person named in apposition to it (« a déclaré
//! une représentante du comité, Oksana Kovrijnaïa »), the cue's complements after it to the sentence's end.

use super::super::lexicon::{Lang, W};
use super::super::np::{Head, Np};
use super::super::para::{NONE, Para};
use super::{REACH, Ref, Vg};

impl<'a> Para<'a> {
    /// The cue right after a quotation that closes at `close` (« », a-t-il affirmé », « » a indiqué V. Sapounov »,
    /// "…," he said), with its subject.
    pub fn cue_after(&self, close: usize) -> Option<(Vg, Ref)> {
        let end = self.toks.len();
        let mut k = close + 1;
        // a translation set after the quotation: its cue follows it
        if self.punct(k) == '(' && self.punct(k + 1) == '(' {
            let comma = (k..(k + 80).min(end)).find(|&j| {
                self.punct(j) == ','
                    && (j + 1..(j + 4).min(end))
                        .any(|v| self.verb_group(v).is_some_and(|g| !g.implicit))
            })?;
            k = comma;
        }
        // « "…" — Matthew Ingram »: a dash and a name closing the line
        if matches!(self.punct(k), '—' | '–' | '-')
            && let Some(np) = self.np_starting(k + 1, end)
            && np.last + 1 >= self.sent_end(k + 1).min(end)
            && matches!(
                np.head,
                Head::Entity(_) | Head::Name | Head::Desc | Head::RolePer
            )
        {
            let vg = Vg {
                first: k,
                verb: k,
                last: k,
                inverted: None,
                implicit: false,
                coord: false,
            };
            return Some((vg, Ref::Np(np)));
        }
        if self.punct(k) == ',' {
            k += 1;
        }
        // « « … » , selon la préfecture », « "…", according to the Sydney Morning Herald »: a source
        if let Some((a, b, who)) = self.source_at(k) {
            let vg = Vg {
                first: a,
                verb: a,
                last: b,
                inverted: None,
                implicit: false,
                coord: false,
            };
            return Some((vg, who));
        }
        // « « … » , comme l'a lancé un de ses porte-paroles, X »: the verb's subject follows it
        if self.lang() == Lang::Fr && self.is_word(k, word!("comme")) {
            k += 1;
        }
        // « "…," a spokesman for the company said »: an English subject may be a long phrase
        let reach = if self.lang() == Lang::En {
            REACH + 4
        } else {
            REACH
        };
        let limit = (k + reach).min(end);
        for c in k..limit {
            let t = self.tok(c)?;
            if t.q != NONE || matches!(t.punct, '.' | ';' | ':' | '!' | '?') {
                return None;
            }
            if self.any(c, words!["et", "and", "mais", "but", "que", "that"]) {
                return None;
            }
            // « « … », met-il en perspective », « « … », sourit-elle »: right after a quotation, a verb with its
            // subject pronoun glued after it is an incise, whichever the verb (the lists know the common ones)
            if c == k
                && let Some(plural) = self.unlisted_inversion(c)
            {
                let vg = Vg {
                    first: c,
                    verb: c,
                    last: c,
                    inverted: Some(plural),
                    implicit: false,
                    coord: false,
                };
                return Some((vg, self.subject_of(&vg)));
            }
            if let Some(vg) = self.verb_group(c) {
                if vg.implicit {
                    return None;
                }
                let who = if vg.first > k {
                    // English « ", he said », « " Maduro said », « " a spokesman for the company said »: the
                    // words between are the subject
                    let plain = (k..vg.first)
                        .all(|j| self.tok(j).is_some_and(|t| t.is_word() || t.punct == '.'));
                    match self.np_starting(k, vg.first) {
                        Some(np) if np.last + 1 >= vg.first => Ref::Np(np),
                        Some(_) if plain => match self.np_from(k, vg.first) {
                            Some(np) => Ref::Np(np),
                            None => return None,
                        },
                        // « "…," the mayor of Boston, John Smith, said », « "…," John Smith, 45, said »: a
                        // subject with its apposition, the person named in it
                        Some(_) if self.punct(vg.first - 1) == ',' => {
                            match self.subject_before(vg.first) {
                                Some(Ref::Np(np)) if np.first >= k => Ref::Np(np),
                                _ => return None,
                            }
                        }
                        _ => return None,
                    }
                } else if let Some(np) = self.incise_subject(&vg, close) {
                    Ref::Np(np)
                } else {
                    self.subject_of(&vg)
                };
                return Some((vg, who));
            }
            // « a pour sa part déclaré », « a juste indiqué », « a de son côté affirmé », and any word inside a
            // verb group that starts here or before (« a, mardi, déclaré », « fait valoir »)
            if self.lang() == Lang::Fr
                && !(self.is(c, W::AUX | W::CLITIC | W::ADVERB)
                    || self.skippable(c)
                    || self.any(c, words!["pour", "de"])
                    || (c + 1..limit)
                        .find_map(|v| self.verb_group(v))
                        .is_some_and(|g| g.first <= c))
            {
                return None;
            }
        }
        None
    }

    /// The subject written after verb group `vg` when its verb may stand before its subject: any French one, an
    /// English verb of saying (« said Maduro »), any other English speech verb when the subject names someone
    /// (« replied the minister »).
    pub fn inverted_subject(&self, vg: &Vg) -> Option<Np> {
        if self.inverts(vg.verb) {
            // (« …, confirme le moratoire (suspensif) »: a phrase that names no one is the verb's object)
            return self
                .subject_after(vg.last)
                .filter(|np| np.head != Head::Other);
        }
        if !self.inverts_named(vg.verb) {
            return None;
        }
        self.subject_after(vg.last).filter(|np| {
            matches!(
                np.head,
                Head::Entity(_) | Head::Name | Head::RolePer | Head::RoleOrg | Head::Desc
            )
        })
    }

    /// Whether French word `c` is a verb no list knows with a subject pronoun glued after it (« met-il »,
    /// « sourit-elle », « tempèrent-ils »), and if so whether that pronoun is plural.
    fn unlisted_inversion(&self, c: usize) -> Option<bool> {
        let t = self.tok(c)?;
        if self.lang() != Lang::Fr || !t.is_word() || t.q != NONE || t.is(W::CUE_VERB) || t.cap() {
            return None;
        }
        let s = self.s(c);
        let (verb, plural) = [
            ("-il", false),
            ("-elle", false),
            ("-ils", true),
            ("-elles", true),
        ]
        .into_iter()
        .find_map(|(p, plural)| s.strip_suffix(p).map(|v| (v, plural)))?;
        let verb = verb.strip_suffix("-t").unwrap_or(verb);
        // a verb of a few letters at least, no other hyphen (« peut-être » aside, « dit-il » is listed)
        (verb.chars().count() >= 3 && verb.chars().all(char::is_alphabetic)).then_some(plural)
    }

    /// The subject of an incise right after a quotation (« « … », précise la gastro-entérologue »): the phrase
    /// after the verb when the sentence ends there, even one no list knows (a role, an agent noun), since a verb
    /// set between a quotation and the sentence's end has no object to take (« …, confirme le moratoire »,
    /// with no quotation before it, is that verb's object).
    fn incise_subject(&self, vg: &Vg, close: usize) -> Option<Np> {
        if vg.inverted.is_some() || vg.coord || !self.inverts(vg.verb) {
            return None;
        }
        if !(close + 1..vg.first).all(|j| self.punct(j) == ',') {
            return None;
        }
        let end = self.sent_end(vg.last);
        let mut s = vg.last + 1;
        // a dative between the verb and its subject: « …, a indiqué au Monde le premier substitut du procureur »
        if self.any(s, words!["à", "au", "aux"])
            && let Some(d) = self.np_starting(s + 1, end)
            && self
                .tok(d.last + 1)
                .is_some_and(|t| t.is_word() && t.q == NONE)
        {
            s = d.last + 1;
        }
        let np = self.np_starting(s, end)?;
        // what follows the phrase is the verb's complements (« a ajouté un ténor de la droite sur l'influence
        // qu'… »): the quotation is its object
        let after = np.last + 1;
        let ends = after >= end
            || matches!(self.punct(after), ',' | '.' | ';' | '!' | '?' | '…')
            || (self.is(after, W::PREP) && !self.is_of(after));
        (np.head == Head::Other && ends).then_some(np)
    }

    /// The subject written after a verb group ending at `last` (« a indiqué la direction », « a annoncé à
    /// l'agence RIA Novosti Valentine Sapounov », « said Maduro »), if the sentence goes on with nothing else.
    pub fn subject_after(&self, last: usize) -> Option<Np> {
        let ceil = self.sent_end(last).min(last + 16);
        let mut k = last + 1;
        while k < ceil {
            if self.is(k, W::ADVERB) && self.per_org(k).is_none() {
                k += 1;
                continue;
            }
            // a complement before the subject: « à l'agence RIA Novosti », « dans un communiqué »
            if self.is(k, W::PREP) && !self.is_of(k) && self.tok(k).is_some_and(|t| t.ment == NONE)
            {
                let np = self.np_starting(k + 1, ceil)?;
                // a complement read up to the clause's end over the person named after it (« estime pour sa
                // part Jean Dupont », « a raconté à France Culture Jean Dupont », the tagger reading a place
                // alone): that person is the subject
                if let Some(p) = self.person_closing(&np) {
                    k = p;
                    break;
                }
                k = np.last + 1;
                continue;
            }
            // a complement between commas: « a confié, à l'AFP, le directeur … »
            if k == last + 1
                && self.lang() == Lang::Fr
                && self.punct(k) == ','
                && self.is(k + 1, W::PREP)
                && !self.is_of(k + 1)
                && let Some(np) = self.np_starting(k + 2, ceil)
                && self.punct(np.last + 1) == ','
            {
                k = np.last + 2;
                continue;
            }
            break;
        }
        let np = self.np_starting(k, ceil)?;
        if matches!(np.head, Head::Pronoun { .. }) && self.lang() == Lang::Fr {
            return None;
        }
        let after = np.last + 1;
        // a postposed subject that names someone may be followed by the cue's complements to the sentence's end
        // (« a martelé Jean Dupont devant la presse », « a indiqué le ministère dans un communiqué mardi »)
        let named = matches!(
            np.head,
            Head::Entity(_) | Head::Name | Head::RolePer | Head::RoleOrg | Head::Desc
        );
        let ends = after >= self.sent_end(last)
            || matches!(self.punct(after), ',' | '.' | ';' | '(' | '!' | '?' | '…')
            || (self.lang() == Lang::En && self.is(after, W::PREP))
            || (named
                && self.is(after, W::PREP | W::ADVERB)
                && self.complements_only(after, self.sent_end(last)))
            // a quotation after a phrase that names no one makes that phrase an object (« trouve la réforme
            // « insuffisante » »), not a subject set after its verb
            || (named && self.tok(after).is_some_and(|t| t.q != NONE));
        ends.then(|| self.named_apposition(np))
    }

    /// The first token of a person named inside complement `np` (not its first word) when nothing but a comma or
    /// the sentence's end follows `np`: the complement ran on over the subject set after it.
    fn person_closing(&self, np: &Np) -> Option<usize> {
        let after = np.last + 1;
        if !(after >= self.sent_end(np.last) || matches!(self.punct(after), ',' | '.' | ';')) {
            return None;
        }
        // (a mention that starts inside the phrase, not the rest of one it opens on: « à Jean Dupont »)
        let p = (np.first + 1..=np.last).find(|&j| {
            self.mention_start(j) == j
                && self
                    .per_org(j)
                    .is_some_and(|m| self.mention_label(m) == Some(crate::Label::Per))
        })?;
        (self.mention_end(p) == after && !self.is_of(p - 1)).then_some(p)
    }

    /// The person a described phrase is then named as: « le président du Centre d'analyse du terrorisme,
    /// Jean-Charles Brisard, », « a déclaré une représentante du comité, Oksana Kovrijnaïa. » (the name set
    /// after a comma, ending the phrase).
    pub fn named_apposition(&self, np: Np) -> Np {
        if matches!(np.head, Head::Entity(m) if self.mention_label(m) == Some(crate::Label::Per))
            || self.punct(np.last + 1) != ','
        {
            return np;
        }
        let ceil = self.sent_end(np.last + 1);
        let Some(name) = self.np_starting(np.last + 2, ceil) else {
            return np;
        };
        let person = matches!(name.head, Head::Entity(m) if self.mention_label(m) == Some(crate::Label::Per));
        let after = name.last + 1;
        let closes = after >= ceil
            || matches!(self.punct(after), ',' | ':' | '.' | ';' | '!' | '?')
            || self.tok(after).is_some_and(|t| t.q != NONE);
        if person && closes { name } else { np }
    }
}
