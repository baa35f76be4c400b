//! The discussion under an input: comments (one level of replies), supports (one per person) and
//! following. The input's `comment_count` (comments shown, hidden ones not counted) and
//! `support_count` change in the same transaction as what they count. A hidden or withdrawn
//! input takes no comment, support or follow: each write checks it in its own statement, so a
//! moderator hiding the input at the same moment cannot be overtaken.

use chrono::{DateTime, Utc};
use domain::{TenantId, UserId};
use serde_json::json;

use crate::{
    AuditCtx, Result, Store, audit,
    input::notifications::{FollowerMailBuilder, queue_follower_mails},
    read, write,
};

/// What the discussion needs to know about an input.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DiscussedInput {
    pub id: i64,
    pub title: String,
    pub author_id: i64,
    pub hidden_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub support_count: i64,
    pub comment_count: i64,
}

/// A comment with its author's name. `body` is the text as typed, also when hidden: the page
/// shows `hidden_reason` in its place.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CommentRow {
    pub id: i64,
    pub input_id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub author_name: String,
    pub body: String,
    pub hidden_at: Option<DateTime<Utc>>,
    pub hidden_reason: String,
    pub created_at: DateTime<Utc>,
    /// The author appealed the hiding already.
    pub appealed: bool,
}

const COMMENT_COLUMNS: &str = "c.id, c.input_id, c.parent_id, c.author_id, u.display_name AS author_name, c.body, \
     c.hidden_at, c.hidden_reason, c.created_at, \
     EXISTS (SELECT 1 FROM input_appeals a WHERE a.tenant_id = c.tenant_id AND a.target_kind = 'comment' \
             AND a.target_id = c.id) AS appealed";

/// The condition an input must meet to take part in a discussion (alias `i`).
const OPEN_INPUT: &str = "i.hidden_at IS NULL AND i.withdrawn_at IS NULL AND i.state = 'published'";

/// A comment as written, and whom to tell.
pub struct NewComment<'a> {
    pub input: i64,
    /// The top-level comment replied to (already resolved: a reply to a reply names its parent).
    pub parent: Option<i64>,
    pub author: UserId,
    pub body: &'a str,
}

