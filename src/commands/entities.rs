//! `liseuse entities [PATH...] --format json|tsv`: every mention with its entity, for scripts
//! and for scoring.

use std::path::PathBuf;

use super::output::{Out, Outcome};
use crate::commands::cli::EntityFormat;
use liseuse_entity::{self as entity, export::ExportDoc};

pub fn run(paths: &[PathBuf], format: EntityFormat, data_dir: Option<&std::path::Path>) -> Outcome {
    let (docs, unread) = super::corpus::load(paths)?;
    let analysed: Vec<_> = docs
        .iter()
        .map(|(_, d)| entity::analyse_meta(&d.entity_text(), &d.meta))
        .collect();
    let texts: Vec<&str> = docs.iter().map(|(_, d)| d.text.as_str()).collect();
    // The user's corrections hold here as in the reader.
    let index =
        super::corpus::corrected_index(entity::EntityIndex::build(&analysed), &texts, data_dir);
    let export: Vec<ExportDoc> = docs
        .iter()
        .map(|(path, d)| ExportDoc {
            path,
            title: &d.title,
            text: &d.text,
        })
        .collect();
    // Paths, titles and mentions are a file's text: JSON escapes what a terminal would obey
    // (every character kept); TSV shows it as the reader does, its tabs and lines its own.
    let text = match format {
        EntityFormat::Json => {
            liseuse_document::sanitize::json(&entity::export::to_json(&export, &index)).into_owned()
        }
        EntityFormat::Tsv => {
            liseuse_document::sanitize::text(&entity::export::to_tsv(&export, &index)).into_owned()
        }
    };
    let mut out = Out::stdout();
    out.line(text.trim_end())?;
    unread.status(out.done())
}
