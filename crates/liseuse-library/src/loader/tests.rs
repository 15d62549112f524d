use super::*;
use std::sync::mpsc::Receiver;

/// The next index update, skipping the articles' `Loaded` events.
#[track_caller]
fn next_index(rx: &Receiver<LibraryEvent>) -> Box<IndexUpdate> {
    loop {
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(LibraryEvent::Indexed(u)) => return u,
            Ok(_) => {}
            Err(e) => panic!("no index update: {e}"),
        }
    }
}

fn read_all(loader: &Loader) {
    for (i, e) in library::seeds().into_iter().enumerate() {
        loader.read(i, e);
    }
}

#[test]
fn a_second_start_shows_the_saved_index_at_once_and_does_not_merge_again() {
    let dir = tempfile::tempdir().unwrap();
    let (tx, rx) = mpsc::channel();
    let first = Loader::spawn(Some(dir.path().to_path_buf()), tx);
    read_all(&first);
    let mut update = next_index(&rx);
    while update.analysed() < 2 {
        update = next_index(&rx);
    }
    assert!(!update.is_provisional());
    first.save_cache();
    let saved = dir
        .path()
        .join(format!("entities-v{}.bin", cache::ENGINE_VERSION));
    for _ in 0..600 {
        if saved.exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(saved.exists(), "the cache was written");
    // Its pool's workers wait on its jobs until it is gone (one loader per process).
    drop(first);
    // The first loader may write the cache again once both articles are in (under load, after the file first
    // appears): the time to compare with is the last one, steady for a while.
    let mtime = || std::fs::metadata(&saved).unwrap().modified().unwrap();
    let mut written = mtime();
    loop {
        std::thread::sleep(Duration::from_millis(300));
        let now = mtime();
        if now == written {
            break;
        }
        written = now;
    }

    let (tx, rx) = mpsc::channel();
    let second = Loader::spawn(Some(dir.path().to_path_buf()), tx);
    // Before a single article is asked for, the saved index is there.
    let shown = next_index(&rx);
    assert!(shown.is_provisional());
    assert_eq!(shown.analysed(), 0);
    read_all(&second);
    // The merge thread may send what it has after the first article, as on any start: wait for both.
    let mut confirmed = next_index(&rx);
    while confirmed.analysed() < 2 {
        confirmed = next_index(&rx);
    }
    assert!(!confirmed.is_provisional());
    assert_eq!(confirmed.analysed(), 2);
    // Nothing new: saving writes nothing.
    second.save_cache();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(mtime(), written);
}
