//! Speech verbs and who they say speaks. A cue is a verb group (« a déclaré », « a-t-il affirmé », « lui avait
//! dit », « fait savoir », « said »), a source (« selon X », « according to X »), or a colon after a name; its
//! subject is read from the words around it: before the verb (« le Pentagone a déclaré », over appositions:
//! « Gérald Karsenti, PDG de HP France, a indiqué »), after it (« a indiqué la direction », « said Maduro »), a
//! pronoun glued to it (« explique-t-il »), the subject of the verb it is coordinated with (« a fait procéder au
//! vote et a déclaré »), or none written (« ajoutant », « Et d'ajouter »). Walks are bounded by the sentence
//! and a few tokens.

use super::lexicon::{Lang, W};
use super::np::{Head, Np};
use super::para::{NONE, Para};

/// Who a cue says speaks, before it is resolved to a speaker of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ref {
    Np(Np),
    /// The speaker of quotation `k` of the paragraph (« « … » et a déclaré que … »).
    Quote(usize),
    /// A participle or an infinitive: the clause's or the discourse's speaker.
    Implicit {
        after_noun: Option<usize>,
        after: usize,
    },
    /// « ce dernier », « the latter » at token k: the last person named before it.
    Latter(usize),
    None,
}

/// A verb group that may introduce speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Vg {
    /// Its first token (clitics included: « lui avait dit », « s'est dit »).
    pub first: usize,
    /// The speech verb itself.
    pub verb: usize,
    /// Its last token.
    pub last: usize,
    /// « a-t-il », « explique-t-elle », « ont-ils »: the subject is that pronoun.
    pub inverted: Option<bool>,
    /// A participle or an infinitive (« ajoutant », « Et d'ajouter »).
    pub implicit: bool,
    /// A participle sharing an earlier auxiliary (« a condamné … et estimé »).
    pub coord: bool,
}

/// How far a cue is looked for, in tokens.
const REACH: usize = 6;

impl<'a> Para<'a> {
    fn skippable(&self, i: usize) -> bool {
        self.is(i, W::ADVERB | W::CLITIC)
            || self.any(
                i,
                &[
                    "pas",
                    "point",
                    "son",
                    "sa",
                    "côté",
                    "part",
                    "quant",
                    "notamment",
                ],
            )
    }

