//! Applications to open calls: drafts, submission with a reference number, withdrawal.

use chrono::{DateTime, Utc};
use domain::{
    ApplicationId, CallId, TenantId, UserId,
    open_call::{ApplicantType, ApplicationStatus},
};
use serde_json::json;

use crate::{AuditCtx, NewMail, Result, Store, StoreError, audit, common::outbox::enqueue, read, write};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ApplicationRow {
    pub id: i64,
    pub tenant_id: i64,
    pub call_id: i64,
    pub applicant_id: i64,
    pub applicant_name: String,
    #[sqlx(try_from = "String")]
    pub applicant_type: ApplicantType,
    pub org_id: Option<i64>,
    pub org_name: Option<String>,
    pub reference: Option<String>,
    #[sqlx(try_from = "String")]
    pub status: ApplicationStatus,
    pub description: String,
    pub statement: String,
    pub fields: String,
    pub areas: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub size_band: String,
    pub consent_privacy: bool,
    pub consent_listing: bool,
    pub lang: String,
    pub submitted_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub decision_reason: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ApplicationRow {
    pub fn id(&self) -> ApplicationId {
        ApplicationId(self.id)
    }
    pub fn call(&self) -> CallId {
        CallId(self.call_id)
    }
    /// The name shown for the applicant: the organisation, or the person.
    pub fn display_name(&self) -> &str {
        self.org_name.as_deref().unwrap_or(&self.applicant_name)
    }
}

/// How many of a call's applications are in one status.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StatusCount {
    #[sqlx(try_from = "String")]
    pub status: ApplicationStatus,
    pub count: i64,
}

/// What the applicant types into the form (the previous works come separately).
#[derive(Debug, Clone, Default)]
pub struct ApplicationInput {
    pub description: String,
    pub statement: String,
    pub fields: String,
    pub areas: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub size_band: String,
    pub consent_privacy: bool,
    pub consent_listing: bool,
}

impl ApplicationInput {
    /// The names of the fields that hold something: what an audit entry may say about a save
    /// without copying personal data into the log.
    pub fn filled_fields(&self) -> Vec<&'static str> {
        [
            ("description", !self.description.is_empty()),
            ("statement", !self.statement.is_empty()),
            ("fields", !self.fields.is_empty()),
            ("areas", !self.areas.is_empty()),
            ("contact_name", !self.contact_name.is_empty()),
            ("contact_phone", !self.contact_phone.is_empty()),
            ("size_band", !self.size_band.is_empty()),
            ("consent_privacy", self.consent_privacy),
            ("consent_listing", self.consent_listing),
        ]
        .into_iter()
        .filter_map(|(name, filled)| filled.then_some(name))
        .collect()
    }
}

#[derive(Debug, Clone, Default, PartialEq, sqlx::FromRow, serde::Serialize)]
pub struct WorkRow {
    pub title: String,
    pub year: Option<i64>,
    pub role: String,
    pub description: String,
    pub link: String,
}

/// How an application starts: who applies, for whom.
#[derive(Debug, Clone)]
pub struct NewApplication {
    pub call: CallId,
    pub applicant: UserId,
    pub applicant_type: ApplicantType,
    pub org_id: Option<i64>,
    pub size_band: String,
    pub lang: String,
}

const APPLICATION_COLUMNS: &str = "a.id, a.tenant_id, a.call_id, a.applicant_id, u.display_name AS applicant_name, \
     a.applicant_type, a.org_id, o.name AS org_name, a.reference, a.status, a.description, a.statement, a.fields, \
     a.areas, a.contact_name, a.contact_phone, a.size_band, a.consent_privacy, a.consent_listing, a.lang, \
     a.submitted_at, a.withdrawn_at, a.decision_reason, a.decided_at, a.created_at, a.updated_at";
const APPLICATION_FROM: &str =
    "FROM applications a JOIN users u ON u.id = a.applicant_id LEFT JOIN organisations o ON o.id = a.org_id";

