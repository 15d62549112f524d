//! The articles a printing subcommand reads: the paths found (the bundled articles when none),
//! each read as the reader reads it, what cannot be said on stderr.

use std::path::PathBuf;
use std::sync::OnceLock;

use super::output::{Failure, Outcome, say};
use liseuse_document::Document;
use liseuse_library::discover::Links;
use liseuse_library::{self as library, Discovery};

/// Which links the walks of this command follow (`--follow-links`): set once by `dispatch`,
/// so that every command walks folders alike without each one carrying the option.
static LINKS: OnceLock<Links> = OnceLock::new();

/// `--follow-links` was given, or not.
pub fn follow_links(all: bool) {
    let _ = LINKS.set(if all { Links::All } else { Links::Inside });
}

/// The articles under `paths`, walked as the command line says.
pub fn discover(paths: &[PathBuf]) -> Result<Discovery, String> {
    library::discover::discover_with(paths, LINKS.get().copied().unwrap_or_default())
}

/// One article read: the path it was opened by, its file's modification time, its text.
pub struct Read {
    pub path: String,
    pub modified: Option<i64>,
    pub doc: Document,
}

/// Articles that could not be read, each said on stderr as it was met: the command goes on
/// with the others, and its status says so at the end ([`Unread::status`]), as `cat`'s does.
#[derive(Debug, Default)]
#[must_use]
pub struct Unread(usize);

impl Unread {
    /// The command's outcome once it has printed what it could: status 2 if an article
    /// could not be read.
    pub fn status(self, printed: Outcome) -> Outcome {
        printed?;
        match self.0 {
            0 => Ok(()),
            _ => Err(Failure::Said),
        }
    }
}

/// Each readable article with the path it was opened by.
pub fn load(paths: &[PathBuf]) -> Result<(Vec<(String, Document)>, Unread), Failure> {
    let (read, unread) = read(paths)?;
    Ok((read.into_iter().map(|r| (r.path, r.doc)).collect(), unread))
}

/// [`load`], with each file's modification time (none for the bundled articles).
pub fn read(paths: &[PathBuf]) -> Result<(Vec<Read>, Unread), Failure> {
    let found = match paths.is_empty() {
        true => Discovery {
            entries: library::seeds(),
            skipped: Vec::new(),
        },
        false => discover(paths).map_err(Failure::Failed)?,
    };
    for why in &found.skipped {
        say(why);
    }
    let mut docs = Vec::new();
    let mut unread = Unread::default();
    for e in &found.entries {
        match library::load(e) {
            Ok(doc) => docs.push(Read {
                path: e.path.clone(),
                modified: match &e.origin {
                    library::Origin::File(p) => modified(p),
                    library::Origin::Embedded(_) => None,
                },
                doc,
            }),
            Err(why) => {
                say(&format!("{}: {why}", e.path));
                unread.0 += 1;
            }
        }
    }
    Ok((docs, unread))
}

/// The modification time of the file at `path`, seconds since 1970.
pub fn modified(path: &std::path::Path) -> Option<i64> {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .and_then(|d| i64::try_from(d.as_secs()).ok())
}

/// The index of `texts` (each article's rendered text, in order) with the user's corrections
/// of `data_dir` applied, as the reader shows it.
pub fn corrected_index(
    index: liseuse_entity::EntityIndex,
    texts: &[&str],
    data_dir: Option<&std::path::Path>,
) -> liseuse_entity::EntityIndex {
    let Ok(dir) = liseuse_library::store::data_dir(data_dir) else {
        return index;
    };
    let list = liseuse_library::store::CorrectionStore::open(&dir).corrections();
    if list.is_empty() {
        return index;
    }
    let surface = |d: usize, r: std::ops::Range<usize>| {
        texts.get(d).and_then(|t| t.get(r)).map(str::to_string)
    };
    liseuse_library::corrections::apply(&index, &list, surface)
}
