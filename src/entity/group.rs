//! Grouping mentions into entities, in two stages: [`analyse`] groups one document's mentions (cacheable),
//! [`EntityIndex::build`] merges the documents' entities over a corpus (union-find over merge keys, then people
//! bucketed by surname: near-linear).

use serde::{Deserialize, Serialize};

use super::gazetteer::{LEX, fold};
pub use super::index::{Entity, EntityId, EntityIndex, Mention};
use super::org::org_group;
use super::resolve::{same_surname, skeleton};
use super::{Label, Span, extract};

/// One mention in a document, with the index of its entity among the document's entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMention {
    /// Byte offsets as `u32`, like [`Mention`]'s: millions of them are held at once.
    pub start: u32,
    pub end: u32,
    /// The label and the local entity's index (see [`Label::tag`]): 12 bytes, not 16.
    tagged: u32,
}

impl DocMention {
    pub fn new(start: u32, end: u32, label: Label, local: u32) -> DocMention {
        DocMention {
            start,
            end,
            tagged: label.tag(local),
        }
    }

    pub fn label(&self) -> Label {
        Label::untag(self.tagged).0
    }

    /// Its entity's index among the document's entities.
    pub fn local(&self) -> u32 {
        Label::untag(self.tagged).1
    }

    /// Its bytes in the article's text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

pub use super::local::LocalEntity;

/// The per-document stage: mentions and their local entities. Serialisable, to be cached by content hash.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocEntities {
    pub mentions: Vec<DocMention>,
    pub entities: Vec<LocalEntity>,
}

