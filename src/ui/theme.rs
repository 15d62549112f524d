//! Colours and text attributes. With `NO_COLOR` set, every distinction is made with bold,
//! italic, underline and reverse video instead.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone)]
pub struct Theme {
    pub border: Style,
    pub border_focus: Style,
    pub title: Style,
    pub heading: Style,
    pub body: Style,
    pub meta: Style,
    pub blurb: Style,
    pub notice: Style,
    /// A block quote's text and its bar.
    pub quote: Style,
    /// Words someone is quoted as saying (found by the quotation stage): a modifier only,
    /// so that the entities' colours show inside.
    pub quotation: Style,
    /// Code blocks, tables and inline code.
    pub code: Style,
    /// A link's text: its marker (the URL is in the document's link list).
    pub link: Style,
    /// A thematic break's rule.
    pub rule: Style,
    pub cursor_line: Style,
    pub selection: Style,
    pub match_current: Style,
    pub per: Style,
    pub org: Style,
    pub loc: Style,
    pub date: Style,
    pub selected_entity: Style,
    pub match_other: Style,
    pub gutter: Style,
    pub list_title: Style,
    pub list_detail: Style,
    pub list_selected: Style,
    pub list_open: Style,
    pub status: Style,
    pub status_key: Style,
    pub help_key: Style,
}

impl Theme {
    pub fn dark() -> Theme {
        let dim = Style::default().fg(Color::DarkGray);
        Theme {
            border: dim,
            border_focus: Style::default().fg(Color::Cyan),
            title: Style::default()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            heading: Style::default().add_modifier(Modifier::BOLD),
            body: Style::default(),
            meta: Style::default()
                .fg(Color::Gray)
                .add_modifier(Modifier::ITALIC),
            blurb: dim.add_modifier(Modifier::ITALIC),
            notice: Style::default().fg(Color::Yellow),
            quote: Style::default().fg(Color::Rgb(180, 180, 200)),
            quotation: Style::default().add_modifier(Modifier::ITALIC),
            code: Style::default().fg(Color::Rgb(215, 175, 135)),
            link: Style::default()
                .fg(Color::Rgb(135, 175, 255))
                .add_modifier(Modifier::UNDERLINED),
            rule: dim,
            cursor_line: Style::default().bg(Color::Rgb(40, 44, 52)),
            selection: Style::default().bg(Color::Rgb(60, 56, 90)),
            match_current: Style::default().bg(Color::Yellow).fg(Color::Black),
            per: Style::default().fg(Color::Rgb(255, 175, 95)),
            org: Style::default().fg(Color::Rgb(95, 215, 255)),
            loc: Style::default().fg(Color::Rgb(135, 215, 135)),
            date: Style::default().fg(Color::Rgb(215, 135, 215)),
            selected_entity: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            match_other: Style::default().bg(Color::Rgb(90, 80, 30)),
            gutter: Style::default().fg(Color::Cyan),
            list_title: Style::default(),
            list_detail: dim,
            list_selected: Style::default().bg(Color::Rgb(50, 56, 66)),
            list_open: Style::default()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            status: Style::default().bg(Color::Rgb(30, 34, 40)).fg(Color::Gray),
            status_key: Style::default()
                .bg(Color::Rgb(30, 34, 40))
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            help_key: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
        }
    }

    pub fn no_color() -> Theme {
        let plain = Style::default();
        Theme {
            border: plain,
            border_focus: plain.add_modifier(Modifier::BOLD),
            title: plain.add_modifier(Modifier::BOLD),
            heading: plain.add_modifier(Modifier::BOLD),
            body: plain,
            meta: plain.add_modifier(Modifier::ITALIC),
            blurb: plain.add_modifier(Modifier::DIM | Modifier::ITALIC),
            notice: plain.add_modifier(Modifier::BOLD),
            quote: plain.add_modifier(Modifier::ITALIC),
            quotation: plain.add_modifier(Modifier::ITALIC),
            code: plain,
            link: plain.add_modifier(Modifier::UNDERLINED),
            rule: plain.add_modifier(Modifier::DIM),
            cursor_line: plain,
            selection: plain.add_modifier(Modifier::REVERSED),
            match_current: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            per: plain.add_modifier(Modifier::BOLD),
            org: plain.add_modifier(Modifier::UNDERLINED),
            loc: plain.add_modifier(Modifier::ITALIC),
            date: plain.add_modifier(Modifier::DIM),
            selected_entity: plain.add_modifier(Modifier::REVERSED),
            match_other: plain.add_modifier(Modifier::REVERSED),
            gutter: plain.add_modifier(Modifier::BOLD),
            list_title: plain,
            list_detail: plain.add_modifier(Modifier::DIM),
            list_selected: plain.add_modifier(Modifier::REVERSED),
            list_open: plain.add_modifier(Modifier::BOLD),
            status: plain.add_modifier(Modifier::REVERSED),
            status_key: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            help_key: plain.add_modifier(Modifier::BOLD),
        }
    }

