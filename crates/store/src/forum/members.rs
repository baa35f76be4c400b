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
                 WHERE tenant_id = $1 AND answer_token_hash = $2 AND status = 'invited'
                 RETURNING id, user_id",
            )
            .bind(tenant.0)
            .bind(token_hash)
            .bind(status.key())
            .bind(ctx.at)
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
