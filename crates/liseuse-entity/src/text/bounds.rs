//! Where a text may be cut: the character boundary at or before (or after) a byte offset, the end
//! of the last whole paragraph. Shared by the engine's long-text pieces (`chunks`) and by what
//! reads and re-anchors articles above it, so that every layer cuts texts the same way.

/// The largest character boundary `<= i` (with `i` clamped to `s.len()`).
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary `>= i` (with `i` clamped to `s.len()`).
pub fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Where the last whole paragraph of `bytes` ends (after its blank line), else the last whole
/// line; `None` when there is no line break at all. Where to cut a text that must not end in
/// the middle of a paragraph.
pub fn last_paragraph_end(bytes: &[u8]) -> Option<usize> {
    memchr::memmem::rfind(bytes, b"\n\n")
        .map(|i| i + 2)
        .or_else(|| memchr::memrchr(b'\n', bytes).map(|i| i + 1))
}
