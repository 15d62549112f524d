//! A saved page's bytes to text: its byte-order mark, else the charset its `<meta>` (or XML
//! declaration) names, else UTF-8 when valid, else Windows-1252 with a notice.

use crate::DocError;
use encoding_rs::Encoding;

/// How far into a page its charset declaration is looked for (browsers look at 1024 bytes;
/// saved pages often put a long comment first).
const PRESCAN: usize = 4096;

pub fn decode(bytes: &[u8]) -> Result<(String, Option<String>), DocError> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default());
        return Ok((text.into_owned(), None));
    }
    if crate::decode::looks_binary(bytes) {
        return Err(DocError::Binary);
    }
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok((s.to_string(), None));
    }
    if let Some(enc) = declared(bytes.get(..PRESCAN).unwrap_or(bytes))
        && enc != encoding_rs::UTF_8
    {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Ok((text.into_owned(), None));
    }
    // Declared UTF-8 (or nothing) but not valid: a few bad bytes keep the rest readable.
    let d = crate::decode(bytes)?;
    Ok((d.text, d.notice))
}

/// The encoding named by `charset=` in the head of a page, if any.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(lower.get(from..)?, b"charset") {
        let at = from + i + b"charset".len();
        from = at;
        let rest = lower.get(at..)?;
        let rest = rest.strip_prefix(b"=").or_else(|| {
            let t = rest.iter().position(|b| !b.is_ascii_whitespace())?;
            rest.get(t..)?.strip_prefix(b"=")
        })?;
        let rest: Vec<u8> = rest
            .iter()
            .copied()
            .skip_while(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
            .collect();
        if let Some(enc) = Encoding::for_label(&rest) {
            return Some(enc);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_is_followed() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body>caf\xe9</body></html>";
        let (text, notice) = decode(page).unwrap();
        assert!(text.contains("café"));
        assert!(notice.is_none());
        let page = b"<meta charset='utf-8'><p>d\xc3\xa9j\xc3\xa0</p>";
        assert!(decode(page).unwrap().0.contains("déjà"));
    }

    #[test]
    fn undeclared_and_invalid_is_read_as_windows_1252() {
        let (text, notice) = decode(b"<p>caf\xe9 \x93chaud\x94</p>").unwrap();
        assert!(text.contains("café “chaud”"));
        assert!(notice.is_some());
    }
}
