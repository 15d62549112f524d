//! `--print-config` (the defaults, commented, every action with its keys) and
//! `--print-config-path` (where the settings are read from).

use std::path::Path;

use super::output::{Failure, Out, Outcome};

pub fn print_config() -> Outcome {
    let mut out = Out::stdout();
    out.write(&crate::config::default_toml())?;
    out.done()
}

/// The file `--config` names, else the default place; whether it exists does not matter (it is
/// where to put one).
pub fn print_config_path(given: Option<&Path>) -> Outcome {
    let path = match given {
        Some(p) => p.to_path_buf(),
        None => crate::config::default_path().ok_or_else(|| {
            Failure::Failed(String::from(
                "no settings folder on this system (no home directory): use --config FILE",
            ))
        })?,
    };
    let mut out = Out::stdout();
    out.line(&liseuse_document::sanitize::one_line(
        &path.display().to_string(),
    ))?;
    out.done()
}
