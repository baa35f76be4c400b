//! Meetings of a forum: when and where, who may see them, their agenda and pre-read documents,
//! the invitations with their answers, and the reminders.

use chrono::{DateTime, Utc};
use domain::{
    ForumId, MeetingId, TenantId, UserId,
    forum::{MeetingKind, MeetingStatus, Rsvp, Visibility},
};
use serde_json::json;

use crate::{AuditCtx, NewMail, Result, Store, StoreError, audit, common::outbox::enqueue, read, write};

/// Sets an invited person's answer and records it in the audit, inside a transaction.
macro_rules! record_answer {
    ($tx:ident, $tenant:expr, $meeting:expr, $user:expr, $answer:expr, $ctx:expr) => {{
        let before: Option<Option<String>> = sqlx::query_scalar(
            "SELECT answer FROM meeting_invitations WHERE tenant_id = $1 AND meeting_id = $2 AND user_id = $3",
        )
        .bind($tenant.0)
        .bind($meeting)
        .bind($user)
        .fetch_optional(&mut *$tx)
        .await?;
        sqlx::query(
            "UPDATE meeting_invitations SET answer = $4, answered_at = $5
             WHERE tenant_id = $1 AND meeting_id = $2 AND user_id = $3",
        )
        .bind($tenant.0)
        .bind($meeting)
        .bind($user)
        .bind($answer.key())
        .bind($ctx.at)
        .execute(&mut *$tx)
        .await?;
        audit!(
            $tx,
            $ctx,
            "meeting.answer",
            "meeting",
            $meeting,
            Some(json!({"answer": before.flatten()})),
            Some(json!({"answer": $answer.key()}))
        );
    }};
}

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

/// An agenda item of a meeting, in its order.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct AgendaItemRow {
    pub id: i64,
    pub meeting_id: i64,
    pub position: i64,
    pub title_sq: String,
    pub title_en: String,
    pub presenter: String,
    pub minutes_allotted: Option<i64>,
}

/// What the coordinator writes for an agenda item.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AgendaItemInput {
    pub title_sq: String,
    pub title_en: String,
    pub presenter: String,
    pub minutes_allotted: Option<i64>,
}

/// A pre-read document of a meeting with its file's name, type and size (not its content).
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct MeetingDocRow {
    pub id: i64,
    pub meeting_id: i64,
    pub file_id: i64,
    pub agenda_item_id: Option<i64>,
    pub title: String,
    pub shared_at: DateTime<Utc>,
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
}

const DOC_COLUMNS: &str = "d.id, d.meeting_id, d.file_id, d.agenda_item_id, d.title, d.shared_at, \
     f.filename, f.content_type, f.size_bytes";

/// The longest a meeting may last (checked when it is typed; lists rely on it).
pub const MAX_MEETING_DAYS: i64 = 30;

/// A meeting in a list, with whether its minutes are published and its invitations' answers.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct MeetingListRow {
    #[sqlx(flatten)]
    pub meeting: MeetingRow,
    pub minutes_published_at: Option<DateTime<Utc>>,
    pub invited: i64,
    pub attending: i64,
    pub not_attending: i64,
    pub maybe: i64,
}

/// One person invited to a meeting, with their answer and address (for e-mails and staff
/// pages only).
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct InvitationRow {
    pub meeting_id: i64,
    pub user_id: i64,
    pub name: String,
    /// `None` once the account is deleted.
    pub email: Option<String>,
    pub lang: String,
    pub answer: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    pub invited_at: DateTime<Utc>,
    pub reminded_at: Option<DateTime<Utc>>,
}

impl InvitationRow {
    pub fn answer(&self) -> Option<Rsvp> {
        self.answer.as_deref().and_then(Rsvp::parse)
    }
}

const INVITATION_COLUMNS: &str = "i.meeting_id, i.user_id, u.display_name AS name, u.email, u.lang, i.answer, \
     i.answered_at, i.invited_at, i.reminded_at";

/// An answer link as stored, for showing what it would record.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswerLinkRow {
    pub meeting_id: i64,
    pub user_id: i64,
    #[sqlx(try_from = "String")]
    pub answer: Rsvp,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

