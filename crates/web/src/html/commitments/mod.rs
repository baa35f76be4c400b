//! Routes of commitments: drafting for the forum (`drafts`), the public list, page and library
//! (`public`, `library`) and OGP's CSV import and exports (`ogp`).

pub mod drafts;
pub mod library;
pub mod ogp;
pub mod public;
pub mod settings;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(drafts::router())
        .merge(ogp::router())
        .merge(settings::router())
        .merge(public::router())
        .merge(library::router())
}
