//! Tenants (municipalities) and the host names that select them.

use chrono::{DateTime, Utc};
use domain::{Lang, TenantId};
use serde_json::json;

use crate::{AuditCtx, Result, Store, audit, read, write};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct TenantRow {
    pub id: i64,
    pub slug: String,
    pub name_sq: String,
    pub name_en: String,
    pub languages: String,
    pub time_zone: String,
    pub contact_email: String,
    pub logo_url: Option<String>,
    pub privacy_sq: String,
    pub privacy_en: String,
    pub is_default: bool,
    pub created_at: DateTime<Utc>,
    /// Start of application references, e.g. `ELB`; empty means the slug's first letters.
    pub ref_prefix: String,
    /// Days after a call's outcome before personal data of unselected applications is erased.
    pub retention_days: i64,
    /// The first of the tenant's host names, used for links in e-mails.
    pub primary_host: Option<String>,
    /// The Albanian name in the genitive (without its article: "Bashkisë Elbasan", as in
    /// "thirrja e Bashkisë Elbasan") and in the accusative ("Bashkinë Elbasan", as in "në
    /// Bashkinë Elbasan"); empty means derived from the name (see [`TenantRow::name_genitive`]).
    pub name_genitive_sq: String,
    pub name_accusative_sq: String,
    /// The administrative units an application or an input is placed in, one per line (Elbasan
    /// has 13 since the 2015 reform); statistics count these, never free text.
    pub admin_units: String,
    /// Thresholds of the forum's health indicators (checks 2, 6 and 7), in days.
    pub forum_max_gap_days: i64,
    pub forum_notice_days: i64,
    pub forum_minutes_days: i64,
    /// Input settings (issue 9): people without an account may take part with a verified e-mail
    /// address only; authors may support their own input; writes per person per hour; the
    /// similarity threshold of proposed groups, in percent.
    pub input_email_only: bool,
    pub input_self_support: bool,
    pub input_writes_per_hour: i64,
    pub input_similarity_percent: i64,
    /// Commitment settings (issue 10): the prefix of OGP's identifier (`ALBSN`), the range of
    /// commitments a plan holds (OGP Local's check 10), and the values that fill OGP's CSV
    /// columns on export (`Country/Locality`, the URL's slug, `Region`, `Code`, `Action Plan ID`,
    /// `National Or Local`).
    pub commitment_prefix: String,
    pub commitments_min: i64,
    pub commitments_max: i64,
    pub ogp_locality: String,
    pub ogp_slug: String,
    pub ogp_region: String,
    pub ogp_code: String,
    pub ogp_action_plan_id: String,
    pub ogp_national_or_local: String,
}

impl TenantRow {
    /// The forum's health thresholds as the municipality set them.
    pub fn forum_thresholds(&self) -> domain::forum::HealthThresholds {
        domain::forum::HealthThresholds {
            max_gap_days: self.forum_max_gap_days,
            notice_days: self.forum_notice_days,
            minutes_days: self.forum_minutes_days,
        }
    }

    pub fn id(&self) -> TenantId {
        TenantId(self.id)
    }

    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sq => &self.name_sq,
            Lang::En if !self.name_en.is_empty() => &self.name_en,
            Lang::En => &self.name_sq,
        }
    }

    /// The name in the genitive, as Albanian texts need it after "të"/"e": the stored form, or
    /// derived for the usual "Bashkia X" ("Bashkisë X"), or the name as it is. English has no case.
    pub fn name_genitive(&self, lang: Lang) -> String {
        match lang {
            Lang::Sq if !self.name_genitive_sq.is_empty() => self.name_genitive_sq.clone(),
            Lang::Sq => decline(&self.name_sq, "Bashkisë "),
            Lang::En => self.name(lang).to_owned(),
        }
    }

    /// The name in the accusative, as Albanian texts need it after "në" ("në Bashkinë Elbasan").
    pub fn name_accusative(&self, lang: Lang) -> String {
        match lang {
            Lang::Sq if !self.name_accusative_sq.is_empty() => self.name_accusative_sq.clone(),
            Lang::Sq => decline(&self.name_sq, "Bashkinë "),
            Lang::En => self.name(lang).to_owned(),
        }
    }

    /// The municipality's administrative units, in the order the coordinator wrote them.
    pub fn admin_units(&self) -> Vec<&str> {
        self.admin_units
            .lines()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .collect()
    }

    pub fn languages(&self) -> Vec<Lang> {
        self.languages.split(',').filter_map(Lang::parse).collect()
    }
}

/// "Bashkia X" declined with `form` ("Bashkisë ", "Bashkinë "); any other name stays as it is.
fn decline(name: &str, form: &str) -> String {
    match name.strip_prefix("Bashkia ") {
        Some(rest) => format!("{form}{rest}"),
        None => name.to_owned(),
    }
}

#[derive(Debug, Clone)]
pub struct NewTenant {
    pub slug: String,
    pub settings: TenantSettings,
    pub is_default: bool,
    pub hosts: Vec<String>,
}

/// What a municipality's staff may change about it.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct TenantSettings {
    pub name_sq: String,
    pub name_en: String,
    pub time_zone: String,
    pub contact_email: String,
    pub logo_url: Option<String>,
    pub privacy_sq: String,
    pub privacy_en: String,
    pub name_genitive_sq: String,
    pub name_accusative_sq: String,
    /// One unit per line.
    pub admin_units: String,
}

