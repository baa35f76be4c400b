//! Grouping inputs: the proposals computed from text similarity (accepted, changed or rejected
//! by a forum member), clusters made or edited by hand, merging a duplicate into another input,
//! and the public pages of clusters. Every change is for forum members and staff
//! (`Action::GroupAndAnswerInput`); reading clusters is public.

use domain::{
    Action, FieldError,
    input::{InputState, ProposalStatus, answers::parse_cluster_title, similarity::propose_groups},
};
use store::{
    TenantRow,
    input::{
        answers::{AnswerRow, AnswerTarget},
        grouping::{ClusterRow, GroupedInput, ProposalRow},
        phases::InputPhaseRow,
    },
};

use crate::{Actor, ServiceError, Services, common::error::Result};

/// A proposal with its inputs.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub row: ProposalRow,
    pub inputs: Vec<GroupedInput>,
}

/// What `/forum/grouping` shows: the phase grouped, its open proposals and its clusters.
#[derive(Debug, Clone)]
pub struct GroupingBoard {
    pub phase: Option<InputPhaseRow>,
    pub proposals: Vec<Proposal>,
    pub clusters: Vec<ClusterRow>,
    pub threshold_percent: i64,
}

/// A cluster with its inputs and its published answer (a draft too, for forum members).
#[derive(Debug, Clone)]
pub struct ClusterPage {
    pub cluster: ClusterRow,
    pub members: Vec<GroupedInput>,
    pub answer: Option<AnswerRow>,
    pub can_group: bool,
}

/// The cluster form: the cluster (none when new), the phase, the inputs one may tick, and the
/// members one may not (hidden or withdrawn since they joined): saving keeps those.
#[derive(Debug, Clone)]
pub struct ClusterForm {
    pub cluster: Option<ClusterRow>,
    pub phase: InputPhaseRow,
    pub choices: Vec<GroupedInput>,
    pub kept: Vec<GroupedInput>,
}

/// The merge page: the duplicate and the inputs it may be merged into.
#[derive(Debug, Clone)]
pub struct MergeForm {
    pub input: GroupedInput,
    pub targets: Vec<GroupedInput>,
}

impl Services {
    /// The phase grouping works on: the announced phase that opened last (inputs are grouped
    /// during and after it).
    pub async fn grouping_phase(&self, tenant: &TenantRow) -> Result<Option<InputPhaseRow>> {
        Ok(self.store.announced_input_phases(tenant.id()).await?.into_iter().next())
    }

    pub async fn grouping_board(&self, tenant: &TenantRow, actor: &Actor) -> Result<GroupingBoard> {
        actor.require_user(Action::GroupAndAnswerInput)?;
        let phase = self.grouping_phase(tenant).await?;
        let (proposals, clusters) = match &phase {
            None => (Vec::new(), Vec::new()),
            Some(p) => {
                let rows = self.store.proposals(tenant.id(), p.id, ProposalStatus::Open).await?;
                let items = self.store.open_proposal_items(tenant.id(), p.id).await?;
                let proposals = rows
                    .into_iter()
                    .map(|row| Proposal {
                        inputs: items
                            .iter()
                            .filter(|i| i.proposal_id == row.id)
                            .map(|i| i.input.clone())
                            .collect(),
                        row,
                    })
                    .collect();
                (proposals, self.store.clusters(tenant.id(), Some(p.id)).await?)
            }
        };
        Ok(GroupingBoard {
            phase,
            proposals,
            clusters,
            threshold_percent: tenant.input_similarity_percent,
        })
    }

