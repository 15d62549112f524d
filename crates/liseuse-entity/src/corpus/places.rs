//! Rows of ascending places (an entity's occurrences among the corpus's mentions, its
//! quotations among the library's), all rows in one byte array: each place a varint of its
//! difference from the one before, and absolute at a row's start and every [`BLOCK`]-th place
//! of all rows, where reading may start. At 100,000 articles the index's 13 million
//! occurrences took 54 MB as `u32`s; most differences fit one or two bytes.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

/// How many places a block holds: reading place `k` decodes at most this many varints.
const BLOCK: usize = 32;

/// Every row's places, encoded.
#[derive(Clone, Debug, Default)]
pub struct Places {
    /// The varints, row after row.
    bytes: Vec<u8>,
    /// Where place `b * BLOCK` (of all rows together) starts in `bytes`.
    blocks: Vec<u32>,
    /// Where row `r`'s places start among all; one more than there are rows.
    row_starts: Vec<u32>,
}

/// One row's places from `begin` on (a view of [`Places`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Row<'a> {
    places: Option<&'a Places>,
    /// Where the row starts (its first place is absolute): positions among all rows.
    row_start: usize,
    /// The first and one past the last position this view shows.
    begin: usize,
    end: usize,
}

fn varint_len(v: u32) -> u32 {
    match v {
        0..0x80 => 1,
        0x80..0x4000 => 2,
        0x4000..0x20_0000 => 3,
        0x20_0000..0x1000_0000 => 4,
        _ => 5,
    }
}

/// Appends `v` as a varint.
fn put(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The varint at `at` and where the next one starts (0 past the end: bytes never come from a
/// file, but nothing panics).
fn read(bytes: &[u8], mut at: usize) -> (u32, usize) {
    let mut v = 0u32;
    let mut shift = 0;
    while let Some(&b) = bytes.get(at) {
        at += 1;
        v |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    (v, at)
}

/// Where the varint after the one at `at` starts.
fn skip(bytes: &[u8], at: usize) -> usize {
    bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| b < 0x80))
        .map_or(bytes.len(), |i| at + i + 1)
}

/// The state of a build's pass: each row's next position and last place.
struct Pass {
    next: Vec<u32>,
    last: Vec<u32>,
}

impl Pass {
    fn new(row_starts: &[u32]) -> Pass {
        let rows = row_starts.len().saturating_sub(1);
        Pass {
            next: row_starts.iter().take(rows).copied().collect(),
            last: vec![0; rows],
        }
    }

    /// Position and stored value (absolute or difference) of row `r`'s next place `g`, if the
    /// row has room for it.
    fn step(&mut self, row_starts: &[u32], r: usize, g: u32) -> Option<(usize, u32)> {
        let (at, last) = (self.next.get_mut(r)?, self.last.get_mut(r)?);
        let p = *at as usize;
        if p >= row_starts.get(r + 1).copied().unwrap_or(0) as usize {
            return None;
        }
        *at += 1;
        let absolute = p.is_multiple_of(BLOCK) || Some(&(p as u32)) == row_starts.get(r);
        // Wrapping: a place below the last still reads back as itself.
        let v = if absolute { g } else { g.wrapping_sub(*last) };
        *last = g;
        Some((p, v))
    }
}

impl Places {
    /// Rows of `counts` places each, their places given by `each`, which calls its argument
    /// with (row, place) for every place in ascending order within each row (rows may be
    /// interleaved), and is called twice: once to measure, once to write. A row given more
    /// places than its count keeps the first ones.
    pub fn build(
        counts: impl IntoIterator<Item = u32>,
        mut each: impl FnMut(&mut dyn FnMut(usize, u32)),
    ) -> Places {
        let mut row_starts = vec![0u32];
        let mut total = 0u32;
        for c in counts {
            total = total.saturating_add(c);
            row_starts.push(total);
        }
        // Measured: each row's bytes, then where each starts (rows are in position order).
        let rows = row_starts.len() - 1;
        let mut cursor = vec![0u32; rows];
        let mut pass = Pass::new(&row_starts);
        each(&mut |r, g| {
            if let Some((_, v)) = pass.step(&row_starts, r, g)
                && let Some(c) = cursor.get_mut(r)
            {
                *c = c.saturating_add(varint_len(v));
            }
        });
        let mut len = 0u32;
        for c in cursor.iter_mut() {
            let bytes = *c;
            *c = len;
            len = len.saturating_add(bytes);
        }
        // Written: each row at its cursor, a block's start noted as it is reached.
        let mut bytes = vec![0u8; len as usize];
        let mut blocks = vec![0u32; (total as usize).div_ceil(BLOCK)];
        let mut pass = Pass::new(&row_starts);
        each(&mut |r, g| {
            let Some((p, mut v)) = pass.step(&row_starts, r, g) else {
                return;
            };
            let Some(c) = cursor.get_mut(r) else {
                return;
            };
            if p.is_multiple_of(BLOCK)
                && let Some(b) = blocks.get_mut(p / BLOCK)
            {
                *b = *c;
            }
            loop {
                let more = v >= 0x80;
                if let Some(byte) = bytes.get_mut(*c as usize) {
                    *byte = (v as u8 & 0x7f) | if more { 0x80 } else { 0 };
                }
                *c += 1;
                v >>= 7;
                if !more {
                    break;
                }
            }
        });
        Places {
            bytes,
            blocks,
            row_starts,
        }
    }

    /// Rows from one array of places and where each row starts in it (one more than rows,
    /// from 0, ascending): encoded row after row, with nothing per row beside the starts (at
    /// 100,000 articles, three `u32`s for each of a million entities).
    pub fn from_flat(places: &[u32], mut starts: Vec<u32>) -> Places {
        if starts.is_empty() {
            starts.push(0);
        }
        // Each position's stored value, row after row.
        let each = |f: &mut dyn FnMut(usize, u32)| {
            for w in starts.windows(2) {
                let [a, b] = w else { continue };
                let mut last = 0u32;
                for p in *a as usize..*b as usize {
                    let g = places.get(p).copied().unwrap_or(0);
                    let absolute = p == *a as usize || p.is_multiple_of(BLOCK);
                    f(p, if absolute { g } else { g.wrapping_sub(last) });
                    last = g;
                }
            }
        };
        let mut len = 0usize;
        each(&mut |_, v| len += varint_len(v) as usize);
        let total = starts.last().copied().unwrap_or(0) as usize;
        let mut bytes = Vec::with_capacity(len);
        let mut blocks = vec![0u32; total.div_ceil(BLOCK)];
        each(&mut |p, v| {
            if p.is_multiple_of(BLOCK)
                && let Some(b) = blocks.get_mut(p / BLOCK)
            {
                *b = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
            }
            put(&mut bytes, v);
        });
        Places {
            bytes,
            blocks,
            row_starts: starts,
        }
    }

    /// Row `r` (empty when there is none).
    pub fn row(&self, r: usize) -> Row<'_> {
        match (self.row_starts.get(r), self.row_starts.get(r + 1)) {
            (Some(&a), Some(&b)) => Row {
                places: Some(self),
                row_start: a as usize,
                begin: a as usize,
                end: b as usize,
            },
            _ => Row::default(),
        }
    }

    /// How many places all rows hold.
    pub fn len(&self) -> usize {
        self.row_starts.last().copied().unwrap_or(0) as usize
    }

    /// Whether they hold none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes held (what the encoding saves is measured by it).
    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity() + 4 * (self.blocks.capacity() + self.row_starts.capacity())
    }
}

