//! Pages of people: sign-up, log-in, the account, organisations, roles and invitations.

mod account;
mod auth;
mod orgs;
mod roles;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(account::router())
        .merge(auth::router())
        .merge(orgs::router())
        .merge(roles::router())
}
