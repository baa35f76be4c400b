//! Counts the database round trips of one request, so that a test can hold each public page to
//! the few queries it needs (issue 6: the uncached path must stay cheap).
//!
//! The web layer runs each request inside [`count`]; the store's `read!` and `write!` macros add
//! one for every use of the pool. Outside a counted scope nothing is counted.

use std::{cell::Cell, future::Future};

tokio::task_local! {
    static QUERIES: Cell<u32>;
}

/// Runs `work`, counting the store calls it makes; returns its output and the count.
pub async fn count<F: Future>(work: F) -> (F::Output, u32) {
    QUERIES
        .scope(Cell::new(0), async move {
            let out = work.await;
            (out, QUERIES.with(Cell::get))
        })
        .await
}

/// Called by the store's macros.
pub(crate) fn one() {
    let _ = QUERIES.try_with(|c| c.set(c.get() + 1));
}
