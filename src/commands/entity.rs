//! `liseuse entity NAME [PATH...] [--format text|json] [--min-confidence N]`: one entity's
//! profile: its names, its counts, who is named with it, when, in which articles, and what it said
//! (its quotations: article, words, cue). NAME
//! matches any variant (or the name a rename gave), case and accents aside; a name several
//! entities answer to lists them, and `--all` gives every one's profile. The entities the
//! sidebar leaves out (under `min_confidence`) are neither found nor named beside it.

use std::path::PathBuf;

use super::output::{Failure, Out, Outcome};
use crate::commands::cli::ProfileFormat;
use liseuse_document::plural;
use liseuse_entity as entity;
use liseuse_library::profile::{self, ProfileDoc};
use liseuse_library::quotes;
use liseuse_library::timeline::{self, DateClues};

pub fn run(
    name: &str,
    paths: &[PathBuf],
    format: ProfileFormat,
    all: bool,
    min_confidence: u8,
    data_dir: Option<&std::path::Path>,
) -> Outcome {
    let (docs, unread) = super::corpus::read(paths)?;
    // The quotations of each article too, found on the tokens of its entities.
    let (analysed, said): (Vec<_>, Vec<_>) = docs
        .iter()
        .map(|r| {
            let text = r.doc.entity_text();
            let (ents, tokens) = entity::analyse_meta_tokens(&text, &r.doc.meta);
            let said = quotes::find(&r.doc, &text, &ents, Some(&tokens));
            (ents, said)
        })
        .unzip();
    let texts: Vec<&str> = docs.iter().map(|r| r.doc.text.as_str()).collect();
    let index =
        super::corpus::corrected_index(entity::EntityIndex::build(&analysed), &texts, data_dir);
    let paragraphs: Vec<Vec<std::ops::Range<usize>>> = docs
        .iter()
        .map(|r| r.doc.paragraphs.iter().map(|p| p.range.clone()).collect())
        .collect();
    let pdocs: Vec<ProfileDoc> = docs
        .iter()
        .zip(&paragraphs)
        .zip(&said)
        .enumerate()
        .map(|(i, ((r, paras), said))| ProfileDoc {
            quotes: said,
            path: &r.path,
            title: &r.doc.title,
            text: &r.doc.text,
            paragraphs: paras,
            date: timeline::article_date(
                &index,
                i,
                &DateClues {
                    line: r.doc.date.as_deref(),
                    text: &r.doc.text,
                    modified: r.modified,
                },
            ),
        })
        .collect();
    let found = profile::find(&index, name, min_confidence);
    if found.is_empty() {
        // Say so when the engine found it but is too unsure of it to list it.
        let unsure = profile::find(&index, name, 0).len();
        let hint = match unsure {
            0 => String::new(),
            n => format!(
                " ({} under min_confidence {min_confidence}; --min-confidence 0 lists every one)",
                plural::counted(n, "entity answers to it", "entities answer to it")
            ),
        };
        return Err(Failure::Failed(format!("no entity named {name:?}{hint}")));
    }
    if found.len() > 1 && !all {
        // Never one of them picked silently: the user chooses.
        let mut said = format!(
            "{name:?} names {} entities; give the exact name, or --all for every one:",
            found.len()
        );
        for e in found.iter().filter_map(|&id| index.entity(id)) {
            said.push_str(&format!(
                "\n{} ({}, {} in {})",
                e.name(),
                e.label.as_str(),
                plural::counted(e.mentions as usize, "mention", "mentions"),
                plural::counted(e.documents as usize, "article", "articles")
            ));
        }
        return Err(Failure::Listed(said));
    }
    let profiles: Vec<profile::Profile> = found
        .into_iter()
        .filter_map(|id| profile::profile(&index, &pdocs, id, min_confidence))
        .collect();
    let mut out = Out::stdout();
    match format {
        ProfileFormat::Json => {
            let json = serde_json::to_string_pretty(&profiles)
                .map_err(|e| Failure::Failed(e.to_string()))?;
            out.line(&liseuse_document::sanitize::json(&json))?;
        }
        ProfileFormat::Text => {
            let text: Vec<String> = profiles.iter().map(profile::to_text).collect();
            out.write(&liseuse_document::sanitize::text(&text.join("\n")))?;
        }
    }
    unread.status(out.done())
}