impl Store {
    pub async fn discussed_input(&self, tenant: TenantId, input: i64) -> Result<Option<DiscussedInput>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, DiscussedInput>(
                "SELECT id, title, author_id, hidden_at, withdrawn_at, support_count, comment_count
                 FROM inputs WHERE tenant_id = $1 AND id = $2",
            )
            .bind(tenant.0)
            .bind(input)
            .fetch_optional(db)
            .await?
        }))
    }

    /// The comments of an input, oldest first (replies are placed under their parent by the
    /// page).
    pub async fn comments(&self, tenant: TenantId, input: i64) -> Result<Vec<CommentRow>> {
        let sql = format!(
            "SELECT {COMMENT_COLUMNS} FROM input_comments c JOIN users u ON u.id = c.author_id
             WHERE c.tenant_id = $1 AND c.input_id = $2 ORDER BY c.id"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, CommentRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(input)
                .fetch_all(db)
                .await?
        }))
    }

    pub async fn comment(&self, tenant: TenantId, comment: i64) -> Result<Option<CommentRow>> {
        let sql = format!(
            "SELECT {COMMENT_COLUMNS} FROM input_comments c JOIN users u ON u.id = c.author_id
             WHERE c.tenant_id = $1 AND c.id = $2"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, CommentRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(comment)
                .fetch_optional(db)
                .await?
        }))
    }

    /// Adds a comment and counts it, and tells the input's followers (the author of the comment
    /// apart) in the same transaction. `None` when the input is not open for discussion (hidden,
    /// withdrawn, another tenant's) or the parent is not a shown top-level comment of it.
    pub async fn add_comment(
        &self,
        tenant: TenantId,
        comment: &NewComment<'_>,
        build: &FollowerMailBuilder<'_>,
        ctx: &AuditCtx,
    ) -> Result<Option<i64>> {
        let sql = format!(
            "INSERT INTO input_comments (tenant_id, input_id, parent_id, author_id, body, created_at)
             SELECT $1, i.id, $3, $4, $5, $6 FROM inputs i
             WHERE i.tenant_id = $1 AND i.id = $2 AND {OPEN_INPUT}
               AND ($3 IS NULL OR EXISTS (SELECT 1 FROM input_comments p WHERE p.tenant_id = $1 AND p.id = $3
                                          AND p.input_id = i.id AND p.parent_id IS NULL AND p.hidden_at IS NULL))
             RETURNING id"
        );
        Ok(write!(self, |tx| {
            let id: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(comment.input)
                .bind(comment.parent)
                .bind(comment.author.0)
                .bind(comment.body)
                .bind(ctx.at)
                .fetch_optional(&mut *tx)
                .await?;
            if let Some(id) = id {
                sqlx::query("UPDATE inputs SET comment_count = comment_count + 1 WHERE tenant_id = $1 AND id = $2")
                    .bind(tenant.0)
                    .bind(comment.input)
                    .execute(&mut *tx)
                    .await?;
                queue_follower_mails!(
                    tx,
                    tenant,
                    comment.input,
                    "comment",
                    Some(comment.author),
                    ctx.at,
                    build
                );
                audit!(
                    tx,
                    ctx,
                    "input_comment.create",
                    "input",
                    comment.input,
                    None,
                    Some(json!({"comment_id": id, "parent_id": comment.parent, "text": comment.body}))
                );
            }
            id
        }))
    }

    pub async fn has_supported(&self, tenant: TenantId, input: i64, user: UserId) -> Result<bool> {
        Ok(read!(self, |db| {
            sqlx::query_scalar::<_, bool>(
                "SELECT EXISTS (SELECT 1 FROM input_supports WHERE tenant_id = $1 AND input_id = $2 AND user_id = $3)",
            )
            .bind(tenant.0)
            .bind(input)
            .bind(user.0)
            .fetch_one(db)
            .await?
        }))
    }

    /// Records one person's support and counts it. `false` when they already support it or the
    /// input is not open for discussion (the caller has said which before).
    pub async fn add_support(&self, tenant: TenantId, input: i64, user: UserId, ctx: &AuditCtx) -> Result<bool> {
        let sql = format!(
            "INSERT INTO input_supports (tenant_id, input_id, user_id, created_at)
             SELECT $1, i.id, $3, $4 FROM inputs i WHERE i.tenant_id = $1 AND i.id = $2 AND {OPEN_INPUT}
             ON CONFLICT (input_id, user_id) DO NOTHING"
        );
        Ok(write!(self, |tx| {
            let done = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(input)
                .bind(user.0)
                .bind(ctx.at)
                .execute(&mut *tx)
                .await?;
            let added = done.rows_affected() == 1;
            if added {
                sqlx::query("UPDATE inputs SET support_count = support_count + 1 WHERE tenant_id = $1 AND id = $2")
                    .bind(tenant.0)
                    .bind(input)
                    .execute(&mut *tx)
                    .await?;
                audit!(tx, ctx, "input.support", "input", input, None, None);
            }
            added
        }))
    }

    /// Takes back one person's support. `false` when there was none.
    pub async fn withdraw_support(&self, tenant: TenantId, input: i64, user: UserId, ctx: &AuditCtx) -> Result<bool> {
        Ok(write!(self, |tx| {
            let done =
                sqlx::query("DELETE FROM input_supports WHERE tenant_id = $1 AND input_id = $2 AND user_id = $3")
                    .bind(tenant.0)
                    .bind(input)
                    .bind(user.0)
                    .execute(&mut *tx)
                    .await?;
            let removed = done.rows_affected() == 1;
            if removed {
                sqlx::query(
                    "UPDATE inputs SET support_count = support_count - 1
                     WHERE tenant_id = $1 AND id = $2 AND support_count > 0",
                )
                .bind(tenant.0)
                .bind(input)
                .execute(&mut *tx)
                .await?;
                audit!(tx, ctx, "input.unsupport", "input", input, None, None);
            }
            removed
        }))
    }
}
