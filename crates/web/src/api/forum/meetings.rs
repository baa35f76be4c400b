//! Forum API: published meetings (public ones for everyone, members-only ones for members and
//! staff) with their agendas and the metadata of their pre-reads.

use axum::{
    Json,
    extract::{Path, Query, State},
};
use chrono::{DateTime, Utc};
use domain::MeetingId;
use serde::{Deserialize, Serialize};
use store::MeetingRow;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    AppError, AppState, Ctx,
    api::{ApiErrorBody, Localized, localized},
};

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(meetings)).routes(routes!(meeting))
}

/// A meeting of the forum.
#[derive(Serialize, ToSchema)]
pub struct MeetingDto {
    pub id: i64,
    /// `first_meeting`, `follow_up`, `workshop`, `implementation_review`, `public_consultation`.
    pub kind: String,
    pub title: Localized,
    /// Markdown source.
    pub description: Localized,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub address: String,
    pub online_url: String,
    /// `public` or `members_only`.
    pub visibility: String,
    /// `published` or `cancelled`.
    pub status: String,
    /// When notice was given (the meeting published with its invitations).
    pub notice_at: Option<DateTime<Utc>>,
    /// Where its minutes are, once published.
    pub minutes_url: Option<String>,
    pub page_url: String,
    pub calendar_url: String,
}

#[derive(Serialize, ToSchema)]
pub struct AgendaItemDto {
    pub position: i64,
    pub title: Localized,
    pub presenter: String,
    pub minutes_allotted: Option<i64>,
    /// Ids of the documents linked to this item.
    pub documents: Vec<i64>,
}

/// A pre-read document's metadata; `url` downloads it.
#[derive(Serialize, ToSchema)]
pub struct MeetingDocumentDto {
    pub id: i64,
    pub title: String,
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub shared_at: DateTime<Utc>,
    pub url: String,
}

#[derive(Serialize, ToSchema)]
pub struct MeetingDetailDto {
    pub meeting: MeetingDto,
    pub agenda: Vec<AgendaItemDto>,
    pub documents: Vec<MeetingDocumentDto>,
}

#[derive(Serialize, ToSchema)]
pub struct MeetingsPageDto {
    pub items: Vec<MeetingDto>,
    pub page: i64,
    pub per_page: i64,
    pub has_next: bool,
}

#[derive(Deserialize, IntoParams)]
pub struct MeetingsQuery {
    /// Page number, from 1.
    page: Option<i64>,
    /// Items per page, 1 to 100 (default 20).
    per_page: Option<i64>,
}

fn dto(base: &str, m: &MeetingRow, minutes: bool) -> MeetingDto {
    MeetingDto {
        id: m.id,
        kind: m.kind.key().to_owned(),
        title: localized(&m.title_sq, &m.title_en),
        description: localized(&m.description_sq, &m.description_en),
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        place: m.place.clone(),
        address: m.address.clone(),
        online_url: m.online_url.clone(),
        visibility: m.visibility.key().to_owned(),
        status: m.status.key().to_owned(),
        notice_at: m.notice_at,
        minutes_url: minutes.then(|| format!("{base}/forum/meetings/{}/minutes", m.id)),
        page_url: format!("{base}/forum/meetings/{}", m.id),
        calendar_url: format!("{base}/forum/meetings/{}/meeting.ics", m.id),
    }
}

/// Published meetings of the forum, latest first: public ones, and members-only ones for members
/// and staff.
#[utoipa::path(get, path = "/api/v1/forum/meetings", tag = "forum", params(MeetingsQuery), responses((status = 200, description = "One page of meetings", body = MeetingsPageDto), (status = 400, description = "Bad query parameters", body = ApiErrorBody), (status = 404, description = "No municipality at this address", body = ApiErrorBody)))]
pub(super) async fn meetings(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<MeetingsQuery>,
) -> Result<Json<MeetingsPageDto>, AppError> {
    let page = q.page.unwrap_or(1).clamp(1, 1_000_000);
    let per_page = q.per_page.unwrap_or(20).clamp(1, 100);
    let (rows, has_next) = state.services.published_meetings(&ctx.actor(), page, per_page).await?;
    let base = state.services.site_url(&ctx.tenant);
    Ok(Json(MeetingsPageDto {
        items: rows
            .iter()
            .map(|r| dto(&base, &r.meeting, r.minutes_published_at.is_some()))
            .collect(),
        page,
        per_page,
        has_next,
    }))
}

/// One meeting with its agenda and the metadata of its pre-reads.
#[utoipa::path(get, path = "/api/v1/forum/meetings/{meeting}", tag = "forum", params(("meeting" = i64, Path, description = "The meeting's id")), responses((status = 200, description = "The meeting", body = MeetingDetailDto), (status = 401, description = "A members-only meeting, asked without signing in", body = ApiErrorBody), (status = 404, description = "No such meeting for this reader", body = ApiErrorBody)))]
pub(super) async fn meeting(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<MeetingDetailDto>, AppError> {
    let pg = state.services.meeting_page(&ctx.actor(), MeetingId(id)).await?;
    // The API shows what was published; a draft is the coordinator's work in progress.
    if pg.meeting.status == domain::forum::MeetingStatus::Draft {
        return Err(AppError::NotFound);
    }
    let base = state.services.site_url(&ctx.tenant);
    Ok(Json(MeetingDetailDto {
        meeting: dto(&base, &pg.meeting, pg.minutes_published_at.is_some()),
        agenda: pg
            .agenda
            .iter()
            .map(|a| AgendaItemDto {
                position: a.position,
                title: localized(&a.title_sq, &a.title_en),
                presenter: a.presenter.clone(),
                minutes_allotted: a.minutes_allotted,
                documents: pg
                    .documents
                    .iter()
                    .filter(|d| d.agenda_item_id == Some(a.id))
                    .map(|d| d.id)
                    .collect(),
            })
            .collect(),
        documents: pg
            .documents
            .iter()
            .map(|d| MeetingDocumentDto {
                id: d.id,
                title: d.title.clone(),
                filename: d.filename.clone(),
                content_type: d.content_type.clone(),
                size_bytes: d.size_bytes,
                shared_at: d.shared_at,
                url: format!("{base}/forum/meetings/{id}/documents/{}", d.id),
            })
            .collect(),
    }))
}
