//! The subject before a comma: the phrases set off by commas before a verb (appositions, an age, an incise),
//! and which of them names who speaks (« le général Hossein Salami, commandant des Gardiens de la révolution, a
//! déclaré », « al-Amr, in remarks to al-Ikhbariya television, said »).

use super::super::lexicon::W;
use super::super::np::{Head, Np};
use super::super::para::Para;
use super::Ref;

impl<'a> Para<'a> {
    /// The subject before a comma at `comma`: among the comma-separated phrases before it (appositions, a
    /// relative clause), the nearest one naming a person, else an organisation, else the first phrase of the
    /// chain (« De nombreux habitants, témoins de la scène, ont déclaré »).
    pub(super) fn apposition_chain(&self, comma: usize, floor: usize) -> Option<Ref> {
        let mut end = comma.checked_sub(1)?;
        let mut leftmost: Option<Np> = None;
        // an organisation a phrase opens with (« Hamas, le mouvement islamiste, ») is the subject; one its
        // complement names (« …, 5 000 000 d'abonnés sur [Twitter], ») only when the chain names no one else
        let mut org: Option<Np> = None;
        let mut org_inside: Option<Np> = None;
        let mut name: Option<Np> = None;
        for _ in 0..4 {
            if end < floor {
                break;
            }
            // back to the comma before, a quotation counting as one word
            let mut s = end;
            let mut words = 0;
            while s > floor && words < 30 && !matches!(self.punct(s - 1), ',' | ':' | ';') {
                s -= 1;
                if let Some(q) = self.quote_at(s) {
                    s = self.quotes.get(q).map_or(s, |x| x.open).max(floor);
                }
                words += 1;
            }
            // « Ce dernier, accusant …, a affirmé »
            if end == s + 1
                && self.any(end, words!["dernier", "dernière", "latter"])
                && self.any(s, words!["ce", "cette", "the"])
            {
                return Some(Ref::Latter(s));
            }
            // an age: « Jean Dupont, 45 ans, », "John Smith, 45, "
            let age = self
                .tok(s)
                .is_some_and(|t| t.flags & crate::text::token::DIGIT != 0)
                && (end == s || self.any(s + 1, words!["ans", "an", "years", "year"]));
            // an incise opened by a preposition between the subject and its verb (« al-Amr, in remarks to
            // al-Ikhbariya television, said ») names no subject: the chain goes on before it; once a subject is
            // found, such a phrase is fronted (« À Limoges, un vigile de 35 ans, a été … »)
            let prep = self.is(s, W::PREP) && !self.is_of(s) && !self.is(s, W::CONJ);
            // so does one of adverbs and pronouns alone, which stands for the subject or qualifies it (« Marie
            // Dubois, quant à elle, affirme », « X, lui aussi, a dit », « X, toutefois, a ajouté »)
            let bare = (s..=end)
                .all(|j| self.skippable(j) || self.is(j, W::PREP | W::PRON_SING | W::PRON_PLUR));
            let incise = (prep || bare)
                && s > floor
                && self.punct(s - 1) == ','
                && leftmost.is_none()
                && org.is_none()
                && org_inside.is_none()
                && name.is_none();
            // nor does a fronted one (« À Limoges, »), nor a participle's or a relative clause's objects
            // (« Ce dernier, accusant Soros d'avoir …, a affirmé », « X, qui dirige la CGT, »)
            let participle = self.tok(s).is_some_and(|t| t.is_word() && !t.cap())
                && !self.is(s, W::ROLE_PER | W::ROLE_ORG | W::NOUN | W::DESC)
                && {
                    let w = self.s(s);
                    w.len() > 5 && (w.ends_with("ant") || w.ends_with("ing"))
                };
            let clause = participle
                || self.verb_group(s).is_some_and(|g| g.implicit)
                || self.any(s, words!["qui", "who", "which", "dont"]);
            let named = !prep && !age && !clause;
            let head = self.np_starting(s, end + 1).filter(|_| named);
            let tail = self.np_ending(end, s).filter(|_| named);
            for (k, np) in [head, tail].into_iter().enumerate() {
                let Some(np) = np else { continue };
                match np.head {
                    Head::Entity(m) => match self.mention_label(m) {
                        Some(crate::Label::Per) => return Some(Ref::Np(np)),
                        // an age or a date in apposition (« du dernier, 29 ans , ») is no one
                        Some(crate::Label::Date) | None => {}
                        _ if k == 0 || np.first == s => org = org.or(Some(np)),
                        _ => org_inside = org_inside.or(Some(np)),
                    },
                    // a name the tagger missed, unless a person it did name stands further left (« Cynthia
                    // Thompson, curator … at the University of Arkansas, Fayetteville, said »)
                    Head::Name => name = name.or(Some(np)),
                    _ => {}
                }
            }
            let relative = (s..=end).any(|j| {
                self.any(
                    j,
                    words!["qui", "who", "which", "dont", "laquelle", "lequel"],
                )
            });
            // an apposition: « de la CGT », « qui … », « and Chairman of … », « accusant Soros de … »
            // (« De nombreux habitants » opens a phrase, « de la CGT » is a complement)
            let appositive = relative
                || age
                || (self.is_of(s)
                    && !self.any(s + 1, words!["nombreux", "nombreuses", "multiples"]))
                || self.is(s, W::CONJ)
                || self.verb_group(s).is_some_and(|g| g.implicit);
            // a fronted phrase ends the chain: « Pour sa part, », « Plus tard, », « Sur Twitter, »
            let fronted = !appositive
                && !incise
                && (self.is(s, W::PREP | W::ADVERB | W::CONNECTIVE | W::SUB)
                    || self.verb_group(s).is_some()
                    || self.is(s, W::AUX));
            if appositive {
            } else if let Some(np) =
                head.filter(|np| np.last == end || tail.is_some_and(|t| t.first == np.first))
            {
                leftmost = Some(np);
            } else if fronted {
                break;
            }
            if s > floor && self.punct(s - 1) == ',' {
                end = s - 2;
            } else {
                break;
            }
        }
        name.or(org)
            .or(leftmost.filter(|np| np.head != Head::Other))
            .or(org_inside)
            .or(leftmost)
            .map(Ref::Np)
    }
}
