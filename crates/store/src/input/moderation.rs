//! Moderation of public input: reports (one per person per item), hiding with a reason (the text
//! stays in the row and in the audit entry's `before`), dismissing reports, and the author's one
//! appeal with the coordinator's decision. Hiding a comment takes it out of the input's
//! `comment_count`; reinstating it puts it back, in the same transaction.

use chrono::{DateTime, Utc};
use domain::{
    TenantId, UserId,
    input::{AppealOutcome, ModerationTarget},
};
use serde_json::json;

use crate::{AuditCtx, NewMail, Result, Store, audit, common::outbox::enqueue, read, write};

/// An input or a comment as moderation sees it: the text (also when hidden), its author, the
/// input it belongs to, and the hiding.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ModeratedItem {
    pub input_id: i64,
    /// The input's title (a comment's input's).
    pub title: String,
    pub body: String,
    pub author_id: i64,
    pub author_name: String,
    pub author_email: Option<String>,
    pub author_lang: String,
    pub hidden_at: Option<DateTime<Utc>>,
    pub hidden_reason: String,
    /// The input (the item itself, or the comment's input) is hidden: its title is then not
    /// shown to anyone but a moderator, the input's own author and a coordinator.
    pub input_hidden: bool,
}

impl ModeratedItem {
    /// The input's title may be shown with this item to the item's author and to reporters:
    /// not when the item is a comment under a hidden input.
    pub fn title_withheld(&self, kind: ModerationTarget) -> bool {
        kind == ModerationTarget::Comment && self.input_hidden
    }
}

/// An open report with what was reported.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportRow {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub target_kind: ModerationTarget,
    pub target_id: i64,
    pub reporter_name: String,
    pub reason: String,
    pub created_at: DateTime<Utc>,
    pub input_id: i64,
    pub title: String,
    pub body: String,
    pub author_name: String,
}

/// An appeal with the hidden item it is about.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AppealRow {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub target_kind: ModerationTarget,
    pub target_id: i64,
    pub author_id: i64,
    pub author_name: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub outcome: Option<String>,
    pub decision_reason: String,
    pub decided_at: Option<DateTime<Utc>>,
    pub input_id: i64,
    pub title: String,
    pub item_body: String,
    pub hidden_reason: String,
    /// Who hid the item (none once reinstated).
    pub hidden_by: Option<i64>,
    /// The input (the item itself, or the comment's input) is hidden.
    pub input_hidden: bool,
}

impl AppealRow {
    pub fn outcome(&self) -> Option<AppealOutcome> {
        self.outcome.as_deref().and_then(AppealOutcome::parse)
    }

    /// As [`ModeratedItem::title_withheld`]: a comment under a hidden input.
    pub fn title_withheld(&self) -> bool {
        self.target_kind == ModerationTarget::Comment && self.input_hidden
    }
}

/// The item a report or an appeal names, joined as alias `it` with columns `input_id`, `title`,
/// `item_body`, `item_author`, `hidden_reason`, `hidden_by`, `input_hidden` (`target_kind`/`target_id`
/// from alias `r`).
const ITEM_JOIN: &str = "JOIN (SELECT 'input' AS kind, i.id AS id, i.tenant_id, i.id AS input_id, i.title, \
       i.body AS item_body, i.author_id AS item_author, i.hidden_reason, i.hidden_by, \
       (i.hidden_at IS NOT NULL) AS input_hidden FROM inputs i \
     UNION ALL SELECT 'comment', c.id, c.tenant_id, c.input_id, i.title, c.body, c.author_id, c.hidden_reason, \
       c.hidden_by, (i.hidden_at IS NOT NULL) FROM input_comments c JOIN inputs i ON i.id = c.input_id) it \
     ON it.kind = r.target_kind AND it.id = r.target_id AND it.tenant_id = r.tenant_id";

