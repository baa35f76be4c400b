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
    /// Only entries with one of these action codes; empty means every action (but `exclude`).
    pub actions: Vec<&'static str>,
    /// Never entries with these codes (reads of personal data, when looking at changes).
    pub exclude: Vec<&'static str>,
    pub actor: Option<UserId>,
    /// Entries at or after this time.
    pub from: Option<DateTime<Utc>>,
    /// Entries strictly before this time.
    pub until: Option<DateTime<Utc>>,
    /// Keyset pagination: entries that come after the entry with this id (older, or as old with
    /// a smaller id).
    pub after_entry: Option<i64>,
}

/// What a page of audit entries refers to, named for people: an application's reference, a
/// call's title, a person's name. `label_en` is empty where the object has one name.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ObjectLabel {
    pub id: i64,
    pub label: String,
    pub label_en: String,
}

/// The tables whose rows an audit entry can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LabelledTable {
    Users,
    Applications,
    Calls,
    News,
    Organisations,
    Cycles,
}

impl LabelledTable {
    fn select(self) -> &'static str {
        match self {
            LabelledTable::Users => "SELECT id, display_name AS label, '' AS label_en FROM users",
            LabelledTable::Applications => {
                "SELECT id, COALESCE(reference, '') AS label, '' AS label_en FROM applications"
            }
            LabelledTable::Calls => "SELECT id, title_sq AS label, title_en AS label_en FROM calls",
            LabelledTable::News => "SELECT id, title_sq AS label, title_en AS label_en FROM news_items",
            LabelledTable::Organisations => "SELECT id, name AS label, '' AS label_en FROM organisations",
            LabelledTable::Cycles => "SELECT id, title_sq AS label, title_en AS label_en FROM cycles",
        }
    }
}

impl Store {
    /// Newest first (by the time of the action), `limit` at most. Keyset-paginated so that page
    /// 1000 is as fast as page 1.
    ///
    /// A kind of action is a few codes; each is read on its own along the `(tenant, action, at)`
    /// index and the pages merged here. One statement with `action IN (…)` walks the whole log
    /// in time order when the kind is rare (43 ms for 2 entries among 73,000).
    pub async fn list_audit(&self, tenant: TenantId, filter: &AuditFilter, limit: i64) -> Result<Vec<AuditRow>> {
        if filter.actions.is_empty() {
            return self.list_audit_of(tenant, filter, None, limit).await;
        }
        let mut rows = Vec::new();
        for code in &filter.actions {
            rows.extend(self.list_audit_of(tenant, filter, Some(code), limit).await?);
        }
        rows.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
        rows.truncate(usize::try_from(limit).unwrap_or(0));
        Ok(rows)
    }

    /// One statement of [`Store::list_audit`]: every action but the excluded ones, or one action.
    async fn list_audit_of(
        &self,
        tenant: TenantId,
        filter: &AuditFilter,
        action: Option<&str>,
        limit: i64,
    ) -> Result<Vec<AuditRow>> {
        // The excluded list varies in length, so the statement is built with bound values only.
        macro_rules! build {
            ($qb:ident) => {{
                $qb.push(
                    "SELECT a.id, a.at, a.actor_id, u.display_name AS actor_name, a.action, a.entity,
                            a.entity_id, a.before_json, a.after_json, a.request_id
                     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
                     WHERE a.tenant_id = ",
                );
                $qb.push_bind(tenant.0);
                if let Some(action) = action {
                    $qb.push(" AND a.action = ").push_bind(action);
                }
                if !filter.exclude.is_empty() {
                    $qb.push(" AND a.action NOT IN (");
                    let mut list = $qb.separated(", ");
                    for code in &filter.exclude {
                        list.push_bind(*code);
                    }
                    $qb.push(")");
                }
                if let Some(actor) = filter.actor {
                    $qb.push(" AND a.actor_id = ").push_bind(actor.0);
                }
                if let Some(from) = filter.from {
                    $qb.push(" AND a.at >= ").push_bind(from);
                }
                if let Some(until) = filter.until {
                    $qb.push(" AND a.at < ").push_bind(until);
                }
                if let Some(entry) = filter.after_entry {
                    $qb.push(" AND (a.at, a.id) < (SELECT at, id FROM audit_log WHERE id = ")
                        .push_bind(entry)
                        .push(" AND tenant_id = ")
                        .push_bind(tenant.0)
                        .push(")");
                }
                $qb.push(" ORDER BY a.at DESC, a.id DESC LIMIT ").push_bind(limit);
            }};
        }
        read!(self, |db| {
            let mut qb = sqlx::QueryBuilder::new("");
            build!(qb);
            qb.build_query_as::<AuditRow>().fetch_all(db).await.map_err(Into::into)
        })
    }

    /// The names of the rows `ids` of `table` in the tenant: one statement for a page of entries.
    pub async fn object_labels(&self, tenant: TenantId, table: LabelledTable, ids: &[i64]) -> Result<Vec<ObjectLabel>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        read!(self, |db| {
            let mut qb = sqlx::QueryBuilder::new(table.select());
            qb.push(" WHERE tenant_id = ").push_bind(tenant.0).push(" AND id IN (");
            let mut list = qb.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            qb.push(")");
            qb.build_query_as::<ObjectLabel>()
                .fetch_all(db)
                .await
                .map_err(Into::into)
        })
    }

    /// The people who did something recorded in the tenant's log, by name: the audit page's
    /// "person" filter. Bounded, because a municipality has many citizens.
    pub async fn audit_actors(&self, tenant: TenantId, limit: i64) -> Result<Vec<ObjectLabel>> {
        read!(self, |db| {
            sqlx::query_as::<_, ObjectLabel>(
                // From the grants of staff roles (the role index), not from every account.
                "SELECT DISTINCT u.id, u.display_name AS label, '' AS label_en
                 FROM role_grants g JOIN users u ON u.id = g.user_id AND u.tenant_id = g.tenant_id
                 WHERE g.tenant_id = $1
                   AND g.role IN ('platform_admin', 'coordinator', 'reviewer', 'forum_member', 'monitoring_body')
                 ORDER BY u.display_name, u.id
                 LIMIT $2",
            )
            .bind(tenant.0)
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
