//! A phrase read from its first word: its extent and its head (an entity, a role, a body, a description, a
//! statement, a pronoun).

use super::super::lexicon::W;
use super::super::para::{NONE, Para};
use super::{Head, Np};
use crate::Label;

impl<'a> Para<'a> {
    /// Classifies the phrase `first..end`.
    pub fn np_from(&self, first: usize, end: usize) -> Option<Np> {
        if end <= first {
            return None;
        }
        let last = end - 1;
        let t = self.tok(first)?;
        if first == last && t.is(W::PRON_SING | W::PRON_PLUR) {
            let plural = t.is(W::PRON_PLUR);
            return Some(Np {
                first,
                last,
                head: Head::Pronoun { plural },
                head_tok: first,
                inner: None,
                plural,
            });
        }
        // « ces derniers », « ces dernières »: the latter, a plural pronoun (the last group or body named as a
        // subject), not a description of its own
        if last == first + 1
            && self.is_word(first, word!("ces"))
            && self.any(last, words!["derniers", "dernières"])
        {
            return Some(Np {
                first,
                last,
                head: Head::Pronoun { plural: true },
                head_tok: last,
                inner: None,
                plural: true,
            });
        }
        // the head: the first noun of the phrase, before any complement
        let mut head_tok = None;
        let mut in_complement = false;
        let mut inner = None;
        let mut entity = None;
        let mut k = first;
        while k <= last {
            // an English possessive (« Apple's website », « the report's authors »): the possessor is a
            // complement, the head is what follows
            if self.possessive(k) && k > first {
                if let Some((m, _)) = entity.take() {
                    inner = inner.or(Some(m));
                }
                head_tok = None;
                in_complement = false;
                k += 1;
                continue;
            }
            if self.per_org(k).is_none() && self.is_of(k) {
                if head_tok.is_some() || entity.is_some() {
                    in_complement = true;
                }
                k += 1;
                continue;
            }
            if let Some(m) = self.per_org(k) {
                // a complement is introduced by « de » (« du Hamas », « de la CGT »); a name right after a
                // role is the person (« le ministre … des Affaires étrangères Hossein Amir Abdollahian »)
                let of = k.checked_sub(1).filter(|&p| p >= first).is_some_and(|p| {
                    self.is_of(p) || (self.is(p, W::DET) && p > first && self.is_of(p - 1))
                }) || (head_tok.is_some() && self.is_of(k));
                in_complement = of;
                // « [University … Association] president Sehar Memon »: an organisation before a role is the
                // role's complement; the person named after the role is the head
                let role_named = head_tok.is_some_and(|h| self.is(h, W::ROLE_PER))
                    && self.mention_label(m) == Some(Label::Per)
                    && entity.is_some_and(|(e, _)| self.mention_label(e) == Some(Label::Org));
                // "Throgs Neck resident Jane Doe": the person named after a classifying noun is the head
                let classified = !of && self.classified_person(k, first);
                if (role_named || classified) && !of {
                    inner = entity.map(|(e, _)| e).or(inner);
                    entity = Some((m, k));
                } else if in_complement
                    || (head_tok.is_some() && !self.head_takes_name(head_tok, m))
                {
                    inner = inner.or(Some(m));
                } else if entity.is_none() {
                    entity = Some((m, k));
                }
                k = self.mention_end(k);
                continue;
            }
            if head_tok.is_none()
                && !in_complement
                && self.nominal(k)
                && self.w(k) & W::DET == 0
                && (self.is(k, W::ROLE_PER | W::ROLE_ORG | W::DESC | W::NOUN)
                    || !self.adjective_like(k))
            {
                head_tok = Some(k);
            }
            k += 1;
        }
        // « un chiraquien », « une socialiste », "the injured": an adjective after a determiner, alone, is the
        // noun of the phrase
        if head_tok.is_none()
            && entity.is_none()
            && last == first + 1
            && self.w(first) & W::DET != 0
            && self.nominal(last)
            && self.w(last) & W::DET == 0
        {
            head_tok = Some(last);
        }
        let plural_word = |i: usize| {
            let s = self.s(i);
            s.ends_with('s') || s.ends_with('x')
        };
        // no person nor organisation: a name the tagger took for a place, standing alone as the phrase's head
        // (« Castaner a comptabilisé »)
        let entity = entity.or_else(|| {
            let h = head_tok?;
            let m = self.tok(h).filter(|t| t.ment != NONE)?.ment;
            let alone = (first..=last).all(|j| {
                self.tok(j)
                    .is_some_and(|t| t.ment == m || self.is(j, W::ROLE_PER | W::DET))
            });
            (alone
                && self.mention_label(m) == Some(Label::Loc)
                && self.s(h).chars().all(|c| !c.is_numeric()))
            .then_some((m, h))
        });
        // a phrase ending on a domain name the tagger did not name is a website, a body (« le site
        // radars-auto.com »)
        if entity.is_none() && last > first + 1 && self.domain_dot(last - 1) {
            return Some(Np {
                first,
                last,
                head: Head::RoleOrg,
                head_tok: last - 2,
                inner,
                plural: false,
            });
        }
        // "One relative", « la professionnelle »: a word read as an adjective with nothing after it but a
        // complement is the phrase's noun
        let head_tok = head_tok.or_else(|| {
            (first..=last)
                .take_while(|&j| !self.is_of(j) && self.per_org(j).is_none())
                .filter(|&j| self.nominal(j) && self.w(j) & W::DET == 0 && self.adjective_like(j))
                .last()
        });
        let (head, head_tok) = match (entity, head_tok) {
            (Some((m, k)), _) => (Head::Entity(m), k),
            (None, Some(h)) => {
                let w = self.w(h) | self.acronym_role(h);
                let head = if w & W::NOUN != 0 && w & (W::DESC | W::ROLE_PER) == 0 {
                    Head::Statement
                } else if w & W::DESC != 0 && (plural_word(h) || w & W::ROLE_PER == 0) {
                    Head::Desc
                } else if w & W::ROLE_PER != 0 {
                    Head::RolePer
                } else if w & W::ROLE_ORG != 0 {
                    Head::RoleOrg
                } else if w & W::DESC != 0 {
                    Head::Desc
                } else {
                    Head::Other
                };
                (head, h)
            }
            (None, None) => return None,
        };
        // capitalised words that no list knows and no mention covers: a name the tagger missed
        let head = if head == Head::Other
            && (first..=last).all(|j| {
                self.tok(j).is_some_and(|t| !t.is_word() || (t.cap() && t.ment == NONE && !t.is(W::FUNCTION)))
                    || self.is(j, W::ROLE_PER)
                    // a particle between two of its capitalised words (« Laurence des Cars », "Ludwig van Beethoven")
                    || (j > first && j < last && self.name_particle(j))
            })
            // a name has a capitalised word (« 29 ans » is an age, no one)
            && (first..=last).any(|j| {
                self.tok(j).is_some_and(|t| t.cap() && !t.is(W::ROLE_PER))
                    && self.s(j).chars().next().is_some_and(char::is_alphabetic)
            })
            // a lone capitalised word opening a sentence is most often no name (« Why », « Matignon » aside)
            && ((first..=last).filter(|&j| self.tok(j).is_some_and(|t| t.cap())).count() >= 2
                || self.tok(first).is_some_and(|t| t.flags & crate::text::token::SENT == 0))
        {
            Head::Name
        } else {
            head
        };
        let plural = match head {
            Head::Entity(_) => false,
            _ => {
                plural_word(head_tok)
                    || self.any(
                        first,
                        words![
                            "les",
                            "des",
                            "certains",
                            "certaines",
                            "plusieurs",
                            "nombreux",
                            "de",
                        ],
                    )
            }
        };
        Some(Np {
            first,
            last,
            head,
            head_tok,
            inner,
            plural,
        })
    }

