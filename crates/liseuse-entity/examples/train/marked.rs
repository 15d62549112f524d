//! Articles annotated inline, by our convention: `{PER Dana Whitcombe}`, `{ORG Harlow Systems Inc.}`,
//! `{LOC Seattle}`, and `{? FA Cup}` for a span whose label no one should teach (an event, a work, a hospital
//! that is both a body and a place). The English articles of `tests/fixtures/english/` are written so: the
//! braces are easier to keep right by hand than character offsets. Shared by `examples/train.rs` and
//! `examples/eval.rs`.

use std::path::Path;

use liseuse_entity::score::Gold;

/// The English articles annotated so, from the crate's root.
pub const EN_TEXTS: &str = "tests/fixtures/english";

/// The text without its marks, and a gold row per mark (character offsets into that text).
pub fn parse(name: &str, src: &str) -> Result<(String, Vec<Gold>), String> {
    let mut text = String::with_capacity(src.len());
    let mut chars = 0usize;
    let mut gold = Vec::new();
    let mut rest = src;
    while let Some(open) = rest.find('{') {
        let before = rest.get(..open).unwrap_or("");
        text.push_str(before);
        chars += before.chars().count();
        let after = rest.get(open + 1..).unwrap_or("");
        let close = after
            .find('}')
            .ok_or_else(|| format!("{name}: a mark is not closed"))?;
        let mark = after.get(..close).unwrap_or("");
        let (label, surface) = mark
            .split_once(' ')
            .ok_or_else(|| format!("{name}: mark {{{mark}}} has no label"))?;
        let (label, optional) = match label {
            "PER" | "ORG" | "LOC" => (label, false),
            "?" => ("ORG", true),
            other => return Err(format!("{name}: unknown label {other}")),
        };
        let n = surface.chars().count();
        gold.push(Gold {
            doc: name.to_string(),
            start: chars,
            end: chars + n,
            text: surface.to_string(),
            label: label.to_string(),
            id: format!("{}:{}", label.to_lowercase(), surface.to_lowercase()),
            optional,
            alt: Vec::new(),
        });
        text.push_str(surface);
        chars += n;
        rest = after.get(close + 1..).unwrap_or("");
    }
    text.push_str(rest);
    Ok((text, gold))
}

/// An article annotated inline: file name, text, gold rows.
pub type Marked = (String, String, Vec<Gold>);

/// Every `.txt` of `dir`, in name order, parsed.
pub fn load(dir: &Path) -> Result<Vec<Marked>, Box<dyn std::error::Error>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut docs = Vec::new();
    for n in names {
        let src = std::fs::read_to_string(dir.join(&n))?;
        let (text, gold) = parse(&n, &src)?;
        docs.push((n, text, gold));
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_rows() {
        let (text, gold) =
            parse("a", "Ms. {PER Zoé Lee} of {ORG ACME}, at the {? FA Cup}.").unwrap();
        assert_eq!(text, "Ms. Zoé Lee of ACME, at the FA Cup.");
        let rows: Vec<(usize, usize, &str, bool)> = gold
            .iter()
            .map(|g| (g.start, g.end, g.label.as_str(), g.optional))
            .collect();
        assert_eq!(
            rows,
            [
                (4, 11, "PER", false),
                (15, 19, "ORG", false),
                (28, 34, "ORG", true)
            ]
        );
        assert!(parse("b", "{PER open").is_err());
    }
}
