//! Finding mentions: dates, then names led by a cue word (« Parti populaire », « mer Rouge », « école X »), then
//! runs of capitalised words, each classified from its words and its context (see `classify`), and last the
//! decisions one document allows (see `resolve`): a surname alone is the person named in full, a name keeps
//! one label through the article.

use super::classify::{Cand, classify, is_adj};
use super::cue::cue_span;
use super::gazetteer::*;
use super::token::{CAP, DIGIT, INNER_CAP, NL, SENT, Token, UPPER, tokenize};
use super::{Label, Span, date, resolve};

/// The tokens of a text with their lexicon flags.
pub struct Ctx<'t> {
    pub text: &'t str,
    pub toks: Vec<Token>,
    /// Flags of each word's lower-case form in the hand-written lists.
    pub low: Vec<u32>,
    /// Flags of each capitalised word as written (given names, places).
    pub ex: Vec<u32>,
}

impl<'t> Ctx<'t> {
    pub fn new(text: &'t str) -> Ctx<'t> {
        let toks = tokenize(text);
        let n = toks.len();
        let mut low = vec![0u32; n];
        let mut ex = vec![0u32; n];
        // Lower-case words matter only near a capitalised word or a number (titles, cue words, « de la »,
        // adjectives of an institution's name): look those up, and weekdays everywhere.
        let key = |t: &Token| t.is_word() && t.is(CAP | UPPER | INNER_CAP | super::token::DIGIT);
        let mut near = vec![false; n];
        let mut dist = usize::MAX;
        for i in (0..n).rev() {
            dist = if key(&toks[i]) {
                0
            } else {
                dist.saturating_add(1)
            };
            near[i] = dist <= 8;
        }
        dist = usize::MAX;
        for i in 0..n {
            dist = if key(&toks[i]) {
                0
            } else {
                dist.saturating_add(1)
            };
            near[i] |= dist <= 8;
        }
        let bytes = text.as_bytes();
        let mut demonyms: FxMap<&str, bool> =
            FxMap::with_capacity_and_hasher(64, Default::default());
        for (i, t) in toks.iter().enumerate() {
            if !t.is_word() || t.is(super::token::NUMBER) {
                continue;
            }
            let w = &text[t.range()];
            if w.len() > 40 {
                continue;
            }
            if t.is(CAP | UPPER | INNER_CAP) {
                [ex[i], low[i]] = LEX.token_flags_packed(
                    w,
                    pack_in(bytes, t.start as usize, t.end as usize),
                    true,
                );
                if is_roman(w) {
                    low[i] |= NOT_ORG; // « XVe siècle », « Louis XIV »
                }
                if ex[i] & (PLACE | GIVEN_NAME | PLACE_PREFIX) == 0 && low[i] == 0 && t.is(CAP) {
                    let d = *demonyms.entry(w).or_insert_with(|| LEX.is_demonym(w));
                    if d {
                        low[i] |= DEMONYM;
                    }
                }
            } else if near[i] {
                low[i] = LEX.lower_token_flags(w, pack_in(bytes, t.start as usize, t.end as usize));
            } else if matches!(
                w,
                "lundi" | "mardi" | "mercredi" | "jeudi" | "vendredi" | "samedi" | "dimanche"
            ) {
                low[i] = WEEKDAY;
            }
        }
        Ctx {
            text,
            toks,
            low,
            ex,
        }
    }

    #[inline]
    pub fn n(&self) -> usize {
        self.toks.len()
    }
    #[inline]
    pub fn w(&self, i: usize) -> &'t str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.range()],
            None => "",
        }
    }
    /// Token `i` exists and follows the previous one on the same line.
    #[inline]
    pub fn adjacent(&self, i: usize) -> bool {
        i < self.n() && !self.toks[i].is(NL)
    }
    #[inline]
    pub fn is_apos(&self, i: usize) -> bool {
        i < self.n() && matches!(self.toks[i].punct, '\'' | '’' | 'ʼ')
    }
    /// A word that may be part of a name.
    pub fn name_tok(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        t.is_namey()
            && !t.is(DIGIT)
            && self.low[i] & (MONTH | WEEKDAY | NOT_ORG) == 0
            && (self.low[i] & STOP == 0 || self.low[i] & PARTICLE != 0)
    }
    /// A capitalised word that is only a particle or article ("Le", "De", "Al").
    pub fn cap_particle(&self, i: usize) -> bool {
        self.low[i] & PARTICLE != 0 && self.toks[i].is(CAP)
    }
    /// "de", "du", "des", "d’", "de la", "de l’", "of", "of the" at `j`: the index after it.
    pub fn de_phrase(&self, j: usize, english: bool) -> Option<usize> {
        if !self.adjacent(j) {
            return None;
        }
        match self.w(j) {
            "de" => match self.w(j + 1) {
                "la" => Some(j + 2),
                "l" if self.is_apos(j + 2) => Some(j + 3),
                _ => Some(j + 1),
            },
            "du" | "des" => Some(j + 1),
            "d" if self.is_apos(j + 1) => Some(j + 2),
            "of" if english => Some(if self.w(j + 1) == "the" { j + 2 } else { j + 1 }),
            _ => None,
        }
    }
    /// The tokens `[a, e)` name a known place.
    pub fn is_place(&self, a: usize, e: usize) -> bool {
        self.place_match(a) == Some(e)
    }
    /// The end of the longest known place starting at `a`.
    pub fn place_match(&self, a: usize) -> Option<usize> {
        let mut best = None;
        if self.ex[a] & PLACE != 0 {
            best = Some(a + 1);
        }
        if self.ex[a] & PLACE_PREFIX != 0
            && let Some(list) = LEX.multi.get(self.w(a))
        {
            for m in list {
                let mut j = a + 1;
                let ok = m.rest.iter().all(|r| {
                    let good = self.adjacent(j) && self.w(j) == &**r;
                    j += 1;
                    good
                });
                if ok {
                    return Some(a + 1 + m.rest.len());
                }
            }
        }
        best
    }

    /// Consecutive name words from `a` (which must be one): "Hossein Amir Abdollahian", "Muhammad al-Deif",
    /// "Mohammed bin Abdel Rahman Al Thani", "B. Obama", "Marine Le Pen".
    pub fn run(&self, a: usize) -> usize {
        let mut e = a + 1;
        while self.adjacent(e) {
            let j = e;
            let t = self.toks[j];
            if t.is_word() {
                if self.name_tok(j) {
                    // « United States President Barack Obama »: a title inside a run ends it
                    let title_then_name = self.low[j] & TITLE != 0
                        && self.toks[j].is(CAP)
                        && self.low[j] & ORG_HEAD == 0
                        && self.adjacent(j + 1)
                        && self.name_tok(j + 1);
                    // « l’agence RIA Novosti Valentine Sapounov »: a person after an organisation's name
                    // and « des Finances Ludivine Karbowsky »: a given name after capitalised words that hold none
                    let org_then_person = self.ex[j] & GIVEN_NAME != 0
                        && self.name_tok(j + 1)
                        && self.adjacent(j + 1)
                        && self.low[j + 1] & STOP == 0
                        && ((a..j)
                            .any(|k| self.toks[k].is(UPPER) || self.low[k] & ORG_SUFFIX != 0)
                            || ((a..j).all(|k| self.ex[k] & GIVEN_NAME == 0)
                                && self.low[a] & (ORG_HEAD | SITE_HEAD | GEO_HEAD) == 0
                                && self.w(a).chars().count() > 1));
                    if title_then_name || org_then_person {
                        break;
                    }
                    if self.cap_particle(j) && self.low[j] & STOP != 0 {
                        if self.name_tok(j + 1)
                            && self.adjacent(j + 1)
                            && self.low[j + 1] & PARTICLE == 0
                        {
                            e = j + 2;
                            continue;
                        }
                        break;
                    }
                    e = j + 1;
                    continue;
                }
                let foreign = matches!(
                    self.w(j),
                    "bin"
                        | "ben"
                        | "ibn"
                        | "al"
                        | "el"
                        | "van"
                        | "von"
                        | "der"
                        | "den"
                        | "di"
                        | "da"
                        | "del"
                        | "dos"
                );
                // « von der Leyen », « van den Berg »: two particles may stand together
                let next = if matches!(self.w(j + 1), "der" | "den" | "la" | "los" | "las" | "del")
                {
                    j + 2
                } else {
                    j + 1
                };
                if foreign
                    && self.adjacent(next)
                    && self.name_tok(next)
                    && self.low[next] & PARTICLE == 0
                {
                    e = next + 1;
                    continue;
                }
                break;
            }
            // "B. Obama": an initial and its dot
            let initial = self.w(e - 1).chars().count() == 1 && self.toks[e - 1].is(CAP);
            if t.punct == '.'
                && initial
                && self.low[e - 1] & TITLE == 0
                && self.name_tok(j + 1)
                && self.adjacent(j + 1)
            {
                e = j + 2;
                continue;
            }
            break;
        }
        e
    }
}

