//! The audit log: who changed what, when, in which tenant, with values before and after.

use chrono::{DateTime, Utc};
use domain::{TenantId, UserId};

use crate::{Result, Store, read};

/// Who is making a change and when; every write method of the store takes one and records it.
#[derive(Debug, Clone)]
pub struct AuditCtx {
    pub tenant: Option<TenantId>,
    pub actor: Option<UserId>,
    pub at: DateTime<Utc>,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only entries whose action starts with this (e.g. `user.` or `news.create`).
    pub action_prefix: Option<String>,
    pub actor: Option<UserId>,
    /// Keyset pagination: entries older than this id.
    pub before_id: Option<i64>,
}

impl Store {
    /// Newest first, `limit` at most. Keyset-paginated so that page 1000 is as fast as page 1.
    pub async fn list_audit(&self, tenant: TenantId, filter: &AuditFilter, limit: i64) -> Result<Vec<AuditRow>> {
        let prefix = filter.action_prefix.as_ref().map(|p| format!("{}%", escape_like(p)));
        read!(self, |db| {
            sqlx::query_as::<_, AuditRow>(
                "SELECT a.id, a.at, a.actor_id, u.display_name AS actor_name, a.action, a.entity,
                        a.entity_id, a.before_json, a.after_json, a.request_id
                 FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
                 WHERE a.tenant_id = $1
                   AND ($2 IS NULL OR a.action LIKE $2 ESCAPE '\\')
                   AND ($3 IS NULL OR a.actor_id = $3)
                   AND ($4 IS NULL OR a.id < $4)
                 ORDER BY a.id DESC
                 LIMIT $5",
            )
            .bind(tenant.0)
            .bind(prefix)
            .bind(filter.actor.map(|a| a.0))
            .bind(filter.before_id)
            .bind(limit)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }
}

impl Store {
    /// Every entry about one object (e.g. `user` 12, `application` 40), oldest first: part of
    /// what the platform holds about a person.
    pub async fn audit_about(&self, tenant: TenantId, entity: &str, entity_id: i64) -> Result<Vec<AuditRow>> {
        read!(self, |db| {
            sqlx::query_as::<_, AuditRow>(
                "SELECT a.id, a.at, a.actor_id, u.display_name AS actor_name, a.action, a.entity,
                        a.entity_id, a.before_json, a.after_json, a.request_id
                 FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
                 WHERE a.tenant_id = $1 AND a.entity = $2 AND a.entity_id = $3
                 ORDER BY a.id",
            )
            .bind(tenant.0)
            .bind(entity)
            .bind(entity_id.to_string())
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}
