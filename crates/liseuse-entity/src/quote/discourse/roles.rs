//! The roles the text gives a person, so that « le ministre » later is that person: a role right before the name
//! (« le président Barack Obama »), after it (« Christian Jacob, président du groupe UMP »), or in apposition
//! before it (« Le ministre de l'Intérieur, Jean Dupont, »).

use super::super::lexicon::W;
use super::super::para::Para;
use super::{Discourse, Spk};
use crate::text::fold::fold;

impl<'a> Discourse<'a> {
    /// Roles given to a person: « le président Barack Obama », « Christian Jacob, président du groupe UMP ».
    pub(super) fn learn_roles(&mut self, p: &Para, first: usize, end: usize, spk: &Spk) {
        let floor = p.sent_start(first);
        for j in (floor..first).rev().take(4) {
            if p.is(j, W::ROLE_PER) {
                self.roles.insert(fold(p.s(j)), spk.clone());
            } else if !(p.nominal(j) || p.is(j, W::DET) || p.is_of(j)) {
                break;
            }
        }
        // a role in apposition before the name, its phrase opening the sentence or a comma's: « Le ministre de
        // l'Intérieur, Jean Dupont, », "The Kremlin's spokesman, Dmitry Peskov," (not « Après avoir rencontré le
        // ministre, Jean Dupont a … », whose role is someone else's)
        if first > floor + 1 && p.punct(first - 1) == ',' {
            let comma = first - 1;
            let mut role = None;
            let mut j = comma;
            while j > floor && comma - j < 9 {
                j -= 1;
                if p.is(j, W::ROLE_PER) {
                    role = Some(j);
                } else if !(p.nominal(j) || p.is(j, W::DET) || p.is_of(j) || p.punct(j) == '\'') {
                    j += 1;
                    break;
                }
            }
            let opens =
                j == floor || matches!(p.punct(j - 1), ',' | ':' | ';' | '(' | '-' | '—' | '–');
            if let Some(r) = role.filter(|_| opens && p.is(j, W::DET)) {
                self.roles.insert(fold(p.s(r)), spk.clone());
            }
        }
        if p.punct(end) == ',' {
            for j in end + 1..(end + 3).min(p.toks.len()) {
                if p.is(j, W::ROLE_PER) {
                    self.roles.insert(fold(p.s(j)), spk.clone());
                    break;
                }
            }
        }
    }
}
