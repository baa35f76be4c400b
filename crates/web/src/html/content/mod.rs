//! Public content: home, news, privacy notice; the coordinator's timeline and news pages.

mod admin;
mod public;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(admin::router()).merge(public::router())
}
