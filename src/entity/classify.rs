//! The label of one run of capitalised words, from its words (given names, places, acronyms, organisation
//! endings) and its context (a title before a person, « l’agence » before an organisation, « à » before a
//! place), with a strength: 3 sure, 2 likely, 1 a guess, 0 nothing but a capital letter.

use super::Label;
use super::extract::Ctx;
use super::gazetteer::*;
use super::token::{CAP, SENT, UPPER};

/// A candidate mention: tokens `[a, e)`.
#[derive(Clone, Debug)]
pub struct Cand {
    pub a: usize,
    pub e: usize,
    pub label: Label,
    pub strength: u8,
    /// Found by a date or cue rule: never relabelled.
    pub fixed: bool,
    /// Opens a sentence (its capital letter says nothing).
    pub sent: bool,
    /// Words of the name, particles and dots left out.
    pub words: u8,
    /// Starts with an initial: « B. Obama ».
    pub initial: bool,
    pub dropped: bool,
}

impl Cand {
    pub fn fixed(a: usize, e: usize, label: Label) -> Cand {
        Cand {
            a,
            e,
            label,
            strength: 3,
            fixed: true,
            sent: false,
            words: 0,
            initial: false,
            dropped: false,
        }
    }
}

const ADJ_ENDINGS: &[&str] = &[
    "ique", "iques", "al", "ale", "ales", "aux", "el", "elle", "els", "elles", "aire", "aires",
    "ien", "ienne", "iens", "iennes", "ais", "aise", "aises", "ain", "aine", "ains", "aines", "if",
    "ive", "ifs", "ives", "eux", "euse", "euses", "ois", "oise", "oises", "ère", "ères", "ier",
    "iers", "ain", "ême", "eur", "eure", "iste", "istes", "ile", "iles", "ome", "omes", "ante",
    "antes", "éen", "éenne", "éens", "éennes",
];

