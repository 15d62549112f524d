use super::*;
use crate::cache::frame::Packed;
use std::collections::HashSet;

fn stamp(n: u64) -> Stamp {
    Stamp {
        size: n,
        modified: i128::from(n) * 1_000,
    }
}

fn meta(title: &str) -> ArticleMeta {
    ArticleMeta {
        title: title.into(),
        ..ArticleMeta::default()
    }
}

fn body(text: &str) -> Body {
    Body {
        entities: liseuse_entity::analyse(text),
        sections: Vec::new(),
    }
}

fn add(c: &mut ArticleCache, path: &str, n: u64, text: &str) {
    c.add(
        path.into(),
        stamp(n),
        format!("hash-{text}"),
        meta(path),
        body(text),
    );
}

#[test]
fn a_second_start_finds_each_unchanged_article_by_its_stamp() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = ArticleCache::open(Some(dir.path()));
    assert!(c.writes());
    add(&mut c, "a.txt", 1, "Emmanuel Macron à Paris.");
    add(&mut c, "b.txt", 2, "Olaf Scholz à Berlin.");
    // Known before it is written, from memory.
    assert!(c.lookup("a.txt", stamp(1)).is_some());
    c.flush();
    drop(c);

    let mut c = ArticleCache::open(Some(dir.path()));
    let hit = c.lookup("a.txt", stamp(1)).unwrap();
    assert_eq!(hit.meta.title, "a.txt");
    assert_eq!(hit.hash, "hash-Emmanuel Macron à Paris.");
    assert_eq!(c.lookup("b.txt", stamp(3)), None, "another size or time");
    assert_eq!(c.lookup("c.txt", stamp(1)), None);
    assert_eq!(
        c.body("hash-Olaf Scholz à Berlin.").unwrap(),
        body("Olaf Scholz à Berlin.")
    );
    let got = c.bodies(&[
        "hash-Olaf Scholz à Berlin.".into(),
        "nope".into(),
        "hash-Emmanuel Macron à Paris.".into(),
    ]);
    assert_eq!(got[0], Some(body("Olaf Scholz à Berlin.")));
    assert_eq!(got[1], None);
    assert_eq!(got[2], Some(body("Emmanuel Macron à Paris.")));
    // Asked again (the file read again after a change that left it the same).
    assert_eq!(c.lookup("a.txt", stamp(1)).unwrap().meta.title, "a.txt");
}

#[test]
fn an_interrupted_first_indexing_resumes_with_what_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = ArticleCache::open(Some(dir.path()));
    for i in 0..10 {
        add(&mut c, &format!("{i}.txt"), i, &format!("Texte {i}."));
        if i % 3 == 2 {
            c.flush();
        }
    }
    // Killed: the last record was never flushed, and the last frame written is torn.
    drop(c);
    let path = dir.path().join(file_name());
    let len = std::fs::metadata(&path).unwrap().len();
    let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.set_len(len - 5).unwrap();
    drop(f);

    let mut c = ArticleCache::open(Some(dir.path()));
    let found: Vec<u64> = (0..10)
        .filter(|&i| c.lookup(&format!("{i}.txt"), stamp(i)).is_some())
        .collect();
    assert_eq!(found, (0..6).collect::<Vec<_>>(), "the whole frames");
    // Goes on after them: the rest is added and read back at the next start.
    for i in 6..10 {
        add(&mut c, &format!("{i}.txt"), i, &format!("Texte {i}."));
    }
    c.flush();
    drop(c);
    let mut c = ArticleCache::open(Some(dir.path()));
    for i in 0..10 {
        assert!(c.lookup(&format!("{i}.txt"), stamp(i)).is_some(), "{i}");
        assert_eq!(
            c.body(&format!("hash-Texte {i}.")).unwrap(),
            body(&format!("Texte {i}."))
        );
    }
}

#[test]
fn bodies_asked_for_one_by_one_read_each_frame_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = ArticleCache::open(Some(dir.path()));
    for i in 0..6 {
        add(&mut c, &format!("{i}.txt"), i, &format!("Texte {i}."));
        if i == 2 {
            c.flush();
        }
    }
    c.flush();
    drop(c);
    let mut c = ArticleCache::open(Some(dir.path()));
    // Touched files, checked in the order of the log: two frames of three.
    for i in 0..6 {
        assert_eq!(
            c.body(&format!("hash-Texte {i}.")).unwrap(),
            body(&format!("Texte {i}.")),
            "{i}"
        );
    }
    assert_eq!(c.frames_read(), 2);
    // Back to the first frame: read again (one is kept, not the log).
    assert!(c.body("hash-Texte 0.").is_some());
    assert_eq!(c.frames_read(), 3);
}

