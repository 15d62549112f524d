//! `liseuse correct drop|label|merge|split|list|undo`: the corrections to the entity engine,
//! kept in the data directory, that the reader and `liseuse entities` apply everywhere.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::output::{Failure, Out, Outcome};
use crate::commands::cli::CorrectCommand;
use liseuse_document::search::fold_str;
use liseuse_entity::Label;
use liseuse_library::store::{self, Correction, CorrectionStore};

pub fn run(data_dir: Option<&Path>, command: &CorrectCommand) -> Outcome {
    let dir = store::data_dir(data_dir).map_err(|e| Failure::Failed(e.to_string()))?;
    let mut s = CorrectionStore::open(&dir);
    let failed = |e: store::StoreError| Failure::Failed(e.to_string());
    let mut out = Out::stdout();
    let said = match command {
        CorrectCommand::List => {
            if let Some(why) = s.read_only() {
                return Err(Failure::Failed(format!("corrections: {why}")));
            }
            for (i, m) in s.list().iter().enumerate() {
                let day = m.created.get(..10).unwrap_or(&m.created);
                out.line(&liseuse_document::sanitize::one_line(&format!(
                    "{:>3}  {day}  {}",
                    i + 1,
                    m.correction.describe()
                )))?;
            }
            return out.done();
        }
        CorrectCommand::Undo => match s.undo().map_err(failed)? {
            Some(c) => format!("undone: {}", c.describe()),
            None => "no correction to undo".to_string(),
        },
        other => {
            let (c, checked) = match other {
                CorrectCommand::Drop { name, checked } => {
                    (Correction::Drop { name: name.clone() }, checked)
                }
                CorrectCommand::Label {
                    name,
                    label,
                    checked,
                } => {
                    let label = Label::parse(&label.to_uppercase()).ok_or_else(|| {
                        Failure::Failed(format!("{label:?}: a label is PER, ORG, LOC or DATE"))
                    })?;
                    let c = Correction::Label {
                        name: name.clone(),
                        label,
                    };
                    (c, checked)
                }
                CorrectCommand::Merge {
                    name,
                    with,
                    checked,
                } => {
                    let c = Correction::Merge {
                        name: name.clone(),
                        with: with.clone(),
                    };
                    (c, checked)
                }
                CorrectCommand::Split { name, checked } => {
                    (Correction::Split { name: name.clone() }, checked)
                }
                CorrectCommand::List | CorrectCommand::Undo => return out.done(),
            };
            if !checked.force {
                check_names(&c, &checked.paths)?;
            }
            let line = c.describe();
            s.add(c).map_err(failed)?;
            format!("kept: {line}")
        }
    };
    // The change is made: an output that cannot be written (`> /dev/full`) is said, but the
    // status is the change's (issue 24.13).
    let said = liseuse_document::sanitize::one_line(&said);
    match out.line(&said).and_then(|()| out.done()) {
        Err(Failure::Write(e)) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            super::output::say(&format!(
                "{said} (this line could not be written to the output: {})",
                store::describe_io(&e)
            ));
            Ok(())
        }
        other => other,
    }
}

/// Every name the correction gives is one the articles of `paths` give (an entity's name or a
/// way it is written, case and accents aside): a mistyped name would be kept and do nothing.
fn check_names(c: &Correction, paths: &[PathBuf]) -> Outcome {
    let names: Vec<&str> = match c {
        Correction::Drop { name } | Correction::Label { name, .. } | Correction::Split { name } => {
            vec![name]
        }
        Correction::Merge { name, with } => vec![name, with],
    };
    let (docs, _) = super::corpus::load(paths)?;
    let analysed: Vec<_> = docs
        .iter()
        .map(|(_, d)| liseuse_entity::analyse(&d.entity_text()))
        .collect();
    let index = liseuse_entity::EntityIndex::build(&analysed);
    let known: HashSet<String> = index
        .entities()
        .iter()
        .filter(|e| e.mentions > 0)
        .flat_map(|e| std::iter::once(&e.name).chain(&e.variants))
        .map(|n| fold_str(n))
        .collect();
    let missing: Vec<&str> = names
        .into_iter()
        .filter(|n| !known.contains(&fold_str(n.trim())))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let which = missing
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(" nor ");
    let looked = match paths.is_empty() {
        true => " (looked for in the bundled articles: give the folders to look in)",
        false => "",
    };
    Err(Failure::Failed(format!(
        "no article names {which}{looked}: nothing kept; --force keeps it for articles to come"
    )))
}
