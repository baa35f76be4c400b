//! Forum API: a meeting's minutes (attendance counts, decisions, action items), the log of
//! decisions across meetings (accent-insensitive search) and the action items of published
//! minutes. The same use cases as the pages, so the same rules: the public reads published
//! minutes of public meetings only; personal details (e-mail, gender per person) never appear.

use axum::{
    Json,
    extract::{Path, Query, State},
};
use chrono::{DateTime, NaiveDate, Utc};
use domain::{MeetingId, forum::Presence};
use serde::{Deserialize, Serialize};
use store::{ActionRow, DecisionRow};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{AppError, AppState, Ctx, api::ApiErrorBody};

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(minutes))
        .routes(routes!(decisions))
        .routes(routes!(actions))
}

/// A number of people present in a group (a sector, a gender, young or rural people).
#[derive(Serialize, ToSchema)]
pub struct MinutesCountDto {
    /// The group's key: a sector (`government`, `cso`, …), a gender (`woman`, `man`, `other`).
    pub key: String,
    pub present: i64,
}

/// Attendance as counts only: by sector, and by gender, youth and rural residence where recorded.
#[derive(Serialize, ToSchema)]
pub struct AttendanceCountsDto {
    pub present: i64,
    pub excused: i64,
    pub absent: i64,
    pub by_sector: Vec<MinutesCountDto>,
    /// Among present people who recorded a gender; empty when none did.
    pub by_gender: Vec<MinutesCountDto>,
    /// Present young people, when recorded for anyone present.
    pub youth: Option<i64>,
    /// Present residents of rural areas, when recorded for anyone present.
    pub rural: Option<i64>,
}

/// Someone present: a member or a guest, by name, organisation and sector.
#[derive(Serialize, ToSchema)]
pub struct PresentPersonDto {
    pub name: String,
    pub organisation: String,
    pub sector: String,
    pub guest: bool,
}

/// A numbered decision with its vote (absent when none was taken).
#[derive(Serialize, ToSchema)]
pub struct DecisionDto {
    pub number: i64,
    pub text_sq: String,
    pub text_en: String,
    pub votes_for: Option<i64>,
    pub votes_against: Option<i64>,
    pub votes_abstain: Option<i64>,
}

fn decision(d: &DecisionRow) -> DecisionDto {
    DecisionDto {
        number: d.number,
        text_sq: d.text_sq.clone(),
        text_en: d.text_en.clone(),
        votes_for: d.votes_for,
        votes_against: d.votes_against,
        votes_abstain: d.votes_abstain,
    }
}

/// An action item: what, the owner's name, the due date, the status (`open`, `done`, `dropped`).
#[derive(Serialize, ToSchema)]
pub struct ActionItemDto {
    pub id: i64,
    pub meeting_id: i64,
    pub what: String,
    pub owner: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub status: String,
    pub done_at: Option<DateTime<Utc>>,
}

fn action(a: &ActionRow) -> ActionItemDto {
    ActionItemDto {
        id: a.id,
        meeting_id: a.meeting_id,
        what: a.what.clone(),
        owner: a.owner_name.clone(),
        due_on: a.due_on,
        status: a.status.key().to_owned(),
        done_at: a.done_at,
    }
}

/// A meeting's minutes.
#[derive(Serialize, ToSchema)]
pub struct MinutesDto {
    pub meeting_id: i64,
    pub title_sq: String,
    pub title_en: String,
    pub starts_at: DateTime<Utc>,
    /// `draft`, `approved` or `published` (the public only ever sees `published`); absent while
    /// nothing is written.
    pub status: Option<String>,
    pub body_sq: String,
    pub body_en: String,
    pub approved_by: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub attendance: AttendanceCountsDto,
    pub present: Vec<PresentPersonDto>,
    pub decisions: Vec<DecisionDto>,
    pub action_items: Vec<ActionItemDto>,
}

/// A meeting's minutes: published ones for everyone who may see the meeting; drafts for members
/// and staff.
#[utoipa::path(get, path = "/api/v1/forum/meetings/{meeting}/minutes", tag = "forum",
    params(("meeting" = i64, Path, description = "Meeting id")),
    responses((status = 200, description = "The minutes with attendance counts, decisions and action items", body = MinutesDto),
        (status = 401, description = "A members-only meeting: log in", body = ApiErrorBody),
        (status = 404, description = "No such meeting or no minutes visible to you", body = ApiErrorBody)))]
