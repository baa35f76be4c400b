//! What happens during and after a meeting: attendance (members and guests), the minutes
//! (draft → approved → published), their numbered decisions with votes, and the action items
//! with their owners. Also the public log of decisions (searchable without accents) and the
//! board of open action items.

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    MeetingId, TenantId, UserId,
    forum::{ActionStatus, MinutesStatus, Presence, Sector},
};
use serde_json::json;

use crate::{AuditCtx, NewMail, Result, Store, audit, read, write};

/// Folds a text for the decisions log's search (see [`domain::fold`]): the stored column and the
/// query are folded the same way, so that `LIKE` matches without accents on both databases.
pub fn fold_search(text: &str) -> String {
    domain::fold(text)
}

/// A `LIKE` pattern finding `folded` anywhere, with `%`, `_` and the escape character itself
/// taken literally (`ESCAPE '\'`).
pub fn like_pattern(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len() + 2);
    out.push('%');
    for c in folded.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// One line of attendance: a member (`user_id`) or a guest, with their sector and the
/// characteristics copied from the member's record at the time (never shown one by one in
/// public).
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct AttendanceRow {
    pub id: i64,
    pub user_id: Option<i64>,
    /// The member's name or the guest's.
    pub name: String,
    /// The member's organisation (from their seat) or the guest's.
    pub organisation: String,
    #[sqlx(try_from = "String")]
    pub sector: Sector,
    #[sqlx(try_from = "String")]
    pub presence: Presence,
    pub gender: Option<String>,
    pub youth: Option<bool>,
    pub rural: Option<bool>,
}

impl AttendanceRow {
    pub fn is_guest(&self) -> bool {
        self.user_id.is_none()
    }
}

/// A guest as the secretary records them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct GuestInput {
    pub name: String,
    pub organisation: String,
    pub sector: Sector,
    pub gender: Option<domain::forum::Gender>,
    pub youth: Option<bool>,
    pub rural: Option<bool>,
}

/// The minutes of a meeting with the names of who wrote and approved them.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct MinutesRow {
    pub meeting_id: i64,
    pub body_sq: String,
    pub body_en: String,
    #[sqlx(try_from = "String")]
    pub status: MinutesStatus,
    pub written_by: Option<i64>,
    pub approved_by: Option<i64>,
    pub approved_by_name: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// A numbered decision of a meeting, with its vote when one was taken.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct DecisionRow {
    pub id: i64,
    pub meeting_id: i64,
    pub number: i64,
    pub text_sq: String,
    pub text_en: String,
    pub votes_for: Option<i64>,
    pub votes_against: Option<i64>,
    pub votes_abstain: Option<i64>,
}

/// A decision as typed: texts and the vote (all three numbers, or none).
#[derive(Debug, Clone, serde::Serialize)]
pub struct DecisionInput {
    pub text_sq: String,
    pub text_en: String,
    pub votes: Option<Votes>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Votes {
    pub for_: i64,
    pub against: i64,
    pub abstain: i64,
}

/// A decision in the log of all meetings: with its meeting's title and date.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct LoggedDecision {
    pub id: i64,
    pub meeting_id: i64,
    pub meeting_title_sq: String,
    pub meeting_title_en: String,
    pub meeting_starts_at: DateTime<Utc>,
    pub number: i64,
    pub text_sq: String,
    pub text_en: String,
    pub votes_for: Option<i64>,
    pub votes_against: Option<i64>,
    pub votes_abstain: Option<i64>,
}

/// An action item with its owner's name and its meeting.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ActionRow {
    pub id: i64,
    pub meeting_id: i64,
    pub meeting_title_sq: String,
    pub meeting_title_en: String,
    pub meeting_starts_at: DateTime<Utc>,
    pub what: String,
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    pub due_on: Option<NaiveDate>,
    #[sqlx(try_from = "String")]
    pub status: ActionStatus,
    pub done_at: Option<DateTime<Utc>>,
}

