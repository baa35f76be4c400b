//! Input phases of a cycle and their themes, written by the coordinator; announcing a phase
//! records the moment (OGP Local's check 5) and puts it on the cycle's public timeline. Also the
//! municipality's four input settings.

use chrono::{DateTime, NaiveDate, Utc};
use domain::TenantId;
use serde_json::json;

use crate::{AuditCtx, Result, Store, StoreError, audit, read, write};

/// A phase as stored.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct InputPhaseRow {
    pub id: i64,
    pub cycle_id: i64,
    pub title_sq: String,
    pub title_en: String,
    pub questions_sq: String,
    pub questions_en: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// The administrative units concerned, one per line; empty means all of the tenant's.
    pub units: String,
    pub email_only: bool,
    pub announced_at: Option<DateTime<Utc>>,
    pub timeline_phase_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A theme of a phase, in both languages.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct InputThemeRow {
    pub id: i64,
    pub phase_id: i64,
    pub position: i64,
    pub title_sq: String,
    pub title_en: String,
}

/// A phase as the coordinator writes it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputPhaseInput {
    pub title_sq: String,
    pub title_en: String,
    pub questions_sq: String,
    pub questions_en: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub units: String,
    pub email_only: bool,
    /// (Albanian, English) in order.
    pub themes: Vec<(String, String)>,
}

/// The four input settings of a municipality.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct InputSettings {
    pub email_only: bool,
    pub self_support: bool,
    pub writes_per_hour: i64,
    pub similarity_percent: i64,
}

