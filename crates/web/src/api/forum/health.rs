//! Forum API: the health indicators, for the standards dashboard and anyone re-using them.

use axum::{Json, extract::State};
use chrono::{DateTime, Utc};
use serde::Serialize;
use services::forum::health::{MeetingRef, Verdict};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{AppError, AppState, Ctx, api::ApiErrorBody};

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health))
}

/// A meeting named as evidence; `title_sq`/`title_en` are absent for members-only meetings.
#[derive(Serialize, ToSchema)]
pub struct MeetingRefDto {
    pub id: i64,
    pub title_sq: Option<String>,
    pub title_en: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

fn meeting(m: &MeetingRef) -> MeetingRefDto {
    MeetingRefDto {
        id: m.id,
        title_sq: m.title_sq.clone(),
        title_en: m.title_en.clone(),
        starts_at: m.starts_at,
        ends_at: m.ends_at,
    }
}

/// One meeting's result under an indicator.
#[derive(Serialize, ToSchema)]
pub struct EvidenceDto {
    pub meeting: MeetingRefDto,
    /// `pass`, `warn` or `fail`.
    pub verdict: String,
    /// Days of notice before the meeting (check 6) or from its end to published minutes (check 7).
    pub days: Option<i64>,
}

/// One indicator: its OGP Local check number, verdict, threshold in days and proving records.
#[derive(Serialize, ToSchema)]
pub struct IndicatorDto {
    pub check: u8,
    /// `pass`, `warn` or `fail`.
    pub verdict: String,
    pub threshold_days: Option<i64>,
    /// How many meetings were judged (checks 6 and 7); `evidence` lists those that fall short,
    /// then the latest, at most 24.
    pub judged: Option<usize>,
    pub evidence: Vec<EvidenceDto>,
}

#[derive(Serialize, ToSchema)]
pub struct SectorCountDto {
    /// `government`, `cso`, `informal_group`, `academia`, `media`, `private_sector`, `citizen`.
    pub sector: String,
    pub count: i64,
}

/// Check 18: people present at one held meeting, by sector (members and guests).
#[derive(Serialize, ToSchema)]
pub struct AttendanceDto {
    pub meeting: MeetingRefDto,
    pub total: i64,
    pub by_sector: Vec<SectorCountDto>,
}

#[derive(Serialize, ToSchema)]
pub struct ForumHealthDto {
    /// Whether the current cycle has a forum.
    pub forum_exists: bool,
    pub computed_at: DateTime<Utc>,
    pub government_members: i64,
    pub non_government_members: i64,
    pub non_government_percent: Option<i64>,
    /// Accepted members per sector.
    pub members_by_sector: Vec<SectorCountDto>,
    /// Checks 1, 2, 6 and 7.
    pub indicators: Vec<IndicatorDto>,
    /// Check 18: attendance by sector at the latest held meetings (at most 24), oldest first.
    pub attendance_by_sector: Vec<AttendanceDto>,
    /// How many held meetings have attendance recorded with published minutes.
    pub meetings_with_attendance: usize,
}

fn key(v: Verdict) -> String {
    v.key().to_owned()
}

/// The forum's health indicators (OGP Local checks 1, 2, 6, 7 and the attendance of check 18), computed
/// now.
#[utoipa::path(get, path = "/api/v1/forum/health", tag = "forum", responses((status = 200, description = "The indicators with their evidence", body = ForumHealthDto), (status = 404, description = "No municipality at this address", body = ApiErrorBody)))]
pub(super) async fn health(State(state): State<AppState>, ctx: Ctx) -> Result<Json<ForumHealthDto>, AppError> {
    let h = state.services.forum_health(&ctx.tenant, &ctx.actor()).await?;
    let regularity_evidence = h
        .regularity
        .largest_gap
        .iter()
        .flat_map(|(d, a, b)| {
            [a, b].map(|m| EvidenceDto {
                meeting: meeting(m),
                verdict: key(h.regularity.verdict),
                days: Some(*d),
            })
        })
        .collect();
    Ok(Json(ForumHealthDto {
        forum_exists: h.forum.is_some(),
        computed_at: h.computed_at,
        government_members: h.existence.government,
        non_government_members: h.existence.non_government,
        non_government_percent: h.composition.non_government_percent,
        members_by_sector: h
            .composition
            .by_sector
            .iter()
            .map(|s| SectorCountDto {
                sector: s.sector.key().to_owned(),
                count: s.count,
            })
            .collect(),
        indicators: vec![
            IndicatorDto {
                check: 1,
                verdict: key(h.existence.verdict),
                threshold_days: None,
                judged: None,
                evidence: Vec::new(),
            },
            IndicatorDto {
                check: 2,
                verdict: key(h.regularity.verdict),
                threshold_days: Some(h.regularity.threshold_days),
                judged: None,
                evidence: regularity_evidence,
            },
            IndicatorDto {
                check: 6,
                verdict: key(h.notice.verdict),
                threshold_days: Some(h.notice.threshold_days),
                judged: Some(h.notice.total),
                evidence: h
                    .notice
                    .meetings
                    .iter()
                    .map(|r| EvidenceDto {
                        meeting: meeting(&r.meeting),
                        verdict: key(r.verdict),
                        days: r.notice_days,
                    })
                    .collect(),
            },
            IndicatorDto {
                check: 7,
                verdict: key(h.minutes.verdict),
                threshold_days: Some(h.minutes.threshold_days),
                judged: Some(h.minutes.total),
                evidence: h
                    .minutes
                    .meetings
                    .iter()
                    .map(|r| EvidenceDto {
                        meeting: meeting(&r.meeting),
                        verdict: key(r.verdict),
                        days: r.published_after_days,
                    })
                    .collect(),
            },
        ],
        meetings_with_attendance: h.attendance_total,
        attendance_by_sector: h
            .attendance
            .iter()
            .map(|a| AttendanceDto {
                meeting: meeting(&a.meeting),
                total: a.total,
                by_sector: a
                    .by_sector
                    .iter()
                    .map(|(sector, count)| SectorCountDto {
                        sector: sector.key().to_owned(),
                        count: *count,
                    })
                    .collect(),
            })
            .collect(),
    }))
}
