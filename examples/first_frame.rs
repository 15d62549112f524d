//! Times a terminal program as a person sees it: started in a pseudo-terminal, how long until
//! its screen shows a text; then, optionally, how long a key takes to show another text, and
//! how long until a text (like `indexing`) is gone, with the process's peak memory then.
//!
//! `cargo run --release --example first_frame -- SHOW [--wait MS] [--key K --then SHOW2] [--gone TEXT] [--settle MS] -- CMD ARGS...`
//! e.g. `... -- "Le très long rapport" --key G --then "END" -- less /tmp/bench/long.txt`

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = args
        .iter()
        .position(|a| a == "--")
        .ok_or("missing -- before the command")?;
    let (opts, cmd) = (&args[..split], &args[split + 1..]);
    let show = opts.first().ok_or("missing the text to wait for")?.clone();
    let opt = |name: &str| {
        opts.iter()
            .position(|a| a == name)
            .and_then(|i| opts.get(i + 1))
            .cloned()
    };
    let (key, then, gone) = (opt("--key"), opt("--then"), opt("--gone"));
    // Time left for work after the last text (saving the cache), so the peak memory includes it.
    let settle = opt("--settle").and_then(|ms| ms.parse().ok()).unwrap_or(0);
    // Time given to background work after the first text, before the key is typed.
    let pause = opt("--wait").and_then(|ms| ms.parse().ok()).unwrap_or(0);

    let pair = native_pty_system().openpty(PtySize {
        rows: 40,
        cols: 120,
        pixel_width: 0,
        pixel_height: 0,
    })?;
    let mut c = CommandBuilder::new(&cmd[0]);
    c.args(&cmd[1..]);
    c.env("TERM", "xterm-256color");
    c.cwd(std::env::current_dir()?);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        NonZeroU16::new(40).ok_or("rows")?,
        NonZeroU16::new(120).ok_or("cols")?,
        0,
    )));
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(c)?;
    let pid = child.process_id();
    let mut reader = pair.master.try_clone_reader()?;
    let mut writer = pair.master.take_writer()?;
    {
        let parser = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = parser.lock() {
                    p.process(&buf[..n]);
                }
            }
        });
    }
    let screen = || {
        parser
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    };
    let wait = |pred: &dyn Fn(&str) -> bool| -> Option<Duration> {
        let t = Instant::now();
        while t.elapsed() < Duration::from_secs(120) {
            if pred(&screen()) {
                return Some(t.elapsed());
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        None
    };
    match wait(&|s: &str| s.contains(show.as_str())) {
        Some(_) => println!(
            "first screen with {show:?}: {:.1} ms",
            start.elapsed().as_secs_f64() * 1e3
        ),
        None => println!("never showed {show:?}; screen:\n{}", screen()),
    }
    if let (Some(k), Some(then)) = (key, then) {
        let bytes = match k.as_str() {
            "PgDn" => b"\x1b[6~".to_vec(),
            other => other.as_bytes().to_vec(),
        };
        std::thread::sleep(Duration::from_millis(pause));
        let t = Instant::now();
        writer.write_all(&bytes)?;
        writer.flush()?;
        match wait(&|s: &str| s.contains(then.as_str())) {
            Some(_) => println!(
                "key {k:?} to {then:?}: {:.1} ms",
                t.elapsed().as_secs_f64() * 1e3
            ),
            None => println!("key {k:?} never showed {then:?}"),
        }
    }
    if let Some(g) = gone {
        // `reading|indexing`: gone when none of them is on the screen. One must have been shown
        // first, unless the work ended before the first look.
        let words: Vec<&str> = g.split('|').collect();
        let any = |s: &str| words.iter().any(|w| s.contains(w));
        let t = Instant::now();
        while t.elapsed() < Duration::from_secs(10) && !any(&screen()) {
            std::thread::sleep(Duration::from_micros(200));
        }
        match wait(&|s: &str| !any(s)) {
            Some(_) => println!(
                "{g:?} gone after {:.1} ms",
                start.elapsed().as_secs_f64() * 1e3
            ),
            None => println!("{g:?} still shown"),
        }
    }
    std::thread::sleep(Duration::from_millis(settle));
    if let Some(pid) = pid
        && let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status"))
    {
        for l in status
            .lines()
            .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
        {
            println!("{}", l.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    let _ = writer.write_all(b"q");
    let _ = writer.flush();
    std::thread::sleep(Duration::from_millis(200));
    let _ = child.kill();
    Ok(())
}
