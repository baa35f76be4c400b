//! The open call: public call pages, applying, reviewing, the coordinator's pages, exports and
//! files.

mod applications;
mod calls;
mod decisions;
mod export;
mod files;
mod manage;
mod review;

use axum::Router;

use crate::AppState;

pub use files::upload_router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(applications::router())
        .merge(calls::router())
        .merge(decisions::router())
        .merge(export::router())
        .merge(files::router())
        .merge(manage::router())
        .merge(review::router())
}
