//! Routes of commitments: drafting for the forum (`drafts`), the public list, page and library
//! (`public`, `library`) and OGP's CSV import and exports (`ogp`).

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
