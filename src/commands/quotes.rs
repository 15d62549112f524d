//! `liseuse quotes [--format json|tsv|md] [--speaker NAME] [PATH...]`: who said what in the articles. JSON for
//! scripts and for scoring (`shared/eval/quotes/score_quotes.py` reads it as it is: byte offsets into each
//! article's rendered text, as `liseuse entities` gives them), TSV one quotation a line, Markdown as reading
//! notes (a person's quotations with the titles and dates of their articles). `--speaker` keeps the quotations of
//! one speaker: an entity named so (any of its names, case and accents aside), or a speaker described so.

use std::path::PathBuf;

use super::output::{Failure, Out, Outcome};
use crate::commands::cli::QuoteFormat;
use liseuse_document::ParaKind;
use liseuse_document::search::fold_str;
use liseuse_entity::export::tsv_escape;
use liseuse_entity::quote::{self, Quote, index::speaker_entities};
use liseuse_entity::{self as entity, EntityId, EntityIndex};
use liseuse_library::timeline::{self, DateClues};

/// One article's quotations, ready to print.
struct Article<'a> {
    path: &'a str,
    title: &'a str,
    date: Option<String>,
    text: &'a str,
    /// Each quotation with its speaker's corpus entity, if it is one.
    quotes: Vec<(Quote, Option<EntityId>)>,
}

pub fn run(
    paths: &[PathBuf],
    format: QuoteFormat,
    speaker: Option<&str>,
    data_dir: Option<&std::path::Path>,
) -> Outcome {
    let (docs, unread) = super::corpus::read(paths)?;
    if docs.is_empty() {
        return Err(Failure::Failed("no article could be read".into()));
    }
    let analysed: Vec<_> = docs
        .iter()
        .map(|r| entity::analyse_meta(&r.doc.entity_text(), &r.doc.meta))
        .collect();
    let texts: Vec<&str> = docs.iter().map(|r| r.doc.text.as_str()).collect();
    let index = super::corpus::corrected_index(EntityIndex::build(&analysed), &texts, data_dir);
    // Every entity answers, however unsure the engine is of it: this lists quotations, not
    // entities.
    let wanted = speaker.map(|name| liseuse_library::profile::find(&index, name, 0));
    let mut articles = Vec::new();
    for (i, (r, ents)) in docs.iter().zip(&analysed).enumerate() {
        // quotations are looked for in what entities are (code left out), paragraph by paragraph
        let paragraphs: Vec<std::ops::Range<usize>> = r
            .doc
            .paragraphs
            .iter()
            .filter(|p| {
                !matches!(
                    p.kind,
                    ParaKind::Code | ParaKind::Table | ParaKind::Separator
                )
            })
            .map(|p| p.range.clone())
            .collect();
        let found = quote::find_in(&r.doc.entity_text(), ents, &paragraphs);
        let ids = speaker_entities(&index, i, ents, &found);
        let quotes: Vec<(Quote, Option<EntityId>)> = found
            .into_iter()
            .zip(ids)
            .filter(|(q, id)| match (speaker, &wanted) {
                (Some(name), Some(ids)) => {
                    id.is_some_and(|id| ids.contains(&id)) || described_as(q, name)
                }
                _ => true,
            })
            .collect();
        let date = timeline::article_date(
            &index,
            i,
            &DateClues {
                line: r.doc.date.as_deref(),
                text: &r.doc.text,
                modified: r.modified,
            },
        )
        .map(|(w, _)| w.iso());
        articles.push(Article {
            path: &r.path,
            title: &r.doc.title,
            date,
            text: &r.doc.text,
            quotes,
        });
    }
    if let Some(name) = speaker
        && articles.iter().all(|a| a.quotes.is_empty())
    {
        return Err(Failure::Failed(format!("no quotation by {name:?}")));
    }
    // Paths, titles and quotations are a file's text: JSON escapes what a terminal would obey (every
    // character kept); TSV and Markdown show it as the reader does.
    let out = match format {
        QuoteFormat::Json => {
            liseuse_document::sanitize::json(&to_json(&articles, &index)).into_owned()
        }
        QuoteFormat::Tsv => {
            liseuse_document::sanitize::text(&to_tsv(&articles, &index)).into_owned()
        }
        QuoteFormat::Md => {
            liseuse_document::sanitize::text(&to_md(&articles, speaker, &index)).into_owned()
        }
    };
    let mut o = Out::stdout();
    o.line(out.trim_end())?;
    unread.status(o.done())
}

