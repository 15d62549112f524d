//! The terminal's input, read and parsed here rather than by crossterm: keys, the mouse,
//! bracketed pastes. crossterm's parser keeps everything after a paste's start marker until
//! its end marker, without bound: one that never comes (a terminal that drops it, hostile
//! input) swallowed every key for good, and crossterm has no way to reset it (issue 24.13,
//! crossterm issue 1060). Here a paste ends at its marker, or after [`PASTE_TIME`] or
//! [`MAX_PASTE_BYTES`], and what follows is read as keys again.
//!
//! Keys are read as crossterm reads them (the same sequences, the same names), so that the
//! keymap, the tests and the users' habits see no difference.

use crate::event::{Event, Mouse};
use crate::keys::keymap::{Key, KeyCode};
use std::time::{Duration, Instant};

/// A paste whose end marker has not come after this long ends anyway: a terminal sends a
/// paste in one burst.
pub const PASTE_TIME: Duration = Duration::from_secs(1);
/// Nor after this many bytes (the prompts keep 500 characters of a paste).
pub const MAX_PASTE_BYTES: usize = 1 << 20;
/// An escape sequence longer than this is no sequence: its bytes are dropped.
const MAX_SEQUENCE: usize = 64;

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// Bytes in, events out; keeps what an unfinished sequence or paste has so far.
#[derive(Debug, Default)]
pub struct Parser {
    pending: Vec<u8>,
    paste: Option<(Vec<u8>, Instant)>,
}

/// What the bytes at the start of a buffer are.
enum Parsed {
    /// A key, and how many bytes it took.
    Key(Key, usize),
    /// A mouse report, and how many bytes it took.
    Mouse(Mouse, usize),
    /// Bytes that mean nothing liseuse uses (a focus report, a key it has no name for).
    Skip(usize),
    /// The start of a paste, this many bytes long.
    PasteStart(usize),
    /// The start of something longer: wait for more bytes.
    Incomplete,
}

fn key(code: KeyCode, ctrl: bool, alt: bool) -> Key {
    Key { code, ctrl, alt }
}

fn plain(code: KeyCode) -> Key {
    key(code, false, false)
}

impl Parser {
    /// Takes the bytes of one read, made at `now`; returns the events they complete. A lone
    /// escape at the end of a read is the Esc key, as crossterm takes it.
    pub fn feed(&mut self, bytes: &[u8], now: Instant) -> Vec<Event> {
        let mut out = Vec::new();
        let mut rest: &[u8] = bytes;
        if self.paste.is_some() {
            rest = self.take_paste(rest, now, &mut out);
        }
        self.pending.extend_from_slice(rest);
        self.parse(now, &mut out);
        if self.pending == b"\x1b" {
            self.pending.clear();
            out.push(Event::Key(plain(KeyCode::Esc)));
        }
        out
    }

    /// Called when no byte came for a while: a paste past its time ends.
    pub fn tick(&mut self, now: Instant) -> Vec<Event> {
        let mut out = Vec::new();
        if let Some((_, since)) = &self.paste
            && now.saturating_duration_since(*since) >= PASTE_TIME
        {
            self.end_paste(&mut out);
        }
        out
    }

    fn end_paste(&mut self, out: &mut Vec<Event>) {
        if let Some((bytes, _)) = self.paste.take() {
            out.push(Event::Paste(String::from_utf8_lossy(&bytes).into_owned()));
        }
    }