/// What announcing a phase reads first.
#[derive(sqlx::FromRow)]
struct AnnounceRow {
    cycle_id: i64,
    title_sq: String,
    title_en: String,
    announced_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct SettingsRow {
    input_email_only: bool,
    input_self_support: bool,
    input_writes_per_hour: i64,
    input_similarity_percent: i64,
}

#[derive(sqlx::FromRow)]
struct ThemeSlot {
    id: i64,
    title_sq: String,
    used: bool,
}

const PHASE_COLUMNS: &str = "id, cycle_id, title_sq, title_en, questions_sq, questions_en, opens_at, closes_at, units, \
     email_only, announced_at, timeline_phase_id, created_at, updated_at";

/// Writes the themes of a phase inside a write. Lines are matched to the saved themes by title
/// first, then in order (see [`domain::input::submission::match_themes`]), so that inserting or
/// moving a line moves no input to another theme and an edited title keeps its theme. A theme
/// that would go while an input (or one waiting for its e-mail confirmation) is placed in it is
/// refused: `Conflict` on `themes_sq`.
macro_rules! save_themes {
    ($tx:ident, $tenant:expr, $phase:expr, $themes:expr) => {{
        let themes: &[(String, String)] = $themes;
        let existing: Vec<ThemeSlot> = sqlx::query_as(
            "SELECT t.id, t.title_sq,
                 (EXISTS (SELECT 1 FROM inputs i WHERE i.tenant_id = t.tenant_id AND i.theme_id = t.id)
                  OR EXISTS (SELECT 1 FROM input_pending p WHERE p.tenant_id = t.tenant_id AND p.theme_id = t.id))
                 AS used
             FROM input_themes t WHERE t.tenant_id = $1 AND t.phase_id = $2 ORDER BY t.position, t.id",
        )
        .bind($tenant.0)
        .bind($phase)
        .fetch_all(&mut *$tx)
        .await?;
        let saved: Vec<(i64, &str)> = existing.iter().map(|t| (t.id, t.title_sq.as_str())).collect();
        let plan = domain::input::submission::match_themes(&saved, themes);
        if existing.iter().any(|t| t.used && plan.removed.contains(&t.id)) {
            return Err(StoreError::Conflict {
                field: "themes_sq".into(),
            });
        }
        for (position, ((sq, en), kept)) in themes.iter().zip(&plan.kept).enumerate() {
            match kept {
                Some(id) => {
                    sqlx::query(
                        "UPDATE input_themes SET title_sq = $3, title_en = $4, position = $5
                         WHERE tenant_id = $1 AND id = $2",
                    )
                    .bind($tenant.0)
                    .bind(id)
                    .bind(sq)
                    .bind(en)
                    .bind(position as i64)
                    .execute(&mut *$tx)
                    .await?;
                }
                None => {
                    sqlx::query(
                        "INSERT INTO input_themes (tenant_id, phase_id, position, title_sq, title_en)
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind($tenant.0)
                    .bind($phase)
                    .bind(position as i64)
                    .bind(sq)
                    .bind(en)
                    .execute(&mut *$tx)
                    .await?;
                }
            }
        }
        for id in &plan.removed {
            sqlx::query(
                "DELETE FROM input_themes WHERE tenant_id = $1 AND id = $2
                   AND NOT EXISTS (SELECT 1 FROM inputs WHERE inputs.theme_id = input_themes.id)
                   AND NOT EXISTS (SELECT 1 FROM input_pending p WHERE p.theme_id = input_themes.id)",
            )
            .bind($tenant.0)
            .bind(id)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}

impl Store {
    /// Creates a phase (a draft until announced) with its themes.
    pub async fn create_input_phase(
        &self,
        tenant: TenantId,
        cycle: i64,
        input: &InputPhaseInput,
        ctx: &AuditCtx,
    ) -> Result<i64> {
        Ok(write!(self, |tx| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO input_phases (tenant_id, cycle_id, title_sq, title_en, questions_sq, questions_en,
                     opens_at, closes_at, units, email_only, created_by, created_at, updated_at)
                 SELECT $1, c.id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12
                 FROM cycles c WHERE c.id = $2 AND c.tenant_id = $1
                 RETURNING id",
            )
            .bind(tenant.0)
            .bind(cycle)
            .bind(&input.title_sq)
            .bind(&input.title_en)
            .bind(&input.questions_sq)
            .bind(&input.questions_en)
            .bind(input.opens_at)
            .bind(input.closes_at)
            .bind(&input.units)
            .bind(input.email_only)
            .bind(ctx.actor.map(|u| u.0))
            .bind(ctx.at)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
            save_themes!(tx, tenant, id, &input.themes);
            audit!(
                tx,
                ctx,
                "input_phase.create",
                "input_phase",
                id,
                None,
                Some(json!(input))
            );
            id
        }))
    }

    /// Saves a phase's texts, times, units and themes. An announced phase's timeline entry
    /// follows its new title and dates (`days`: the local opening and closing days).
    pub async fn update_input_phase(
        &self,
        tenant: TenantId,
        phase: i64,
        input: &InputPhaseInput,
        days: (NaiveDate, NaiveDate),
        ctx: &AuditCtx,
    ) -> Result<()> {
        let before = self.input_phase(tenant, phase).await?.ok_or(StoreError::NotFound)?;
        write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE input_phases SET title_sq = $3, title_en = $4, questions_sq = $5, questions_en = $6,
                     opens_at = $7, closes_at = $8, units = $9, email_only = $10, updated_at = $11
                 WHERE tenant_id = $1 AND id = $2",
            )
            .bind(tenant.0)
            .bind(phase)
            .bind(&input.title_sq)
            .bind(&input.title_en)
            .bind(&input.questions_sq)
            .bind(&input.questions_en)
            .bind(input.opens_at)
            .bind(input.closes_at)
            .bind(&input.units)
            .bind(input.email_only)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::NotFound);
            }
            save_themes!(tx, tenant, phase, &input.themes);
            if let Some(timeline) = before.timeline_phase_id {
                sqlx::query(
                    "UPDATE timeline_phases SET title_sq = $3, title_en = $4, starts_on = $5, ends_on = $6
                     WHERE tenant_id = $1 AND id = $2",
                )
                .bind(tenant.0)
                .bind(timeline)
                .bind(&input.title_sq)
                .bind(&input.title_en)
                .bind(days.0)
                .bind(days.1)
                .execute(&mut *tx)
                .await?;
            }
            audit!(
                tx,
                ctx,
                "input_phase.update",
                "input_phase",
                phase,
                Some(json!(before)),
                Some(json!(input))
            );
        });
        Ok(())
    }

    /// Announces a phase: records the moment and adds it to its cycle's timeline (from the local
    /// opening day to the closing day). Announcing twice changes nothing (`false`).
    pub async fn announce_input_phase(
        &self,
        tenant: TenantId,
        phase: i64,
        days: (NaiveDate, NaiveDate),
        ctx: &AuditCtx,
    ) -> Result<bool> {
        Ok(write!(self, |tx| {
            let row: Option<AnnounceRow> = sqlx::query_as(
                "SELECT cycle_id, title_sq, title_en, announced_at FROM input_phases WHERE tenant_id = $1 AND id = $2",
            )
            .bind(tenant.0)
            .bind(phase)
            .fetch_optional(&mut *tx)
            .await?;
            let AnnounceRow {
                cycle_id: cycle,
                title_sq,
                title_en,
                announced_at,
            } = row.ok_or(StoreError::NotFound)?;
            if announced_at.is_some() {
                false
            } else {
                let position: i64 = sqlx::query_scalar(
                    "SELECT COALESCE(MAX(position), -1) + 1 FROM timeline_phases WHERE tenant_id = $1 AND cycle_id = $2",
                )
                .bind(tenant.0)
                .bind(cycle)
                .fetch_one(&mut *tx)
                .await?;
                let timeline: i64 = sqlx::query_scalar(
                    "INSERT INTO timeline_phases (tenant_id, cycle_id, position, title_sq, title_en, starts_on, ends_on)
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                )
                .bind(tenant.0)
                .bind(cycle)
                .bind(position)
                .bind(&title_sq)
                .bind(&title_en)
                .bind(days.0)
                .bind(days.1)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query(
                    "UPDATE input_phases SET announced_at = $3, timeline_phase_id = $4, updated_at = $3
                     WHERE tenant_id = $1 AND id = $2 AND announced_at IS NULL",
                )
                .bind(tenant.0)
                .bind(phase)
                .bind(ctx.at)
                .bind(timeline)
                .execute(&mut *tx)
                .await?;
                audit!(
                    tx,
                    ctx,
                    "input_phase.announce",
                    "input_phase",
                    phase,
                    None,
                    Some(json!({"announced_at": ctx.at, "timeline_phase_id": timeline}))
                );
                true
            }
        }))
    }

    pub async fn input_phase(&self, tenant: TenantId, phase: i64) -> Result<Option<InputPhaseRow>> {
        let sql = format!("SELECT {PHASE_COLUMNS} FROM input_phases WHERE tenant_id = $1 AND id = $2");
        read!(self, |db| {
            sqlx::query_as::<_, InputPhaseRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(phase)
                .fetch_optional(db)
                .await
                .map_err(Into::into)
        })
    }

    /// Every phase of the tenant, newest opening first (the coordinator's list).
    pub async fn input_phases(&self, tenant: TenantId) -> Result<Vec<InputPhaseRow>> {
        let sql =
            format!("SELECT {PHASE_COLUMNS} FROM input_phases WHERE tenant_id = $1 ORDER BY opens_at DESC, id DESC");
        read!(self, |db| {
            sqlx::query_as::<_, InputPhaseRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .fetch_all(db)
                .await
                .map_err(Into::into)
        })
    }

    /// The announced phases of the tenant, newest opening first (the public list's choice).
    pub async fn announced_input_phases(&self, tenant: TenantId) -> Result<Vec<InputPhaseRow>> {
        let sql = format!(
            "SELECT {PHASE_COLUMNS} FROM input_phases WHERE tenant_id = $1 AND announced_at IS NOT NULL
             ORDER BY opens_at DESC, id DESC"
        );
        read!(self, |db| {
            sqlx::query_as::<_, InputPhaseRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .fetch_all(db)
                .await
                .map_err(Into::into)
        })
    }

    pub async fn input_themes(&self, tenant: TenantId, phase: i64) -> Result<Vec<InputThemeRow>> {
        read!(self, |db| {
            sqlx::query_as::<_, InputThemeRow>(
                "SELECT id, phase_id, position, title_sq, title_en FROM input_themes
                 WHERE tenant_id = $1 AND phase_id = $2 ORDER BY position, id",
            )
            .bind(tenant.0)
            .bind(phase)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    /// Saves the municipality's input settings.
    pub async fn update_input_settings(&self, tenant: TenantId, s: &InputSettings, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            let before: Option<SettingsRow> = sqlx::query_as(
                "SELECT input_email_only, input_self_support, input_writes_per_hour, input_similarity_percent
                 FROM tenants WHERE id = $1",
            )
            .bind(tenant.0)
            .fetch_optional(&mut *tx)
            .await?;
            let before = before.ok_or(StoreError::NotFound)?;
            sqlx::query(
                "UPDATE tenants SET input_email_only = $2, input_self_support = $3, input_writes_per_hour = $4,
                     input_similarity_percent = $5
                 WHERE id = $1",
            )
            .bind(tenant.0)
            .bind(s.email_only)
            .bind(s.self_support)
            .bind(s.writes_per_hour)
            .bind(s.similarity_percent)
            .execute(&mut *tx)
            .await?;
            audit!(
                tx,
                ctx,
                "input.settings",
                "tenant",
                tenant.0,
                Some(
                    json!({"email_only": before.input_email_only, "self_support": before.input_self_support,
                    "writes_per_hour": before.input_writes_per_hour,
                    "similarity_percent": before.input_similarity_percent})
                ),
                Some(json!(s))
            );
        });
        Ok(())
    }
}
