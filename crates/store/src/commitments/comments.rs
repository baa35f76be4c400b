//! The forum's comments on a commitment: each on a version and a field (a template key,
//! `title`, `milestones`, or empty for the whole commitment), answered one level deep, resolved
//! by anyone who drafts. Never public.

use chrono::{DateTime, Utc};
use domain::{TenantId, UserId};
use serde_json::json;

use crate::{AuditCtx, Result, Store, StoreError, audit, read, write};

/// A comment as written.
#[derive(Debug, Clone)]
pub struct NewComment {
    pub version_number: i64,
    pub field_key: String,
    /// The comment it answers (itself not an answer).
    pub parent_id: Option<i64>,
    pub author: UserId,
    pub body: String,
}

/// A comment with its author's name.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CommentRow {
    pub id: i64,
    pub version_number: i64,
    pub field_key: String,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub author_name: Option<String>,
    pub body: String,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolved_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl Store {
    /// Adds a comment to a commitment of the tenant. An answer to an answer, or to a comment of
    /// another commitment, is not found (one level of replies).
    pub async fn add_commitment_comment(
        &self,
        tenant: TenantId,
        commitment: i64,
        comment: &NewComment,
        ctx: &AuditCtx,
    ) -> Result<i64> {
        Ok(write!(self, |tx| {
            if let Some(parent) = comment.parent_id {
                let ok: bool = sqlx::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM commitment_comments
                     WHERE tenant_id = $1 AND commitment_id = $2 AND id = $3 AND parent_id IS NULL)",
                )
                .bind(tenant.0)
                .bind(commitment)
                .bind(parent)
                .fetch_one(&mut *tx)
                .await?;
                if !ok {
                    return Err(StoreError::NotFound);
                }
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO commitment_comments (tenant_id, commitment_id, version_number, field_key, parent_id,
                     author_id, body, created_at)
                 SELECT $1, $2, $3, $4, $5, $6, $7, $8
                 WHERE EXISTS (SELECT 1 FROM commitments WHERE tenant_id = $1 AND id = $2)
                 RETURNING id",
            )
            .bind(tenant.0)
            .bind(commitment)
            .bind(comment.version_number)
            .bind(&comment.field_key)
            .bind(comment.parent_id)
            .bind(comment.author.0)
            .bind(&comment.body)
            .bind(ctx.at)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
            audit!(
                tx,
                ctx,
                "commitment_comment.create",
                "commitment",
                commitment,
                None,
                Some(
                    json!({"comment_id": id, "version": comment.version_number, "field": comment.field_key,
                    "parent_id": comment.parent_id})
                )
            );
            id
        }))
    }

    /// Marks a comment (and its answers with it, as one thread) resolved; resolving twice
    /// changes nothing.
    pub async fn resolve_commitment_comment(
        &self,
        tenant: TenantId,
        commitment: i64,
        comment: i64,
        by: UserId,
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            // The comment itself first: whether it was open decides the audit line.
            let done = sqlx::query(
                "UPDATE commitment_comments SET resolved_at = $4, resolved_by = $5
                 WHERE tenant_id = $1 AND commitment_id = $2 AND id = $3 AND resolved_at IS NULL",
            )
            .bind(tenant.0)
            .bind(commitment)
            .bind(comment)
            .bind(ctx.at)
            .bind(by.0)
            .execute(&mut *tx)
            .await?;
            // Then its answers, as one thread (an answer has no answers of its own).
            sqlx::query(
                "UPDATE commitment_comments SET resolved_at = $4, resolved_by = $5
                 WHERE tenant_id = $1 AND commitment_id = $2 AND parent_id = $3 AND resolved_at IS NULL",
            )
            .bind(tenant.0)
            .bind(commitment)
            .bind(comment)
            .bind(ctx.at)
            .bind(by.0)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                audit!(
                    tx,
                    ctx,
                    "commitment_comment.resolve",
                    "commitment",
                    commitment,
                    None,
                    Some(json!({"comment_id": comment}))
                );
            } else {
                let exists: bool = sqlx::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM commitment_comments WHERE tenant_id = $1 AND commitment_id = $2 AND id = $3)",
                )
                .bind(tenant.0)
                .bind(commitment)
                .bind(comment)
                .fetch_one(&mut *tx)
                .await?;
                if !exists {
                    return Err(StoreError::NotFound);
                }
            }
        });
        Ok(())
    }

    /// The comments of a commitment, oldest first (the page groups answers under theirs).
    pub async fn commitment_comments(&self, tenant: TenantId, commitment: i64) -> Result<Vec<CommentRow>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, CommentRow>(
                "SELECT c.id, c.version_number, c.field_key, c.parent_id, c.author_id, u.display_name AS author_name,
                        c.body, c.resolved_at, r.display_name AS resolved_by_name, c.created_at
                 FROM commitment_comments c
                 LEFT JOIN users u ON u.id = c.author_id
                 LEFT JOIN users r ON r.id = c.resolved_by
                 WHERE c.tenant_id = $1 AND c.commitment_id = $2 ORDER BY c.id",
            )
            .bind(tenant.0)
            .bind(commitment)
            .fetch_all(db)
            .await?
        }))
    }
}
