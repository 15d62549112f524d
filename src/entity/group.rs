//! Grouping mentions into entities, in two stages: [`analyse`] groups one document's mentions (cacheable),
//! [`EntityIndex::build`] merges the documents' entities over a corpus (union-find over merge keys, then people
//! bucketed by surname: near-linear).

use serde::{Deserialize, Serialize};

use super::gazetteer::{LEX, fold};
use super::resolve::{same_surname, skeleton};
use super::{Label, Span, extract};

/// One mention in a document, with the index of its entity among the document's entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMention {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub local: u32,
}

/// An entity of one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalEntity {
    pub label: Label,
    /// Its fullest form in the document.
    pub name: String,
    /// Its distinct forms, in order of appearance.
    pub variants: Vec<String>,
    /// Keys that tie it to entities of other documents (« org:cgt », « loc:US »).
    pub keys: Vec<String>,
    /// A person's folded surname and first name (or initial), when known.
    pub surname: Option<String>,
    pub given: Option<String>,
}

/// The per-document stage: mentions and their local entities. Serialisable, to be cached by content hash.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocEntities {
    pub mentions: Vec<DocMention>,
    pub entities: Vec<LocalEntity>,
}

/// The id of a corpus entity: its index in [`EntityIndex::entities`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityId(pub u32);

/// A mention in the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub entity: EntityId,
}

/// A corpus entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    /// Readable, unique slug: « per-ali-khamenei ».
    pub key: String,
    pub label: Label,
    pub name: String,
    pub variants: Vec<String>,
    pub mentions: usize,
    pub documents: usize,
}

/// Entities of a corpus and the mentions of each document.
#[derive(Clone, Debug, Default)]
pub struct EntityIndex {
    entities: Vec<Entity>,
    docs: Vec<Vec<Mention>>,
    occurrences: Vec<Vec<(u32, u32)>>,
}

fn words(s: &str) -> Vec<String> {
    fold(s)
        .split_whitespace()
        .map(|w| w.trim_matches('.').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

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

struct Group {
    label: Label,
    variants: Vec<String>,
    keys: Vec<String>,
    surname: Option<String>,
    given: Option<String>,
    full: bool,
    last_pos: usize,
    /// Folded words of all its names (a person's « garcia » in « Ana Pastor García »).
    words: Vec<String>,
    /// Merged into another group.
    into: Option<usize>,
}

fn root(groups: &[Group], mut g: usize) -> usize {
    while let Some(n) = groups[g].into {
        g = n;
    }
    g
}

/// Moves group `from` into group `to`.
fn merge(groups: &mut [Group], from: usize, to: usize) {
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
    order.sort_by_key(|&i| {
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
        mentions.push(DocMention {
            start: s.start,
            end: s.end,
            label: s.label,
            local: renum[g],
        });
    }
    let mut entities: Vec<Option<LocalEntity>> = vec![None; next as usize];
    for (g, grp) in groups.into_iter().enumerate() {
        if renum[g] == u32::MAX || grp.into.is_some() {
            continue;
        }
        let name = fullest(&grp.variants);
        let mut keys = grp.keys;
        if grp.label == Label::Per
            && grp.full
            && let (Some(gv), Some(sn)) = (&grp.given, &grp.surname)
        {
            keys.insert(0, format!("per:{gv} {sn}"));
        }
        keys.dedup();
        entities[renum[g] as usize] = Some(LocalEntity {
            label: grp.label,
            name,
            variants: grp.variants,
            keys,
            surname: grp.surname,
            given: if grp.full { grp.given } else { None },
        });
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

fn keyed_group(groups: &mut Vec<Group>, label: Label, key: String) -> usize {
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

fn org_group(groups: &mut Vec<Group>, s: &str, spans: &[Span], i: usize, text: &str) -> usize {
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

impl EntityIndex {
    /// Merges the documents' entities (documents in corpus order).
    pub fn build(docs: &[DocEntities]) -> EntityIndex {
        super::merge::build(docs)
    }
    pub(super) fn from_parts(
        entities: Vec<Entity>,
        docs: Vec<Vec<Mention>>,
        occurrences: Vec<Vec<(u32, u32)>>,
    ) -> Self {
        EntityIndex {
            entities,
            docs,
            occurrences,
        }
    }
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(id.0 as usize)
    }
    /// The mentions of document `doc`, sorted by start.
    pub fn doc_mentions(&self, doc: usize) -> &[Mention] {
        self.docs.get(doc).map_or(&[], |v| v.as_slice())
    }
    /// Where an entity is mentioned: (document, index into its mentions), in corpus order.
    pub fn occurrences(&self, id: EntityId) -> &[(u32, u32)] {
        self.occurrences
            .get(id.0 as usize)
            .map_or(&[], |v| v.as_slice())
    }
    /// Number of documents.
    pub fn doc_count(&self) -> usize {
        self.docs.len()
    }
}

/// Surname bucket key for the corpus merge.
pub(super) fn surname_bucket(s: &str) -> String {
    skeleton(s)
}
