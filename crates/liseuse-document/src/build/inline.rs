//! The inline side of building a text: styles opened and closed over the text that follows,
//! links from their start to their end, and each character written with the styles open then
//! (runs of one style joined). Apart from `build.rs` (blocks, sections, spaces) because styles
//! and links are state of their own that only characters read.

use super::Builder;
use crate::{Inline, Link, StyleRun};

impl Builder {
    /// Opens a style (emphasis, strong, code or link) over the text that follows.
    pub fn style_on(&mut self, style: Inline) {
        if let Some(n) = self.open_styles.get_mut(style_slot(style)) {
            *n += 1;
        }
    }

    pub fn style_off(&mut self, style: Inline) {
        if let Some(n) = self.open_styles.get_mut(style_slot(style)) {
            *n = n.saturating_sub(1);
        }
    }

    pub(super) fn current(&self) -> Inline {
        let mut bits = 0u8;
        for (i, n) in self.open_styles.iter().enumerate() {
            if *n > 0 {
                bits |= 1 << i;
            }
        }
        Inline(bits)
    }

    pub fn link_start(&mut self, url: &str) {
        self.link_end();
        self.link = Some((url.trim().to_string(), None));
        self.style_on(Inline::LINK);
    }

    pub fn link_end(&mut self) {
        let Some((url, start)) = self.link.take() else {
            return;
        };
        self.style_off(Inline::LINK);
        let end = self.out.text.trim_end().len();
        if let Some(start) = start
            && end > start
            && !url.is_empty()
        {
            self.out.links.push(Link {
                range: start..end,
                url,
            });
        }
    }

    pub(super) fn put_styled(&mut self, c: char, style: Inline) {
        let at = self.out.text.len();
        if let Some(b) = self.block.as_mut() {
            b.start.get_or_insert(at);
        }
        if let Some((_, start)) = &mut self.link
            && start.is_none()
            && !c.is_whitespace()
        {
            *start = Some(at);
        }
        self.out.text.push(c);
        if style.0 != 0 {
            match self.out.styles.last_mut() {
                Some(run) if run.range.end == at && run.style == style => {
                    run.range.end = self.out.text.len();
                }
                _ => self.out.styles.push(StyleRun {
                    range: at..self.out.text.len(),
                    style,
                }),
            }
        }
    }
}

fn style_slot(style: Inline) -> usize {
    usize::try_from(style.0.trailing_zeros()).unwrap_or(0)
}