/// An action item as typed: what, the member who owns it, by when.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ActionInput {
    pub what: String,
    pub owner_id: i64,
    pub due_on: NaiveDate,
}

const ATTENDANCE_COLUMNS: &str = "a.id, a.user_id, COALESCE(u.display_name, a.guest_name, '') AS name, \
     COALESCE(fm.organisation, a.guest_org) AS organisation, a.sector, a.presence, a.gender, a.youth, a.rural";

const MINUTES_COLUMNS: &str = "mm.meeting_id, mm.body_sq, mm.body_en, mm.status, mm.written_by, mm.approved_by, \
     ua.display_name AS approved_by_name, mm.approved_at, mm.published_at, mm.updated_at";

const DECISION_COLUMNS: &str = "d.id, d.meeting_id, d.number, d.text_sq, d.text_en, d.votes_for, d.votes_against, \
     d.votes_abstain";

const ACTION_COLUMNS: &str = "ai.id, ai.meeting_id, mt.title_sq AS meeting_title_sq, mt.title_en AS meeting_title_en, \
     mt.starts_at AS meeting_starts_at, ai.what, ai.owner_id, u.display_name AS owner_name, ai.due_on, ai.status, \
     ai.done_at";

/// Sets approved minutes back to draft inside a write: what was approved has changed.
macro_rules! unapprove {
    ($tx:ident, $tenant:expr, $meeting:expr, $ctx:expr) => {{
        sqlx::query(
            "UPDATE meeting_minutes SET status = 'draft', approved_by = NULL, approved_at = NULL, updated_at = $3
             WHERE tenant_id = $1 AND meeting_id = $2 AND status = 'approved'",
        )
        .bind($tenant.0)
        .bind($meeting.0)
        .bind($ctx.at)
        .execute(&mut *$tx)
        .await?;
    }};
}

