//! `liseuse correct drop|label|merge|split|list|undo`: the corrections to the entity engine,
//! kept in the data directory, that the reader and `liseuse entities` apply everywhere.

use std::path::Path;

use super::output::{Failure, Out, Outcome};
use crate::commands::cli::CorrectCommand;
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
            let c = match other {
                CorrectCommand::Drop { name } => Correction::Drop { name: name.clone() },
                CorrectCommand::Label { name, label } => {
                    let label = Label::parse(&label.to_uppercase()).ok_or_else(|| {
                        Failure::Failed(format!("{label:?}: a label is PER, ORG, LOC or DATE"))
                    })?;
                    Correction::Label {
                        name: name.clone(),
                        label,
                    }
                }
                CorrectCommand::Merge { name, with } => Correction::Merge {
                    name: name.clone(),
                    with: with.clone(),
                },
                CorrectCommand::Split { name } => Correction::Split { name: name.clone() },
                CorrectCommand::List | CorrectCommand::Undo => return out.done(),
            };
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
