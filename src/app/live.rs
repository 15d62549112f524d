//! The library following its folders: a changed article is read again, a new one takes its
//! place in the list (natural order, as if the walk had found it), a removed one leaves the
//! list. The article open in the reader when its file is deleted stays readable, marked
//! "deleted from disk" in the list, until the user opens another one: taking the text from
//! under the reader would lose their place for nothing.
//!
//! Articles are never removed from `library.articles` (indices are identities, see
//! `Library`); only the list's order changes, and the selection stays on its article.

use super::{App, Effect};
use liseuse_library::Origin;
use liseuse_library::{Entry, is_article_name};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

impl App {
    /// More of the walk: the articles join the list and are read in the background. A file
    /// the watcher added before the walk reached it is already listed.
    pub(super) fn on_discovered(
        &mut self,
        found: liseuse_library::Discovery,
        fx: &mut Vec<Effect>,
    ) {
        let start = self.library.len();
        let anchor = self.list_anchor();
        for entry in found.entries {
            let known = match &entry.origin {
                Origin::File(p) => self.library.find(p).is_some(),
                Origin::Embedded(_) => false,
            };
            if !known {
                self.library.push(entry);
            }
        }
        let end = self.library.len();
        let added: Vec<usize> = (start..end).collect();
        self.library.show(added.clone());
        self.list.articles_added(&self.library, &added);
        self.keep_list_anchor(anchor);
        // The article open last time, found now: opened, as it would have been at once.
        let last = self.reading.last.as_deref();
        let found_last = last.and_then(|l| {
            (start..end).find(|&i| {
                self.library
                    .articles
                    .get(i)
                    .is_some_and(|a| super::reading::same_article(l, &a.entry.path))
            })
        });
        if let Some(i) = found_last {
            self.reading.last = None;
            self.list.selected = i;
            self.reading.pending = Some((i, None));
            // Texts are read when opened, not with the indexing: ask for this one.
            self.ask_texts([i], fx);
            self.scroll_list();
        }
        if let Some(first) = found.skipped.first() {
            self.status.say(first.clone());
        }
        if start < end {
            fx.push(Effect::Load(self.entries(start..end)));
        }
    }

    /// Articles a search found before the walk reached them: listed in their place and read,
    /// as the walk would have; the walk passes over them when it gets there.
    pub(super) fn list_ahead_of_walk(&mut self, paths: Vec<PathBuf>, fx: &mut Vec<Effect>) {
        let mut load = Vec::new();
        for path in paths {
            if self.library.find(&path).is_some() || !is_article_name(&path) {
                continue;
            }
            let entry = std::sync::Arc::new(entry_of(path));
            let i = self.library.push(entry.clone());
            load.push((i, entry));
        }
        let added: Vec<usize> = load.iter().map(|(i, _)| *i).collect();
        self.relist(added, Vec::new());
        if !load.is_empty() {
            fx.push(Effect::Load(load));
        }
    }

    /// Articles whose entities the cache could not give back (its file damaged): said once,
    /// and asked for again, read and analysed as new (those no longer listed left out).
    pub(super) fn on_cache_damaged(&mut self, articles: Vec<usize>, fx: &mut Vec<Effect>) {
        let load: Vec<(usize, std::sync::Arc<Entry>)> = articles
            .into_iter()
            .filter_map(|i| {
                let a = self.library.articles.get(i).filter(|a| !a.removed)?;
                Some((i, a.entry.clone()))
            })
            .collect();
        if load.is_empty() {
            return;
        }
        self.status.say(format!(
            "the cache is damaged: {} analysed again",
            liseuse_document::plural::counted(load.len(), "article", "articles")
        ));
        fx.push(Effect::Load(load));
    }

    /// The entries of these articles, for the loader.
    pub(super) fn entries(
        &self,
        range: std::ops::Range<usize>,
    ) -> Vec<(usize, std::sync::Arc<Entry>)> {
        range
            .filter_map(|i| Some((i, self.library.articles.get(i)?.entry.clone())))
            .collect()
    }

    /// The list changed: a filter or the date order makes its rows again.
    fn relist_filter(&mut self) {
        if self.list.has_view() {
            self.list.refilter(&self.library);
        }
    }

    /// Folders the watcher walked again: what is listed under each becomes what it found,
    /// and nothing else is touched (an article still there is not read again).
    pub(super) fn on_rescanned(
        &mut self,
        folders: Vec<(PathBuf, Vec<PathBuf>)>,
        fx: &mut Vec<Effect>,
    ) {
        let mut diff = Vec::new();
        // Each folder's list holds every article under it, those of folders inside it too:
        // what none lists is gone.
        let found: HashSet<&PathBuf> = folders.iter().flat_map(|(_, files)| files).collect();
        let walked: Vec<&Path> = folders.iter().map(|(f, _)| f.as_path()).collect();
        for i in self.library.under_folders(&walked) {
            if let Some(a) = self.library.articles.get(i)
                && !a.removed
                && let Origin::File(p) = &a.entry.origin
                && !found.contains(p)
            {
                diff.push((p.clone(), false));
            }
        }
        for (_, files) in folders {
            for f in files {
                let listed = self
                    .library
                    .find(&f)
                    .and_then(|i| self.library.articles.get(i))
                    .is_some_and(|a| !a.removed);
                if !listed {
                    diff.push((f, true));
                }
            }
        }
        if !diff.is_empty() {
            self.on_files_changed(diff, fx);
        }
    }

