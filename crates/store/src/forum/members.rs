//! Members of a forum: who sits in it, for which sector and in which position, and the
//! positions a municipality uses. The reads here are shared by every part of the forum
//! (meetings invite the accepted members; minutes are approved by a chair or a secretary).

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    ForumId, TenantId, UserId,
    forum::{DEFAULT_POSITIONS, Gender, MemberStatus, Sector},
};

use crate::{Result, Store, read};

/// The forum of a cycle, as stored.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ForumRow {
    pub id: i64,
    pub cycle_id: i64,
    pub name_sq: String,
    pub name_en: String,
    pub mandate_sq: String,
    pub mandate_en: String,
    pub legal_basis_sq: String,
    pub legal_basis_en: String,
    pub legal_number: String,
    pub legal_date: Option<NaiveDate>,
    pub legal_file_id: Option<i64>,
    pub call_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub(crate) const FORUM_COLUMNS: &str = "f.id, f.cycle_id, f.name_sq, f.name_en, f.mandate_sq, f.mandate_en, \
     f.legal_basis_sq, f.legal_basis_en, f.legal_number, f.legal_date, f.legal_file_id, f.call_id, \
     f.created_at, f.updated_at";

/// One seat in a forum with the person's name and address (the address is for e-mails and staff
/// pages only: never shown in public).
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct MemberRow {
    pub id: i64,
    pub forum_id: i64,
    pub user_id: i64,
    pub name: String,
    /// `None` once the account is deleted.
    pub email: Option<String>,
    pub lang: String,
    #[sqlx(try_from = "String")]
    pub sector: Sector,
    pub org_id: Option<i64>,
    pub organisation: String,
    pub pos_key: String,
    pub responsibilities: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub substitute_user_id: Option<i64>,
    pub gender: Option<String>,
    pub youth: Option<bool>,
    pub rural: Option<bool>,
    #[sqlx(try_from = "String")]
    pub status: MemberStatus,
    pub invited_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
    pub left_at: Option<DateTime<Utc>>,
}

impl MemberRow {
    pub fn gender(&self) -> Option<Gender> {
        self.gender.as_deref().and_then(Gender::parse)
    }
}

pub(crate) const MEMBER_COLUMNS: &str = "m.id, m.forum_id, m.user_id, u.display_name AS name, u.email, u.lang, \
     m.sector, m.org_id, m.organisation, m.pos_key, m.responsibilities, m.starts_on, m.ends_on, \
     m.substitute_user_id, m.gender, m.youth, m.rural, m.status, m.invited_at, m.answered_at, m.left_at";

/// A position members can hold, with its labels (the municipality's own, or the defaults').
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PositionRow {
    pub pos_key: String,
    /// Empty for a default position: its label is then `position-<key>` in `forum.ftl`.
    pub label_sq: String,
    pub label_en: String,
    pub sort_order: i64,
    pub approves_minutes: bool,
}

