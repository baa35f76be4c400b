//! Clusters of related inputs, merges of duplicates, and the groups the system proposes from text
//! similarity for forum members to accept, change or reject. Proposals are recomputed on demand:
//! the open ones are replaced, the decided ones kept (a rejected set is not proposed again).

use chrono::{DateTime, Utc};
use domain::{
    TenantId,
    input::{AnswerStatus, InputState, ProposalStatus},
};
use serde_json::json;

use crate::{AuditCtx, Result, Store, audit, input::answers::restamp_inputs, read, write};

/// A cluster with the number of inputs in it.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ClusterRow {
    pub id: i64,
    pub phase_id: i64,
    pub title_sq: String,
    pub title_en: String,
    pub member_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An input as grouping and answers list it: enough to name it and say where it stands. The
/// title of a hidden input is never shown (`hidden_at`), only its reason.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct GroupedInput {
    pub id: i64,
    pub phase_id: i64,
    pub title: String,
    pub author_id: i64,
    #[sqlx(try_from = "String")]
    pub state: InputState,
    pub hidden_at: Option<DateTime<Utc>>,
    pub hidden_reason: String,
    pub cluster_id: Option<i64>,
    pub merged_into_id: Option<i64>,
    pub answer_status: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl GroupedInput {
    pub fn answer_status(&self) -> Option<AnswerStatus> {
        self.answer_status.as_deref().and_then(AnswerStatus::parse)
    }
}

/// The text the similarity is computed from.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SimilarityText {
    pub id: i64,
    pub title: String,
    pub body: String,
}

/// A proposed group.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ProposalRow {
    pub id: i64,
    pub phase_id: i64,
    pub score: i64,
    #[sqlx(try_from = "String")]
    pub status: ProposalStatus,
    pub cluster_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

/// One input of a proposal.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProposalItem {
    pub proposal_id: i64,
    #[sqlx(flatten)]
    pub input: GroupedInput,
}

#[derive(sqlx::FromRow)]
struct RejectedItem {
    proposal_id: i64,
    input_id: i64,
}

pub(crate) const GROUPED_COLUMNS: &str = "i.id, i.phase_id, i.title, i.author_id, i.state, i.hidden_at, i.hidden_reason, \
     i.cluster_id, i.merged_into_id, i.answer_status, i.answered_at, i.created_at";

const CLUSTER_COLUMNS: &str = "c.id, c.phase_id, c.title_sq, c.title_en, \
     (SELECT COUNT(*) FROM inputs m WHERE m.tenant_id = c.tenant_id AND m.cluster_id = c.id) AS member_count, \
     c.created_at, c.updated_at";

/// Puts `inputs` (of the cluster's phase, not merged away) into `cluster` inside a write; inputs
/// of other phases or tenants are ignored. Evaluates to how many were placed.
macro_rules! place_in_cluster {
    ($tx:ident, $tenant:expr, $cluster:expr, $inputs:expr, $at:expr) => {{
        let mut placed = 0u64;
        for input in $inputs {
            placed += sqlx::query(
                "UPDATE inputs SET cluster_id = $3, updated_at = $4
                 WHERE tenant_id = $1 AND id = $2 AND merged_into_id IS NULL
                   AND phase_id = (SELECT phase_id FROM input_clusters WHERE tenant_id = $1 AND id = $3)",
            )
            .bind($tenant.0)
            .bind(*input)
            .bind($cluster)
            .bind($at)
            .execute(&mut *$tx)
            .await?
            .rows_affected();
        }
        placed
    }};
}