    pub(super) fn on_files_changed(&mut self, changes: Vec<(PathBuf, bool)>, fx: &mut Vec<Effect>) {
        // A path gone that is no article may have been a folder (deleted, or moved away):
        // the articles under it went with it.
        let mut expanded = Vec::with_capacity(changes.len());
        for (path, exists) in changes {
            if exists || self.library.find(&path).is_some() {
                expanded.push((path, exists));
                continue;
            }
            for i in self.library.under_folder(&path) {
                if let Some(a) = self.library.articles.get(i)
                    && !a.removed
                    && let Origin::File(p) = &a.entry.origin
                {
                    expanded.push((p.clone(), false));
                }
            }
        }
        let changes = expanded;
        let mut load = Vec::new();
        let (mut reread, mut stale) = (Vec::new(), Vec::new());
        let (mut added, mut changed, mut gone) = (Vec::new(), 0, Vec::new());
        for (path, exists) in changes {
            // Stored by liseuse's own fetch and listed then: the watcher's news of it is old.
            if exists && self.fetching.fresh.remove(&path) {
                continue;
            }
            let known = self.library.find(&path);
            let article = known.and_then(|i| Some((i, self.library.articles.get_mut(i)?)));
            match (article, exists) {
                (Some((i, a)), true) => {
                    if a.removed {
                        // Re-created: back in its place.
                        added.push(i);
                    } else {
                        changed += 1;
                    }
                    a.removed = false;
                    load.push((i, a.entry.clone()));
                    // Its text held is not what is on disk any more; the open one is read
                    // again and shown at the same place.
                    if self.reading.open == Some(i) {
                        reread.push((i, Entry::clone(&a.entry)));
                    } else {
                        stale.push(i);
                    }
                }
                (Some((i, a)), false) if !a.removed => {
                    a.removed = true;
                    // Its names leave the counts; its text stays readable if open.
                    fx.push(Effect::Forget(i));
                    gone.push(i);
                }
                (None, true) if is_article_name(&path) => {
                    let entry = std::sync::Arc::new(entry_of(path));
                    let i = self.library.push(entry.clone());
                    load.push((i, entry));
                    added.push(i);
                }
                _ => {}
            }
        }
        let (n_added, n_gone) = (added.len(), gone.len());
        self.relist(added, gone);
        let mut said = Vec::new();
        for (n, what) in [
            (n_added, "added"),
            (changed, "changed"),
            (n_gone, "removed"),
        ] {
            if n > 0 {
                said.push(format!("{n} {what}"));
            }
        }
        if !said.is_empty() {
            self.status
                .say(format!("folder changed: {}", said.join(", ")));
        }
        for i in stale {
            self.drop_text(i);
        }
        if !load.is_empty() {
            fx.push(Effect::Load(load));
        }
        if !reread.is_empty() {
            fx.push(Effect::Read(reread));
        }
    }

    /// Shows `added` and hides `gone` (but the open article), keeping the selection on its
    /// article, or on the next one in the list when its own left, and at the same height on
    /// screen.
    pub(super) fn relist(&mut self, added: Vec<usize>, mut gone: Vec<usize>) {
        gone.retain(|&i| Some(i) != self.reading.open);
        let anchor = self.list_anchor();
        if gone.contains(&self.list.selected) {
            // A whole folder deleted is thousands of files: no scan of `gone` per row.
            let gone: HashSet<usize> = gone.iter().copied().collect();
            let row = self.selected_row();
            let order = self.library.order();
            let after = order.iter().skip(row).find(|i| !gone.contains(i));
            let before = order.iter().take(row).rev().find(|i| !gone.contains(i));
            if let Some(&i) = after.or(before) {
                self.list.selected = i;
            }
        }
        self.library.hide(&gone);
        self.library.show(added.clone());
        if gone.is_empty() {
            // Articles saved into a followed folder, or stored by a fetch: in their place.
            self.list.articles_added(&self.library, &added);
        } else {
            self.relist_filter();
        }
        self.keep_list_anchor(anchor);
    }

    /// Makes `index` the open and selected article. The one left, if deleted from disk
    /// meanwhile, leaves the list now; a deleted article opened anyway (from a bookmark) is
    /// listed while open.
    pub(super) fn set_open(&mut self, index: usize) {
        self.list.selected = index;
        let anchor = self.list_anchor();
        if let Some(was) = self.reading.open
            && was != index
            && self.library.articles.get(was).is_some_and(|a| a.removed)
        {
            self.library.hide(&[was]);
            self.list.article_changed(&self.library, was);
        }
        self.library.show(vec![index]);
        self.list.article_changed(&self.library, index);
        self.reading.open = Some(index);
        self.keep_list_anchor(anchor);
    }
}

#[cfg(test)]
#[path = "live_tests.rs"]
mod tests;

/// The entry of an article's file found outside the walk (by the watcher, by a search).
fn entry_of(path: PathBuf) -> Entry {
    Entry {
        path: path.to_string_lossy().into_owned(),
        name: liseuse_library::file_name(&path),
        origin: Origin::File(path),
    }
}
