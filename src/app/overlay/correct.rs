//! Correcting the entity engine (`x`), for the entity in the sidebar's cursor, the selected
//! one, or the first named on the reader's line: not an entity (`d`), of another type (`p`,
//! `o`, `l`, `t`), its name (`r`, then type it), the same as another (`m`, then pick it), two
//! entities (`s`, then pick the way of writing that stands apart), and the corrections made
//! (`c`), the newest undone with `u`. Saved in the data dir and applied to every article at once
//! and at every start.

use super::super::input::{Input, Purpose};
use super::super::{App, Effect, Focus};
use super::Overlay;
use crate::keys::keymap::{Key, KeyCode};
use liseuse_document::search::fold_str;
use liseuse_entity::{EntityId, Label};
use liseuse_library::corrections::{self, Correction};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Menu,
    /// Picking the entity it is the same as, by typing part of its name.
    Merge {
        filter: String,
        rows: Vec<EntityId>,
        selected: usize,
    },
    /// Picking the way of writing that is an entity of its own.
    Split {
        selected: usize,
    },
    /// The corrections made, newest last.
    List {
        selected: usize,
    },
}

#[derive(Debug, Clone)]
pub struct CorrectView {
    pub id: Option<EntityId>,
    pub name: String,
    pub label: Label,
    pub variants: Vec<String>,
    pub mode: Mode,
}

/// Most entities listed while picking one to merge with.
const MAX_ROWS: usize = 200;

impl App {
    /// A new index numbers the entities anew: the entity corrected and those offered to merge
    /// with are found again by their keys (a merge picked then named whichever entity got the
    /// old number, and was kept for good).
    pub(crate) fn refresh_correct(&mut self, old: &liseuse_entity::EntityIndex) {
        let Some(Overlay::Correct(v)) = &self.overlay else {
            return;
        };
        let rows = match &v.mode {
            Mode::Merge { rows, .. } => rows.as_slice(),
            _ => &[],
        };
        let ids = v.id.into_iter().chain(rows.iter().copied());
        let map = super::super::entities::renumbered(old, &self.entities.index, ids);
        let again = |id: EntityId| map.get(&id).copied();
        let id = v.id.and_then(again);
        let mode = match &v.mode {
            Mode::Merge {
                filter,
                rows,
                selected,
            } => {
                let was = rows.get(*selected).copied().and_then(again);
                let rows: Vec<EntityId> = rows.iter().filter_map(|&r| again(r)).collect();
                let selected = was
                    .and_then(|w| rows.iter().position(|&r| r == w))
                    .unwrap_or(0);
                Mode::Merge {
                    filter: filter.clone(),
                    rows,
                    selected,
                }
            }
            m => m.clone(),
        };
        if v.id.is_some() && id.is_none() {
            self.overlay = None;
        } else if let Some(Overlay::Correct(v)) = &mut self.overlay {
            v.id = id;
            v.mode = mode;
        }
    }

    /// `x`: the correction menu for the entity at hand, or the list of corrections.
    pub(crate) fn open_correct(&mut self) {
        let id = match self.focus {
            Focus::Sidebar => self.entities.cursor_entity(),
            _ => None,
        }
        .or(self.entities.selected)
        .or_else(|| self.entity_on_cursor_line());
        let ent = id.and_then(|id| self.entities.index.entity(id));
        self.overlay = Some(Overlay::Correct(match ent {
            Some(e) => CorrectView {
                id: Some(e.id),
                name: e.name().to_string(),
                label: e.label,
                variants: e.variants().map(str::to_string).collect(),
                mode: Mode::Menu,
            },
            None => CorrectView {
                id: None,
                name: String::new(),
                label: Label::Per,
                variants: Vec::new(),
                mode: Mode::List { selected: 0 },
            },
        }));
    }

    /// The first entity named on the cursor's line, of those listed if one is: one the engine
    /// is unsure of is highlighted, and can be corrected too.
    fn entity_on_cursor_line(&self) -> Option<EntityId> {
        let (r, doc) = (self.reader()?, self.reading.open?);
        let line = r.line_range(r.cursor)?;
        let on_line: Vec<EntityId> = self
            .entities
            .doc_mentions(doc)
            .iter()
            .filter(|m| m.range().start < line.end && m.range().end > line.start)
            .map(|m| m.entity())
            .collect();
        on_line
            .iter()
            .find(|id| self.entities.is_shown(**id))
            .or(on_line.first())
            .copied()
    }

    /// The prompt's name, for the entity `id` shown as `name`: kept as a correction, unless it
    /// is empty, the same, or another entity's (two would answer to it: `m` merges them).
    pub(crate) fn rename_entity(
        &mut self,
        id: EntityId,
        name: &str,
        to: &str,
        fx: &mut Vec<Effect>,
    ) {
        let to = to.trim();
        if to.is_empty() || to == name {
            self.status.say(format!("“{name}” keeps its name"));
            return;
        }
        if let Some(other) = corrections::rename_conflict(&self.entities.index, id, to) {
            let kind = super::super::entities::EntityState::heading(other.label).to_lowercase();
            self.status.say(format!(
                "not renamed: “{to}” is already the name of “{}” ({kind}); x then m merges the two",
                other.name()
            ));
            return;
        }
        fx.push(Effect::Correct(Correction::Rename {
            name: name.to_string(),
            to: to.to_string(),
        }));
    }

