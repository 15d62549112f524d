//! The cache's append-only log: frames written one after the other as articles are analysed,
//! so that a quit (or a kill) loses at most the frame being written, and an interrupted first
//! indexing resumes where it stopped. Each frame has a small head (what a warm start reads: the
//! articles' paths, stamps, metadata) and a body (their entities), each with its own checksum,
//! so that a start reads the heads and skips the bodies. A torn or damaged frame ends the log:
//! what follows it is cut off before anything is appended. Compaction rewrites the live frames
//! into a new file, renamed over the old one.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::fs::{File, OpenOptions};
use std::io::{self, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::xxh3_64;

/// Marks our log files and the layout of their frames (bumped with the format).
const MAGIC: &[u8; 8] = b"liseuse6";
/// Magic, engine version (u32 LE), format version (u32 LE).
pub const FILE_HEADER: u64 = 16;
/// Head length (u32), head checksum (u64), body length (u32), body checksum (u64), all LE.
const FRAME_HEADER: usize = 24;
/// A frame's head larger than this is not ours (a few thousand articles' heads at most).
const MAX_HEAD: u32 = 64 << 20;
/// Nor a body larger than this.
const MAX_BODY: u32 = 1 << 30;

/// One frame found in the log: its head, and where its body is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The head's bytes.
    pub head: Vec<u8>,
    /// Where its body is.
    pub body: BodyAt,
}

/// Where a frame's body is in the log, and its checksum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BodyAt {
    /// Offset of the body's first byte in the file.
    pub offset: u64,
    /// Its length.
    pub len: u32,
    /// Its checksum (xxh3).
    pub sum: u64,
}

/// The log open for appending.
#[derive(Debug)]
pub struct Log {
    file: File,
    path: PathBuf,
    len: u64,
}

fn header(engine: u32, format: u32) -> [u8; FILE_HEADER as usize] {
    let mut h = [0u8; FILE_HEADER as usize];
    for (d, s) in h.iter_mut().zip(
        MAGIC
            .iter()
            .chain(&engine.to_le_bytes())
            .chain(&format.to_le_bytes()),
    ) {
        *d = *s;
    }
    h
}

/// The frames of the log at `path` for this engine and format, and the length up to which the
/// file is good (0 when it is missing, of another version or not ours).
pub fn scan(path: &Path, engine: u32, format: u32) -> (Vec<Frame>, u64) {
    let Ok(file) = crate::readfile::open_regular(path) else {
        return (Vec::new(), 0);
    };
    let total = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut r = BufReader::with_capacity(1 << 16, file);
    let mut head = [0u8; FILE_HEADER as usize];
    if r.read_exact(&mut head).is_err() || head != header(engine, format) {
        return (Vec::new(), 0);
    }
    let mut frames = Vec::new();
    let mut at = FILE_HEADER;
    loop {
        let mut fh = [0u8; FRAME_HEADER];
        if r.read_exact(&mut fh).is_err() {
            break;
        }
        let (head_len, head_sum, body_len, body_sum) = parse_frame_header(&fh);
        let body_offset = at + FRAME_HEADER as u64 + u64::from(head_len);
        let end = body_offset + u64::from(body_len);
        if head_len > MAX_HEAD || body_len > MAX_BODY || end > total {
            break;
        }
        let mut bytes = vec![0u8; head_len as usize];
        if r.read_exact(&mut bytes).is_err() || xxh3_64(&bytes) != head_sum {
            break;
        }
        if r.seek_relative(i64::from(body_len)).is_err() {
            break;
        }
        frames.push(Frame {
            head: bytes,
            body: BodyAt {
                offset: body_offset,
                len: body_len,
                sum: body_sum,
            },
        });
        at = end;
    }
    (frames, at)
}

fn parse_frame_header(fh: &[u8; FRAME_HEADER]) -> (u32, u64, u32, u64) {
    let u32_at = |i: usize| {
        let mut b = [0u8; 4];
        for (d, s) in b.iter_mut().zip(fh.iter().skip(i)) {
            *d = *s;
        }
        u32::from_le_bytes(b)
    };
    let u64_at = |i: usize| {
        let mut b = [0u8; 8];
        for (d, s) in b.iter_mut().zip(fh.iter().skip(i)) {
            *d = *s;
        }
        u64::from_le_bytes(b)
    };
    (u32_at(0), u64_at(4), u32_at(12), u64_at(16))
}