impl Store {
    /// The forum of the tenant's current cycle, if one was set up.
    pub async fn current_forum(&self, tenant: TenantId) -> Result<Option<ForumRow>> {
        let sql = format!(
            "SELECT {FORUM_COLUMNS} FROM forums f
             JOIN cycles c ON c.id = f.cycle_id AND c.tenant_id = f.tenant_id
             WHERE f.tenant_id = $1 AND c.is_current = TRUE
             ORDER BY f.id DESC LIMIT 1"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ForumRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .fetch_optional(db)
                .await?
        }))
    }

    /// A forum of the tenant by id (another tenant's forum is not found).
    pub async fn forum(&self, tenant: TenantId, forum: ForumId) -> Result<Option<ForumRow>> {
        let sql = format!("SELECT {FORUM_COLUMNS} FROM forums f WHERE f.tenant_id = $1 AND f.id = $2");
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ForumRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(forum.0)
                .fetch_optional(db)
                .await?
        }))
    }

    /// The members of a forum who accepted their position and have not left: the ones who
    /// count, are invited to meetings and hold the forum-member role. In position order, then by
    /// name.
    pub async fn accepted_members(&self, tenant: TenantId, forum: ForumId) -> Result<Vec<MemberRow>> {
        let sql = format!(
            "SELECT {MEMBER_COLUMNS} FROM forum_members m JOIN users u ON u.id = m.user_id
             WHERE m.tenant_id = $1 AND m.forum_id = $2 AND m.status = 'accepted'
             ORDER BY m.sector, u.display_name, m.id"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, MemberRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(forum.0)
                .fetch_all(db)
                .await?
        }))
    }

    /// A person's seat in a forum, whatever its status.
    pub async fn membership(&self, tenant: TenantId, forum: ForumId, user: UserId) -> Result<Option<MemberRow>> {
        let sql = format!(
            "SELECT {MEMBER_COLUMNS} FROM forum_members m JOIN users u ON u.id = m.user_id
             WHERE m.tenant_id = $1 AND m.forum_id = $2 AND m.user_id = $3"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, MemberRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(forum.0)
                .bind(user.0)
                .fetch_optional(db)
                .await?
        }))
    }

    /// The positions of the municipality's forum in their order: its own list, or the defaults
    /// while it has none.
    pub async fn forum_positions(&self, tenant: TenantId) -> Result<Vec<PositionRow>> {
        let own = read!(self, |db| {
            sqlx::query_as::<_, PositionRow>(
                "SELECT pos_key, label_sq, label_en, sort_order, approves_minutes FROM forum_positions
                 WHERE tenant_id = $1 ORDER BY sort_order, pos_key",
            )
            .bind(tenant.0)
            .fetch_all(db)
            .await?
        });
        if !own.is_empty() {
            return Ok(own);
        }
        Ok(DEFAULT_POSITIONS
            .iter()
            .zip(0..)
            .map(|(p, i)| PositionRow {
                pos_key: p.key.to_owned(),
                label_sq: String::new(),
                label_en: String::new(),
                sort_order: i,
                approves_minutes: p.approves_minutes,
            })
            .collect())
    }
}

/// A seat offered to a person: the coordinator's choices, before the person answers.
#[derive(Debug, Clone, serde::Serialize)]
pub struct NewMember {
    pub user_id: i64,
    pub candidate_id: Option<i64>,
    pub sector: Sector,
    pub org_id: Option<i64>,
    pub organisation: String,
    pub pos_key: String,
    pub responsibilities: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub substitute_user_id: Option<i64>,
}

