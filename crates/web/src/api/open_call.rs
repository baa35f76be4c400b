//! Published calls, their criteria and their outcome.

use axum::{
    Json,
    extract::{Path, State},
};
use chrono::{DateTime, Utc};
use domain::{CallId, open_call::CallPhase};
use serde::Serialize;
use store::CallRow;
use utoipa::ToSchema;

use crate::{AppError, AppState, Ctx};

use super::{ApiErrorBody, Localized, localized};

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
#[utoipa::path(get, path = "/api/v1/calls", tag = "calls", responses((status = 200, description = "The published calls", body = Vec<CallDto>)))]
pub(super) async fn calls(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Vec<CallDto>>, AppError> {
    let rows = state.services.published_calls(&ctx.actor()).await?;
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

/// One published call with its selection criteria.
#[utoipa::path(get, path = "/api/v1/calls/{id}", tag = "calls", params(("id" = i64, Path, description = "Call id")),
    responses((status = 200, description = "The call with its criteria", body = CallDetailDto), (status = 400, description = "The id is not a whole number in range", body = ApiErrorBody), (status = 404, description = "No such published call", body = ApiErrorBody)))]
pub(super) async fn call_detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<CallDetailDto>, AppError> {
    let detail = state
        .services
        .published_call_with_criteria(&ctx.actor(), CallId(id))
        .await?;
    let (c, criteria) = (&detail.call, &detail.criteria);
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
        call: call_dto(&state, c),
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
    responses((status = 200, description = "The outcome and the inclusion statistics", body = OutcomeDto), (status = 400, description = "The id is not a whole number in range", body = ApiErrorBody), (status = 404, description = "No such published call", body = ApiErrorBody)))]
pub(super) async fn call_outcome(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<OutcomeDto>, AppError> {
    let outcome = state
        .services
        .call_outcome(&ctx.tenant, &ctx.actor(), CallId(id))
        .await?;
    // The API lists published calls only, whoever asks.
    if !outcome.call.is_published() {
        return Err(AppError::NotFound);
    }
    let (published, stats) = (outcome.published, &outcome.stats);
    let tally = |t: &services::open_call::outcome::Tally| TallyDto {
        applications: t.applications,
        selected: t.selected,
    };
    let map = |m: &std::collections::BTreeMap<String, services::open_call::outcome::Tally>| {
        m.iter().map(|(k, t)| (k.clone(), tally(t))).collect()
    };
    let selected = outcome
        .selected
        .iter()
        .map(|r| SelectedDto {
            name: r.name.clone(),
            applicant_type: r.applicant_type.key().to_owned(),
            fields: r
                .fields
                .split(',')
                .filter(|f| !f.is_empty())
                .map(str::to_owned)
                .collect(),
        })
        .collect();
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
