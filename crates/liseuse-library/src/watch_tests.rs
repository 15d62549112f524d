use super::*;

/// The watcher's loop on a thread of its own over `roots`, as `watch` runs it, with `events`
/// queued before it starts (so that it takes them in one look): the sender of further events,
/// what it reports, and its thread (it ends when the sender is dropped).
fn following(
    mut roots: Roots,
    first: Missed,
    events: Vec<notify::Event>,
) -> (
    mpsc::Sender<notify::Result<notify::Event>>,
    mpsc::Receiver<LibraryEvent>,
    std::thread::JoinHandle<()>,
) {
    let (raw_tx, raw_rx) = mpsc::channel();
    let (tx, rx) = mpsc::channel::<LibraryEvent>();
    for e in events {
        raw_tx.send(Ok(e)).unwrap();
    }
    let thread = std::thread::spawn(move || {
        follow(
            &raw_rx,
            &Reporter::new(tx),
            &mut roots,
            Links::Inside,
            &mut |_| true,
            first,
        );
    });
    (raw_tx, rx, thread)
}

/// The next walk reported.
fn next_walk(rx: &mpsc::Receiver<LibraryEvent>) -> Vec<(PathBuf, Vec<PathBuf>)> {
    let Ok(LibraryEvent::Rescanned(scans)) = rx.recv_timeout(Duration::from_secs(30)) else {
        panic!("no walk");
    };
    scans
}

#[test]
fn reported_paths_are_put_back_under_the_folder_as_given() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir_all(lib.join("sub")).unwrap();
    let canonical = std::fs::canonicalize(&lib).unwrap();
    // As `cd tmp; liseuse lib lib/sub` would give them, relative to a folder of our own
    // (the test does not change the process's working directory).
    let root = |given: &str, canonical: PathBuf| Root {
        given: PathBuf::from(given),
        canonical,
        id: None,
    };
    let roots = Roots(vec![
        root("lib/sub", canonical.join("sub")),
        root("lib", canonical.clone()),
    ]);
    assert_eq!(
        roots.as_given(&canonical.join("a.txt")),
        Some(PathBuf::from("lib/a.txt"))
    );
    assert_eq!(
        roots.as_given(&canonical.join("sub/b.txt")),
        Some(PathBuf::from("lib/sub/b.txt"))
    );
    assert_eq!(roots.as_given(&canonical), Some(PathBuf::from("lib")));
    assert_eq!(roots.as_given(&tmp.path().join("other.txt")), None);
    // Built from the folders themselves, the deepest comes first.
    let built = Roots::new(&[lib.clone(), lib.join("sub")]);
    assert_eq!(built.0[0].given, lib.join("sub"));
}

/// Issue 24.2: an overflowing queue (events lost) walks every opened folder again, and a
/// folder named by an event is walked whole, so that the list converges on the disk.
#[test]
fn an_overflow_or_a_folder_event_walks_again() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir_all(lib.join("x/y")).unwrap();
    std::fs::write(lib.join("a.txt"), "A\n").unwrap();
    std::fs::write(lib.join("x/y/f.txt"), "F\n").unwrap();
    let roots = Roots::new(std::slice::from_ref(&lib));
    let canonical = std::fs::canonicalize(&lib).unwrap();
    let overflow =
        notify::Event::new(notify::EventKind::Other).set_flag(notify::event::Flag::Rescan);
    let made = notify::Event::new(notify::EventKind::Create(notify::event::CreateKind::Folder))
        .add_path(canonical.join("x"));
    let (raw_tx, rx, thread) = following(roots, Missed::Nothing, vec![overflow, made]);
    let scans = next_walk(&rx);
    assert_eq!(scans.len(), 1, "x is walked with lib: {scans:?}");
    assert_eq!(scans[0].0, lib);
    assert_eq!(scans[0].1, [lib.join("a.txt"), lib.join("x/y/f.txt")]);
    drop(raw_tx);
    thread.join().unwrap();

    // A folder alone.
    let roots = Roots::new(std::slice::from_ref(&lib));
    let moved_in = notify::Event::new(notify::EventKind::Modify(notify::event::ModifyKind::Name(
        notify::event::RenameMode::To,
    )))
    .add_path(canonical.join("x"));
    let (raw_tx, rx, thread) = following(roots, Missed::Nothing, vec![moved_in]);
    let scans = next_walk(&rx);
    assert_eq!(scans, [(lib.join("x"), vec![lib.join("x/y/f.txt")])]);
    drop(raw_tx);
    thread.join().unwrap();
}