impl Store {
    /// Offers a seat in the forum: the member is `invited` until they answer from the e-mailed
    /// link (`token_hash`), and the invitation e-mail is queued in the same transaction. The same
    /// person twice is a conflict on `forum_members`.
    pub async fn add_member(
        &self,
        tenant: TenantId,
        forum: ForumId,
        member: &NewMember,
        token_hash: &str,
        mail: Option<&crate::NewMail>,
        ctx: &crate::AuditCtx,
    ) -> Result<domain::MemberId> {
        Ok(crate::write!(self, |tx| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO forum_members (tenant_id, forum_id, user_id, candidate_id, sector, org_id,
                     organisation, pos_key, responsibilities, starts_on, ends_on, substitute_user_id,
                     status, answer_token_hash, invited_at, created_by, created_at, updated_at)
                 SELECT $1, f.id, u.id, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'invited', $13, $14, $15, $14, $14
                 FROM forums f JOIN users u ON u.id = $3 AND u.tenant_id = f.tenant_id AND u.deleted_at IS NULL
                 WHERE f.id = $2 AND f.tenant_id = $1
                 RETURNING id",
            )
            .bind(tenant.0)
            .bind(forum.0)
            .bind(member.user_id)
            .bind(member.candidate_id)
            .bind(member.sector.key())
            .bind(member.org_id)
            .bind(&member.organisation)
            .bind(&member.pos_key)
            .bind(&member.responsibilities)
            .bind(member.starts_on)
            .bind(member.ends_on)
            .bind(member.substitute_user_id)
            .bind(token_hash)
            .bind(ctx.at)
            .bind(ctx.actor.map(|a| a.0))
            .fetch_one(&mut *tx)
            .await?;
            if let Some(mail) = mail {
                crate::common::outbox::enqueue!(tx, Some(tenant), mail, ctx.at);
            }
            crate::audit!(
                tx,
                ctx,
                "forum_member.add",
                "forum_member",
                id,
                None,
                Some(serde_json::json!(member))
            );
            domain::MemberId(id)
        }))
    }

    /// The member's answer from the e-mailed link: accepting seats them and grants the
    /// forum-member role in the same transaction; declining records the answer. The link works
    /// once, and only while the seat is still `invited`; `None` when it does not.
    pub async fn answer_membership(
        &self,
        tenant: TenantId,
        token_hash: &str,
        accept: bool,
        ctx: &crate::AuditCtx,
    ) -> Result<Option<(domain::MemberId, UserId)>> {
        let status = if accept {
            MemberStatus::Accepted
        } else {
            MemberStatus::Declined
        };
        Ok(crate::write!(self, |tx| {
            let row: Option<(i64, i64)> = sqlx::query_as(
                "UPDATE forum_members SET status = $3, answered_at = $4, updated_at = $4, answer_token_hash = NULL
                 WHERE tenant_id = $1 AND answer_token_hash = $2 AND status = 'invited' AND invited_at >= $5
                 RETURNING id, user_id",
            )
            .bind(tenant.0)
            .bind(token_hash)
            .bind(status.key())
            .bind(ctx.at)
            .bind(ctx.at - chrono::Duration::days(domain::forum::MEMBERSHIP_LINK_DAYS))
            .fetch_optional(&mut *tx)
            .await?;
            match row {
                None => None,
                Some((id, user)) => {
                    if accept {
                        sqlx::query(
                            "INSERT INTO role_grants (tenant_id, user_id, role, granted_by, granted_at)
                             VALUES ($1, $2, 'forum_member', NULL, $3)
                             ON CONFLICT (tenant_id, user_id, role) DO NOTHING",
                        )
                        .bind(tenant.0)
                        .bind(user)
                        .bind(ctx.at)
                        .execute(&mut *tx)
                        .await?;
                    }
                    let ctx = crate::AuditCtx {
                        actor: Some(UserId(user)),
                        ..ctx.clone()
                    };
                    let code = if accept {
                        "forum_member.accept"
                    } else {
                        "forum_member.decline"
                    };
                    crate::audit!(
                        tx,
                        &ctx,
                        code,
                        "forum_member",
                        id,
                        Some(serde_json::json!({"status": "invited"})),
                        Some(serde_json::json!({"status": status.key()}))
                    );
                    Some((domain::MemberId(id), UserId(user)))
                }
            }
        }))
    }
}

/// A selected applicant of the cycle's call handed over to the forum (a `forum_candidates` row),
/// with what the coordinator's one-step form needs.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CandidateRow {
    pub id: i64,
    pub application_id: i64,
    pub user_id: i64,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub applicant_type: domain::open_call::ApplicantType,
    pub org_id: Option<i64>,
    pub organisation: String,
    pub reference: String,
}

const CANDIDATE_COLUMNS: &str = "fc.id, fc.application_id, fc.user_id, u.display_name AS name, a.applicant_type, \
     fc.org_id, COALESCE(o.name, '') AS organisation, COALESCE(a.reference, '') AS reference";

/// What the coordinator may change in a seat.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MemberUpdate {
    pub sector: Sector,
    pub organisation: String,
    pub pos_key: String,
    pub responsibilities: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub substitute_user_id: Option<i64>,
}

/// What a member chose to record about themselves (each `None`: prefers not to say).
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct MemberFacts {
    pub gender: Option<Gender>,
    pub youth: Option<bool>,
    pub rural: Option<bool>,
}

