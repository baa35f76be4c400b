//! HTML pages: every action is a plain form POST followed by a redirect, so that everything
//! works without JavaScript.
//!
//! One folder per stage of the cycle (`people`, `content`, `open_call`, `forum`, `platform`), each with
//! its own `router()`; `common` holds the helpers they share. A stage never imports another
//! stage's handlers.

mod commitments;
pub(crate) mod common;
mod content;
mod forum;
mod input;
mod open_call;
mod people;
mod platform;

use axum::Router;

pub use open_call::upload_router;

use crate::{AppError, AppState, Ctx};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(people::router())
        .merge(content::router())
        .merge(open_call::router())
        .merge(forum::router())
        .merge(input::router())
        .merge(commitments::router())
        .merge(platform::router())
}

pub async fn not_found(_ctx: Ctx) -> AppError {
    AppError::NotFound
}
