//! The public content coordinators write: the current cycle's timeline and news items.
//! Texts are stored per language; the reader falls back to Albanian when English is empty.

use chrono::{DateTime, NaiveDate, Utc};
use domain::{NewsId, TenantId, UserId};
use serde_json::json;

use crate::{AuditCtx, Result, Store, StoreError, audit, read, write};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct TimelinePhase {
    pub id: i64,
    pub position: i64,
    pub title_sq: String,
    pub title_en: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct PhaseInput {
    pub title_sq: String,
    pub title_en: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct NewsItem {
    pub id: i64,
    pub title_sq: String,
    pub title_en: String,
    pub body_sq: String,
    pub body_en: String,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub published_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct NewsInput {
    pub title_sq: String,
    pub title_en: String,
    /// Markdown source; rendered and sanitised when shown.
    pub body_sq: String,
    pub body_en: String,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CycleRow {
    pub id: i64,
    pub title_sq: String,
    pub title_en: String,
    pub status: String,
}

/// Inserts a cycle's phases in order, inside an open write transaction.
macro_rules! insert_phases {
    ($tx:ident, $tenant:expr, $cycle:expr, $phases:expr) => {{
        let phases: &[PhaseInput] = $phases;
        for (position, phase) in phases.iter().enumerate() {
            sqlx::query(
                "INSERT INTO timeline_phases (tenant_id, cycle_id, position, title_sq, title_en, starts_on, ends_on)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind($tenant.0)
            .bind($cycle)
            .bind(position as i64)
            .bind(&phase.title_sq)
            .bind(&phase.title_en)
            .bind(phase.starts_on)
            .bind(phase.ends_on)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}

impl Store {
    /// Creates a cycle and makes it the tenant's current one.
    pub async fn create_cycle(
        &self,
        tenant: TenantId,
        title_sq: &str,
        title_en: &str,
        phases: &[PhaseInput],
        ctx: &AuditCtx,
    ) -> Result<i64> {
        Ok(write!(self, |tx| {
            sqlx::query("UPDATE cycles SET is_current = FALSE WHERE tenant_id = $1")
                .bind(tenant.0)
                .execute(&mut *tx)
                .await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO cycles (tenant_id, title_sq, title_en, is_current, created_at)
                 VALUES ($1, $2, $3, TRUE, $4) RETURNING id",
            )
            .bind(tenant.0)
            .bind(title_sq)
            .bind(title_en)
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            insert_phases!(tx, tenant, id, phases);
            // The forum-member role is held for a cycle: members of the new cycle's forum get it
            // again when they accept their seat there.
            sqlx::query("DELETE FROM role_grants WHERE tenant_id = $1 AND role = 'forum_member'")
                .bind(tenant.0)
                .execute(&mut *tx)
                .await?;
            audit!(
                tx,
                ctx,
                "cycle.create",
                "cycle",
                id,
                None,
                Some(json!({"title_sq": title_sq, "title_en": title_en, "phases": phases}))
            );
            id
        }))
    }

    pub async fn current_cycle(&self, tenant: TenantId) -> Result<Option<CycleRow>> {
        read!(self, |db| {
            sqlx::query_as::<_, CycleRow>(
                "SELECT id, title_sq, title_en, status FROM cycles
                 WHERE tenant_id = $1 AND is_current = TRUE ORDER BY id DESC LIMIT 1",
            )
            .bind(tenant.0)
            .fetch_optional(db)
            .await
            .map_err(Into::into)
        })
    }

    pub async fn timeline(&self, tenant: TenantId, cycle: i64) -> Result<Vec<TimelinePhase>> {
        read!(self, |db| {
            sqlx::query_as::<_, TimelinePhase>(
                "SELECT id, position, title_sq, title_en, starts_on, ends_on FROM timeline_phases
                 WHERE tenant_id = $1 AND cycle_id = $2 ORDER BY position, id",
            )
            .bind(tenant.0)
            .bind(cycle)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    /// Replaces the phases of a cycle with `phases`, in order, keeping the old list in the audit.
    pub async fn replace_timeline(
        &self,
        tenant: TenantId,
        cycle: i64,
        phases: &[PhaseInput],
        ctx: &AuditCtx,
    ) -> Result<()> {
        let before = self.timeline(tenant, cycle).await?;
        write!(self, |tx| {
            let owned: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cycles WHERE id = $1 AND tenant_id = $2")
                .bind(cycle)
                .bind(tenant.0)
                .fetch_one(&mut *tx)
                .await?;
            if owned != 1 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("DELETE FROM timeline_phases WHERE cycle_id = $1 AND tenant_id = $2")
                .bind(cycle)
                .bind(tenant.0)
                .execute(&mut *tx)
                .await?;
            insert_phases!(tx, tenant, cycle, phases);
            audit!(
                tx,
                ctx,
                "timeline.update",
                "cycle",
                cycle,
                Some(json!(before)),
                Some(json!(phases))
            );
        });
        Ok(())
    }

    pub async fn create_news(
        &self,
        tenant: TenantId,
        author: UserId,
        input: &NewsInput,
        ctx: &AuditCtx,
    ) -> Result<NewsId> {
        Ok(write!(self, |tx| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO news_items (tenant_id, title_sq, title_en, body_sq, body_en, author_id, published_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
            )
            .bind(tenant.0)
            .bind(&input.title_sq)
            .bind(&input.title_en)
            .bind(&input.body_sq)
            .bind(&input.body_en)
            .bind(author.0)
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            audit!(tx, ctx, "news.create", "news_item", id, None, Some(json!(input)));
            NewsId(id)
        }))
    }

    pub async fn update_news(&self, tenant: TenantId, id: NewsId, input: &NewsInput, ctx: &AuditCtx) -> Result<()> {
        let before = self.news_item(tenant, id).await?.ok_or(StoreError::NotFound)?;
        write!(self, |tx| {
            sqlx::query(
                "UPDATE news_items SET title_sq = $1, title_en = $2, body_sq = $3, body_en = $4, updated_at = $5
                 WHERE id = $6 AND tenant_id = $7",
            )
            .bind(&input.title_sq)
            .bind(&input.title_en)
            .bind(&input.body_sq)
            .bind(&input.body_en)
            .bind(ctx.at)
            .bind(id.0)
            .bind(tenant.0)
            .execute(&mut *tx)
            .await?;
            audit!(
                tx,
                ctx,
                "news.update",
                "news_item",
                id.0,
                Some(
                    json!({"title_sq": before.title_sq, "title_en": before.title_en, "body_sq": before.body_sq, "body_en": before.body_en})
                ),
                Some(json!(input))
            );
        });
        Ok(())
    }

    pub async fn delete_news(&self, tenant: TenantId, id: NewsId, ctx: &AuditCtx) -> Result<()> {
        let before = self.news_item(tenant, id).await?.ok_or(StoreError::NotFound)?;
        write!(self, |tx| {
            sqlx::query("DELETE FROM news_items WHERE id = $1 AND tenant_id = $2")
                .bind(id.0)
                .bind(tenant.0)
                .execute(&mut *tx)
                .await?;
            audit!(tx, ctx, "news.delete", "news_item", id.0, Some(json!(before)), None);
        });
        Ok(())
    }

    pub async fn news_item(&self, tenant: TenantId, id: NewsId) -> Result<Option<NewsItem>> {
        read!(self, |db| {
            sqlx::query_as::<_, NewsItem>(
                "SELECT n.id, n.title_sq, n.title_en, n.body_sq, n.body_en, n.author_id,
                        u.display_name AS author_name, n.published_at, n.updated_at
                 FROM news_items n LEFT JOIN users u ON u.id = n.author_id
                 WHERE n.tenant_id = $1 AND n.id = $2",
            )
            .bind(tenant.0)
            .bind(id.0)
            .fetch_optional(db)
            .await
            .map_err(Into::into)
        })
    }

    /// Newest first. Offset pagination over an index on (tenant, published_at, id).
    pub async fn list_news(&self, tenant: TenantId, limit: i64, offset: i64) -> Result<Vec<NewsItem>> {
        read!(self, |db| {
            sqlx::query_as::<_, NewsItem>(
                "SELECT n.id, n.title_sq, n.title_en, n.body_sq, n.body_en, n.author_id,
                        u.display_name AS author_name, n.published_at, n.updated_at
                 FROM news_items n LEFT JOIN users u ON u.id = n.author_id
                 WHERE n.tenant_id = $1 ORDER BY n.published_at DESC, n.id DESC LIMIT $2 OFFSET $3",
            )
            .bind(tenant.0)
            .bind(limit)
            .bind(offset)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    pub async fn count_news(&self, tenant: TenantId) -> Result<i64> {
        read!(self, |db| {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM news_items WHERE tenant_id = $1")
                .bind(tenant.0)
                .fetch_one(db)
                .await
                .map_err(Into::into)
        })
    }
}
