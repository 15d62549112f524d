//! The text stage: tokens with byte ranges (`token`), the one accent and case fold (`fold`), and the word lists
//! and gazetteers of `assets/` (`lexicon`).
//! Where a text may be cut (`bounds`) is here too: the layers above cut texts the same way.

pub mod bounds;
pub mod fold;
pub mod lexicon;
pub mod token;
