//! The history of a commitment's statuses (the change itself is
//! `Store::set_commitment_status`, beside the versions it marks public).

use chrono::{DateTime, Utc};
use domain::{TenantId, commitments::CommitmentStatus};

use crate::{Result, Store, read};

/// One change of status with its reason and who made it.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct StatusChangeRow {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub from_status: CommitmentStatus,
    #[sqlx(try_from = "String")]
    pub to_status: CommitmentStatus,
    pub reason: String,
    pub changed_by_name: Option<String>,
    pub changed_at: DateTime<Utc>,
}

impl Store {
    /// Every change of status of a commitment, oldest first.
    pub async fn commitment_status_changes(&self, tenant: TenantId, commitment: i64) -> Result<Vec<StatusChangeRow>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, StatusChangeRow>(
                "SELECT s.id, s.from_status, s.to_status, s.reason, u.display_name AS changed_by_name, s.changed_at
                 FROM commitment_status_changes s LEFT JOIN users u ON u.id = s.changed_by
                 WHERE s.tenant_id = $1 AND s.commitment_id = $2 ORDER BY s.id",
            )
            .bind(tenant.0)
            .bind(commitment)
            .fetch_all(db)
            .await?
        }))
    }
}
