//! The coordinator's export of a call's applications (CSV is written by the services).

use chrono::{DateTime, Utc};
use domain::{
    CallId, TenantId,
    open_call::{ApplicantType, ApplicationStatus},
};

use crate::{AuditCtx, Result, Store, audit, read, write};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ExportRow {
    pub id: i64,
    pub reference: Option<String>,
    #[sqlx(try_from = "String")]
    pub status: ApplicationStatus,
    #[sqlx(try_from = "String")]
    pub applicant_type: ApplicantType,
    pub applicant: String,
    pub registration_number: Option<String>,
    pub email: Option<String>,
    pub contact_name: String,
    pub contact_phone: String,
    pub fields: String,
    pub areas: String,
    pub size_band: String,
    pub submitted_at: Option<DateTime<Utc>>,
    pub mean: Option<f64>,
    pub spread: Option<f64>,
    pub reviews_done: i64,
    pub conflicts: i64,
    pub decision_reason: Option<String>,
}

impl Store {
    /// Notes that a member of staff exported a call's applications (personal data included).
    pub async fn record_export(&self, tenant: TenantId, call: CallId, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            let _ = tenant;
            audit!(tx, ctx, "call.export", "call", call.0, None, None);
        });
        Ok(())
    }

    /// One page of a call's applications for the CSV export, in id order after `after_id`, with
    /// their review figures. Keyset pagination keeps every page as fast as the first.
    pub async fn export_page(
        &self,
        tenant: TenantId,
        call: CallId,
        after_id: i64,
        limit: i64,
    ) -> Result<Vec<ExportRow>> {
        read!(self, |db| {
            sqlx::query_as::<_, ExportRow>(
                "SELECT a.id, a.reference, a.status, a.applicant_type, COALESCE(o.name, u.display_name) AS applicant,
                        o.registration_number, u.email, a.contact_name, a.contact_phone, a.fields, a.areas,
                        COALESCE(NULLIF(a.size_band, ''), COALESCE(o.size_band, '')) AS size_band, a.submitted_at,
                        a.review_mean AS mean, a.review_spread AS spread, a.reviews_done, a.review_conflicts AS conflicts,
                        a.decision_reason
                 FROM applications a
                 JOIN users u ON u.id = a.applicant_id
                 LEFT JOIN organisations o ON o.id = a.org_id
                 WHERE a.tenant_id = $1 AND a.call_id = $2 AND a.status NOT IN ('draft', 'withdrawn') AND a.id > $3
                 ORDER BY a.id
                 LIMIT $4",
            )
            .bind(tenant.0)
            .bind(call.0)
            .bind(after_id)
            .bind(limit)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }
}