fn frame_bytes(head: &[u8], body: &[u8]) -> io::Result<Vec<u8>> {
    let too_big = || io::Error::other("cache frame too large");
    let head_len = u32::try_from(head.len()).map_err(|_| too_big())?;
    let body_len = u32::try_from(body.len()).map_err(|_| too_big())?;
    if head_len > MAX_HEAD || body_len > MAX_BODY {
        return Err(too_big());
    }
    let mut out = Vec::with_capacity(FRAME_HEADER + head.len() + body.len());
    out.extend_from_slice(&head_len.to_le_bytes());
    out.extend_from_slice(&xxh3_64(head).to_le_bytes());
    out.extend_from_slice(&body_len.to_le_bytes());
    out.extend_from_slice(&xxh3_64(body).to_le_bytes());
    out.extend_from_slice(head);
    out.extend_from_slice(body);
    Ok(out)
}

impl Log {
    /// Opens the log at `path` for appending after its first `good` bytes (what [`scan`]
    /// found whole): a torn tail is cut off first; a log with nothing good is started anew.
    pub fn append_to(path: &Path, good: u64, engine: u32, format: u32) -> io::Result<Log> {
        if good < FILE_HEADER {
            return Log::create(path, engine, format);
        }
        let file = OpenOptions::new().read(true).write(true).open(path)?;
        if file.metadata()?.len() != good {
            file.set_len(good)?;
        }
        let mut file = file;
        file.seek(SeekFrom::Start(good))?;
        Ok(Log {
            file,
            path: path.to_path_buf(),
            len: good,
        })
    }

    /// A new, empty log at `path` (over whatever was there).
    pub fn create(path: &Path, engine: u32, format: u32) -> io::Result<Log> {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)?;
        file.write_all(&header(engine, format))?;
        Ok(Log {
            file,
            path: path.to_path_buf(),
            len: FILE_HEADER,
        })
    }

    /// Appends a frame; returns where its body is. Written in one call, so that a kill leaves
    /// the frame whole or torn at its end, which the next [`scan`] cuts off.
    pub fn append(&mut self, head: &[u8], body: &[u8]) -> io::Result<BodyAt> {
        let bytes = frame_bytes(head, body)?;
        let at = self.len;
        if let Err(e) = self.file.write_all(&bytes) {
            // Whatever part went out is cut off again, so the next frame follows a whole one.
            let _ = self.file.set_len(at);
            let _ = self.file.seek(SeekFrom::Start(at));
            return Err(e);
        }
        self.len += bytes.len() as u64;
        Ok(BodyAt {
            offset: at + FRAME_HEADER as u64 + head.len() as u64,
            len: body.len() as u32,
            sum: xxh3_64(body),
        })
    }

    /// The file's length: the end of its last frame.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether it holds no frame.
    pub fn is_empty(&self) -> bool {
        self.len <= FILE_HEADER
    }

    /// Where the log is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes what was appended durable (at the end of an indexing, not after every frame).
    pub fn sync(&self) -> io::Result<()> {
        self.file.sync_data()
    }

    /// Writes `frames` (head, body) into a new log and renames it over the one at `path`:
    /// readers see the old log or the new one, never half of one. Returns the new log, open
    /// for appending, and where each frame's body went.
    pub fn rewrite<'a>(
        path: &Path,
        engine: u32,
        format: u32,
        frames: impl IntoIterator<Item = (&'a [u8], &'a [u8])>,
    ) -> io::Result<(Log, Vec<BodyAt>)> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut tmp = tempfile::Builder::new()
            .prefix(&crate::store::temp::prefix(&name))
            .suffix(crate::store::temp::SUFFIX)
            .tempfile_in(dir)?;
        let mut at = FILE_HEADER;
        let mut bodies = Vec::new();
        {
            let mut w = io::BufWriter::new(tmp.as_file_mut());
            w.write_all(&header(engine, format))?;
            for (head, body) in frames {
                let bytes = frame_bytes(head, body)?;
                w.write_all(&bytes)?;
                bodies.push(BodyAt {
                    offset: at + FRAME_HEADER as u64 + head.len() as u64,
                    len: body.len() as u32,
                    sum: xxh3_64(body),
                });
                at += bytes.len() as u64;
            }
            w.flush()?;
        }
        tmp.as_file().sync_all()?;
        let file = tmp.persist(path).map_err(|e| e.error)?;
        let mut file = file;
        file.seek(SeekFrom::Start(at))?;
        Ok((
            Log {
                file,
                path: path.to_path_buf(),
                len: at,
            },
            bodies,
        ))
    }
}

/// Reads a body from the log, checked: `None` when it cannot be read or is not what was
/// written (the article is analysed again).
pub fn read_body(file: &File, at: BodyAt) -> Option<Vec<u8>> {
    let mut buf = vec![0u8; at.len as usize];
    read_exact_at(file, &mut buf, at.offset).ok()?;
    (xxh3_64(&buf) == at.sum).then_some(buf)
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    let mut f = file.try_clone()?;
    f.seek(SeekFrom::Start(offset))?;
    f.read_exact(buf)
}

#[cfg(test)]
#[path = "log_tests.rs"]
mod tests;