impl Store {
    /// Selected applicants of the cycle not yet offered a seat in the forum, in the order the
    /// outcome handed them over.
    pub async fn unseated_candidates(&self, tenant: TenantId, cycle: i64, forum: ForumId) -> Result<Vec<CandidateRow>> {
        let sql = format!(
            "SELECT {CANDIDATE_COLUMNS} FROM forum_candidates fc
             JOIN users u ON u.id = fc.user_id AND u.tenant_id = fc.tenant_id AND u.deleted_at IS NULL
             JOIN applications a ON a.id = fc.application_id AND a.tenant_id = fc.tenant_id
             LEFT JOIN organisations o ON o.id = fc.org_id AND o.tenant_id = fc.tenant_id
             WHERE fc.tenant_id = $1 AND (fc.cycle_id = $2 OR fc.cycle_id IS NULL)
               AND NOT EXISTS (SELECT 1 FROM forum_members m WHERE m.forum_id = $3 AND m.user_id = fc.user_id)
             ORDER BY fc.id"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, CandidateRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(cycle)
                .bind(forum.0)
                .fetch_all(db)
                .await?
        }))
    }

    /// One candidate of the tenant by id.
    pub async fn forum_candidate(&self, tenant: TenantId, candidate: i64) -> Result<Option<CandidateRow>> {
        let sql = format!(
            "SELECT {CANDIDATE_COLUMNS} FROM forum_candidates fc
             JOIN users u ON u.id = fc.user_id AND u.tenant_id = fc.tenant_id AND u.deleted_at IS NULL
             JOIN applications a ON a.id = fc.application_id AND a.tenant_id = fc.tenant_id
             LEFT JOIN organisations o ON o.id = fc.org_id AND o.tenant_id = fc.tenant_id
             WHERE fc.tenant_id = $1 AND fc.id = $2"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, CandidateRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(candidate)
                .fetch_optional(db)
                .await?
        }))
    }

    /// A page of every seat of the forum, whatever its status (the coordinator's table):
    /// accepted first, then invited, declined, left; and how many seats there are.
    pub async fn forum_members(
        &self,
        tenant: TenantId,
        forum: ForumId,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<MemberRow>, i64)> {
        let sql = format!(
            "SELECT {MEMBER_COLUMNS} FROM forum_members m JOIN users u ON u.id = m.user_id
             WHERE m.tenant_id = $1 AND m.forum_id = $2
             ORDER BY CASE m.status WHEN 'accepted' THEN 0 WHEN 'invited' THEN 1 WHEN 'declined' THEN 2 ELSE 3 END,
                 m.sector, u.display_name, m.id
             LIMIT $3 OFFSET $4"
        );
        let rows = read!(self, |db| {
            sqlx::query_as::<_, MemberRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(forum.0)
                .bind(limit)
                .bind(offset)
                .fetch_all(db)
                .await?
        });
        let total: i64 = read!(self, |db| {
            sqlx::query_scalar("SELECT COUNT(*) FROM forum_members WHERE tenant_id = $1 AND forum_id = $2")
                .bind(tenant.0)
                .bind(forum.0)
                .fetch_one(db)
                .await?
        });
        Ok((rows, total))
    }

    /// One seat of the forum by id.
    pub async fn forum_member(
        &self,
        tenant: TenantId,
        forum: ForumId,
        member: domain::MemberId,
    ) -> Result<Option<MemberRow>> {
        let sql = format!(
            "SELECT {MEMBER_COLUMNS} FROM forum_members m JOIN users u ON u.id = m.user_id
             WHERE m.tenant_id = $1 AND m.forum_id = $2 AND m.id = $3"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, MemberRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(forum.0)
                .bind(member.0)
                .fetch_optional(db)
                .await?
        }))
    }

    /// The seat an answer link was sent for, while it still waits for the answer (the use case
    /// checks the link's age).
    pub async fn member_by_answer_token(&self, tenant: TenantId, token_hash: &str) -> Result<Option<MemberRow>> {
        let sql = format!(
            "SELECT {MEMBER_COLUMNS} FROM forum_members m JOIN users u ON u.id = m.user_id
             WHERE m.tenant_id = $1 AND m.answer_token_hash = $2 AND m.status = 'invited'"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, MemberRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(token_hash)
                .fetch_optional(db)
                .await?
        }))
    }

    /// Saves the coordinator's changes to a seat.
    pub async fn update_member(
        &self,
        tenant: TenantId,
        forum: ForumId,
        member: domain::MemberId,
        update: &MemberUpdate,
        ctx: &crate::AuditCtx,
    ) -> Result<()> {
        crate::write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE forum_members SET sector = $4, organisation = $5, pos_key = $6, responsibilities = $7,
                     starts_on = $8, ends_on = $9, substitute_user_id = $10, updated_at = $11
                 WHERE tenant_id = $1 AND forum_id = $2 AND id = $3",
            )
            .bind(tenant.0)
            .bind(forum.0)
            .bind(member.0)
            .bind(update.sector.key())
            .bind(&update.organisation)
            .bind(&update.pos_key)
            .bind(&update.responsibilities)
            .bind(update.starts_on)
            .bind(update.ends_on)
            .bind(update.substitute_user_id)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(crate::StoreError::NotFound);
            }
            crate::audit!(
                tx,
                ctx,
                "forum_member.update",
                "forum_member",
                member.0,
                None,
                Some(serde_json::json!(update))
            );
        });
        Ok(())
    }

    /// What the member recorded about themselves (gender, youth, rural residence).
    pub async fn record_member_facts(
        &self,
        tenant: TenantId,
        member: domain::MemberId,
        facts: &MemberFacts,
        ctx: &crate::AuditCtx,
    ) -> Result<()> {
        crate::write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE forum_members SET gender = $3, youth = $4, rural = $5, updated_at = $6
                 WHERE tenant_id = $1 AND id = $2 AND status = 'accepted'",
            )
            .bind(tenant.0)
            .bind(member.0)
            .bind(facts.gender.map(Gender::key))
            .bind(facts.youth)
            .bind(facts.rural)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(crate::StoreError::NotFound);
            }
            // Personal data: the audit says that it changed, not what it is.
            crate::audit!(
                tx,
                ctx,
                "forum_member.update",
                "forum_member",
                member.0,
                None,
                Some(serde_json::json!({"personal_facts": "recorded"}))
            );
        });
        Ok(())
    }

    /// Ends a seat (the member leaves, or the coordinator ends it): status `left`, and the
    /// forum-member role is removed unless the person holds another accepted seat. An invited
    /// seat ends too (its link stops working). `false` when the seat had already ended.
    pub async fn end_membership(
        &self,
        tenant: TenantId,
        forum: ForumId,
        member: domain::MemberId,
        ctx: &crate::AuditCtx,
    ) -> Result<bool> {
        Ok(crate::write!(self, |tx| {
            let row: Option<(i64, String)> = sqlx::query_as(
                "SELECT user_id, status FROM forum_members WHERE tenant_id = $1 AND forum_id = $2 AND id = $3",
            )
            .bind(tenant.0)
            .bind(forum.0)
            .bind(member.0)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((user, before)) = row else {
                return Err(crate::StoreError::NotFound);
            };
            let done = sqlx::query(
                "UPDATE forum_members SET status = 'left', left_at = $4, updated_at = $4, answer_token_hash = NULL
                 WHERE tenant_id = $1 AND forum_id = $2 AND id = $3 AND status IN ('invited', 'accepted')",
            )
            .bind(tenant.0)
            .bind(forum.0)
            .bind(member.0)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                sqlx::query(
                    "DELETE FROM role_grants WHERE tenant_id = $1 AND user_id = $2 AND role = 'forum_member'
                       AND NOT EXISTS (SELECT 1 FROM forum_members m
                                       WHERE m.tenant_id = $1 AND m.user_id = $2 AND m.status = 'accepted')",
                )
                .bind(tenant.0)
                .bind(user)
                .execute(&mut *tx)
                .await?;
                // Whoever leaves stops hearing of the forum's meetings: no private feed, no
                // unused answer links, no invitations to meetings still to come (so no reminders
                // or updates either).
                sqlx::query(
                    "UPDATE calendar_feeds SET revoked_at = $3
                     WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL",
                )
                .bind(tenant.0)
                .bind(user)
                .bind(ctx.at)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "DELETE FROM meeting_answer_links
                     WHERE tenant_id = $1 AND user_id = $2 AND used_at IS NULL
                       AND meeting_id IN (SELECT id FROM meetings WHERE tenant_id = $1 AND forum_id = $3)",
                )
                .bind(tenant.0)
                .bind(user)
                .bind(forum.0)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "DELETE FROM meeting_invitations
                     WHERE tenant_id = $1 AND user_id = $2
                       AND meeting_id IN (SELECT id FROM meetings
                                          WHERE tenant_id = $1 AND forum_id = $3 AND starts_at > $4)",
                )
                .bind(tenant.0)
                .bind(user)
                .bind(forum.0)
                .bind(ctx.at)
                .execute(&mut *tx)
                .await?;
                crate::audit!(
                    tx,
                    ctx,
                    "forum_member.leave",
                    "forum_member",
                    member.0,
                    Some(serde_json::json!({"status": before})),
                    Some(serde_json::json!({"status": "left"}))
                );
                true
            } else {
                false
            }
        }))
    }
}
