//! Keys and what they do: every [`action::Action`] with its config name, help line and the
//! contexts it applies in, and the [`keymap::Keymap`] from a key to an action in each context
//! (defaults as a data table, changed by `config.toml`). No terminal here: `runtime::term`
//! turns crossterm's keys into [`keymap::Key`]s.

pub mod action;
pub mod keymap;
pub mod preset;
