//! Deciding on applications and publishing the outcome of a call: decisions with reasons, the
//! e-mails, the public list of the selected, the statistics and the hand-over to the forum.

use domain::{
    ApplicationId, CallId, TenantId,
    open_call::{ApplicantType, ApplicationStatus},
};
use serde_json::json;

use crate::{AuditCtx, NewMail, Result, Store, StoreError, audit, common::outbox::enqueue, read, write};

/// One applicant to tell the outcome: where to write, in which language, what was decided.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutcomeRecipient {
    pub application_id: i64,
    pub email: String,
    pub name: String,
    pub lang: String,
    #[sqlx(try_from = "String")]
    pub status: ApplicationStatus,
    pub reason: String,
    pub reference: String,
}

/// What the public statistics count, one row per application: no personal data, no free text.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApplicationFact {
    #[sqlx(try_from = "String")]
    pub applicant_type: ApplicantType,
    #[sqlx(try_from = "String")]
    pub status: ApplicationStatus,
    pub size_band: String,
    /// Keys of fields of activity, comma-separated.
    pub fields: String,
    /// Administrative units, comma-separated keys from the tenant's list.
    pub areas: String,
}

/// A selected applicant who agreed to be listed publicly.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct SelectedRow {
    pub name: String,
    #[sqlx(try_from = "String")]
    pub applicant_type: ApplicantType,
    pub fields: String,
}

/// A selected applicant handed over to the forum of the cycle.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ForumCandidateRow {
    pub application_id: i64,
    pub user_id: i64,
    pub org_id: Option<i64>,
}

impl Store {
    /// Records a decision with its reason on each application (one by one or in bulk), until the
    /// outcome is published. All or nothing: if any id is unknown, of another call, or cannot take
    /// a decision (a draft, a withdrawn application), nothing changes and the answer is a conflict
    /// on `applications`. Returns how many changed.
    pub async fn decide(
        &self,
        tenant: TenantId,
        call: CallId,
        apps: &[ApplicationId],
        status: ApplicationStatus,
        reason: &str,
        ctx: &AuditCtx,
    ) -> Result<u64> {
        Ok(write!(self, |tx| {
            // Lock the call's row: a decision and the publishing of the outcome take turns, so
            // that no decision changes while (or after) the outcome goes out.
            let open = sqlx::query(
                "UPDATE calls SET updated_at = $3 WHERE id = $1 AND tenant_id = $2 AND outcome_published_at IS NULL",
            )
            .bind(call.0)
            .bind(tenant.0)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            if open.rows_affected() != 1 {
                let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM calls WHERE id = $1 AND tenant_id = $2")
                    .bind(call.0)
                    .bind(tenant.0)
                    .fetch_one(&mut *tx)
                    .await?;
                return Err(if exists == 1 {
                    StoreError::Conflict {
                        field: "outcome".into(),
                    }
                } else {
                    StoreError::NotFound
                });
            }
            let mut changed = 0;
            for app in apps {
                let before: Option<String> = sqlx::query_scalar::<_, String>(
                    "SELECT status FROM applications WHERE id = $1 AND tenant_id = $2 AND call_id = $3",
                )
                .bind(app.0)
                .bind(tenant.0)
                .bind(call.0)
                .fetch_optional(&mut *tx)
                .await?;
                let before = match before {
                    Some(raw) => ApplicationStatus::try_from(raw)?,
                    None => ApplicationStatus::Draft,
                };
                if before.can_decide().is_err() {
                    return Err(StoreError::Conflict {
                        field: "applications".into(),
                    });
                }
                sqlx::query(
                    "UPDATE applications SET status = $1, decision_reason = $2, decided_by = $3, decided_at = $4, updated_at = $4
                     WHERE id = $5",
                )
                .bind(status.key())
                .bind(reason)
                .bind(ctx.actor.map(|a| a.0))
                .bind(ctx.at)
                .bind(app.0)
                .execute(&mut *tx)
                .await?;
                audit!(
                    tx,
                    ctx,
                    "application.decide",
                    "application",
                    app.0,
                    Some(json!({"status": before.key()})),
                    Some(json!({"status": status.key(), "reason": reason}))
                );
                changed += 1;
            }
            changed
        }))
    }

