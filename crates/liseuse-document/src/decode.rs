//! Bytes to text: UTF-8 first, UTF-16 when a byte-order mark says so, Windows-1252 for old files.

use super::DocError;

/// Decoded text, and a notice for the reader when the bytes were not plain UTF-8.
#[derive(Debug)]
pub struct Decoded {
    /// The text, decoded.
    pub text: String,
    /// What the reader should know of how it was decoded (« read as Windows-1252 »), if anything.
    pub notice: Option<String>,
}

/// How much of the start of a file is sampled to tell text from binary.
const SNIFF: usize = 8192;

/// Decodes a file's bytes: UTF-8, UTF-16 after a byte-order mark, else Windows-1252; [`DocError::Binary`] for what is no text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DocError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        if enc == encoding_rs::UTF_8 {
            return decode_8bit(body);
        }
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        let mut notice = format!("decoded from {}", enc.name());
        if had_errors {
            notice.push_str(" (some bytes were invalid and are shown as �)");
        }
        return Ok(Decoded {
            text: text.into_owned(),
            notice: Some(notice),
        });
    }
    decode_8bit(bytes)
}

fn decode_8bit(bytes: &[u8]) -> Result<Decoded, DocError> {
    if looks_binary(bytes) {
        return Err(DocError::Binary);
    }
    // SIMD validation: the common case (UTF-8) costs a fraction of a 50 MB file's reading.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_string(),
            notice: None,
        });
    }
    // A UTF-8 file with a few bad bytes keeps its accents; a file with no UTF-8 in it at all
    // is an old single-byte file, most likely Windows-1252 (a superset of Latin-1).
    let (mut valid_non_ascii, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    if valid_non_ascii >= invalid {
        return Ok(Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            notice: Some(format!(
                "{} shown as �",
                crate::plural::counted(
                    invalid,
                    "invalid UTF-8 sequence",
                    "invalid UTF-8 sequences"
                )
            )),
        });
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        notice: Some("not valid UTF-8: read as Windows-1252".to_string()),
    })
}

pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    const MAGIC: &[&[u8]] = &[
        b"\x7fELF",
        b"\x89PNG",
        b"\xff\xd8\xff",
        b"GIF8",
        b"%PDF-",
        b"PK\x03\x04",
        b"\x1f\x8b",
        b"BZh",
        b"\xfd7zXZ",
        b"7z\xbc\xaf",
    ];
    if MAGIC.iter().any(|m| bytes.starts_with(m)) {
        return true;
    }
    let sample = bytes.get(..SNIFF).unwrap_or(bytes);
    if sample.is_empty() {
        return false;
    }
    // One pass over the sample, counting both (every article read goes through here).
    let (mut nul, mut controls) = (0usize, 0usize);
    for &b in sample {
        nul += usize::from(b == 0);
        controls += usize::from(b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b | 0));
    }
    // Text with a stray NUL or escape is still text (it is shown with placeholders);
    // a file where control bytes are common is not.
    nul * 50 > sample.len() || (nul + controls) * 10 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Raïssi".as_bytes()).unwrap();
        assert_eq!(d.text, "Raïssi");
        assert!(d.notice.is_none());
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let d = decode(b"\xef\xbb\xbfTitre").unwrap();
        assert_eq!(d.text, "Titre");
    }

    #[test]
    fn utf16_is_decoded() {
        let mut le = vec![0xff, 0xfe];
        for u in "Été".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "Été");
        let mut be = vec![0xfe, 0xff];
        for u in "Été".encode_utf16() {
            be.extend(u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().text, "Été");
    }

    #[test]
    fn stray_bad_byte_in_utf8_keeps_accents() {
        let d = decode(b"caf\xc3\xa9 cr\xc3\xa8me et th\xff").unwrap();
        assert!(d.text.starts_with("café crème et th"));
        assert!(d.notice.unwrap().contains("invalid UTF-8"));
    }

    #[test]
    fn a_few_nuls_are_still_text() {
        let mut t = b"Un texte ordinaire assez long pour la statistique, vraiment.".to_vec();
        t.push(0);
        t.extend_from_slice(b" Suite du texte.");
        assert!(decode(&t).is_ok());
    }

    #[test]
    fn random_bytes_are_binary() {
        let bytes: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(matches!(decode(&bytes), Err(DocError::Binary)));
    }
}
