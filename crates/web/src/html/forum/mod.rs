//! The forum: its public pages, the coordinator's pages, members' answers, meetings,
//! minutes and the health indicators.

mod health;
mod meetings;
mod members;
mod minutes;
mod setup;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(setup::router())
        .merge(members::router())
        .merge(meetings::router())
        .merge(minutes::router())
        .merge(health::router())
}
