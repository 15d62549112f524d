//! `liseuse entities [PATH...] --format json|tsv [--min-confidence N]`: every mention with its
//! entity, for scripts and for scoring, and the entities the sidebar would list (the mentions of
//! the others keep their rows, marked `shown: false`: a scorer counts every mention).

use std::path::PathBuf;

use super::output::{Out, Outcome};
use crate::commands::cli::EntityFormat;
use liseuse_entity::{self as entity, export::ExportDoc};

pub fn run(
    paths: &[PathBuf],
    format: EntityFormat,
    min_confidence: u8,
    data_dir: Option<&std::path::Path>,
) -> Outcome {
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
            let json = entity::export::to_json_at(&export, &index, min_confidence);
            liseuse_document::sanitize::json(&json).into_owned()
        }
        EntityFormat::Tsv => {
            let tsv = entity::export::to_tsv_at(&export, &index, min_confidence);
            liseuse_document::sanitize::text(&tsv).into_owned()
        }
    };
    let mut out = Out::stdout();
    out.line(text.trim_end())?;
    unread.status(out.done())
}