    /// The entities one of whose names (its name or any way it is written: « Hamas » finds
    /// the « Mouvement de la Résistance islamique ») holds `filter`, case and accents aside,
    /// most mentioned first.
    fn merge_rows(&self, of: Option<EntityId>, filter: &str) -> Vec<EntityId> {
        let needle = fold_str(filter);
        let named = |e: &liseuse_entity::Entity| {
            std::iter::once(e.name())
                .chain(e.variants())
                .any(|n| fold_str(n).contains(&needle))
        };
        let mut rows: Vec<&liseuse_entity::Entity> = self
            .entities
            .index
            .entities()
            .iter()
            .filter(|e| Some(e.id) != of && e.shown(self.entities.min_confidence))
            .filter(|e| needle.is_empty() || named(e))
            .collect();
        rows.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
        rows.into_iter().take(MAX_ROWS).map(|e| e.id).collect()
    }

    /// Keys while the correction overlay is open: letters are its choices, and type the name
    /// of the entity to merge with.
    pub(crate) fn correct_key(&mut self, key: Key, fx: &mut Vec<Effect>) {
        let Some(Overlay::Correct(v)) = &self.overlay else {
            return;
        };
        let v = v.clone();
        let mut done = |app: &mut App, c: Correction| {
            app.overlay = None;
            fx.push(Effect::Correct(c));
        };
        let down = matches!(key.code, KeyCode::Down)
            || (key.code == KeyCode::Char('j') && !matches!(v.mode, Mode::Merge { .. }));
        let up = matches!(key.code, KeyCode::Up)
            || (key.code == KeyCode::Char('k') && !matches!(v.mode, Mode::Merge { .. }));
        let step = |sel: usize, n: usize| -> usize {
            if down {
                (sel + 1).min(n.saturating_sub(1))
            } else if up {
                sel.saturating_sub(1)
            } else {
                sel
            }
        };
        let name = v.name.clone();
        let next = match (&v.mode, key.code) {
            (_, KeyCode::Esc) if v.mode != Mode::Menu && v.id.is_some() => Some(Mode::Menu),
            (_, KeyCode::Esc) => {
                self.overlay = None;
                None
            }
            (Mode::Menu, KeyCode::Char(c)) => match c {
                'd' => {
                    done(self, Correction::Drop { name });
                    None
                }
                'p' | 'o' | 'l' | 't' => {
                    let label = match c {
                        'p' => Label::Per,
                        'o' => Label::Org,
                        'l' => Label::Loc,
                        _ => Label::Date,
                    };
                    done(self, Correction::Label { name, label });
                    None
                }
                'r' => {
                    if let Some(id) = v.id {
                        // Typed in the prompt, starting from the name it has.
                        self.overlay = None;
                        let purpose = Purpose::Rename {
                            id,
                            name: name.clone(),
                        };
                        self.input = Some(Input::new(purpose, &name));
                    }
                    None
                }
                'm' => Some(Mode::Merge {
                    filter: String::new(),
                    rows: self.merge_rows(v.id, ""),
                    selected: 0,
                }),
                's' if v.variants.len() > 1 => Some(Mode::Split { selected: 0 }),
                's' => {
                    self.status
                        .say("written one way only: nothing to split (m merges)");
                    None
                }
                'c' => Some(Mode::List { selected: 0 }),
                'u' => {
                    self.overlay = None;
                    fx.push(Effect::UndoCorrection);
                    None
                }
                _ => None,
            },
            (
                Mode::Merge {
                    filter,
                    rows,
                    selected,
                },
                code,
            ) => match code {
                KeyCode::Enter => {
                    // “A” is the same as the one picked: the one picked keeps its name, as
                    // the window's title says.
                    let kept = rows
                        .get(*selected)
                        .and_then(|id| self.entities.index.entity(*id))
                        .map(|e| e.name().to_string());
                    if let Some(kept) = kept {
                        done(
                            self,
                            Correction::Merge {
                                name: kept,
                                with: name,
                            },
                        );
                    }
                    None
                }
                KeyCode::Char(ch) if !key.ctrl && !ch.is_control() => {
                    let filter = format!("{filter}{ch}");
                    Some(Mode::Merge {
                        rows: self.merge_rows(v.id, &filter),
                        filter,
                        selected: 0,
                    })
                }
                KeyCode::Backspace => {
                    let mut filter = filter.clone();
                    filter.pop();
                    Some(Mode::Merge {
                        rows: self.merge_rows(v.id, &filter),
                        filter,
                        selected: 0,
                    })
                }
                _ => Some(Mode::Merge {
                    filter: filter.clone(),
                    rows: rows.clone(),
                    selected: step(*selected, rows.len()),
                }),
            },
            (Mode::Split { selected }, KeyCode::Enter) => {
                if let Some(written) = v.variants.get(*selected).cloned() {
                    done(self, Correction::Split { name: written });
                }
                None
            }
            (Mode::Split { selected }, _) => Some(Mode::Split {
                selected: step(*selected, v.variants.len()),
            }),
            (Mode::List { .. }, KeyCode::Char('u')) => {
                self.overlay = None;
                fx.push(Effect::UndoCorrection);
                None
            }
            (Mode::List { selected }, _) => Some(Mode::List {
                selected: step(*selected, self.entities.corrections.len()),
            }),
            (Mode::Menu, _) => None,
        };
        if let (Some(mode), Some(Overlay::Correct(v))) = (next, &mut self.overlay) {
            v.mode = mode;
        }
    }
}
