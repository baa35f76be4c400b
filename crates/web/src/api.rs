//! The JSON API under `/api/v1/`. Routes and the OpenAPI document come from the same
//! `routes!` lists, so the document cannot drift from the code. The API never translates:
//! texts come in both languages and errors as stable codes.

use axum::{
    Json, Router,
    extract::{Path, Query, State},
    routing::get,
};
use chrono::{DateTime, NaiveDate, Utc};
use domain::{Action, CallId, calls::CallPhase};
use serde::{Deserialize, Serialize};
use store::CallRow;
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
        .routes(routes!(calls))
        .routes(routes!(call_detail))
        .routes(routes!(call_outcome))
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

#[derive(Serialize, ToSchema)]
pub struct CallDto {
    pub id: i64,
    pub title: Localized,
    pub summary: Localized,
    /// `upcoming`, `open` or `closed`.
    pub phase: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub places: Option<i64>,
    /// Who may apply: `cso`, `informal_group`, `citizen`.
    pub applicant_types: Vec<String>,
    pub contact_email: String,
    pub outcome_published: bool,
}

fn call_dto(state: &AppState, c: &CallRow) -> CallDto {
    let mut types = Vec::new();
    for (on, key) in [
        (c.allow_cso, "cso"),
        (c.allow_informal, "informal_group"),
        (c.allow_citizen, "citizen"),
    ] {
        if on {
            types.push(key.to_owned());
        }
    }
    CallDto {
        id: c.id,
        title: localized(&c.title_sq, &c.title_en),
        summary: localized(&c.summary_sq, &c.summary_en),
        phase: CallPhase::at(state.services.clock.now(), c.opens_at, c.closes_at)
            .key()
            .to_owned(),
        opens_at: c.opens_at,
        closes_at: c.closes_at,
        places: c.places,
        applicant_types: types,
        contact_email: c.contact_email.clone(),
        outcome_published: c.outcome_published_at.is_some(),
    }
}

/// Published calls, the latest deadline first.
#[utoipa::path(get, path = "/api/v1/calls", tag = "calls", responses((status = 200, body = Vec<CallDto>)))]
async fn calls(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Vec<CallDto>>, AppError> {
    ctx.require(Action::ViewPublic)?;
    let rows = state.services.store.list_calls(ctx.tenant.id(), false).await?;
    Ok(Json(rows.iter().map(|c| call_dto(&state, c)).collect()))
}

#[derive(Serialize, ToSchema)]
pub struct CriterionDto {
    pub name: Localized,
    pub description: Localized,
    pub weight: i64,
}

#[derive(Serialize, ToSchema)]
pub struct CallDetailDto {
    #[serde(flatten)]
    pub call: CallDto,
    /// Markdown.
    pub body: Localized,
    pub eligibility: Localized,
    pub requirements: Localized,
    pub criteria: Vec<CriterionDto>,
}

async fn published_call(state: &AppState, ctx: &Ctx, id: i64) -> Result<CallRow, AppError> {
    state
        .services
        .store
        .call(ctx.tenant.id(), CallId(id))
        .await?
        .filter(CallRow::is_published)
        .ok_or(AppError::NotFound)
}

/// One published call with its selection criteria.
#[utoipa::path(get, path = "/api/v1/calls/{id}", tag = "calls", params(("id" = i64, Path, description = "Call id")),
    responses((status = 200, body = CallDetailDto), (status = 404, description = "No such published call", body = ApiErrorBody)))]
async fn call_detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<CallDetailDto>, AppError> {
    ctx.require(Action::ViewPublic)?;
    let c = published_call(&state, &ctx, id).await?;
    let criteria = state.services.store.criteria(ctx.tenant.id(), c.id()).await?;
    Ok(Json(CallDetailDto {
        body: localized(&c.body_sq, &c.body_en),
        eligibility: localized(&c.eligibility_sq, &c.eligibility_en),
        requirements: localized(&c.requirements_sq, &c.requirements_en),
        criteria: criteria
            .iter()
            .map(|k| CriterionDto {
                name: localized(&k.name_sq, &k.name_en),
                description: localized(&k.description_sq, &k.description_en),
                weight: k.weight,
            })
            .collect(),
        call: call_dto(&state, &c),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct SelectedDto {
    pub name: String,
    pub applicant_type: String,
    pub fields: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TallyDto {
    pub applications: i64,
    /// Zero until the outcome is published.
    pub selected: i64,
}

#[derive(Serialize, ToSchema)]
pub struct OutcomeDto {
    pub published: bool,
    /// Selected applicants who agreed to be listed; empty until the outcome is published.
    pub selected: Vec<SelectedDto>,
    pub total: TallyDto,
    pub by_applicant_type: std::collections::BTreeMap<String, TallyDto>,
    pub by_size_band: std::collections::BTreeMap<String, TallyDto>,
    pub by_field: std::collections::BTreeMap<String, TallyDto>,
    pub by_area: std::collections::BTreeMap<String, TallyDto>,
}

/// The outcome of a call and its inclusion statistics (counts only, no personal data).
#[utoipa::path(get, path = "/api/v1/calls/{id}/outcome", tag = "calls", params(("id" = i64, Path, description = "Call id")),
    responses((status = 200, body = OutcomeDto), (status = 404, description = "No such published call", body = ApiErrorBody)))]
async fn call_outcome(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<OutcomeDto>, AppError> {
    ctx.require(Action::ViewPublic)?;
    let c = published_call(&state, &ctx, id).await?;
    let published = c.outcome_published_at.is_some();
    let stats = state.services.call_stats(ctx.tenant.id(), c.id()).await?;
    let tally = |t: &services::reviews::Tally| TallyDto {
        applications: t.applications,
        selected: if published { t.selected } else { 0 },
    };
    let map = |m: &std::collections::BTreeMap<String, services::reviews::Tally>| {
        m.iter().map(|(k, t)| (k.clone(), tally(t))).collect()
    };
    let selected = if published {
        state
            .services
            .store
            .selected_public(ctx.tenant.id(), c.id())
            .await?
            .into_iter()
            .map(|(name, kind, fields)| SelectedDto {
                name,
                applicant_type: kind,
                fields: fields.split(',').filter(|f| !f.is_empty()).map(str::to_owned).collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Json(OutcomeDto {
        published,
        selected,
        total: tally(&stats.total),
        by_applicant_type: map(&stats.by_type),
        by_size_band: map(&stats.by_size),
        by_field: map(&stats.by_field),
        by_area: map(&stats.by_area),
    }))
}
