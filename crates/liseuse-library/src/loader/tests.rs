use super::*;
use std::sync::mpsc::Receiver;

/// The next index update, skipping the other events.
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

#[track_caller]
fn until_analysed(rx: &Receiver<LibraryEvent>, n: usize) -> Box<IndexUpdate> {
    let mut update = next_index(rx);
    while update.analysed() < n || update.is_provisional() {
        update = next_index(rx);
    }
    update
}

fn entries(dir: &std::path::Path) -> Vec<Entry> {
    let mut out = Vec::new();
    for (i, seed) in library::seeds().into_iter().enumerate() {
        let library::Origin::Embedded(bytes) = seed.origin else {
            unreachable!()
        };
        let p = dir.join(format!("{i}.txt"));
        std::fs::write(&p, bytes).unwrap();
        out.push(Entry {
            path: p.to_string_lossy().into_owned(),
            name: format!("{i}.txt"),
            origin: library::Origin::File(p),
        });
    }
    out
}

fn read_all(loader: &Loader, entries: &[Entry]) {
    for (i, e) in entries.iter().enumerate() {
        loader.read(i, e.clone());
    }
}

/// A first session over `entries` with its cache in `dir`: every article analysed, the cache
/// saved, the session ended.
fn first_session(dir: &std::path::Path, entries: &[Entry]) {
    let (tx, rx) = mpsc::channel();
    let first = Loader::spawn(Some(dir.to_path_buf()), tx);
    read_all(&first, entries);
    until_analysed(&rx, entries.len());
    first.save_cache();
    steady(&dir.join(cache::index_file::file_name()));
}

/// Waits until `path` exists and has not changed for a while.
fn steady(path: &std::path::Path) -> std::time::SystemTime {
    for _ in 0..600 {
        if path.exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let mtime = || std::fs::metadata(path).unwrap().modified().unwrap();
    let mut written = mtime();
    loop {
        std::thread::sleep(Duration::from_millis(300));
        let now = mtime();
        if now == written {
            return written;
        }
        written = now;
    }
}

#[test]
fn a_second_start_reads_no_text_shows_the_saved_index_at_once_and_does_not_merge_again() {
    let lib = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let entries = entries(lib.path());
    let (tx, rx) = mpsc::channel();
    let first = Loader::spawn(Some(dir.path().to_path_buf()), tx);
    read_all(&first, &entries);
    let update = until_analysed(&rx, 2);
    assert_eq!(first.texts_read(), 2);
    first.save_cache();
    let saved = dir.path().join(cache::index_file::file_name());
    let written = steady(&saved);
    drop(first);

    let (tx, rx) = mpsc::channel();
    let second = Loader::spawn(Some(dir.path().to_path_buf()), tx);
    // Before a single article is asked for, the saved counts are there.
    let shown = next_index(&rx);
    assert!(shown.is_provisional());
    assert_eq!(shown.analysed(), 0);
    assert_eq!(shown.index.entities(), update.index.entities());
    read_all(&second, &entries);
    // Every article as saved: the counts are final at once…
    let confirmed = until_analysed(&rx, 2);
    assert_eq!(confirmed.analysed(), 2);
    assert_eq!(confirmed.index.entities(), update.index.entities());
    // …then the same index, every mention back, and not a text read for it.
    let confirmed = next_index(&rx);
    for d in 0..2 {
        assert_eq!(
            confirmed.index.doc_mentions(d),
            update.index.doc_mentions(d)
        );
    }
    assert_eq!(second.texts_read(), 0, "a warm start reads no text");
    // The quotations are the body's: the same as found, their speakers the same entities.
    assert!(
        update.quotes.len() > 5,
        "quotations found: {}",
        update.quotes.len()
    );
    for d in 0..2 {
        assert_eq!(confirmed.quotes.of_article(d), update.quotes.of_article(d));
    }
    for e in 0..update.index.entities().len() {
        let id = liseuse_entity::EntityId(e as u32);
        assert_eq!(confirmed.quotes.of_entity(id), update.quotes.of_entity(id));
    }
    // Nothing new: saving writes nothing.
    second.save_cache();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        std::fs::metadata(&saved).unwrap().modified().unwrap(),
        written
    );
}

#[test]
fn an_article_changed_since_is_read_again_and_the_rest_is_not() {
    let lib = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let entries = entries(lib.path());
    first_session(dir.path(), &entries);

    let library::Origin::File(p) = &entries[1].origin else {
        unreachable!()
    };
    std::fs::write(p, "Un autre texte\n\nOlaf Scholz était à Berlin.\n").unwrap();
    let (tx, rx) = mpsc::channel();
    let second = Loader::spawn(Some(dir.path().to_path_buf()), tx);
    read_all(&second, &entries);
    let update = until_analysed(&rx, 2);
    assert_eq!(second.texts_read(), 1);
    assert!(
        update
            .index
            .entities()
            .iter()
            .any(|e| e.name().contains("Scholz"))
    );
}

