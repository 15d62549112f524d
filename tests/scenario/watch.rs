//! Issue 24.2: the opened folder changes under liseuse in every way a folder can (a folder
//! made and filled at once, moved in, moved away, deleted, random churn, the opened folder
//! itself deleted and made again), and the list ends up as what is on disk, every time.

use crate::common::headless::{Folder, Headless};
use liseuse::app::App;
use liseuse_library::Origin;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The article files under `root` now.
fn on_disk(root: &Path) -> BTreeSet<PathBuf> {
    liseuse_library::discover::articles_under(root, root, Default::default())
        .into_iter()
        .collect()
}

/// The articles the list shows, but those it keeps only because they are open.
fn listed(app: &App) -> BTreeSet<PathBuf> {
    app.library
        .order()
        .iter()
        .filter_map(|&i| app.library.articles.get(i))
        .filter(|a| !a.removed)
        .filter_map(|a| match &a.entry.origin {
            Origin::File(p) => Some(p.clone()),
            Origin::Embedded(_) => None,
        })
        .collect()
}

/// Waits (generously) until the list is what is on disk.
fn converges(s: &mut Headless, root: &Path, after: &str) {
    let want = on_disk(root);
    let what = format!(
        "the list to be the {} files on disk after {after}",
        want.len()
    );
    s.wait_until(&what, |app| listed(app) == want);
}

fn article(title: &str) -> String {
    format!("{title}\n\nUn texte sur {title}.\n")
}

/// A small deterministic generator, so that a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[test]
fn the_list_converges_on_the_disk_after_any_burst() {
    let folder = Folder::new(&[("a.txt", &article("Alpha"))]);
    let root = folder.root().to_path_buf();
    let mut s = Headless::start(std::slice::from_ref(&root), 120, 40);
    s.wait_until("the first article", |app| listed(app).len() == 1);

    // A file made right after its folders: before the new folders are watched.
    fs::create_dir_all(root.join("x/y")).unwrap();
    fs::write(root.join("x/y/f.txt"), article("Foxtrot")).unwrap();
    converges(&mut s, &root, "mkdir -p x/y and a file in it");

    // A folder of three articles moved in whole.
    let outside = tempfile::tempdir().unwrap();
    let box_ = outside.path().join("box");
    fs::create_dir_all(&box_).unwrap();
    for t in ["Un", "Deux", "Trois"] {
        fs::write(box_.join(format!("{t}.txt")), article(t)).unwrap();
    }
    fs::rename(&box_, root.join("b")).unwrap();
    converges(&mut s, &root, "a folder moved in");

    // Renamed, then deleted.
    fs::rename(root.join("b"), root.join("c")).unwrap();
    converges(&mut s, &root, "mv b c");
    fs::remove_dir_all(root.join("c")).unwrap();
    converges(&mut s, &root, "rm -r c");

    // Moved away whole.
    fs::rename(root.join("x"), outside.path().join("x")).unwrap();
    converges(&mut s, &root, "a folder moved away");

    // Random churn: files and folders made, renamed, moved and deleted as fast as can be.
    let mut rng = Rng(0x2024_1206);
    let dirs = ["d0", "d1", "d2", "d1/e", "d2/e/f"];
    for n in 0..1500 {
        let d = root.join(dirs[rng.below(dirs.len())]);
        let f = d.join(format!("{}.txt", rng.below(40)));
        let _ = match rng.below(7) {
            0..=2 => fs::create_dir_all(&d).and_then(|()| fs::write(&f, article(&format!("N{n}")))),
            3 => fs::remove_file(&f),
            4 => {
                let to = root.join(dirs[rng.below(dirs.len())]);
                fs::create_dir_all(&to).and_then(|()| fs::rename(&f, to.join(format!("m{n}.txt"))))
            }
            5 => {
                let to = root.join(format!("moved{}", rng.below(3)));
                fs::remove_dir_all(&to)
                    .or(Ok(()))
                    .and_then(|()| fs::rename(&d, &to))
            }
            _ => fs::remove_dir_all(&d),
        };
    }
    converges(&mut s, &root, "1,500 random changes");

    // The opened folder itself deleted, then made again with other articles.
    fs::remove_dir_all(&root).unwrap();
    s.wait_until("the list emptied", |app| listed(app).is_empty());
    fs::create_dir_all(root.join("new")).unwrap();
    fs::write(root.join("new/z.txt"), article("Zoulou")).unwrap();
    fs::write(root.join("y.txt"), article("Yankee")).unwrap();
    converges(&mut s, &root, "the folder deleted and made again");
    // And followed again from there.
    fs::write(root.join("new/w.txt"), article("Whisky")).unwrap();
    converges(&mut s, &root, "a file added to the folder made again");
}
