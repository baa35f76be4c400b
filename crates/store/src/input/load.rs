//! Bulk rows for the input benchmark (`bashke generate-input-load`): 100,000 inputs, a million
//! supports and 300,000 comments cannot go through the one-row use cases in reasonable time, so
//! they are written here in multi-row INSERTs, a few thousand per transaction, with the same
//! columns the use cases fill (counters, folded search text, the FTS row on SQLite). No audit
//! rows: nobody did these things. Never used by the application itself.

use chrono::{DateTime, Duration, Utc};
use domain::{TenantId, UserId, fold};

use crate::{Result, Store, read, write};

/// One generated input.
pub struct LoadInput {
    pub kind: &'static str,
    pub title: String,
    pub body: String,
    pub theme_id: Option<i64>,
    pub admin_unit: String,
    pub author_id: i64,
    pub created_at: DateTime<Utc>,
}

/// Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const BATCH: usize = 500;

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
    /// Accounts that never sign in (no password), for supports and comments.
    pub async fn load_users(&self, tenant: TenantId, count: usize, at: DateTime<Utc>) -> Result<Vec<UserId>> {
        let mut ids = Vec::with_capacity(count);
        for chunk_start in (0..count).step_by(BATCH) {
            let n = BATCH.min(count - chunk_start);
            let sql = format!(
                "INSERT INTO users (tenant_id, email, display_name, lang, email_verified_at, created_at) VALUES {} RETURNING id",
                placeholders(n, 6)
            );
            let chunk: Vec<i64> = write!(self, |tx| {
                let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.clone()));
                for i in chunk_start..chunk_start + n {
                    q = q
                        .bind(tenant.0)
                        .bind(format!("ngarkese.{i}@example.org"))
                        .bind(format!("Qytetari Ç{i}"))
                        .bind("sq")
                        .bind(at)
                        .bind(at);
                }
                q.fetch_all(&mut *tx).await?
            });
            ids.extend(chunk.into_iter().map(UserId));
        }
        Ok(ids)
    }

    /// Inserts `inputs` into `phase` and returns their ids in order.
    pub async fn load_inputs(&self, tenant: TenantId, phase: i64, inputs: &[LoadInput]) -> Result<Vec<i64>> {
        let mut ids = Vec::with_capacity(inputs.len());
        for chunk in inputs.chunks(BATCH) {
            let sql = format!(
                "INSERT INTO inputs (tenant_id, phase_id, kind, title, body, theme_id, admin_unit, author_id,
                                     search_text, created_at, updated_at) VALUES {} RETURNING id",
                placeholders(chunk.len(), 11)
            );
            let chunk_ids: Vec<i64> = write!(self, |tx| {
                let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.clone()));
                for i in chunk {
                    q = q
                        .bind(tenant.0)
                        .bind(phase)
                        .bind(i.kind)
                        .bind(&i.title)
                        .bind(&i.body)
                        .bind(i.theme_id)
                        .bind(&i.admin_unit)
                        .bind(i.author_id)
                        .bind(fold(&format!("{} {}", i.title, i.body)))
                        .bind(i.created_at)
                        .bind(i.created_at);
                }
                let ids = q.fetch_all(&mut *tx).await?;
                if self.kind() == crate::BackendKind::Sqlite {
                    let (first, last) = (ids.first().copied().unwrap_or(0), ids.last().copied().unwrap_or(-1));
                    sqlx::query(
                        "INSERT INTO inputs_fts (rowid, title, body)
                         SELECT id, title, body FROM inputs WHERE tenant_id = $1 AND id BETWEEN $2 AND $3",
                    )
                    .bind(tenant.0)
                    .bind(first)
                    .bind(last)
                    .execute(&mut *tx)
                    .await?;
                }
                ids
            });
            ids.extend(chunk_ids);
        }
        Ok(ids)
    }

    /// Supports as (input, user) pairs, each pair once; counters follow.
    pub async fn load_supports(&self, tenant: TenantId, pairs: &[(i64, UserId)], at: DateTime<Utc>) -> Result<()> {
        for chunk in pairs.chunks(BATCH) {
            let sql = format!(
                "INSERT INTO input_supports (tenant_id, input_id, user_id, created_at) VALUES {}",
                placeholders(chunk.len(), 4)
            );
            write!(self, |tx| {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.clone()));
                for (input, user) in chunk {
                    q = q.bind(tenant.0).bind(*input).bind(user.0).bind(at);
                }
                q.execute(&mut *tx).await?;
            });
        }
        Ok(())
    }

    /// Comments on inputs, `(input, author, body)`, one minute apart from `from`.
    pub async fn load_comments(
        &self,
        tenant: TenantId,
        comments: &[(i64, UserId, String)],
        from: DateTime<Utc>,
    ) -> Result<()> {
        for (c, chunk) in comments.chunks(BATCH).enumerate() {
            let sql = format!(
                "INSERT INTO input_comments (tenant_id, input_id, author_id, body, created_at) VALUES {}",
                placeholders(chunk.len(), 5)
            );
            write!(self, |tx| {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.clone()));
                for (i, (input, author, body)) in chunk.iter().enumerate() {
                    let at = from + Duration::seconds(((c * BATCH + i) as i64) * 7);
                    q = q.bind(tenant.0).bind(*input).bind(author.0).bind(body).bind(at);
                }
                q.execute(&mut *tx).await?;
            });
        }
        Ok(())
    }

    /// Sets every input's counters of `phase` from the rows (what the use cases keep in step one
    /// by one). The subqueries name the input only: its rows are the tenant's, and a tenant
    /// condition there made SQLite (without statistics) walk the per-person index of every
    /// support of the tenant for each input.
    pub async fn load_recount(&self, tenant: TenantId, phase: i64) -> Result<()> {
        write!(self, |tx| {
            sqlx::query(
                "UPDATE inputs SET
                    support_count = (SELECT COUNT(*) FROM input_supports s WHERE s.input_id = inputs.id),
                    comment_count = (SELECT COUNT(*) FROM input_comments c WHERE c.tenant_id = inputs.tenant_id AND c.input_id = inputs.id)
                 WHERE tenant_id = $1 AND phase_id = $2",
            )
            .bind(tenant.0)
            .bind(phase)
            .execute(&mut *tx)
            .await?;
            // The bulk rows bypass the store's writes, so their tallies are counted afresh.
            sqlx::query("DELETE FROM input_tallies WHERE tenant_id = $1 AND phase_id = $2")
                .bind(tenant.0)
                .bind(phase)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO input_tallies (tenant_id, phase_id, theme_key, admin_unit, n)
                 SELECT tenant_id, phase_id, COALESCE(theme_id, 0), admin_unit, COUNT(*) FROM inputs
                 WHERE tenant_id = $1 AND phase_id = $2 AND state = 'published'
                 GROUP BY tenant_id, phase_id, COALESCE(theme_id, 0), admin_unit",
            )
            .bind(tenant.0)
            .bind(phase)
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }
}

impl Store {
    /// The newest input phase of the tenant and its themes' ids, for the load generator.
    pub async fn load_phase(&self, tenant: TenantId) -> Result<Option<(i64, Vec<i64>)>> {
        read!(self, |db| {
            let phase: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM input_phases WHERE tenant_id = $1 ORDER BY opens_at DESC, id DESC LIMIT 1",
            )
            .bind(tenant.0)
            .fetch_optional(db)
            .await?;
            match phase {
                None => Ok(None),
                Some(phase) => {
                    let themes: Vec<i64> = sqlx::query_scalar(
                        "SELECT id FROM input_themes WHERE tenant_id = $1 AND phase_id = $2 ORDER BY position",
                    )
                    .bind(tenant.0)
                    .bind(phase)
                    .fetch_all(db)
                    .await?;
                    Ok(Some((phase, themes)))
                }
            }
        })
    }
}