pub(super) async fn minutes(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(meeting): Path<i64>,
) -> Result<Json<MinutesDto>, AppError> {
    let mm = state
        .services
        .meeting_minutes(&ctx.tenant, &ctx.actor(), MeetingId(meeting))
        .await?;
    let c = &mm.counts;
    let m = mm.minutes.as_ref();
    Ok(Json(MinutesDto {
        meeting_id: mm.meeting.id,
        title_sq: mm.meeting.title_sq.clone(),
        title_en: mm.meeting.title_en.clone(),
        starts_at: mm.meeting.starts_at,
        status: m.map(|m| m.status.key().to_owned()),
        body_sq: m.map(|m| m.body_sq.clone()).unwrap_or_default(),
        body_en: m.map(|m| m.body_en.clone()).unwrap_or_default(),
        approved_by: m.and_then(|m| m.approved_by_name.clone()),
        approved_at: m.and_then(|m| m.approved_at),
        published_at: m.and_then(|m| m.published_at),
        attendance: AttendanceCountsDto {
            present: c.present,
            excused: c.excused,
            absent: c.absent,
            by_sector: c
                .by_sector
                .iter()
                .map(|(s, n)| MinutesCountDto {
                    key: s.key().to_owned(),
                    present: *n,
                })
                .collect(),
            by_gender: c
                .by_gender
                .iter()
                .map(|(g, n)| MinutesCountDto {
                    key: g.key().to_owned(),
                    present: *n,
                })
                .collect(),
            youth: c.youth,
            rural: c.rural,
        },
        present: mm
            .attendance
            .iter()
            .filter(|a| a.presence == Presence::Present)
            .map(|a| PresentPersonDto {
                name: a.name.clone(),
                organisation: a.organisation.clone(),
                sector: a.sector.key().to_owned(),
                guest: a.is_guest(),
            })
            .collect(),
        decisions: mm.decisions.iter().map(decision).collect(),
        action_items: mm.actions.iter().map(action).collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct DecisionsQuery {
    /// Words to find, without regard to case or accents ("keshilli" finds "Këshilli").
    #[serde(default)]
    q: String,
    /// Page number, from 1.
    page: Option<i64>,
    /// Items per page, 1 to 100 (default 50).
    per_page: Option<i64>,
}

/// A decision in the log, with its meeting.
#[derive(Serialize, ToSchema)]
pub struct LoggedDecisionDto {
    pub meeting_id: i64,
    pub meeting_title_sq: String,
    pub meeting_title_en: String,
    pub meeting_starts_at: DateTime<Utc>,
    pub decision: DecisionDto,
}

#[derive(Serialize, ToSchema)]
pub struct DecisionsPageDto {
    pub items: Vec<LoggedDecisionDto>,
    pub page: i64,
    pub per_page: i64,
    pub has_next: bool,
}

/// Decisions of published minutes across meetings, newest meeting first; searchable.
#[utoipa::path(get, path = "/api/v1/forum/decisions", tag = "forum", params(DecisionsQuery),
    responses((status = 200, description = "One page of decisions", body = DecisionsPageDto),
        (status = 400, description = "Bad query parameters", body = ApiErrorBody)))]
pub(super) async fn decisions(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<DecisionsQuery>,
) -> Result<Json<DecisionsPageDto>, AppError> {
    let page = q.page.unwrap_or(1).clamp(1, 1_000_000);
    let per_page = q.per_page.unwrap_or(50).clamp(1, 100);
    let log = state
        .services
        .decisions_log(&ctx.tenant, &ctx.actor(), &q.q, page, per_page)
        .await?;
    Ok(Json(DecisionsPageDto {
        items: log
            .rows
            .iter()
            .map(|d| LoggedDecisionDto {
                meeting_id: d.meeting_id,
                meeting_title_sq: d.meeting_title_sq.clone(),
                meeting_title_en: d.meeting_title_en.clone(),
                meeting_starts_at: d.meeting_starts_at,
                decision: DecisionDto {
                    number: d.number,
                    text_sq: d.text_sq.clone(),
                    text_en: d.text_en.clone(),
                    votes_for: d.votes_for,
                    votes_against: d.votes_against,
                    votes_abstain: d.votes_abstain,
                },
            })
            .collect(),
        page,
        per_page,
        has_next: log.has_next,
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct ActionsQuery {
    /// Page number, from 1.
    page: Option<i64>,
    /// Items per page, 1 to 100 (default 50).
    per_page: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct ActionItemsPageDto {
    pub items: Vec<ActionItemDto>,
    pub page: i64,
    pub per_page: i64,
    pub has_next: bool,
}

/// Action items of published minutes, any status.
#[utoipa::path(get, path = "/api/v1/forum/actions", tag = "forum", params(ActionsQuery),
    responses((status = 200, description = "One page of action items", body = ActionItemsPageDto),
        (status = 400, description = "Bad query parameters", body = ApiErrorBody)))]
pub(super) async fn actions(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ActionsQuery>,
) -> Result<Json<ActionItemsPageDto>, AppError> {
    let page = q.page.unwrap_or(1).clamp(1, 1_000_000);
    let per_page = q.per_page.unwrap_or(50).clamp(1, 100);
    let list = state
        .services
        .published_actions(&ctx.tenant, &ctx.actor(), page, per_page)
        .await?;
    Ok(Json(ActionItemsPageDto {
        items: list.rows.iter().map(action).collect(),
        page,
        per_page,
        has_next: list.has_next,
    }))
}