impl Store {
    /// Notes that a member of staff read an application's personal data (contact details,
    /// attachments): every such read is in the audit log.
    pub async fn record_application_read(&self, tenant: TenantId, app: ApplicationId, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            let _ = tenant;
            audit!(tx, ctx, "application.read", "application", app.0, None, None);
        });
        Ok(())
    }

    /// Opens a draft. One application per organisation (or per citizen) per call: a second one
    /// is a conflict on `applicant_key`.
    pub async fn start_application(
        &self,
        tenant: TenantId,
        new: &NewApplication,
        ctx: &AuditCtx,
    ) -> Result<ApplicationId> {
        let key = match new.org_id {
            Some(org) => format!("org:{org}"),
            None => format!("user:{}", new.applicant.0),
        };
        Ok(write!(self, |tx| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO applications (tenant_id, call_id, applicant_id, applicant_type, org_id, applicant_key,
                                           size_band, lang, created_at, updated_at)
                 SELECT $1, c.id, $3, $4, $5, $6, $7, $8, $9, $9 FROM calls c WHERE c.id = $2 AND c.tenant_id = $1
                 RETURNING id",
            )
            .bind(tenant.0)
            .bind(new.call.0)
            .bind(new.applicant.0)
            .bind(new.applicant_type.key())
            .bind(new.org_id)
            .bind(&key)
            .bind(&new.size_band)
            .bind(&new.lang)
            .bind(ctx.at)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
            audit!(
                tx,
                ctx,
                "application.start",
                "application",
                id,
                None,
                Some(json!({"call_id": new.call.0, "applicant_type": new.applicant_type, "org_id": new.org_id}))
            );
            ApplicationId(id)
        }))
    }

    /// The application a person (or their organisation) already has for a call.
    pub async fn application_by_key(
        &self,
        tenant: TenantId,
        call: CallId,
        org: Option<i64>,
        user: UserId,
    ) -> Result<Option<ApplicationRow>> {
        let key = match org {
            Some(org) => format!("org:{org}"),
            None => format!("user:{}", user.0),
        };
        let sql = format!(
            "SELECT {APPLICATION_COLUMNS} {APPLICATION_FROM} WHERE a.tenant_id = $1 AND a.call_id = $2 AND a.applicant_key = $3"
        );
        read!(self, |db| {
            sqlx::query_as::<_, ApplicationRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(call.0)
                .bind(&key)
                .fetch_optional(db)
                .await
                .map_err(Into::into)
        })
    }

    /// Saves a draft and its previous works. Refused (conflict on `status`) once submitted.
    pub async fn save_application(
        &self,
        tenant: TenantId,
        app: ApplicationId,
        input: &ApplicationInput,
        works: &[WorkRow],
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE applications SET description = $1, statement = $2, fields = $3, areas = $4, contact_name = $5,
                        contact_phone = $6, size_band = $7, consent_privacy = $8, consent_listing = $9, updated_at = $10
                 WHERE id = $11 AND tenant_id = $12 AND status = 'draft'",
            )
            .bind(&input.description)
            .bind(&input.statement)
            .bind(&input.fields)
            .bind(&input.areas)
            .bind(&input.contact_name)
            .bind(&input.contact_phone)
            .bind(&input.size_band)
            .bind(input.consent_privacy)
            .bind(input.consent_listing)
            .bind(ctx.at)
            .bind(app.0)
            .bind(tenant.0)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::Conflict { field: "status".into() });
            }
            sqlx::query("DELETE FROM application_works WHERE tenant_id = $1 AND application_id = $2")
                .bind(tenant.0)
                .bind(app.0)
                .execute(&mut *tx)
                .await?;
            for (position, w) in works.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO application_works (tenant_id, application_id, position, title, year, role, description, link)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(tenant.0)
                .bind(app.0)
                .bind(position as i64)
                .bind(&w.title)
                .bind(w.year)
                .bind(&w.role)
                .bind(&w.description)
                .bind(&w.link)
                .execute(&mut *tx)
                .await?;
            }
            audit!(
                tx,
                ctx,
                "application.save",
                "application",
                app.0,
                None,
                Some(json!({"filled": input.filled_fields(), "works": works.len()}))
            );
        });
        Ok(())
    }

    /// Submits a draft: numbers it from the call's counter and queues the confirmation and the
    /// notification to the call's contact, atomically. A second submission of the same
    /// application (a double click) is a conflict on `status` and changes nothing.
    pub async fn submit_application(
        &self,
        tenant: TenantId,
        app: ApplicationId,
        year: i32,
        mails: impl Fn(&str) -> Vec<NewMail>,
        ctx: &AuditCtx,
    ) -> Result<String> {
        Ok(write!(self, |tx| {
            let status: String =
                sqlx::query_scalar::<_, String>("SELECT status FROM applications WHERE id = $1 AND tenant_id = $2")
                    .bind(app.0)
                    .bind(tenant.0)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or(StoreError::NotFound)?;
            if status != "draft" {
                return Err(StoreError::Conflict { field: "status".into() });
            }
            let prefix: String = sqlx::query_scalar(
                "SELECT c.ref_prefix FROM calls c JOIN applications a ON a.call_id = c.id AND a.tenant_id = c.tenant_id
                 WHERE a.id = $1 AND a.tenant_id = $2",
            )
            .bind(app.0)
            .bind(tenant.0)
            .fetch_one(&mut *tx)
            .await?;
            // One counter per municipality: references are unique across all its calls (two calls
            // with the same prefix must never both hand out ELB-2026-0001).
            let number: i64 =
                sqlx::query_scalar("UPDATE tenants SET next_ref = next_ref + 1 WHERE id = $1 RETURNING next_ref - 1")
                    .bind(tenant.0)
                    .fetch_one(&mut *tx)
                    .await?;
            let reference = domain::open_call::reference(&prefix, year, number);
            let done = sqlx::query(
                "UPDATE applications SET status = 'submitted', reference = $1, submitted_at = $2, updated_at = $2
                 WHERE id = $3 AND tenant_id = $4 AND status = 'draft'",
            )
            .bind(&reference)
            .bind(ctx.at)
            .bind(app.0)
            .bind(tenant.0)
            .execute(&mut *tx)
            .await?;
            // Two submissions racing (PostgreSQL runs them side by side): the loser changes
            // nothing, and its number, mails and audit entry are rolled back with it.
            if done.rows_affected() != 1 {
                return Err(StoreError::Conflict { field: "status".into() });
            }
            for mail in mails(&reference) {
                enqueue!(tx, Some(tenant), &mail, ctx.at);
            }
            audit!(
                tx,
                ctx,
                "application.submit",
                "application",
                app.0,
                Some(json!({"status": "draft"})),
                Some(json!({"status": "submitted", "reference": reference}))
            );
            reference
        }))
    }

    pub async fn withdraw_application(&self, tenant: TenantId, app: ApplicationId, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE applications SET status = 'withdrawn', withdrawn_at = $1, updated_at = $1
                 WHERE id = $2 AND tenant_id = $3 AND status IN ('draft', 'submitted')",
            )
            .bind(ctx.at)
            .bind(app.0)
            .bind(tenant.0)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::Conflict { field: "status".into() });
            }
            audit!(
                tx,
                ctx,
                "application.withdraw",
                "application",
                app.0,
                None,
                Some(json!({"status": "withdrawn"}))
            );
        });
        Ok(())
    }

    pub async fn application(&self, tenant: TenantId, app: ApplicationId) -> Result<Option<ApplicationRow>> {
        let sql = format!("SELECT {APPLICATION_COLUMNS} {APPLICATION_FROM} WHERE a.tenant_id = $1 AND a.id = $2");
        read!(self, |db| {
            sqlx::query_as::<_, ApplicationRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(app.0)
                .fetch_optional(db)
                .await
                .map_err(Into::into)
        })
    }

    pub async fn application_works(&self, tenant: TenantId, app: ApplicationId) -> Result<Vec<WorkRow>> {
        read!(self, |db| {
            sqlx::query_as::<_, WorkRow>(
                "SELECT w.title, w.year, w.role, w.description, w.link FROM application_works w
                 WHERE w.tenant_id = $1 AND w.application_id = $2 ORDER BY w.position",
            )
            .bind(tenant.0)
            .bind(app.0)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    /// A person's applications (as themselves or for any organisation), newest first.
    pub async fn applications_of(&self, tenant: TenantId, user: UserId) -> Result<Vec<ApplicationRow>> {
        let sql = format!(
            "SELECT {APPLICATION_COLUMNS} {APPLICATION_FROM} WHERE a.tenant_id = $1 AND a.applicant_id = $2 ORDER BY a.id DESC"
        );
        read!(self, |db| {
            sqlx::query_as::<_, ApplicationRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(user.0)
                .fetch_all(db)
                .await
                .map_err(Into::into)
        })
    }

    /// Counts per status of a call's applications (drafts included), for the coordinator.
    pub async fn application_counts(&self, tenant: TenantId, call: CallId) -> Result<Vec<StatusCount>> {
        read!(self, |db| {
            sqlx::query_as::<_, StatusCount>(
                "SELECT status, COUNT(*) AS count FROM applications WHERE tenant_id = $1 AND call_id = $2
                 GROUP BY status ORDER BY status",
            )
            .bind(tenant.0)
            .bind(call.0)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }
}
