//! Where each pane goes for a terminal size. Shared by `update` (which needs the reader's width
//! to wrap and its height to page) and by drawing, so both always agree.

/// A rectangle of terminal cells (the core's own, so the core needs no terminal library).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub list: Area,
    pub reader: Area,
    pub sidebar: Option<Area>,
    pub status: Area,
}

/// Below this, liseuse says the terminal is too small instead of drawing.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 8;
/// From this width on, the sidebar is shown unless the user hid it.
pub const SIDEBAR_AUTO_WIDTH: u16 = 100;
/// Columns of the reader's left gutter (cursor and bookmark marks).
pub const GUTTER: u16 = 3;

impl Geometry {
    /// `sidebar`: the user's choice, or `None` to decide by width.
    pub fn compute(width: u16, height: u16, sidebar: Option<bool>) -> Option<Geometry> {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return None;
        }
        let body_h = height - 1;
        let list_w = (width / 5).clamp(18, 34);
        let show_sidebar = sidebar.unwrap_or(width >= SIDEBAR_AUTO_WIDTH);
        let side_w = if show_sidebar {
            (width / 4).clamp(20, 40).min(width - list_w - 24)
        } else {
            0
        };
        let reader_w = width - list_w - side_w;
        Some(Geometry {
            list: Area {
                x: 0,
                y: 0,
                width: list_w,
                height: body_h,
            },
            reader: Area {
                x: list_w,
                y: 0,
                width: reader_w,
                height: body_h,
            },
            sidebar: show_sidebar.then_some(Area {
                x: list_w + reader_w,
                y: 0,
                width: side_w,
                height: body_h,
            }),
            status: Area {
                x: 0,
                y: body_h,
                width,
                height: 1,
            },
        })
    }

    /// Width available to the article's text: inside the borders, after the gutter.
    pub fn text_width(&self) -> usize {
        // Borders, the gutter, and one column of air before the right border.
        usize::from(self.reader.width.saturating_sub(3 + GUTTER)).max(1)
    }

    pub fn text_height(&self) -> usize {
        usize::from(self.reader.height.saturating_sub(2)).max(1)
    }

    /// Rows available to the file list's items.
    pub fn list_rows(&self) -> usize {
        usize::from(self.list.height.saturating_sub(2)).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen() {
        for (w, h) in [(50, 8), (80, 24), (120, 40), (300, 10)] {
            let g = Geometry::compute(w, h, None).unwrap();
            let side = g.sidebar.map_or(0, |s| s.width);
            assert_eq!(g.list.width + g.reader.width + side, w);
            assert!(g.reader.width >= 24);
            assert_eq!(g.status.y, h - 1);
        }
    }

    #[test]
    fn narrow_terminals_fold_the_sidebar() {
        assert!(Geometry::compute(80, 24, None).unwrap().sidebar.is_none());
        assert!(Geometry::compute(120, 40, None).unwrap().sidebar.is_some());
        assert!(
            Geometry::compute(80, 24, Some(true))
                .unwrap()
                .sidebar
                .is_some()
        );
        assert!(
            Geometry::compute(120, 40, Some(false))
                .unwrap()
                .sidebar
                .is_none()
        );
    }

    #[test]
    fn too_small_is_none() {
        assert!(Geometry::compute(49, 24, None).is_none());
        assert!(Geometry::compute(80, 7, None).is_none());
        assert!(Geometry::compute(1, 1, None).is_none());
    }
}