/// A lower-case word that may end an organisation's name: an adjective, a participle (« enchaîné »).
fn name_adj(ctx: &Ctx, j: usize) -> bool {
    let w = ctx.w(j);
    is_adj(ctx, j)
        || (ctx.toks[j].is_word()
            && !ctx.toks[j].is(CAP | DIGIT)
            && ctx.low[j] & (STOP | MONTH | WEEKDAY | TITLE) == 0
            && w.chars().count() >= 4
            && ["é", "ée", "és", "ées", "cole", "coles"]
                .iter()
                .any(|s| w.ends_with(s)))
}

/// A Roman numeral, maybe ordinal: « XIV », « XVe », « IIIe ».
fn is_roman(w: &str) -> bool {
    let head = w.trim_end_matches(['e', 'è', 'm', 'r']);
    head.len() >= 2
        && head.len() <= 7
        && head
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'))
}

/// Finds the mentions of a text.
pub fn extract(text: &str) -> Vec<Span> {
    let ctx = Ctx::new(text);
    let n = ctx.n();
    let mut used = vec![false; n];
    let mut cands: Vec<Cand> = Vec::new();
    for (a, e) in date::find(text, &ctx.toks, &ctx.low) {
        cands.push(Cand::fixed(a, e, Label::Date));
        used[a..e].iter_mut().for_each(|u| *u = true);
    }
    let mut i = 0;
    while i < n {
        if used[i] || !ctx.toks[i].is_word() {
            i += 1;
            continue;
        }
        if let Some((a, e, label)) = cue_span(&ctx, i)
            && !used[a..e].iter().any(|&u| u)
        {
            cands.push(Cand::fixed(a, e, label));
            used[i..e].iter_mut().for_each(|u| *u = true);
            i = e;
            continue;
        }
        i += 1;
    }
    let mut i = 0;
    while i < n {
        if used[i] {
            i += 1;
            continue;
        }
        match chunk(&ctx, i) {
            Some(e) if !used[i..e].iter().any(|&u| u) => {
                let mut e = e;
                if let Some(mut c) = classify(&ctx, i, e) {
                    // « la banque Crédit agricole », « le journal La Dépêche libérale »: an organisation named
                    // after a cue word keeps the adjectives that follow its name
                    if c.label == Label::Org && c.strength >= 3 && c.words == 1 {
                        while c.e < e + 2 && ctx.adjacent(c.e) && name_adj(&ctx, c.e) {
                            c.e += 1;
                        }
                        e = c.e;
                    }
                    cands.push(c);
                }
                used[i..e].iter_mut().for_each(|u| *u = true);
                i = e;
            }
            _ => i += 1,
        }
    }
    cands.sort_by_key(|c| c.a);
    resolve::resolve(&ctx, &mut cands);
    let mut out: Vec<Span> = Vec::with_capacity(cands.len());
    for c in cands.iter().filter(|c| !c.dropped) {
        let start = ctx.toks[c.a].start as usize;
        let end = ctx.toks[c.e - 1].end as usize;
        if out.last().is_some_and(|p| p.end > start) {
            continue;
        }
        out.push(Span {
            start,
            end,
            label: c.label,
        });
    }
    out
}

