//! `:` commands, for those whose fingers know less and vim: `:n` and `:p` move to the next and
//! previous article, `:q` quits, `:NUMBER` goes to that line, `:help` shows the keys.

use super::overlay::{HelpView, Overlay};
use super::{App, Effect, Focus};

impl App {
    pub(super) fn run_command(&mut self, text: &str, fx: &mut Vec<Effect>) {
        let cmd = text.trim();
        match cmd {
            "" => {}
            "n" | "next" | "bn" => self.step_article(true, 1, fx),
            "p" | "N" | "prev" | "previous" | "bp" => self.step_article(false, 1, fx),
            "q" | "quit" | "q!" | "x" | "wq" => self.quit(fx),
            "h" | "help" => self.overlay = Some(Overlay::Help(HelpView::default())),
            _ => match cmd.parse::<usize>() {
                Ok(n) => {
                    if let Some(r) = &mut self.reading.reader {
                        r.goto_line(n);
                        self.focus = Focus::Reader;
                    }
                }
                Err(_) => self.status.say(format!(
                    ":{}: not a command (:n, :p, :q, :NUMBER, :help)",
                    liseuse_document::sanitize::display(cmd)
                )),
            },
        }
    }
}
