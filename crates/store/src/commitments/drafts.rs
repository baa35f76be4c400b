//! Drafted commitments: creating one (its number and OGP identifier allocated in the same
//! transaction), saving a version (refused when somebody saved since the form was opened),
//! reading the current row, its versions and their documents, and the inputs linked to it.
//!
//! The current row (`commitments`) repeats the current version's values that lists filter and
//! search on; `commitment_values`, `commitment_policy_areas`, `commitment_milestones` and, on
//! SQLite, `commitments_fts` are replaced on every save, in the same transaction as the version.

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    TenantId, UserId,
    commitments::{CommitmentDocument, CommitmentStatus, Origin, drafting, ogp_identifier},
    open_call::UnknownValue,
};
use serde_json::json;

use crate::{AuditCtx, BackendKind, Result, Store, StoreError, audit, read, write};

/// A commitment as the forum drafts it.
#[derive(Debug, Clone)]
pub struct NewCommitment {
    pub cycle_id: i64,
    pub template_id: i64,
    pub document: CommitmentDocument,
    pub note: String,
    /// The library entry it was started from.
    pub source_id: Option<i64>,
    pub author: UserId,
}

/// What saving a version did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Saved as this version number.
    Saved(i64),
    /// Somebody saved since the form was opened: nothing was written; `current` is theirs.
    Stale { current: i64 },
}

/// The current row of a commitment.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CommitmentRow {
    pub id: i64,
    pub cycle_id: Option<i64>,
    #[sqlx(try_from = "String")]
    pub origin: Origin,
    pub ogp_id: String,
    pub number: Option<i64>,
    #[sqlx(try_from = "String")]
    pub status: CommitmentStatus,
    pub template_id: Option<i64>,
    pub current_version: i64,
    pub public_version: Option<i64>,
    pub title: String,
    pub brief_description: String,
    pub lead_institution: String,
    pub primary_policy_area: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub source_id: Option<i64>,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub(crate) const COMMITMENT_COLUMNS: &str = "c.id, c.cycle_id, c.origin, c.ogp_id, c.number, c.status, c.template_id, \
     c.current_version, c.public_version, c.title, c.brief_description, c.lead_institution, c.primary_policy_area, \
     c.starts_on, c.ends_on, c.source_id, c.created_by, c.created_at, c.updated_at";

/// One line of the forum's list of a cycle's commitments.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CommitmentListRow {
    pub id: i64,
    pub ogp_id: String,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub status: CommitmentStatus,
    pub current_version: i64,
    pub updated_at: DateTime<Utc>,
    /// Who saved the current version.
    pub last_author: Option<String>,
}

/// A version without its document: the versions page's line.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct VersionRow {
    pub number: i64,
    pub template_id: Option<i64>,
    pub note: String,
    pub is_public: bool,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A version with its document.
#[derive(Debug, Clone)]
pub struct VersionDoc {
    pub version: VersionRow,
    pub document: CommitmentDocument,
}

#[derive(sqlx::FromRow)]
struct RawVersion {
    number: i64,
    template_id: Option<i64>,
    note: String,
    is_public: bool,
    author_id: Option<i64>,
    author_name: Option<String>,
    created_at: DateTime<Utc>,
    document: String,
}

/// A commitment's current document and the template version it was written in.
#[derive(Debug, Clone)]
pub struct CurrentDocument {
    pub id: i64,
    pub template_id: Option<i64>,
    pub document: CommitmentDocument,
}

/// An input linked to a commitment (its page lists them; the input's page links back).
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct LinkedInput {
    pub input_id: i64,
    pub title: String,
}

/// A commitment an input was adopted into, for the input's page.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct InputCommitment {
    pub id: i64,
    pub ogp_id: String,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub status: CommitmentStatus,
}

const VERSION_COLUMNS: &str = "v.number, v.template_id, v.note, v.is_public, v.author_id, \
     u.display_name AS author_name, v.created_at";

