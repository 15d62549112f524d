//! The roles the text gives a person, so that « le ministre » later is that person: a role right before the name
//! (« le président Barack Obama »), after it (« Christian Jacob, président du groupe UMP »), or in apposition
//! before it (« Le ministre de l'Intérieur, Jean Dupont, »); a bare role given to no one, the person the last
//! subjects are (« Christophe Castaner est arrivé … Le ministre a déclaré »).

use super::super::lexicon::W;
use super::super::para::Para;
use super::{Discourse, Spk};

impl<'a> Discourse<'a> {
    /// The person named that the last subjects (within three sentences) are: what a bare role (« le ministre »,
    /// "the chancellor") given to no one stands for, when its gender (`fem`) does not rule it out.
    pub(super) fn subject_for_role(&self, fem: Option<bool>, g: u64) -> Option<Spk> {
        let about = |x: &Option<(Spk, u64)>| {
            x.as_ref()
                .filter(|(s, at)| {
                    s.person
                        && s.entity.is_some()
                        && !s.nobody
                        && !s.plural
                        && g.saturating_sub(*at) <= 3
                        && (fem.is_none() || s.fem.is_none() || s.fem == fem)
                })
                .map(|(s, _)| s.clone())
        };
        about(&self.last_subject).or_else(|| about(&self.prev_subject))
    }

    /// Roles given to a person: « le président Barack Obama », « Christian Jacob, président du groupe UMP ».
    pub(super) fn learn_roles(&mut self, p: &Para, first: usize, end: usize, spk: &Spk) {
        let floor = p.sent_start(first);
        for j in (floor..first).rev().take(4) {
            if p.is(j, W::ROLE_PER) {
                self.learn_role(p, j, spk);
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
                self.learn_role(p, r, spk);
            }
        }
        if p.punct(end) == ',' {
            for j in end + 1..(end + 3).min(p.toks.len()) {
                if p.is(j, W::ROLE_PER) {
                    self.learn_role(p, j, spk);
                    break;
                }
            }
        }
    }

    /// The role at token `r` given to `spk`, and the body it is a role of (« président de la SNCF »), so that
    /// another role of that body (« le PDG de la SNCF ») is that person too.
    fn learn_role(&mut self, p: &Para, r: usize, spk: &Spk) {
        if let Some(k) = role_key(p, r) {
            self.roles.insert(k, spk.clone());
        }
        if let Some(local) = role_body(p, r) {
            self.role_bodies.insert(local, spk.clone());
        }
    }
}

/// The organisation a role at token `r` is of: « de », « du », « of » and at most a determiner, then its name.
pub(super) fn role_body(p: &Para, r: usize) -> Option<u32> {
    if !p.is_of(r + 1) {
        return None;
    }
    let k = if p.is(r + 2, W::DET) || p.punct(r + 2) == '\'' {
        r + 3
    } else {
        r + 2
    };
    let m = p
        .per_org(k)
        .filter(|&m| p.mention_label(m) == Some(crate::Label::Org))?;
    p.doc.mentions.get(m as usize).map(|x| x.local())
}

/// A role word's packed key, its capitals lower-cased (« Président » is « président »), the key of no map
/// allocated per word; none for a word of more than 15 bytes, which has no key.
pub(super) fn role_key(p: &Para, r: usize) -> Option<u128> {
    let key = p.tok(r).map_or(0, |t| t.key);
    (key != 0).then(|| super::super::word::latin1_lower(key).unwrap_or(key))
}

/// Whether the role word at `h` was written before it in its paragraph, within three sentences: a role met
/// already is someone else than the one the sentences are about (« Après avoir rencontré le ministre, Jean
/// Dupont est parti. « … », a déclaré le ministre »).
pub(super) fn role_written_before(p: &Para, h: usize) -> bool {
    let key = role_key(p, h);
    let from = p
        .sent_starts
        .get((p.sent_of(h) as usize).saturating_sub(3))
        .copied()
        .unwrap_or(0);
    (from..h).any(|j| p.is(j, W::ROLE_PER) && role_key(p, j) == key)
}