    /// Publishes the outcome: marks the call, hands the selected applicants over to the forum
    /// of the cycle, and queues each applicant's e-mail, atomically. Refused (conflict on
    /// `status`) while any application still waits for a decision.
    pub async fn publish_outcome(
        &self,
        tenant: TenantId,
        call: CallId,
        mails: &[NewMail],
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE calls SET outcome_published_at = $1, updated_at = $1
                 WHERE id = $2 AND tenant_id = $3 AND outcome_published_at IS NULL",
            )
            .bind(ctx.at)
            .bind(call.0)
            .bind(tenant.0)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::Conflict {
                    field: "outcome".into(),
                });
            }
            let undecided: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM applications WHERE call_id = $1 AND tenant_id = $2 AND status = 'submitted'",
            )
            .bind(call.0)
            .bind(tenant.0)
            .fetch_one(&mut *tx)
            .await?;
            if undecided > 0 {
                return Err(StoreError::Conflict { field: "status".into() });
            }
            sqlx::query(
                "INSERT INTO forum_candidates (tenant_id, cycle_id, application_id, user_id, org_id, created_at)
                 SELECT a.tenant_id, c.cycle_id, a.id, a.applicant_id, a.org_id, $1
                 FROM applications a JOIN calls c ON c.id = a.call_id
                 WHERE a.call_id = $2 AND a.tenant_id = $3 AND a.status = 'selected'
                 ON CONFLICT (application_id) DO NOTHING",
            )
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
                "call.publish_outcome",
                "call",
                call.0,
                None,
                Some(json!({"mails": mails.len()}))
            );
        });
        Ok(())
    }

    /// All decided applications of a call with what their e-mail needs.
    pub async fn outcome_recipients(&self, tenant: TenantId, call: CallId) -> Result<Vec<OutcomeRecipient>> {
        read!(self, |db| {
            sqlx::query_as::<_, OutcomeRecipient>(
                "SELECT a.id AS application_id, u.email, u.display_name AS name, u.lang, a.status, COALESCE(a.decision_reason, '') AS reason,
                        COALESCE(a.reference, '') AS reference
                 FROM applications a JOIN users u ON u.id = a.applicant_id
                 WHERE a.tenant_id = $1 AND a.call_id = $2 AND a.status NOT IN ('draft', 'withdrawn') AND u.email IS NOT NULL
                 ORDER BY a.id",
            )
            .bind(tenant.0)
            .bind(call.0)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    /// What the public statistics are computed from: one row per application, no personal data.
    pub async fn application_facts(&self, tenant: TenantId, call: CallId) -> Result<Vec<ApplicationFact>> {
        read!(self, |db| {
            sqlx::query_as::<_, ApplicationFact>(
                "SELECT a.applicant_type, a.status, COALESCE(NULLIF(a.size_band, ''), COALESCE(o.size_band, '')) AS size_band,
                        a.fields, a.areas
                 FROM applications a LEFT JOIN organisations o ON o.id = a.org_id
                 WHERE a.tenant_id = $1 AND a.call_id = $2 AND a.status NOT IN ('draft', 'withdrawn')",
            )
            .bind(tenant.0)
            .bind(call.0)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    /// Selected applicants who agreed to be listed.
    pub async fn selected_public(&self, tenant: TenantId, call: CallId) -> Result<Vec<SelectedRow>> {
        read!(self, |db| {
            sqlx::query_as::<_, SelectedRow>(
                "SELECT COALESCE(o.name, u.display_name) AS name, a.applicant_type, a.fields
                 FROM applications a JOIN users u ON u.id = a.applicant_id LEFT JOIN organisations o ON o.id = a.org_id
                 WHERE a.tenant_id = $1 AND a.call_id = $2 AND a.status = 'selected' AND a.consent_listing = TRUE
                 ORDER BY COALESCE(o.name, u.display_name)",
            )
            .bind(tenant.0)
            .bind(call.0)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    /// Applicants handed over to the forum.
    pub async fn forum_candidates(&self, tenant: TenantId) -> Result<Vec<ForumCandidateRow>> {
        read!(self, |db| {
            sqlx::query_as::<_, ForumCandidateRow>(
                "SELECT application_id, user_id, org_id FROM forum_candidates WHERE tenant_id = $1 ORDER BY id",
            )
            .bind(tenant.0)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }
}
