//! Names led by a cue word: an institution (« Confédération générale du travail », « ministère de
//! l’Intérieur », « Rassemblement pour la République »), a sea or strait (« mer Rouge », « détroit de Bab
//! al-Mandab »), a site (« mosquée Sidi Yeyia », « autoroute A20 »).

use super::Label;
use super::classify::is_adj;
use super::extract::Ctx;
use super::gazetteer::*;
use super::token::{CAP, DIGIT, SENT, UPPER};

/// A name led by a cue word: an institution (« Confédération générale du travail », « ministère de
/// l’Intérieur »), a sea or strait (« mer Rouge », « détroit de Bab al-Mandab ») or a site (« mosquée X »).
pub fn cue_span(ctx: &Ctx, i: usize) -> Option<(usize, usize, Label)> {
    let t = ctx.toks[i];
    let low = ctx.low[i];
    if low & (ORG_HEAD | ORG_HEAD_LOWER | GEO_HEAD | SITE_HEAD) == 0 {
        return None;
    }
    // a cue word inside a run of capitalised words belongs to that run ("Clark Art Institute")
    let cap = t.is(CAP) && !t.is(UPPER);
    if cap && i > 0 && ctx.adjacent(i) && ctx.toks[i - 1].is_namey() && ctx.low[i - 1] & STOP == 0 {
        return None;
    }
    if low & (GEO_HEAD | SITE_HEAD) != 0 {
        let site = low & SITE_HEAD != 0;
        let j = i + 1;
        if !ctx.adjacent(j) {
            return None;
        }
        let code = site && ctx.toks[j].is(CAP) && ctx.toks[j].is(DIGIT); // autoroute A20
        if code {
            return Some((i, j + 1, Label::Loc));
        }
        if ctx.name_tok(j) && ctx.low[j] & STOP == 0 {
            return Some((i, ctx.run(j), Label::Loc));
        }
        let k = ctx.de_phrase(j, false)?;
        if ctx.name_tok(k) && ctx.adjacent(k) && ctx.low[k] & STOP == 0 {
            let e = ctx.run(k);
            if site && ctx.is_place(k, e) {
                return Some((k, e, Label::Loc)); // « château de Saint-Cloud » names the town
            }
            return Some((i, e, Label::Loc));
        }
        if !cap || low & ORG_HEAD == 0 {
            return None;
        }
    }
    let lower_head = !cap && low & ORG_HEAD_LOWER != 0;
    if !cap && !lower_head {
        return None;
    }
    let mut e = i + 1;
    let mut only_head = true;
    let mut adjs = 0;
    let mut nouns = 0;
    while ctx.adjacent(e) {
        let j = e;
        if ctx.toks[j].is(CAP)
            && ctx.name_tok(j)
            && ctx.low[j] & STOP == 0
            && (!lower_head || e == i + 1)
        {
            if ctx.ex[j] & GIVEN_NAME != 0 && ctx.run(j) > j + 1 {
                break; // a person follows: « Parti socialiste François Hollande »
            }
            e = ctx.run(j);
            only_head = false;
            adjs = 0;
            continue;
        }
        if !lower_head && adjs < 2 && is_adj(ctx, j) {
            e = j + 1;
            adjs += 1;
            only_head = false;
            continue;
        }
        // « Rassemblement pour la République », « Union pour un mouvement populaire »
        let pour = ctx.w(j) == "pour" && matches!(ctx.w(j + 1), "la" | "le" | "un" | "une" | "l");
        let de = if pour {
            Some(if ctx.w(j + 1) == "l" && ctx.is_apos(j + 2) {
                j + 3
            } else {
                j + 2
            })
        } else {
            ctx.de_phrase(j, true)
        };
        let Some(k) = de else {
            break;
        };
        // « de Vorland » names a body's country or town; « du Hamas » is another body
        let bare_de =
            matches!(ctx.w(j), "de" | "d" | "of") && !matches!(ctx.w(j + 1), "la" | "l" | "the");
        if !ctx.adjacent(k) {
            break;
        }
        if ctx.name_tok(k) && ctx.toks[k].is(CAP) && ctx.low[k] & STOP == 0 {
            let e2 = ctx.run(k);
            let person = ctx.ex[k] & GIVEN_NAME != 0 && e2 > k + 1;
            if person || !(only_head || bare_de || ctx.is_place(k, e2) || lower_head && e == i + 1)
            {
                break;
            }
            e = e2;
            only_head = false;
            adjs = 0;
            continue;
        }
        let w = ctx.w(k);
        let noun = !lower_head
            && ctx.toks[k].is_word()
            && !ctx.toks[k].is(CAP | DIGIT)
            && ctx.low[k] & (STOP | MONTH | WEEKDAY) == 0
            && w.chars().count() >= 3;
        if noun && nouns < 2 {
            e = k + 1;
            nouns += 1;
            adjs = 0;
            only_head = false;
            continue;
        }
        break;
    }
    if e == i + 1 {
        // a capitalised head alone, inside a sentence: « le Sénat », « l’Assemblée »
        if lower_head || t.is(SENT) || low & STOP != 0 {
            return None;
        }
    } else if lower_head && !ctx.toks[e - 1].is_namey() {
        return None;
    }
    Some((i, e, Label::Org))
}
