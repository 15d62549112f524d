//! The reader's moves, as less and vim have them: a line, a page, the top and the bottom, half
//! pages, the view scrolled under a still cursor, a line number, a share of the article, an offset.

use super::{Pos, Reader};

impl Reader {
    pub fn down(&mut self, n: usize) {
        self.cursor = self.forward(self.cursor, n);
        self.keep_cursor_visible();
    }

    pub fn up(&mut self, n: usize) {
        self.cursor = self.backward(self.cursor, n);
        self.keep_cursor_visible();
    }

    /// Scrolls the view by `n` lines (negative: up), the cursor staying on screen.
    pub fn scroll(&mut self, n: isize) {
        let max = self.max_top();
        self.top = if n >= 0 {
            self.forward(self.top, n.unsigned_abs()).min(max)
        } else {
            self.backward(self.top, n.unsigned_abs())
        };
        let bottom = self.forward(self.top, self.height - 1);
        self.cursor = self.cursor.clamp(self.top, bottom);
    }

    pub fn page_down(&mut self) {
        let step = self.height.saturating_sub(1).max(1);
        let max = self.max_top();
        let new_top = self.forward(self.top, step).min(max);
        if new_top == self.top {
            self.cursor = self.last();
        } else {
            self.top = new_top;
            self.cursor = self.forward(self.cursor, step).max(self.top);
        }
        self.keep_cursor_visible();
    }

    pub fn page_up(&mut self) {
        let step = self.height.saturating_sub(1).max(1);
        if self.top == Pos::default() {
            self.cursor = Pos::default();
        } else {
            self.top = self.backward(self.top, step);
            self.cursor = self.backward(self.cursor, step);
        }
        self.keep_cursor_visible();
    }

    pub fn to_top(&mut self) {
        self.cursor = Pos::default();
        self.top = Pos::default();
    }

    pub fn to_bottom(&mut self) {
        self.cursor = self.last();
        self.top = self.max_top();
    }

    /// The cursor is on the last line (where `G` puts it).
    pub fn at_bottom(&self) -> bool {
        self.cursor == self.last()
    }

    /// Half a page down (`Ctrl-d`): the view and the cursor move together.
    pub fn half_page_down(&mut self) {
        let step = (self.height / 2).max(1);
        let (before, cursor) = (self.top, self.forward(self.cursor, step));
        self.scroll(step as isize);
        // Already at the end: the cursor goes on to the last line.
        self.cursor = if self.top == before {
            self.last()
        } else {
            cursor
        };
        self.keep_cursor_visible();
    }

    /// Half a page up (`Ctrl-u`).
    pub fn half_page_up(&mut self) {
        let step = (self.height / 2).max(1);
        let (before, cursor) = (self.top, self.backward(self.cursor, step));
        self.scroll(-(step as isize));
        self.cursor = if self.top == before {
            Pos::default()
        } else {
            cursor
        };
        self.keep_cursor_visible();
    }

    /// Line `n` of the article as shown (1 is the first); past the end, the last line. Costs
    /// wrapping the article up to that line, which is what was asked for.
    pub fn goto_line(&mut self, n: usize) {
        self.cursor = self.forward(Pos::default(), n.saturating_sub(1));
        self.center_cursor();
    }

    /// `percent` of the way into the article's text (by bytes, so it costs nothing in a
    /// book), as less's `50%` does.
    pub fn goto_percent(&mut self, percent: usize) {
        let percent = percent.min(100);
        let len = self.doc.text.len();
        if percent >= 100 {
            self.to_bottom();
            return;
        }
        let offset = liseuse_entity::text::bounds::floor_boundary(
            &self.doc.text,
            len.saturating_mul(percent) / 100,
        );
        self.cursor = self.pos_of_offset(0, offset);
        self.top = self.cursor.min(self.max_top());
        self.keep_cursor_visible();
    }

    /// Puts the cursor on the line holding `offset`, moving the view only if it must.
    pub fn put_cursor_at(&mut self, offset: usize) {
        self.cursor = self.pos_of_offset(self.top.block, offset);
        self.keep_cursor_visible();
    }

    /// Whether line `p` is on screen.
    pub fn shows(&self, p: Pos) -> bool {
        p >= self.top && p <= self.forward(self.top, self.height - 1)
    }

    /// Where the cursor is as `line/lines` of its paragraph and `block/blocks`: what `=` says.
    pub fn where_label(&self) -> String {
        format!(
            "paragraph {}/{} · {}",
            self.cursor.block + 1,
            self.blocks.len(),
            self.position_label()
        )
    }

    /// The bookmarked passages of the article, sorted by start.
    pub fn marks(&self) -> &[std::ops::Range<usize>] {
        &self.marks
    }

    /// The byte offsets the pane shows, from the top line's start to the bottom line's start.
    pub fn shown_offsets(&self) -> std::ops::Range<usize> {
        let bottom = self.forward(self.top, self.height.saturating_sub(1));
        self.offset_of(self.top)..self.offset_of(bottom)
    }

    /// How long the article is, in bytes: the whole file's length for a preview.
    pub fn length(&self) -> usize {
        self.doc
            .preview
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(self.doc.text.len())
            .max(1)
    }

    fn center_cursor(&mut self) {
        let context = (self.height / 4).min(5);
        self.top = self.backward(self.cursor, context).min(self.max_top());
        self.keep_cursor_visible();
    }
}
