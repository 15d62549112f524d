//! Paths that are not articles: FIFOs, sockets, devices, symlink loops, a huge folder, files
//! that vanish, shrink or grow while read. Each is skipped or opened with one line, never
//! blocks, and discovery goes on.

use liseuse_library::{self as library, Entry};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Runs `f` on its own thread and fails the test if it takes longer than `secs` (a FIFO opened
/// the blocking way would hang the test forever otherwise).
fn within<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(secs))
        .expect("blocked: did not return in time")
}

fn mkfifo(p: &Path) {
    let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

fn one_line(s: &str) {
    assert!(!s.contains('\n') && !s.is_empty(), "not one line: {s:?}");
}

#[test]
fn fifo_socket_and_devices_given_as_paths_are_skipped_with_one_line_each() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    mkfifo(&d.join("fifo.txt"));
    let _sock = std::os::unix::net::UnixListener::bind(d.join("sock.txt")).unwrap();
    fs::write(d.join("good.txt"), "Titre\nUn texte.\n").unwrap();
    let paths: Vec<PathBuf> = vec![
        d.join("fifo.txt"),
        d.join("sock.txt"),
        "/dev/zero".into(),
        "/dev/urandom".into(),
        d.join("good.txt"),
    ];
    let found = within(5, move || library::discover(&paths)).unwrap();
    assert_eq!(found.entries.len(), 1);
    assert_eq!(found.skipped.len(), 4, "{:?}", found.skipped);
    for s in &found.skipped {
        one_line(s);
        assert!(s.contains("not a regular file"), "{s}");
    }
    let only_fifo = vec![d.join("fifo.txt")];
    let err = within(5, move || library::discover(&only_fifo)).unwrap_err();
    assert!(err.contains("not a regular file"), "{err}");
}

#[test]
fn a_path_swapped_for_a_fifo_or_device_after_discovery_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    fs::write(&p, "Titre\nUn texte.\n").unwrap();
    let entry = library::discover(std::slice::from_ref(&p))
        .unwrap()
        .entries
        .remove(0);
    fs::remove_file(&p).unwrap();
    mkfifo(&p);
    let e = entry.clone();
    let err = within(5, move || library::load(&e)).unwrap_err();
    assert_eq!(err, "not a regular file");
    fs::remove_file(&p).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &p).unwrap();
    let err = within(5, move || library::load(&entry)).unwrap_err();
    assert_eq!(err, "not a regular file");
}

#[test]
fn a_folder_with_a_symlink_loop_a_fifo_and_a_device_lists_only_the_articles() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("sub")).unwrap();
    std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", d.join("zero.txt")).unwrap();
    std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("dangling.txt")).unwrap();
    mkfifo(&d.join("fifo.md"));
    fs::write(d.join("sub/a.txt"), "Titre\nUn texte.\n").unwrap();
    let root = vec![d.to_path_buf()];
    let found = within(10, move || library::discover(&root)).unwrap();
    let names: Vec<&str> = found.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["a.txt"]);
    let skipped = found.skipped.join("\n");
    for s in &found.skipped {
        one_line(s);
    }
    assert!(skipped.contains("symbolic link loop"), "{skipped}");
    assert!(skipped.contains("fifo.md: not a regular file"), "{skipped}");
    // A link out of the folder is not followed (issue 24.6); followed, a device is no article.
    assert!(
        skipped.contains("zero.txt: a symbolic link out of the folder opened, not followed"),
        "{skipped}"
    );
    assert!(skipped.contains("dangling.txt"), "{skipped}");
    let root = vec![d.to_path_buf()];
    let all = within(10, move || {
        library::discover::discover_with(&root, library::discover::Links::All)
    })
    .unwrap();
    let names: Vec<&str> = all.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["a.txt"]);
    let skipped = all.skipped.join("\n");
    assert!(
        skipped.contains("zero.txt: not a regular file"),
        "{skipped}"
    );
}

pub fn make_empty_files(dir: &Path, n: usize) {
    for i in 0..n {
        fs::File::create(dir.join(format!("{i}.txt"))).unwrap();
    }
}

#[test]
fn an_unreadable_file_is_one_line_on_its_entry() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("secret.txt");
    fs::write(&p, "Titre\nsecret\n").unwrap();
    let entry = library::discover(std::slice::from_ref(&p))
        .unwrap()
        .entries
        .remove(0);
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&p).is_ok() {
        eprintln!("running as root: chmod 000 does not stop reading; permission variant skipped");
    } else {
        let err = library::load(&entry).unwrap_err();
        one_line(&err);
        assert!(err.contains("ermission denied"), "{err}");
    }
    // A read error on a regular file, root or not: /proc/self/mem is a regular file whose
    // first page cannot be read.
    let mem = library::discover(&[PathBuf::from("/proc/self/mem")]).unwrap();
    let err = library::load(&mem.entries[0]).unwrap_err();
    one_line(&err);
}

#[test]
fn a_file_deleted_truncated_or_growing_after_discovery() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    fs::write(&p, "Titre\nUn texte assez long pour être lu.\n".repeat(100)).unwrap();
    let entry: Entry = library::discover(std::slice::from_ref(&p))
        .unwrap()
        .entries
        .remove(0);

    fs::write(&p, "").unwrap();
    let d = library::load(&entry).unwrap();
    assert!(
        d.paragraphs.is_empty(),
        "truncated to nothing: an empty article"
    );

    fs::remove_file(&p).unwrap();
    let err = library::load(&entry).unwrap_err();
    one_line(&err);
    assert!(err.contains("No such file"), "{err}");

    // Growing as fast as a thread can write while it is read: the read ends, at the cap at most.
    fs::write(&p, "Titre\n").unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (p, stop) = (p.clone(), stop.clone());
        std::thread::spawn(move || {
            use std::io::Write;
            let mut f = fs::OpenOptions::new().append(true).open(&p).unwrap();
            let chunk = "encore une ligne de texte\n".repeat(4096);
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                if f.write_all(chunk.as_bytes()).is_err() {
                    break;
                }
            }
        })
    };
    std::thread::sleep(Duration::from_millis(50));
    let d = within(30, move || library::load(&entry)).unwrap();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
    assert!(d.text.len() as u64 <= library::MAX_FILE_BYTES);
}