/// One person to invite when a meeting is published: the hashes of their three answer links and
/// the e-mail that carries them (`None` only for history written by the demo).
#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub user_id: i64,
    pub links: Vec<(String, Rsvp)>,
    pub mail: Option<NewMail>,
}

/// Which meetings a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingScope {
    /// Published or cancelled meetings not yet ended, soonest first.
    Upcoming,
    /// Published or cancelled meetings that have ended, latest first.
    Past,
    /// Every meeting, drafts included, latest first (staff).
    All,
}

/// An invitation whose reminder is due, with what the e-mail needs.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueReminder {
    pub tenant_id: i64,
    pub user_id: i64,
    pub email: String,
    pub lang: String,
    #[sqlx(flatten)]
    pub meeting: MeetingRow,
}

fn minutes_published_sql() -> &'static str {
    "(SELECT mm.published_at FROM meeting_minutes mm WHERE mm.meeting_id = mt.id AND mm.tenant_id = mt.tenant_id \
     AND mm.status = 'published')"
}

impl Store {
    /// One page of meetings. `members` includes members-only meetings.
    #[allow(clippy::too_many_arguments)]
    pub async fn list_meetings(
        &self,
        tenant: TenantId,
        scope: MeetingScope,
        members: bool,
        now: DateTime<Utc>,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<MeetingListRow>> {
        let visibility = if members { "" } else { "AND mt.visibility = 'public'" };
        let (when, order) = match scope {
            // A meeting lasts at most `MAX_MEETING_DAYS`: the lower bound on the start keeps this a
            // range scan of the time index however many meetings lie in the past.
            MeetingScope::Upcoming => (
                "AND mt.status IN ('published', 'cancelled') AND mt.ends_at >= $2 AND mt.starts_at >= $5",
                "mt.starts_at ASC, mt.id ASC",
            ),
            MeetingScope::Past => (
                "AND mt.status IN ('published', 'cancelled') AND mt.ends_at < $2 AND $5 = $5",
                "mt.starts_at DESC, mt.id DESC",
            ),
            MeetingScope::All => ("AND $2 = $2 AND $5 = $5", "mt.starts_at DESC, mt.id DESC"),
        };
        let minutes = minutes_published_sql();
        let sql = format!(
            "SELECT {MEETING_COLUMNS}, {minutes} AS minutes_published_at,
                (SELECT COUNT(*) FROM meeting_invitations i WHERE i.meeting_id = mt.id) AS invited,
                (SELECT COUNT(*) FROM meeting_invitations i WHERE i.meeting_id = mt.id AND i.answer = 'attending') AS attending,
                (SELECT COUNT(*) FROM meeting_invitations i WHERE i.meeting_id = mt.id AND i.answer = 'not_attending') AS not_attending,
                (SELECT COUNT(*) FROM meeting_invitations i WHERE i.meeting_id = mt.id AND i.answer = 'maybe') AS maybe
             FROM meetings mt
             WHERE mt.tenant_id = $1 {visibility} {when}
             ORDER BY {order} LIMIT $3 OFFSET $4"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, MeetingListRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(now)
                .bind(limit)
                .bind(offset)
                .bind(now - chrono::Duration::days(MAX_MEETING_DAYS))
                .fetch_all(db)
                .await?
        }))
    }

    /// When the meeting's minutes were published, if they were.
    pub async fn minutes_published_at(&self, tenant: TenantId, meeting: MeetingId) -> Result<Option<DateTime<Utc>>> {
        let at: Option<Option<DateTime<Utc>>> = read!(self, |db| {
            sqlx::query_scalar(
                "SELECT published_at FROM meeting_minutes WHERE tenant_id = $1 AND meeting_id = $2 AND status = 'published'",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .fetch_optional(db)
            .await?
        });
        Ok(at.flatten())
    }

    pub async fn agenda_items(&self, tenant: TenantId, meeting: MeetingId) -> Result<Vec<AgendaItemRow>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, AgendaItemRow>(
                "SELECT id, meeting_id, position, title_sq, title_en, presenter, minutes_allotted FROM agenda_items
                 WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY position, id",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .fetch_all(db)
            .await?
        }))
    }

    pub async fn meeting_documents(&self, tenant: TenantId, meeting: MeetingId) -> Result<Vec<MeetingDocRow>> {
        let sql = format!(
            "SELECT {DOC_COLUMNS} FROM meeting_documents d JOIN files f ON f.id = d.file_id AND f.tenant_id = d.tenant_id
             WHERE d.tenant_id = $1 AND d.meeting_id = $2 ORDER BY d.id"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, MeetingDocRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(meeting.0)
                .fetch_all(db)
                .await?
        }))
    }

    /// One document of a meeting with its content.
    pub async fn meeting_document(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        doc: i64,
    ) -> Result<Option<(MeetingDocRow, Vec<u8>)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            meta: MeetingDocRow,
            content: Vec<u8>,
        }
        let sql = format!(
            "SELECT {DOC_COLUMNS}, f.content FROM meeting_documents d
             JOIN files f ON f.id = d.file_id AND f.tenant_id = d.tenant_id
             WHERE d.tenant_id = $1 AND d.meeting_id = $2 AND d.id = $3"
        );
        let row: Option<Row> = read!(self, |db| {
            sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(meeting.0)
                .bind(doc)
                .fetch_optional(db)
                .await?
        });
        Ok(row.map(|r| (r.meta, r.content)))
    }

    /// Everyone invited to a meeting, by name.
    pub async fn meeting_invitations(&self, tenant: TenantId, meeting: MeetingId) -> Result<Vec<InvitationRow>> {
        let sql = format!(
            "SELECT {INVITATION_COLUMNS} FROM meeting_invitations i JOIN users u ON u.id = i.user_id
             WHERE i.tenant_id = $1 AND i.meeting_id = $2 ORDER BY u.display_name, i.user_id"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, InvitationRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(meeting.0)
                .fetch_all(db)
                .await?
        }))
    }

    /// One person's invitation to a meeting, if they were invited.
    pub async fn meeting_invitation(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        user: UserId,
    ) -> Result<Option<InvitationRow>> {
        let sql = format!(
            "SELECT {INVITATION_COLUMNS} FROM meeting_invitations i JOIN users u ON u.id = i.user_id
             WHERE i.tenant_id = $1 AND i.meeting_id = $2 AND i.user_id = $3"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, InvitationRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(meeting.0)
                .bind(user.0)
                .fetch_optional(db)
                .await?
        }))
    }

    /// The answer link with this hash, whatever its state (the use case judges it).
    pub async fn answer_link(&self, tenant: TenantId, token_hash: &str) -> Result<Option<AnswerLinkRow>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, AnswerLinkRow>(
                "SELECT meeting_id, user_id, answer, expires_at, used_at FROM meeting_answer_links
                 WHERE tenant_id = $1 AND token_hash = $2",
            )
            .bind(tenant.0)
            .bind(token_hash)
            .fetch_optional(db)
            .await?
        }))
    }

    /// The tenant's public meetings for its calendar feed (published and cancelled), in one query.
    pub async fn public_feed_meetings(&self, tenant: TenantId, limit: i64) -> Result<Vec<MeetingRow>> {
        let sql = format!(
            "SELECT {MEETING_COLUMNS} FROM meetings mt
             WHERE mt.tenant_id = $1 AND mt.status IN ('published', 'cancelled') AND mt.visibility = 'public'
             ORDER BY mt.starts_at DESC, mt.id DESC LIMIT $2"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, MeetingRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(limit)
                .fetch_all(db)
                .await?
        }))
    }

    /// The meetings a person is invited to, for their private feed, in one query.
    pub async fn invited_meetings(&self, tenant: TenantId, user: UserId, limit: i64) -> Result<Vec<MeetingRow>> {
        let sql = format!(
            "SELECT {MEETING_COLUMNS} FROM meetings mt
             JOIN meeting_invitations i ON i.meeting_id = mt.id AND i.tenant_id = mt.tenant_id
             WHERE mt.tenant_id = $1 AND i.user_id = $2 AND mt.status IN ('published', 'cancelled')
             ORDER BY mt.starts_at DESC, mt.id DESC LIMIT $3"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, MeetingRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(user.0)
                .bind(limit)
                .fetch_all(db)
                .await?
        }))
    }

    /// Whose private feed a secret address is; `None` when unknown or revoked.
    pub async fn calendar_feed_user(&self, tenant: TenantId, token_hash: &str) -> Result<Option<UserId>> {
        let user: Option<i64> = read!(self, |db| {
            sqlx::query_scalar(
                "SELECT user_id FROM calendar_feeds WHERE tenant_id = $1 AND token_hash = $2 AND revoked_at IS NULL",
            )
            .bind(tenant.0)
            .bind(token_hash)
            .fetch_optional(db)
            .await?
        });
        Ok(user.map(UserId))
    }

    /// When the person's active private feed was made, if they have one.
    pub async fn active_calendar_feed(&self, tenant: TenantId, user: UserId) -> Result<Option<DateTime<Utc>>> {
        Ok(read!(self, |db| {
            sqlx::query_scalar(
                "SELECT MAX(created_at) FROM calendar_feeds WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL",
            )
            .bind(tenant.0)
            .bind(user.0)
            .fetch_one(db)
            .await?
        }))
    }

    /// Invitations due a reminder: published meetings starting between `now` and `until`, not yet
    /// reminded, of people with an address. Any tenant; claimed one by one with
    /// [`Store::claim_reminder`].
    pub async fn due_reminders(
        &self,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<DueReminder>> {
        let sql = format!(
            "SELECT i.tenant_id, i.user_id, u.email, u.lang, {MEETING_COLUMNS} FROM meeting_invitations i
             JOIN meetings mt ON mt.id = i.meeting_id AND mt.tenant_id = i.tenant_id
             JOIN users u ON u.id = i.user_id
             WHERE mt.status = 'published' AND mt.starts_at > $1 AND mt.starts_at <= $2
               AND i.reminded_at IS NULL AND u.email IS NOT NULL
             ORDER BY mt.starts_at, i.meeting_id, i.user_id LIMIT $3"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, DueReminder>(sqlx::AssertSqlSafe(sql))
                .bind(now)
                .bind(until)
                .bind(limit)
                .fetch_all(db)
                .await?
        }))
    }
}

