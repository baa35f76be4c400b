//! (to be written: see mod.rs)

use axum::Router;
use views::input::answers::AnswerPanel;

use crate::{AppError, AppState, Ctx};

pub fn router() -> Router<AppState> {
    Router::new()
}

/// The answer part of the input page (called by the input page's handler in `inputs.rs`).
pub(super) async fn panel_for(_state: &AppState, _ctx: &Ctx, _input: i64) -> Result<AnswerPanel, AppError> {
    Ok(AnswerPanel::default())
}
