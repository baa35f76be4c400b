//! Meetings of a forum: when and where, who may see them, their agenda and pre-read documents,
//! the invitations with their answers, and the reminders.

use chrono::{DateTime, Utc};
use domain::{
    ForumId, MeetingId, TenantId,
    forum::{MeetingKind, MeetingStatus, Visibility},
};
use serde_json::json;

use crate::{AuditCtx, Result, Store, audit, read, write};

/// What the coordinator writes about a meeting.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MeetingInput {
    pub kind: MeetingKind,
    pub title_sq: String,
    pub title_en: String,
    pub description_sq: String,
    pub description_en: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub address: String,
    pub online_url: String,
    pub visibility: Visibility,
}

/// A meeting as stored.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct MeetingRow {
    pub id: i64,
    pub forum_id: i64,
    #[sqlx(try_from = "String")]
    pub kind: MeetingKind,
    pub title_sq: String,
    pub title_en: String,
    pub description_sq: String,
    pub description_en: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub address: String,
    pub online_url: String,
    #[sqlx(try_from = "String")]
    pub visibility: Visibility,
    #[sqlx(try_from = "String")]
    pub status: MeetingStatus,
    pub ical_uid: String,
    pub ical_sequence: i64,
    pub notice_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub(crate) const MEETING_COLUMNS: &str = "mt.id, mt.forum_id, mt.kind, mt.title_sq, mt.title_en, mt.description_sq, \
     mt.description_en, mt.starts_at, mt.ends_at, mt.place, mt.address, mt.online_url, mt.visibility, mt.status, \
     mt.ical_uid, mt.ical_sequence, mt.notice_at, mt.cancelled_at, mt.created_at, mt.updated_at";

impl Store {
    /// Prepares a meeting as a draft. `ical_uid` is the meeting's stable iCalendar UID.
    pub async fn create_meeting(
        &self,
        tenant: TenantId,
        forum: ForumId,
        input: &MeetingInput,
        ical_uid: &str,
        ctx: &AuditCtx,
    ) -> Result<MeetingId> {
        Ok(write!(self, |tx| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO meetings (tenant_id, forum_id, kind, title_sq, title_en, description_sq, description_en,
                     starts_at, ends_at, place, address, online_url, visibility, status, ical_uid, created_by,
                     created_at, updated_at)
                 SELECT $1, f.id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'draft', $14, $15, $16, $16
                 FROM forums f WHERE f.id = $2 AND f.tenant_id = $1
                 RETURNING id",
            )
            .bind(tenant.0)
            .bind(forum.0)
            .bind(input.kind.key())
            .bind(&input.title_sq)
            .bind(&input.title_en)
            .bind(&input.description_sq)
            .bind(&input.description_en)
            .bind(input.starts_at)
            .bind(input.ends_at)
            .bind(&input.place)
            .bind(&input.address)
            .bind(&input.online_url)
            .bind(input.visibility.key())
            .bind(ical_uid)
            .bind(ctx.actor.map(|a| a.0))
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            audit!(tx, ctx, "meeting.create", "meeting", id, None, Some(json!(input)));
            MeetingId(id)
        }))
    }

    /// A meeting of the tenant, whatever its state (the use case decides who may see it).
    pub async fn meeting(&self, tenant: TenantId, meeting: MeetingId) -> Result<Option<MeetingRow>> {
        let sql = format!("SELECT {MEETING_COLUMNS} FROM meetings mt WHERE mt.tenant_id = $1 AND mt.id = $2");
        Ok(read!(self, |db| {
            sqlx::query_as::<_, MeetingRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(meeting.0)
                .fetch_optional(db)
                .await?
        }))
    }
}

impl Store {
    /// Publishes a draft meeting: notice is given now. Returns `false` (and changes nothing)
    /// when the meeting is not a draft of this tenant. The invitations are queued by the use case
    /// in the same transaction once meetings send them.
    pub async fn publish_meeting(&self, tenant: TenantId, meeting: MeetingId, ctx: &AuditCtx) -> Result<bool> {
        Ok(write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE meetings SET status = 'published', notice_at = $3, updated_at = $3
                 WHERE tenant_id = $1 AND id = $2 AND status = 'draft'",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                audit!(
                    tx,
                    ctx,
                    "meeting.publish",
                    "meeting",
                    meeting.0,
                    Some(json!({"status": "draft"})),
                    Some(json!({"status": "published"}))
                );
            }
            done.rows_affected() == 1
        }))
    }
}
