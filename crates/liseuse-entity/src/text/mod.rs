//! The text stage: tokens with byte ranges (`token`), the one accent and case fold (`fold`), the word lists
//! and gazetteers of `assets/` (`lexicon`), and where a text may be cut (`bounds`).

pub mod bounds;
pub mod fold;
pub mod lexicon;
pub mod token;
