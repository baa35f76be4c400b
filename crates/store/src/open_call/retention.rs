//! Retention: the personal data of applications that were not selected is erased once the
//! municipality's retention period after the outcome is over, in every place it was copied to.

use chrono::{DateTime, Utc};
use domain::TenantId;
use serde_json::json;

use crate::{AuditCtx, Result, Store, audit, read, write};

/// An application whose call's outcome is published, with the tenant's retention period.
#[derive(Debug, Clone, sqlx::FromRow)]
struct PurgeCandidate {
    id: i64,
    tenant_id: i64,
    outcome_published_at: DateTime<Utc>,
    retention_days: i64,
}

/// The `outbox.about` value of e-mails about an application.
pub fn mail_about_application(app: i64) -> String {
    format!("application:{app}")
}

impl Store {
    /// Erases the personal data of applications that were not selected, once their call's
    /// outcome is older than the tenant's retention period, everywhere it was copied:
    /// the application's texts and contact details, its previous works, its attachments, the
    /// reviewers' comments and conflict notes, the before/after of its audit entries, and the
    /// address and body of the e-mails sent about it. What the public statistics count (type,
    /// size band, fields, administrative units, status) stays. Returns how many were erased.
    pub async fn purge_unselected(&self, now: DateTime<Utc>) -> Result<u64> {
        let candidates: Vec<PurgeCandidate> = read!(self, |db| {
            sqlx::query_as::<_, PurgeCandidate>(
                "SELECT a.id, a.tenant_id, c.outcome_published_at, t.retention_days FROM applications a
                 JOIN calls c ON c.id = a.call_id AND c.tenant_id = a.tenant_id JOIN tenants t ON t.id = a.tenant_id
                 WHERE a.status <> 'selected' AND a.erased_at IS NULL AND c.outcome_published_at IS NOT NULL
                 ORDER BY a.id",
            )
            .fetch_all(db)
            .await?
        });
        // Date arithmetic differs between the dialects; the cut-off is decided here instead.
        let due = candidates
            .into_iter()
            .filter(|c| c.outcome_published_at + chrono::Duration::days(c.retention_days) < now);
        let mut erased = 0;
        for c in due {
            let tenant = TenantId(c.tenant_id);
            let ctx = AuditCtx {
                tenant: Some(tenant),
                actor: None,
                at: now,
                request_id: Some("retention".into()),
            };
            let done: u64 = write!(self, |tx| {
                let n = sqlx::query(
                    "UPDATE applications SET description = '', statement = '', contact_name = '', contact_phone = '',
                            decision_reason = NULL, erased_at = $1, updated_at = $1
                     WHERE id = $2 AND tenant_id = $3 AND erased_at IS NULL",
                )
                .bind(now)
                .bind(c.id)
                .bind(tenant.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if n > 0 {
                    sqlx::query("DELETE FROM application_works WHERE tenant_id = $1 AND application_id = $2")
                        .bind(tenant.0)
                        .bind(c.id)
                        .execute(&mut *tx)
                        .await?;
                    let files: Vec<i64> = sqlx::query_scalar::<_, i64>(
                        "SELECT file_id FROM application_files WHERE tenant_id = $1 AND application_id = $2",
                    )
                    .bind(tenant.0)
                    .bind(c.id)
                    .fetch_all(&mut *tx)
                    .await?;
                    sqlx::query("DELETE FROM application_files WHERE tenant_id = $1 AND application_id = $2")
                        .bind(tenant.0)
                        .bind(c.id)
                        .execute(&mut *tx)
                        .await?;
                    for file in &files {
                        sqlx::query("DELETE FROM files WHERE id = $1 AND tenant_id = $2")
                            .bind(file)
                            .bind(tenant.0)
                            .execute(&mut *tx)
                            .await?;
                    }
                    sqlx::query(
                        "UPDATE review_scores SET comment = '' WHERE tenant_id = $1
                           AND review_id IN (SELECT id FROM reviews WHERE tenant_id = $1 AND application_id = $2)",
                    )
                    .bind(tenant.0)
                    .bind(c.id)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query("UPDATE reviews SET conflict_note = '' WHERE tenant_id = $1 AND application_id = $2")
                        .bind(tenant.0)
                        .bind(c.id)
                        .execute(&mut *tx)
                        .await?;
                    // The log keeps who did what and when; what they wrote about the applicant goes.
                    sqlx::query(
                        "UPDATE audit_log SET before_json = NULL, after_json = NULL
                         WHERE tenant_id = $1 AND entity = 'application' AND entity_id = $2",
                    )
                    .bind(tenant.0)
                    .bind(c.id.to_string())
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query("UPDATE outbox SET recipient = '', body_text = '' WHERE tenant_id = $1 AND about = $2")
                        .bind(tenant.0)
                        .bind(mail_about_application(c.id))
                        .execute(&mut *tx)
                        .await?;
                    audit!(
                        tx,
                        &ctx,
                        "application.erase",
                        "application",
                        c.id,
                        None,
                        Some(json!({"reason": "retention period over", "files": files.len()}))
                    );
                }
                n
            });
            erased += done;
        }
        Ok(erased)
    }
}