    /// Adds `bytes` to the paste under way; returns what follows its end, if it ended.
    fn take_paste<'a>(&mut self, bytes: &'a [u8], now: Instant, out: &mut Vec<Event>) -> &'a [u8] {
        let Some((paste, since)) = &mut self.paste else {
            return bytes;
        };
        let before = paste.len();
        paste.extend_from_slice(bytes);
        // The end marker may straddle two reads: look from just before this one.
        let from = before.saturating_sub(PASTE_END.len() - 1);
        let end = paste
            .get(from..)
            .and_then(|tail| tail.windows(PASTE_END.len()).position(|w| w == PASTE_END))
            .map(|i| from + i);
        if let Some(at) = end {
            let after_in_bytes = (at + PASTE_END.len()).saturating_sub(before);
            paste.truncate(at);
            self.end_paste(out);
            return bytes.get(after_in_bytes..).unwrap_or_default();
        }
        if paste.len() >= MAX_PASTE_BYTES || now.saturating_duration_since(*since) >= PASTE_TIME {
            self.end_paste(out);
        }
        &[]
    }

    fn parse(&mut self, now: Instant, out: &mut Vec<Event>) {
        loop {
            if self.pending.is_empty() {
                return;
            }
            match parse_one(&self.pending) {
                Parsed::Key(k, n) => {
                    out.push(Event::Key(k));
                    self.pending.drain(..n.min(self.pending.len()));
                }
                Parsed::Mouse(m, n) => {
                    out.push(Event::Mouse(m));
                    self.pending.drain(..n.min(self.pending.len()));
                }
                Parsed::Skip(n) => {
                    self.pending.drain(..n.max(1).min(self.pending.len()));
                }
                Parsed::PasteStart(n) => {
                    let rest = self.pending.split_off(n.min(self.pending.len()));
                    self.pending.clear();
                    self.paste = Some((Vec::new(), now));
                    let rest = self.take_paste(&rest, now, out).to_vec();
                    self.pending = rest;
                }
                Parsed::Incomplete => {
                    if self.pending.len() > MAX_SEQUENCE {
                        self.pending.clear();
                    }
                    return;
                }
            }
        }
    }
}

/// The event at the start of `b` (not empty).
fn parse_one(b: &[u8]) -> Parsed {
    let Some(&first) = b.first() else {
        return Parsed::Incomplete;
    };
    match first {
        0x1b => parse_escape(b),
        b'\r' => Parsed::Key(plain(KeyCode::Enter), 1),
        b'\t' => Parsed::Key(plain(KeyCode::Tab), 1),
        0x7f => Parsed::Key(plain(KeyCode::Backspace), 1),
        0x00 => Parsed::Key(key(KeyCode::Char(' '), true, false), 1),
        c @ 0x01..=0x1a => {
            Parsed::Key(key(KeyCode::Char(char::from(c - 1 + b'a')), true, false), 1)
        }
        c @ 0x1c..=0x1f => Parsed::Key(
            key(KeyCode::Char(char::from(c - 0x1c + b'4')), true, false),
            1,
        ),
        _ => match utf8_char(b) {
            Some(Ok((c, n))) => Parsed::Key(plain(KeyCode::Char(c)), n),
            Some(Err(n)) => Parsed::Skip(n),
            None => Parsed::Incomplete,
        },
    }
}

/// The character at the start of `b`: `Some(Ok)` with its length, `Some(Err(n))` for `n`
/// bytes that are no character, `None` when more bytes are needed.
fn utf8_char(b: &[u8]) -> Option<Result<(char, usize), usize>> {
    let len = match b.first()? {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Some(Err(1)),
    };
    let bytes = b.get(..len);
    match bytes.map(std::str::from_utf8) {
        Some(Ok(s)) => Some(s.chars().next().map(|c| (c, len)).ok_or(len)),
        Some(Err(_)) => Some(Err(1)),
        // A valid beginning waits for the rest; an invalid one is dropped now.
        None => match std::str::from_utf8(b) {
            Err(e) if e.error_len().is_some() => Some(Err(1)),
            _ => None,
        },
    }
}

fn parse_escape(b: &[u8]) -> Parsed {
    match b.get(1) {
        None => Parsed::Incomplete,
        Some(b'[') => parse_csi(b),
        Some(b'O') => match b.get(2) {
            None => Parsed::Incomplete,
            Some(&c) => match ss3_key(c) {
                Some(code) => Parsed::Key(plain(code), 3),
                None => Parsed::Skip(3),
            },
        },
        Some(0x1b) => Parsed::Key(plain(KeyCode::Esc), 1),
        // Alt and a key: the key as it would be alone, with Alt.
        Some(_) => match parse_one(b.get(1..).unwrap_or_default()) {
            Parsed::Key(k, n) => Parsed::Key(key(k.code, k.ctrl, true), n + 1),
            Parsed::Incomplete => Parsed::Incomplete,
            _ => Parsed::Skip(2),
        },
    }
}