    /// The theme for this environment: <https://no-color.org> says any non-empty `NO_COLOR`.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::no_color(),
            _ => Theme::dark(),
        }
    }
}

impl Theme {
    /// The configured theme (or none under `NO_COLOR`), with the config's colour overrides.
    pub fn from_config(cfg: &crate::config::Config) -> Theme {
        use crate::config::ThemeName;
        let no_color = matches!(std::env::var_os("NO_COLOR"), Some(v) if !v.is_empty());
        let mut theme = match cfg.theme {
            _ if no_color => return Theme::no_color(),
            ThemeName::None => return Theme::no_color(),
            ThemeName::Light => Theme::light(),
            ThemeName::Dark => Theme::dark(),
        };
        for (name, value) in &cfg.colors {
            let Ok(color) = value.parse::<Color>() else {
                continue;
            };
            match name.as_str() {
                "title" => theme.title = theme.title.fg(color),
                "focus" => theme.border_focus = theme.border_focus.fg(color),
                other => theme.set_label_color(other, color),
            }
        }
        theme
    }

    pub fn light() -> Theme {
        let mut t = Theme::dark();
        t.title = Style::default()
            .fg(Color::Blue)
            .add_modifier(Modifier::BOLD);
        t.meta = Style::default()
            .fg(Color::DarkGray)
            .add_modifier(Modifier::ITALIC);
        t.blurb = Style::default()
            .fg(Color::Gray)
            .add_modifier(Modifier::ITALIC);
        t.notice = Style::default().fg(Color::Red);
        t.quote = Style::default().fg(Color::Rgb(80, 80, 100));
        t.code = Style::default().fg(Color::Rgb(135, 60, 0));
        t.link = Style::default()
            .fg(Color::Rgb(0, 60, 180))
            .add_modifier(Modifier::UNDERLINED);
        t.cursor_line = Style::default().bg(Color::Rgb(232, 232, 224));
        t.selection = Style::default().bg(Color::Rgb(210, 210, 240));
        t.match_other = Style::default().bg(Color::Rgb(250, 236, 160));
        t.per = Style::default().fg(Color::Rgb(175, 95, 0));
        t.org = Style::default().fg(Color::Rgb(0, 95, 175));
        t.loc = Style::default().fg(Color::Rgb(0, 135, 0));
        t.date = Style::default().fg(Color::Rgb(135, 0, 135));
        t.list_selected = Style::default().bg(Color::Rgb(220, 226, 236));
        t.list_open = Style::default()
            .fg(Color::Blue)
            .add_modifier(Modifier::BOLD);
        t.status = Style::default()
            .bg(Color::Rgb(225, 228, 232))
            .fg(Color::Black);
        t.status_key = t.status.fg(Color::Blue).add_modifier(Modifier::BOLD);
        t.border_focus = Style::default().fg(Color::Blue);
        t.gutter = Style::default().fg(Color::Blue);
        t.help_key = Style::default()
            .fg(Color::Blue)
            .add_modifier(Modifier::BOLD);
        t
    }

    fn set_label_color(&mut self, name: &str, color: Color) {
        match name {
            "person" => self.per = self.per.fg(color),
            "organisation" => self.org = self.org.fg(color),
            "place" => self.loc = self.loc.fg(color),
            "date" => self.date = self.date.fg(color),
            _ => {}
        }
    }

    /// How mentions of a label are drawn.
    pub fn label(&self, label: liseuse_entity::Label) -> Style {
        use liseuse_entity::Label;
        match label {
            Label::Per => self.per,
            Label::Org => self.org,
            Label::Loc => self.loc,
            Label::Date => self.date,
        }
    }
}