    /// Computes the proposals of the current phase now (replacing the open ones) over its
    /// published, visible inputs that are neither merged nor clustered. Returns how many.
    pub async fn propose_input_groups(&self, tenant: &TenantRow, actor: &Actor) -> Result<usize> {
        let user = actor.require_user(Action::GroupAndAnswerInput)?;
        let Some(phase) = self.grouping_phase(tenant).await? else {
            return Err(ServiceError::field("propose", "grouping_no_phase"));
        };
        let texts = self.store.grouping_texts(tenant.id(), phase.id).await?;
        let joined: Vec<String> = texts.iter().map(|t| format!("{}\n{}", t.title, t.body)).collect();
        // The similarity is pure CPU: off the async threads for a phase of thousands of inputs.
        let percent = tenant.input_similarity_percent;
        let groups = tokio::task::spawn_blocking(move || {
            let refs: Vec<&str> = joined.iter().map(String::as_str).collect();
            propose_groups(&refs, percent)
        })
        .await
        .map_err(|e| ServiceError::Internal(e.into()))?;
        let groups: Vec<(i64, Vec<i64>)> = groups
            .into_iter()
            .map(|g| (g.score, g.members.into_iter().map(|m| texts[m].id).collect()))
            .collect();
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        Ok(self
            .store
            .replace_proposals(tenant.id(), phase.id, &groups, &ctx)
            .await?)
    }

    /// Accepts a proposal as a cluster with the ticked inputs and a title. Only the proposal's
    /// inputs that may still be grouped count (published, visible, not merged meanwhile), and at
    /// least two of them must remain.
    pub async fn accept_input_proposal(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        proposal: i64,
        keep: &[i64],
        title_sq: &str,
        title_en: &str,
    ) -> Result<i64> {
        let user = actor.require_user(Action::GroupAndAnswerInput)?;
        let row = self
            .store
            .proposal(tenant.id(), proposal)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if row.status != ProposalStatus::Open {
            return Err(ServiceError::field("inputs", "grouping_proposal_decided"));
        }
        let items = self.store.open_proposal_items(tenant.id(), row.phase_id).await?;
        let chosen: Vec<i64> = items
            .iter()
            .filter(|i| i.proposal_id == proposal && keep.contains(&i.input.id))
            .map(|i| &i.input)
            .filter(|i| i.state == InputState::Published && i.hidden_at.is_none() && i.merged_into_id.is_none())
            .map(|i| i.id)
            .collect();
        let mut errors = parse_cluster_title(title_sq, title_en).err().unwrap_or_default();
        if chosen.len() < 2 {
            errors.push(FieldError::new("inputs", "grouping_two_inputs"));
        }
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        self.store
            .accept_proposal(tenant.id(), proposal, &chosen, title_sq.trim(), title_en.trim(), &ctx)
            .await?
            .ok_or(ServiceError::field("inputs", "grouping_proposal_decided"))
    }

    pub async fn reject_input_proposal(&self, tenant: &TenantRow, actor: &Actor, proposal: i64) -> Result<()> {
        let user = actor.require_user(Action::GroupAndAnswerInput)?;
        self.store
            .proposal(tenant.id(), proposal)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        // Rejecting one decided meanwhile changes nothing: the board shows where it stands.
        self.store.reject_proposal(tenant.id(), proposal, &ctx).await?;
        Ok(())
    }

    /// The form of a new cluster (current phase) or of an existing one.
    pub async fn cluster_form(&self, tenant: &TenantRow, actor: &Actor, cluster: Option<i64>) -> Result<ClusterForm> {
        actor.require_user(Action::GroupAndAnswerInput)?;
        let cluster = match cluster {
            Some(id) => Some(
                self.store
                    .cluster(tenant.id(), id)
                    .await?
                    .ok_or(ServiceError::NotFound)?,
            ),
            None => None,
        };
        let phase = match &cluster {
            Some(c) => self.store.input_phase(tenant.id(), c.phase_id).await?,
            None => self.grouping_phase(tenant).await?,
        }
        .ok_or(ServiceError::NotFound)?;
        let choices = self.store.groupable_inputs(tenant.id(), phase.id).await?;
        let kept = match &cluster {
            Some(c) => self
                .store
                .cluster_members(tenant.id(), c.id)
                .await?
                .into_iter()
                .filter(|m| !choices.iter().any(|x| x.id == m.id))
                .collect(),
            None => Vec::new(),
        };
        Ok(ClusterForm {
            cluster,
            phase,
            choices,
            kept,
        })
    }

