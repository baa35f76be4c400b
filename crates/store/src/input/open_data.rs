//! Reads for the open data of public input: the rows of the CSV export (fetched in keyset
//! batches so that the export streams with flat memory) and the newest inputs for the Atom feed.
//! Hidden inputs come with their flag and reason; the caller leaves their text out.

use chrono::{DateTime, Utc};
use domain::{
    TenantId,
    input::{InputKind, InputState},
};

use crate::{Result, Store, read};

/// One input with its answer, as the CSV export writes it.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ExportInputRow {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    #[sqlx(try_from = "String")]
    pub kind: InputKind,
    pub title: String,
    pub body: String,
    pub theme_sq: Option<String>,
    pub admin_unit: String,
    pub support_count: i64,
    pub comment_count: i64,
    #[sqlx(try_from = "String")]
    pub state: InputState,
    pub hidden_at: Option<DateTime<Utc>>,
    pub hidden_reason: String,
    pub answer_status: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    /// The justification of the published answer that covers the input (its own, its cluster's,
    /// or that of the input it was merged into or of that input's cluster).
    pub answer_sq: Option<String>,
    pub answer_en: Option<String>,
    pub cluster_id: Option<i64>,
    pub cluster_title: Option<String>,
    pub merged_into_id: Option<i64>,
}

/// A new input for the Atom feed.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct FeedInputRow {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub kind: InputKind,
    pub title: String,
    pub body: String,
    pub author_name: String,
    #[sqlx(try_from = "String")]
    pub state: InputState,
    pub hidden_at: Option<DateTime<Utc>>,
    pub hidden_reason: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Store {
    /// Up to `limit` inputs of the tenant with an id above `after`, in id order, with the answer
    /// that covers each.
    pub async fn export_inputs_batch(&self, tenant: TenantId, after: i64, limit: i64) -> Result<Vec<ExportInputRow>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ExportInputRow>(
                "SELECT i.id, i.created_at, i.kind, i.title, i.body, t.title_sq AS theme_sq, i.admin_unit,
                     i.support_count, i.comment_count, i.state, i.hidden_at, i.hidden_reason, i.answer_status,
                     i.answered_at,
                     COALESCE(own.body_sq, cl.body_sq, mg.body_sq, mc.body_sq) AS answer_sq,
                     COALESCE(own.body_en, cl.body_en, mg.body_en, mc.body_en) AS answer_en,
                     i.cluster_id, c.title_sq AS cluster_title, i.merged_into_id
                 FROM inputs i
                 LEFT JOIN input_themes t ON t.id = i.theme_id AND t.tenant_id = i.tenant_id
                 LEFT JOIN input_clusters c ON c.id = i.cluster_id AND c.tenant_id = i.tenant_id
                 LEFT JOIN input_answers own ON own.input_id = i.id AND own.tenant_id = i.tenant_id
                     AND own.published_at IS NOT NULL
                 LEFT JOIN input_answers cl ON cl.cluster_id = i.cluster_id AND cl.tenant_id = i.tenant_id
                     AND cl.published_at IS NOT NULL
                 LEFT JOIN input_answers mg ON mg.input_id = i.merged_into_id AND mg.tenant_id = i.tenant_id
                     AND mg.published_at IS NOT NULL
                 LEFT JOIN inputs mt ON mt.id = i.merged_into_id AND mt.tenant_id = i.tenant_id
                 LEFT JOIN input_answers mc ON mc.cluster_id = mt.cluster_id AND mc.tenant_id = i.tenant_id
                     AND mc.published_at IS NOT NULL
                 WHERE i.tenant_id = $1 AND i.id > $2
                 ORDER BY i.id LIMIT $3",
            )
            .bind(tenant.0)
            .bind(after)
            .bind(limit)
            .fetch_all(db)
            .await?
        }))
    }

    /// The newest `limit` published inputs (withdrawn ones are left out; hidden ones are kept,
    /// their text left out by the caller).
    pub async fn newest_inputs(&self, tenant: TenantId, limit: i64) -> Result<Vec<FeedInputRow>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, FeedInputRow>(
                "SELECT i.id, i.kind, i.title, i.body, u.display_name AS author_name, i.state, i.hidden_at,
                     i.hidden_reason, i.created_at, i.updated_at
                 FROM inputs i JOIN users u ON u.id = i.author_id
                 WHERE i.tenant_id = $1 AND i.state = 'published'
                 ORDER BY i.created_at DESC, i.id DESC LIMIT $2",
            )
            .bind(tenant.0)
            .bind(limit)
            .fetch_all(db)
            .await?
        }))
    }
}
