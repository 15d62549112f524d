//! Export of a corpus's entities for `liseuse entities [PATH...] [--format json|tsv]`.
//!
//! JSON: `{"documents":[{"path","title","mentions":[{"start","end","text","label","entity","confidence",
//! "shown"}]}],"entities":[{"id","label","name","variants","mentions","documents","confidence"}],"min_confidence"}`
//! with byte offsets into each file's whole text, end exclusive, mentions in text order. TSV: a header, then one
//! mention a line.
//!
//! The entities listed are those [`crate::Entity::shown`] at `min_confidence`, as the sidebar lists them;
//! every mention keeps its row (a scorer counts them all), with its own confidence and whether its entity is
//! shown (`false`: its `entity` is not in the list).

use serde::Serialize;

use super::{EntityIndex, Label};

/// One document of the corpus, in the order given to [`EntityIndex::build`].
#[derive(Clone, Copy, Debug)]
pub struct ExportDoc<'a> {
    /// The path printed for it (as given on the command line).
    pub path: &'a str,
    /// Its title.
    pub title: &'a str,
    /// The text its mentions' byte offsets point into.
    pub text: &'a str,
}

#[derive(Serialize)]
struct JsonMention<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    label: Label,
    entity: &'a str,
    confidence: u8,
    shown: bool,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    path: &'a str,
    title: &'a str,
    mentions: Vec<JsonMention<'a>>,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: &'a str,
    label: Label,
    name: &'a str,
    variants: Vec<&'a str>,
    mentions: usize,
    documents: usize,
    confidence: u8,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    documents: Vec<JsonDoc<'a>>,
    entities: Vec<JsonEntity<'a>>,
    min_confidence: u8,
}

fn key(index: &EntityIndex, id: super::EntityId) -> &str {
    index.entity(id).map_or("", |e| e.key())
}

/// Whether the entity of `id` is listed at `min`.
fn shown(index: &EntityIndex, id: super::EntityId, min: u8) -> bool {
    index.entity(id).is_some_and(|e| e.shown(min))
}

/// The JSON export at the default threshold ([`crate::DEFAULT_MIN_CONFIDENCE`]). `docs[i]` is document `i` of
/// the index.
pub fn to_json(docs: &[ExportDoc], index: &EntityIndex) -> String {
    to_json_at(docs, index, crate::DEFAULT_MIN_CONFIDENCE)
}

/// The JSON export, listing the entities shown at `min_confidence` (0: all).
pub fn to_json_at(docs: &[ExportDoc], index: &EntityIndex, min_confidence: u8) -> String {
    let documents = docs
        .iter()
        .enumerate()
        .map(|(i, d)| JsonDoc {
            path: d.path,
            title: d.title,
            mentions: index
                .doc_mentions(i)
                .iter()
                .map(|m| JsonMention {
                    start: m.range().start,
                    end: m.range().end,
                    text: d.text.get(m.range()).unwrap_or(""),
                    label: m.label(),
                    entity: key(index, m.entity()),
                    confidence: m.confidence(),
                    shown: shown(index, m.entity(), min_confidence),
                })
                .collect(),
        })
        .collect();
    let entities = index
        .entities()
        .iter()
        .filter(|e| e.shown(min_confidence))
        .map(|e| JsonEntity {
            id: e.key(),
            label: e.label,
            name: e.name(),
            variants: e.variants().collect(),
            mentions: e.mentions as usize,
            documents: e.documents as usize,
            confidence: e.confidence,
        })
        .collect();
    serde_json::to_string(&JsonOut {
        documents,
        entities,
        min_confidence,
    })
    .unwrap_or_else(|_| "{}".into())
}

/// Escapes a TSV field: backslash, tab, newline and carriage return.
pub fn tsv_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ => out.push(c),
        }
    }
    out
}

/// The TSV export at the default threshold: `path start end label entity text confidence shown`, one
/// mention a line, after a header line (the last two columns came later: a reader by position keeps
/// working).
pub fn to_tsv(docs: &[ExportDoc], index: &EntityIndex) -> String {
    to_tsv_at(docs, index, crate::DEFAULT_MIN_CONFIDENCE)
}

/// The TSV export, `shown` saying whether a mention's entity is listed at `min_confidence`.
pub fn to_tsv_at(docs: &[ExportDoc], index: &EntityIndex, min_confidence: u8) -> String {
    let mut out = String::from("path\tstart\tend\tlabel\tentity\ttext\tconfidence\tshown\n");
    for (i, d) in docs.iter().enumerate() {
        for m in index.doc_mentions(i).iter() {
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                tsv_escape(d.path),
                m.start,
                m.end,
                m.label(),
                tsv_escape(key(index, m.entity())),
                tsv_escape(d.text.get(m.range()).unwrap_or("")),
                m.confidence(),
                shown(index, m.entity(), min_confidence)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EntityBuild, EntityId, Mention};

    /// Two entities, one the engine is sure of (90), one it is not (30): the list holds the sure
    /// one at the default threshold and both at 0; every mention keeps its row, saying which.
    #[test]
    fn the_list_follows_the_threshold_and_every_mention_stays() {
        let text = "Hamas et Bureau.";
        let entity = |id: u32, key: &str, name: &str, confidence| EntityBuild {
            id: EntityId(id),
            key: key.into(),
            label: Label::Org,
            name: name.into(),
            variants: vec![name.into()],
            mentions: 1,
            documents: 1,
            confidence,
        };
        let index = EntityIndex::from_parts(
            vec![
                entity(0, "org-hamas", "Hamas", 90),
                entity(1, "org-bureau", "Bureau", 30),
            ],
            vec![vec![
                Mention::new(0, 5, Label::Org, 90, EntityId(0)),
                Mention::new(9, 15, Label::Org, 30, EntityId(1)),
            ]],
            vec![vec![(0, 0)], vec![(0, 1)]],
        );
        let docs = [ExportDoc {
            path: "a.txt",
            title: "",
            text,
        }];
        let json: serde_json::Value = serde_json::from_str(&to_json(&docs, &index)).unwrap();
        let names: Vec<&str> = json["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["Hamas"]);
        assert_eq!(json["min_confidence"], 50);
        let mentions = json["documents"][0]["mentions"].as_array().unwrap();
        assert_eq!(mentions.len(), 2, "every mention keeps its row");
        assert_eq!(mentions[1]["text"], "Bureau");
        assert_eq!(mentions[1]["shown"], false);
        // Kept in 32 levels: about 30.
        let low = mentions[1]["confidence"].as_u64().unwrap();
        assert!((27..=33).contains(&low), "{low}");
        assert_eq!(mentions[0]["shown"], true);

        let all: serde_json::Value = serde_json::from_str(&to_json_at(&docs, &index, 0)).unwrap();
        assert_eq!(all["entities"].as_array().unwrap().len(), 2);
        let tsv = to_tsv(&docs, &index);
        assert!(tsv.contains(&format!("\tBureau\t{low}\tfalse\n")), "{tsv}");
        let all = to_tsv_at(&docs, &index, 0);
        assert!(all.contains(&format!("\tBureau\t{low}\ttrue\n")), "{all}");
    }
}
