//! A data file may be a symbolic link (to a synced folder, say): it is read and written where
//! the link points, and the link stays a link. A link to nothing (the folder is not mounted) is
//! not an empty file: writing there would put a regular file in place of the link and hide the
//! real bookmarks the next time the folder is mounted.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// More links than this in a row are taken for a loop, as the kernel does (`ELOOP` after 40).
const MAX_LINKS: usize = 40;

/// Why a data file's path leads nowhere usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unresolved {
    /// A symbolic link whose target (this path) does not exist.
    Dangling(PathBuf),
    /// Links that lead back to themselves.
    Loop,
}

impl Unresolved {
    /// What it means, after the file's name ("bookmarks.json is a symbolic link to …").
    pub(crate) fn describe(&self) -> String {
        match self {
            Unresolved::Dangling(target) => format!(
                "is a symbolic link to {}, which does not exist (a folder not mounted?)",
                target.display()
            ),
            Unresolved::Loop => String::from("is a loop of symbolic links"),
        }
    }

    pub(crate) fn into_io(self) -> io::Error {
        io::Error::new(io::ErrorKind::NotFound, self.describe())
    }
}

/// Where the data file at `path` really is: `path` itself when it is not a link (whether it
/// exists or not), else the end of its chain of links. Relative targets are taken from the
/// folder of the link that names them, as the system does.
pub(crate) fn resolve(path: &Path) -> Result<PathBuf, Unresolved> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let Ok(target) = fs::read_link(&at) else {
                    // Vanished between the two calls: whatever reads it next will say so.
                    return Ok(at);
                };
                at = match at.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound && at != path => {
                return Err(Unresolved::Dangling(at));
            }
            // A regular file, a missing one (no link involved), or an error that reading it
            // will report in its own words.
            _ => return Ok(at),
        }
    }
    Err(Unresolved::Loop)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn plain_missing_and_chained_links_resolve() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        let file = d.join("real.json");
        assert_eq!(resolve(&file), Ok(file.clone()), "missing, not a link");
        fs::write(&file, "{}").unwrap();
        assert_eq!(resolve(&file), Ok(file.clone()));
        fs::create_dir(d.join("sub")).unwrap();
        symlink("../real.json", d.join("sub/one")).unwrap();
        symlink("sub/one", d.join("two")).unwrap();
        let got = resolve(&d.join("two")).unwrap();
        assert_eq!(
            fs::canonicalize(got).unwrap(),
            fs::canonicalize(&file).unwrap()
        );
    }

    #[test]
    fn dangling_links_and_loops_are_told_apart() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        symlink(d.join("gone/b.json"), d.join("a.json")).unwrap();
        assert_eq!(
            resolve(&d.join("a.json")),
            Err(Unresolved::Dangling(d.join("gone/b.json")))
        );
        symlink("y", d.join("x")).unwrap();
        symlink("x", d.join("y")).unwrap();
        assert_eq!(resolve(&d.join("x")), Err(Unresolved::Loop));
    }
}
