//! (to be written: see mod.rs)

use axum::Router;
use views::input::discussion::Thread;

use crate::{AppError, AppState, Ctx};

pub fn router() -> Router<AppState> {
    Router::new()
}

/// The discussion part of the input page (called by the input page's handler in `inputs.rs`).
pub(super) async fn thread_for(_state: &AppState, _ctx: &Ctx, _input: i64) -> Result<Thread, AppError> {
    Ok(Thread::default())
}