    /// The verb group of speech verb `c`, if `c` is used as one here.
    pub fn verb_group(&self, c: usize) -> Option<Vg> {
        let t = self.tok(c)?;
        if !t.is_word() || t.q != NONE || !t.is(W::CUE_VERB) || t.ment != NONE {
            return None;
        }
        let floor = self.sent_start(c);
        // a capital inside a sentence is a name (« the United States »)
        if t.cap() && c > floor && t.flags & crate::text::token::SENT == 0 && !t.is(W::INVERTED) {
            return None;
        }
        let prev = c.checked_sub(1).filter(|&p| p >= floor);
        let after_det = prev.is_some_and(|p| self.is(p, W::DET) && !self.is(p, W::CLITIC));
        let inverted = t.is(W::INVERTED).then_some(t.is(W::INV_PLUR));
        if inverted.is_some() {
            return Some(self.with_clitics(Vg {
                first: c,
                verb: c,
                last: c,
                inverted,
                implicit: false,
                coord: false,
            }));
        }
        // only after « faire »: « fait savoir que »
        let s = self.s(c);
        if s == "savoir" || s == "valoir" {
            let p = prev?;
            if !self.s(p).starts_with("fai") && !self.any(p, &["font", "fit"]) {
                return None;
            }
            let mut first = p;
            if let Some(a) = p
                .checked_sub(1)
                .filter(|&a| a >= floor && self.is(a, W::AUX))
            {
                first = a;
            }
            let inv = self
                .tok(first)
                .filter(|x| x.is(W::INVERTED))
                .map(|x| x.is(W::INV_PLUR));
            return Some(self.with_clitics(Vg {
                first,
                verb: c,
                last: c,
                inverted: inv,
                implicit: false,
                coord: false,
            }));
        }
        if t.is(W::PP) {
            // an auxiliary before it, over a few adverbs (« a de son côté dénoncé », « a elle relevé »)
            let mut k = c;
            for _ in 0..5 {
                let Some(p) = k.checked_sub(1).filter(|&p| p >= floor) else {
                    break;
                };
                if self.is(p, W::AUX) {
                    // « s'est dit »: a reflexive use, a cue only for a reflexive verb or « dire »
                    let refl = p > floor && self.any(p - 1, &["se", "s"]);
                    if refl
                        && !t.is(W::REFLEXIVE)
                        && !self.any(c, &["dit", "dite", "dits", "dites"])
                    {
                        return None;
                    }
                    // a passive says nothing of its subject's words (« is added », « a été annoncé »)
                    let be = [
                        "is", "are", "was", "were", "been", "being", "be", "est", "sont", "était",
                        "étaient", "été", "être", "sera", "seront", "serait", "fut",
                    ];
                    if !refl && self.any(p, &be) {
                        return None;
                    }
                    let inv = self
                        .tok(p)
                        .filter(|x| x.is(W::INVERTED))
                        .map(|x| x.is(W::INV_PLUR));
                    return Some(self.with_clitics(Vg {
                        first: p,
                        verb: c,
                        last: c,
                        inverted: inv,
                        implicit: false,
                        coord: false,
                    }));
                }
                if !(self.skippable(p)
                    || self.is(p, W::PRON_SING | W::PRON_PLUR)
                    || self.is_word(p, "de")
                    || self.is_word(p, "pour"))
                {
                    break;
                }
                k = p;
            }
            // « … et estimé que »: the auxiliary of an earlier participle of the clause
            if prev.is_some_and(|p| self.any(p, &["et", "and"]))
                && self.aux_before(c, floor).is_some()
            {
                return Some(Vg {
                    first: c,
                    verb: c,
                    last: c,
                    inverted: None,
                    implicit: false,
                    coord: true,
                });
            }
            if !t.is(W::FIN) {
                return None;
            }
        }
        if t.is(W::FIN) && !after_det {
            // « au juge », « de rapport »: a noun after a preposition
            if prev.is_some_and(|p| self.is(p, W::PREP) && !self.is(p, W::CLITIC))
                && !t.is(W::PRESP)
            {
                return None;
            }
            // « se trouve »: reflexive use of a verb that is not one
            if prev.is_some_and(|p| self.any(p, &["se", "s"]))
                && !t.is(W::REFLEXIVE)
                && !self.is_word(c, "dit")
            {
                return None;
            }
            return Some(self.with_clitics(Vg {
                first: c,
                verb: c,
                last: c,
                inverted: None,
                implicit: false,
                coord: false,
            }));
        }
        if t.is(W::PRESP) && !after_det {
            return Some(Vg {
                first: c,
                verb: c,
                last: c,
                inverted: None,
                implicit: true,
                coord: false,
            });
        }
        if t.is(W::INF) {
            // « Et d'ajouter », « avant de poursuivre », « tente-t-il de corriger »
            let p = prev?;
            if self.any(p, &["de", "d"]) {
                let mut first = p;
                // the inverted verb that governs it carries the subject
                if let Some(v) = p
                    .checked_sub(1)
                    .filter(|&v| v >= floor && self.is(v, W::INVERTED))
                {
                    first = v;
                    let inv = self.tok(v).map(|x| x.is(W::INV_PLUR));
                    return Some(Vg {
                        first,
                        verb: c,
                        last: c,
                        inverted: inv,
                        implicit: false,
                        coord: false,
                    });
                }
                return Some(Vg {
                    first,
                    verb: c,
                    last: c,
                    inverted: None,
                    implicit: true,
                    coord: false,
                });
            }
        }
        None
    }

    /// Extends a group over the clitics and negation before it (« lui avait dit », « ne confirme »).
    fn with_clitics(&self, mut vg: Vg) -> Vg {
        let floor = self.sent_start(vg.first);
        while vg.first > floor
            && self.is(vg.first - 1, W::CLITIC)
            && !self.is(vg.first - 1, W::PRON_SING | W::PRON_PLUR)
        {
            vg.first -= 1;
        }
        vg
    }

