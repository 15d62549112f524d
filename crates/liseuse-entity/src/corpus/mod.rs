//! The corpus stage: the documents' entities merged into corpus entities (`merge.rs`), and the index the app
//! reads (`index.rs`).

mod assembler;
mod entity;
pub mod index;
mod kept;
mod merge;
pub mod occurrences;
pub(crate) mod packed;
pub mod places;
mod roots;
pub mod streamed;
