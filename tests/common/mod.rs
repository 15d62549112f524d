//! Runs the real liseuse binary in a pseudo-terminal and reads its screen as a person would.
#![allow(dead_code)]

pub mod headless;

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte liseuse wrote, to check what reached the terminal.
    pub raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    /// Starts liseuse with `args` in a `cols`×`rows` terminal, with its data and cache kept in
    /// `home` so that no test touches the user's real files.
    pub fn start(args: &[&str], cols: u16, rows: u16, home: &Path) -> Session {
        Session::start_env(args, cols, rows, home, &[])
    }

    /// [`start`](Self::start) with extra environment variables.
    pub fn start_env(
        args: &[&str],
        cols: u16,
        rows: u16,
        home: &Path,
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_liseuse"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_CACHE_HOME", home.join("cache"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("LISEUSE_DATA_DIR", home.join("liseuse-data"));
        cmd.env("LISEUSE_CACHE_DIR", home.join("liseuse-cache"));
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(home);
        let child = pair.slave.spawn_command(cmd).expect("spawn liseuse");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        {
            let parser = parser.clone();
            let raw = raw.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                while let Ok(n) = reader.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    parser.lock().unwrap().process(&buf[..n]);
                    raw.lock().unwrap().extend_from_slice(&buf[..n]);
                }
            });
        }
        Session {
            parser,
            raw,
            writer,
            child,
            _master: pair.master,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Looks at the emulated screen itself (cells, attributes), not only its text.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    /// Everything liseuse wrote so far.
    pub fn raw_bytes(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    pub fn cursor_hidden(&self) -> bool {
        self.parser.lock().unwrap().screen().hide_cursor()
    }

    /// Waits until `pred` holds for the screen's text; panics with the screen if it never does.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends keys one at a time with a short pause, as a person would type.
    pub fn keys(&mut self, keys: &[&[u8]]) {
        for k in keys {
            self.send(k);
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The emulated screen first, under its lock: everything liseuse draws after it hears of
        // the new size must be read at that size (the other way round, a frame that arrives
        // in between is parsed at the old size, then cut, and ratatui never redraws it).
        let mut parser = self.parser.lock().unwrap();
        parser.screen_mut().set_size(nz(rows), nz(cols));
        self._master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// Sends signal `sig` to liseuse, as `kill` from another terminal does.
    pub fn signal(&self, sig: i32) {
        let pid = self.child.process_id().expect("a pid") as i32;
        // SAFETY: kill has no memory effects; the pid is our own child's.
        let r = unsafe { libc::kill(pid, sig) };
        assert_eq!(r, 0, "kill {pid} {sig}");
    }

    /// Whether the program still asks the terminal for mouse reports.
    pub fn mouse_reported(&self) -> bool {
        self.with_screen(|s| s.mouse_protocol_mode() != vt100::MouseProtocolMode::None)
    }

    /// Waits for the process to end and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("liseuse did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A test that fails mid-session must not leave liseuse running in its pseudo-terminal.
impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap()
}

pub const DOWN: &[u8] = b"\x1b[B";
pub const UP: &[u8] = b"\x1b[A";
pub const TAB: &[u8] = b"\t";
pub const BACKTAB: &[u8] = b"\x1b[Z";
pub const ENTER: &[u8] = b"\r";
pub const ESC: &[u8] = b"\x1b";
pub const PGDN: &[u8] = b"\x1b[6~";