fn words(s: &str) -> Vec<String> {
    fold(s)
        .split_whitespace()
        .map(|w| w.trim_matches('.').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Merge key of a place: its gazetteer id, else the name after its cue words (« château de Montretout »).
fn loc_key(s: &str) -> String {
    if let Some(id) = LEX.place_id(s) {
        return id.to_string();
    }
    let f = s.to_lowercase().replace('’', "'");
    for sep in [" de la ", " de l'", " du ", " des ", " de ", " d'"] {
        if let Some((head, core)) = f.split_once(sep) {
            let site = LEX.lower_flags(head) & super::gazetteer::SITE_HEAD != 0;
            let core = fold(core);
            let core = core.as_str();
            if site && !head.contains(' ') {
                return LEX
                    .place_id(core)
                    .map_or_else(|| core.to_string(), str::to_string);
            }
        }
    }
    fold(&f)
}

pub(super) struct Group {
    pub(super) label: Label,
    pub(super) variants: Vec<String>,
    pub(super) keys: Vec<String>,
    pub(super) surname: Option<String>,
    pub(super) given: Option<String>,
    pub(super) full: bool,
    pub(super) last_pos: usize,
    /// Folded words of all its names (a person's « garcia » in « Ana Pastor García »).
    pub(super) words: Vec<String>,
    /// Merged into another group.
    pub(super) into: Option<usize>,
}

pub(super) fn root(groups: &[Group], mut g: usize) -> usize {
    while let Some(n) = groups[g].into {
        g = n;
    }
    g
}

/// Moves group `from` into group `to`.
pub(super) fn merge(groups: &mut [Group], from: usize, to: usize) {
    let (from, to) = (root(groups, from), root(groups, to));
    if from == to {
        return;
    }
    let keys = std::mem::take(&mut groups[from].keys);
    let variants = std::mem::take(&mut groups[from].variants);
    groups[to].keys.extend(keys);
    for v in variants {
        if !groups[to].variants.contains(&v) {
            groups[to].variants.push(v);
        }
    }
    groups[from].into = Some(to);
}

/// Extracts one document's mentions and groups them.
pub fn analyse(text: &str) -> DocEntities {
    let spans = extract(text);
    group_spans(text, &spans)
}

fn person_parts(w: &[String]) -> (Option<String>, Option<String>) {
    let n = w.len();
    let sur = match n {
        0 => None,
        _ if n >= 3
            && matches!(
                w[n - 2].as_str(),
                "le" | "de" | "di" | "da" | "van" | "von" | "al" | "el" | "la" | "del"
            ) =>
        {
            Some(format!("{} {}", w[n - 2], w[n - 1]))
        }
        _ => Some(w[n - 1].clone()),
    };
    let given = if n >= 2 { Some(w[0].clone()) } else { None };
    (sur, given)
}

pub(super) fn given_ok(a: &str, b: &str) -> bool {
    a == b
        || (a.chars().count() == 1 || b.chars().count() == 1)
            && a.chars().next() == b.chars().next()
        || same_surname(a, b)
}

/// Groups the spans of one document.
pub fn group_spans(text: &str, spans: &[Span]) -> DocEntities {
    let mut groups: Vec<Group> = Vec::new();
    let mut of_mention: Vec<usize> = Vec::with_capacity(spans.len());
    let surface = |s: &Span| text.get(s.start..s.end).unwrap_or("").to_string();
    // people named in full first, so that a surname before the full name still finds it
    let mut order: Vec<usize> = (0..spans.len()).collect();
    // Cached: the key folds and splits the mention, too costly to redo at every comparison.
    order.sort_by_cached_key(|&i| {
        (
            spans[i].label != Label::Per || words(&surface(&spans[i])).len() < 2,
            i,
        )
    });
    let mut assigned = vec![usize::MAX; spans.len()];
    for &i in &order {
        let s = &spans[i];
        let text_s = surface(s);
        let g = match s.label {
            Label::Per => person_group(&mut groups, &text_s, s.start),
            Label::Org => org_group(&mut groups, &text_s, spans, i, text),
            Label::Loc => keyed_group(&mut groups, Label::Loc, format!("loc:{}", loc_key(&text_s))),
            Label::Date => keyed_group(&mut groups, Label::Date, format!("date:{}", fold(&text_s))),
        };
        let g = root(&groups, g);
        let grp = &mut groups[g];
        for w in words(&text_s) {
            if !grp.words.contains(&w) {
                grp.words.push(w);
            }
        }
        if !grp.variants.contains(&text_s) {
            grp.variants.push(text_s);
        }
        grp.last_pos = s.start;
        assigned[i] = g;
    }
    of_mention.extend(assigned.iter().map(|&g| root(&groups, g)));
    // local entity numbers in order of first mention
    let mut renum = vec![u32::MAX; groups.len()];
    let mut next = 0u32;
    let mut mentions = Vec::with_capacity(spans.len());
    for (i, s) in spans.iter().enumerate() {
        let g = of_mention[i];
        if renum[g] == u32::MAX {
            renum[g] = next;
            next += 1;
        }
        mentions.push(DocMention::new(
            // Articles are capped far below 4 GB; a span past that would be a bug upstream.
            u32::try_from(s.start).unwrap_or(u32::MAX),
            u32::try_from(s.end).unwrap_or(u32::MAX),
            s.label,
            renum[g],
        ));
    }
    let mut entities: Vec<Option<LocalEntity>> = vec![None; next as usize];
    for (g, grp) in groups.into_iter().enumerate() {
        if renum[g] == u32::MAX || grp.into.is_some() {
            continue;
        }
        let mut keys = grp.keys;
        if grp.label == Label::Per
            && grp.full
            && let (Some(gv), Some(sn)) = (&grp.given, &grp.surname)
        {
            keys.insert(0, format!("per:{gv} {sn}"));
        }
        keys.dedup();
        let given = if grp.full { grp.given.as_deref() } else { None };
        entities[renum[g] as usize] = Some(LocalEntity::new(
            grp.label,
            &grp.variants,
            &keys,
            grp.surname.as_deref(),
            given,
        ));
    }
    DocEntities {
        mentions,
        entities: entities.into_iter().flatten().collect(),
    }
}

/// The fullest of some names: most words, then most letters, then first seen.
pub fn fullest(variants: &[String]) -> String {
    let mut best: Option<&String> = None;
    for v in variants {
        let better = match best {
            None => true,
            Some(b) => {
                (v.split_whitespace().count(), v.chars().count())
                    > (b.split_whitespace().count(), b.chars().count())
            }
        };
        if better {
            best = Some(v);
        }
    }
    best.cloned().unwrap_or_default()
}

pub(super) fn keyed_group(groups: &mut Vec<Group>, label: Label, key: String) -> usize {
    if let Some(g) = groups
        .iter()
        .position(|g| g.into.is_none() && g.label == label && g.keys.contains(&key))
    {
        return g;
    }
    groups.push(Group {
        label,
        variants: vec![],
        keys: vec![key],
        surname: None,
        given: None,
        full: false,
        last_pos: 0,
        words: vec![],
        into: None,
    });
    groups.len() - 1
}

fn person_group(groups: &mut Vec<Group>, s: &str, pos: usize) -> usize {
    let w = words(s);
    let particle = w.first().is_some_and(|f| {
        matches!(
            f.as_str(),
            "de" | "le" | "la" | "di" | "da" | "van" | "von" | "al" | "el" | "del" | "du" | "des"
        )
    });
    let full = w.len() >= 2 && w[0].chars().count() > 1 && !particle;
    let (sur, given) = if particle {
        (Some(w.join(" ")), None)
    } else {
        person_parts(&w)
    };
    let Some(sur) = sur else {
        return keyed_group(groups, Label::Per, "per?:".into());
    };
    let matches: Vec<usize> = (0..groups.len())
        .filter(|&g| {
            let gr = &groups[g];
            if gr.label != Label::Per || gr.into.is_some() {
                return false;
            }
            // « Pastor » and « Ana Pastor » for « Ana Pastor García »
            let inner = gr.full && gr.words.iter().skip(1).any(|x| x == &sur);
            let sur_ok = inner
                || gr
                    .surname
                    .as_deref()
                    .is_some_and(|x| same_surname(x, &sur) || x.ends_with(&format!(" {sur}")));
            let giv_ok = match (&given, &gr.given) {
                (Some(a), Some(b)) => given_ok(a, b),
                _ => true,
            };
            // a first name alone: « Steve », « Marine »
            let first_name = w.len() == 1 && gr.full && gr.given.as_deref() == Some(sur.as_str());
            (sur_ok && giv_ok) || first_name
        })
        .collect();
    let pick = match matches.as_slice() {
        [] => None,
        [one] => Some(*one),
        many if !full => many
            .iter()
            .copied()
            .filter(|&g| groups[g].last_pos <= pos)
            .max_by_key(|&g| groups[g].last_pos)
            .or(many.first().copied()),
        many => many
            .iter()
            .copied()
            .find(|&g| !groups[g].full || groups[g].given == given),
    };
    if let Some(g) = pick {
        if full && !groups[g].full {
            groups[g].full = true;
            groups[g].given = given;
            groups[g].surname = Some(sur);
        }
        return g;
    }
    groups.push(Group {
        label: Label::Per,
        variants: vec![],
        keys: if full {
            vec![]
        } else {
            vec![format!("per?:{sur}")]
        },
        surname: Some(sur),
        given,
        full,
        last_pos: pos,
        words: vec![],
        into: None,
    });
    groups.len() - 1
}

/// Surname bucket key for the corpus merge.
pub(super) fn surname_bucket(s: &str) -> String {
    skeleton(s)
}
