//! The JSON API under `/api/v1/`. Routes and the OpenAPI document come from the same
//! `routes!` lists, so the document cannot drift from the code. The API never translates:
//! texts come in both languages and errors as stable codes.

use axum::{
    Json, Router,
    extract::{Query, State},
    routing::get,
};
use chrono::{DateTime, NaiveDate, Utc};
use domain::Action;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{AppError, AppState, Ctx};

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
    router.route("/api/openapi.json", get(move || async move { Json(openapi) }))
}

fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(tenant))
        .routes(routes!(timeline))
        .routes(routes!(news))
        .routes(routes!(me))
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

fn localized(sq: &str, en: &str) -> Localized {
    Localized {
        sq: sq.to_owned(),
        en: en.to_owned(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct TenantDto {
    pub slug: String,
    pub name: Localized,
    pub languages: Vec<String>,
    pub time_zone: String,
    pub contact_email: String,
    pub logo_url: Option<String>,
}

/// The municipality that serves this address.
#[utoipa::path(get, path = "/api/v1/tenant", tag = "tenant", responses((status = 200, body = TenantDto), (status = 404, description = "No municipality at this address", body = ApiErrorBody)))]
async fn tenant(ctx: Ctx) -> Result<Json<TenantDto>, AppError> {
    ctx.require(Action::ViewPublic)?;
    let t = &ctx.tenant;
    Ok(Json(TenantDto {
        slug: t.slug.clone(),
        name: localized(&t.name_sq, &t.name_en),
        languages: t.languages().iter().map(|l| l.code().to_owned()).collect(),
        time_zone: t.time_zone.clone(),
        contact_email: t.contact_email.clone(),
        logo_url: t.logo_url.clone(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct PhaseDto {
    pub title: Localized,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

#[derive(Serialize, ToSchema)]
pub struct TimelineDto {
    /// Title of the current cycle; absent when none is set up.
    pub cycle: Option<Localized>,
    pub phases: Vec<PhaseDto>,
}

/// The current cycle's timeline, phases in order.
#[utoipa::path(get, path = "/api/v1/timeline", tag = "timeline", responses((status = 200, body = TimelineDto), (status = 404, description = "No municipality at this address", body = ApiErrorBody)))]
async fn timeline(State(state): State<AppState>, ctx: Ctx) -> Result<Json<TimelineDto>, AppError> {
    ctx.require(Action::ViewPublic)?;
    let store = &state.services.store;
    let Some(cycle) = store.current_cycle(ctx.tenant.id()).await? else {
        return Ok(Json(TimelineDto {
            cycle: None,
            phases: Vec::new(),
        }));
    };
    let phases = store.timeline(ctx.tenant.id(), cycle.id).await?;
    Ok(Json(TimelineDto {
        cycle: Some(localized(&cycle.title_sq, &cycle.title_en)),
        phases: phases
            .iter()
            .map(|p| PhaseDto {
                title: localized(&p.title_sq, &p.title_en),
                starts_on: p.starts_on,
                ends_on: p.ends_on,
            })
            .collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct NewsDto {
    pub id: i64,
    pub title: Localized,
    /// Markdown source.
    pub body: Localized,
    pub published_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct NewsPageDto {
    pub items: Vec<NewsDto>,
    pub page: i64,
    pub per_page: i64,
    pub has_next: bool,
}

#[derive(Deserialize, IntoParams)]
pub struct NewsQuery {
    /// Page number, from 1.
    page: Option<i64>,
    /// Items per page, 1 to 100 (default 20).
    per_page: Option<i64>,
}

/// News items, newest first.
#[utoipa::path(get, path = "/api/v1/news", tag = "news", params(NewsQuery), responses((status = 200, body = NewsPageDto), (status = 400, description = "Bad query parameters", body = ApiErrorBody), (status = 404, description = "No municipality at this address", body = ApiErrorBody)))]
async fn news(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewsQuery>,
) -> Result<Json<NewsPageDto>, AppError> {
    ctx.require(Action::ViewPublic)?;
    let page = q.page.unwrap_or(1).clamp(1, 1_000_000);
    let per_page = q.per_page.unwrap_or(20).clamp(1, 100);
    let mut rows = state
        .services
        .store
        .list_news(ctx.tenant.id(), per_page + 1, (page - 1) * per_page)
        .await?;
    let has_next = rows.len() as i64 > per_page;
    rows.truncate(per_page as usize);
    Ok(Json(NewsPageDto {
        items: rows
            .into_iter()
            .map(|n| NewsDto {
                id: n.id,
                title: localized(&n.title_sq, &n.title_en),
                body: localized(&n.body_sq, &n.body_en),
                published_at: n.published_at,
                updated_at: n.updated_at,
            })
            .collect(),
        page,
        per_page,
        has_next,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct MeDto {
    pub id: i64,
    pub display_name: String,
    pub email: Option<String>,
    pub lang: String,
    /// Role keys in this tenant, e.g. `participant`, `coordinator`.
    pub roles: Vec<String>,
}

/// The signed-in person (401 `login_required` otherwise).
#[utoipa::path(get, path = "/api/v1/me", tag = "account", responses((status = 200, body = MeDto), (status = 401, description = "Not signed in", body = ApiErrorBody)))]
async fn me(ctx: Ctx) -> Result<Json<MeDto>, AppError> {
    ctx.require(Action::ManageOwnAccount)?;
    let s = ctx.session.as_ref().ok_or(AppError::LoginRequired)?;
    Ok(Json(MeDto {
        id: s.user.id,
        display_name: s.user.display_name.clone(),
        email: s.user.email.clone(),
        lang: s.user.lang.clone(),
        roles: s.roles.iter().map(|r| r.key().to_owned()).collect(),
    }))
}
