//! The articles trained and measured on: WiNER-fr's splits (`load`) and the sets annotated by our convention
//! (`ours`), each a `Doc` with its gold rows.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use liseuse_entity::score::Gold;

use crate::marked;

#[derive(Clone)]
pub struct Doc {
    pub name: String,
    pub text: String,
    pub gold: Vec<Gold>,
    /// Annotated by our convention (the seeds, `dev/`): an optional row is a mention either way.
    pub ours: bool,
}

/// Every article of WiNER-fr's `split` (`train`: 2016–2017, `test`: 2018) with its gold rows, those without any too.
pub fn load(winer: &Path, split: &str) -> Result<Vec<Doc>, Box<dyn std::error::Error>> {
    let gold: Vec<Gold> = serde_json::from_str(&std::fs::read_to_string(
        winer.join(format!("{split}.gold.json")),
    )?)?;
    let years: &[&str] = if split == "test" {
        &["2018_"]
    } else {
        &["2016_", "2017_"]
    };
    let mut by_doc: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
    for g in gold {
        by_doc.entry(g.doc.clone()).or_default().push(g);
    }
    // every text of the split, also those without a gold row
    let mut names: Vec<String> = std::fs::read_dir(winer.join("texts"))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| years.iter().any(|y| n.starts_with(y)))
        .collect();
    names.sort();
    let mut docs = Vec::new();
    for n in names {
        let text = std::fs::read_to_string(winer.join("texts").join(&n))?;
        let gold = by_doc.remove(&n).unwrap_or_default();
        docs.push(Doc {
            name: n,
            text,
            gold,
            ours: false,
        });
    }
    Ok(docs)
}

/// The articles annotated by our convention: in the repository the seeds, `dev/` and the English articles of
/// `tests/fixtures/english/` (`en`); in `english` (shared/eval/english), GUM's news and interviews (`gum`).
pub fn ours(which: &str, english: Option<&Path>) -> Result<Vec<Doc>, Box<dyn std::error::Error>> {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let gum;
    if which == "en" || which.starts_with("en=") {
        let dir = which
            .strip_prefix("en=")
            .map_or(root.join(marked::EN_TEXTS), PathBuf::from);
        let docs = marked::load(&dir)?;
        return Ok(docs
            .into_iter()
            .map(|(name, text, gold)| Doc {
                name,
                text,
                gold,
                ours: true,
            })
            .collect());
    }
    let (texts, gold) = match which {
        "seeds" => (
            root.join("seeds"),
            root.join("tests/fixtures/seeds.gold.json"),
        ),
        "dev" => (
            root.join("tests/fixtures/dev/texts"),
            root.join("tests/fixtures/dev/dev.gold.json"),
        ),
        "gum" => {
            gum = english
                .ok_or("the gum set needs --english DIR (shared/eval/english) or --winer DIR")?
                .join("gum");
            (gum.join("texts"), gum.join("gold.json"))
        }
        _ => return Err(format!("unknown set {which}").into()),
    };
    let gold: Vec<Gold> = serde_json::from_str(&std::fs::read_to_string(gold)?)?;
    let mut by_doc: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
    for g in gold {
        by_doc.entry(g.doc.clone()).or_default().push(g);
    }
    let mut docs = Vec::new();
    for (name, gold) in by_doc {
        let text = std::fs::read_to_string(texts.join(&name))?;
        docs.push(Doc {
            name,
            text,
            gold,
            ours: true,
        });
    }
    Ok(docs)
}
