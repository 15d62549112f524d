//! The library following its folders: a changed article is read again, a new one is added, a
//! removed one stays readable with a notice while open and shows as deleted in the list.

use super::{App, Effect};
use crate::library::{Article, Entry, Origin};
use std::path::PathBuf;

fn is_article(p: &std::path::Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

impl App {
    /// More of the walk: the articles join the list and are read in the background.
    pub(super) fn on_discovered(&mut self, found: crate::library::Discovery) -> Vec<Effect> {
        let start = self.library.len();
        let n = found.entries.len();
        self.library
            .articles
            .extend(found.entries.into_iter().map(|entry| Article {
                entry,
                doc: None,
                error: None,
                removed: false,
                counted: false,
            }));
        self.entities
            .per_doc
            .resize(self.library.len(), Default::default());
        if let Some(first) = found.skipped.first() {
            self.message = Some(first.clone());
        }
        if n == 0 {
            return Vec::new();
        }
        vec![Effect::Load(start..start + n)]
    }

    pub(super) fn on_files_changed(&mut self, changes: Vec<(PathBuf, bool)>) -> Vec<Effect> {
        let mut effects = Vec::new();
        let (mut added, mut removed, mut changed) = (0, 0, 0);
        for (path, exists) in changes {
            let known = self
                .library
                .articles
                .iter()
                .position(|a| match &a.entry.origin {
                    Origin::File(p) => *p == path,
                    Origin::Embedded(_) => false,
                });
            let article = known.and_then(|i| Some((i, self.library.articles.get_mut(i)?)));
            match (article, exists) {
                (Some((i, a)), true) => {
                    a.removed = false;
                    effects.push(Effect::Load(i..i + 1));
                    changed += 1;
                }
                (Some((_, a)), false) if !a.removed => {
                    a.removed = true;
                    removed += 1;
                }
                (None, true) if is_article(&path) => {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    self.library.articles.push(Article {
                        entry: Entry {
                            path: path.to_string_lossy().into_owned(),
                            name,
                            origin: Origin::File(path),
                        },
                        doc: None,
                        error: None,
                        removed: false,
                        counted: false,
                    });
                    self.entities.per_doc.push(Default::default());
                    let i = self.library.len() - 1;
                    effects.push(Effect::Load(i..i + 1));
                    added += 1;
                }
                _ => {}
            }
        }
        // A removed article's names leave the counts; its text stays readable if open.
        for (i, a) in self.library.articles.iter().enumerate() {
            if a.removed && !effects.contains(&Effect::Forget(i)) && removed > 0 {
                effects.push(Effect::Forget(i));
            }
        }
        let mut said = Vec::new();
        for (n, what) in [(added, "added"), (changed, "changed"), (removed, "removed")] {
            if n > 0 {
                said.push(format!("{n} {what}"));
            }
        }
        if !said.is_empty() {
            self.message = Some(format!("folder changed: {}", said.join(", ")));
        }
        effects
    }
}