    /// An auxiliary earlier in the sentence than `c` (within a clause's reach).
    fn aux_before(&self, c: usize, floor: usize) -> Option<usize> {
        (floor..c)
            .rev()
            .take(25)
            .find(|&k| self.is(k, W::AUX) && self.tok(k).is_some_and(|t| t.q == NONE))
    }

    /// The nearest verb group of the sentence before token `c`: an auxiliary, a finite verb, or a speech verb.
    fn governing_verb(&self, c: usize) -> Option<usize> {
        let floor = self.sent_start(c);
        (floor..c).rev().take(30).find(|&k| {
            self.tok(k).is_some_and(|t| t.q == NONE)
                && (self.is(k, W::AUX) || self.verb_group(k).is_some_and(|g| !g.implicit))
        })
    }

    /// Who the verb group says speaks.
    pub fn subject_of(&self, vg: &Vg) -> Ref {
        if let Some(plural) = vg.inverted {
            return Ref::Np(Np {
                first: vg.first,
                last: vg.first,
                head: Head::Pronoun { plural },
                head_tok: vg.first,
                inner: None,
                plural,
            });
        }
        if vg.implicit {
            let floor = self.sent_start(vg.verb);
            // « Khamenei disant », « a statement saying »
            let p = vg.first.checked_sub(1).filter(|&p| p >= floor);
            if let Some(p) = p
                && self.per_org(p).is_some()
            {
                let m = self.mention_start(p);
                if let Some(np) = self.np_from(m, p + 1) {
                    return Ref::Np(np);
                }
            }
            let noun = (floor..vg.first)
                .rev()
                .take(4)
                .find(|&k| self.is(k, W::NOUN));
            return Ref::Implicit {
                after_noun: noun,
                after: vg.first,
            };
        }
        // « l'individu arrêté la veille pour avoir appelé à « … » »: the phrase the infinitive hangs on
        if self.any(vg.first, &["avoir", "être", "having", "being"]) {
            let floor = self.sent_start(vg.first);
            let prep = vg.first.checked_sub(1).filter(|&p| {
                p > floor
                    && self.any(
                        p,
                        &[
                            "pour", "sans", "après", "de", "d", "for", "after", "without",
                        ],
                    )
            });
            // the nearest phrase before it that names someone (« l'individu arrêté la veille »)
            let named = prep.and_then(|p| {
                (p.saturating_sub(8).max(floor)..p)
                    .rev()
                    .filter_map(|j| self.np_ending(j, floor))
                    .find(|np| np.head != Head::Other)
            });
            return match named {
                Some(np) => Ref::Np(np),
                None => Ref::None,
            };
        }
        if vg.coord {
            return match self.aux_before(vg.verb, self.sent_start(vg.verb)) {
                Some(a) => self.subject_before(a).unwrap_or(Ref::None),
                None => Ref::None,
            };
        }
        let before = vg.first.checked_sub(1);
        let open_left = before.is_none_or(|b| {
            b < self.sent_start(vg.first)
                || self.punct(b) == ','
                || self.quote_closes_at(b).is_some()
                || self.punct(b) == '-'
        });
        if open_left && let Some(np) = self.subject_after(vg.last) {
            return Ref::Np(np);
        }
        self.subject_before(vg.first).unwrap_or(Ref::None)
    }

    /// The quotation whose closing mark is token `i`.
    pub fn quote_closes_at(&self, i: usize) -> Option<usize> {
        let q = self.quote_at(i)?;
        (self.quotes.get(q)?.close == Some(i)).then_some(q)
    }

    /// The subject written before a verb group that starts at `first`.
    pub fn subject_before(&self, first: usize) -> Option<Ref> {
        self.subject_before_at(first, 0)
    }

