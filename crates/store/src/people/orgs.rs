//! Organisation profiles (registered CSOs and informal groups) and their members.

use chrono::{DateTime, Utc};
use domain::{OrgId, TenantId, UserId};
use serde_json::json;

use crate::{AuditCtx, Result, Store, StoreError, TokenRow, audit, people::accounts::consume_token, read, write};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct OrgRow {
    pub id: i64,
    pub tenant_id: i64,
    pub name: String,
    pub kind: String,
    pub registration_number: Option<String>,
    pub size_band: String,
    pub fields: String,
    pub area: String,
    pub website: String,
    pub mission: String,
    pub created_by: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct OrgInput {
    pub name: String,
    pub kind: String,
    pub registration_number: Option<String>,
    pub size_band: String,
    /// Comma-separated field-of-activity keys.
    pub fields: String,
    pub area: String,
    pub website: String,
    pub mission: String,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct OrgMemberRow {
    pub user_id: i64,
    pub display_name: String,
    pub is_owner: bool,
    pub joined_at: DateTime<Utc>,
}

const ORG_COLUMNS: &str = "o.id, o.tenant_id, o.name, o.kind, o.registration_number, o.size_band, \
     o.fields, o.area, o.website, o.mission, o.created_by, o.created_at";

impl Store {
    pub async fn create_org(&self, tenant: TenantId, owner: UserId, input: &OrgInput, ctx: &AuditCtx) -> Result<OrgId> {
        Ok(write!(self, |tx| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO organisations (tenant_id, name, kind, registration_number, size_band, fields,
                                            area, website, mission, created_by, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            )
            .bind(tenant.0)
            .bind(&input.name)
            .bind(&input.kind)
            .bind(&input.registration_number)
            .bind(&input.size_band)
            .bind(&input.fields)
            .bind(&input.area)
            .bind(&input.website)
            .bind(&input.mission)
            .bind(owner.0)
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO org_members (tenant_id, org_id, user_id, is_owner, joined_at) VALUES ($1, $2, $3, TRUE, $4)",
            )
            .bind(tenant.0)
            .bind(id)
            .bind(owner.0)
            .bind(ctx.at)
                .execute(&mut *tx)
                .await?;
            audit!(tx, ctx, "org.create", "organisation", id, None, Some(json!(input)));
            OrgId(id)
        }))
    }

    pub async fn update_org(&self, tenant: TenantId, org: OrgId, input: &OrgInput, ctx: &AuditCtx) -> Result<()> {
        let before = self.org(tenant, org).await?.ok_or(StoreError::NotFound)?;
        write!(self, |tx| {
            sqlx::query(
                "UPDATE organisations SET name = $1, kind = $2, registration_number = $3, size_band = $4,
                        fields = $5, area = $6, website = $7, mission = $8
                 WHERE id = $9 AND tenant_id = $10",
            )
            .bind(&input.name)
            .bind(&input.kind)
            .bind(&input.registration_number)
            .bind(&input.size_band)
            .bind(&input.fields)
            .bind(&input.area)
            .bind(&input.website)
            .bind(&input.mission)
            .bind(org.0)
            .bind(tenant.0)
            .execute(&mut *tx)
            .await?;
            audit!(
                tx,
                ctx,
                "org.update",
                "organisation",
                org.0,
                Some(json!(before)),
                Some(json!(input))
            );
        });
        Ok(())
    }

    pub async fn org(&self, tenant: TenantId, org: OrgId) -> Result<Option<OrgRow>> {
        let sql = format!("SELECT {ORG_COLUMNS} FROM organisations o WHERE o.tenant_id = $1 AND o.id = $2");
        read!(self, |db| {
            sqlx::query_as::<_, OrgRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(org.0)
                .fetch_optional(db)
                .await
                .map_err(Into::into)
        })
    }

    pub async fn orgs_of_user(&self, tenant: TenantId, user: UserId) -> Result<Vec<OrgRow>> {
        let sql = format!(
            "SELECT {ORG_COLUMNS} FROM organisations o JOIN org_members m ON m.org_id = o.id
             WHERE o.tenant_id = $1 AND m.tenant_id = $1 AND m.user_id = $2 ORDER BY o.id"
        );
        read!(self, |db| {
            sqlx::query_as::<_, OrgRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(user.0)
                .fetch_all(db)
                .await
                .map_err(Into::into)
        })
    }

    pub async fn list_orgs(&self, tenant: TenantId, limit: i64, offset: i64) -> Result<Vec<OrgRow>> {
        let sql = format!(
            "SELECT {ORG_COLUMNS} FROM organisations o WHERE o.tenant_id = $1 ORDER BY o.id DESC LIMIT $2 OFFSET $3"
        );
        read!(self, |db| {
            sqlx::query_as::<_, OrgRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(limit)
                .bind(offset)
                .fetch_all(db)
                .await
                .map_err(Into::into)
        })
    }

    pub async fn org_members(&self, tenant: TenantId, org: OrgId) -> Result<Vec<OrgMemberRow>> {
        read!(self, |db| {
            sqlx::query_as::<_, OrgMemberRow>(
                "SELECT m.user_id, u.display_name, m.is_owner, m.joined_at
                 FROM org_members m JOIN organisations o ON o.id = m.org_id JOIN users u ON u.id = m.user_id
                 WHERE o.tenant_id = $1 AND m.tenant_id = $1 AND m.org_id = $2 ORDER BY m.joined_at, m.user_id",
            )
            .bind(tenant.0)
            .bind(org.0)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    /// Joins the signed-in `user` to the organisation named in an invitation.
    pub async fn accept_org_invite(&self, token: &TokenRow, user: UserId, ctx: &AuditCtx) -> Result<OrgId> {
        let org = token.org_id.ok_or(StoreError::NotFound)?;
        write!(self, |tx| {
            consume_token!(tx, &token.token_hash, ctx.at);
            sqlx::query(
                "INSERT INTO org_members (tenant_id, org_id, user_id, is_owner, joined_at)
                 SELECT $1, o.id, $3, FALSE, $4 FROM organisations o WHERE o.id = $2 AND o.tenant_id = $1
                 ON CONFLICT (org_id, user_id) DO NOTHING",
            )
            .bind(token.tenant_id)
            .bind(org)
            .bind(user.0)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            audit!(
                tx,
                ctx,
                "org.join",
                "organisation",
                org,
                None,
                Some(json!({"user_id": user.0}))
            );
        });
        Ok(OrgId(org))
    }
}
