//! Forum API: the forum of the current cycle (its texts' versions and composition) and its
//! accepted members, public fields only: never an e-mail address, gender, youth or residence.

use axum::{Json, extract::State};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use services::forum::members::position_label;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{AppError, AppState, Ctx, api::ApiErrorBody};

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(forum)).routes(routes!(members))
}

/// The current version of the terms of reference and participation rules.
#[derive(Serialize, ToSchema)]
pub struct ForumTextsDto {
    pub version: i64,
    pub saved_at: DateTime<Utc>,
    pub terms_sq: String,
    pub terms_en: String,
    pub rules_sq: String,
    pub rules_en: String,
}

#[derive(Serialize, ToSchema)]
pub struct SectorShareDto {
    /// `government`, `cso`, `informal_group`, `academia`, `media`, `private_sector`, `citizen`.
    pub sector: String,
    pub count: i64,
}

#[derive(Serialize, ToSchema)]
pub struct GenderCountDto {
    /// `woman`, `man`, `other`: counts only of members who chose to record it.
    pub gender: String,
    pub count: i64,
}

/// Who sits in the forum: accepted members only.
#[derive(Serialize, ToSchema)]
pub struct CompositionDto {
    pub total: i64,
    pub non_government: i64,
    pub non_government_percent: Option<i64>,
    pub by_sector: Vec<SectorShareDto>,
    /// Members who recorded their gender; `by_gender` counts these only.
    pub gender_recorded: i64,
    pub by_gender: Vec<GenderCountDto>,
}

#[derive(Serialize, ToSchema)]
pub struct ForumDto {
    pub id: i64,
    pub name_sq: String,
    pub name_en: String,
    pub mandate_sq: String,
    pub mandate_en: String,
    pub legal_basis_sq: String,
    pub legal_basis_en: String,
    pub legal_number: String,
    pub legal_date: Option<NaiveDate>,
    /// Address of the legal basis's document, when attached.
    pub legal_document_url: Option<String>,
    /// The open call that chose the members, when published.
    pub call_id: Option<i64>,
    pub texts: Option<ForumTextsDto>,
    pub composition: CompositionDto,
}

/// The forum of the current cycle; `forum` is absent until it is set up.
#[derive(Serialize, ToSchema)]
pub struct ForumResponseDto {
    pub forum: Option<ForumDto>,
}

/// A member as the public sees them.
#[derive(Serialize, ToSchema)]
pub struct PublicMemberDto {
    pub name: String,
    pub organisation: String,
    /// See `forum` for the sectors' keys.
    pub sector: String,
    /// The position's key (`chair`, `co_chair`, `secretary`, `member`, `observer` or the
    /// municipality's own).
    pub position: String,
    /// The position's name in the language asked for.
    pub position_label: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

#[derive(Serialize, ToSchema)]
pub struct MembersDto {
    pub members: Vec<PublicMemberDto>,
}

/// The forum of the current cycle: its texts in force (with their version) and composition.
#[utoipa::path(get, path = "/api/v1/forum", tag = "forum", responses((status = 200, description = "The forum, or none yet", body = ForumResponseDto), (status = 404, description = "No municipality at this address", body = ApiErrorBody)))]
pub(super) async fn forum(State(state): State<AppState>, ctx: Ctx) -> Result<Json<ForumResponseDto>, AppError> {
    let Some(f) = state.services.forum_public(&ctx.actor()).await? else {
        return Ok(Json(ForumResponseDto { forum: None }));
    };
    let c = &f.composition;
    Ok(Json(ForumResponseDto {
        forum: Some(ForumDto {
            id: f.forum.id,
            name_sq: f.forum.name_sq.clone(),
            name_en: f.forum.name_en.clone(),
            mandate_sq: f.forum.mandate_sq.clone(),
            mandate_en: f.forum.mandate_en.clone(),
            legal_basis_sq: f.forum.legal_basis_sq.clone(),
            legal_basis_en: f.forum.legal_basis_en.clone(),
            legal_number: f.forum.legal_number.clone(),
            legal_date: f.forum.legal_date,
            legal_document_url: f.legal_file.as_ref().map(|_| "/forum/legal-basis".to_owned()),
            call_id: f.call.as_ref().map(|c| c.id),
            texts: f.texts.as_ref().map(|t| ForumTextsDto {
                version: t.version,
                saved_at: t.created_at,
                terms_sq: t.terms_sq.clone(),
                terms_en: t.terms_en.clone(),
                rules_sq: t.rules_sq.clone(),
                rules_en: t.rules_en.clone(),
            }),
            composition: CompositionDto {
                total: c.total,
                non_government: c.non_government,
                non_government_percent: c.non_government_percent,
                by_sector: c
                    .by_sector
                    .iter()
                    .map(|(s, n)| SectorShareDto {
                        sector: s.key().to_owned(),
                        count: *n,
                    })
                    .collect(),
                gender_recorded: c.gender_recorded,
                by_gender: c
                    .by_gender
                    .iter()
                    .map(|(g, n)| GenderCountDto {
                        gender: g.key().to_owned(),
                        count: *n,
                    })
                    .collect(),
            },
        }),
    }))
}

/// The forum's accepted members, by sector then name: public fields only.
#[utoipa::path(get, path = "/api/v1/forum/members", tag = "forum", responses((status = 200, description = "Accepted members (none before the forum is set up)", body = MembersDto), (status = 404, description = "No municipality at this address", body = ApiErrorBody)))]
pub(super) async fn members(State(state): State<AppState>, ctx: Ctx) -> Result<Json<MembersDto>, AppError> {
    let (rows, positions) = state.services.forum_public_members(&ctx.actor()).await?;
    Ok(Json(MembersDto {
        members: rows
            .iter()
            .map(|m| PublicMemberDto {
                name: m.name.clone(),
                organisation: m.organisation.clone(),
                sector: m.sector.key().to_owned(),
                position: m.pos_key.clone(),
                position_label: position_label(ctx.lang, &positions, &m.pos_key),
                starts_on: m.starts_on,
                ends_on: m.ends_on,
            })
            .collect(),
    }))
}