/// A lower-case adjective that may end an institution's name (« populaire », « islamique », « générale »).
pub fn is_adj(ctx: &Ctx, j: usize) -> bool {
    let t = ctx.toks[j];
    if !t.is_word() || t.is(CAP | super::token::DIGIT) || ctx.low[j] & (STOP | MONTH | WEEKDAY) != 0
    {
        return false;
    }
    let w = ctx.w(j);
    w.chars().count() >= 4 && ADJ_ENDINGS.iter().any(|s| w.ends_with(s))
        || matches!(w, "public" | "uni" | "unis" | "unie" | "unies")
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Before {
    None,
    Title,
    OrgCue,
    LocCue,
    OrgOf,
    PerOf,
    Prep,
    Det,
}

fn is_det(w: &str) -> bool {
    matches!(
        w,
        "le" | "la"
            | "les"
            | "l"
            | "du"
            | "des"
            | "au"
            | "aux"
            | "the"
            | "Le"
            | "La"
            | "Les"
            | "The"
            | "L"
    )
}

/// What stands before token `a`.
fn before(ctx: &Ctx, a: usize) -> Before {
    if a == 0 {
        return Before::None;
    }
    let mut p = a - 1;
    // « l’ » and « d’ »: the word before the apostrophe
    let elided = ctx.is_apos(p) && p > 0 && ctx.toks[p - 1].is_word();
    if elided {
        p -= 1;
        let w = ctx.w(p);
        if w == "l" || w == "L" {
            return before_det(ctx, p);
        }
        if w == "d" || w == "D" {
            return before_of(ctx, p);
        }
        return Before::None;
    }
    let t = ctx.toks[p];
    if t.punct == '(' && p > 0 && ctx.low[p - 1] & TITLE != 0 {
        return Before::Title; // « le prophète (Mahomet) »
    }
    if t.punct == '.' && p > 0 && ctx.low[p - 1] & TITLE != 0 && ctx.w(p - 1).chars().count() <= 3 {
        return Before::Title; // « M. Baupin »
    }
    if !t.is_word() {
        return Before::None;
    }
    let w = ctx.w(p);
    let low = ctx.low[p];
    if matches!(w, "de" | "du" | "des") {
        return before_of(ctx, p);
    }
    if low & LOC_PREP != 0 && !t.is(CAP) {
        // « a déclaré à Reuters » is not a place
        if w == "à" && p > 0 && ctx.low[p - 1] & SPEECH != 0 {
            return Before::None;
        }
        return Before::Prep;
    }
    if is_det(w) {
        return before_det(ctx, p);
    }
    // skip up to three adjectives: « le ministre iranien », « l’agence judiciaire iranienne Mizan »
    let mut q = p;
    for _ in 0..3 {
        if ctx.low[q] & (TITLE | ORG_BEFORE) != 0 {
            break;
        }
        if is_adj(ctx, q) && q > 0 {
            q -= 1;
        } else {
            break;
        }
    }
    let low = ctx.low[q];
    if !ctx.toks[q].is_word() || (ctx.toks[q].is(CAP) && !ctx.toks[q].is(SENT) && low & TITLE == 0)
    {
        return Before::None;
    }
    if low & TITLE != 0 {
        Before::Title
    } else if low & ORG_BEFORE != 0 {
        Before::OrgCue
    } else {
        Before::None
    }
}

/// After a determiner at `p`: a location word before it makes a place (« dans le Massachusetts »).
fn before_det(ctx: &Ctx, p: usize) -> Before {
    if p > 0 && matches!(ctx.w(p - 1), "dans" | "in") {
        return Before::Prep;
    }
    Before::Det
}

/// After « de » at `p`: what the word before it says (« ville de », « membres d’ », « sud du »).
fn before_of(ctx: &Ctx, p: usize) -> Before {
    if p == 0 {
        return Before::None;
    }
    let low = ctx.low[p - 1];
    if low & LOC_BEFORE != 0 {
        Before::LocCue
    } else if low & ORG_OF != 0 {
        Before::OrgOf
    } else if low & PER_OF != 0 && ctx.w(p) == "de" {
        Before::PerOf
    } else if ctx.w(p) == "du" || ctx.w(p) == "des" {
        Before::Det
    } else {
        Before::None
    }
}

/// Classifies tokens `[a, e)`; `None` drops them.
pub fn classify(ctx: &Ctx, a: usize, e: usize) -> Option<Cand> {
    // the name's words, particles and articles left out (no allocation: names are short)
    let mut buf = [0usize; 16];
    let mut len = 0;
    for j in a..e {
        if ctx.toks[j].is_word()
            && !(ctx.cap_particle(j) && j > a && j + 1 < e)
            && ctx.low[j] & STOP == 0
            && len < 16
        {
            buf[len] = j;
            len += 1;
        }
    }
    let words = &buf[..len];
    let last = *words.last()?;
    if words
        .iter()
        .any(|&j| ctx.low[j] & NOT_NAME != 0 && ctx.toks[j].is(CAP))
    {
        return None; // « Seconde Guerre Mondiale », « Stop Online Piracy Act »
    }
    if ctx.low[a] & LOC_BEFORE != 0 && e == a + 1 {
        return None; // « la République », « l’État »
    }
    let t = ctx.toks[a];
    // « Don't »: an English contraction, not a name
    if e == a + 1
        && ctx.is_apos(e)
        && matches!(ctx.w(e + 1), "t" | "s" | "re" | "ve" | "ll" | "d" | "m")
        && ctx.w(e + 1) != "s"
    {
        return None;
    }
    let initial =
        ctx.w(a).chars().count() == 1 && ctx.toks.get(a + 1).is_some_and(|d| d.punct == '.');
    let nw = words.len() - usize::from(initial);
    let mut cand = Cand {
        a,
        e,
        label: Label::Org,
        strength: 0,
        fixed: false,
        sent: t.is(SENT),
        words: nw.min(255) as u8,
        initial,
        dropped: false,
    };
    let mut set = |label, strength| {
        cand.label = label;
        cand.strength = strength;
        Some(cand.clone())
    };
    let amp = (a..e).any(|j| ctx.toks[j].punct == '&');
    let place = ctx.is_place(a, e);
    if amp
        || ctx.low[last] & ORG_SUFFIX != 0 && nw >= 2
        || (ctx.low[a] & ORG_HEAD != 0 && !place && nw >= 2)
    {
        return set(Label::Org, 3);
    }
    if nw >= 2 && (ctx.low[a] & SITE_HEAD != 0 || ctx.low[last] & LOC_SUFFIX != 0) {
        return set(Label::Loc, 3);
    }
    let before = before(ctx, a);
    let org_after =
        ctx.adjacent(e) && ctx.low[e] & ORG_AFTER != 0 && !ctx.toks[e].is(CAP) && !t.is(SENT);
    if place {
        return if before == Before::OrgCue {
            set(Label::Org, 3)
        } else {
            set(Label::Loc, 3)
        };
    }
    if initial && nw >= 1 {
        return set(Label::Per, 3);
    }
    let upper_single = nw == 1 && ctx.toks[last].is(UPPER);
    if before == Before::Title && !upper_single {
        return set(Label::Per, 3);
    }
    if before == Before::OrgCue || org_after {
        return set(Label::Org, 3);
    }
    if before == Before::LocCue {
        return set(Label::Loc, 3);
    }
    if before == Before::OrgOf {
        return set(Label::Org, 2);
    }
    // the first word, past an article: « Le Monde » is not led by the given name « Le »
    let first = words[0];
    // « France Inter » is no person
    let given_led = ctx.ex[first] & GIVEN_NAME != 0
        && ctx.ex[first] & COUNTRY == 0
        && ctx.toks[first].is(CAP)
        && !ctx.toks[first].is(UPPER);
    let upper = words.iter().any(|&j| ctx.toks[j].is(UPPER));
    // « Ville de Paris », « Banque de France »: a name joined to a place by « de » is a body's
    let de_place = (a..e).any(|j| matches!(ctx.w(j), "de" | "d" | "du"))
        && words[1..].iter().any(|&j| ctx.ex[j] & PLACE != 0);
    // « Dominique de Villepin »: a given name, « de » and a surname, even when the given name is a country's
    let de_name = ctx.ex[first] & GIVEN_NAME != 0
        && !de_place
        && (a..e).any(|j| matches!(ctx.w(j), "de" | "d" | "du"))
        && words[1..].iter().all(|&j| !ctx.toks[j].is(UPPER));
    if (given_led || de_name) && nw >= 2 && !upper && !de_place {
        return set(Label::Per, 2);
    }
    let has_place = words
        .iter()
        .any(|&j| ctx.ex[j] & PLACE != 0 || ctx.place_match(j).is_some());
    if (has_place && nw >= 2) || upper {
        return set(Label::Org, 2);
    }
    match before {
        Before::PerOf => return set(Label::Per, 2),
        Before::Prep => return set(Label::Loc, 2),
        _ => {}
    }
    if nw >= 2 {
        // two unknown capitalised words are most often a person; three or more, or after an article, a body
        let article = ctx.low[a] & STOP != 0;
        return if article || nw >= 3 {
            set(Label::Org, 1)
        } else {
            set(Label::Per, 1)
        };
    }
    if given_led {
        return set(Label::Per, u8::from(!t.is(SENT)));
    }
    if before == Before::Det {
        return set(Label::Org, 1);
    }
    set(Label::Org, 0)
}
