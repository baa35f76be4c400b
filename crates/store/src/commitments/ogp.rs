//! OGP's commitments data in and out: importing parsed rows of OGP's CSV in one transaction
//! (with the import's report), the commitment settings, and the reads of the CSV and JSON
//! exports (keyset batches, so an export streams with flat memory).
//!
//! An imported commitment has origin 'imported', status 'final', no cycle and one version
//! (public) whose document holds the title, the full text (as `brief_description`), the lead and
//! supporting institutions, values and areas. Its IRM ratings are `commitment_assessments`
//! rows; every cell no column holds is in `ogp_extra`, so the export gives OGP's values back.
//! Importing the same identifier again replaces the earlier import (never a drafted one).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    TenantId, UserId,
    commitments::{
        CommitmentDocument,
        ogp_csv::{ImportReport, OgpRow, SkipReason, SkippedRow},
        template::keys,
    },
    fold,
};
use serde_json::json;

use crate::{AuditCtx, BackendKind, Result, Store, StoreError, audit, read, write};

/// A parsed row with its number in the file.
#[derive(Debug, Clone)]
pub struct ImportRow {
    pub row: usize,
    pub data: OgpRow,
}

/// An import's report row.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ImportRecord {
    pub id: i64,
    pub file_name: String,
    pub rows_imported: i64,
    pub rows_skipped: i64,
    pub report: String,
    pub imported_by: Option<i64>,
    pub imported_by_name: Option<String>,
    pub imported_at: DateTime<Utc>,
}

impl ImportRecord {
    /// The report as the import wrote it.
    /// A report the code cannot read is an error, never an empty report.
    pub fn report(&self) -> Result<ImportReport> {
        serde_json::from_str(&self.report).map_err(|e| StoreError::Database(sqlx::Error::Decode(e.into())))
    }
}

/// The commitment settings as typed and checked by the use case.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CommitmentSettings {
    pub prefix: String,
    pub min: i64,
    pub max: i64,
    pub ogp_locality: String,
    pub ogp_slug: String,
    pub ogp_region: String,
    pub ogp_code: String,
    pub ogp_action_plan_id: String,
    pub ogp_national_or_local: String,
    /// The current cycle and its plan period, when there is a current cycle.
    pub plan: Option<(i64, Option<NaiveDate>, Option<NaiveDate>)>,
}

/// One public commitment as the exports read it: the row's columns and its public version.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OgpExportRow {
    pub id: i64,
    pub origin: String,
    pub ogp_id: String,
    pub number: Option<i64>,
    pub status: String,
    pub starts_raw: String,
    pub ends_raw: String,
    pub locality: String,
    pub country: String,
    pub ogp_extra: String,
    /// The public version's document (JSON).
    pub document: String,
}

impl OgpExportRow {
    /// A version the code cannot read fails the export, never exports a blank row.
    pub fn document(&self) -> Result<CommitmentDocument> {
        super::public::decode(&self.document)
    }

    pub fn extra(&self) -> Result<BTreeMap<String, String>> {
        serde_json::from_str(&self.ogp_extra).map_err(|e| StoreError::Database(sqlx::Error::Decode(e.into())))
    }
}

/// One stored rating.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct AssessmentRow {
    pub commitment_id: i64,
    pub indicator: String,
    pub level_key: Option<String>,
    pub absent_reason: Option<String>,
    pub raw_label: String,
    pub raw_code: String,
}

fn encode<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Database(sqlx::Error::Encode(e.into())))
}

/// The document of an imported commitment's one version.
pub fn imported_document(row: &OgpRow) -> CommitmentDocument {
    let mut doc = CommitmentDocument {
        title: row.title.clone(),
        values: row.values.clone(),
        policy_areas: row.policy_areas.clone(),
        starts_on: row.start.on,
        ends_on: row.end.on,
        ..Default::default()
    };
    for (key, text) in [
        (keys::BRIEF_DESCRIPTION, &row.full_text),
        (keys::LEAD_INSTITUTION, &row.lead_institution),
        (keys::SUPPORT_OTHER, &row.supporting_institutions),
    ] {
        if !text.is_empty() {
            doc.fields.insert(key.to_string(), text.clone());
        }
    }
    doc
}

