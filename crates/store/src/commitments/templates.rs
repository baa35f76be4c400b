//! The commitment template's versions (`commitment_templates`): version 1 is the platform's
//! default, written on a tenant's first use; a coordinator's edit of labels, hints or "required"
//! makes the next version. Keys never change between versions (the use case checks it).

use chrono::{DateTime, Utc};
use domain::{TenantId, UserId, commitments::template::Template, open_call::UnknownValue};
use serde_json::json;

use crate::{AuditCtx, Result, Store, StoreError, audit, read, write};

/// A stored version of the template.
#[derive(Debug, Clone)]
pub struct TemplateRow {
    pub id: i64,
    pub version: i64,
    pub template: Template,
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct RawTemplate {
    id: i64,
    version: i64,
    definition: String,
    created_at: DateTime<Utc>,
}

impl RawTemplate {
    fn parse(self) -> Result<TemplateRow> {
        let mut template: Template = serde_json::from_str(&self.definition).map_err(|_| {
            StoreError::Unknown(UnknownValue {
                kind: "commitment template",
                value: format!("version {}", self.version),
            })
        })?;
        // The row's version is the truth; the JSON's copy only follows it.
        template.version = self.version;
        Ok(TemplateRow {
            id: self.id,
            version: self.version,
            template,
            created_at: self.created_at,
        })
    }
}

impl Store {
    /// The newest version of the tenant's template, with its row id. On the tenant's first use
    /// version 1 (`Template::default_v1`) is written: seed data, not anybody's change, so it
    /// has no audit row. Two first uses at once both end with the same version 1.
    // The seed row's time is bookkeeping, read by nobody's rule: the wall clock is fine here,
    // and the contract's signature (`current_template(tenant)`) stays free of a clock.
    #[allow(clippy::disallowed_methods)]
    pub async fn current_template(&self, tenant: TenantId) -> Result<(i64, Template)> {
        if let Some(row) = self.newest_template(tenant).await? {
            return Ok((row.id, row.template));
        }
        let v1 = Template::default_v1();
        let definition = serde_json::to_string(&v1).map_err(|e| StoreError::Database(sqlx::Error::Encode(e.into())))?;
        write!(self, |tx| {
            sqlx::query(
                "INSERT INTO commitment_templates (tenant_id, version, definition, created_by, created_at)
                 VALUES ($1, 1, $2, NULL, $3) ON CONFLICT (tenant_id, version) DO NOTHING",
            )
            .bind(tenant.0)
            .bind(&definition)
            .bind(Utc::now())
            .execute(&mut *tx)
            .await?;
        });
        let row = self.newest_template(tenant).await?.ok_or(StoreError::NotFound)?;
        Ok((row.id, row.template))
    }

    async fn newest_template(&self, tenant: TenantId) -> Result<Option<TemplateRow>> {
        let raw = read!(self, |db| {
            sqlx::query_as::<_, RawTemplate>(
                "SELECT id, version, definition, created_at FROM commitment_templates
                 WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1",
            )
            .bind(tenant.0)
            .fetch_optional(db)
            .await?
        });
        raw.map(RawTemplate::parse).transpose()
    }

    /// A version of the tenant's template by row id (a commitment's `template_id`).
    pub async fn template_by_id(&self, tenant: TenantId, id: i64) -> Result<Option<TemplateRow>> {
        let raw = read!(self, |db| {
            sqlx::query_as::<_, RawTemplate>(
                "SELECT id, version, definition, created_at FROM commitment_templates WHERE tenant_id = $1 AND id = $2",
            )
            .bind(tenant.0)
            .bind(id)
            .fetch_optional(db)
            .await?
        });
        raw.map(RawTemplate::parse).transpose()
    }

    /// Saves `template` as the version after `base_version` (the one the coordinator edited).
    /// Conflict on `version` when somebody saved another version meanwhile. Returns the new
    /// row's id and version.
    pub async fn save_template_version(
        &self,
        tenant: TenantId,
        base_version: i64,
        template: &Template,
        author: UserId,
        ctx: &AuditCtx,
    ) -> Result<(i64, i64)> {
        let version = base_version + 1;
        let mut template = template.clone();
        template.version = version;
        let definition =
            serde_json::to_string(&template).map_err(|e| StoreError::Database(sqlx::Error::Encode(e.into())))?;
        Ok(write!(self, |tx| {
            // The unique (tenant, version) refuses a second save from the same base.
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO commitment_templates (tenant_id, version, definition, created_by, created_at)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(tenant.0)
            .bind(version)
            .bind(&definition)
            .bind(author.0)
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            audit!(
                tx,
                ctx,
                "commitment_template.update",
                "commitment_template",
                id,
                Some(json!({"version": base_version})),
                Some(json!({"version": version, "template": template}))
            );
            (id, version)
        }))
    }
}
