//! What every document must hold, whatever file it came from: checked by the fuzz targets
//! and their property-test twins, so a parser's bug shows as a broken promise, not a panic
//! somewhere in the reader.

use super::Document;
use std::ops::Range;

impl Document {
    /// Every range a slice of the text on character boundaries; paragraphs, style runs and
    /// links in order and not overlapping; sections in order inside the text; the title and
    /// section titles one safe line.
    pub fn check(&self) -> Result<(), String> {
        let slice = |what: &str, r: &Range<usize>| {
            if r.start < r.end && self.text.get(r.clone()).is_some() {
                Ok(())
            } else {
                Err(format!(
                    "{what} {r:?} is not a slice of the text ({} bytes)",
                    self.text.len()
                ))
            }
        };
        let ordered = |what: &str, ranges: &mut dyn Iterator<Item = &Range<usize>>| {
            let mut prev = 0;
            for r in ranges {
                slice(what, r)?;
                if r.start < prev {
                    return Err(format!("{what} {r:?} overlaps the one before"));
                }
                prev = r.end;
            }
            Ok::<(), String>(())
        };
        ordered("paragraph", &mut self.paragraphs.iter().map(|p| &p.range))?;
        ordered("style run", &mut self.styles.iter().map(|s| &s.range))?;
        ordered("link", &mut self.links.iter().map(|l| &l.range))?;
        let mut prev = 0;
        for s in &self.sections {
            if s.offset < prev
                || s.offset > self.text.len()
                || !self.text.is_char_boundary(s.offset)
            {
                return Err(format!(
                    "section {:?} at {} is out of order",
                    s.title, s.offset
                ));
            }
            prev = s.offset;
        }
        let safe = |s: &str| {
            !s.chars()
                .any(|c| crate::sanitize::is_unsafe(c) || c == '\n')
        };
        if !safe(&self.title) || !self.sections.iter().all(|s| safe(&s.title)) {
            return Err(format!("title {:?} is not one safe line", self.title));
        }
        Ok(())
    }
}