fn encode(doc: &CommitmentDocument) -> Result<String> {
    serde_json::to_string(doc).map_err(|e| StoreError::Database(sqlx::Error::Encode(e.into())))
}

/// The stored date as typed in the form (`dd.mm.yyyy`) and its precision: a drafted date is
/// always a whole day.
fn raw_day(d: Option<NaiveDate>) -> (String, Option<&'static str>) {
    match d {
        Some(d) => (d.format("%d.%m.%Y").to_string(), Some("day")),
        None => (String::new(), None),
    }
}

/// Writes the current-row columns of `doc` and replaces its values, areas, milestones and
/// (SQLite) full-text row, inside a write.
macro_rules! write_current {
    ($self:ident, $tx:ident, $tenant:expr, $id:expr, $doc:expr, $at:expr) => {{
        let tenant: TenantId = $tenant;
        let id: i64 = $id;
        let doc: &CommitmentDocument = $doc;
        let (starts_raw, starts_precision) = raw_day(doc.starts_on);
        let (ends_raw, ends_precision) = raw_day(doc.ends_on);
        let body = drafting::search_body(doc);
        sqlx::query(
            "UPDATE commitments SET title = $3, brief_description = $4, lead_institution = $5,
                 primary_policy_area = $6, starts_raw = $7, starts_on = $8, starts_precision = $9,
                 ends_raw = $10, ends_on = $11, ends_precision = $12, search_text = $13, search_body = $14,
                 updated_at = $15
             WHERE tenant_id = $1 AND id = $2",
        )
        .bind(tenant.0)
        .bind(id)
        .bind(&doc.title)
        .bind(doc.field(domain::commitments::template::keys::BRIEF_DESCRIPTION))
        .bind(doc.field(domain::commitments::template::keys::LEAD_INSTITUTION))
        .bind(doc.primary_policy_area.as_deref())
        .bind(starts_raw)
        .bind(doc.starts_on)
        .bind(starts_precision)
        .bind(ends_raw)
        .bind(doc.ends_on)
        .bind(ends_precision)
        .bind(drafting::search_text(doc))
        .bind(&body)
        .bind($at)
        .execute(&mut *$tx)
        .await?;
        for table in ["commitment_values", "commitment_policy_areas", "commitment_milestones"] {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE tenant_id = $1 AND commitment_id = $2"
            )))
            .bind(tenant.0)
            .bind(id)
            .execute(&mut *$tx)
            .await?;
        }
        for v in &doc.values {
            sqlx::query("INSERT INTO commitment_values (tenant_id, commitment_id, value_key) VALUES ($1, $2, $3)")
                .bind(tenant.0)
                .bind(id)
                .bind(v.key())
                .execute(&mut *$tx)
                .await?;
        }
        for a in &doc.policy_areas {
            sqlx::query("INSERT INTO commitment_policy_areas (tenant_id, commitment_id, area_key) VALUES ($1, $2, $3)")
                .bind(tenant.0)
                .bind(id)
                .bind(a)
                .execute(&mut *$tx)
                .await?;
        }
        for (position, m) in doc.milestones.iter().enumerate() {
            let stakeholders = serde_json::to_string(&m.stakeholders)
                .map_err(|e| StoreError::Database(sqlx::Error::Encode(e.into())))?;
            sqlx::query(
                "INSERT INTO commitment_milestones (tenant_id, commitment_id, position, description, expected_output,
                     start_date, expected_completion_date, stakeholders)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(tenant.0)
            .bind(id)
            .bind(position as i64)
            .bind(&m.description)
            .bind(&m.expected_output)
            .bind(m.start_date)
            .bind(m.expected_completion_date)
            .bind(stakeholders)
            .execute(&mut *$tx)
            .await?;
        }
        if $self.kind() == BackendKind::Sqlite {
            sqlx::query("DELETE FROM commitments_fts WHERE rowid = $1")
                .bind(id)
                .execute(&mut *$tx)
                .await?;
            sqlx::query("INSERT INTO commitments_fts (rowid, title, body) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(&doc.title)
                .bind(&body)
                .execute(&mut *$tx)
                .await?;
        }
    }};
}