#[test]
fn compaction_keeps_the_latest_record_of_each_open_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = ArticleCache::open(Some(dir.path()));
    // The same article rewritten many times, and articles no longer open.
    for round in 0..40u64 {
        add(&mut c, "a.txt", round, &format!("Version {round}."));
        add(&mut c, &format!("gone-{round}.txt"), round, "Parti.");
        c.flush();
    }
    add(&mut c, "b.txt", 7, "Olaf Scholz.");
    let live: HashSet<String> = ["a.txt".to_string(), "b.txt".to_string()].into();
    let before = c.bytes();
    assert!(c.compact_if_worth_it(&live));
    assert!(c.bytes() < before / 10, "{} of {before}", c.bytes());
    assert_eq!(c.records(), 2);
    assert!(!c.compact_if_worth_it(&live), "nothing more to gain");
    // After compaction it goes on appending, and a new start reads it all.
    add(&mut c, "c.txt", 1, "Troisième.");
    c.flush();
    drop(c);
    let mut c = ArticleCache::open(Some(dir.path()));
    assert!(c.lookup("a.txt", stamp(39)).is_some());
    assert_eq!(c.lookup("a.txt", stamp(38)), None, "only the latest");
    assert!(c.lookup("gone-3.txt", stamp(3)).is_none());
    assert!(c.lookup("b.txt", stamp(7)).is_some());
    assert!(c.lookup("c.txt", stamp(1)).is_some());
    assert_eq!(c.body("hash-Version 39.").unwrap(), body("Version 39."));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".lock"))
        .collect();
    assert_eq!(names, [file_name()], "no temporary file left");
}

#[test]
fn a_second_liseuse_reads_the_cache_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = ArticleCache::open(Some(dir.path()));
    add(&mut first, "a.txt", 1, "Un.");
    first.flush();
    let mut second = ArticleCache::open(Some(dir.path()));
    assert!(!second.writes());
    assert!(second.lookup("a.txt", stamp(1)).is_some());
    add(&mut second, "b.txt", 2, "Deux.");
    second.flush();
    drop(second);
    drop(first);
    let mut again = ArticleCache::open(Some(dir.path()));
    assert!(again.writes(), "the lock went with the first");
    assert!(again.lookup("b.txt", stamp(2)).is_none());
}

#[test]
fn older_caches_are_removed_by_the_one_that_writes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("entities-v7.bin"), b"old").unwrap();
    std::fs::write(d.join("articles-v3.log"), b"old").unwrap();
    std::fs::write(d.join("notes.txt"), b"not ours").unwrap();
    let _c = ArticleCache::open(Some(d));
    assert!(!d.join("entities-v7.bin").exists());
    assert!(!d.join("articles-v3.log").exists());
    assert!(d.join("notes.txt").exists());
    assert!(ArticleCache::open(None).lookup("a", stamp(1)).is_none());
}

/// A frame holds at most `FRAME_ARTICLES`: a full one is written as the articles come, so
/// that reading one article's body never decompresses a whole cold start's worth.
#[test]
fn a_full_frame_is_written_as_articles_come() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = ArticleCache::open(Some(dir.path()));
    let n = FRAME_ARTICLES + 3;
    for i in 0..n {
        add(
            &mut c,
            &format!("{i}.txt"),
            i as u64,
            &format!("Texte {i} à Paris."),
        );
    }
    assert_eq!(c.pending(), 3, "the full frame is written");
    assert!(c.take_written());
    assert!(!c.take_written(), "said once");
    // Written without a flush: a quit now keeps them.
    drop(c);
    let mut c = ArticleCache::open(Some(dir.path()));
    assert!(c.lookup("0.txt", stamp(0)).is_some());
    assert!(
        c.lookup(&format!("{}.txt", n - 4), stamp(n as u64 - 4))
            .is_some()
    );
    assert!(
        c.lookup(&format!("{}.txt", n - 1), stamp(n as u64 - 1))
            .is_none()
    );
    assert_eq!(
        c.body("hash-Texte 7 à Paris."),
        Some(body("Texte 7 à Paris."))
    );
}

/// A log of the format before (LZ4 bodies, postcard mentions) is not read as this one: its
/// articles are analysed again, and it is started anew.
#[test]
fn a_log_of_the_format_before_is_ignored_and_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file_name());
    let mut old = Log::create(&path, ENGINE_VERSION, FORMAT - 1).unwrap();
    old.append(b"not heads of this format", b"nor a body")
        .unwrap();
    drop(old);
    let mut c = ArticleCache::open(Some(dir.path()));
    assert!(c.writes());
    assert_eq!(c.records(), 0);
    assert!(c.lookup("a.txt", stamp(1)).is_none());
    add(&mut c, "a.txt", 1, "Olaf Scholz à Berlin.");
    c.flush();
    drop(c);
    let mut c = ArticleCache::open(Some(dir.path()));
    assert!(c.lookup("a.txt", stamp(1)).is_some());
    assert_eq!(
        c.body("hash-Olaf Scholz à Berlin."),
        Some(body("Olaf Scholz à Berlin."))
    );
}