#[test]
fn an_interrupted_first_indexing_resumes_with_what_was_written() {
    let lib = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let entries = entries(lib.path());
    let (tx, rx) = mpsc::channel();
    let first = Loader::spawn(Some(dir.path().to_path_buf()), tx);
    read_all(&first, &entries);
    until_analysed(&rx, 2);
    // Written within seconds, without being asked: a quit now loses nothing.
    let log = dir
        .path()
        .join(format!("articles-v{}.log", cache::ENGINE_VERSION));
    for _ in 0..600 {
        if std::fs::metadata(&log).is_ok_and(|m| m.len() > cache::log::FILE_HEADER) {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    steady(&log);
    drop(first);
    assert!(
        !dir.path().join(cache::index_file::file_name()).exists(),
        "the merged index was never saved"
    );
    let (tx, rx) = mpsc::channel();
    let second = Loader::spawn(Some(dir.path().to_path_buf()), tx);
    read_all(&second, &entries);
    until_analysed(&rx, 2);
    assert_eq!(second.texts_read(), 0, "nothing analysed again");
}

/// A warm start checks its articles against the saved index without looking at the whole
/// corpus as each one comes in (each look copies every article's hash: at 100,000 articles,
/// looking at every one took half a core from checking them).
#[test]
fn a_warm_start_does_not_look_at_the_corpus_for_every_article() {
    let lib = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let n = 400;
    let entries: Vec<Entry> = (0..n)
        .map(|i| {
            let p = lib.path().join(format!("{i}.txt"));
            let text = format!("Article {i}\n\nEmmanuel Macron a parlé à Paris le {i} mai.\n");
            std::fs::write(&p, text).unwrap();
            Entry {
                path: p.to_string_lossy().into_owned(),
                name: format!("{i}.txt"),
                origin: library::Origin::File(p),
            }
        })
        .collect();
    first_session(dir.path(), &entries);

    let (tx, rx) = mpsc::channel();
    let second = Loader::spawn(Some(dir.path().to_path_buf()), tx);
    read_all(&second, &entries);
    until_analysed(&rx, n);
    next_index(&rx);
    assert_eq!(second.texts_read(), 0, "a warm start reads no text");
    // One look per rest while articles come in, and the last: not one per article.
    let looks = second.corpus_looks();
    assert!(looks < n / 10, "the corpus was looked at {looks} times");
}

/// The checking of a warm start's articles may overtake the walk listing them: while the walk
/// goes on, none pending is not every article in, and the library is not merged for it.
#[test]
fn a_warm_start_ahead_of_its_walk_waits_for_the_walk_rather_than_merging() {
    let lib = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let entries = entries(lib.path());
    first_session(dir.path(), &entries);

    let (tx, rx) = mpsc::channel();
    let second = Loader::spawn(Some(dir.path().to_path_buf()), tx);
    second.walking();
    assert!(next_index(&rx).is_provisional());
    // The walk's first batch is checked, and the walk has not found the second article yet.
    second.read(0, entries[0].clone());
    let deadline = std::time::Instant::now() + Duration::from_millis(1500);
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(LibraryEvent::Indexed(u)) => panic!(
                "merged with {} of 2 articles while the walk went on",
                u.analysed()
            ),
            Ok(_) => {}
            Err(_) => break,
        }
    }
    second.read(1, entries[1].clone());
    second.walked();
    let confirmed = until_analysed(&rx, 2);
    assert_eq!(confirmed.analysed(), 2);
    assert_eq!(second.texts_read(), 0, "a warm start reads no text");
}

/// A cache whose log was damaged on disk (a body failing its checksum): the articles it held
/// are reported, analysed again when asked for, and their entities come back — they were
/// missing from every index after, each start finding them in the cache by their stamps.
#[test]
fn a_damaged_cache_body_has_its_articles_analysed_again() {
    let lib = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let entries = entries(lib.path());
    let (tx, rx) = mpsc::channel();
    let first = Loader::spawn(Some(dir.path().to_path_buf()), tx);
    read_all(&first, &entries);
    let whole = until_analysed(&rx, 2);
    first.save_cache();
    steady(&dir.path().join(cache::index_file::file_name()));
    drop(first);
    // A few bytes of the last frame's body (the log's end) overwritten.
    let log = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "log"))
        .expect("the cache's log");
    let mut bytes = std::fs::read(&log).unwrap();
    let n = bytes.len();
    bytes[n - 40..n - 30].fill(0xff);
    std::fs::write(&log, bytes).unwrap();

    let (tx, rx) = mpsc::channel();
    let second = Loader::spawn(Some(dir.path().to_path_buf()), tx);
    read_all(&second, &entries);
    let damaged = loop {
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(LibraryEvent::CacheDamaged(d)) => break d,
            Ok(_) => {}
            Err(e) => panic!("the damage was not reported: {e}"),
        }
    };
    assert_eq!(
        damaged,
        [0, 1],
        "both seeds' bodies are in the damaged frame"
    );
    // As the app does: asked for again, they are read and analysed.
    for &i in &damaged {
        second.read(i, entries[i].clone());
    }
    let mut update = next_index(&rx);
    while update.index.doc_mentions(0).is_empty() || update.index.doc_mentions(1).is_empty() {
        update = next_index(&rx);
    }
    assert_eq!(second.texts_read(), 2);
    for d in 0..2 {
        assert_eq!(update.index.doc_mentions(d), whole.index.doc_mentions(d));
    }
}
