//! Open calls and their selection criteria.

use chrono::{DateTime, Utc};
use domain::{CallId, TenantId};
use serde_json::json;

use crate::{AuditCtx, NewMail, Result, Store, StoreError, audit, common::outbox::enqueue, read, write};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CallRow {
    pub id: i64,
    pub tenant_id: i64,
    pub title_sq: String,
    pub title_en: String,
    pub summary_sq: String,
    pub summary_en: String,
    pub body_sq: String,
    pub body_en: String,
    pub eligibility_sq: String,
    pub eligibility_en: String,
    pub requirements_sq: String,
    pub requirements_en: String,
    pub allow_cso: bool,
    pub allow_informal: bool,
    pub allow_citizen: bool,
    pub places: Option<i64>,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub contact_email: String,
    pub status: String,
    pub published_at: Option<DateTime<Utc>>,
    pub outcome_published_at: Option<DateTime<Utc>>,
    pub ref_prefix: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl CallRow {
    pub fn id(&self) -> CallId {
        CallId(self.id)
    }
    pub fn is_published(&self) -> bool {
        self.status == "published"
    }
}

/// Everything a coordinator edits on a call (criteria apart).
#[derive(Debug, Clone, serde::Serialize)]
pub struct CallInput {
    pub title_sq: String,
    pub title_en: String,
    pub summary_sq: String,
    pub summary_en: String,
    pub body_sq: String,
    pub body_en: String,
    pub eligibility_sq: String,
    pub eligibility_en: String,
    pub requirements_sq: String,
    pub requirements_en: String,
    pub allow_cso: bool,
    pub allow_informal: bool,
    pub allow_citizen: bool,
    pub places: Option<i64>,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub contact_email: String,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CriterionRow {
    pub id: i64,
    pub position: i64,
    pub name_sq: String,
    pub name_en: String,
    pub description_sq: String,
    pub description_en: String,
    pub weight: i64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct CriterionInput {
    pub name_sq: String,
    pub name_en: String,
    pub description_sq: String,
    pub description_en: String,
    pub weight: i64,
}

const CALL_COLUMNS: &str = "c.id, c.tenant_id, c.title_sq, c.title_en, c.summary_sq, c.summary_en, c.body_sq, c.body_en, \
     c.eligibility_sq, c.eligibility_en, c.requirements_sq, c.requirements_en, c.allow_cso, c.allow_informal, \
     c.allow_citizen, c.places, c.opens_at, c.closes_at, c.contact_email, c.status, c.published_at, \
     c.outcome_published_at, c.ref_prefix, c.created_at, c.updated_at";

macro_rules! insert_criteria {
    ($tx:ident, $tenant:expr, $call:expr, $criteria:expr) => {{
        let criteria: &[CriterionInput] = $criteria;
        for (position, c) in criteria.iter().enumerate() {
            sqlx::query(
                "INSERT INTO call_criteria (tenant_id, call_id, position, name_sq, name_en, description_sq, description_en, weight)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind($tenant.0)
            .bind($call)
            .bind(position as i64)
            .bind(&c.name_sq)
            .bind(&c.name_en)
            .bind(&c.description_sq)
            .bind(&c.description_en)
            .bind(c.weight)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}

/// Someone holding a draft application: whom to tell of a change to the call, in which language.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Drafter {
    pub email: String,
    pub name: String,
    pub lang: String,
}

/// Someone with an application to a call that is not withdrawn (a draft or submitted): whom to
/// tell when the call's deadline or texts change, in which language, about which application.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CallApplicant {
    pub application_id: i64,
    pub email: String,
    pub name: String,
    pub lang: String,
    pub status: String,
}

impl Store {
    pub async fn create_call(
        &self,
        tenant: TenantId,
        input: &CallInput,
        criteria: &[CriterionInput],
        ref_prefix: &str,
        ctx: &AuditCtx,
    ) -> Result<CallId> {
        Ok(write!(self, |tx| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO calls (tenant_id, cycle_id, title_sq, title_en, summary_sq, summary_en, body_sq, body_en,
                                    eligibility_sq, eligibility_en, requirements_sq, requirements_en, allow_cso,
                                    allow_informal, allow_citizen, places, opens_at, closes_at, contact_email,
                                    ref_prefix, created_by, created_at, updated_at)
                 VALUES ($1, (SELECT id FROM cycles WHERE tenant_id = $1 AND is_current = TRUE ORDER BY id DESC LIMIT 1),
                         $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21)
                 RETURNING id",
            )
            .bind(tenant.0)
            .bind(&input.title_sq)
            .bind(&input.title_en)
            .bind(&input.summary_sq)
            .bind(&input.summary_en)
            .bind(&input.body_sq)
            .bind(&input.body_en)
            .bind(&input.eligibility_sq)
            .bind(&input.eligibility_en)
            .bind(&input.requirements_sq)
            .bind(&input.requirements_en)
            .bind(input.allow_cso)
            .bind(input.allow_informal)
            .bind(input.allow_citizen)
            .bind(input.places)
            .bind(input.opens_at)
            .bind(input.closes_at)
            .bind(&input.contact_email)
            .bind(ref_prefix)
            .bind(ctx.actor.map(|a| a.0))
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            insert_criteria!(tx, tenant, id, criteria);
            audit!(
                tx,
                ctx,
                "call.create",
                "call",
                id,
                None,
                Some(json!({"call": input, "criteria": criteria}))
            );
            CallId(id)
        }))
    }

    /// Saves a call's texts and dates. Criteria are replaced only while no review exists, so
    /// that scores always refer to the criteria they were given against.
    pub async fn update_call(
        &self,
        tenant: TenantId,
        call: CallId,
        input: &CallInput,
        criteria: &[CriterionInput],
        mails: &[NewMail],
        ctx: &AuditCtx,
    ) -> Result<()> {
        let before = self.call(tenant, call).await?.ok_or(StoreError::NotFound)?;
        let before_criteria = self.criteria(tenant, call).await?;
        write!(self, |tx| {
            sqlx::query(
                "UPDATE calls SET title_sq = $1, title_en = $2, summary_sq = $3, summary_en = $4, body_sq = $5,
                        body_en = $6, eligibility_sq = $7, eligibility_en = $8, requirements_sq = $9,
                        requirements_en = $10, allow_cso = $11, allow_informal = $12, allow_citizen = $13,
                        places = $14, opens_at = $15, closes_at = $16, contact_email = $17, updated_at = $18
                 WHERE id = $19 AND tenant_id = $20",
            )
            .bind(&input.title_sq)
            .bind(&input.title_en)
            .bind(&input.summary_sq)
            .bind(&input.summary_en)
            .bind(&input.body_sq)
            .bind(&input.body_en)
            .bind(&input.eligibility_sq)
            .bind(&input.eligibility_en)
            .bind(&input.requirements_sq)
            .bind(&input.requirements_en)
            .bind(input.allow_cso)
            .bind(input.allow_informal)
            .bind(input.allow_citizen)
            .bind(input.places)
            .bind(input.opens_at)
            .bind(input.closes_at)
            .bind(&input.contact_email)
            .bind(ctx.at)
            .bind(call.0)
            .bind(tenant.0)
            .execute(&mut *tx)
            .await?;
            let reviewed: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM reviews r JOIN applications a ON a.id = r.application_id
                 WHERE a.call_id = $1 AND a.tenant_id = $2 AND r.tenant_id = $2",
            )
            .bind(call.0)
            .bind(tenant.0)
            .fetch_one(&mut *tx)
            .await?;
            if reviewed == 0 {
                sqlx::query("DELETE FROM call_criteria WHERE call_id = $1 AND tenant_id = $2")
                    .bind(call.0)
                    .bind(tenant.0)
                    .execute(&mut *tx)
                    .await?;
                insert_criteria!(tx, tenant, call.0, criteria);
            }
            for mail in mails {
                enqueue!(tx, Some(tenant), mail, ctx.at);
            }
            audit!(
                tx,
                ctx,
                "call.update",
                "call",
                call.0,
                Some(json!({"call": before, "criteria": before_criteria})),
                Some(
                    json!({"call": input, "criteria": if reviewed == 0 { json!(criteria) } else { json!("unchanged: reviews exist") }})
                )
            );
        });
        Ok(())
    }

    /// Makes a draft public. It shows as upcoming until it opens.
    pub async fn publish_call(&self, tenant: TenantId, call: CallId, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE calls SET status = 'published', published_at = $1, updated_at = $1
                 WHERE id = $2 AND tenant_id = $3 AND status = 'draft'",
            )
            .bind(ctx.at)
            .bind(call.0)
            .bind(tenant.0)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                // Published already (a second click), or not this tenant's call.
                let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM calls WHERE id = $1 AND tenant_id = $2")
                    .bind(call.0)
                    .bind(tenant.0)
                    .fetch_one(&mut *tx)
                    .await?;
                return Err(if exists == 1 {
                    StoreError::Conflict { field: "status".into() }
                } else {
                    StoreError::NotFound
                });
            }
            audit!(
                tx,
                ctx,
                "call.publish",
                "call",
                call.0,
                Some(json!({"status": "draft"})),
                Some(json!({"status": "published"}))
            );
        });
        Ok(())
    }

    /// Moves the closing time and tells everyone with a draft, in one transaction.
    pub async fn extend_deadline(
        &self,
        tenant: TenantId,
        call: CallId,
        closes_at: DateTime<Utc>,
        mails: &[NewMail],
        ctx: &AuditCtx,
    ) -> Result<()> {
        let before = self.call(tenant, call).await?.ok_or(StoreError::NotFound)?;
        write!(self, |tx| {
            sqlx::query("UPDATE calls SET closes_at = $1, updated_at = $2 WHERE id = $3 AND tenant_id = $4")
                .bind(closes_at)
                .bind(ctx.at)
                .bind(call.0)
                .bind(tenant.0)
                .execute(&mut *tx)
                .await?;
            for mail in mails {
                enqueue!(tx, Some(tenant), mail, ctx.at);
            }
            audit!(
                tx,
                ctx,
                "call.extend_deadline",
                "call",
                call.0,
                Some(json!({"closes_at": before.closes_at})),
                Some(json!({"closes_at": closes_at, "told": mails.len()}))
            );
        });
        Ok(())
    }

    pub async fn call(&self, tenant: TenantId, call: CallId) -> Result<Option<CallRow>> {
        let sql = format!("SELECT {CALL_COLUMNS} FROM calls c WHERE c.tenant_id = $1 AND c.id = $2");
        read!(self, |db| {
            sqlx::query_as::<_, CallRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(call.0)
                .fetch_optional(db)
                .await
                .map_err(Into::into)
        })
    }

    /// The tenant's calls, newest closing date first; drafts only when asked for (staff).
    pub async fn list_calls(&self, tenant: TenantId, with_drafts: bool) -> Result<Vec<CallRow>> {
        let sql = format!(
            "SELECT {CALL_COLUMNS} FROM calls c WHERE c.tenant_id = $1 AND ($2 OR c.status = 'published')
             ORDER BY c.closes_at DESC, c.id DESC"
        );
        read!(self, |db| {
            sqlx::query_as::<_, CallRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(with_drafts)
                .fetch_all(db)
                .await
                .map_err(Into::into)
        })
    }

    pub async fn criteria(&self, tenant: TenantId, call: CallId) -> Result<Vec<CriterionRow>> {
        read!(self, |db| {
            sqlx::query_as::<_, CriterionRow>(
                "SELECT id, position, name_sq, name_en, description_sq, description_en, weight
                 FROM call_criteria WHERE tenant_id = $1 AND call_id = $2 ORDER BY position, id",
            )
            .bind(tenant.0)
            .bind(call.0)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    /// People holding a draft for the call, with their language (to tell them of a change).
    pub async fn call_drafters(&self, tenant: TenantId, call: CallId) -> Result<Vec<Drafter>> {
        read!(self, |db| {
            sqlx::query_as::<_, Drafter>(
                "SELECT u.email, u.display_name AS name, u.lang FROM applications a JOIN users u ON u.id = a.applicant_id
                 WHERE a.tenant_id = $1 AND a.call_id = $2 AND a.status = 'draft' AND u.email IS NOT NULL
                 ORDER BY a.id",
            )
            .bind(tenant.0)
            .bind(call.0)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    /// Everyone with a draft or a submitted application to the call (not yet decided: a change
    /// to the call means nothing to someone already selected or declined), who still has an
    /// address, in the order they applied.
    pub async fn call_applicants(&self, tenant: TenantId, call: CallId) -> Result<Vec<CallApplicant>> {
        read!(self, |db| {
            sqlx::query_as::<_, CallApplicant>(
                "SELECT a.id AS application_id, u.email, u.display_name AS name, u.lang, a.status
                 FROM applications a JOIN users u ON u.id = a.applicant_id
                 WHERE a.tenant_id = $1 AND a.call_id = $2 AND a.status IN ('draft', 'submitted') AND u.email IS NOT NULL
                 ORDER BY a.id",
            )
            .bind(tenant.0)
            .bind(call.0)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    pub async fn set_tenant_ref_prefix(&self, tenant: TenantId, prefix: &str, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            sqlx::query("UPDATE tenants SET ref_prefix = $1 WHERE id = $2")
                .bind(prefix)
                .bind(tenant.0)
                .execute(&mut *tx)
                .await?;
            audit!(
                tx,
                ctx,
                "tenant.ref_prefix",
                "tenant",
                tenant.0,
                None,
                Some(json!({"ref_prefix": prefix}))
            );
        });
        Ok(())
    }
}
