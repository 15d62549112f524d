//! Reading a body under a cap, decoded by hand (gzip, deflate, brotli) so that the cap holds
//! on what the body decodes to: a gzip bomb ends at the cap, not when memory does. The
//! cancel flag is checked at every read, so a cancelled run stops mid-body.

use std::io::{self, BufRead, BufReader, Read};
use std::sync::atomic::{AtomicBool, Ordering};

use super::error::Failure;

/// A reader that refuses to give more than `left` bytes (an error, not a silent cut: a cut
/// feed or page would be taken for a whole one) and stops when `cancel` is set.
struct Capped<'a, R> {
    inner: R,
    left: u64,
    cancel: &'a AtomicBool,
    over: bool,
    cancelled: bool,
    /// The underlying reader failed (the connection, not the decoding).
    broke: bool,
}

impl<'a, R: Read> Capped<'a, R> {
    fn new(inner: R, cap: u64, cancel: &'a AtomicBool) -> Self {
        Capped {
            inner,
            left: cap,
            cancel,
            over: false,
            cancelled: false,
            broke: false,
        }
    }
}

impl<R: Read> Read for Capped<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.cancel.load(Ordering::Relaxed) {
            self.cancelled = true;
            return Err(io::Error::other("cancelled"));
        }
        if self.left == 0 {
            // At the cap: one byte more means the body is too large.
            let mut probe = [0u8; 1];
            let n = self
                .inner
                .read(&mut probe)
                .inspect_err(|_| self.broke = true)?;
            return match n {
                0 => Ok(0),
                _ => {
                    self.over = true;
                    Err(io::Error::other("too large"))
                }
            };
        }
        let room = usize::try_from(self.left)
            .unwrap_or(usize::MAX)
            .min(buf.len());
        let n = self
            .inner
            .read(buf.get_mut(..room).unwrap_or_default())
            .inspect_err(|_| self.broke = true)?;
        self.left -= n as u64;
        Ok(n)
    }
}

/// The body of `raw`, decoded from `encoding` (the `Content-Encoding` header, if any), at most
/// `cap` bytes before and after decoding.
pub(crate) fn read(
    raw: impl Read,
    encoding: Option<&str>,
    cap: u64,
    cancel: &AtomicBool,
) -> Result<Vec<u8>, Failure> {
    let mut wire = Capped::new(raw, cap, cancel);
    let encoding = encoding.map(|e| e.trim().to_ascii_lowercase());
    let mut out = Vec::new();
    let result = match encoding.as_deref() {
        None | Some("" | "identity") => wire.read_to_end(&mut out).map(|_| ()),
        Some("gzip" | "x-gzip") => decode(
            flate2::read::MultiGzDecoder::new(&mut wire),
            cap,
            cancel,
            &mut out,
        ),
        Some("deflate") => {
            // "deflate" is zlib by the standard, raw deflate by some servers: the first two
            // bytes tell.
            let mut buffered = BufReader::new(&mut wire);
            let zlib = match buffered.fill_buf() {
                Ok(head) => is_zlib(head),
                Err(e) => return Err(fail(&wire, &e, cap, true)),
            };
            if zlib {
                decode(
                    flate2::read::ZlibDecoder::new(buffered),
                    cap,
                    cancel,
                    &mut out,
                )
            } else {
                decode(
                    flate2::read::DeflateDecoder::new(buffered),
                    cap,
                    cancel,
                    &mut out,
                )
            }
        }
        Some("br") => decode(
            brotli_decompressor::Decompressor::new(&mut wire, 4096),
            cap,
            cancel,
            &mut out,
        ),
        Some(other) => {
            return Err(Failure::Encoding(format!(
                "unknown content encoding {}",
                other.chars().take(40).collect::<String>()
            )));
        }
    };
    let decoding = !matches!(encoding.as_deref(), None | Some("" | "identity"));
    match result {
        Ok(()) => Ok(out),
        Err(e) => Err(fail(&wire, &e, cap, decoding)),
    }
}

