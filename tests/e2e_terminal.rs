//! End to end, the terminal itself misbehaving: closed under liseuse (issue 23.1), an end of
//! input with SIGHUP ignored (issue 24.5), a window far larger than any screen (issue 24.3).
//! Each runs the real binary in a pseudo-terminal of its own, whose size the emulated screen
//! need not share (a 65535×65535 screen would not fit in memory here either).
#![cfg(unix)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a test waits for something before it fails.
const PATIENCE: Duration = Duration::from_secs(30);

struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Option<Box<dyn Write + Send>>,
    master: Option<Box<dyn MasterPty + Send>>,
    child: Box<dyn Child + Send + Sync>,
    /// The reading thread, which holds a copy of the master's descriptor, and how to stop it:
    /// the terminal is closed only once every copy is.
    reading: Option<(Arc<AtomicBool>, std::thread::JoinHandle<()>)>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Pty {
    /// Runs `program args` in a `cols`×`rows` pseudo-terminal; the screen read back is the
    /// largest liseuse draws, 1000×500 (its top-left corner).
    fn spawn(program: &str, args: &[&str], cols: u16, rows: u16, home: &Path) -> Pty {
        let pair = native_pty_system().openpty(size(cols, rows)).expect("pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("LISEUSE_DATA_DIR", home.join("liseuse-data"));
        cmd.env("LISEUSE_CACHE_DIR", home.join("liseuse-cache"));
        cmd.env_remove("NO_COLOR");
        cmd.cwd(home);
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let writer = pair.master.take_writer().expect("writer");
        let fd = pair.master.as_raw_fd().expect("a descriptor");
        // SAFETY: `fd` is the master's, open; the copy is owned by the `File` from here on.
        let mut reader = unsafe { std::fs::File::from_raw_fd(libc::dup(fd)) };
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(500), nz(1000), 0)));
        let stop = Arc::new(AtomicBool::new(false));
        let (p, halt) = (parser.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !halt.load(Ordering::SeqCst) {
                let mut pfd = libc::pollfd {
                    fd: reader.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd.
                if unsafe { libc::poll(&mut pfd, 1, 50) } <= 0 {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(n) if n > 0 => p.lock().unwrap().process(&buf[..n]),
                    _ => break,
                }
            }
        });
        Pty {
            parser,
            writer: Some(writer),
            master: Some(pair.master),
            child,
            reading: Some((stop, thread)),
        }
    }

    fn liseuse(cols: u16, rows: u16, home: &Path) -> Pty {
        Pty::spawn(env!("CARGO_BIN_EXE_liseuse"), &[], cols, rows, home)
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contains(text));
    }

    fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while !pred(&self.screen()) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Moves the reader's cursor off the first line, and waits until it shows.
    fn move_cursor(&mut self) {
        for _ in 0..6 {
            self.send(b"j");
        }
        self.wait_for("the cursor moved", |s| !s.contains("▌  Qaani"));
    }

    fn send(&mut self, bytes: &[u8]) {
        let w = self.writer.as_mut().expect("open");
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    /// The terminal's window changes size (the emulated screen stays as it is).
    fn resize(&self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("open")
            .resize(size(cols, rows))
            .unwrap();
    }

    /// The terminal is closed, as `tmux kill-session` or closing the window does.
    fn close(&mut self) {
        if let Some((stop, thread)) = self.reading.take() {
            stop.store(true, Ordering::SeqCst);
            thread.join().unwrap();
        }
        self.writer = None;
        self.master = None;
    }

    /// The exit code, waiting for it (a panic if it never comes).
    fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            assert!(
                Instant::now() < deadline,
                "did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            // The whole session: a shell's child too.
            if let Some(pid) = self.child.process_id() {
                // SAFETY: kill has no memory effects; the group is our child's session.
                unsafe { libc::kill(-(pid as i32), libc::SIGKILL) };
            }
            let _ = self.child.kill();
        }
    }
}

