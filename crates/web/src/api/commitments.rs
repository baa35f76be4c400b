//! Commitments in the JSON API: the tenant's public commitments (imported from OGP's data, and
//! drafted ones at their public version) in pages with a keyset cursor, and one by its OGP
//! identifier, with IRM ratings (a level, or absent with OGP's reason). The same use cases as
//! `/commitments.json`, so the same rule: public data only.

use axum::{
    Json,
    extract::{Path, Query, State},
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use services::commitments::ogp::CommitmentJson;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{AppError, AppState, Ctx, api::ApiErrorBody};

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(commitments))
        .routes(routes!(commitment))
}

/// A date as OGP wrote it ("July 2014", "Quarter 1 2019", `NA`), the day it stands for and how
/// much of it is known (`day`, `month`, `quarter`, `year`).
#[derive(Serialize, ToSchema)]
pub struct OgpDateDto {
    pub raw: String,
    pub on: Option<NaiveDate>,
    pub precision: Option<String>,
}

/// An IRM rating: `level` is a level key of the indicator's scale; when absent, `absent` holds
/// OGP's reason (`ND` no data, `NR` not reviewed, `NA` not applicable), never a 0.
#[derive(Serialize, ToSchema)]
pub struct RatingDto {
    pub indicator: String,
    pub level: Option<String>,
    pub absent: Option<String>,
}

/// A public commitment.
#[derive(Serialize, ToSchema)]
pub struct CommitmentDto {
    /// OGP's identifier (`ALBSN0001`, `AL0002`).
    pub identifier: String,
    /// `imported` or `drafted`.
    pub origin: String,
    pub status: String,
    pub title: String,
    pub country: String,
    pub locality: String,
    pub description: String,
    pub lead_institution: String,
    pub supporting_institutions: String,
    pub start: OgpDateDto,
    pub end: OgpDateDto,
    /// OGP value keys (`access_to_information`, ...).
    pub values: Vec<String>,
    /// Policy-area keys.
    pub policy_areas: Vec<String>,
    pub ratings: Vec<RatingDto>,
}

/// A page of commitments and the cursor of the next one.
#[derive(Serialize, ToSchema)]
pub struct CommitmentPageDto {
    pub items: Vec<CommitmentDto>,
    /// Pass as `after` for the next page; absent on the last.
    pub next: Option<i64>,
}

#[derive(Deserialize, IntoParams)]
pub struct CommitmentsQuery {
    /// The cursor a previous page returned.
    pub after: Option<i64>,
}

fn date(d: domain::commitments::ogp_csv::OgpDate) -> OgpDateDto {
    OgpDateDto {
        raw: d.raw,
        on: d.on,
        precision: d.precision.map(|p| p.key().to_owned()),
    }
}

fn dto(c: CommitmentJson) -> CommitmentDto {
    CommitmentDto {
        identifier: c.identifier,
        origin: c.origin,
        status: c.status,
        title: c.title,
        country: c.country,
        locality: c.locality,
        description: c.description,
        lead_institution: c.lead_institution,
        supporting_institutions: c.supporting_institutions,
        start: date(c.start),
        end: date(c.end),
        values: c.values,
        policy_areas: c.policy_areas,
        ratings: c
            .ratings
            .into_iter()
            .map(|r| RatingDto {
                indicator: r.indicator,
                level: r.level,
                absent: r.absent,
            })
            .collect(),
    }
}

/// The tenant's public commitments, 50 a page in id order.
#[utoipa::path(get, path = "/api/v1/commitments", tag = "commitments", params(CommitmentsQuery),
    responses((status = 200, description = "A page of public commitments", body = CommitmentPageDto)))]
pub(super) async fn commitments(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<CommitmentsQuery>,
) -> Result<Json<CommitmentPageDto>, AppError> {
    let (items, next) = state
        .services
        .commitments_api(&ctx.tenant, &ctx.actor(), q.after.unwrap_or(0))
        .await?;
    Ok(Json(CommitmentPageDto {
        items: items.into_iter().map(dto).collect(),
        next,
    }))
}

/// One public commitment by its OGP identifier.
#[utoipa::path(get, path = "/api/v1/commitments/{ogp_id}", tag = "commitments",
    params(("ogp_id" = String, Path, description = "OGP's identifier, e.g. ALBSN0001")),
    responses((status = 200, description = "The commitment", body = CommitmentDto),
        (status = 404, description = "No such public commitment", body = ApiErrorBody)))]
pub(super) async fn commitment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(ogp_id): Path<String>,
) -> Result<Json<CommitmentDto>, AppError> {
    let c = state
        .services
        .commitment_api(&ctx.tenant, &ctx.actor(), &ogp_id)
        .await?;
    Ok(Json(dto(c)))
}
