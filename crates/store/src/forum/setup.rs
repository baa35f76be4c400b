//! Setting up the forum of a cycle: its name, mandate, legal basis, the call that chose its
//! members, and the versions of its terms of reference and participation rules.

use chrono::NaiveDate;
use domain::{ForumId, TenantId};
use serde_json::json;

use crate::{AuditCtx, Result, Store, audit, write};

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