    /// Creates a cluster (`None`) or changes one: title and members (at least two ticked). The
    /// members nobody can tick any more (hidden or withdrawn) stay in it: the form says so.
    pub async fn save_cluster(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        cluster: Option<i64>,
        title_sq: &str,
        title_en: &str,
        inputs: &[i64],
    ) -> Result<i64> {
        let user = actor.require_user(Action::GroupAndAnswerInput)?;
        let form = self.cluster_form(tenant, actor, cluster).await?;
        let mut errors = parse_cluster_title(title_sq, title_en).err().unwrap_or_default();
        let chosen: Vec<i64> = inputs
            .iter()
            .copied()
            .filter(|i| form.choices.iter().any(|c| c.id == *i))
            .collect();
        if chosen.len() < 2 {
            errors.push(FieldError::new("inputs", "grouping_two_inputs"));
        }
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        let (sq, en) = (title_sq.trim(), title_en.trim());
        match cluster {
            Some(id) => {
                let members: Vec<i64> = chosen.iter().copied().chain(form.kept.iter().map(|k| k.id)).collect();
                if !self
                    .store
                    .update_cluster(tenant.id(), id, sq, en, &members, &ctx)
                    .await?
                {
                    return Err(ServiceError::NotFound);
                }
                Ok(id)
            }
            None => Ok(self
                .store
                .create_cluster(tenant.id(), form.phase.id, sq, en, &chosen, &ctx)
                .await?),
        }
    }

    /// Every cluster, newest first (public).
    pub async fn public_clusters(&self, tenant: &TenantRow) -> Result<Vec<ClusterRow>> {
        Ok(self.store.clusters(tenant.id(), None).await?)
    }

    /// A cluster with its inputs and its answer: the public sees the answer once published.
    pub async fn cluster_page(&self, tenant: &TenantRow, actor: &Actor, cluster: i64) -> Result<ClusterPage> {
        let row = self
            .store
            .cluster(tenant.id(), cluster)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let can_group = actor.can(Action::GroupAndAnswerInput) && actor.user.is_some();
        let answer = self
            .store
            .answer_to(tenant.id(), AnswerTarget::Cluster(cluster))
            .await?
            .filter(|a| can_group || a.published_at.is_some());
        Ok(ClusterPage {
            members: self.store.cluster_members(tenant.id(), cluster).await?,
            cluster: row,
            answer,
            can_group,
        })
    }

    /// The merge page of an input: the other inputs of its phase it may be merged into.
    pub async fn merge_form(&self, tenant: &TenantRow, actor: &Actor, input: i64) -> Result<MergeForm> {
        actor.require_user(Action::GroupAndAnswerInput)?;
        let row = self
            .store
            .grouped_input(tenant.id(), input)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let targets = self
            .store
            .groupable_inputs(tenant.id(), row.phase_id)
            .await?
            .into_iter()
            .filter(|t| t.id != input)
            .collect();
        Ok(MergeForm { input: row, targets })
    }

    /// Merges a duplicate into another input of its phase; only with `confirmed` (the handler
    /// shows the confirmation page first).
    pub async fn merge_input(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        input: i64,
        into: Option<i64>,
        confirmed: bool,
    ) -> Result<GroupedInput> {
        let user = actor.require_user(Action::GroupAndAnswerInput)?;
        let form = self.merge_form(tenant, actor, input).await?;
        if form.input.merged_into_id.is_some() {
            return Err(ServiceError::field("into", "grouping_already_merged"));
        }
        let Some(target) = into.and_then(|i| form.targets.into_iter().find(|t| t.id == i)) else {
            return Err(ServiceError::field("into", "grouping_merge_target_invalid"));
        };
        if !confirmed {
            return Err(ServiceError::field("into", "grouping_merge_confirm"));
        }
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        if !self.store.merge_input(tenant.id(), input, target.id, &ctx).await? {
            return Err(ServiceError::field("into", "grouping_merge_target_invalid"));
        }
        Ok(target)
    }
}
