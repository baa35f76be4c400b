//! What the public reads of a tenant's drafted commitments: the current cycle's list (filters by
//! OGP value, policy area and status, page numbers), one commitment's public version, its public
//! versions, its ratings, and the plan's facts the quality checks need (period, count).
//!
//! The public reads only a commitment whose status is public (forum-endorsed, in consultation,
//! final) and only the document of its `public_version` (saves made while it is public are
//! public versions, see `drafts`). A draft, a withdrawn commitment or a non-public version is
//! `None` here, whoever asks: these are the public URLs' reads.

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    TenantId,
    commitments::{CommitmentDocument, CommitmentStatus, OgpValue},
};

use crate::{Result, Store, StoreError, read};

/// The statuses the public may read, as SQL (keys of the closed list, no input).
pub(crate) fn public_statuses_sql() -> String {
    CommitmentStatus::ALL
        .iter()
        .filter(|s| s.is_public())
        .map(|s| format!("'{}'", s.key()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The public list's question: the cycle, optional filters, the page (from 0).
#[derive(Debug, Clone)]
pub struct PublicFilter {
    pub cycle_id: i64,
    pub value: Option<OgpValue>,
    /// A key of `vocabulary::POLICY_AREAS` (checked by the caller).
    pub area: Option<String>,
    /// One of the public statuses (a non-public one finds nothing).
    pub status: Option<CommitmentStatus>,
    pub page: i64,
    pub limit: i64,
}

/// A line of the public list: the public version's document holds title, values and areas.
#[derive(Debug, Clone)]
pub struct PublicListRow {
    pub id: i64,
    pub ogp_id: String,
    pub status: CommitmentStatus,
    pub document: CommitmentDocument,
}

#[derive(Debug, Clone)]
pub struct PublicListPage {
    pub rows: Vec<PublicListRow>,
    /// Another page follows.
    pub more: bool,
}

/// A public commitment: its row's facts and its public version.
#[derive(Debug, Clone)]
pub struct PublicCommitment {
    pub id: i64,
    pub cycle_id: Option<i64>,
    pub ogp_id: String,
    pub status: CommitmentStatus,
    pub public_version: i64,
    /// The template version the public version was written against.
    pub template_id: Option<i64>,
    pub source_id: Option<i64>,
    pub version_at: DateTime<Utc>,
    pub document: CommitmentDocument,
}

/// A public version of a commitment, without its document (the history's line).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PublicVersionRow {
    pub number: i64,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

/// The cycle's facts the quality checks and the public page need.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanRow {
    pub id: i64,
    pub title_sq: String,
    pub title_en: String,
    pub plan_starts_on: Option<NaiveDate>,
    pub plan_ends_on: Option<NaiveDate>,
    /// Commitments of the cycle that are not withdrawn.
    pub commitments: i64,
}

#[derive(sqlx::FromRow)]
struct RawListRow {
    id: i64,
    ogp_id: String,
    status: String,
    document: String,
}

#[derive(sqlx::FromRow)]
struct RawCommitment {
    id: i64,
    cycle_id: Option<i64>,
    ogp_id: String,
    status: String,
    public_version: i64,
    template_id: Option<i64>,
    source_id: Option<i64>,
    version_at: DateTime<Utc>,
    document: String,
}

pub(crate) fn decode(json: &str) -> Result<CommitmentDocument> {
    serde_json::from_str(json).map_err(|e| StoreError::Database(sqlx::Error::Decode(e.into())))
}

pub(crate) fn status(key: String) -> Result<CommitmentStatus> {
    CommitmentStatus::try_from(key).map_err(|e| StoreError::Database(sqlx::Error::Decode(e.into())))
}

/// A value bound to a built statement, in order.
pub(crate) enum Param {
    Int(i64),
    Text(String),
}

macro_rules! bind_params {
    ($q:expr, $params:expr) => {{
        let mut q = $q;
        for p in $params {
            q = match p {
                Param::Int(v) => q.bind(*v),
                Param::Text(v) => q.bind(v.clone()),
            };
        }
        q
    }};
}
pub(crate) use bind_params;

/// Adds a parameter; evaluates to its number (`$n`).
pub(crate) fn push(params: &mut Vec<Param>, p: Param) -> usize {
    params.push(p);
    params.len()
}

impl Store {
    /// A page of the cycle's public commitments, in the order of their numbers.
    pub async fn public_commitments(&self, tenant: TenantId, f: &PublicFilter) -> Result<PublicListPage> {
        let mut params = vec![Param::Int(tenant.0), Param::Int(f.cycle_id)];
        let mut sql = format!(
            "SELECT c.id, c.ogp_id, c.status, v.document FROM commitments c
             JOIN commitment_versions v ON v.tenant_id = c.tenant_id AND v.commitment_id = c.id
                  AND v.number = c.public_version AND v.is_public
             WHERE c.tenant_id = $1 AND c.cycle_id = $2 AND c.origin = 'drafted'
               AND c.status IN ({})",
            public_statuses_sql()
        );
        if let Some(s) = f.status {
            let n = push(&mut params, Param::Text(s.key().to_owned()));
            sql.push_str(&format!(" AND c.status = ${n}"));
        }
        // While a commitment is public every save is a public version, so the current values'
        // rows are the public version's.
        if let Some(v) = f.value {
            let n = push(&mut params, Param::Text(v.key().to_owned()));
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM commitment_values cv WHERE cv.tenant_id = c.tenant_id AND cv.commitment_id = c.id AND cv.value_key = ${n})"
            ));
        }
        if let Some(a) = &f.area {
            let n = push(&mut params, Param::Text(a.clone()));
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM commitment_policy_areas ca WHERE ca.tenant_id = c.tenant_id AND ca.commitment_id = c.id AND ca.area_key = ${n})"
            ));
        }
        let limit = push(&mut params, Param::Int(f.limit + 1));
        let offset = push(&mut params, Param::Int(f.page.max(0) * f.limit));
        sql.push_str(&format!(" ORDER BY c.number, c.id LIMIT ${limit} OFFSET ${offset}"));
        let raw: Vec<RawListRow> = read!(self, |db| {
            bind_params!(sqlx::query_as::<_, RawListRow>(sqlx::AssertSqlSafe(sql)), &params)
                .fetch_all(db)
                .await?
        });
        let more = raw.len() as i64 > f.limit;
        let rows = raw
            .into_iter()
            .take(f.limit.max(0) as usize)
            .map(|r| {
                Ok(PublicListRow {
                    id: r.id,
                    ogp_id: r.ogp_id,
                    status: status(r.status)?,
                    document: decode(&r.document)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(PublicListPage { rows, more })
    }

    /// A drafted commitment by its OGP identifier, as the public may read it: its public
    /// version's document. `None` for a draft, a withdrawn one, an imported one (the library
    /// shows those) or an unknown identifier.
    pub async fn public_commitment(&self, tenant: TenantId, ogp_id: &str) -> Result<Option<PublicCommitment>> {
        let sql = format!(
            "SELECT c.id, c.cycle_id, c.ogp_id, c.status, c.public_version, v.template_id, c.source_id,
                    v.created_at AS version_at, v.document
             FROM commitments c
             JOIN commitment_versions v ON v.tenant_id = c.tenant_id AND v.commitment_id = c.id
                  AND v.number = c.public_version AND v.is_public
             WHERE c.tenant_id = $1 AND c.ogp_id = $2 AND c.origin = 'drafted' AND c.status IN ({})",
            public_statuses_sql()
        );
        let raw: Option<RawCommitment> = read!(self, |db| {
            sqlx::query_as::<_, RawCommitment>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(ogp_id)
                .fetch_optional(db)
                .await?
        });
        raw.map(|r| {
            Ok(PublicCommitment {
                id: r.id,
                cycle_id: r.cycle_id,
                ogp_id: r.ogp_id,
                status: status(r.status)?,
                public_version: r.public_version,
                template_id: r.template_id,
                source_id: r.source_id,
                version_at: r.version_at,
                document: decode(&r.document)?,
            })
        })
        .transpose()
    }

    /// The public versions of a commitment, newest first (the caller has found it public).
    pub async fn public_versions(&self, tenant: TenantId, id: i64) -> Result<Vec<PublicVersionRow>> {
        read!(self, |db| {
            sqlx::query_as::<_, PublicVersionRow>(
                "SELECT number, note, created_at FROM commitment_versions
                 WHERE tenant_id = $1 AND commitment_id = $2 AND is_public ORDER BY number DESC",
            )
            .bind(tenant.0)
            .bind(id)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    /// One public version's document; `None` for a version that was never public.
    pub async fn public_version_document(
        &self,
        tenant: TenantId,
        id: i64,
        number: i64,
    ) -> Result<Option<(Option<i64>, CommitmentDocument)>> {
        #[derive(sqlx::FromRow)]
        struct Raw {
            template_id: Option<i64>,
            document: String,
        }
        let raw: Option<Raw> = read!(self, |db| {
            sqlx::query_as::<_, Raw>(
                "SELECT template_id, document FROM commitment_versions
                 WHERE tenant_id = $1 AND commitment_id = $2 AND number = $3 AND is_public",
            )
            .bind(tenant.0)
            .bind(id)
            .bind(number)
            .fetch_optional(db)
            .await?
        });
        raw.map(|r| Ok((r.template_id, decode(&r.document)?))).transpose()
    }

    // (Renamed by the lead from `commitment_plan`: `drafts.rs` has a function of that name.)
    /// The cycle's title, plan period and how many of its commitments are not withdrawn.
    pub async fn public_plan(&self, tenant: TenantId, cycle: i64) -> Result<Option<PlanRow>> {
        read!(self, |db| {
            sqlx::query_as::<_, PlanRow>(
                "SELECT y.id, y.title_sq, y.title_en, y.plan_starts_on, y.plan_ends_on,
                        (SELECT COUNT(*) FROM commitments c
                          WHERE c.tenant_id = y.tenant_id AND c.cycle_id = y.id AND c.status <> 'withdrawn') AS commitments
                 FROM cycles y WHERE y.tenant_id = $1 AND y.id = $2",
            )
            .bind(tenant.0)
            .bind(cycle)
            .fetch_optional(db)
            .await
            .map_err(Into::into)
        })
    }
}

/// An input linked to a public commitment, as the public may see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PublicInputLink {
    pub input_id: i64,
    pub title: String,
}

impl Store {
    /// The inputs adopted into a commitment that the public may read (published, not hidden: a
    /// hidden input's title never leaves the moderation's pages).
    pub async fn public_commitment_inputs(&self, tenant: TenantId, commitment: i64) -> Result<Vec<PublicInputLink>> {
        read!(self, |db| {
            sqlx::query_as::<_, PublicInputLink>(
                // CROSS JOIN keeps the commitment's few links as the outer loop on SQLite: left
                // to itself (no statistics) it walked every published input of the municipality
                // (1 s at 100,000 inputs, found by the benchmark).
                "SELECT i.id AS input_id, i.title FROM commitment_inputs ci
                 CROSS JOIN inputs i
                 WHERE i.id = ci.input_id AND i.tenant_id = ci.tenant_id
                   AND ci.tenant_id = $1 AND ci.commitment_id = $2 AND i.state = 'published' AND i.hidden_at IS NULL
                 ORDER BY ci.linked_at, i.id",
            )
            .bind(tenant.0)
            .bind(commitment)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }
}
