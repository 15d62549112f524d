//! What the stage weighed when it resolved a pronoun (« il a ajouté », « he said »), recorded on demand for the
//! learning experiment of `examples/quotes_learn.rs`: every referent it could have chosen, with the features a
//! learned ranker would see, and the one its rule chose. Off unless [`start`] is called on the thread; then the
//! cost is a flag read per pronoun.

use std::cell::{Cell, RefCell};

/// One referent a pronoun could stand for.
#[derive(Clone, Debug)]
pub struct Alt {
    /// Its name as the stage would output it.
    pub name: String,
    /// Its features (a slot it fills, how many sentences back, whether gender and number fit…).
    pub features: Vec<String>,
}

/// One pronoun resolved for a quotation.
#[derive(Clone, Debug)]
pub struct Case {
    /// The quotation's byte range in the text.
    pub start: usize,
    /// Just past it.
    pub end: usize,
    /// The referents it could stand for (distinct).
    pub alts: Vec<Alt>,
    /// The one the rule chose, if any.
    pub rule: Option<usize>,
}

thread_local! {
    static ON: Cell<bool> = const { Cell::new(false) };
    static CASES: RefCell<Vec<Case>> = const { RefCell::new(Vec::new()) };
}

/// Starts recording on this thread (and clears what was recorded).
pub fn start() {
    ON.with(|o| o.set(true));
    CASES.with(|c| c.borrow_mut().clear());
}

/// Stops recording and gives what was recorded since [`start`].
pub fn take() -> Vec<Case> {
    ON.with(|o| o.set(false));
    CASES.with(|c| std::mem::take(&mut *c.borrow_mut()))
}

pub(crate) fn on() -> bool {
    ON.with(|o| o.get())
}

pub(crate) fn push(case: Case) {
    CASES.with(|c| c.borrow_mut().push(case));
}