impl<'a> Row<'a> {
    /// How many places.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.begin)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where position `p`'s varint starts, and the place before it (0 at a row's or a block's
    /// start, where the varint is absolute).
    fn seek(&self, places: &Places, p: usize) -> (usize, u32) {
        let block = p - p % BLOCK;
        let mut at = places.blocks.get(block / BLOCK).copied().unwrap_or(0) as usize;
        let first = block.max(self.row_start);
        for _ in block..first {
            at = skip(&places.bytes, at);
        }
        let mut g = 0u32;
        for q in first..p {
            let (v, next) = read(&places.bytes, at);
            g = if q == first { v } else { g.wrapping_add(v) };
            at = next;
        }
        (at, g)
    }

    /// Place `k` of the view.
    pub fn get(&self, k: usize) -> Option<u32> {
        let places = self.places?;
        let p = self.begin.checked_add(k).filter(|&p| p < self.end)?;
        let (at, before) = self.seek(places, p);
        let (v, _) = read(&places.bytes, at);
        Some(self.value(p, before, v))
    }

    /// The place at position `p` from its stored value and the place before it.
    fn value(&self, p: usize, before: u32, v: u32) -> u32 {
        if p == self.row_start || p.is_multiple_of(BLOCK) {
            v
        } else {
            before.wrapping_add(v)
        }
    }

    /// Those from `k` on (none past the end), numbered from 0 again.
    pub fn from(&self, k: usize) -> Row<'a> {
        Row {
            begin: self.begin.saturating_add(k).min(self.end),
            ..*self
        }
    }

    /// Every place in order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + use<'a> {
        let row = *self;
        let (mut at, mut before) = match row.places {
            Some(places) if !row.is_empty() => row.seek(places, row.begin),
            _ => (0, 0),
        };
        let bytes: &[u8] = row.places.map_or(&[], |p| &p.bytes);
        (row.begin..row.end).map(move |p| {
            let (v, next) = read(bytes, at);
            at = next;
            before = row.value(p, before, v);
            before
        })
    }

    /// How many come before the first place for which `pred` is false (`pred` true of a
    /// prefix): a binary search among the blocks' absolute places, then a walk in one block.
    pub fn partition_point(&self, mut pred: impl FnMut(u32) -> bool) -> usize {
        let Some(places) = self.places else {
            return 0;
        };
        // The block starts strictly inside the view.
        let first = self.begin / BLOCK + 1;
        let last = self.end.div_ceil(BLOCK);
        let starts = first..last.max(first);
        let head = |b: usize| {
            let at = places.blocks.get(b).copied().unwrap_or(0) as usize;
            read(&places.bytes, at).0
        };
        // Blocks `first..first + n` start with a place `pred` holds of.
        let (mut lo, mut hi) = (0, starts.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(head(first + mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let from = if lo == 0 {
            self.begin
        } else {
            (first + lo - 1) * BLOCK
        };
        let until = ((first + lo) * BLOCK).min(self.end);
        let walked = self
            .from(from - self.begin)
            .iter()
            .take(until.saturating_sub(from))
            .take_while(|&g| pred(g))
            .count();
        from - self.begin + walked
    }
}

#[cfg(test)]
#[path = "places_tests.rs"]
mod tests;
