//! The platform: the municipality's settings, municipalities, the audit log and the outbox.

mod audit;
mod settings;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(audit::router()).merge(settings::router())
}
