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
    /// The file list, unless the reader is shown alone.
    pub list: Option<Area>,
    pub reader: Area,
    pub sidebar: Option<Area>,
    pub status: Area,
}

/// The user's choices about the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    /// Show or hide the sidebar; `None` decides by width.
    pub sidebar: Option<bool>,
    /// The reader alone, both side panes hidden (`z`).
    pub zoom: bool,
    /// Columns added to (or taken from) the file list's width (`>` and `<`).
    pub list_delta: i16,
    /// Widest the article's text may be (config `reader_width`); 0 = the pane's width.
    pub max_text_width: usize,
}

/// Below this, liseuse says the terminal is too small instead of drawing.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 8;
/// From this width on, the sidebar is shown unless the user hid it.
pub const SIDEBAR_AUTO_WIDTH: u16 = 100;
/// Columns of the reader's left gutter (cursor and bookmark marks).
pub const GUTTER: u16 = 3;
/// How much `>` and `<` change the file list's width.
pub const LIST_STEP: i16 = 4;
/// The reader never gets narrower than this, whatever the list's width.
const MIN_READER: u16 = 30;

impl Geometry {
    pub fn compute(width: u16, height: u16, layout: &Layout) -> Option<Geometry> {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return None;
        }
        let body_h = height - 1;
        let status = Area {
            x: 0,
            y: body_h,
            width,
            height: 1,
        };
        if layout.zoom {
            return Some(Geometry {
                list: None,
                reader: Area {
                    x: 0,
                    y: 0,
                    width,
                    height: body_h,
                },
                sidebar: None,
                status,
            });
        }
        let natural = i32::from((width / 5).clamp(18, 34));
        let widest = i32::from(width.saturating_sub(MIN_READER).max(12));
        let list_w = (natural + i32::from(layout.list_delta)).clamp(12, widest);
        let list_w = u16::try_from(list_w).unwrap_or(18);
        let show_sidebar = layout.sidebar.unwrap_or(width >= SIDEBAR_AUTO_WIDTH);
        let side_w = if show_sidebar {
            (width / 4)
                .clamp(20, 40)
                .min(width.saturating_sub(list_w + 24))
        } else {
            0
        };
        let show_sidebar = show_sidebar && side_w > 0;
        let reader_w = width - list_w - side_w;
        Some(Geometry {
            list: Some(Area {
                x: 0,
                y: 0,
                width: list_w,
                height: body_h,
            }),
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
            status,
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
        self.list
            .map_or(1, |l| usize::from(l.height.saturating_sub(2)).max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen() {
        for (w, h) in [(50, 8), (80, 24), (120, 40), (300, 10)] {
            for delta in [-40, -4, 0, 4, 40, 400] {
                let layout = Layout {
                    list_delta: delta,
                    ..Layout::default()
                };
                let g = Geometry::compute(w, h, &layout).unwrap();
                let side = g.sidebar.map_or(0, |s| s.width);
                assert_eq!(g.list.unwrap().width + g.reader.width + side, w);
                assert!(g.reader.width >= 24, "{w}x{h} {delta}");
            }
            let g = Geometry::compute(w, h, &Layout::default()).unwrap();
            assert_eq!(g.status.y, h - 1);
            let zoomed = Layout {
                zoom: true,
                ..Layout::default()
            };
            let z = Geometry::compute(w, h, &zoomed).unwrap();
            assert!(z.list.is_none() && z.sidebar.is_none());
            assert_eq!(z.reader.width, w);
        }
    }

    #[test]
    fn narrow_terminals_fold_the_sidebar() {
        let with = |sidebar| Layout {
            sidebar,
            ..Layout::default()
        };
        let side = |w, h, s| Geometry::compute(w, h, &with(s)).unwrap().sidebar;
        assert!(side(80, 24, None).is_none());
        assert!(side(120, 40, None).is_some());
        assert!(side(80, 24, Some(true)).is_some());
        assert!(side(120, 40, Some(false)).is_none());
    }

    #[test]
    fn too_small_is_none() {
        let l = Layout::default();
        assert!(Geometry::compute(49, 24, &l).is_none());
        assert!(Geometry::compute(80, 7, &l).is_none());
        assert!(Geometry::compute(1, 1, &l).is_none());
    }
}
