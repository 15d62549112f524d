//! Inside a run of lines with no blank line between them, which line breaks are soft (a hard-wrapped paragraph,
//! to be joined) and which are the writer's own (a speaker's turn in a transcript, a list item, a short line
//! the next word would have fitted on). Plain-text heuristics that hold for saved articles in general.

/// A line that opens a turn or an item of its own: « DAMIEN LOUBIÈRE. – … », « M. KERAVEC : … », « PORTER: … »,
/// « Q : … », « – Oui. », « • … », « 2. … ».
pub fn starts_turn(line: &str) -> bool {
    let l = line.trim_start();
    if ["- ", "– ", "— ", "• ", "* "]
        .iter()
        .any(|p| l.starts_with(p))
    {
        return true;
    }
    let digits = l.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && l.get(digits..)
            .is_some_and(|r| r.starts_with(". ") || r.starts_with(") "))
    {
        return true;
    }
    speaker(l)
}

/// A speaker before their words: up to five words, the name's in capitals (a title before it may not be), then
/// « : » or « . – ».
fn speaker(l: &str) -> bool {
    // a speaker's name is at most 60 characters: only the line's head is searched (a line may be megabytes)
    let head = l
        .char_indices()
        .nth(64)
        .map_or(l, |(i, _)| l.get(..i).unwrap_or(l));
    let cut = match (
        head.find(':'),
        head.find(". –").or_else(|| head.find(". —")),
    ) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => return false,
    };
    let Some(who) = head.get(..cut) else {
        return false;
    };
    let words: Vec<&str> = who.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || who.chars().count() > 60 {
        return false;
    }
    let name = |w: &str| {
        w.chars().any(char::is_alphabetic)
            && w.chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase() || c == '\'' || c == '’')
    };
    // « M. », « Mme », « Mr », « Dr »: a capitalised word of three letters or fewer may open a speaker's name
    let title = |w: &str| {
        let letters = w.trim_end_matches('.');
        letters.chars().count() <= 3 && letters.chars().next().is_some_and(char::is_uppercase)
    };
    let first_is_title = words.first().is_some_and(|w| title(w) && !name(w));
    let rest = if first_is_title {
        words.get(1..).unwrap_or_default()
    } else {
        &words[..]
    };
    !rest.is_empty() && rest.iter().all(|w| name(w))
}

/// Whether the break after `line` is soft: the first word of `next` would not have fitted on it in a block whose
/// longest line is `width` characters. A line the next word would have fitted on was ended by its writer.
pub fn soft_break(line: &str, next: &str, width: usize) -> bool {
    if starts_turn(next) {
        return false;
    }
    let first = next.split_whitespace().next().unwrap_or("");
    line.chars().count() + 1 + first.chars().count() > width
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_and_items_open_their_own_line() {
        for l in [
            "DAMIEN LOUBIÈRE. – Vous présidez depuis mars la Fédération.",
            "M. KERAVEC : Je confirme.",
            "Mme ROSSIGNOL-DUMAS : La Banque de France a publié ses estimations.",
            "M. LE PRÉSIDENT : La parole est à M. Keravec.",
            "PORTER: The plant employed 1,200 people.",
            "Q : Et ensuite ?",
            "– Oui, dit-il.",
            "2. Le second point.",
        ] {
            assert!(starts_turn(l), "{l}");
        }
        for l in [
            "Le ministre a déclaré : « Nous verrons. »",
            "Selon lui: rien.",
            "Paris, le 3 mars. – Le gouvernement a annoncé",
            "2024 : une année difficile pour la filière",
        ] {
            assert!(!starts_turn(l), "{l}");
        }
    }

    #[test]
    fn a_break_is_soft_when_the_next_word_would_not_have_fitted() {
        let w = 40;
        assert!(soft_break(
            "Le gouvernement a annoncé mardi une",
            "réforme des retraites.",
            w
        ));
        assert!(!soft_break("Court.", "Une autre ligne.", w));
        assert!(!soft_break(
            "Le gouvernement a annoncé mardi une",
            "M. DUPONT : Non.",
            w
        ));
    }
}