impl Store {
    /// The texts of a phase's inputs that may be grouped: published, not hidden, not merged into
    /// another and not yet in a cluster.
    pub async fn grouping_texts(&self, tenant: TenantId, phase: i64) -> Result<Vec<SimilarityText>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, SimilarityText>(
                "SELECT id, title, body FROM inputs
                 WHERE tenant_id = $1 AND phase_id = $2 AND state = 'published' AND hidden_at IS NULL
                   AND merged_into_id IS NULL AND cluster_id IS NULL
                 ORDER BY id",
            )
            .bind(tenant.0)
            .bind(phase)
            .fetch_all(db)
            .await?
        }))
    }

    /// Replaces the open proposals of a phase with `groups` (score, input ids), skipping a group
    /// whose exact set was rejected before. Returns how many were stored.
    pub async fn replace_proposals(
        &self,
        tenant: TenantId,
        phase: i64,
        groups: &[(i64, Vec<i64>)],
        ctx: &AuditCtx,
    ) -> Result<usize> {
        Ok(write!(self, |tx| {
            sqlx::query(
                "DELETE FROM input_proposal_items WHERE tenant_id = $1 AND proposal_id IN
                   (SELECT id FROM input_proposals WHERE tenant_id = $1 AND phase_id = $2 AND status = 'open')",
            )
            .bind(tenant.0)
            .bind(phase)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM input_proposals WHERE tenant_id = $1 AND phase_id = $2 AND status = 'open'")
                .bind(tenant.0)
                .bind(phase)
                .execute(&mut *tx)
                .await?;
            let rejected: Vec<RejectedItem> = sqlx::query_as::<_, RejectedItem>(
                "SELECT it.proposal_id, it.input_id FROM input_proposal_items it
                 JOIN input_proposals p ON p.id = it.proposal_id AND p.tenant_id = it.tenant_id
                 WHERE it.tenant_id = $1 AND p.phase_id = $2 AND p.status = 'rejected'
                 ORDER BY it.proposal_id, it.input_id",
            )
            .bind(tenant.0)
            .bind(phase)
            .fetch_all(&mut *tx)
            .await?;
            let mut rejected_sets: Vec<Vec<i64>> = Vec::new();
            let mut last = None;
            for RejectedItem {
                proposal_id: proposal,
                input_id: input,
            } in rejected
            {
                if last != Some(proposal) {
                    rejected_sets.push(Vec::new());
                    last = Some(proposal);
                }
                if let Some(set) = rejected_sets.last_mut() {
                    set.push(input);
                }
            }
            let mut stored = 0usize;
            for (score, inputs) in groups {
                let mut set = inputs.clone();
                set.sort_unstable();
                if rejected_sets.contains(&set) {
                    continue;
                }
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO input_proposals (tenant_id, phase_id, score, status, created_at)
                     VALUES ($1, $2, $3, 'open', $4) RETURNING id",
                )
                .bind(tenant.0)
                .bind(phase)
                .bind(*score)
                .bind(ctx.at)
                .fetch_one(&mut *tx)
                .await?;
                for input in &set {
                    sqlx::query(
                        "INSERT INTO input_proposal_items (tenant_id, proposal_id, input_id)
                         SELECT $1, $2, id FROM inputs WHERE tenant_id = $1 AND id = $3",
                    )
                    .bind(tenant.0)
                    .bind(id)
                    .bind(*input)
                    .execute(&mut *tx)
                    .await?;
                }
                stored += 1;
            }
            audit!(
                tx,
                ctx,
                "input_proposal.compute",
                "input_phase",
                phase,
                None,
                Some(json!({"proposals": stored}))
            );
            stored
        }))
    }

    /// The proposals of a phase with the given status, best score first.
    pub async fn proposals(&self, tenant: TenantId, phase: i64, status: ProposalStatus) -> Result<Vec<ProposalRow>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ProposalRow>(
                "SELECT id, phase_id, score, status, cluster_id, created_at FROM input_proposals
                 WHERE tenant_id = $1 AND phase_id = $2 AND status = $3 ORDER BY score DESC, id",
            )
            .bind(tenant.0)
            .bind(phase)
            .bind(status.key())
            .fetch_all(db)
            .await?
        }))
    }

    pub async fn proposal(&self, tenant: TenantId, proposal: i64) -> Result<Option<ProposalRow>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ProposalRow>(
                "SELECT id, phase_id, score, status, cluster_id, created_at FROM input_proposals
                 WHERE tenant_id = $1 AND id = $2",
            )
            .bind(tenant.0)
            .bind(proposal)
            .fetch_optional(db)
            .await?
        }))
    }

    /// The inputs of a phase's open proposals, by proposal.
    pub async fn open_proposal_items(&self, tenant: TenantId, phase: i64) -> Result<Vec<ProposalItem>> {
        let sql = format!(
            "SELECT it.proposal_id, {GROUPED_COLUMNS} FROM input_proposal_items it
             JOIN input_proposals p ON p.id = it.proposal_id AND p.tenant_id = it.tenant_id
             JOIN inputs i ON i.id = it.input_id AND i.tenant_id = it.tenant_id
             WHERE it.tenant_id = $1 AND p.phase_id = $2 AND p.status = 'open'
             ORDER BY it.proposal_id, i.id"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ProposalItem>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(phase)
                .fetch_all(db)
                .await?
        }))
    }

    /// Accepts an open proposal as a new cluster titled `title_sq`/`title_en`, with those of its
    /// inputs in `keep` (a forum member may untick some). `None` when the proposal is not open
    /// (decided meanwhile) or not the tenant's.
    pub async fn accept_proposal(
        &self,
        tenant: TenantId,
        proposal: i64,
        keep: &[i64],
        title_sq: &str,
        title_en: &str,
        ctx: &AuditCtx,
    ) -> Result<Option<i64>> {
        Ok(write!(self, |tx| {
            let phase: Option<i64> = sqlx::query_scalar(
                "SELECT phase_id FROM input_proposals WHERE tenant_id = $1 AND id = $2 AND status = 'open'",
            )
            .bind(tenant.0)
            .bind(proposal)
            .fetch_optional(&mut *tx)
            .await?;
            match phase {
                None => None,
                Some(phase) => {
                    let items: Vec<i64> = sqlx::query_scalar(
                        "SELECT input_id FROM input_proposal_items WHERE tenant_id = $1 AND proposal_id = $2",
                    )
                    .bind(tenant.0)
                    .bind(proposal)
                    .fetch_all(&mut *tx)
                    .await?;
                    let chosen: Vec<i64> = keep.iter().copied().filter(|i| items.contains(i)).collect();
                    let cluster: i64 = sqlx::query_scalar(
                        "INSERT INTO input_clusters (tenant_id, phase_id, title_sq, title_en, created_by, created_at,
                             updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
                    )
                    .bind(tenant.0)
                    .bind(phase)
                    .bind(title_sq)
                    .bind(title_en)
                    .bind(ctx.actor.map(|a| a.0))
                    .bind(ctx.at)
                    .fetch_one(&mut *tx)
                    .await?;
                    place_in_cluster!(tx, tenant, cluster, &chosen, ctx.at);
                    restamp_inputs!(tx, tenant, &chosen);
                    sqlx::query(
                        "UPDATE input_proposals SET status = 'accepted', cluster_id = $3, decided_by = $4,
                             decided_at = $5 WHERE tenant_id = $1 AND id = $2",
                    )
                    .bind(tenant.0)
                    .bind(proposal)
                    .bind(cluster)
                    .bind(ctx.actor.map(|a| a.0))
                    .bind(ctx.at)
                    .execute(&mut *tx)
                    .await?;
                    audit!(
                        tx,
                        ctx,
                        "input_proposal.accept",
                        "input_cluster",
                        cluster,
                        Some(json!({"proposal": proposal, "inputs": items})),
                        Some(json!({"title": title_sq, "inputs": chosen}))
                    );
                    Some(cluster)
                }
            }
        }))
    }

    /// Rejects an open proposal. `false` when it is not open or not the tenant's.
    pub async fn reject_proposal(&self, tenant: TenantId, proposal: i64, ctx: &AuditCtx) -> Result<bool> {
        Ok(write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE input_proposals SET status = 'rejected', decided_by = $3, decided_at = $4
                 WHERE tenant_id = $1 AND id = $2 AND status = 'open'",
            )
            .bind(tenant.0)
            .bind(proposal)
            .bind(ctx.actor.map(|a| a.0))
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if done {
                audit!(
                    tx,
                    ctx,
                    "input_proposal.reject",
                    "input_proposal",
                    proposal,
                    Some(json!({"status": "open"})),
                    Some(json!({"status": "rejected"}))
                );
            }
            done
        }))
    }

    /// Creates a cluster by hand in `phase` with `inputs` (those of the phase).
    pub async fn create_cluster(
        &self,
        tenant: TenantId,
        phase: i64,
        title_sq: &str,
        title_en: &str,
        inputs: &[i64],
        ctx: &AuditCtx,
    ) -> Result<i64> {
        Ok(write!(self, |tx| {
            let cluster: i64 = sqlx::query_scalar(
                "INSERT INTO input_clusters (tenant_id, phase_id, title_sq, title_en, created_by, created_at, updated_at)
                 SELECT $1, id, $3, $4, $5, $6, $6 FROM input_phases WHERE tenant_id = $1 AND id = $2 RETURNING id",
            )
            .bind(tenant.0)
            .bind(phase)
            .bind(title_sq)
            .bind(title_en)
            .bind(ctx.actor.map(|a| a.0))
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            place_in_cluster!(tx, tenant, cluster, inputs, ctx.at);
            restamp_inputs!(tx, tenant, inputs);
            audit!(
                tx,
                ctx,
                "input_cluster.create",
                "input_cluster",
                cluster,
                None,
                Some(json!({"title": title_sq, "inputs": inputs}))
            );
            cluster
        }))
    }

    /// Changes a cluster's title and members: inputs no longer listed leave it, new ones join.
    /// `false` when the cluster is not the tenant's.
    pub async fn update_cluster(
        &self,
        tenant: TenantId,
        cluster: i64,
        title_sq: &str,
        title_en: &str,
        inputs: &[i64],
        ctx: &AuditCtx,
    ) -> Result<bool> {
        Ok(write!(self, |tx| {
            let before: Option<String> =
                sqlx::query_scalar("SELECT title_sq FROM input_clusters WHERE tenant_id = $1 AND id = $2")
                    .bind(tenant.0)
                    .bind(cluster)
                    .fetch_optional(&mut *tx)
                    .await?;
            match before {
                None => false,
                Some(before_title) => {
                    let members: Vec<i64> = sqlx::query_scalar(
                        "SELECT id FROM inputs WHERE tenant_id = $1 AND cluster_id = $2 ORDER BY id",
                    )
                    .bind(tenant.0)
                    .bind(cluster)
                    .fetch_all(&mut *tx)
                    .await?;
                    sqlx::query(
                        "UPDATE input_clusters SET title_sq = $3, title_en = $4, updated_at = $5
                         WHERE tenant_id = $1 AND id = $2",
                    )
                    .bind(tenant.0)
                    .bind(cluster)
                    .bind(title_sq)
                    .bind(title_en)
                    .bind(ctx.at)
                    .execute(&mut *tx)
                    .await?;
                    for gone in members.iter().filter(|m| !inputs.contains(m)) {
                        sqlx::query(
                            "UPDATE inputs SET cluster_id = NULL, updated_at = $3 WHERE tenant_id = $1 AND id = $2",
                        )
                        .bind(tenant.0)
                        .bind(*gone)
                        .bind(ctx.at)
                        .execute(&mut *tx)
                        .await?;
                    }
                    let new: Vec<i64> = inputs.iter().copied().filter(|i| !members.contains(i)).collect();
                    place_in_cluster!(tx, tenant, cluster, &new, ctx.at);
                    // Those gone lose the cluster's answer, those new take it.
                    let changed: Vec<i64> = members
                        .iter()
                        .copied()
                        .filter(|m| !inputs.contains(m))
                        .chain(new.iter().copied())
                        .collect();
                    restamp_inputs!(tx, tenant, &changed);
                    audit!(
                        tx,
                        ctx,
                        "input_cluster.update",
                        "input_cluster",
                        cluster,
                        Some(json!({"title": before_title, "inputs": members})),
                        Some(json!({"title": title_sq, "inputs": inputs}))
                    );
                    true
                }
            }
        }))
    }

    pub async fn cluster(&self, tenant: TenantId, cluster: i64) -> Result<Option<ClusterRow>> {
        let sql = format!("SELECT {CLUSTER_COLUMNS} FROM input_clusters c WHERE c.tenant_id = $1 AND c.id = $2");
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ClusterRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(cluster)
                .fetch_optional(db)
                .await?
        }))
    }

    /// The clusters of the tenant (of one phase when given), newest first.
    pub async fn clusters(&self, tenant: TenantId, phase: Option<i64>) -> Result<Vec<ClusterRow>> {
        let sql = format!(
            "SELECT {CLUSTER_COLUMNS} FROM input_clusters c
             WHERE c.tenant_id = $1 AND ($2 IS NULL OR c.phase_id = $2) ORDER BY c.id DESC"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, ClusterRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(phase)
                .fetch_all(db)
                .await?
        }))
    }

    /// The inputs of a cluster, oldest first.
    pub async fn cluster_members(&self, tenant: TenantId, cluster: i64) -> Result<Vec<GroupedInput>> {
        let sql = format!(
            "SELECT {GROUPED_COLUMNS} FROM inputs i WHERE i.tenant_id = $1 AND i.cluster_id = $2 ORDER BY i.id"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, GroupedInput>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(cluster)
                .fetch_all(db)
                .await?
        }))
    }

    /// One input as grouping sees it.
    pub async fn grouped_input(&self, tenant: TenantId, input: i64) -> Result<Option<GroupedInput>> {
        let sql = format!("SELECT {GROUPED_COLUMNS} FROM inputs i WHERE i.tenant_id = $1 AND i.id = $2");
        Ok(read!(self, |db| {
            sqlx::query_as::<_, GroupedInput>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(input)
                .fetch_optional(db)
                .await?
        }))
    }

    /// The inputs of a phase a cluster may hold or an input may be merged into: published, not
    /// hidden, not merged away; oldest first.
    pub async fn groupable_inputs(&self, tenant: TenantId, phase: i64) -> Result<Vec<GroupedInput>> {
        let sql = format!(
            "SELECT {GROUPED_COLUMNS} FROM inputs i
             WHERE i.tenant_id = $1 AND i.phase_id = $2 AND i.state = 'published' AND i.hidden_at IS NULL
               AND i.merged_into_id IS NULL ORDER BY i.id"
        );
        Ok(read!(self, |db| {
            sqlx::query_as::<_, GroupedInput>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(phase)
                .fetch_all(db)
                .await?
        }))
    }

    /// Merges `input` into `into` (same phase, `into` not itself merged, not the same): the
    /// duplicate leaves its cluster and, unless it has its own answer, is covered by the answer
    /// covering `into` (none: unanswered), and so are the inputs merged into the duplicate
    /// before. `false` when refused.
    pub async fn merge_input(&self, tenant: TenantId, input: i64, into: i64, ctx: &AuditCtx) -> Result<bool> {
        Ok(write!(self, |tx| {
            let done = sqlx::query(
                "UPDATE inputs SET merged_into_id = $3, cluster_id = NULL, updated_at = $4
                 WHERE tenant_id = $1 AND id = $2 AND id <> $3 AND merged_into_id IS NULL
                   AND EXISTS (SELECT 1 FROM inputs t WHERE t.tenant_id = $1 AND t.id = $3
                               AND t.phase_id = inputs.phase_id AND t.merged_into_id IS NULL)",
            )
            .bind(tenant.0)
            .bind(input)
            .bind(into)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if done {
                // Inputs merged into the duplicate now point at the input it went into, so that
                // one answer covers them all.
                sqlx::query(
                    "UPDATE inputs SET merged_into_id = $3, updated_at = $4 WHERE tenant_id = $1 AND merged_into_id = $2",
                )
                .bind(tenant.0)
                .bind(input)
                .bind(into)
                .bind(ctx.at)
                .execute(&mut *tx)
                .await?;
                // The duplicate and those merged into it now take the answer covering `into`
                // (or keep their own), and leave the cluster's.
                restamp_inputs!(tx, tenant, &[into]);
                audit!(
                    tx,
                    ctx,
                    "input.merge",
                    "input",
                    input,
                    None,
                    Some(json!({"merged_into": into}))
                );
            }
            done
        }))
    }
}
