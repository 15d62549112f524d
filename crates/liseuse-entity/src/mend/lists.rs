//! The word lists of the rules of `mend/`, each sorted in byte order: they are searched by halves.

/// Titles English capitalises before a name, none of it (French writes its own in lower case, so that a
/// capitalised one there is a name's: « Capitaine Flam »). Royals are left alone (« Prince Rogers Nelson »).
pub const ENGLISH_TITLES: &[&str] = &[
    // sorted (byte order), searched by halves
    "Administrator",
    "Admiral",
    "Ambassador",
    "Attorney",
    "Captain",
    "Chancellor",
    "Colonel",
    "Commissioner",
    "Congressman",
    "Congresswoman",
    "Constable",
    "Dame",
    "Deputy",
    "Detective",
    "Director",
    "Doctor",
    "Dr",
    "Excellency",
    "Father",
    "General",
    "Gov",
    "Governor",
    "Highness",
    "Holiness",
    "Inspector",
    "Judge",
    "Justice",
    "Lady",
    "Lieutenant",
    "Lord",
    "Madam",
    "Majesty",
    "Major",
    "Master",
    "Mayor",
    "Minister",
    "Miss",
    "Mister",
    "Mr",
    "Mrs",
    "Ms",
    "Mx",
    "Officer",
    "President",
    "Prime",
    "Prof",
    "Professor",
    "Rep",
    "Representative",
    "Rev",
    "Reverend",
    "Secretary",
    "Sen",
    "Senator",
    "Sergeant",
    "Sheriff",
    "Sir",
    "Spokesman",
    "Spokeswoman",
    "Superintendent",
    "Vice",
];

/// Words that make a title of a title (« Grand Master », « Chief Inspector »): no name by themselves either.
pub(super) const TITLE_ADJECTIVES: &[&str] = &[
    "Acting",
    "Assistant",
    "Chief",
    "Deputy",
    "Former",
    "Grand",
    "Her",
    "High",
    "His",
    "Lord",
    "Our",
    "Supreme",
    "Their",
    "Your",
];

/// What English and French put before a ship's name: « USS Thomas Hudner », « HMS Victory ».
pub(super) const SHIP_PREFIXES: &[&str] = &[
    "HMAS", "HMC", "HMCS", "HMNZS", "HMS", "INS", "RMS", "USNS", "USS",
];

/// Lower-case heads (five bytes or more) that name a ship after them: « le porte-avions Charles de Gaulle », « the destroyer Kidd ».
pub(super) const SHIP_HEADS: &[&str] = &[
    "battleship",
    "carrier",
    "chalutier",
    "corvette",
    "croiseur",
    "cruiser",
    "cuirassé",
    "destroyer",
    "freighter",
    "frigate",
    "frégate",
    "liner",
    "navire",
    "paquebot",
    "porte-avions",
    "porte-hélicoptères",
    "pétrolier",
    "sous-marin",
    "steamer",
    "steamship",
    "submarine",
    "tanker",
    "warship",
    "yacht",
];

/// Holidays, which are days, not places or people.
pub(super) const HOLIDAYS: &[&str] = &[
    "Christmas",
    "Diwali",
    "Easter",
    "Halloween",
    "Hanukkah",
    "Lent",
    "Michaelmas",
    "Passover",
    "Pentecôte",
    "Ramadan",
    "Thanksgiving",
    "Toussaint",
    "Whitsun",
    "Whitsuntide",
];

/// English plurals whose possessive is part of a name (« International Women's Day », « Children's Hospital »).
pub(super) const PLURAL_POSSESSIVES: &[&str] = &["Children", "Men", "People", "Peoples", "Women"];

/// Words that make an event of a name (« … Women's Day »): an event is no entity of ours.
pub(super) const EVENT_WORDS: &[&str] = &["Day", "Month", "Week", "Year"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_sorted_for_their_search() {
        for list in [
            ENGLISH_TITLES,
            TITLE_ADJECTIVES,
            SHIP_PREFIXES,
            SHIP_HEADS,
            HOLIDAYS,
            PLURAL_POSSESSIVES,
            EVENT_WORDS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