/// A speaker the text only describes (« de nombreux habitants »): matched by its words.
fn described_as(q: &Quote, name: &str) -> bool {
    let needle = fold_str(name.trim());
    !needle.is_empty()
        && q.speaker
            .as_ref()
            .is_some_and(|s| s.entity.is_none() && fold_str(&s.name).contains(&needle))
}

fn key(index: &EntityIndex, id: Option<EntityId>) -> Option<&str> {
    id.and_then(|id| index.entity(id)).map(|e| e.key())
}

fn slice(text: &str, start: u32, end: u32) -> &str {
    text.get(start as usize..end as usize).unwrap_or("")
}

/// The JSON export: `{"documents": [{"path", "title", "date", "quotes": [{"start", "end", "text", "kind",
/// "speaker": {"name", "entity"} | null, "cue": {"start", "end", "text"} | null, "confidence"}]}]}`.
fn to_json(articles: &[Article], index: &EntityIndex) -> String {
    let documents: Vec<serde_json::Value> = articles
        .iter()
        .map(|a| {
            let quotes: Vec<serde_json::Value> = a
                .quotes
                .iter()
                .map(|(q, id)| {
                    serde_json::json!({
                        "start": q.start,
                        "end": q.end,
                        "text": slice(a.text, q.start, q.end),
                        "kind": q.kind.as_str(),
                        "speaker": q.speaker.as_ref().map(|s| serde_json::json!({
                            "name": s.name,
                            "entity": key(index, *id),
                        })),
                        "cue": q.cue.map(|c| serde_json::json!({
                            "start": c.start,
                            "end": c.end,
                            "text": slice(a.text, c.start, c.end),
                        })),
                        "confidence": q.confidence,
                    })
                })
                .collect();
            serde_json::json!({ "path": a.path, "title": a.title, "date": a.date, "quotes": quotes })
        })
        .collect();
    serde_json::json!({ "documents": documents }).to_string()
}

/// One quotation a line: `path start end kind speaker entity confidence cue text`, after a header.
fn to_tsv(articles: &[Article], index: &EntityIndex) -> String {
    let mut out = String::from("path\tstart\tend\tkind\tspeaker\tentity\tconfidence\tcue\ttext\n");
    for a in articles {
        for (q, id) in &a.quotes {
            let name = q.speaker.as_ref().map_or("", |s| s.name.as_str());
            let cue = q.cue.map_or("", |c| slice(a.text, c.start, c.end));
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                tsv_escape(a.path),
                q.start,
                q.end,
                q.kind.as_str(),
                tsv_escape(name),
                tsv_escape(key(index, *id).unwrap_or("")),
                q.confidence,
                tsv_escape(cue),
                tsv_escape(slice(a.text, q.start, q.end)),
            ));
        }
    }
    out
}

/// Reading notes: one section per article (title, date, file), each quotation a block quote with who said it.
fn to_md(articles: &[Article], speaker: Option<&str>, index: &EntityIndex) -> String {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let heading = match speaker {
        Some(name) => {
            // the entity's own name when NAME names one
            let named = articles
                .iter()
                .flat_map(|a| a.quotes.iter())
                .find_map(|(_, id)| id.and_then(|id| index.entity(id)))
                .map_or(name.trim(), |e| e.name());
            format!("# Quotations of {}\n", one_line(named))
        }
        None => "# Quotations\n".to_string(),
    };
    let mut out = heading;
    for a in articles.iter().filter(|a| !a.quotes.is_empty()) {
        out.push_str(&format!("\n## {}\n\n", one_line(a.title)));
        let mut meta = Vec::new();
        if let Some(d) = &a.date {
            meta.push(d.clone());
        }
        meta.push(format!("`{}`", a.path.replace('`', "'")));
        out.push_str(&format!("{}\n", meta.join(" · ")));
        for (q, _) in &a.quotes {
            let words = one_line(slice(a.text, q.start, q.end));
            let marks = match q.kind {
                quote::QuoteKind::Direct => format!("« {words} »"),
                quote::QuoteKind::Indirect => format!("Reported: {words}"),
            };
            let who = q
                .speaker
                .as_ref()
                .map_or("unknown speaker".to_string(), |s| one_line(&s.name));
            // A cue that is only punctuation (the colon before the words) says no « how ».
            let cue = q
                .cue
                .map(|c| one_line(slice(a.text, c.start, c.end)))
                .filter(|c| c.chars().any(char::is_alphanumeric))
                .map(|c| format!(", {c}"))
                .unwrap_or_default();
            out.push_str(&format!("\n> {marks}\n>\n> — {who}{cue}\n"));
        }
    }
    out
}