impl Store {
    /// Changes a meeting. `expected_sequence` is the SEQUENCE the caller built `mails` for: when
    /// another change came first nothing is saved (conflict on `ical_sequence`). `bump` raises the
    /// sequence (a change of time or place of a published meeting), and `mails` (the updates to
    /// every invited person) are queued in the same transaction.
    #[allow(clippy::too_many_arguments)]
    pub async fn update_meeting(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        before: &MeetingRow,
        input: &MeetingInput,
        bump: bool,
        mails: &[NewMail],
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE meetings SET kind = $3, title_sq = $4, title_en = $5, description_sq = $6, description_en = $7,
                     starts_at = $8, ends_at = $9, place = $10, address = $11, online_url = $12, visibility = $13,
                     ical_sequence = ical_sequence + $14, updated_at = $15
                 WHERE tenant_id = $1 AND id = $2 AND ical_sequence = $16 AND status <> 'cancelled'",
            )
            .bind(tenant.0)
            .bind(meeting.0)
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
            .bind(i64::from(bump))
            .bind(ctx.at)
            .bind(before.ical_sequence)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::Conflict {
                    field: "ical_sequence".into(),
                });
            }
            // The links of the invitations expire at the meeting's (new) end.
            sqlx::query("UPDATE meeting_answer_links SET expires_at = $3 WHERE tenant_id = $1 AND meeting_id = $2")
                .bind(tenant.0)
                .bind(meeting.0)
                .bind(input.ends_at)
                .execute(&mut *tx)
                .await?;
            for mail in mails {
                enqueue!(tx, Some(tenant), mail, ctx.at);
            }
            audit!(
                tx,
                ctx,
                "meeting.update",
                "meeting",
                meeting.0,
                Some(json!({
                    "starts_at": before.starts_at, "ends_at": before.ends_at, "place": before.place,
                    "address": before.address, "online_url": before.online_url, "title_sq": before.title_sq,
                })),
                Some(json!({
                    "starts_at": input.starts_at, "ends_at": input.ends_at, "place": input.place,
                    "address": input.address, "online_url": input.online_url, "title_sq": input.title_sq,
                    "updates_sent": mails.len(),
                }))
            );
        });
        Ok(())
    }

    /// Publishes a draft meeting with its invitations in one transaction: status, notice given
    /// now, one invitation row and three answer links per person (expiring at the meeting's end),
    /// one e-mail each. `false` (nothing changed) when the meeting is not a draft any more.
    pub async fn publish_meeting_with_invitations(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        invitations: &[NewInvitation],
        ctx: &AuditCtx,
    ) -> Result<bool> {
        Ok(write!(self, |tx| {
            let ends_at: Option<DateTime<Utc>> = sqlx::query_scalar(
                "UPDATE meetings SET status = 'published', notice_at = $3, updated_at = $3
                 WHERE tenant_id = $1 AND id = $2 AND status = 'draft' RETURNING ends_at",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(ctx.at)
            .fetch_optional(&mut *tx)
            .await?;
            match ends_at {
                None => false,
                Some(ends_at) => {
                    for inv in invitations {
                        sqlx::query(
                            "INSERT INTO meeting_invitations (tenant_id, meeting_id, user_id, invited_at)
                             VALUES ($1, $2, $3, $4) ON CONFLICT (meeting_id, user_id) DO NOTHING",
                        )
                        .bind(tenant.0)
                        .bind(meeting.0)
                        .bind(inv.user_id)
                        .bind(ctx.at)
                        .execute(&mut *tx)
                        .await?;
                        for (hash, answer) in &inv.links {
                            sqlx::query(
                                "INSERT INTO meeting_answer_links (token_hash, tenant_id, meeting_id, user_id, answer, expires_at)
                                 VALUES ($1, $2, $3, $4, $5, $6)",
                            )
                            .bind(hash)
                            .bind(tenant.0)
                            .bind(meeting.0)
                            .bind(inv.user_id)
                            .bind(answer.key())
                            .bind(ends_at)
                            .execute(&mut *tx)
                            .await?;
                        }
                        if let Some(mail) = &inv.mail {
                            enqueue!(tx, Some(tenant), mail, ctx.at);
                        }
                    }
                    audit!(
                        tx,
                        ctx,
                        "meeting.publish",
                        "meeting",
                        meeting.0,
                        Some(json!({"status": "draft"})),
                        Some(json!({"status": "published", "invited": invitations.len()}))
                    );
                    true
                }
            }
        }))
    }

    /// Cancels a published meeting (SEQUENCE raised) and queues `mails` (METHOD:CANCEL to every
    /// invited person) in the same transaction. Conflict when the meeting changed meanwhile.
    pub async fn cancel_meeting(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        expected_sequence: i64,
        mails: &[NewMail],
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE meetings SET status = 'cancelled', cancelled_at = $3, updated_at = $3,
                     ical_sequence = ical_sequence + 1
                 WHERE tenant_id = $1 AND id = $2 AND status = 'published' AND ical_sequence = $4",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(ctx.at)
            .bind(expected_sequence)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::Conflict { field: "status".into() });
            }
            for mail in mails {
                enqueue!(tx, Some(tenant), mail, ctx.at);
            }
            audit!(
                tx,
                ctx,
                "meeting.cancel",
                "meeting",
                meeting.0,
                Some(json!({"status": "published"})),
                Some(json!({"status": "cancelled", "told": mails.len()}))
            );
        });
        Ok(())
    }

    /// Adds an item at the end of a meeting's agenda.
    pub async fn add_agenda_item(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        item: &AgendaItemInput,
        ctx: &AuditCtx,
    ) -> Result<i64> {
        Ok(write!(self, |tx| {
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO agenda_items (tenant_id, meeting_id, position, title_sq, title_en, presenter, minutes_allotted)
                 SELECT mt.tenant_id, mt.id,
                        COALESCE((SELECT MAX(a.position) FROM agenda_items a WHERE a.meeting_id = mt.id), 0) + 1,
                        $3, $4, $5, $6
                 FROM meetings mt WHERE mt.tenant_id = $1 AND mt.id = $2
                 RETURNING id",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(&item.title_sq)
            .bind(&item.title_en)
            .bind(&item.presenter)
            .bind(item.minutes_allotted)
            .fetch_optional(&mut *tx)
            .await?;
            let id = id.ok_or(StoreError::NotFound)?;
            audit!(
                tx,
                ctx,
                "meeting.agenda",
                "meeting",
                meeting.0,
                None,
                Some(json!({"added": item}))
            );
            id
        }))
    }

    pub async fn delete_agenda_item(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        item: i64,
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            let title: Option<String> = sqlx::query_scalar(
                "DELETE FROM agenda_items WHERE tenant_id = $1 AND meeting_id = $2 AND id = $3 RETURNING title_sq",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(item)
            .fetch_optional(&mut *tx)
            .await?;
            let title = title.ok_or(StoreError::NotFound)?;
            audit!(
                tx,
                ctx,
                "meeting.agenda",
                "meeting",
                meeting.0,
                Some(json!({"removed": title})),
                None
            );
        });
        Ok(())
    }

    /// Swaps an item with its neighbour above (`up`) or below; nothing at the ends.
    pub async fn move_agenda_item(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        item: i64,
        up: bool,
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            let items: Vec<(i64, i64)> = sqlx::query_as(
                "SELECT id, position FROM agenda_items WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY position, id",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .fetch_all(&mut *tx)
            .await?;
            let at = items
                .iter()
                .position(|(id, _)| *id == item)
                .ok_or(StoreError::NotFound)?;
            let other = if up { at.checked_sub(1) } else { Some(at + 1) };
            if let Some(other) = other.filter(|o| *o < items.len()) {
                // Positions are renumbered 1..n in the new order, so ties of old rows vanish.
                let mut order: Vec<i64> = items.iter().map(|(id, _)| *id).collect();
                order.swap(at, other);
                for (n, id) in order.iter().enumerate() {
                    sqlx::query("UPDATE agenda_items SET position = $3 WHERE tenant_id = $1 AND id = $2")
                        .bind(tenant.0)
                        .bind(id)
                        .bind(n as i64 + 1)
                        .execute(&mut *tx)
                        .await?;
                }
                audit!(
                    tx,
                    ctx,
                    "meeting.agenda",
                    "meeting",
                    meeting.0,
                    Some(json!({"item": item, "position": at + 1})),
                    Some(json!({"item": item, "position": other + 1}))
                );
            }
        });
        Ok(())
    }

    /// Stores a pre-read document, shared now; `agenda_item` must be an item of this meeting.
    pub async fn add_meeting_document(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        file: &crate::NewFile<'_>,
        title: &str,
        agenda_item: Option<i64>,
        ctx: &AuditCtx,
    ) -> Result<i64> {
        Ok(write!(self, |tx| {
            let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM meetings WHERE tenant_id = $1 AND id = $2")
                .bind(tenant.0)
                .bind(meeting.0)
                .fetch_one(&mut *tx)
                .await?;
            if exists != 1 {
                return Err(StoreError::NotFound);
            }
            if let Some(item) = agenda_item {
                let ok: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM agenda_items WHERE tenant_id = $1 AND meeting_id = $2 AND id = $3",
                )
                .bind(tenant.0)
                .bind(meeting.0)
                .bind(item)
                .fetch_one(&mut *tx)
                .await?;
                if ok != 1 {
                    return Err(StoreError::Conflict {
                        field: "agenda_item".into(),
                    });
                }
            }
            let file_id: i64 = sqlx::query_scalar(
                "INSERT INTO files (tenant_id, filename, content_type, size_bytes, sha256, content, uploaded_by, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(tenant.0)
            .bind(file.filename)
            .bind(file.content_type)
            .bind(file.content.len() as i64)
            .bind(file.sha256)
            .bind(file.content)
            .bind(ctx.actor.map(|a| a.0))
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO meeting_documents (tenant_id, meeting_id, file_id, agenda_item_id, title, shared_at, shared_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(file_id)
            .bind(agenda_item)
            .bind(title)
            .bind(ctx.at)
            .bind(ctx.actor.map(|a| a.0))
            .fetch_one(&mut *tx)
            .await?;
            audit!(
                tx,
                ctx,
                "meeting.attach",
                "meeting",
                meeting.0,
                None,
                Some(
                    json!({"document": id, "filename": file.filename, "content_type": file.content_type,
                            "size": file.content.len(), "title": title})
                )
            );
            id
        }))
    }

    pub async fn remove_meeting_document(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        doc: i64,
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            let file: Option<(i64, String)> = sqlx::query_as(
                "DELETE FROM meeting_documents WHERE tenant_id = $1 AND meeting_id = $2 AND id = $3
                 RETURNING file_id, title",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(doc)
            .fetch_optional(&mut *tx)
            .await?;
            let (file_id, title) = file.ok_or(StoreError::NotFound)?;
            sqlx::query("DELETE FROM files WHERE tenant_id = $1 AND id = $2")
                .bind(tenant.0)
                .bind(file_id)
                .execute(&mut *tx)
                .await?;
            audit!(
                tx,
                ctx,
                "meeting.detach",
                "meeting",
                meeting.0,
                Some(json!({"document": doc, "title": title})),
                None
            );
        });
        Ok(())
    }

    /// Records the answer an e-mailed link carries: the link works once, before it expires, for a
    /// published meeting. Returns the meeting, the person and the answer; `None` when it does not.
    pub async fn answer_by_link(
        &self,
        tenant: TenantId,
        token_hash: &str,
        ctx: &AuditCtx,
    ) -> Result<Option<(MeetingId, UserId, Rsvp)>> {
        Ok(write!(self, |tx| {
            let row: Option<(i64, i64, String)> = sqlx::query_as(
                "UPDATE meeting_answer_links SET used_at = $3
                 WHERE tenant_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > $3
                   AND meeting_id IN (SELECT id FROM meetings WHERE tenant_id = $1 AND status = 'published')
                 RETURNING meeting_id, user_id, answer",
            )
            .bind(tenant.0)
            .bind(token_hash)
            .bind(ctx.at)
            .fetch_optional(&mut *tx)
            .await?;
            match row.and_then(|(m, u, a)| Rsvp::parse(&a).map(|a| (m, u, a))) {
                None => None,
                Some((meeting, user, answer)) => {
                    let ctx = AuditCtx {
                        actor: Some(UserId(user)),
                        ..ctx.clone()
                    };
                    record_answer!(tx, tenant, meeting, user, answer, &ctx);
                    Some((MeetingId(meeting), UserId(user), answer))
                }
            }
        }))
    }

    /// Records a signed-in person's answer; `false` when they are not invited.
    pub async fn answer_invitation(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        user: UserId,
        answer: Rsvp,
        ctx: &AuditCtx,
    ) -> Result<bool> {
        Ok(write!(self, |tx| {
            let invited: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM meeting_invitations WHERE tenant_id = $1 AND meeting_id = $2 AND user_id = $3",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(user.0)
            .fetch_one(&mut *tx)
            .await?;
            if invited == 1 {
                record_answer!(tx, tenant, meeting.0, user.0, answer, ctx);
            }
            invited == 1
        }))
    }

    /// Makes a new private feed address for a person; any earlier one stops working.
    pub async fn create_calendar_feed(
        &self,
        tenant: TenantId,
        user: UserId,
        token_hash: &str,
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            sqlx::query(
                "UPDATE calendar_feeds SET revoked_at = $3 WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL",
            )
            .bind(tenant.0)
            .bind(user.0)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO calendar_feeds (token_hash, tenant_id, user_id, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(token_hash)
            .bind(tenant.0)
            .bind(user.0)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            audit!(tx, ctx, "calendar_feed.create", "user", user.0, None, None);
        });
        Ok(())
    }

    /// Revokes the person's private feed addresses; returns how many were active.
    pub async fn revoke_calendar_feeds(&self, tenant: TenantId, user: UserId, ctx: &AuditCtx) -> Result<u64> {
        Ok(write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE calendar_feeds SET revoked_at = $3 WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL",
            )
            .bind(tenant.0)
            .bind(user.0)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() > 0 {
                audit!(tx, ctx, "calendar_feed.revoke", "user", user.0, None, None);
            }
            done.rows_affected()
        }))
    }

    /// Claims one reminder and queues its e-mail in the same transaction. The claim is a single
    /// conditional UPDATE, so of several instances running the job only one finds the row still
    /// unclaimed: `false` means someone else sent it.
    pub async fn claim_reminder(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        user: UserId,
        mail: &NewMail,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        Ok(write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE meeting_invitations SET reminded_at = $4
                 WHERE tenant_id = $1 AND meeting_id = $2 AND user_id = $3 AND reminded_at IS NULL",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(user.0)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                enqueue!(tx, Some(tenant), mail, at);
            }
            done.rows_affected() == 1
        }))
    }
}