/// The place saved in the first seed (the cursor line's offset), if any.
fn saved_cursor(home: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(home.join("liseuse-data/positions.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["positions"]["seeds/000_aae40d40de2e278c.txt"]["cursor"].as_u64()
}

fn crash_reports(home: &Path) -> Vec<String> {
    std::fs::read_dir(home.join("liseuse-cache"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("crash-"))
                .collect()
        })
        .unwrap_or_default()
}

/// Issue 23.1: closing the terminal under liseuse (`tmux kill-session`) wrote a crash report
/// ("failed printing to stderr: Input/output error"). A hang-up is a way out like another:
/// the place saved, exit 129, no report.
#[test]
fn closing_the_terminal_is_a_hang_up_not_a_crash() {
    let home = tempfile::tempdir().unwrap();
    let mut t = Pty::liseuse(100, 30, home.path());
    t.wait_text("Le lendemain, un rapport");
    t.move_cursor();
    t.close();
    assert_eq!(t.wait_exit(), 129, "the status of a hang-up");
    assert_eq!(crash_reports(home.path()), Vec::<String>::new());
    assert!(
        saved_cursor(home.path()).is_some_and(|c| c > 0),
        "the place saved"
    );
}

/// Issue 24.5: with SIGHUP ignored by the shell, closing the terminal sends none to liseuse;
/// an input thread then spun on the gone terminal at 100 % CPU for ever, nothing saved. An end
/// of input is a quit.
#[test]
fn an_end_of_input_without_sighup_is_a_quit() {
    let home = tempfile::tempdir().unwrap();
    let status = home.path().join("status");
    let script = format!(
        "trap '' HUP; '{}'; echo $? > '{}'",
        env!("CARGO_BIN_EXE_liseuse"),
        status.display()
    );
    let mut t = Pty::spawn("/bin/sh", &["-c", &script], 100, 30, home.path());
    t.wait_text("Le lendemain, un rapport");
    t.move_cursor();
    t.close();
    let deadline = Instant::now() + PATIENCE;
    while !std::fs::read_to_string(&status).is_ok_and(|s| s.ends_with('\n')) {
        assert!(Instant::now() < deadline, "liseuse never ended");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(std::fs::read_to_string(&status).unwrap().trim(), "129");
    assert!(
        saved_cursor(home.path()).is_some_and(|c| c > 0),
        "the place saved"
    );
    assert_eq!(crash_reports(home.path()), Vec::<String>::new());
}

/// Issue 24.3: `stty rows 65535 cols 65535` made liseuse allocate by the terminal's word
/// (206 GB), abort, and leave the terminal raw. The drawn area is capped.
#[test]
fn a_huge_window_is_drawn_capped_and_quits_cleanly() {
    let home = tempfile::tempdir().unwrap();
    let mut t = Pty::liseuse(65535, 65535, home.path());
    t.wait_text("Le lendemain, un rapport");
    t.send(b"q");
    assert_eq!(t.wait_exit(), 0);
    let screen = t.parser.lock().unwrap().screen().clone();
    assert!(!screen.alternate_screen() && !screen.hide_cursor());
    assert_eq!(crash_reports(home.path()), Vec::<String>::new());
}

/// The same, the window made huge while liseuse runs.
#[test]
fn a_window_made_huge_while_running_is_drawn_capped() {
    let home = tempfile::tempdir().unwrap();
    let mut t = Pty::liseuse(100, 30, home.path());
    t.wait_text("Le lendemain, un rapport");
    // Drawn at the new size (capped at 1000 columns): the first row is far wider.
    let first_row_cut = |s: &str| {
        s.lines()
            .next()
            .is_some_and(|l| l.trim_end().chars().count() > 120)
    };
    t.resize(65535, 65535);
    t.wait_for("a frame at the huge size", first_row_cut);
    t.resize(100, 30);
    t.wait_for("a frame at 100×30", |s| !first_row_cut(s));
    t.resize(10000, 10000);
    t.wait_for("a frame at 10000×10000", first_row_cut);
    t.send(b"q");
    assert_eq!(t.wait_exit(), 0);
    let screen = t.parser.lock().unwrap().screen().clone();
    assert!(!screen.alternate_screen() && !screen.hide_cursor());
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("not zero")
}

/// Issue 24.13: a paste's start marker without its end (`ESC[200~`, then nothing) swallowed
/// every key until an `ESC[201~` that never came. The paste ends after its bound, and keys
/// are keys again.
#[test]
fn an_unterminated_paste_ends_and_keys_work_again() {
    let home = tempfile::tempdir().unwrap();
    let mut t = Pty::liseuse(100, 30, home.path());
    t.wait_text("Le lendemain, un rapport");
    t.send(b"\x1b[200~du texte sans fin");
    // Keys typed until one is answered: the cursor leaves the first line.
    let deadline = Instant::now() + PATIENCE;
    while t.screen().contains("▌  Qaani") {
        assert!(
            Instant::now() < deadline,
            "keys never answered again:\n{}",
            t.screen()
        );
        t.send(b"j");
        std::thread::sleep(Duration::from_millis(100));
    }
    t.send(b"q");
    assert_eq!(t.wait_exit(), 0);
}