/// What search reads besides the title (as `commitments_fts.body`).
fn search_body(row: &OgpRow) -> String {
    format!(
        "{} {} {}",
        row.full_text, row.lead_institution, row.supporting_institutions
    )
}

/// Rows per multi-row INSERT of ratings and areas: well under both databases' parameter limits.
const BATCH: usize = 400;

fn placeholders(rows: usize, cols: usize) -> String {
    let mut out = String::with_capacity(rows * cols * 5);
    for r in 0..rows {
        if r > 0 {
            out.push(',');
        }
        out.push('(');
        for c in 0..cols {
            if c > 0 {
                out.push(',');
            }
            out.push_str(&format!("${}", r * cols + c + 1));
        }
        out.push(')');
    }
    out
}

impl Store {
    /// Imports parsed rows in one transaction: any failure leaves nothing imported. A row whose
    /// identifier an earlier import holds replaces it; one that a drafted commitment holds is
    /// skipped (added to `report.skipped`). Returns the import's id and the final report.
    pub async fn import_commitments(
        &self,
        tenant: TenantId,
        file_name: &str,
        rows: &[ImportRow],
        mut report: ImportReport,
        actor: Option<UserId>,
        ctx: &AuditCtx,
    ) -> Result<(i64, ImportReport)> {
        Ok(write!(self, |tx| {
            let import_id: i64 = sqlx::query_scalar(
                "INSERT INTO commitment_imports (tenant_id, file_name, rows_imported, rows_skipped, report, imported_by, imported_at)
                 VALUES ($1, $2, 0, 0, '{}', $3, $4) RETURNING id",
            )
            .bind(tenant.0)
            .bind(file_name)
            .bind(actor.map(|a| a.0))
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            // Identifier → (id, origin) of what the tenant holds, read once.
            let held: BTreeMap<String, (i64, String)> = sqlx::query_as::<_, (String, i64, String)>(
                "SELECT ogp_id, id, origin FROM commitments WHERE tenant_id = $1",
            )
            .bind(tenant.0)
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .map(|(ogp_id, id, origin)| (ogp_id, (id, origin)))
            .collect();
            let mut ratings: Vec<(i64, &domain::commitments::ogp_csv::Assessment)> = Vec::new();
            let mut areas: Vec<(i64, &str)> = Vec::new();
            let mut values: Vec<(i64, &'static str)> = Vec::new();
            let mut written: Vec<i64> = Vec::new();
            for ImportRow { row, data } in rows {
                let document = imported_document(data);
                let doc_json = encode(&document)?;
                let extra = encode(&data.extra)?;
                let body = search_body(data);
                let search_text = fold(&format!("{} {}", data.title, body));
                let id = match held.get(&data.identifier) {
                    Some((_, origin)) if origin != "imported" => {
                        report.skipped.push(SkippedRow {
                            row: *row,
                            identifier: data.identifier.clone(),
                            reason: SkipReason::Drafted,
                        });
                        continue;
                    }
                    Some((id, _)) => {
                        for table in [
                            "commitment_values",
                            "commitment_policy_areas",
                            "commitment_assessments",
                            "commitment_versions",
                        ] {
                            sqlx::query(sqlx::AssertSqlSafe(format!(
                                "DELETE FROM {table} WHERE tenant_id = $1 AND commitment_id = $2"
                            )))
                            .bind(tenant.0)
                            .bind(*id)
                            .execute(&mut *tx)
                            .await?;
                        }
                        sqlx::query(
                            "UPDATE commitments SET title = $3, brief_description = $4, lead_institution = $5,
                                 starts_raw = $6, starts_on = $7, starts_precision = $8, ends_raw = $9, ends_on = $10,
                                 ends_precision = $11, locality = $12, country = $13, import_id = $14, ogp_extra = $15,
                                 search_text = $16, search_body = $17, status = 'final', current_version = 1,
                                 public_version = 1, updated_at = $18
                             WHERE tenant_id = $1 AND id = $2",
                        )
                        .bind(tenant.0)
                        .bind(*id)
                        .bind(&data.title)
                        .bind(&data.full_text)
                        .bind(&data.lead_institution)
                        .bind(&data.start.raw)
                        .bind(data.start.on)
                        .bind(data.start.precision.map(|p| p.key()))
                        .bind(&data.end.raw)
                        .bind(data.end.on)
                        .bind(data.end.precision.map(|p| p.key()))
                        .bind(&data.locality)
                        .bind(&data.country)
                        .bind(import_id)
                        .bind(&extra)
                        .bind(&search_text)
                        .bind(&body)
                        .bind(ctx.at)
                        .execute(&mut *tx)
                        .await?;
                        if self.kind() == BackendKind::Sqlite {
                            sqlx::query("DELETE FROM commitments_fts WHERE rowid = $1")
                                .bind(*id)
                                .execute(&mut *tx)
                                .await?;
                        }
                        report.replaced += 1;
                        *id
                    }
                    None => {
                        sqlx::query_scalar::<_, i64>(
                            "INSERT INTO commitments (tenant_id, cycle_id, origin, ogp_id, status, current_version,
                                 public_version, title, brief_description, lead_institution, starts_raw, starts_on,
                                 starts_precision, ends_raw, ends_on, ends_precision, locality, country, import_id,
                                 ogp_extra, search_text, search_body, created_by, created_at, updated_at)
                             VALUES ($1, NULL, 'imported', $2, 'final', 1, 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
                                 $13, $14, $15, $16, $17, $18, $19, $19) RETURNING id",
                        )
                        .bind(tenant.0)
                        .bind(&data.identifier)
                        .bind(&data.title)
                        .bind(&data.full_text)
                        .bind(&data.lead_institution)
                        .bind(&data.start.raw)
                        .bind(data.start.on)
                        .bind(data.start.precision.map(|p| p.key()))
                        .bind(&data.end.raw)
                        .bind(data.end.on)
                        .bind(data.end.precision.map(|p| p.key()))
                        .bind(&data.locality)
                        .bind(&data.country)
                        .bind(import_id)
                        .bind(&extra)
                        .bind(&search_text)
                        .bind(&body)
                        .bind(actor.map(|a| a.0))
                        .bind(ctx.at)
                        .fetch_one(&mut *tx)
                        .await?
                    }
                };
                sqlx::query(
                    "INSERT INTO commitment_versions (tenant_id, commitment_id, number, template_id, document, note,
                         is_public, author_id, created_at)
                     VALUES ($1, $2, 1, NULL, $3, $4, TRUE, $5, $6)",
                )
                .bind(tenant.0)
                .bind(id)
                .bind(&doc_json)
                .bind(file_name)
                .bind(actor.map(|a| a.0))
                .bind(ctx.at)
                .execute(&mut *tx)
                .await?;
                if self.kind() == BackendKind::Sqlite {
                    sqlx::query("INSERT INTO commitments_fts (rowid, title, body) VALUES ($1, $2, $3)")
                        .bind(id)
                        .bind(&data.title)
                        .bind(&body)
                        .execute(&mut *tx)
                        .await?;
                }
                ratings.extend(data.assessments.iter().map(|a| (id, a)));
                areas.extend(data.policy_areas.iter().map(|a| (id, a.as_str())));
                values.extend(data.values.iter().map(|v| (id, v.key())));
                written.push(id);
                report.imported += 1;
            }
            // Ratings, areas and values in multi-row INSERTs: 558 rows carry some 12,000 ratings.
            for chunk in ratings.chunks(BATCH) {
                let sql = format!(
                    "INSERT INTO commitment_assessments (tenant_id, commitment_id, indicator, level_key, absent_reason,
                         raw_label, raw_code, assessor, created_at) VALUES {}",
                    placeholders(chunk.len(), 9)
                );
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
                for (id, a) in chunk {
                    q = q
                        .bind(tenant.0)
                        .bind(*id)
                        .bind(&a.indicator)
                        .bind(a.level.as_deref())
                        .bind(a.absent.map(|r| r.key()))
                        .bind(&a.raw_label)
                        .bind(&a.raw_code)
                        .bind("IRM")
                        .bind(ctx.at);
                }
                q.execute(&mut *tx).await?;
            }
            for (table, column, pairs) in [
                ("commitment_policy_areas", "area_key", &areas),
                (
                    "commitment_values",
                    "value_key",
                    &values.iter().map(|(i, v)| (*i, *v)).collect::<Vec<_>>(),
                ),
            ] {
                for chunk in pairs.chunks(BATCH) {
                    let sql = format!(
                        "INSERT INTO {table} (tenant_id, commitment_id, {column}) VALUES {}",
                        placeholders(chunk.len(), 3)
                    );
                    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
                    for (id, key) in chunk {
                        q = q.bind(tenant.0).bind(*id).bind(*key);
                    }
                    q.execute(&mut *tx).await?;
                }
            }
            report.skipped.sort_by_key(|s| s.row);
            sqlx::query(
                "UPDATE commitment_imports SET rows_imported = $3, rows_skipped = $4, report = $5
                 WHERE tenant_id = $1 AND id = $2",
            )
            .bind(tenant.0)
            .bind(import_id)
            .bind(report.imported as i64)
            .bind(report.skipped.len() as i64)
            .bind(encode(&report)?)
            .execute(&mut *tx)
            .await?;
            audit!(
                tx,
                ctx,
                "commitment.import",
                "commitment_import",
                import_id,
                None,
                Some(
                    json!({"file_name": file_name, "imported": report.imported, "replaced": report.replaced,
                    "skipped": report.skipped.len(), "mismatches": report.mismatches.len()})
                )
            );
            (import_id, report)
        }))
    }

    /// One import's report.
    pub async fn commitment_import(&self, tenant: TenantId, id: i64) -> Result<Option<ImportRecord>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ImportRecord>(
                "SELECT i.id, i.file_name, i.rows_imported, i.rows_skipped, i.report, i.imported_by,
                     u.display_name AS imported_by_name, i.imported_at
                 FROM commitment_imports i LEFT JOIN users u ON u.id = i.imported_by
                 WHERE i.tenant_id = $1 AND i.id = $2",
            )
            .bind(tenant.0)
            .bind(id)
            .fetch_optional(db)
            .await?
        }))
    }

    /// The tenant's imports, newest first.
    pub async fn commitment_imports(&self, tenant: TenantId, limit: i64) -> Result<Vec<ImportRecord>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ImportRecord>(
                "SELECT i.id, i.file_name, i.rows_imported, i.rows_skipped, '' AS report, i.imported_by,
                     u.display_name AS imported_by_name, i.imported_at
                 FROM commitment_imports i LEFT JOIN users u ON u.id = i.imported_by
                 WHERE i.tenant_id = $1 ORDER BY i.id DESC LIMIT $2",
            )
            .bind(tenant.0)
            .bind(limit)
            .fetch_all(db)
            .await?
        }))
    }

    /// Up to `limit` public commitments of the tenant with an id above `after`, in id order,
    /// each with its public version's document: what the CSV and JSON exports write. Drafts,
    /// withdrawn commitments and versions not yet public are never read.
    pub async fn ogp_export_batch(&self, tenant: TenantId, after: i64, limit: i64) -> Result<Vec<OgpExportRow>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, OgpExportRow>(
                "SELECT c.id, c.origin, c.ogp_id, c.number, c.status, c.starts_raw, c.ends_raw, c.locality, c.country,
                     c.ogp_extra, v.document
                 FROM commitments c
                 JOIN commitment_versions v ON v.tenant_id = c.tenant_id AND v.commitment_id = c.id
                     AND v.number = c.public_version
                 WHERE c.tenant_id = $1 AND c.id > $2 AND c.public_version IS NOT NULL
                   AND c.status IN ('forum_endorsed', 'in_consultation', 'final')
                 ORDER BY c.id LIMIT $3",
            )
            .bind(tenant.0)
            .bind(after)
            .bind(limit)
            .fetch_all(db)
            .await?
        }))
    }

    /// One public commitment by its OGP identifier, as the exports read it.
    pub async fn ogp_export_one(&self, tenant: TenantId, ogp_id: &str) -> Result<Option<OgpExportRow>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, OgpExportRow>(
                "SELECT c.id, c.origin, c.ogp_id, c.number, c.status, c.starts_raw, c.ends_raw, c.locality, c.country,
                     c.ogp_extra, v.document
                 FROM commitments c
                 JOIN commitment_versions v ON v.tenant_id = c.tenant_id AND v.commitment_id = c.id
                     AND v.number = c.public_version
                 WHERE c.tenant_id = $1 AND c.ogp_id = $2 AND c.public_version IS NOT NULL
                   AND c.status IN ('forum_endorsed', 'in_consultation', 'final')",
            )
            .bind(tenant.0)
            .bind(ogp_id)
            .fetch_optional(db)
            .await?
        }))
    }

    /// The ratings of the commitments with ids in `first..=last` (one export batch).
    pub async fn assessments_between(&self, tenant: TenantId, first: i64, last: i64) -> Result<Vec<AssessmentRow>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, AssessmentRow>(
                "SELECT commitment_id, indicator, level_key, absent_reason, raw_label, raw_code
                 FROM commitment_assessments
                 WHERE tenant_id = $1 AND commitment_id BETWEEN $2 AND $3
                 ORDER BY commitment_id, id",
            )
            .bind(tenant.0)
            .bind(first)
            .bind(last)
            .fetch_all(db)
            .await?
        }))
    }

    /// The commitment settings, with the current cycle's plan period.
    pub async fn commitment_settings(&self, tenant: TenantId) -> Result<CommitmentSettings> {
        let t: (String, i64, i64, String, String, String, String, String, String) = read!(self, |db| {
            sqlx::query_as(
                "SELECT commitment_prefix, commitments_min, commitments_max, ogp_locality, ogp_slug, ogp_region,
                     ogp_code, ogp_action_plan_id, ogp_national_or_local
                 FROM tenants WHERE id = $1",
            )
            .bind(tenant.0)
            .fetch_one(db)
            .await?
        });
        let plan: Option<(i64, Option<NaiveDate>, Option<NaiveDate>)> = read!(self, |db| {
            sqlx::query_as(
                "SELECT id, plan_starts_on, plan_ends_on FROM cycles
                 WHERE tenant_id = $1 AND is_current = TRUE ORDER BY id DESC LIMIT 1",
            )
            .bind(tenant.0)
            .fetch_optional(db)
            .await?
        });
        Ok(CommitmentSettings {
            prefix: t.0,
            min: t.1,
            max: t.2,
            ogp_locality: t.3,
            ogp_slug: t.4,
            ogp_region: t.5,
            ogp_code: t.6,
            ogp_action_plan_id: t.7,
            ogp_national_or_local: t.8,
            plan,
        })
    }

    /// Saves the commitment settings (and the current cycle's plan period), audited with the
    /// values before and after.
    pub async fn save_commitment_settings(
        &self,
        tenant: TenantId,
        s: &CommitmentSettings,
        ctx: &AuditCtx,
    ) -> Result<()> {
        let before = self.commitment_settings(tenant).await?;
        write!(self, |tx| {
            sqlx::query(
                "UPDATE tenants SET commitment_prefix = $2, commitments_min = $3, commitments_max = $4,
                     ogp_locality = $5, ogp_slug = $6, ogp_region = $7, ogp_code = $8, ogp_action_plan_id = $9,
                     ogp_national_or_local = $10
                 WHERE id = $1",
            )
            .bind(tenant.0)
            .bind(&s.prefix)
            .bind(s.min)
            .bind(s.max)
            .bind(&s.ogp_locality)
            .bind(&s.ogp_slug)
            .bind(&s.ogp_region)
            .bind(&s.ogp_code)
            .bind(&s.ogp_action_plan_id)
            .bind(&s.ogp_national_or_local)
            .execute(&mut *tx)
            .await?;
            if let Some((cycle, starts, ends)) = s.plan {
                sqlx::query(
                    "UPDATE cycles SET plan_starts_on = $3, plan_ends_on = $4 WHERE tenant_id = $1 AND id = $2",
                )
                .bind(tenant.0)
                .bind(cycle)
                .bind(starts)
                .bind(ends)
                .execute(&mut *tx)
                .await?;
            }
            audit!(
                tx,
                ctx,
                "commitment.settings",
                "tenant",
                tenant.0,
                Some(json!(before)),
                Some(json!(s))
            );
        });
        Ok(())
    }
}