impl Store {
    /// Creates a drafted commitment in a cycle with its version 1. Its number is the tenant's
    /// next one and its identifier the tenant's prefix with that number (`ALBSN0001`), both
    /// allocated inside the transaction: the tenant row is claimed first, so two creations at
    /// once take turns (PostgreSQL's row lock; SQLite's single writer). A number whose
    /// identifier an imported commitment already holds is skipped. The use case has refused an
    /// empty prefix.
    pub async fn create_commitment(&self, tenant: TenantId, new: &NewCommitment, ctx: &AuditCtx) -> Result<i64> {
        let document = encode(&new.document)?;
        Ok(write!(self, |tx| {
            let prefix: String = sqlx::query_scalar(
                "UPDATE tenants SET commitment_prefix = commitment_prefix WHERE id = $1 RETURNING commitment_prefix",
            )
            .bind(tenant.0)
            .fetch_one(&mut *tx)
            .await?;
            let mut number: i64 =
                sqlx::query_scalar("SELECT COALESCE(MAX(number), 0) + 1 FROM commitments WHERE tenant_id = $1")
                    .bind(tenant.0)
                    .fetch_one(&mut *tx)
                    .await?;
            let ogp_id = loop {
                let candidate = ogp_identifier(&prefix, number);
                let taken: bool = sqlx::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM commitments WHERE tenant_id = $1 AND ogp_id = $2)",
                )
                .bind(tenant.0)
                .bind(&candidate)
                .fetch_one(&mut *tx)
                .await?;
                if !taken {
                    break candidate;
                }
                number += 1;
            };
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO commitments (tenant_id, cycle_id, origin, ogp_id, number, status, template_id,
                     current_version, title, source_id, created_by, created_at, updated_at)
                 VALUES ($1, $2, 'drafted', $3, $4, 'draft', $5, 1, $6, $7, $8, $9, $9) RETURNING id",
            )
            .bind(tenant.0)
            .bind(new.cycle_id)
            .bind(&ogp_id)
            .bind(number)
            .bind(new.template_id)
            .bind(&new.document.title)
            .bind(new.source_id)
            .bind(new.author.0)
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO commitment_versions (tenant_id, commitment_id, number, template_id, document, note,
                     is_public, author_id, created_at)
                 VALUES ($1, $2, 1, $3, $4, $5, FALSE, $6, $7)",
            )
            .bind(tenant.0)
            .bind(id)
            .bind(new.template_id)
            .bind(&document)
            .bind(&new.note)
            .bind(new.author.0)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            write_current!(self, tx, tenant, id, &new.document, ctx.at);
            audit!(
                tx,
                ctx,
                "commitment.create",
                "commitment",
                id,
                None,
                Some(
                    json!({"ogp_id": ogp_id, "cycle_id": new.cycle_id, "title": new.document.title,
                    "note": new.note, "source_id": new.source_id})
                )
            );
            id
        }))
    }

    /// Saves `document` as the next version, if the commitment's current version is still
    /// `base_version` (the one the form was opened on): the UPDATE itself checks it, so that of
    /// two saves from the same version one wins and the other is told `Stale` with nothing
    /// written. A version saved while the commitment is public is public too.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_commitment_version(
        &self,
        tenant: TenantId,
        id: i64,
        base_version: i64,
        document: &CommitmentDocument,
        note: &str,
        author: UserId,
        ctx: &AuditCtx,
    ) -> Result<SaveOutcome> {
        let encoded = encode(document)?;
        Ok(write!(self, |tx| {
            let claimed: Option<(i64, String, Option<i64>)> = sqlx::query_as(
                "UPDATE commitments SET current_version = current_version + 1, updated_at = $4
                 WHERE tenant_id = $1 AND id = $2 AND current_version = $3 AND origin = 'drafted'
                 RETURNING current_version, status, template_id",
            )
            .bind(tenant.0)
            .bind(id)
            .bind(base_version)
            .bind(ctx.at)
            .fetch_optional(&mut *tx)
            .await?;
            match claimed {
                None => {
                    let current: Option<i64> =
                        sqlx::query_scalar("SELECT current_version FROM commitments WHERE tenant_id = $1 AND id = $2")
                            .bind(tenant.0)
                            .bind(id)
                            .fetch_optional(&mut *tx)
                            .await?;
                    SaveOutcome::Stale {
                        current: current.ok_or(StoreError::NotFound)?,
                    }
                }
                Some((number, status, template_id)) => {
                    let status = CommitmentStatus::try_from(status)?;
                    let public = status.is_public();
                    // The title this save replaces, read inside the write after the row was
                    // claimed: read before it, a save in between would be recorded wrongly.
                    let before_title: String =
                        sqlx::query_scalar("SELECT title FROM commitments WHERE tenant_id = $1 AND id = $2")
                            .bind(tenant.0)
                            .bind(id)
                            .fetch_one(&mut *tx)
                            .await?;
                    sqlx::query(
                        "INSERT INTO commitment_versions (tenant_id, commitment_id, number, template_id, document,
                             note, is_public, author_id, created_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    )
                    .bind(tenant.0)
                    .bind(id)
                    .bind(number)
                    .bind(template_id)
                    .bind(&encoded)
                    .bind(note)
                    .bind(public)
                    .bind(author.0)
                    .bind(ctx.at)
                    .execute(&mut *tx)
                    .await?;
                    if public {
                        sqlx::query("UPDATE commitments SET public_version = $3 WHERE tenant_id = $1 AND id = $2")
                            .bind(tenant.0)
                            .bind(id)
                            .bind(number)
                            .execute(&mut *tx)
                            .await?;
                    }
                    write_current!(self, tx, tenant, id, document, ctx.at);
                    audit!(
                        tx,
                        ctx,
                        "commitment.save",
                        "commitment",
                        id,
                        Some(json!({"version": base_version, "title": before_title})),
                        Some(json!({"version": number, "title": document.title, "note": note}))
                    );
                    SaveOutcome::Saved(number)
                }
            }
        }))
    }

    /// Moves a commitment from `from` to `to` with a reason, if it is still in `from` (conflict
    /// on `status` otherwise: somebody moved it meanwhile). Becoming public marks the current
    /// version public and makes it the public one; leaving the public statuses clears
    /// `public_version`.
    pub async fn set_commitment_status(
        &self,
        tenant: TenantId,
        id: i64,
        from: CommitmentStatus,
        to: CommitmentStatus,
        reason: &str,
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            let current: Option<i64> = sqlx::query_scalar(
                "UPDATE commitments SET status = $4, updated_at = $5
                 WHERE tenant_id = $1 AND id = $2 AND status = $3 AND origin = 'drafted'
                 RETURNING current_version",
            )
            .bind(tenant.0)
            .bind(id)
            .bind(from.key())
            .bind(to.key())
            .bind(ctx.at)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(current) = current else {
                return Err(StoreError::Conflict { field: "status".into() });
            };
            if to.is_public() {
                sqlx::query(
                    "UPDATE commitment_versions SET is_public = TRUE
                     WHERE tenant_id = $1 AND commitment_id = $2 AND number = $3",
                )
                .bind(tenant.0)
                .bind(id)
                .bind(current)
                .execute(&mut *tx)
                .await?;
                sqlx::query("UPDATE commitments SET public_version = $3 WHERE tenant_id = $1 AND id = $2")
                    .bind(tenant.0)
                    .bind(id)
                    .bind(current)
                    .execute(&mut *tx)
                    .await?;
            } else {
                // Back to draft, or withdrawn: the public may read no version of it any more
                // (the data contract's NULL), whatever each reader filters on besides.
                sqlx::query("UPDATE commitments SET public_version = NULL WHERE tenant_id = $1 AND id = $2")
                    .bind(tenant.0)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query(
                "INSERT INTO commitment_status_changes (tenant_id, commitment_id, from_status, to_status, reason,
                     changed_by, changed_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(tenant.0)
            .bind(id)
            .bind(from.key())
            .bind(to.key())
            .bind(reason)
            .bind(ctx.actor.map(|a| a.0))
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            audit!(
                tx,
                ctx,
                "commitment.status",
                "commitment",
                id,
                Some(json!({"status": from.key()})),
                Some(json!({"status": to.key(), "reason": reason, "version": current}))
            );
        });
        Ok(())
    }

    /// A commitment of the tenant by id, whatever its status or origin.
    pub async fn commitment(&self, tenant: TenantId, id: i64) -> Result<Option<CommitmentRow>> {
        let sql = format!("SELECT {COMMITMENT_COLUMNS} FROM commitments c WHERE c.tenant_id = $1 AND c.id = $2");
        Ok(read!(self, |db| {
            sqlx::query_as::<_, CommitmentRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(id)
                .fetch_optional(db)
                .await?
        }))
    }

    /// A commitment of the tenant by its OGP identifier.
    pub async fn commitment_by_ogp_id(&self, tenant: TenantId, ogp_id: &str) -> Result<Option<CommitmentRow>> {
        let sql = format!("SELECT {COMMITMENT_COLUMNS} FROM commitments c WHERE c.tenant_id = $1 AND c.ogp_id = $2");
        Ok(read!(self, |db| {
            sqlx::query_as::<_, CommitmentRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(ogp_id)
                .fetch_optional(db)
                .await?
        }))
    }

    /// The drafted commitments of a cycle, every status, by number.
    pub async fn cycle_commitments(&self, tenant: TenantId, cycle: i64) -> Result<Vec<CommitmentListRow>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, CommitmentListRow>(
                "SELECT c.id, c.ogp_id, c.title, c.status, c.current_version, c.updated_at,
                        u.display_name AS last_author
                 FROM commitments c
                 LEFT JOIN commitment_versions v ON v.commitment_id = c.id AND v.number = c.current_version
                 LEFT JOIN users u ON u.id = v.author_id
                 WHERE c.tenant_id = $1 AND c.cycle_id = $2 AND c.origin = 'drafted'
                 ORDER BY c.number, c.id",
            )
            .bind(tenant.0)
            .bind(cycle)
            .fetch_all(db)
            .await?
        }))
    }

    /// The current version of every drafted commitment of a cycle that is not withdrawn, with
    /// the template version it was written in, in one query: what the plan's quality findings
    /// read (the same commitments [`Store::commitment_plan`] counts).
    pub async fn cycle_current_documents(&self, tenant: TenantId, cycle: i64) -> Result<Vec<CurrentDocument>> {
        #[derive(sqlx::FromRow)]
        struct Raw {
            id: i64,
            number: i64,
            template_id: Option<i64>,
            document: String,
        }
        let raw: Vec<Raw> = read!(self, |db| {
            sqlx::query_as::<_, Raw>(
                "SELECT c.id, v.number, v.template_id, v.document FROM commitments c
                 JOIN commitment_versions v ON v.tenant_id = c.tenant_id AND v.commitment_id = c.id
                      AND v.number = c.current_version
                 WHERE c.tenant_id = $1 AND c.cycle_id = $2 AND c.origin = 'drafted' AND c.status <> 'withdrawn'
                 ORDER BY c.number, c.id",
            )
            .bind(tenant.0)
            .bind(cycle)
            .fetch_all(db)
            .await?
        });
        raw.into_iter()
            .map(|r| {
                let document = serde_json::from_str(&r.document).map_err(|_| {
                    StoreError::Unknown(UnknownValue {
                        kind: "commitment version",
                        value: format!("{}/{}", r.id, r.number),
                    })
                })?;
                Ok(CurrentDocument {
                    id: r.id,
                    template_id: r.template_id,
                    document,
                })
            })
            .collect()
    }

    /// Every version of a commitment, newest first, without documents.
    pub async fn commitment_versions(&self, tenant: TenantId, id: i64) -> Result<Vec<VersionRow>> {
        let sql = format!(
            "SELECT {VERSION_COLUMNS} FROM commitment_versions v LEFT JOIN users u ON u.id = v.author_id
             WHERE v.tenant_id = $1 AND v.commitment_id = $2 ORDER BY v.number DESC"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, VersionRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(id)
                .fetch_all(db)
                .await?
        }))
    }

    /// One version of a commitment with its document.
    pub async fn commitment_version(&self, tenant: TenantId, id: i64, number: i64) -> Result<Option<VersionDoc>> {
        let sql = format!(
            "SELECT {VERSION_COLUMNS}, v.document FROM commitment_versions v LEFT JOIN users u ON u.id = v.author_id
             WHERE v.tenant_id = $1 AND v.commitment_id = $2 AND v.number = $3"
        );
        let raw = read!(self, |db| {
            sqlx::query_as::<_, RawVersion>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(id)
                .bind(number)
                .fetch_optional(db)
                .await?
        });
        let Some(r) = raw else { return Ok(None) };
        let document: CommitmentDocument = serde_json::from_str(&r.document).map_err(|_| {
            StoreError::Unknown(UnknownValue {
                kind: "commitment version",
                value: format!("{id}/{number}"),
            })
        })?;
        Ok(Some(VersionDoc {
            version: VersionRow {
                number: r.number,
                template_id: r.template_id,
                note: r.note,
                is_public: r.is_public,
                author_id: r.author_id,
                author_name: r.author_name,
                created_at: r.created_at,
            },
            document,
        }))
    }

    /// Links an input of this tenant to a commitment of this tenant and, when the answer to the
    /// input or to its cluster says "adopted", points the answer at the commitment. Linking twice is
    /// a conflict on `input_id`; an input of another tenant is not found.
    pub async fn link_commitment_input(&self, tenant: TenantId, id: i64, input: i64, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            let ogp_id: Option<String> =
                sqlx::query_scalar("SELECT ogp_id FROM commitments WHERE tenant_id = $1 AND id = $2")
                    .bind(tenant.0)
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let exists: bool =
                sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM inputs WHERE tenant_id = $1 AND id = $2)")
                    .bind(tenant.0)
                    .bind(input)
                    .fetch_one(&mut *tx)
                    .await?;
            let (Some(ogp_id), true) = (ogp_id, exists) else {
                return Err(StoreError::NotFound);
            };
            sqlx::query(
                "INSERT INTO commitment_inputs (tenant_id, commitment_id, input_id, linked_by, linked_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(tenant.0)
            .bind(id)
            .bind(input)
            .bind(ctx.actor.map(|a| a.0))
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            // Only an answer that adopted the input (its own, or its cluster's), and only when it
            // names no commitment yet: a reference the answer's author typed is theirs.
            sqlx::query(
                "UPDATE input_answers SET commitment_ref = $3
                 WHERE tenant_id = $1 AND status = 'adopted' AND commitment_ref = ''
                   AND (input_id = $2
                        OR cluster_id = (SELECT cluster_id FROM inputs WHERE tenant_id = $1 AND id = $2))",
            )
            .bind(tenant.0)
            .bind(input)
            .bind(&ogp_id)
            .execute(&mut *tx)
            .await?;
            audit!(
                tx,
                ctx,
                "commitment.link_input",
                "commitment",
                id,
                None,
                Some(json!({"input_id": input}))
            );
        });
        Ok(())
    }

    /// Removes a link (the answer keeps what it says; its author edits it).
    pub async fn unlink_commitment_input(&self, tenant: TenantId, id: i64, input: i64, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            let done = sqlx::query(
                "DELETE FROM commitment_inputs WHERE tenant_id = $1 AND commitment_id = $2 AND input_id = $3",
            )
            .bind(tenant.0)
            .bind(id)
            .bind(input)
            .execute(&mut *tx)
            .await?;
            // Unlinking what is not linked (a second click, a replayed form) changes nothing
            // and records nothing.
            if done.rows_affected() == 1 {
                audit!(
                    tx,
                    ctx,
                    "commitment.unlink_input",
                    "commitment",
                    id,
                    Some(json!({"input_id": input})),
                    None
                );
            }
        });
        Ok(())
    }

    /// The inputs linked to a commitment (id and title), in the order they were linked.
    pub async fn commitment_inputs(&self, tenant: TenantId, commitment: i64) -> Result<Vec<LinkedInput>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, LinkedInput>(
                "SELECT i.id AS input_id, i.title FROM commitment_inputs ci
                 JOIN inputs i ON i.id = ci.input_id AND i.tenant_id = ci.tenant_id
                 WHERE ci.tenant_id = $1 AND ci.commitment_id = $2 ORDER BY ci.linked_at, i.id",
            )
            .bind(tenant.0)
            .bind(commitment)
            .fetch_all(db)
            .await?
        }))
    }

    /// The commitments an input was adopted into (the input's page says so when public).
    pub async fn input_commitments(&self, tenant: TenantId, input: i64) -> Result<Vec<InputCommitment>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, InputCommitment>(
                "SELECT c.id, c.ogp_id, c.title, c.status FROM commitment_inputs ci
                 JOIN commitments c ON c.id = ci.commitment_id AND c.tenant_id = ci.tenant_id
                 WHERE ci.tenant_id = $1 AND ci.input_id = $2 ORDER BY c.number, c.id",
            )
            .bind(tenant.0)
            .bind(input)
            .fetch_all(db)
            .await?
        }))
    }
}

