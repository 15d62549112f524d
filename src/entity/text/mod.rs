//! The text stage: tokens with byte ranges (`token`), the one accent and case fold (`fold`), and the word lists
//! and gazetteers of `assets/` (`lexicon`).

pub mod fold;
pub mod lexicon;
pub mod token;
