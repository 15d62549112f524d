//! Export of a corpus's entities for `liseuse entities [PATH...] [--format json|tsv]`.
//!
//! JSON: `{"documents":[{"path","title","mentions":[{"start","end","text","label","entity"}]}],
//! "entities":[{"id","label","name","variants","mentions","documents"}]}` with byte offsets into each file's
//! whole text, end exclusive, mentions in text order. TSV: a header, then one mention a line.

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
    variants: &'a [String],
    mentions: usize,
    documents: usize,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    documents: Vec<JsonDoc<'a>>,
    entities: Vec<JsonEntity<'a>>,
}

fn key(index: &EntityIndex, id: super::EntityId) -> &str {
    index.entity(id).map_or("", |e| e.key.as_str())
}

/// The JSON export. `docs[i]` is document `i` of the index.
pub fn to_json(docs: &[ExportDoc], index: &EntityIndex) -> String {
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
                })
                .collect(),
        })
        .collect();
    let entities = index
        .entities()
        .iter()
        .map(|e| JsonEntity {
            id: &e.key,
            label: e.label,
            name: &e.name,
            variants: &e.variants,
            mentions: e.mentions,
            documents: e.documents,
        })
        .collect();
    serde_json::to_string(&JsonOut {
        documents,
        entities,
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

/// The TSV export: `path start end label entity text`, one mention a line, after a header line.
pub fn to_tsv(docs: &[ExportDoc], index: &EntityIndex) -> String {
    let mut out = String::from("path\tstart\tend\tlabel\tentity\ttext\n");
    for (i, d) in docs.iter().enumerate() {
        for m in index.doc_mentions(i) {
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\n",
                tsv_escape(d.path),
                m.start,
                m.end,
                m.label(),
                tsv_escape(key(index, m.entity())),
                tsv_escape(d.text.get(m.range()).unwrap_or(""))
            ));
        }
    }
    out
}
