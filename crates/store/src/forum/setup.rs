//! Setting up the forum of a cycle: its name, mandate, legal basis, the call that chose its
//! members, and the versions of its terms of reference and participation rules.

use chrono::NaiveDate;
use domain::{ForumId, TenantId};
use serde_json::json;

use crate::{AuditCtx, Result, Store, audit, read, write};

/// What the coordinator writes about the forum itself (its texts are versioned apart).
#[derive(Debug, Clone, serde::Serialize)]
pub struct ForumInput {
    pub name_sq: String,
    pub name_en: String,
    pub mandate_sq: String,
    pub mandate_en: String,
    pub legal_basis_sq: String,
    pub legal_basis_en: String,
    pub legal_number: String,
    pub legal_date: Option<NaiveDate>,
    pub call_id: Option<i64>,
}

impl Store {
    /// Creates the forum of a cycle (one per cycle: a second is a conflict on `forums`).
    pub async fn create_forum(
        &self,
        tenant: TenantId,
        cycle: i64,
        input: &ForumInput,
        ctx: &AuditCtx,
    ) -> Result<ForumId> {
        Ok(write!(self, |tx| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO forums (tenant_id, cycle_id, name_sq, name_en, mandate_sq, mandate_en,
                     legal_basis_sq, legal_basis_en, legal_number, legal_date, call_id, created_by,
                     created_at, updated_at)
                 SELECT $1, c.id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13
                 FROM cycles c WHERE c.id = $2 AND c.tenant_id = $1
                 RETURNING id",
            )
            .bind(tenant.0)
            .bind(cycle)
            .bind(&input.name_sq)
            .bind(&input.name_en)
            .bind(&input.mandate_sq)
            .bind(&input.mandate_en)
            .bind(&input.legal_basis_sq)
            .bind(&input.legal_basis_en)
            .bind(&input.legal_number)
            .bind(input.legal_date)
            .bind(input.call_id)
            .bind(ctx.actor.map(|a| a.0))
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            audit!(tx, ctx, "forum.save", "forum", id, None, Some(json!(input)));
            ForumId(id)
        }))
    }
}

/// One saved version of the forum's terms of reference and participation rules.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct TextVersionRow {
    pub version: i64,
    pub terms_sq: String,
    pub terms_en: String,
    pub rules_sq: String,
    pub rules_en: String,
    pub note: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A new version of the texts as the coordinator wrote it.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct TextsInput {
    pub terms_sq: String,
    pub terms_en: String,
    pub rules_sq: String,
    pub rules_en: String,
    pub note: String,
}

const TEXT_COLUMNS: &str = "version, terms_sq, terms_en, rules_sq, rules_en, note, created_at";