/// A run of capitalised words starting at `a`, with the joins names allow: « Impact de Montréal »,
/// « María Dolores de Cospedal », « Sterling & Francine Clark Art Institute », « Apple Inc. ».
fn chunk(ctx: &Ctx, a: usize) -> Option<usize> {
    let t = ctx.toks[a];
    if !ctx.name_tok(a) || ctx.low[a] & TITLE != 0 {
        return None;
    }
    if ctx.low[a] & STOP != 0 {
        // an article or particle opens a name inside a sentence only: « selon Le Monde », « De Santis »
        if t.is(SENT)
            || !ctx.adjacent(a + 1)
            || !ctx.name_tok(a + 1)
            || ctx.low[a + 1] & PARTICLE != 0
        {
            return None;
        }
    }
    if ctx.low[a] & DEMONYM != 0 {
        return None;
    }
    let mut e = ctx.run(a);
    loop {
        if ctx.adjacent(e) && ctx.toks[e].punct == '&' && ctx.name_tok(e + 1) {
            e = ctx.run(e + 1);
            continue;
        }
        if matches!(ctx.w(e), "and" | "of") && ctx.adjacent(e) {
            let k = if ctx.w(e) == "of" {
                ctx.de_phrase(e, true).unwrap_or(e + 1)
            } else {
                e + 1
            };
            if ctx.name_tok(k) && ctx.adjacent(k) {
                let e2 = ctx.run(k);
                let ok = if ctx.w(e) == "and" {
                    ctx.low[e2 - 1] & ORG_SUFFIX != 0
                } else {
                    ctx.low[a] & ORG_HEAD != 0 || ctx.is_place(k, e2)
                };
                if ok {
                    e = e2;
                    continue;
                }
            }
        }
        if let Some(k) = ctx.de_phrase(e, false)
            && ctx.name_tok(k)
            && ctx.toks[k].is(CAP)
            && ctx.low[k] & STOP == 0
            && ctx.adjacent(k)
        {
            let e2 = ctx.run(k);
            let right_place = ctx.is_place(k, e2);
            let given = ctx.ex[a] & GIVEN_NAME != 0;
            let single_unknown = e == a + 1 && ctx.ex[a] & PLACE == 0 && !t.is(SENT | UPPER);
            if (given && e2 == k + 1 && !right_place && !ctx.toks[k].is(UPPER))
                || (single_unknown && right_place)
            {
                e = e2;
                continue;
            }
        }
        break;
    }
    // « Apple Inc. »
    if matches!(ctx.w(e - 1), "Inc" | "Corp" | "Co" | "Ltd" | "Jr" | "Sr")
        && ctx
            .toks
            .get(e)
            .is_some_and(|d| d.punct == '.' && !d.is(super::token::SPACE))
    {
        e += 1;
    }
    Some(e)
}
