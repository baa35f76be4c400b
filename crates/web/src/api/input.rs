//! Public input in the JSON API (to be written: inputs, comments that are not hidden, support
//! counts, clusters, answers and the coverage indicator).

use utoipa_axum::router::OpenApiRouter;

use crate::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
}
