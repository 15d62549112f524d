//! « 1 article », « 2 articles »: counts said as a reader says them, in the status line,
//! the overlays and the command line alike.

/// `n` and the word that goes with it.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_zero_is_plural() {
        assert_eq!(counted(1, "article", "articles"), "1 article");
        assert_eq!(counted(0, "article", "articles"), "0 articles");
        assert_eq!(counted(7, "mention", "mentions"), "7 mentions");
    }
}