/// What stopped a read: the decoded side's cap shows as `TooLarge` through the error text.
fn fail<R>(wire: &Capped<'_, R>, e: &io::Error, cap: u64, decoding: bool) -> Failure {
    if wire.cancelled || e.to_string() == "cancelled" {
        Failure::Cancelled
    } else if wire.over || e.to_string() == "too large" {
        Failure::TooLarge(cap)
    } else if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()) {
        super::error::from_ureq(clone_ureq(inner))
    } else if !wire.broke && decoding {
        // The connection was fine: the encoded data is what is wrong.
        Failure::Encoding(format!("truncated or invalid data: {e}"))
    } else {
        super::error::from_io(e)
    }
}

/// A ureq error seen through an `io::Error` is only borrowed: its kind is what we need.
fn clone_ureq(e: &ureq::Error) -> ureq::Error {
    match e {
        ureq::Error::Timeout(t) => ureq::Error::Timeout(*t),
        ureq::Error::HostNotFound => ureq::Error::HostNotFound,
        ureq::Error::ConnectionFailed => ureq::Error::ConnectionFailed,
        other => ureq::Error::Io(io::Error::other(other.to_string())),
    }
}

fn decode(decoder: impl Read, cap: u64, cancel: &AtomicBool, out: &mut Vec<u8>) -> io::Result<()> {
    let mut decoded = Capped::new(decoder, cap, cancel);
    match decoded.read_to_end(out) {
        Ok(_) => Ok(()),
        Err(_) if decoded.over => Err(io::Error::other("too large")),
        Err(_) if decoded.cancelled => Err(io::Error::other("cancelled")),
        Err(e) => Err(e),
    }
}

fn is_zlib(head: &[u8]) -> bool {
    match head {
        [a, b, ..] => a & 0x0f == 8 && (u16::from(*a) << 8 | u16::from(*b)) % 31 == 0,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn bodies_decode_and_stop_at_the_cap() {
        let no = AtomicBool::new(false);
        let text = b"hello world ".repeat(100);
        assert_eq!(read(&text[..], None, 10_000, &no).unwrap(), text);
        assert_eq!(
            read(&gzip(&text)[..], Some("gzip"), 10_000, &no).unwrap(),
            text
        );
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(&text).unwrap();
        let z = z.finish().unwrap();
        assert_eq!(read(&z[..], Some("deflate"), 10_000, &no).unwrap(), text);
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        d.write_all(&text).unwrap();
        let d = d.finish().unwrap();
        assert_eq!(read(&d[..], Some("Deflate"), 10_000, &no).unwrap(), text);

        // Exactly at the cap is whole; one byte more is too large.
        assert_eq!(read(&text[..], None, 1200, &no).unwrap().len(), 1200);
        assert_eq!(
            read(&text[..], None, 1199, &no),
            Err(Failure::TooLarge(1199))
        );
        // A bomb: 50 MB of zeros in a few kilobytes, refused at the decoded cap.
        let bomb = gzip(&vec![0u8; 50 << 20]);
        assert!(bomb.len() < 100_000);
        assert_eq!(
            read(&bomb[..], Some("gzip"), 1 << 20, &no),
            Err(Failure::TooLarge(1 << 20))
        );
        let r = read(&b"not gzip"[..], Some("gzip"), 100, &no);
        assert!(matches!(r, Err(Failure::Encoding(_))), "{r:?}");
        assert!(matches!(
            read(&text[..], Some("zstd"), 100_000, &no),
            Err(Failure::Encoding(_))
        ));
        // Brotli: one uncompressed meta-block holding "hello", then the last, empty one.
        let br = b"\x40\x00\x10hello\x03";
        assert_eq!(read(&br[..], Some("br"), 100, &no).unwrap(), b"hello");
        assert_eq!(read(&br[..], Some("br"), 4, &no), Err(Failure::TooLarge(4)));
        let yes = AtomicBool::new(true);
        assert_eq!(read(&text[..], None, 10_000, &yes), Err(Failure::Cancelled));
    }
}
