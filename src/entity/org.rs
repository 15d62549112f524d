//! Organisation names in one document: merge keys, acronyms (« CGT » for « Confédération générale du
//! travail »), bracketed other names (« Mouvement de la Résistance islamique (Hamas) »), shorter forms
//! (« Clark Institute », « Assemblée »).

use super::Label;
use super::Span;
use super::gazetteer::fold;
use super::group::{Group, keyed_group, merge, root};

const ORG_SKIP: &[&str] = &[
    "de", "du", "des", "d", "la", "le", "les", "l", "of", "the", "and", "et", "&", "for", "pour",
];
const ORG_FORMS: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "llc",
    "plc",
    "sa",
    "computer",
    "company",
];

/// Merge key of an organisation name: folded, without article, « al- » or legal form.
fn org_key(s: &str) -> String {
    let s = fold(s).replace(['’', '\''], " ");
    let mut w: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    if w.len() > 1 && matches!(w[0], "le" | "la" | "les" | "l" | "the") {
        w.remove(0);
    }
    while w.len() > 1 && w.last().is_some_and(|l| ORG_FORMS.contains(l)) {
        w.pop();
    }
    let w: Vec<String> = w
        .iter()
        .map(|x| {
            if *x == "and" || *x == "et" {
                "&".to_string()
            } else {
                x.strip_prefix("al-").unwrap_or(x).to_string()
            }
        })
        .collect();
    w.join(" ")
}

/// Initials of an organisation's name: « Musée des beaux-arts de Montréal » → « mbam ».
fn initials(s: &str) -> String {
    let s = fold(s).replace(['’', '\''], " ");
    s.split_whitespace()
        .filter(|w| !ORG_SKIP.contains(w))
        .flat_map(|w| w.split('-'))
        .filter_map(|p| p.chars().next())
        .collect()
}

pub(super) fn org_group(
    groups: &mut Vec<Group>,
    s: &str,
    spans: &[Span],
    i: usize,
    text: &str,
) -> usize {
    let key = org_key(s);
    let k = format!("org:{key}");
    let live = |groups: &[Group], k: &str| {
        groups.iter().position(|g| {
            g.into.is_none() && g.label == Label::Org && g.keys.iter().any(|x| x == k)
        })
    };
    let existing = live(groups, &k);
    // « Mouvement de la Résistance islamique (Hamas) »: the bracketed name joins the one before
    if i > 0 && spans[i - 1].label == Label::Org {
        let between = text.get(spans[i - 1].end..spans[i].start).unwrap_or("");
        let after = text.get(spans[i].end..).unwrap_or("");
        if between.trim() == "(" && after.trim_start().starts_with(')') {
            let prev = format!(
                "org:{}",
                org_key(text.get(spans[i - 1].start..spans[i - 1].end).unwrap_or(""))
            );
            if let Some(p) = live(groups, &prev) {
                match existing {
                    Some(g) => merge(groups, g, p),
                    None => groups[p].keys.push(k),
                }
                return root(groups, p);
            }
        }
    }
    if let Some(g) = existing {
        return g;
    }
    let single = !key.contains(' ');
    let kw: Vec<&str> = key.split(' ').collect();
    let found = groups.iter().position(|g| {
        g.into.is_none()
            && g.label == Label::Org
            && g.keys.iter().any(|gk| {
                let gk = gk.trim_start_matches("org:");
                let gw: Vec<&str> = gk.split(' ').collect();
                (single && key.len() >= 2 && gw.len() >= 2 && initials(gk) == key)
                    || (single && gw.len() >= 2 && gw[0] == key)
                    || (!single && gw.len() == 1 && gk.len() >= 2 && initials(&key) == gk)
                    || (!single && gw.len() > 1 && subsequence(&kw, &gw))
            })
    });
    if let Some(g) = found {
        groups[g].keys.push(k);
        return g;
    }
    keyed_group(groups, Label::Org, k)
}

/// `short` appears in `long` in order (« clark institute » in « sterling & francine clark art institute »).
fn subsequence(short: &[&str], long: &[&str]) -> bool {
    let mut it = long.iter();
    short.len() < long.len() && short.iter().all(|w| it.any(|l| l == w))
}