const TENANT_COLUMNS: &str = "t.id, t.slug, t.name_sq, t.name_en, t.languages, t.time_zone, \
     t.contact_email, t.logo_url, t.privacy_sq, t.privacy_en, t.is_default, t.created_at, t.ref_prefix, t.retention_days, \
     (SELECT MIN(th.host) FROM tenant_hosts th WHERE th.tenant_id = t.id) AS primary_host, \
     t.name_genitive_sq, t.name_accusative_sq, t.admin_units, t.forum_max_gap_days, t.forum_notice_days, \
     t.forum_minutes_days, t.input_email_only, t.input_self_support, t.input_writes_per_hour, \
     t.input_similarity_percent, t.commitment_prefix, t.commitments_min, t.commitments_max,
     t.ogp_locality, t.ogp_slug, t.ogp_region, t.ogp_code, t.ogp_action_plan_id,
     t.ogp_national_or_local";

impl Store {
    pub async fn create_tenant(&self, new: &NewTenant, ctx: &AuditCtx) -> Result<TenantId> {
        Ok(write!(self, |tx| {
            if new.is_default {
                sqlx::query("UPDATE tenants SET is_default = FALSE WHERE is_default = TRUE")
                    .execute(&mut *tx)
                    .await?;
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO tenants (slug, name_sq, name_en, time_zone, contact_email, logo_url,
                                      privacy_sq, privacy_en, name_genitive_sq, name_accusative_sq, admin_units,
                                      is_default, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            )
            .bind(&new.slug)
            .bind(&new.settings.name_sq)
            .bind(&new.settings.name_en)
            .bind(&new.settings.time_zone)
            .bind(&new.settings.contact_email)
            .bind(&new.settings.logo_url)
            .bind(&new.settings.privacy_sq)
            .bind(&new.settings.privacy_en)
            .bind(&new.settings.name_genitive_sq)
            .bind(&new.settings.name_accusative_sq)
            .bind(&new.settings.admin_units)
            .bind(new.is_default)
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            for host in &new.hosts {
                sqlx::query("INSERT INTO tenant_hosts (host, tenant_id) VALUES ($1, $2)")
                    .bind(host.to_ascii_lowercase())
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            let ctx = AuditCtx {
                tenant: Some(TenantId(id)),
                ..ctx.clone()
            };
            audit!(
                tx,
                &ctx,
                "tenant.create",
                "tenant",
                id,
                None,
                Some(
                    json!({"slug": new.slug, "name_sq": new.settings.name_sq, "name_en": new.settings.name_en, "hosts": new.hosts})
                )
            );
            TenantId(id)
        }))
    }

    /// The tenant serving `host` (without port), else the default tenant, else none.
    pub async fn resolve_tenant(&self, host: &str) -> Result<Option<TenantRow>> {
        let host = host.to_ascii_lowercase();
        let sql = format!(
            "SELECT {TENANT_COLUMNS} FROM tenants t
             LEFT JOIN tenant_hosts h ON h.tenant_id = t.id AND h.host = $1
             WHERE h.host IS NOT NULL OR t.is_default = TRUE
             ORDER BY (h.host IS NULL), t.id
             LIMIT 1"
        );
        read!(self, |db| {
            sqlx::query_as::<_, TenantRow>(sqlx::AssertSqlSafe(sql))
                .bind(&host)
                .fetch_optional(db)
                .await
                .map_err(Into::into)
        })
    }

    pub async fn tenant_by_slug(&self, slug: &str) -> Result<Option<TenantRow>> {
        let sql = format!("SELECT {TENANT_COLUMNS} FROM tenants t WHERE t.slug = $1");
        read!(self, |db| {
            sqlx::query_as::<_, TenantRow>(sqlx::AssertSqlSafe(sql))
                .bind(slug)
                .fetch_optional(db)
                .await
                .map_err(Into::into)
        })
    }

    pub async fn list_tenants(&self) -> Result<Vec<TenantRow>> {
        let sql = format!("SELECT {TENANT_COLUMNS} FROM tenants t ORDER BY t.id");
        read!(self, |db| {
            sqlx::query_as::<_, TenantRow>(sqlx::AssertSqlSafe(sql))
                .fetch_all(db)
                .await
                .map_err(Into::into)
        })
    }

    pub async fn tenant_hosts(&self, tenant: TenantId) -> Result<Vec<String>> {
        read!(self, |db| {
            sqlx::query_scalar::<_, String>("SELECT host FROM tenant_hosts WHERE tenant_id = $1 ORDER BY host")
                .bind(tenant.0)
                .fetch_all(db)
                .await
                .map_err(Into::into)
        })
    }

    pub async fn update_tenant_settings(&self, tenant: TenantId, new: &TenantSettings, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            let before: (String, String, String, String, Option<String>) = sqlx::query_as(
                "SELECT name_sq, name_en, time_zone, contact_email, logo_url FROM tenants WHERE id = $1",
            )
            .bind(tenant.0)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE tenants SET name_sq = $1, name_en = $2, time_zone = $3, contact_email = $4, logo_url = $5,
                        privacy_sq = $6, privacy_en = $7, name_genitive_sq = $8, name_accusative_sq = $9,
                        admin_units = $10
                 WHERE id = $11",
            )
            .bind(&new.name_sq)
            .bind(&new.name_en)
            .bind(&new.time_zone)
            .bind(&new.contact_email)
            .bind(&new.logo_url)
            .bind(&new.privacy_sq)
            .bind(&new.privacy_en)
            .bind(&new.name_genitive_sq)
            .bind(&new.name_accusative_sq)
            .bind(&new.admin_units)
            .bind(tenant.0)
            .execute(&mut *tx)
            .await?;
            audit!(
                tx,
                ctx,
                "tenant.update",
                "tenant",
                tenant.0,
                Some(
                    json!({"name_sq": before.0, "name_en": before.1, "time_zone": before.2, "contact_email": before.3, "logo_url": before.4})
                ),
                Some(json!(new))
            );
        });
        Ok(())
    }
}