/// The action plan's period and how many commitments it holds (withdrawn ones apart): what the
/// quality checks compare dates and the count with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PlanFacts {
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub commitments: i64,
}

impl Store {
    /// The position (`pos_key`) of `user`'s accepted seat in the forum of `cycle`, if they hold
    /// one: who may draft in that cycle, and whether they chair it. Someone with two seats is
    /// given the chair first, and an observer's seat last (it does not draft).
    pub async fn commitment_drafter_seat(&self, tenant: TenantId, cycle: i64, user: UserId) -> Result<Option<String>> {
        Ok(read!(self, |db| {
            sqlx::query_scalar::<_, String>(
                "SELECT m.pos_key FROM forum_members m
                 JOIN forums f ON f.id = m.forum_id AND f.tenant_id = m.tenant_id
                 WHERE m.tenant_id = $1 AND f.cycle_id = $2 AND m.user_id = $3 AND m.status = 'accepted'
                 ORDER BY CASE m.pos_key WHEN 'chair' THEN 0 WHEN 'observer' THEN 2 ELSE 1 END, m.id
                 LIMIT 1",
            )
            .bind(tenant.0)
            .bind(cycle)
            .bind(user.0)
            .fetch_optional(db)
            .await?
        }))
    }

    /// The plan period of a cycle and the number of its drafted commitments not withdrawn.
    pub async fn commitment_plan(&self, tenant: TenantId, cycle: i64) -> Result<PlanFacts> {
        let row: Option<(Option<NaiveDate>, Option<NaiveDate>, i64)> = read!(self, |db| {
            sqlx::query_as(
                "SELECT c.plan_starts_on, c.plan_ends_on,
                        (SELECT COUNT(*) FROM commitments k WHERE k.tenant_id = c.tenant_id AND k.cycle_id = c.id
                           AND k.origin = 'drafted' AND k.status <> 'withdrawn')
                 FROM cycles c WHERE c.tenant_id = $1 AND c.id = $2",
            )
            .bind(tenant.0)
            .bind(cycle)
            .fetch_optional(db)
            .await?
        });
        Ok(row
            .map(|(starts_on, ends_on, commitments)| PlanFacts {
                starts_on,
                ends_on,
                commitments,
            })
            .unwrap_or_default())
    }
}