    /// [`Para::subject_before`], `depth` coordinations deep (« … et … et a déclaré »: a few at most).
    fn subject_before_at(&self, first: usize, depth: usize) -> Option<Ref> {
        if depth > 3 {
            return None;
        }
        let floor = self.sent_start(first);
        let mut k = first.checked_sub(1)?;
        while k > floor && self.skippable(k) && !self.is(k, W::PRON_SING | W::PRON_PLUR) {
            k -= 1;
        }
        if k < floor {
            return None;
        }
        if let Some(q) = self.quote_closes_at(k) {
            // « le groupe Facebook « Gilet jaune officiel » a donné »: a name in quotation marks ends the phrase
            if let Some(m) = self.quotes.get(q)
                && super::word_count(self.text.get(m.start..m.end).unwrap_or(""), 6) <= 5
                && m.open > floor
                && self.nominal(m.open - 1)
            {
                return self.np_ending(m.open - 1, floor).map(Ref::Np);
            }
            return Some(Ref::Quote(q));
        }
        let t = self.tok(k)?;
        // « Ce dernier, … a affirmé »: the last person named
        if self.any(k, &["dernier", "dernière", "latter"])
            && k > floor
            && self.any(k - 1, &["ce", "cette", "the"])
        {
            return Some(Ref::Latter(k - 1));
        }
        if t.is(W::PRON_SING | W::PRON_PLUR) {
            // « il y a », « il n'y a »: no one
            if (k + 1..first).any(|j| self.is_word(j, "y")) {
                return None;
            }
            return self.np_from(k, k + 1).map(Ref::Np);
        }
        if self.any(k, &["qui", "who", "which"]) {
            let mut a = k.checked_sub(1)?;
            if self.punct(a) == ',' {
                a = a.checked_sub(1)?;
            }
            return self.np_ending_with(a, floor, false).map(Ref::Np);
        }
        if self.any(k, &["et", "and", "mais", "but", "puis", "then"]) {
            // « « … » et a déclaré que », « … comme « … », mais a souligné que »: the quotation's speaker
            let before = k.checked_sub(1).map(|j| {
                if self.punct(j) == ',' {
                    j.saturating_sub(1)
                } else {
                    j
                }
            });
            if let Some(q) = before.and_then(|j| self.quote_closes_at(j)) {
                return Some(Ref::Quote(q));
            }
            return match self.governing_verb(k) {
                Some(v) => {
                    let start = self.verb_group(v).map_or(v, |g| g.first);
                    self.subject_before_at(start, depth + 1)
                }
                // « La coordination … appel à un moratoire et fait savoir que »: the clause's first phrase
                None => self.clause_subject(floor, k),
            };
        }
        match t.punct {
            ',' => return self.apposition_chain(k, floor),
            ')' => {
                let open = (floor..k).rev().take(12).find(|&j| self.punct(j) == '(')?;
                return self.subject_before_at(open, depth + 1);
            }
            _ => {}
        }
        let mut np = self.np_ending(k, floor)?;
        // a prepositional phrase is no subject: « les médias affiliés [aux Gardiens de la révolution] ont »
        for _ in 0..2 {
            let Some(prep) = np.first.checked_sub(1) else {
                break;
            };
            if prep > floor && self.is(prep, W::PREP) && !self.is_of(prep) && self.nominal(prep - 1)
            {
                match self.np_ending(prep - 1, floor) {
                    Some(n) => np = n,
                    None => break,
                }
            } else {
                break;
            }
        }
        // a name set before its apposition: « Jean-Luc Mélenchon, le candidat du Front de gauche … avait appelé »
        if !matches!(np.head, Head::Entity(_))
            && np.first > floor + 1
            && self.punct(np.first - 1) == ','
            && let Some(n) = self.np_ending(np.first - 2, floor)
            && let Head::Entity(m) = n.head
            && self.mention_label(m) == Some(crate::Label::Per)
            && (n.first == floor
                || matches!(self.punct(n.first - 1), ',' | ':' | ';' | '-' | '–' | '—'))
        {
            np = n;
        }
        Some(Ref::Np(np))
    }

    /// The first phrase of the clause that starts at `floor`, after a fronted phrase (« Pour se justifier, »,
    /// « Dans l'interview, »).
    pub fn clause_subject(&self, floor: usize, limit: usize) -> Option<Ref> {
        let mut s = floor;
        while s < limit && !self.tok(s).is_some_and(|t| t.is_word() && t.q == NONE) {
            s += 1;
        }
        if self.is(s, W::PREP | W::ADVERB | W::CONNECTIVE)
            && let Some(c) = (s..(s + 8).min(limit)).find(|&j| self.punct(j) == ',')
        {
            s = c + 1;
        }
        self.np_starting(s, limit).map(Ref::Np)
    }