    /// A lower-case particle of a person's name (« de », « des », « du », "van", "von", "bin"…).
    fn name_particle(&self, j: usize) -> bool {
        self.tok(j)
            .is_some_and(|t| t.is_word() && !t.cap() && t.ment == NONE)
            && self.any(
                j,
                words![
                    "de", "des", "du", "da", "di", "van", "von", "der", "den", "bin", "ibn", "al",
                    "dos"
                ],
            )
    }

    /// A person's role written in capitals (« le PDG »): an acronym is none of the lists' words when the
    /// paragraph is read, so it is looked up here, for a phrase's head only.
    pub(super) fn acronym_role(&self, i: usize) -> u32 {
        self.tok(i)
            .filter(|t| {
                t.flags & crate::text::token::UPPER != 0 && (2..=4).contains(&(t.end - t.start))
            })
            .map_or(0, |t| self.lex.get_packed(t.key) & W::ROLE_PER)
    }

    /// A role word right before a name makes the name the head (« le président Barack Obama », « l'agence
    /// Fars »), a person's role a person's name only (« ex-députée UMP » is a role); a description's or a
    /// statement's complement does not (« un responsable du Hamas »).
    pub(super) fn head_takes_name(&self, head: Option<usize>, m: u32) -> bool {
        let Some(h) = head else { return false };
        let label = self.mention_label(m);
        if self.is(h, W::ROLE_PER) {
            return label == Some(Label::Per);
        }
        if self.is(h, W::ROLE_ORG) {
            return label == Some(Label::Org);
        }
        !self.is(h, W::DESC | W::NOUN)
    }

