//! `liseuse correct drop|label|merge|split|rename|list|undo`: the corrections to the entity
//! engine, kept in the data directory, that the reader and `liseuse entities` apply everywhere.

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
                CorrectCommand::Rename { name, to, checked } => {
                    if to.trim().is_empty() {
                        return Err(Failure::Failed("a name cannot be empty".into()));
                    }
                    let c = Correction::Rename {
                        name: name.clone(),
                        to: to.trim().to_string(),
                    };
                    (c, checked)
                }
                CorrectCommand::List | CorrectCommand::Undo => return out.done(),
            };
            if !checked.force {
                check_names(&c, &checked.paths, data_dir)?;
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
/// way it is written, or a name a correction gave it, case and accents aside): a mistyped name
/// would be kept and do nothing. A rename names one entity, and not as another is named.
fn check_names(c: &Correction, paths: &[PathBuf], data_dir: Option<&Path>) -> Outcome {
    let names = c.names();
    // With no path, the library's articles, as every other command reads (the bundled ones
    // while it is empty).
    let given = !paths.is_empty();
    let paths = super::feed::article_paths(paths, data_dir);
    let (docs, _) = super::corpus::load(&paths)?;
    let analysed: Vec<_> = docs
        .iter()
        .map(|(_, d)| liseuse_entity::analyse_meta(&d.entity_text(), &d.meta))
        .collect();
    let index = liseuse_entity::EntityIndex::build(&analysed);
    let texts: Vec<&str> = docs.iter().map(|(_, d)| d.text.as_str()).collect();
    // As the corrections made so far show it (a renamed entity is named by its new name).
    let corrected = super::corpus::corrected_index(index.clone(), &texts, data_dir);
    let known: HashSet<String> = [&index, &corrected]
        .into_iter()
        .flat_map(|i| i.entities())
        .filter(|e| e.mentions > 0)
        .flat_map(|e| std::iter::once(e.name()).chain(e.variants()))
        .map(fold_str)
        .collect();
    let missing: Vec<&str> = names
        .into_iter()
        .filter(|n| !known.contains(&fold_str(n.trim())))
        .collect();
    if missing.is_empty() {
        return match c {
            Correction::Rename { name, to } => check_rename(&corrected, name, to),
            _ => Ok(()),
        };
    }
    let which = missing
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(" nor ");
    let looked = match (given, paths.is_empty()) {
        (true, _) => "",
        (false, true) => " (looked for in the bundled articles: give the folders to look in)",
        (false, false) => " (looked for in the library: give the folders to look in)",
    };
    Err(Failure::Failed(format!(
        "no article names {which}{looked}: nothing kept; --force keeps it for articles to come"
    )))
}

/// A rename names one entity (the one shown under `name`, if several answer to it), and `to` is
/// no other entity's name: two entities would answer to it (`merge` is for one that is two).
fn check_rename(index: &liseuse_entity::EntityIndex, name: &str, to: &str) -> Outcome {
    let found = liseuse_library::profile::find(index, name, 0);
    let exact: Vec<_> = found
        .iter()
        .filter_map(|&id| index.entity(id))
        .filter(|e| {
            std::iter::once(e.name())
                .chain(e.variants())
                .any(|n| fold_str(n) == fold_str(name.trim()))
        })
        .collect();
    let one = match exact.as_slice() {
        [one] => one,
        [] => {
            return Err(Failure::Failed(format!(
                "“{name}” names no entity since an earlier correction: nothing kept"
            )));
        }
        several => {
            let which: Vec<String> = several.iter().map(|e| format!("“{}”", e.name())).collect();
            return Err(Failure::Failed(format!(
                "“{name}” names {} entities ({}): nothing kept; give the name of the one to rename",
                several.len(),
                which.join(", ")
            )));
        }
    };
    match liseuse_library::corrections::rename_conflict(index, one.id, to) {
        None => Ok(()),
        Some(other) => Err(Failure::Failed(format!(
            "“{to}” is already the name of “{}” ({}): nothing kept; `liseuse correct merge` makes them one",
            other.name(),
            other.label.as_str()
        ))),
    }
}