fn ss3_key(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(c - b'P' + 1),
        _ => return None,
    })
}

/// `ESC [ params final`: keys, the mouse, a paste's start.
fn parse_csi(b: &[u8]) -> Parsed {
    if b.starts_with(PASTE_START) {
        return Parsed::PasteStart(PASTE_START.len());
    }
    // The X10 mouse: `ESC [ M` and three bytes.
    if b.get(2) == Some(&b'M') {
        return match b.get(3..6) {
            Some(&[cb, cx, cy]) => match mouse(
                u16::from(cb).saturating_sub(32),
                u16::from(cx).saturating_sub(33),
                u16::from(cy).saturating_sub(33),
                true,
            ) {
                Some(m) => Parsed::Mouse(m, 6),
                None => Parsed::Skip(6),
            },
            _ => Parsed::Incomplete,
        };
    }
    let body = b.get(2..).unwrap_or_default();
    let Some(end) = body.iter().position(|c| (0x40..=0x7e).contains(c)) else {
        return Parsed::Incomplete;
    };
    let len = 2 + end + 1;
    let (params, fin) = (body.get(..end).unwrap_or_default(), body.get(end).copied());
    let Some(fin) = fin else {
        return Parsed::Incomplete;
    };
    let sgr = params.first() == Some(&b'<');
    let nums: Vec<u16> = std::str::from_utf8(params.get(usize::from(sgr)..).unwrap_or_default())
        .unwrap_or("")
        .split(';')
        .map(|n| n.parse().unwrap_or(0))
        .collect();
    let n = |i: usize| nums.get(i).copied().unwrap_or(0);
    // xterm's modifier parameter: 1 + shift(1) + alt(2) + ctrl(4).
    let mods = n(1).saturating_sub(1);
    let (alt, ctrl) = (mods & 2 != 0, mods & 4 != 0);
    let code = match fin {
        b'M' | b'm' if sgr => {
            return match mouse(
                n(0),
                n(1).saturating_sub(1),
                n(2).saturating_sub(1),
                fin == b'M',
            ) {
                Some(m) => Parsed::Mouse(m, len),
                None => Parsed::Skip(len),
            };
        }
        // rxvt's mouse: `ESC [ b;x;y M`, the button with 32 added.
        b'M' if nums.len() == 3 => {
            return match mouse(
                n(0).saturating_sub(32),
                n(1).saturating_sub(1),
                n(2).saturating_sub(1),
                true,
            ) {
                Some(m) => Parsed::Mouse(m, len),
                None => Parsed::Skip(len),
            };
        }
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => KeyCode::BackTab,
        b'P'..=b'S' => KeyCode::F(fin - b'P' + 1),
        b'~' => match n(0) {
            1 | 7 => KeyCode::Home,
            4 | 8 => KeyCode::End,
            3 => KeyCode::Delete,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            k @ 11..=15 => KeyCode::F((k - 10) as u8),
            k @ 17..=21 => KeyCode::F((k - 11) as u8),
            k @ 23..=24 => KeyCode::F((k - 12) as u8),
            _ => return Parsed::Skip(len),
        },
        _ => return Parsed::Skip(len),
    };
    Parsed::Key(key(code, ctrl, alt), len)
}

/// A mouse report liseuse uses: a left press, the wheel. `b` is the button code (motion,
/// releases and other buttons are passed over).
fn mouse(b: u16, x: u16, y: u16, press: bool) -> Option<Mouse> {
    if b & 32 != 0 || !press {
        return None;
    }
    match b & !(4 | 8 | 16) {
        0 => Some(Mouse::Click { x, y }),
        64 => Some(Mouse::Scroll { x, y, down: false }),
        65 => Some(Mouse::Scroll { x, y, down: true }),
        _ => None,
    }
}

#[cfg(test)]
#[path = "input_tests.rs"]
mod tests;