impl Store {
    /// Attendance of a meeting: members first (by name), then guests in the order recorded.
    pub async fn attendance(&self, tenant: TenantId, meeting: MeetingId) -> Result<Vec<AttendanceRow>> {
        let sql = format!(
            "SELECT {ATTENDANCE_COLUMNS} FROM meeting_attendance a
             JOIN meetings mt ON mt.id = a.meeting_id AND mt.tenant_id = a.tenant_id
             LEFT JOIN users u ON u.id = a.user_id
             LEFT JOIN forum_members fm ON fm.forum_id = mt.forum_id AND fm.user_id = a.user_id
             WHERE a.tenant_id = $1 AND a.meeting_id = $2
             ORDER BY CASE WHEN a.user_id IS NULL THEN 1 ELSE 0 END, name, a.id"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, AttendanceRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(meeting.0)
                .fetch_all(db)
                .await?
        }))
    }

    /// Records the presence of members, all at once. Each member's sector, gender, youth and
    /// rural residence are copied from their seat as they are today, so that later changes to
    /// a seat do not rewrite history. Only accepted members of the meeting's forum are
    /// recorded; returns how many rows were written.
    pub async fn save_attendance(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        entries: &[(UserId, Presence)],
        ctx: &AuditCtx,
    ) -> Result<u64> {
        Ok(write!(self, |tx| {
            let mut written = 0;
            for (user, presence) in entries {
                let done = sqlx::query(
                    "INSERT INTO meeting_attendance (tenant_id, meeting_id, user_id, guest_org, sector, presence, gender,
                         youth, rural)
                     SELECT $1, mt.id, fm.user_id, '', fm.sector, $4, fm.gender, fm.youth, fm.rural
                     FROM meetings mt JOIN forum_members fm ON fm.forum_id = mt.forum_id AND fm.tenant_id = mt.tenant_id
                     WHERE mt.tenant_id = $1 AND mt.id = $2 AND fm.user_id = $3 AND fm.status = 'accepted'
                     ON CONFLICT (meeting_id, user_id) DO UPDATE SET presence = excluded.presence,
                         sector = excluded.sector, gender = excluded.gender, youth = excluded.youth,
                         rural = excluded.rural",
                )
                .bind(tenant.0)
                .bind(meeting.0)
                .bind(user.0)
                .bind(presence.key())
                .execute(&mut *tx)
                .await?;
                written += done.rows_affected();
            }
            let after: Vec<_> = entries
                .iter()
                .map(|(u, p)| json!({"user": u.0, "presence": p.key()}))
                .collect();
            unapprove!(tx, tenant, meeting, ctx);
            audit!(
                tx,
                ctx,
                "meeting.attendance",
                "meeting",
                meeting.0,
                None,
                Some(json!({"attendance": after}))
            );
            written
        }))
    }

    /// Adds a guest to a meeting's attendance (present). `None` when the meeting is not the
    /// tenant's.
    pub async fn add_guest(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        guest: &GuestInput,
        ctx: &AuditCtx,
    ) -> Result<Option<i64>> {
        Ok(write!(self, |tx| {
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO meeting_attendance (tenant_id, meeting_id, user_id, guest_name, guest_org, sector, presence,
                     gender, youth, rural)
                 SELECT $1, mt.id, NULL, $3, $4, $5, 'present', $6, $7, $8
                 FROM meetings mt WHERE mt.tenant_id = $1 AND mt.id = $2
                 RETURNING id",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(&guest.name)
            .bind(&guest.organisation)
            .bind(guest.sector.key())
            .bind(guest.gender.map(|g| g.key()))
            .bind(guest.youth)
            .bind(guest.rural)
            .fetch_optional(&mut *tx)
            .await?;
            if id.is_some() {
                unapprove!(tx, tenant, meeting, ctx);
                audit!(
                    tx,
                    ctx,
                    "meeting.attendance",
                    "meeting",
                    meeting.0,
                    None,
                    Some(
                        json!({"guest": guest.name, "organisation": guest.organisation, "sector": guest.sector.key()})
                    )
                );
            }
            id
        }))
    }

    /// Removes a guest (never a member's row) from a meeting's attendance. Removing one already
    /// gone changes nothing.
    pub async fn delete_guest(&self, tenant: TenantId, meeting: MeetingId, guest: i64, ctx: &AuditCtx) -> Result<bool> {
        Ok(write!(self, |tx| {
            let name: Option<Option<String>> = sqlx::query_scalar::<_, Option<String>>(
                "DELETE FROM meeting_attendance
                 WHERE tenant_id = $1 AND meeting_id = $2 AND id = $3 AND user_id IS NULL
                 RETURNING guest_name",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(guest)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(name) = &name {
                unapprove!(tx, tenant, meeting, ctx);
                audit!(
                    tx,
                    ctx,
                    "meeting.attendance",
                    "meeting",
                    meeting.0,
                    Some(json!({"guest": name})),
                    None
                );
            }
            name.is_some()
        }))
    }

    /// The minutes of a meeting, if written.
    pub async fn minutes(&self, tenant: TenantId, meeting: MeetingId) -> Result<Option<MinutesRow>> {
        let sql = format!(
            "SELECT {MINUTES_COLUMNS} FROM meeting_minutes mm LEFT JOIN users ua ON ua.id = mm.approved_by
             WHERE mm.tenant_id = $1 AND mm.meeting_id = $2"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, MinutesRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(meeting.0)
                .fetch_optional(db)
                .await?
        }))
    }

    /// Saves the minutes' text as a draft: a change after approval needs approving again.
    /// Published minutes are not changed (`false`).
    pub async fn save_minutes(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        body_sq: &str,
        body_en: &str,
        ctx: &AuditCtx,
    ) -> Result<bool> {
        Ok(write!(self, |tx| {
            let before: Option<String> =
                sqlx::query_scalar("SELECT status FROM meeting_minutes WHERE tenant_id = $1 AND meeting_id = $2")
                    .bind(tenant.0)
                    .bind(meeting.0)
                    .fetch_optional(&mut *tx)
                    .await?;
            let published = before.as_deref() == Some(MinutesStatus::Published.key());
            if published {
                false
            } else {
                let done = sqlx::query(
                    "INSERT INTO meeting_minutes (meeting_id, tenant_id, body_sq, body_en, status, written_by, updated_at)
                     SELECT mt.id, mt.tenant_id, $3, $4, 'draft', $5, $6 FROM meetings mt
                     WHERE mt.tenant_id = $1 AND mt.id = $2
                     ON CONFLICT (meeting_id) DO UPDATE SET body_sq = excluded.body_sq, body_en = excluded.body_en,
                         status = 'draft', approved_by = NULL, approved_at = NULL, written_by = excluded.written_by,
                         updated_at = excluded.updated_at",
                )
                .bind(tenant.0)
                .bind(meeting.0)
                .bind(body_sq)
                .bind(body_en)
                .bind(ctx.actor.map(|a| a.0))
                .bind(ctx.at)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 1 {
                    audit!(
                        tx,
                        ctx,
                        "minutes.save",
                        "meeting",
                        meeting.0,
                        before.map(|s| json!({"status": s})),
                        Some(json!({"status": "draft"}))
                    );
                }
                done.rows_affected() == 1
            }
        }))
    }

    /// Approves draft minutes (the use case checked who may). `false` when they are not a draft.
    pub async fn approve_minutes(&self, tenant: TenantId, meeting: MeetingId, ctx: &AuditCtx) -> Result<bool> {
        Ok(write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE meeting_minutes SET status = 'approved', approved_by = $3, approved_at = $4, updated_at = $4
                 WHERE tenant_id = $1 AND meeting_id = $2 AND status = 'draft'",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(ctx.actor.map(|a| a.0))
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                audit!(
                    tx,
                    ctx,
                    "minutes.approve",
                    "meeting",
                    meeting.0,
                    Some(json!({"status": "draft"})),
                    Some(json!({"status": "approved"}))
                );
            }
            done.rows_affected() == 1
        }))
    }

    /// Publishes approved minutes now and queues `mails` (to the action items' owners) in the
    /// same transaction. `false`, with nothing sent, when they are not approved.
    pub async fn publish_minutes(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        mails: &[NewMail],
        ctx: &AuditCtx,
    ) -> Result<bool> {
        Ok(write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE meeting_minutes SET status = 'published', published_at = $3, updated_at = $3
                 WHERE tenant_id = $1 AND meeting_id = $2 AND status = 'approved'",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                for mail in mails {
                    crate::common::outbox::enqueue!(tx, Some(tenant), mail, ctx.at);
                }
                audit!(
                    tx,
                    ctx,
                    "minutes.publish",
                    "meeting",
                    meeting.0,
                    Some(json!({"status": "approved"})),
                    Some(json!({"status": "published", "mails": mails.len()}))
                );
            }
            done.rows_affected() == 1
        }))
    }

    /// The decisions of a meeting in their order.
    pub async fn decisions(&self, tenant: TenantId, meeting: MeetingId) -> Result<Vec<DecisionRow>> {
        let sql = format!(
            "SELECT {DECISION_COLUMNS} FROM forum_decisions d WHERE d.tenant_id = $1 AND d.meeting_id = $2
             ORDER BY d.number"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, DecisionRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(meeting.0)
                .fetch_all(db)
                .await?
        }))
    }

    /// Adds a decision with the next number of its meeting; approved minutes go back to draft.
    /// `None` when the meeting is not the tenant's or its minutes are published.
    pub async fn add_decision(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        input: &DecisionInput,
        ctx: &AuditCtx,
    ) -> Result<Option<i64>> {
        let search = fold_search(&format!("{}\n{}", input.text_sq, input.text_en));
        Ok(write!(self, |tx| {
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO forum_decisions (tenant_id, meeting_id, number, text_sq, text_en, votes_for, votes_against,
                     votes_abstain, search_text)
                 SELECT $1, mt.id,
                     COALESCE((SELECT MAX(d.number) FROM forum_decisions d WHERE d.meeting_id = mt.id), 0) + 1,
                     $3, $4, $5, $6, $7, $8
                 FROM meetings mt
                 WHERE mt.tenant_id = $1 AND mt.id = $2 AND NOT EXISTS (SELECT 1 FROM meeting_minutes mm
                     WHERE mm.meeting_id = mt.id AND mm.status = 'published')
                 RETURNING id",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(&input.text_sq)
            .bind(&input.text_en)
            .bind(input.votes.map(|v| v.for_))
            .bind(input.votes.map(|v| v.against))
            .bind(input.votes.map(|v| v.abstain))
            .bind(&search)
            .fetch_optional(&mut *tx)
            .await?;
            if id.is_some() {
                unapprove!(tx, tenant, meeting, ctx);
                audit!(
                    tx,
                    ctx,
                    "minutes.save",
                    "meeting",
                    meeting.0,
                    None,
                    Some(json!({"decision": input}))
                );
            }
            id
        }))
    }

    /// Deletes a decision of unpublished minutes and numbers the following ones down, so that
    /// the numbers stay 1, 2, 3…; approved minutes go back to draft. `false` when nothing was
    /// deleted.
    pub async fn delete_decision(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        decision: i64,
        ctx: &AuditCtx,
    ) -> Result<bool> {
        Ok(write!(self, |tx| {
            let number: Option<i64> = sqlx::query_scalar(
                "DELETE FROM forum_decisions
                 WHERE tenant_id = $1 AND meeting_id = $2 AND id = $3 AND NOT EXISTS (SELECT 1 FROM meeting_minutes mm
                     WHERE mm.meeting_id = $2 AND mm.status = 'published')
                 RETURNING number",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(decision)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(number) = number {
                // Two steps through negative numbers: a unique (meeting, number) checked row by
                // row would otherwise collide while the numbers shift.
                for sql in [
                    "UPDATE forum_decisions SET number = -number WHERE tenant_id = $1 AND meeting_id = $2 AND number > $3",
                    "UPDATE forum_decisions SET number = -number - 1 WHERE tenant_id = $1 AND meeting_id = $2 AND number < 0",
                ] {
                    sqlx::query(sql)
                        .bind(tenant.0)
                        .bind(meeting.0)
                        .bind(number)
                        .execute(&mut *tx)
                        .await?;
                }
                unapprove!(tx, tenant, meeting, ctx);
                audit!(
                    tx,
                    ctx,
                    "minutes.save",
                    "meeting",
                    meeting.0,
                    Some(json!({"decision": number})),
                    None
                );
            }
            number.is_some()
        }))
    }

    /// The decisions of published minutes across meetings, newest meeting first; `members_view`
    /// includes members-only meetings; `pattern` is a `LIKE` pattern on the folded texts
    /// ([`fold_search`], [`like_pattern`]).
    pub async fn decisions_log(
        &self,
        tenant: TenantId,
        members_view: bool,
        pattern: Option<&str>,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<LoggedDecision>> {
        let visibility = if members_view {
            ""
        } else {
            " AND mt.visibility = 'public'"
        };
        let search = if pattern.is_some() {
            " AND d.search_text LIKE $4 ESCAPE '\\'"
        } else {
            " AND $4 = ''"
        };
        // The page is chosen on narrow rows (ids and sort keys) and only its 50 rows are read
        // whole: sorting thousands of wide rows is what would make a deep page slow.
        let sql = format!(
            "SELECT d.id, d.meeting_id, mt.title_sq AS meeting_title_sq, mt.title_en AS meeting_title_en,
                 mt.starts_at AS meeting_starts_at, d.number, d.text_sq, d.text_en, d.votes_for, d.votes_against,
                 d.votes_abstain
             FROM (SELECT d.id FROM forum_decisions d
                   JOIN meetings mt ON mt.id = d.meeting_id AND mt.tenant_id = d.tenant_id
                   JOIN meeting_minutes mm ON mm.meeting_id = d.meeting_id AND mm.tenant_id = d.tenant_id
                   WHERE d.tenant_id = $1 AND mm.status = 'published' AND mt.status <> 'draft'{visibility}{search}
                   ORDER BY mt.starts_at DESC, d.meeting_id DESC, d.number
                   LIMIT $2 OFFSET $3) page
             JOIN forum_decisions d ON d.id = page.id
             JOIN meetings mt ON mt.id = d.meeting_id
             ORDER BY mt.starts_at DESC, d.meeting_id DESC, d.number"
        );
        let pattern = pattern.unwrap_or("").to_owned();
        Ok(read!(self, |db| {
            sqlx::query_as::<_, LoggedDecision>(sqlx::AssertSqlSafe(sql.clone()))
                .bind(tenant.0)
                .bind(limit)
                .bind(offset)
                .bind(&pattern)
                .fetch_all(db)
                .await?
        }))
    }

    /// The action items of a meeting.
    pub async fn meeting_actions(&self, tenant: TenantId, meeting: MeetingId) -> Result<Vec<ActionRow>> {
        let sql = format!(
            "SELECT {ACTION_COLUMNS} FROM action_items ai
             JOIN meetings mt ON mt.id = ai.meeting_id AND mt.tenant_id = ai.tenant_id
             LEFT JOIN users u ON u.id = ai.owner_id
             WHERE ai.tenant_id = $1 AND ai.meeting_id = $2 ORDER BY ai.id"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ActionRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(meeting.0)
                .fetch_all(db)
                .await?
        }))
    }

    /// One action item of the tenant.
    pub async fn action_item(&self, tenant: TenantId, action: i64) -> Result<Option<ActionRow>> {
        let sql = format!(
            "SELECT {ACTION_COLUMNS} FROM action_items ai
             JOIN meetings mt ON mt.id = ai.meeting_id AND mt.tenant_id = ai.tenant_id
             LEFT JOIN users u ON u.id = ai.owner_id
             WHERE ai.tenant_id = $1 AND ai.id = $2"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ActionRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(action)
                .fetch_optional(db)
                .await?
        }))
    }

    /// Action items of published minutes: only `status` ones when given (the open board), the
    /// items of `first` first (mine first), then by due date. `members_view` includes
    /// members-only meetings.
    pub async fn published_actions(
        &self,
        tenant: TenantId,
        status: Option<ActionStatus>,
        first: Option<UserId>,
        members_view: bool,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<ActionRow>> {
        let visibility = if members_view {
            ""
        } else {
            " AND mt.visibility = 'public'"
        };
        let status_filter = if status.is_some() {
            " AND ai.status = $5"
        } else {
            " AND $5 = ''"
        };
        let sql = format!(
            "SELECT {ACTION_COLUMNS} FROM action_items ai
             JOIN meetings mt ON mt.id = ai.meeting_id AND mt.tenant_id = ai.tenant_id
             JOIN meeting_minutes mm ON mm.meeting_id = ai.meeting_id AND mm.tenant_id = ai.tenant_id
             LEFT JOIN users u ON u.id = ai.owner_id
             WHERE ai.tenant_id = $1 AND mm.status = 'published'{visibility}{status_filter}
             ORDER BY CASE WHEN ai.owner_id = $2 THEN 0 ELSE 1 END, ai.due_on, ai.id
             LIMIT $3 OFFSET $4"
        );
        let status = status.map(|s| s.key()).unwrap_or("");
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ActionRow>(sqlx::AssertSqlSafe(sql.clone()))
                .bind(tenant.0)
                .bind(first.map(|u| u.0).unwrap_or(0))
                .bind(limit)
                .bind(offset)
                .bind(status)
                .fetch_all(db)
                .await?
        }))
    }

    /// Adds an action item owned by an accepted member of the meeting's forum; approved
    /// minutes go back to draft. `None` when the owner is not such a member, the meeting not the
    /// tenant's, or its minutes are published.
    pub async fn add_action(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        input: &ActionInput,
        ctx: &AuditCtx,
    ) -> Result<Option<i64>> {
        Ok(write!(self, |tx| {
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO action_items (tenant_id, meeting_id, what, owner_id, due_on, status, created_at, updated_at)
                 SELECT $1, mt.id, $3, fm.user_id, $5, 'open', $6, $6
                 FROM meetings mt
                 JOIN forum_members fm ON fm.forum_id = mt.forum_id AND fm.tenant_id = mt.tenant_id
                     AND fm.user_id = $4 AND fm.status = 'accepted'
                 WHERE mt.tenant_id = $1 AND mt.id = $2 AND NOT EXISTS (SELECT 1 FROM meeting_minutes mm
                     WHERE mm.meeting_id = mt.id AND mm.status = 'published')
                 RETURNING id",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(&input.what)
            .bind(input.owner_id)
            .bind(input.due_on)
            .bind(ctx.at)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(id) = id {
                unapprove!(tx, tenant, meeting, ctx);
                audit!(
                    tx,
                    ctx,
                    "action_item.update",
                    "action_item",
                    id,
                    None,
                    Some(json!(input))
                );
            }
            id
        }))
    }

    /// Deletes an action item of unpublished minutes; approved minutes go back to draft.
    pub async fn delete_action(
        &self,
        tenant: TenantId,
        meeting: MeetingId,
        action: i64,
        ctx: &AuditCtx,
    ) -> Result<bool> {
        Ok(write!(self, |tx| {
            let what: Option<String> = sqlx::query_scalar(
                "DELETE FROM action_items
                 WHERE tenant_id = $1 AND meeting_id = $2 AND id = $3 AND NOT EXISTS (SELECT 1 FROM meeting_minutes mm
                     WHERE mm.meeting_id = $2 AND mm.status = 'published')
                 RETURNING what",
            )
            .bind(tenant.0)
            .bind(meeting.0)
            .bind(action)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(what) = &what {
                unapprove!(tx, tenant, meeting, ctx);
                audit!(
                    tx,
                    ctx,
                    "action_item.update",
                    "action_item",
                    action,
                    Some(json!({"what": what})),
                    None
                );
            }
            what.is_some()
        }))
    }

    /// Marks an open action item done now. `false` when it was not open (done twice is done once).
    pub async fn mark_action_done(&self, tenant: TenantId, action: i64, ctx: &AuditCtx) -> Result<bool> {
        Ok(write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE action_items SET status = 'done', done_at = $3, done_by = $4, updated_at = $3
                 WHERE tenant_id = $1 AND id = $2 AND status = 'open'",
            )
            .bind(tenant.0)
            .bind(action)
            .bind(ctx.at)
            .bind(ctx.actor.map(|a| a.0))
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                audit!(
                    tx,
                    ctx,
                    "action_item.update",
                    "action_item",
                    action,
                    Some(json!({"status": "open"})),
                    Some(json!({"status": "done"}))
                );
            }
            done.rows_affected() == 1
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_and_accents() {
        assert_eq!(fold_search("Këshilli Bashkiak"), "keshilli bashkiak");
        assert_eq!(fold_search("KËSHILLI"), "keshilli");
        assert_eq!(fold_search("Çështja"), "ceshtja");
        assert_eq!(fold_search("ç"), "c");
        assert_eq!(fold_search("Ana’s plan"), "ana's plan");
    }

    #[test]
    fn like_patterns_take_wildcards_literally() {
        assert_eq!(like_pattern("keshill"), "%keshill%");
        assert_eq!(like_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
