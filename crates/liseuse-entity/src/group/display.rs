//! The name an entity is shown by, from its variants and their counts: the one rule the corpus index, the
//! quotation stage's speakers and the exports all name entities by. Apart from the grouping (which decides which
//! mentions are one entity) because it decides only how that entity is called.

use crate::Label;

/// How many times more often a shorter name must be written than the fullest one to be the one shown.
const FAR_MORE: u32 = 2;

/// The name a reader would write for an entity, from its variants and how many times each is written
/// (`counts`, in the same order): a person's most written full name (« Ali Khamenei », not « Khamenei »);
/// otherwise the fullest name (most words, then most letters, then first seen), unless a shorter one is written
/// far more often (« Hamas » 14 times against « Mouvement de la Résistance islamique » twice, « Gaza » against
/// « bande de Gaza »). Ties go to the fullest, then to a form in lower case (« mercredi », not the « Mercredi » a
/// sentence opens with), then to the first seen. The variants as `String`s or `&str`s (the quotation stage reads
/// them from a document's entities, not copied); each one's words and letters are counted once.
pub fn display_name<S: AsRef<str>>(label: Label, variants: &[S], counts: &[u32]) -> String {
    let count = |i: usize| counts.get(i).copied().unwrap_or(1);
    // each variant: (words, letters, a person named in full (two words or more, the first no initial), in lower
    // case); read once each, kept on the stack for the few forms of a name (the quotation stage names every
    // speaker by this)
    let form = |v: &S| {
        let v = v.as_ref();
        let mut words = v.split_whitespace();
        let first = words.next();
        let n = usize::from(first.is_some()) + words.count();
        let full = n >= 2 && first.is_some_and(|w| w.trim_end_matches('.').chars().count() > 1);
        let lower = v.chars().next().is_some_and(char::is_lowercase);
        (n, v.chars().count(), full, lower)
    };
    const ON_STACK: usize = 8;
    let mut few = [(0usize, 0usize, false, false); ON_STACK];
    let many: Vec<(usize, usize, bool, bool)>;
    let forms: &[(usize, usize, bool, bool)] = if variants.len() <= ON_STACK {
        for (f, v) in few.iter_mut().zip(variants) {
            *f = form(v);
        }
        few.get(..variants.len()).unwrap_or_default()
    } else {
        many = variants.iter().map(form).collect();
        &many
    };
    let size = |i: usize| forms.get(i).map(|f| (f.0, f.1));
    // the pool: the people named in full when there are, else every form (in order, as a list of them was)
    let only_full = label == Label::Per && forms.iter().any(|f| f.2);
    let pool =
        || (0..forms.len()).filter(move |&i| !only_full || forms.get(i).is_some_and(|f| f.2));
    let rank = |i: usize| {
        let (words, letters, _, lower) = forms.get(i).copied().unwrap_or_default();
        (count(i), words, letters, lower, std::cmp::Reverse(i))
    };
    let Some(most) = pool().max_by_key(|&i| rank(i)) else {
        return String::new();
    };
    // the fullest of the pool: the first of the most words, then letters
    let mut longest = most;
    let mut best = None;
    for i in pool() {
        if best.is_none_or(|b| size(i) > b) {
            best = Some(size(i));
            longest = i;
        }
    }
    // the same name in another case, or one written far more often than the fullest
    let pick = if size(most) == size(longest) || count(most) >= FAR_MORE * count(longest) {
        most
    } else {
        longest
    };
    variants
        .get(pick)
        .map(|v| v.as_ref().to_string())
        .unwrap_or_default()
}