/// Bodies asked for across frames, back and forth: each comes from its own frame (they are
/// decompressed a frame ahead, on a thread of their own).
#[test]
fn bodies_asked_across_frames_come_each_from_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = ArticleCache::open(Some(dir.path()));
    let texts = [
        "Emmanuel Macron à Paris.",
        "Olaf Scholz à Berlin.",
        "Le Hamas à Gaza.",
    ];
    for (i, t) in texts.iter().enumerate() {
        add(&mut c, &format!("{i}.txt"), i as u64, t);
        c.flush();
    }
    add(&mut c, "pending.txt", 9, "Pas encore écrit.");
    let ask = [0, 1, 0, 2, 2, 1, 0];
    let mut hashes: Vec<String> = ask.iter().map(|&i| format!("hash-{}", texts[i])).collect();
    hashes.insert(3, "nope".into());
    hashes.push("hash-Pas encore écrit.".into());
    let got = c.bodies(&hashes);
    let mut want: Vec<Option<Body>> = ask.iter().map(|&i| Some(body(texts[i]))).collect();
    want.insert(3, None);
    want.push(Some(body("Pas encore écrit.")));
    assert_eq!(got, want);
    // Stopped early: the thread reading ahead ends.
    let mut first = c.reader_for(&hashes).bodies();
    assert_eq!(first.next(), Some(Some(body(texts[0]))));
}

/// A frame filled by `put` is sealed for its caller to encode without the lock: its records
/// are found meanwhile, a flush in between writes it itself (and the late one changes
/// nothing), and the log holds every record once, in order.
#[test]
fn a_sealed_frame_is_found_until_written_and_written_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = ArticleCache::open(Some(dir.path()));
    let put = |c: &mut ArticleCache, i: usize| {
        let b = body(&format!("Texte {i} à Paris."));
        let packed = Packed::of(&b.entities, &b.sections).unwrap();
        c.put(
            format!("{i}.txt"),
            stamp(i as u64),
            format!("hash-Texte {i} à Paris."),
            meta(&format!("{i}.txt")),
            packed,
        )
    };
    let mut sealed = None;
    for i in 0..FRAME_ARTICLES {
        sealed = put(&mut c, i);
    }
    let first = sealed.expect("a full frame is sealed");
    assert!(put(&mut c, FRAME_ARTICLES).is_none());
    // Sealed, not written: still found.
    assert_eq!(c.pending(), FRAME_ARTICLES + 1);
    assert!(c.lookup("3.txt", stamp(3)).is_some());
    assert_eq!(
        c.body("hash-Texte 3 à Paris."),
        Some(body("Texte 3 à Paris."))
    );
    let late = first.encode();
    c.flush();
    assert_eq!(c.pending(), 0);
    c.write(late);
    assert_eq!(c.records(), FRAME_ARTICLES + 1, "each record written once");
    drop(c);
    let mut c = ArticleCache::open(Some(dir.path()));
    assert_eq!(c.records(), FRAME_ARTICLES + 1);
    for i in [0, 3, FRAME_ARTICLES - 1, FRAME_ARTICLES] {
        assert!(
            c.lookup(&format!("{i}.txt"), stamp(i as u64)).is_some(),
            "{i}"
        );
        assert_eq!(
            c.body(&format!("hash-Texte {i} à Paris.")),
            Some(body(&format!("Texte {i} à Paris.")))
        );
    }
}

/// Frames encoded out of order are written in the order sealed: a path's later record stays
/// the one a next start reads.
#[test]
fn frames_encoded_out_of_order_are_written_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = ArticleCache::open(Some(dir.path()));
    add(&mut c, "a.txt", 1, "Emmanuel Macron à Paris.");
    let older = c.seal().unwrap();
    add(&mut c, "a.txt", 2, "Olaf Scholz à Berlin.");
    let newer = c.seal().unwrap();
    c.write(newer.encode());
    assert_eq!(c.pending(), 2, "waits for the frame before it");
    c.write(older.encode());
    assert_eq!(c.pending(), 0);
    drop(c);
    let mut c = ArticleCache::open(Some(dir.path()));
    assert!(c.lookup("a.txt", stamp(1)).is_none());
    let hit = c.lookup("a.txt", stamp(2)).unwrap();
    assert_eq!(hit.hash, "hash-Olaf Scholz à Berlin.");
}

#[test]
fn where_a_body_is_takes_sixteen_bytes_in_each_map() {
    // Its frame by number, not by place (offset, length, checksum: 24 bytes more).
    assert_eq!(std::mem::size_of::<Located>(), 16);
    assert_eq!(std::mem::size_of::<(TextHash, Located)>(), 40);
}