impl Store {
    /// The input or comment `kind`/`id` names, in this tenant.
    pub async fn moderated_item(
        &self,
        tenant: TenantId,
        kind: ModerationTarget,
        id: i64,
    ) -> Result<Option<ModeratedItem>> {
        let sql = match kind {
            ModerationTarget::Input => {
                "SELECT i.id AS input_id, i.title, i.body, i.author_id, u.display_name AS author_name,
                        u.email AS author_email, u.lang AS author_lang, i.hidden_at, i.hidden_reason,
                        (i.hidden_at IS NOT NULL) AS input_hidden
                 FROM inputs i JOIN users u ON u.id = i.author_id WHERE i.tenant_id = $1 AND i.id = $2"
            }
            ModerationTarget::Comment => {
                "SELECT c.input_id, i.title, c.body, c.author_id, u.display_name AS author_name,
                        u.email AS author_email, u.lang AS author_lang, c.hidden_at, c.hidden_reason,
                        (i.hidden_at IS NOT NULL) AS input_hidden
                 FROM input_comments c JOIN inputs i ON i.id = c.input_id JOIN users u ON u.id = c.author_id
                 WHERE c.tenant_id = $1 AND c.id = $2"
            }
        };
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ModeratedItem>(sql)
                .bind(tenant.0)
                .bind(id)
                .fetch_optional(db)
                .await?
        }))
    }

    pub async fn has_reported(&self, tenant: TenantId, kind: ModerationTarget, id: i64, user: UserId) -> Result<bool> {
        Ok(read!(self, |db| {
            sqlx::query_scalar::<_, bool>(
                "SELECT EXISTS (SELECT 1 FROM input_reports WHERE tenant_id = $1 AND target_kind = $2
                                AND target_id = $3 AND reporter_id = $4)",
            )
            .bind(tenant.0)
            .bind(kind.key())
            .bind(id)
            .bind(user.0)
            .fetch_one(db)
            .await?
        }))
    }

    /// Records a report. `false` when this person already reported the item.
    pub async fn report_item(
        &self,
        tenant: TenantId,
        kind: ModerationTarget,
        id: i64,
        reporter: UserId,
        reason: &str,
        ctx: &AuditCtx,
    ) -> Result<bool> {
        Ok(write!(self, |tx| {
            let report: Option<i64> = sqlx::query_scalar(
                "INSERT INTO input_reports (tenant_id, target_kind, target_id, reporter_id, reason, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (target_kind, target_id, reporter_id) DO NOTHING RETURNING id",
            )
            .bind(tenant.0)
            .bind(kind.key())
            .bind(id)
            .bind(reporter.0)
            .bind(reason)
            .bind(ctx.at)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(report) = report {
                audit!(
                    tx,
                    ctx,
                    "input_report.create",
                    kind.key(),
                    id,
                    None,
                    Some(json!({"report_id": report, "reason": reason}))
                );
            }
            report.is_some()
        }))
    }

    /// Open reports, oldest first, with the reported text (moderators only).
    pub async fn open_reports(&self, tenant: TenantId, limit: i64) -> Result<Vec<ReportRow>> {
        let sql = format!(
            "SELECT r.id, r.target_kind, r.target_id, u.display_name AS reporter_name, r.reason, r.created_at,
                    it.input_id, it.title, it.item_body AS body, au.display_name AS author_name
             FROM input_reports r JOIN users u ON u.id = r.reporter_id {ITEM_JOIN}
             JOIN users au ON au.id = it.item_author
             WHERE r.tenant_id = $1 AND r.closed_at IS NULL ORDER BY r.id LIMIT $2"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ReportRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(limit)
                .fetch_all(db)
                .await?
        }))
    }

    /// Hides an item with a reason, closes its open reports and queues the e-mail to its author,
    /// in one transaction. The text stays in the row, and the audit entry keeps it. `false` when
    /// the item is already hidden or not the tenant's.
    pub async fn hide_item(
        &self,
        tenant: TenantId,
        kind: ModerationTarget,
        id: i64,
        reason: &str,
        mail: Option<&NewMail>,
        ctx: &AuditCtx,
    ) -> Result<bool> {
        let table = match kind {
            ModerationTarget::Input => "inputs",
            ModerationTarget::Comment => "input_comments",
        };
        let sql = format!(
            "UPDATE {table} SET hidden_at = $3, hidden_by = $4, hidden_reason = $5
             WHERE tenant_id = $1 AND id = $2 AND hidden_at IS NULL RETURNING body"
        );
        Ok(write!(self, |tx| {
            let body: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(id)
                .bind(ctx.at)
                .bind(ctx.actor.map(|u| u.0))
                .bind(reason)
                .fetch_optional(&mut *tx)
                .await?;
            if let Some(body) = &body {
                if kind == ModerationTarget::Comment {
                    sqlx::query(
                        "UPDATE inputs SET comment_count = comment_count - 1
                         WHERE tenant_id = $1 AND comment_count > 0
                           AND id = (SELECT input_id FROM input_comments WHERE tenant_id = $1 AND id = $2)",
                    )
                    .bind(tenant.0)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                }
                sqlx::query(
                    "UPDATE input_reports SET closed_at = $4, closed_by = $5
                     WHERE tenant_id = $1 AND target_kind = $2 AND target_id = $3 AND closed_at IS NULL",
                )
                .bind(tenant.0)
                .bind(kind.key())
                .bind(id)
                .bind(ctx.at)
                .bind(ctx.actor.map(|u| u.0))
                .execute(&mut *tx)
                .await?;
                if let Some(mail) = mail {
                    enqueue!(tx, Some(tenant), mail, ctx.at);
                }
                audit!(
                    tx,
                    ctx,
                    "input_item.hide",
                    kind.key(),
                    id,
                    Some(json!({"text": body})),
                    Some(json!({"reason": reason}))
                );
            }
            body.is_some()
        }))
    }

    /// Closes one open report without hiding anything. `false` when it is not open.
    pub async fn dismiss_report(&self, tenant: TenantId, report: i64, ctx: &AuditCtx) -> Result<bool> {
        Ok(write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE input_reports SET closed_at = $3, closed_by = $4
                 WHERE tenant_id = $1 AND id = $2 AND closed_at IS NULL",
            )
            .bind(tenant.0)
            .bind(report)
            .bind(ctx.at)
            .bind(ctx.actor.map(|u| u.0))
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                audit!(tx, ctx, "input_report.dismiss", "input_report", report, None, None);
            }
            done.rows_affected() == 1
        }))
    }

    /// Records the author's one appeal. `None` when the item already has one.
    pub async fn add_appeal(
        &self,
        tenant: TenantId,
        kind: ModerationTarget,
        id: i64,
        author: UserId,
        body: &str,
        ctx: &AuditCtx,
    ) -> Result<Option<i64>> {
        Ok(write!(self, |tx| {
            let appeal: Option<i64> = sqlx::query_scalar(
                "INSERT INTO input_appeals (tenant_id, target_kind, target_id, author_id, body, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (target_kind, target_id) DO NOTHING RETURNING id",
            )
            .bind(tenant.0)
            .bind(kind.key())
            .bind(id)
            .bind(author.0)
            .bind(body)
            .bind(ctx.at)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(appeal) = appeal {
                audit!(
                    tx,
                    ctx,
                    "input_appeal.create",
                    "input_appeal",
                    appeal,
                    None,
                    Some(json!({"text": body}))
                );
            }
            appeal
        }))
    }

    fn appeal_select() -> String {
        format!(
            "SELECT r.id, r.target_kind, r.target_id, r.author_id, u.display_name AS author_name, r.body, r.created_at,
                    r.outcome, r.decision_reason, r.decided_at, it.input_id, it.title, it.item_body, it.hidden_reason,
                    it.hidden_by, it.input_hidden
             FROM input_appeals r JOIN users u ON u.id = r.author_id {ITEM_JOIN}"
        )
    }

    pub async fn appeal(&self, tenant: TenantId, appeal: i64) -> Result<Option<AppealRow>> {
        let sql = format!("{} WHERE r.tenant_id = $1 AND r.id = $2", Self::appeal_select());
        Ok(read!(self, |db| {
            sqlx::query_as::<_, AppealRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(appeal)
                .fetch_optional(db)
                .await?
        }))
    }

    pub async fn appeal_of(&self, tenant: TenantId, kind: ModerationTarget, id: i64) -> Result<Option<AppealRow>> {
        let sql = format!(
            "{} WHERE r.tenant_id = $1 AND r.target_kind = $2 AND r.target_id = $3",
            Self::appeal_select()
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, AppealRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(kind.key())
                .bind(id)
                .fetch_optional(db)
                .await?
        }))
    }

    /// Appeals, undecided first (oldest first), then the decided ones, newest first.
    pub async fn appeals(&self, tenant: TenantId, limit: i64) -> Result<Vec<AppealRow>> {
        let sql = format!(
            "{} WHERE r.tenant_id = $1
             ORDER BY CASE WHEN r.decided_at IS NULL THEN 0 ELSE 1 END, CASE WHEN r.decided_at IS NULL THEN r.id ELSE -r.id END
             LIMIT $2",
            Self::appeal_select()
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, AppealRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(limit)
                .fetch_all(db)
                .await?
        }))
    }

    /// Decides an undecided appeal: upheld (the hiding stands) or reinstated (the item is shown
    /// again, and a comment counted again); the e-mail to the author is queued in the same
    /// transaction. The audit entry keeps the hiding that was undone. `false` when the appeal is
    /// decided already or not the tenant's.
    pub async fn decide_appeal(
        &self,
        tenant: TenantId,
        appeal: i64,
        outcome: AppealOutcome,
        reason: &str,
        mail: Option<&NewMail>,
        ctx: &AuditCtx,
    ) -> Result<bool> {
        Ok(write!(self, |tx| {
            let target: Option<(String, i64)> = sqlx::query_as(
                "UPDATE input_appeals SET outcome = $3, decision_reason = $4, decided_by = $5, decided_at = $6
                 WHERE tenant_id = $1 AND id = $2 AND decided_at IS NULL RETURNING target_kind, target_id",
            )
            .bind(tenant.0)
            .bind(appeal)
            .bind(outcome.key())
            .bind(reason)
            .bind(ctx.actor.map(|u| u.0))
            .bind(ctx.at)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((kind, id)) = target else {
                return Ok(false);
            };
            let mut before = json!({"outcome": null});
            if outcome == AppealOutcome::Reinstated {
                let table = if kind == "comment" { "input_comments" } else { "inputs" };
                let hiding: Option<(Option<DateTime<Utc>>, Option<i64>, String)> = sqlx::query_as(sqlx::AssertSqlSafe(
                    format!("SELECT hidden_at, hidden_by, hidden_reason FROM {table} WHERE tenant_id = $1 AND id = $2"),
                ))
                .bind(tenant.0)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some((hidden_at, hidden_by, hidden_reason)) = hiding {
                    before = json!({"outcome": null, "hidden_at": hidden_at, "hidden_by": hidden_by,
                                    "hidden_reason": hidden_reason});
                }
                let shown = sqlx::query(sqlx::AssertSqlSafe(format!(
                    "UPDATE {table} SET hidden_at = NULL, hidden_by = NULL, hidden_reason = ''
                     WHERE tenant_id = $1 AND id = $2 AND hidden_at IS NOT NULL"
                )))
                .bind(tenant.0)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                if kind == "comment" && shown.rows_affected() == 1 {
                    sqlx::query(
                        "UPDATE inputs SET comment_count = comment_count + 1
                         WHERE tenant_id = $1 AND id = (SELECT input_id FROM input_comments WHERE tenant_id = $1 AND id = $2)",
                    )
                    .bind(tenant.0)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            if let Some(mail) = mail {
                enqueue!(tx, Some(tenant), mail, ctx.at);
            }
            audit!(
                tx,
                ctx,
                "input_appeal.decide",
                "input_appeal",
                appeal,
                Some(before),
                Some(json!({"outcome": outcome.key(), "reason": reason}))
            );
            true
        }))
    }
}