impl Store {
    /// Saves the coordinator's changes to the forum itself (not its texts, which are versioned).
    pub async fn update_forum(
        &self,
        tenant: TenantId,
        forum: ForumId,
        input: &ForumInput,
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE forums SET name_sq = $3, name_en = $4, mandate_sq = $5, mandate_en = $6,
                     legal_basis_sq = $7, legal_basis_en = $8, legal_number = $9, legal_date = $10,
                     call_id = $11, updated_at = $12
                 WHERE tenant_id = $1 AND id = $2",
            )
            .bind(tenant.0)
            .bind(forum.0)
            .bind(&input.name_sq)
            .bind(&input.name_en)
            .bind(&input.mandate_sq)
            .bind(&input.mandate_en)
            .bind(&input.legal_basis_sq)
            .bind(&input.legal_basis_en)
            .bind(&input.legal_number)
            .bind(input.legal_date)
            .bind(input.call_id)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(crate::StoreError::NotFound);
            }
            audit!(tx, ctx, "forum.save", "forum", forum.0, None, Some(json!(input)));
        });
        Ok(())
    }

    /// Saves the texts as the next version (1 for the first). Two saves at once cannot get the
    /// same number: the second is a conflict on `version`.
    pub async fn save_texts(
        &self,
        tenant: TenantId,
        forum: ForumId,
        input: &TextsInput,
        ctx: &AuditCtx,
    ) -> Result<i64> {
        Ok(write!(self, |tx| {
            let version: i64 = sqlx::query_scalar(
                "INSERT INTO forum_text_versions (tenant_id, forum_id, version, terms_sq, terms_en, rules_sq,
                     rules_en, note, author_id, created_at)
                 SELECT $1, f.id, COALESCE((SELECT MAX(v.version) FROM forum_text_versions v WHERE v.forum_id = f.id), 0) + 1,
                     $3, $4, $5, $6, $7, $8, $9
                 FROM forums f WHERE f.tenant_id = $1 AND f.id = $2
                 RETURNING version",
            )
            .bind(tenant.0)
            .bind(forum.0)
            .bind(&input.terms_sq)
            .bind(&input.terms_en)
            .bind(&input.rules_sq)
            .bind(&input.rules_en)
            .bind(&input.note)
            .bind(ctx.actor.map(|a| a.0))
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            audit!(
                tx,
                ctx,
                "forum.texts",
                "forum",
                forum.0,
                None,
                Some(json!({"version": version, "note": input.note}))
            );
            version
        }))
    }

    /// A page of the texts' versions, newest first, and the number of versions.
    pub async fn text_versions(
        &self,
        tenant: TenantId,
        forum: ForumId,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<TextVersionRow>, i64)> {
        let sql = format!(
            "SELECT {TEXT_COLUMNS} FROM forum_text_versions WHERE tenant_id = $1 AND forum_id = $2
             ORDER BY version DESC LIMIT $3 OFFSET $4"
        );
        let rows = read!(self, |db| {
            sqlx::query_as::<_, TextVersionRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(forum.0)
                .bind(limit)
                .bind(offset)
                .fetch_all(db)
                .await?
        });
        let total: i64 = read!(self, |db| {
            sqlx::query_scalar("SELECT COUNT(*) FROM forum_text_versions WHERE tenant_id = $1 AND forum_id = $2")
                .bind(tenant.0)
                .bind(forum.0)
                .fetch_one(db)
                .await?
        });
        Ok((rows, total))
    }

    /// One version of the texts; `None` for the latest when `version` is `None`.
    pub async fn text_version(
        &self,
        tenant: TenantId,
        forum: ForumId,
        version: Option<i64>,
    ) -> Result<Option<TextVersionRow>> {
        // The latest is the version no other exceeds; a given one is matched exactly.
        let (filter, number) = match version {
            Some(v) => ("AND version = $3", v),
            None => ("AND version > $3", 0),
        };
        let sql = format!(
            "SELECT {TEXT_COLUMNS} FROM forum_text_versions WHERE tenant_id = $1 AND forum_id = $2
             {filter} ORDER BY version DESC LIMIT 1"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, TextVersionRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(forum.0)
                .bind(number)
                .fetch_optional(db)
                .await?
        }))
    }

    /// Attaches the legal basis's document (the mayor's decision), replacing an earlier one.
    pub async fn attach_legal_file(
        &self,
        tenant: TenantId,
        forum: ForumId,
        file: &crate::NewFile<'_>,
        ctx: &AuditCtx,
    ) -> Result<i64> {
        Ok(write!(self, |tx| {
            let old: Option<Option<i64>> =
                sqlx::query_scalar("SELECT legal_file_id FROM forums WHERE tenant_id = $1 AND id = $2")
                    .bind(tenant.0)
                    .bind(forum.0)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some(old) = old else {
                return Err(crate::StoreError::NotFound);
            };
            let id: i64 = sqlx::query_scalar(
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
            sqlx::query("UPDATE forums SET legal_file_id = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2")
                .bind(tenant.0)
                .bind(forum.0)
                .bind(id)
                .bind(ctx.at)
                .execute(&mut *tx)
                .await?;
            // The replaced document is no longer referenced by anything: the forum keeps one.
            if let Some(old) = old {
                sqlx::query("DELETE FROM files WHERE tenant_id = $1 AND id = $2")
                    .bind(tenant.0)
                    .bind(old)
                    .execute(&mut *tx)
                    .await?;
            }
            audit!(
                tx,
                ctx,
                "forum.attach",
                "forum",
                forum.0,
                old.map(|o| json!({"file_id": o})),
                Some(json!({"file_id": id, "filename": file.filename}))
            );
            id
        }))
    }

    /// The legal basis's document of a forum, with its content.
    pub async fn legal_file(&self, tenant: TenantId, forum: ForumId) -> Result<Option<(crate::FileMeta, Vec<u8>)>> {
        #[derive(sqlx::FromRow)]
        struct WithContent {
            #[sqlx(flatten)]
            meta: crate::FileMeta,
            content: Vec<u8>,
        }
        let row = read!(self, |db| {
            sqlx::query_as::<_, WithContent>(
                "SELECT fl.id, fl.filename, fl.content_type, fl.size_bytes, fl.sha256, fl.created_at, fl.content
                 FROM forums f JOIN files fl ON fl.id = f.legal_file_id AND fl.tenant_id = f.tenant_id
                 WHERE f.tenant_id = $1 AND f.id = $2",
            )
            .bind(tenant.0)
            .bind(forum.0)
            .fetch_optional(db)
            .await?
        });
        Ok(row.map(|r| (r.meta, r.content)))
    }

    /// The legal basis's document's name and size, without its content.
    pub async fn legal_file_meta(&self, tenant: TenantId, forum: ForumId) -> Result<Option<crate::FileMeta>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, crate::FileMeta>(
                "SELECT fl.id, fl.filename, fl.content_type, fl.size_bytes, fl.sha256, fl.created_at
                 FROM forums f JOIN files fl ON fl.id = f.legal_file_id AND fl.tenant_id = f.tenant_id
                 WHERE f.tenant_id = $1 AND f.id = $2",
            )
            .bind(tenant.0)
            .bind(forum.0)
            .fetch_optional(db)
            .await?
        }))
    }

    /// Replaces the municipality's list of positions (the defaults apply while it is empty).
    pub async fn save_positions(
        &self,
        tenant: TenantId,
        positions: &[crate::PositionRow],
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            sqlx::query("DELETE FROM forum_positions WHERE tenant_id = $1")
                .bind(tenant.0)
                .execute(&mut *tx)
                .await?;
            for p in positions {
                sqlx::query(
                    "INSERT INTO forum_positions (tenant_id, pos_key, label_sq, label_en, sort_order, approves_minutes)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(tenant.0)
                .bind(&p.pos_key)
                .bind(&p.label_sq)
                .bind(&p.label_en)
                .bind(p.sort_order)
                .bind(p.approves_minutes)
                .execute(&mut *tx)
                .await?;
            }
            audit!(
                tx,
                ctx,
                "forum.save",
                "tenant",
                tenant.0,
                None,
                Some(json!({"positions": positions}))
            );
        });
        Ok(())
    }
}
