//! The maps a document's discourse fills (roles given, bodies of roles, names, genders), kept per thread from one
//! document to the next: taken when a document's discourse starts, given back cleared (their room kept) when it
//! ends. Made and grown anew for each article, they cost a hundredth of the stage.

use super::{Discourse, Spk};
use crate::text::fold::FxMap;
use std::rc::Rc;

/// The maps of a document's discourse, kept per thread from one document to the next (cleared, their room
/// kept): made and grown anew for each article, they cost a hundredth of the stage.
#[derive(Default)]
pub(super) struct Maps {
    pub(super) roles: FxMap<u128, Spk>,
    pub(super) role_bodies: FxMap<u32, Spk>,
    pub(super) names: FxMap<u32, Rc<str>>,
    pub(super) genders: FxMap<u32, Option<bool>>,
}

thread_local! {
    static MAPS: std::cell::RefCell<Maps> = std::cell::RefCell::new(Maps::default());
}

impl Drop for Discourse<'_> {
    fn drop(&mut self) {
        let mut maps = Maps {
            roles: std::mem::take(&mut self.roles),
            role_bodies: std::mem::take(&mut self.role_bodies),
            names: std::mem::take(&mut self.names),
            genders: std::mem::take(&mut self.genders),
        };
        maps.roles.clear();
        maps.role_bodies.clear();
        maps.names.clear();
        maps.genders.clear();
        let _ = MAPS.try_with(|m| {
            if let Ok(mut m) = m.try_borrow_mut() {
                *m = maps;
            }
        });
    }
}

/// The thread's maps, empty, for a new document's discourse (new ones if they are in use).
pub(super) fn take() -> Maps {
    MAPS.try_with(|m| {
        m.try_borrow_mut()
            .map(|mut m| std::mem::take(&mut *m))
            .unwrap_or_default()
    })
    .unwrap_or_default()
}