/// Issue 27 (found under load): a file written before the watches took hold is found by
/// the walk that follows them, with no event for it.
#[test]
fn the_folders_are_walked_once_watched() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir_all(lib.join("x")).unwrap();
    std::fs::write(lib.join("x/late.txt"), "L\n").unwrap();
    let roots = Roots::new(std::slice::from_ref(&lib));
    let (raw_tx, rx, thread) = following(roots, Missed::Everything, Vec::new());
    let scans = next_walk(&rx);
    assert_eq!(scans, [(lib.clone(), vec![lib.join("x/late.txt")])]);
    drop(raw_tx);
    thread.join().unwrap();
}

/// Sets the modification time of the folder `dir` an hour back (as a library's folders are
/// when liseuse starts).
fn an_hour_old(dir: &Path) {
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::open(dir)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
}

/// Issue 27: once watched, only the folders whose names changed since the walk began are walked
/// again, not the whole library (every path held again during the warm start's peak).
#[test]
fn once_watched_only_the_folders_changed_since_the_walk_are_walked() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    for d in ["x", "y/z"] {
        std::fs::create_dir_all(lib.join(d)).unwrap();
    }
    std::fs::write(lib.join("x/old.txt"), "O\n").unwrap();
    std::fs::write(lib.join("y/z/old.txt"), "O\n").unwrap();
    for d in ["", "x", "y", "y/z"] {
        an_hour_old(&lib.join(d));
    }
    let listed_at = SystemTime::now();
    // Written after the walk began, before the watches took hold.
    std::fs::write(lib.join("y/z/late.txt"), "L\n").unwrap();
    let roots = Roots::new(std::slice::from_ref(&lib));
    let (raw_tx, rx, thread) = following(roots, Missed::Since(listed_at), Vec::new());
    let scans = next_walk(&rx);
    assert_eq!(
        scans,
        [(
            lib.join("y/z"),
            vec![lib.join("y/z/late.txt"), lib.join("y/z/old.txt")]
        )]
    );
    drop(raw_tx);
    thread.join().unwrap();

    // Nothing changed since: nothing is walked.
    an_hour_old(&lib.join("y/z"));
    let roots = Roots::new(std::slice::from_ref(&lib));
    let (raw_tx, rx, thread) = following(roots, Missed::Since(listed_at), Vec::new());
    let nothing = rx.recv_timeout(RECHECK * 3);
    assert!(nothing.is_err(), "{nothing:?}");
    drop(raw_tx);
    thread.join().unwrap();
}

/// A link to a folder inside the opened one is followed by the walk: what changes behind it
/// does not move the time of the folder holding it, which is walked again.
#[cfg(unix)]
#[test]
fn a_folder_holding_a_link_to_a_folder_is_walked_again() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir_all(lib.join("x")).unwrap();
    std::fs::create_dir_all(lib.join("y")).unwrap();
    std::os::unix::fs::symlink(lib.join("x"), lib.join("y/alias")).unwrap();
    for d in ["", "x", "y"] {
        an_hour_old(&lib.join(d));
    }
    let roots = Roots::new(std::slice::from_ref(&lib));
    assert_eq!(changed_since(&roots, SystemTime::now()), [lib.join("y")]);
}