    /// The subject before a comma at `comma`: among the comma-separated phrases before it (appositions, a
    /// relative clause), the nearest one naming a person, else an organisation, else the first phrase of the
    /// chain (« De nombreux habitants, témoins de la scène, ont déclaré »).
    fn apposition_chain(&self, comma: usize, floor: usize) -> Option<Ref> {
        let mut end = comma.checked_sub(1)?;
        let mut leftmost: Option<Np> = None;
        let mut org: Option<Np> = None;
        for _ in 0..4 {
            if end < floor {
                break;
            }
            // back to the comma before, a quotation counting as one word
            let mut s = end;
            let mut words = 0;
            while s > floor && words < 30 && !matches!(self.punct(s - 1), ',' | ':' | ';') {
                s -= 1;
                if let Some(q) = self.quote_at(s) {
                    s = self.quotes.get(q).map_or(s, |x| x.open).max(floor);
                }
                words += 1;
            }
            // « Ce dernier, accusant …, a affirmé »
            if end == s + 1
                && self.any(end, &["dernier", "dernière", "latter"])
                && self.any(s, &["ce", "cette", "the"])
            {
                return Some(Ref::Latter(s));
            }
            let head = self.np_starting(s, end + 1);
            let tail = self.np_ending(end, s);
            for np in [head, tail].into_iter().flatten() {
                match np.head {
                    Head::Entity(m) => match self.mention_label(m) {
                        Some(crate::Label::Per) => return Some(Ref::Np(np)),
                        _ => org = org.or(Some(np)),
                    },
                    Head::Name => return Some(Ref::Np(np)),
                    _ => {}
                }
            }
            let relative = (s..=end)
                .any(|j| self.any(j, &["qui", "who", "which", "dont", "laquelle", "lequel"]));
            // an apposition: « de la CGT », « qui … », « and Chairman of … », « accusant Soros de … »
            // (« De nombreux habitants » opens a phrase, « de la CGT » is a complement)
            let appositive = relative
                || (self.is_of(s) && !self.any(s + 1, &["nombreux", "nombreuses", "multiples"]))
                || self.is(s, W::CONJ)
                || self.verb_group(s).is_some_and(|g| g.implicit);
            // a fronted phrase ends the chain: « Pour sa part, », « Plus tard, », « Sur Twitter, »
            let fronted = !appositive
                && (self.is(s, W::PREP | W::ADVERB | W::CONNECTIVE | W::SUB)
                    || self.verb_group(s).is_some()
                    || self.is(s, W::AUX));
            if appositive {
            } else if let Some(np) =
                head.filter(|np| np.last == end || tail.is_some_and(|t| t.first == np.first))
            {
                leftmost = Some(np);
            } else if fronted {
                break;
            }
            if s > floor && self.punct(s - 1) == ',' {
                end = s - 2;
            } else {
                break;
            }
        }
        org.or(leftmost).map(Ref::Np)
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
                k = np.last + 1;
                continue;
            }
            break;
        }
        let np = self.np_starting(k, ceil)?;
        if matches!(np.head, Head::Pronoun { .. }) && self.lang() == Lang::Fr {
            return None;
        }
        let after = np.last + 1;
        let ends = after >= self.sent_end(last)
            || matches!(self.punct(after), ',' | '.' | ';' | '(' | '!' | '?' | '…')
            || (self.lang() == Lang::En && self.is(after, W::PREP))
            || self.tok(after).is_some_and(|t| t.q != NONE);
        ends.then_some(np)
    }

    /// Whether the words before token `k` are a quotation's translation set after it (Wikinews writes
    /// « "…" ((es))Spanish language: …, he said »).
    pub fn after_translation(&self, k: usize) -> bool {
        let floor = k.saturating_sub(80);
        (floor..k).any(|j| {
            self.quote_closes_at(j).is_some()
                && self.punct(j + 1) == '('
                && self.punct(j + 2) == '('
        })
    }

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
            if self.any(c, &["et", "and", "mais", "but", "que", "that"]) {
                return None;
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
                        _ => return None,
                    }
                } else {
                    self.subject_of(&vg)
                };
                return Some((vg, who));
            }
            if self.lang() == Lang::Fr && !self.is(c, W::AUX | W::CLITIC | W::ADVERB) {
                return None;
            }
        }
        None
    }
}