    /// A French adjective or an English one, by its ending (« iranien », « nationale », « américains »).
    pub(super) fn adjective_like(&self, i: usize) -> bool {
        let s = self.s(i);
        if self.tok(i).is_some_and(|t| t.cap()) {
            return false;
        }
        const FR: &[&str] = &[
            "ien", "ienne", "iens", "iennes", "ais", "aise", "aises", "ain", "aine", "ains",
            "aines", "al", "ale", "aux", "ales", "ique", "iques", "if", "ive", "ifs", "ives",
            "eux", "euse", "euses", "el", "elle", "els", "elles", "é", "ée", "és", "ées", "ant",
            "ante", "ants", "antes", "ent", "ente", "ier", "ière", "ancien", "nombreux",
            "certains",
        ];
        const EN: &[&str] = &[
            "al", "ic", "ous", "ive", "ish", "ian", "ese", "ed", "ful", "less", "able",
        ];
        let list = match self.lang() {
            super::super::lexicon::Lang::Fr => FR,
            super::super::lexicon::Lang::En => EN,
        };
        // the last byte compared first: most endings differ there, and no call compares the rest
        let b = s.as_bytes();
        list.iter()
            .any(|e| b.last() == e.as_bytes().last() && b.ends_with(e.as_bytes()))
            || self.any(
                i,
                words!["ancien", "ancienne", "anciens", "former", "other"],
            )
    }

    /// Whether « et » / "and" at `and` joins the words `k..=last` (three at most, no name, no determiner: « et
    /// concours », "and Human Services") to the name of a body with a complement that ends right before it
    /// (« Direction des examens », "Department of Health"): one name the tagger cut (not « le Hamas et ses
    /// alliés », not « l'ONU et Washington », not "Apple and partners").
    pub(super) fn cut_at_and(&self, and: usize, k: usize, last: usize) -> bool {
        last < k + 3
            && self.any(and, words!["et", "and"])
            && self
                .per_org(and - 1)
                .is_some_and(|m| self.mention_label(m) == Some(Label::Org))
            && (self.mention_start(and - 1)..and).any(|j| self.is_of(j))
            && (k..=last).all(|j| {
                self.tok(j)
                    .is_some_and(|t| t.is_word() && t.ment == NONE && t.w & W::DET == 0)
            })
    }
}
