//! The tests of `log.rs`: frames written and read back, a torn tail cut off, damage refused, compaction.

use super::*;

const E: u32 = 7;
const F: u32 = 1;

fn bodies(path: &Path, frames: &[Frame]) -> Vec<Vec<u8>> {
    let f = File::open(path).unwrap();
    frames
        .iter()
        .map(|fr| read_body(&f, fr.body).unwrap())
        .collect()
}

#[test]
fn frames_come_back_heads_first_bodies_on_demand() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.log");
    assert_eq!(scan(&p, E, F), (Vec::new(), 0), "no log yet");
    let mut log = Log::append_to(&p, 0, E, F).unwrap();
    assert!(log.is_empty());
    log.append(b"head one", b"body one").unwrap();
    log.append(b"", b"").unwrap();
    log.append(b"head three", b"a longer body three").unwrap();
    drop(log);
    let (frames, good) = scan(&p, E, F);
    assert_eq!(good, std::fs::metadata(&p).unwrap().len());
    let heads: Vec<&[u8]> = frames.iter().map(|f| f.head.as_slice()).collect();
    assert_eq!(heads, [&b"head one"[..], b"", b"head three"]);
    assert_eq!(
        bodies(&p, &frames),
        [
            b"body one".to_vec(),
            vec![],
            b"a longer body three".to_vec()
        ]
    );
    // Appending after a reopen goes on from the end.
    let mut log = Log::append_to(&p, good, E, F).unwrap();
    log.append(b"four", b"4").unwrap();
    assert_eq!(scan(&p, E, F).0.len(), 4);
}

#[test]
fn an_interrupted_write_is_cut_off_and_writing_resumes_after_the_last_whole_frame() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.log");
    let mut log = Log::create(&p, E, F).unwrap();
    log.append(b"one", b"1").unwrap();
    let whole = log.len();
    log.append(b"two", b"the second body").unwrap();
    drop(log);
    // A kill in the middle of the second frame: every cut leaves the first frame.
    let full = std::fs::read(&p).unwrap();
    for cut in (whole as usize)..full.len() {
        std::fs::write(&p, &full[..cut]).unwrap();
        let (frames, good) = scan(&p, E, F);
        assert_eq!(frames.len(), 1, "cut at {cut}");
        assert_eq!(good, whole);
    }
    let mut log = Log::append_to(&p, whole, E, F).unwrap();
    log.append(b"three", b"3").unwrap();
    drop(log);
    let (frames, _) = scan(&p, E, F);
    let heads: Vec<&[u8]> = frames.iter().map(|f| f.head.as_slice()).collect();
    assert_eq!(heads, [&b"one"[..], b"three"]);
    assert_eq!(bodies(&p, &frames), [b"1".to_vec(), b"3".to_vec()]);
}

#[test]
fn a_damaged_frame_ends_the_log_and_a_damaged_body_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.log");
    let mut log = Log::create(&p, E, F).unwrap();
    log.append(b"one", b"1").unwrap();
    let second = log.len() as usize;
    log.append(b"two", b"22").unwrap();
    log.append(b"three", b"333").unwrap();
    drop(log);
    let good = std::fs::read(&p).unwrap();
    // A flipped byte in the second head: the log ends after the first frame.
    let mut bad = good.clone();
    bad[second + FRAME_HEADER] ^= 1;
    std::fs::write(&p, &bad).unwrap();
    assert_eq!(scan(&p, E, F).0.len(), 1);
    // A flipped byte in a body: the heads still read, that body is refused.
    let mut bad = good.clone();
    let last = bad.len() - 1;
    bad[last] ^= 1;
    std::fs::write(&p, &bad).unwrap();
    let (frames, _) = scan(&p, E, F);
    assert_eq!(frames.len(), 3);
    let f = File::open(&p).unwrap();
    assert_eq!(read_body(&f, frames[0].body), Some(b"1".to_vec()));
    assert_eq!(read_body(&f, frames[2].body), None);
    // A length past the end of the file (a torn frame whose header survived).
    let mut bad = good.clone();
    bad[second..second + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    std::fs::write(&p, &bad).unwrap();
    assert_eq!(scan(&p, E, F).0.len(), 1);
}

#[test]
fn another_engine_or_format_or_file_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.log");
    let mut log = Log::create(&p, E, F).unwrap();
    log.append(b"one", b"1").unwrap();
    drop(log);
    assert_eq!(scan(&p, E + 1, F).1, 0);
    assert_eq!(scan(&p, E, F + 1).1, 0);
    std::fs::write(&p, b"{\"engine\": 1}").unwrap();
    assert_eq!(scan(&p, E, F), (Vec::new(), 0));
    // Started anew over it.
    let mut log = Log::append_to(&p, 0, E, F).unwrap();
    log.append(b"new", b"n").unwrap();
    assert_eq!(scan(&p, E, F).0.len(), 1);
}

#[test]
fn compaction_renames_a_whole_new_log_over_the_old() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.log");
    let mut log = Log::create(&p, E, F).unwrap();
    for i in 0..10u8 {
        log.append(&[i], &[i; 100]).unwrap();
    }
    let before = log.len();
    drop(log);
    let (frames, _) = scan(&p, E, F);
    let f = File::open(&p).unwrap();
    let keep: Vec<(Vec<u8>, Vec<u8>)> = frames
        .iter()
        .filter(|fr| fr.head[0] % 3 == 0)
        .map(|fr| (fr.head.clone(), read_body(&f, fr.body).unwrap()))
        .collect();
    let (mut log, at) = Log::rewrite(
        &p,
        E,
        F,
        keep.iter().map(|(h, b)| (h.as_slice(), b.as_slice())),
    )
    .unwrap();
    assert_eq!(at.len(), 4);
    assert!(log.len() < before);
    log.append(&[42], b"after").unwrap();
    drop(log);
    let (frames, _) = scan(&p, E, F);
    let heads: Vec<u8> = frames.iter().map(|f| f.head[0]).collect();
    assert_eq!(heads, [0, 3, 6, 9, 42]);
    let f = File::open(&p).unwrap();
    assert_eq!(read_body(&f, at[1]), Some(vec![3; 100]));
    // Nothing of ours is left behind in the folder.
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
}
