//! What the full-text index holds of an article, as tantivy's schema: its id (the path's hash) to find
//! and replace it, its text's hash to know it need not be indexed again, its day to rank by date, its path
//! (kept, read back only for an article the walk has not listed yet), and its words, folded as the search
//! folds them, with their counts and no positions.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions,
};

/// The tokenizer's name in the index's schema.
pub(super) const FOLD: &str = "liseuse-fold";

#[derive(Clone, Copy)]
pub(super) struct Fields {
    pub(super) id: Field,
    pub(super) hash: Field,
    pub(super) day: Field,
    pub(super) body: Field,
    pub(super) path: Field,
}

pub(super) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let id = b.add_u64_field("id", INDEXED | FAST);
    let hash = b.add_u64_field("hash", FAST);
    let day = b.add_i64_field("day", FAST);
    // Kept, not searched: read back only for an article the walk has not listed yet.
    let path = b.add_text_field("path", STORED);
    let body = b.add_text_field(
        "body",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(FOLD)
                .set_index_option(IndexRecordOption::WithFreqs),
        ),
    );
    (
        b.build(),
        Fields {
            id,
            hash,
            day,
            body,
            path,
        },
    )
}
