//! The JSON API under `/api/v1/`. Routes and the OpenAPI document come from the same
//! `routes!` lists, so the document cannot drift from the code. The API never translates:
//! texts come in both languages and errors as stable codes.

use axum::{Router, routing::get};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::AppState;

mod commitments;
mod content;
mod forum;
mod input;
mod open_call;
mod people;
mod platform;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "bashke API",
        description = "Open data of a municipality's OGP Local co-creation process."
    ),
    components(schemas(ApiErrorBody, ApiError, ApiFieldError))
)]
struct ApiDoc;

pub fn router() -> Router<AppState> {
    let (router, openapi) = api_routes().split_for_parts();
    // Serialised once: axum clones a route's handler for every request, and cloning the whole
    // document each time cost more than everything else on that route together.
    let document: std::sync::Arc<str> = serde_json::to_string(&openapi).unwrap_or_default().into();
    router.route(
        "/api/openapi.json",
        get(move || {
            let document = document.clone();
            async move {
                (
                    [(axum::http::header::CONTENT_TYPE, "application/json")],
                    document.to_string(),
                )
            }
        }),
    )
}

fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(platform::tenant))
        .routes(routes!(content::timeline))
        .routes(routes!(content::news))
        .routes(routes!(people::me))
        .routes(routes!(open_call::calls))
        .routes(routes!(open_call::call_detail))
        .routes(routes!(open_call::call_outcome))
        .merge(forum::routes())
        .merge(input::routes())
        .merge(commitments::routes())
}

/// The OpenAPI document (also served at `/api/openapi.json`).
pub fn openapi() -> utoipa::openapi::OpenApi {
    api_routes().split_for_parts().1
}

/// Body of every failed API call: `{"error": {…}}`.
#[derive(Serialize, ToSchema)]
pub struct ApiErrorBody {
    pub error: ApiError,
}

/// What went wrong, as a stable code the client translates.
#[derive(Serialize, ToSchema)]
pub struct ApiError {
    /// Stable snake_case code, e.g. `not_found`, `login_required`, `invalid`.
    pub code: String,
    pub request_id: String,
    pub fields: Vec<ApiFieldError>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiFieldError {
    pub field: String,
    pub code: String,
}

/// A text stored in both languages; `en` may be empty, and clients then show `sq`.
#[derive(Serialize, ToSchema)]
pub struct Localized {
    pub sq: String,
    pub en: String,
}

pub(crate) fn localized(sq: &str, en: &str) -> Localized {
    Localized {
        sq: sq.to_owned(),
        en: en.to_owned(),
    }
}
