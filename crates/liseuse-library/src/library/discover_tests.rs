use super::*;

#[test]
fn the_walk_streams_in_order_and_ends() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..1200 {
        let p = dir.path().join(format!("{:02}/{i}.txt", i / 100));
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, "Titre\ntexte\n").unwrap();
    }
    let rx = spawn(vec![dir.path().to_path_buf()]);
    let first = first_batch(&rx).unwrap();
    assert!(!first.entries.is_empty());
    let mut all: Vec<String> = first.entries.into_iter().map(|e| e.name).collect();
    for batch in rx {
        all.extend(batch.entries.into_iter().map(|e| e.name));
    }
    assert_eq!(all.len(), 1200);
    assert_eq!(&all[..3], ["0.txt", "1.txt", "2.txt"]);
    assert_eq!(all[1199], "1199.txt");
}

#[test]
fn paths_compare_as_the_walk_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "1.txt",
        "2/a.txt",
        "2/b/1.txt",
        "2/b/10.txt",
        "2/b.txt",
        "10.txt",
        "a 1.txt",
        "a1.txt",
        "b.md",
    ];
    for name in names {
        let p = dir.path().join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, "Titre\ntexte\n").unwrap();
    }
    let walked: Vec<PathBuf> = discover(&[dir.path().to_path_buf()])
        .unwrap()
        .entries
        .into_iter()
        .map(|e| PathBuf::from(e.path))
        .collect();
    let mut sorted = walked.clone();
    sorted.reverse();
    sorted.sort_by(|a, b| natural_path_cmp(a, b));
    assert_eq!(sorted, walked);
    assert_eq!(walked.len(), names.len());
    assert!(walked[2].ends_with("2/b/1.txt") && walked[3].ends_with("2/b/10.txt"));
}

/// Issue 24.6: `F/passwd.txt → /etc/passwd` was an article of `F`, and `F/out → /outside`
/// was walked. Links inside `F` are followed, those out of it only when asked; a path named
/// on the command line is followed wherever it leads.
#[cfg(unix)]
#[test]
fn links_out_of_the_folder_are_not_followed_unless_asked() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let (f, outside) = (tmp.path().join("F"), tmp.path().join("outside"));
    fs::create_dir_all(f.join("sub")).unwrap();
    fs::create_dir_all(outside.join("dir")).unwrap();
    for p in [
        f.join("a.txt"),
        f.join("sub/c.txt"),
        outside.join("secret.txt"),
        outside.join("dir/b.txt"),
    ] {
        fs::write(&p, "Titre\ntexte\n").unwrap();
    }
    symlink(outside.join("secret.txt"), f.join("passwd.txt")).unwrap();
    symlink(outside.join("dir"), f.join("out")).unwrap();
    symlink("a.txt", f.join("inner.txt")).unwrap();
    symlink(f.join("sub"), f.join("linked")).unwrap();
    symlink("..", f.join("sub/up")).unwrap();
    let names = |d: &Discovery| -> Vec<String> {
        d.entries
            .iter()
            .map(|e| {
                Path::new(&e.path)
                    .strip_prefix(&f)
                    .map_or_else(|_| e.path.clone(), |p| p.display().to_string())
            })
            .collect()
    };

    let inside = discover(std::slice::from_ref(&f)).unwrap();
    assert_eq!(
        names(&inside),
        ["a.txt", "inner.txt", "linked/c.txt", "sub/c.txt"]
    );
    let said = inside.skipped.join("\n");
    assert!(
        said.contains("passwd.txt: a symbolic link out of the folder opened")
            && said.contains("out: a symbolic link out"),
        "{said}"
    );
    assert!(said.contains("up: symbolic link loop"), "{said}");

    let all = discover_with(std::slice::from_ref(&f), Links::All).unwrap();
    let all = names(&all);
    assert!(
        all.contains(&"passwd.txt".to_string()) && all.contains(&"out/b.txt".to_string()),
        "{all:?}"
    );

    let named = discover(&[f.join("passwd.txt"), f.join("out")]).unwrap();
    assert_eq!(named.entries.len(), 2, "{:?}", named.entries);

    let under = articles_under(&f, &f.join("linked"), Links::Inside);
    assert_eq!(under, [f.join("linked/c.txt")]);
}

#[test]
fn an_empty_folder_ends_the_walk_with_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let rx = spawn(vec![dir.path().to_path_buf()]);
    let err = first_batch(&rx).unwrap_err();
    assert!(err.starts_with("no articles"), "{err}");
}

/// The order as it was before paths were compared from where they part: name by name from
/// the top.
fn from_the_top(a: &Path, b: &Path) -> Ordering {
    let (mut a, mut b) = (a.components(), b.components());
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) => match natural_cmp(x.as_os_str(), y.as_os_str()) {
                Ordering::Equal => {}
                other => return other,
            },
            (x, y) => return x.is_some().cmp(&y.is_some()),
        }
    }
}

/// Comparing two paths from the names they part at orders them as comparing every name
/// does, whatever their separators, dots, numbers and letters.
#[test]
fn paths_compared_from_where_they_part_keep_the_order() {
    let pieces = [
        "/", "//", "a", "a1", "a 1", "a10", "a2", "b", ".", "..", "./", "/./", "é", "10", "2",
        ".hidden", "x.txt", "x10.txt", "x9.txt",
    ];
    let mut paths = vec![PathBuf::new()];
    for p in pieces {
        for q in pieces {
            for r in ["", "/", "a/", "/a/1.txt"] {
                paths.push(PathBuf::from(format!("{p}{q}{r}")));
                paths.push(PathBuf::from(format!("/lib/{p}/{q}{r}")));
            }
        }
    }
    for a in &paths {
        for b in &paths {
            assert_eq!(
                natural_path_cmp(a, b),
                from_the_top(a, b),
                "{} vs {}",
                a.display(),
                b.display()
            );
        }
    }
}
