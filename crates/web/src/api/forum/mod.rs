//! The forum in the JSON API: the forum and its members (public fields only), meetings with
//! agendas, minutes, decisions and action items. One file per part, each adding its routes.

use utoipa_axum::router::OpenApiRouter;

use crate::AppState;

mod health;
mod meetings;
mod members;
mod minutes;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(health::routes())
        .merge(members::routes())
        .merge(meetings::routes())
        .merge(minutes::routes())
}
